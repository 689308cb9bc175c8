"""The document: one design being edited, its undo history, and what analysis says of it.

:class:`DesignDocument` is the hinge between the engine's plain-Python design and the Qt
widgets that show it (the Orange canvas's ``SchemeEditWidget`` document role, without its
widgets). It owns

* the :class:`~engine.design.Design`, the single source of truth. The document subscribes
  to its events and re-emits each one, synchronously, as :attr:`design_event`, so the scene
  mirrors every change the moment it happens;
* the :class:`QUndoStack` of :mod:`designer.commands`. Every edit a person makes is one
  command pushed through :meth:`push`; ``modified_changed`` follows the stack's clean state;
* the latest :class:`~engine.validation.Analysis`. Shape inference runs again ~50 ms after
  the last change (a QTimer coalesces a burst of edits, such as a paste of forty blocks,
  into one run) and :attr:`analysis_changed` carries the result. :meth:`flush_analysis`
  runs a pending analysis at once, for tests and for code that needs fresh shapes;
* the lock. While a training run holds the network, :meth:`set_locked` refuses every
  command that changes the network (parameters, blocks, wires) with the reason given, and
  emits :attr:`refused`; moving and renaming blocks stay allowed, because they do not
  touch what is being trained. Undo and redo of a network edit are refused the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from engine.design import Design
from engine.errors import DesignEditError
from engine.training.settings import TrainingSettings
from engine.validation import Analysis, analyze

if TYPE_CHECKING:
    from engine.design import Event

ANALYSIS_DELAY_MS = 50
_QUIET_EVENTS = frozenset({"design_renamed", "training_changed"})


def changes_network(command: QUndoCommand | None) -> bool:
    """Whether undoing or redoing ``command`` changes the network (see ``DesignCommand``)."""
    return bool(getattr(command, "changes_network", True)) if command is not None else False


class DesignDocument(QObject):
    """A design under edit: the model, its undo stack, its analysis and its lock."""

    design_event = Signal(object)  # every engine event, as it happens
    design_replaced = Signal(object)  # set_design: the new Design
    analysis_changed = Signal(object)  # an Analysis
    modified_changed = Signal(bool)
    locked_changed = Signal(bool, str)
    refused = Signal(str)  # an edit was refused; the reason, for the person

    def __init__(self, design: Design | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._design = design if design is not None else Design()
        self._unsubscribe = self._design.subscribe(self._on_design_event)
        self._analysis: Analysis | None = None
        self._locked = False
        self._lock_reason = ""
        self._stack = QUndoStack(self)
        self._stack.cleanChanged.connect(self._on_clean_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ANALYSIS_DELAY_MS)
        self._timer.timeout.connect(self._on_analysis_due)
        self._timer.start()

    # --- the model ----------------------------------------------------------------------

    @property
    def design(self) -> Design:
        return self._design

    @property
    def undo_stack(self) -> QUndoStack:
        return self._stack

    def set_design(self, design: Design) -> None:
        """Edit ``design`` from now on; the undo history starts afresh (and clean)."""
        self._unsubscribe()
        self._stack.clear()
        self._design = design
        self._unsubscribe = design.subscribe(self._on_design_event)
        self._analysis = None
        self._stack.setClean()
        self.design_replaced.emit(design)
        # at once, not after the edit debounce: a just-opened design must never show the
        # previous design's problems, even for one frame
        self.flush_analysis()

    def _on_design_event(self, event: Event) -> None:
        self.design_event.emit(event)
        if event.name not in _QUIET_EVENTS:
            self._timer.start()

    # --- analysis -----------------------------------------------------------------------

    @property
    def analysis(self) -> Analysis:
        """The latest analysis (computed now if none has run yet)."""
        if self._analysis is None:
            self._analysis = analyze(self._design)
        return self._analysis

    @property
    def analysis_pending(self) -> bool:
        return self._timer.isActive()

    def flush_analysis(self) -> Analysis:
        """Run a pending analysis now (and emit ``analysis_changed``); return the latest."""
        if self._timer.isActive() or self._analysis is None:
            self._timer.stop()
            self._on_analysis_due()
        return self.analysis

    def _on_analysis_due(self) -> None:
        self._analysis = analyze(self._design)
        self.analysis_changed.emit(self._analysis)

    # --- editing --------------------------------------------------------------------------

    def push(self, command: QUndoCommand) -> bool:
        """Do ``command`` and put it on the undo stack, unless the lock refuses it."""
        if self._locked and changes_network(command):
            self.refused.emit(self._lock_reason)
            return False
        self._stack.push(command)
        return True

    def undo(self) -> bool:
        command = self._stack.command(self._stack.index() - 1)
        if command is None:
            return False
        if self._locked and changes_network(command):
            self.refused.emit(self._lock_reason)
            return False
        self._stack.undo()
        return True

    def redo(self) -> bool:
        command = self._stack.command(self._stack.index())
        if command is None:
            return False
        if self._locked and changes_network(command):
            self.refused.emit(self._lock_reason)
            return False
        self._stack.redo()
        return True

    def refuse(self, reason: str) -> None:
        """Tell the person an edit was not made (a message for the canvas's toast)."""
        self.refused.emit(reason)

    def set_training(self, settings: TrainingSettings) -> bool:
        """Replace the training settings, undoably."""
        from designer.commands import SetTraining

        return self.push(SetTraining(self, settings))

    def try_push(self, factory: Any, *args: Any, **kwargs: Any) -> bool:
        """Build a command with ``factory(self, ...)`` and push it; refusals become messages.

        A command checks its arguments when it is built and raises
        :class:`~engine.errors.DesignEditError` for an edit the design would refuse; the
        message is emitted as :attr:`refused` and nothing is pushed.
        """
        if self._locked and getattr(factory, "changes_network", True):
            self.refused.emit(self._lock_reason)
            return False
        try:
            command = factory(self, *args, **kwargs)
        except DesignEditError as exc:
            self.refused.emit(str(exc))
            return False
        return self.push(command)

    # --- clean state and lock --------------------------------------------------------------

    @property
    def modified(self) -> bool:
        return not self._stack.isClean()

    def set_clean(self) -> None:
        """Mark the current state as saved."""
        self._stack.setClean()

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    @property
    def locked(self) -> bool:
        return self._locked

    @property
    def lock_reason(self) -> str:
        return self._lock_reason

    def set_locked(self, locked: bool, reason: str = "") -> None:
        """Refuse (or allow again) edits that change the network, saying ``reason``."""
        if not reason:
            reason = self.tr("The network cannot change while it is being trained; "
                             "stop training first (moving blocks is still allowed).")
        self._locked = bool(locked)
        self._lock_reason = reason if locked else ""
        self.locked_changed.emit(self._locked, self._lock_reason)
