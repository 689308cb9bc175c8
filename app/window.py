"""The main window: the canvas in the centre, tools in docks, training on a worker thread.

The window owns one :class:`designer.document.DesignDocument` (the design being edited,
its undo stack and its analysis) and composes the designer's widgets, the data & training
panel, the live plots and the try-it panel around it. File handling (open, save, recent
files, autosave and recovery) lives in :mod:`app.files`; this module wires the parts
together and runs training: Train hands a copy of the design to a
:class:`app.worker.TrainingController`, locks the network's parameters while the run is
active (the layout stays editable), forwards the run's events to the plots and the
progress bar, and gives the trained weights to the try-it panel and the Export dialog.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QToolBar,
    QWidget,
)

from app.files import FileController
from app.preload import Preloader
from designer.document import DesignDocument
from designer.editor import DesignEditor
from engine.design import Design
from engine.training.events import EpochFinished, RunFailed, RunStarted, StepFinished
from engine.training.settings import TrainingSettings

if TYPE_CHECKING:  # these import torch: the window loads them on a Preloader's thread
    from app.plots import PlotsPanel
    from app.training_panel import TrainingPanel
    from app.tryit import TryItPanel
    from app.worker import TrainingController
    from engine.compiler import CompiledModel
    from engine.data.base import DataSpec, SequenceData


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class MainWindow(QMainWindow):
    """Recurrente's window (see the module docstring)."""

    def __init__(self, design: Design | None = None, *,
                 preloader: Preloader | None = None) -> None:
        """Build the window; with a ``preloader``, the torch-based panels come later.

        Without one, everything is built at once (importing torch on this thread). With
        one, the Data & training, plots and try-it docks show a loading note until the
        preloader's imports are done; a Train pressed meanwhile starts when they are.
        """
        super().__init__()
        self.setObjectName("MainWindow")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)
        self.document = DesignDocument(design)
        self.editor = DesignEditor(self.document, self)
        self.setCentralWidget(self.editor)
        self.training_panel: TrainingPanel | None = None
        self.controller: TrainingController | None = None
        self.plots: PlotsPanel | None = None
        self.tryit: TryItPanel | None = None
        self.files = FileController(self)
        self.trained: tuple[CompiledModel, Design, DataSpec | None] | None = None
        self._run_design: Design | None = None
        self._run_spec: DataSpec | None = None
        self._run_data: SequenceData | None = None
        self._retry_on_cpu = False
        self._train_when_ready = False
        self._started_at = 0.0
        self._steps_total = 0
        self.preloader = preloader
        self.docks: dict[str, QDockWidget] = {}
        self._build_docks()
        self._build_actions()
        self._build_toolbar()
        self._build_status()
        self._connect()
        self.files.update_title()
        self._restore_layout()
        if preloader is None:
            self._attach_training()
        elif preloader.done:
            self._on_preloaded()
        else:
            queued = Qt.ConnectionType.QueuedConnection
            preloader.ready.connect(self._on_preloaded, queued)
            preloader.failed.connect(self._on_preload_failed, queued)

    @property
    def training_ready(self) -> bool:
        """Whether the torch-based panels are built (training can start)."""
        return self.controller is not None

    # --- construction ---------------------------------------------------------------------

    def _dock(self, key: str, title: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def _build_docks(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self._dock("palette", self.tr("Blocks"), self.editor.palette, left)
        history = self._dock("history", self.tr("History"), self.editor.undo_view, left)
        inspector = self._dock("inspector", self.tr("Inspector"), self.editor.inspector, right)
        training = self._dock("training", self.tr("Data && training"), _loading_note(), right)
        self.tabifyDockWidget(inspector, training)
        inspector.raise_()
        problems = self._dock("problems", self.tr("Problems"), self.editor.problems, bottom)
        plots = self._dock("plots", self.tr("Training plots"), _loading_note(), bottom)
        tryit = self._dock("tryit", self.tr("Try it"), _loading_note(), bottom)
        unrolled = self._dock("unrolled", self.tr("Unrolled in time"), self.editor.unrolled,
                              bottom)
        for dock in (plots, tryit, unrolled):
            self.tabifyDockWidget(problems, dock)
        problems.raise_()
        self.tabifyDockWidget(self.docks["palette"], history)
        self.docks["palette"].raise_()
        self.resize(1440, 900)
        self._sized = False

    def _attach_training(self) -> None:
        """Build the torch-based panels into their docks and connect them (once)."""
        if self.controller is not None:
            return
        from app.plots import PlotsPanel
        from app.training_panel import TrainingPanel
        from app.worker import TrainingController

        self.training_panel = TrainingPanel()
        self.controller = TrainingController(parent=self)
        self.plots = PlotsPanel(self.controller.runs)
        # the plots need room: below this their data areas collapse under titles and legends
        self.plots.setMinimumHeight(380)
        self._put("training", self.training_panel)
        self._put("plots", self.plots)
        tryit = self.docks["tryit"]
        # a tabified dock behind another counts as visible: ask what is on screen
        if self.preloader is None or not tryit.visibleRegion().isEmpty():
            self.ensure_tryit()
        else:  # a tenth of a second of plots, built when first looked at or needed
            tryit.visibilityChanged.connect(self._on_tryit_visible)
        self.training_panel.settings_edited.connect(self._on_settings_edited)
        controller = self.controller
        controller.run_started.connect(self.plots.begin_run)
        controller.events.connect(self.plots.add_events)
        controller.events.connect(self._on_events)
        controller.failed.connect(self._on_failed)
        controller.finished.connect(self._on_finished)
        controller.model_ready.connect(self._on_model_ready)
        controller.data_ready.connect(self._on_data_ready)
        controller.state_changed.connect(self._on_state_changed)
        self.training_panel.set_design(self.document.design)
        self.act_train.setEnabled(True)
        self.act_train.setToolTip(self.tr("Train the design on its data set"))

    def _put(self, key: str, widget: QWidget) -> None:
        old = self.docks[key].widget()
        self.docks[key].setWidget(widget)
        old.deleteLater()

    def ensure_tryit(self) -> TryItPanel:
        """The try-it panel, built on the first call."""
        if self.tryit is None:
            from app.tryit import TryItPanel

            self.tryit = TryItPanel()
            self._put("tryit", self.tryit)
        return self.tryit

    @Slot(bool)
    def _on_tryit_visible(self, visible: bool) -> None:
        if visible and self.controller is not None:
            self.ensure_tryit()

    @Slot()
    def _on_preloaded(self) -> None:
        self._attach_training()
        if self._train_when_ready:
            self._train_when_ready = False
            self.train()

    @Slot(str)
    def _on_preload_failed(self, message: str) -> None:
        self._train_when_ready = False
        self.act_train.setEnabled(False)
        self.act_train.setToolTip(message)
        for key in ("training", "plots", "tryit"):
            note = self.docks[key].widget()
            if isinstance(note, QLabel):
                note.setText(message)
        self.statusBar().showMessage(message)

    def _action(self, text: str, slot: Any, shortcut: QKeySequence | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        files = self.files
        self.act_new = self._action(self.tr("&New"), files.new, key.New)
        self.act_open = self._action(self.tr("&Open…"), files.open_dialog, key.Open)
        self.act_save = self._action(self.tr("&Save"), files.save, key.Save)
        self.act_save_as = self._action(self.tr("Save &As…"), files.save_as, key.SaveAs)
        self.act_examples = self._action(self.tr("&Examples…"), files.show_gallery, "Ctrl+E")
        self.act_export = self._action(self.tr("&Export Model…"), self.export_model,
                                       "Ctrl+Shift+E")
        self.act_quit = self._action(self.tr("&Quit"), self.close, key.Quit)
        self.act_train = self._action(self.tr("&Train"), self.train, "Ctrl+Return",
                                      self.tr("Train the design on its data set"))
        self.act_pause = self._action(self.tr("&Pause"), self.toggle_pause, "Ctrl+P")
        self.act_stop = self._action(self.tr("S&top"), self.stop, "Ctrl+.")
        self.act_pause.setEnabled(False)
        self.act_stop.setEnabled(False)
        self.act_export.setEnabled(False)

        bar = self.menuBar()
        menu = bar.addMenu(self.tr("&File"))
        for action in (self.act_new, self.act_open):
            menu.addAction(action)
        self.recent_menu = menu.addMenu(self.tr("Open &Recent"))
        menu.addAction(self.act_examples)
        menu.addSeparator()
        for action in (self.act_save, self.act_save_as, self.act_export):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.act_quit)
        edit = bar.addMenu(self.tr("&Edit"))
        actions = self.editor.actions
        for name in ("undo", "redo", None, "cut", "copy", "paste", "duplicate", "delete",
                     None, "select_all", "rename"):
            edit.addSeparator() if name is None else edit.addAction(actions[name])
        view = bar.addMenu(self.tr("&View"))
        for name in ("zoom_in", "zoom_out", "zoom_reset", "fit", None, "tidy", "snap"):
            view.addSeparator() if name is None else view.addAction(actions[name])
        view.addSeparator()
        panels = view.addMenu(self.tr("&Panels"))
        for dock in self.docks.values():
            panels.addAction(dock.toggleViewAction())
        view.addMenu(self.files.language_menu())
        train = bar.addMenu(self.tr("&Train"))
        for action in (self.act_train, self.act_pause, self.act_stop):
            train.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About Recurrente"), self._about))
        files.rebuild_recent_menu()

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main"))
        bar.setObjectName("toolbar_main")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        for action in (self.act_new, self.act_open, self.act_save, None,
                       self.editor.actions["undo"], self.editor.actions["redo"], None,
                       self.act_train, self.act_pause, self.act_stop, None, self.act_export):
            bar.addSeparator() if action is None else bar.addAction(action)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(360)
        self.progress.setMinimumWidth(240)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("idle"))
        self.progress.setValue(0)
        bar.addSeparator()
        bar.addWidget(self.progress)

    def _build_status(self) -> None:
        self.lock_label = QLabel()
        self.lock_label.setStyleSheet("color: #8a5300; padding: 0 8px;")
        self.statusBar().addPermanentWidget(self.lock_label)

    def _connect(self) -> None:
        doc = self.document
        doc.modified_changed.connect(self.files.on_modified_changed)
        doc.design_replaced.connect(self._on_design_replaced)
        doc.design_event.connect(self._on_design_event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._sized:  # dock sizes only take effect once the window is laid out
            self._sized = True
            if QSettings().value("window/state") is None:
                QTimer.singleShot(0, self._default_dock_sizes)

    def _default_dock_sizes(self) -> None:
        self.resizeDocks([self.docks["palette"], self.docks["inspector"]], [230, 380],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["problems"]], [int(self.height() * 0.45)],
                         Qt.Orientation.Vertical)

    # --- layout persistence -----------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())

    # --- design changes ---------------------------------------------------------------------

    @Slot(object)
    def _on_design_replaced(self, design: Design) -> None:
        if self.training_panel is not None:
            self.training_panel.set_design(design)
        self.files.update_title()

    @Slot(object)
    def _on_design_event(self, event: Any) -> None:
        if self.training_panel is None:  # it reads the design when it is built
            return
        if event.name == "training_changed":
            self.training_panel.set_design(self.document.design)
        elif event.name not in ("block_moved", "block_renamed", "design_renamed"):
            self.training_panel.recheck_fit()

    @Slot(object)
    def _on_settings_edited(self, settings: TrainingSettings) -> None:
        self.document.set_training(settings)

    # --- training ---------------------------------------------------------------------------

    @Slot()
    def train(self) -> None:
        """Start a run on a copy of the design, after checking that it can train."""
        self.train_on(None)

    def train_on(self, device: str | None) -> None:
        """:meth:`train`, on ``device`` instead of the settings' device when given."""
        if self.controller is None or self.training_panel is None:
            self._train_when_ready = True
            self.statusBar().showMessage(self.tr("Loading PyTorch: training starts in a "
                                                 "moment…"), 8000)
            return
        if self.controller.running:
            return
        analysis = self.document.flush_analysis()
        if not analysis.ok:
            self.docks["problems"].raise_()
            self.statusBar().showMessage(self.tr("Fix the problems listed before training "
                                                 "({n} errors).").format(n=len(analysis.errors)),
                                         8000)
            return
        design = self.document.design.copy()
        settings = self.training_panel.current_settings()
        if settings.data is None:
            self.docks["training"].raise_()
            self.statusBar().showMessage(self.tr("Choose a data set in Data & training."), 8000)
            return
        if device is not None:
            settings = settings.replace(device=device)
        settings = self._usable_device(settings)
        if settings is None:
            return
        self._run_design = design
        self._run_spec = self.training_panel.data_spec()
        self._run_data = None
        self._started_at = time.monotonic()
        self._steps_total = 0
        self.controller.start(design, settings, settings.data)
        self.docks["plots"].raise_()

    def _usable_device(self, settings: TrainingSettings) -> TrainingSettings | None:
        """The settings, or a CPU variant if the person accepts it when the device is absent."""
        from engine.training.device import DeviceError, resolve_device

        try:
            resolve_device(settings.device)
        except DeviceError as exc:
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self, self.tr("Device not available"),
                self.tr("{reason}\n\nTrain on the CPU instead?").format(reason=exc),
                buttons.Yes | buttons.No, buttons.Yes)
            if answer != buttons.Yes:
                return None
            self.statusBar().showMessage(self.tr("Training on the CPU: {reason}").format(
                reason=exc), 10000)
            return settings.replace(device="cpu")
        return settings

    @Slot()
    def toggle_pause(self) -> None:
        if self.controller is None:
            return
        if self.controller.state == "paused":
            self.controller.resume()
        elif self.controller.state == "running":
            self.controller.pause()

    @Slot()
    def stop(self) -> None:
        self._train_when_ready = False
        if self.controller is not None:
            self.controller.stop()

    @Slot(str)
    def _on_state_changed(self, state: str) -> None:
        if state == "idle" and self._retry_on_cpu:
            self._retry_on_cpu = False
            QTimer.singleShot(0, lambda: self.train_on("cpu"))
        running = state != "idle"
        self.act_train.setEnabled(not running)
        self.act_pause.setEnabled(running)
        self.act_stop.setEnabled(running)
        self.act_pause.setText(self.tr("&Resume") if state == "paused" else self.tr("&Pause"))
        reason = self.tr("Training: the network's parameters are locked (the layout stays "
                         "editable)")
        self.document.set_locked(running, reason if running else "")
        if self.training_panel is not None:
            self.training_panel.set_locked(running)
        self.lock_label.setText(reason if running else "")
        if state == "paused":
            self.progress.setFormat(self.progress.format() + self.tr(" — paused"))

    @Slot(list)
    def _on_events(self, events: list) -> None:
        for event in events:
            if isinstance(event, RunStarted):
                self._steps_total = event.epochs * event.steps_per_epoch
                self.progress.setRange(0, max(1, self._steps_total))
                self.progress.setValue(0)
            elif isinstance(event, StepFinished | EpochFinished) and self._steps_total:
                step = event.step
                self.progress.setValue(min(step, self._steps_total))
                elapsed = time.monotonic() - self._started_at
                eta = elapsed * (self._steps_total - step) / max(step, 1)
                epoch = event.epoch
                self.progress.setFormat(self.tr("epoch {epoch} · step {step}/{total} · ETA "
                                                "{eta}").format(epoch=epoch, step=step,
                                                                total=self._steps_total,
                                                                eta=_clock(eta)))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if "out of memory" in message.lower():
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self, self.tr("Out of memory"),
                self.tr("{message}\n\nThe device ran out of memory. Train again on the "
                        "CPU?").format(message=message), buttons.Yes | buttons.No,
                buttons.Yes)
            self._retry_on_cpu = answer == buttons.Yes
            self.statusBar().showMessage(message, 15000)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Training stopped"),
                          message, QMessageBox.StandardButton.Ok, self)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()  # never blocks: the window stays usable
        self.statusBar().showMessage(message, 15000)

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        if isinstance(result, RunFailed):
            self.progress.setFormat(self.tr("failed at step {step}").format(step=result.step))
        else:
            self.progress.setFormat(self.tr("{reason} · {steps} steps · {time}").format(
                reason=result.reason, steps=result.steps, time=_clock(result.seconds)))

    @Slot(object)
    def _on_data_ready(self, data: SequenceData) -> None:
        self._run_data = data
        self._run_spec = data.spec

    @Slot(object)
    def _on_model_ready(self, state: dict) -> None:
        """Trained (or paused) weights: give them to the try-it panel and to Export."""
        design = self._run_design
        if design is None:
            return
        from engine.compiler import compile_design

        model = compile_design(design)
        model.load_state_dict(state)
        model.eval()
        self.trained = (model, design, self._run_spec)
        self.act_export.setEnabled(True)
        valid = self._run_data.valid if self._run_data is not None else None
        self.ensure_tryit().set_model(model, design, self._run_spec, valid)

    @Slot()
    def export_model(self) -> None:
        if self.trained is None:
            return
        from app.export_dialog import ExportDialog

        model, design, spec = self.trained
        dialog = ExportDialog(model, design, spec, self.files.folder(), self)
        dialog.open()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Recurrente"), self.tr(
            "<h3>Recurrente</h3><p>Design, train and understand recurrent neural networks: "
            "Elman RNNs, GRUs and LSTMs as taught, wired by hand, trained while you watch "
            "the gradients flow through time.</p>"))

    # --- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard():
            event.ignore()
            return
        if self.controller is not None:
            self.controller.shutdown(10.0)
        if self.preloader is not None:
            # imports cut short by the interpreter's exit could crash it: let them finish
            self.preloader.wait(30.0)
        self.files.close_session()
        self._save_layout()
        event.accept()


def _loading_note() -> QLabel:
    """What a torch-based dock shows until its panel is built."""
    note = QLabel(QCoreApplication.translate("MainWindow", "Loading PyTorch…"))
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    note.setWordWrap(True)
    note.setStyleSheet("color: #777; padding: 16px;")
    return note


def delay(ms: int, slot: Any) -> None:
    """Run ``slot`` once the event loop is running (after the window is shown)."""
    QTimer.singleShot(ms, slot)
