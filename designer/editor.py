"""The editor: the canvas with its tools, turning every request into one undo command.

:class:`DesignEditor` is the widget the application puts in the middle of its window. It
owns the scene and view, the network badge, the port legend and the refusal toast, and it
builds the side widgets the application docks around it — :attr:`palette`,
:attr:`inspector`, :attr:`problems`, :attr:`unrolled` and :attr:`undo_view` — plus
:attr:`actions`, a dict of QActions with the usual shortcuts.

This is where requests become commands (Orange's "items request, the document changes"):
a palette drop, a released drag of cards, a wire dropped on a port, Delete, Paste... each
is checked and pushed through the document as exactly one command from
:mod:`designer.commands`. The same verbs are public methods (:meth:`add_block`,
:meth:`request_wire`, :meth:`delete_selection`, ...) so the application, scripts and
tests drive the editor exactly as the mouse does. A request the design or the lock
refuses is not pushed; its reason appears in the toast.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QMenu, QUndoView, QVBoxLayout, QWidget

from designer import clipboard, style
from designer.actions import build_actions
from designer.commands import (
    AddBlock,
    Connect,
    MoveBlocks,
    PasteBlocks,
    RemoveBlocks,
    TidyLayout,
)
from designer.compat import Wiring
from designer.document import DesignDocument
from designer.engine_text import engine_text
from designer.inspector import InspectorWidget
from designer.items import BlockItem, WireItem
from designer.overlays import Badge, Legend, Toast
from designer.palette import PaletteWidget
from designer.problems import ProblemsWidget
from designer.scene import DesignScene
from designer.unrolled import UnrolledView
from designer.view import DesignView
from engine.catalogue import KINDS
from engine.design import PortRef, Wire
from engine.errors import DesignEditError
from engine.layout import tidy_positions
from engine.validation import Analysis

PASTE_OFFSET = 40.0


class DesignEditor(QWidget):
    """The design canvas and its tools, for one :class:`DesignDocument`."""

    selection_changed = Signal(list)  # the selected block ids

    def __init__(self, document: DesignDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.scene = DesignScene(document, self)
        self.view = DesignView(self.scene, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.palette = PaletteWidget()
        self.inspector = InspectorWidget(document)
        self.problems = ProblemsWidget(document)
        self.unrolled = UnrolledView(document)
        self.undo_view = QUndoView(document.undo_stack)
        self.undo_view.setEmptyLabel(self.tr("Opened design"))
        self.badge = Badge(self)
        self.legend = Legend(self)
        self.toast = Toast(self)
        self.actions = build_actions(self)
        self._pastes = 0
        self.scene.wire_requested.connect(self._on_wire_requested)
        self.scene.move_requested.connect(self._on_move_requested)
        self.scene.selectionChanged.connect(self._on_selection_changed)
        self.scene.block_double_clicked.connect(self._on_block_double_clicked)
        self.view.kind_dropped.connect(self._on_kind_dropped)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.nudge_requested.connect(self.nudge)
        self.palette.block_requested.connect(self._on_block_requested)
        self.problems.block_activated.connect(self._on_problem_activated)
        document.analysis_changed.connect(self._on_analysis_changed)
        document.refused.connect(self.toast.show_message)
        document.locked_changed.connect(self._on_locked_changed)
        document.design_replaced.connect(self._on_design_replaced)
        self.badge.show_analysis(document.analysis)

    # --- blocks -----------------------------------------------------------------------------

    def add_block(self, kind: str, pos: QPointF | None = None) -> str | None:
        """Add a block of ``kind`` centred at ``pos`` (scene; default: the view's centre).

        Returns the new block's id, or None when the edit was refused.
        """
        if kind not in KINDS:
            self.document.refuse(self.tr("There is no block kind '{kind}'.").format(kind=kind))
            return None
        if pos is None:
            pos = self.view.mapToScene(self.view.viewport().rect().center())
            pos = self._free_spot(pos)
        corner = self.scene.snapped(QPointF(pos.x() - style.BLOCK_WIDTH / 2,
                                            pos.y() - style.HEADER_HEIGHT / 2))
        block_id = self.document.design.fresh_id(kind)
        if not self.document.try_push(AddBlock, kind, x=corner.x(), y=corner.y(),
                                      block_id=block_id):
            return None
        self.select_block(block_id, centre=False)
        return block_id

    def _free_spot(self, pos: QPointF) -> QPointF:
        """``pos``, or the nearest spot around it where a new card covers no other card."""
        w, h = style.BLOCK_WIDTH + 30, style.block_height(3) + 30
        for ring in range(8):
            for dx, dy in ((0, ring), (ring, 0), (-ring, 0), (0, -ring), (ring, ring),
                           (-ring, ring), (ring, -ring), (-ring, -ring)):
                spot = pos + QPointF(dx * w, dy * h)
                rect = QRectF(spot.x() - w / 2, spot.y() - 20, w, h)
                if not any(isinstance(i, BlockItem) for i in self.scene.items(rect)):
                    return spot
        return pos

    def delete_selection(self) -> bool:
        ids = self.selected_block_ids()
        wires = [w for w in self.selected_wires() if w.src.block not in ids
                 and w.dst.block not in ids]
        if not ids and not wires:
            return False
        return self.document.try_push(RemoveBlocks, ids, wires)

    def rename_block(self, block_id: str, name: str) -> bool:
        from designer.commands import RenameBlock

        return self.document.try_push(RenameBlock, block_id, name)

    def rename_selected(self) -> None:
        ids = self.selected_block_ids()
        if len(ids) == 1:
            self.inspector.set_block(ids[0])
            self.inspector.focus_name()

    def move_blocks(self, moves: dict[str, tuple[float, float]], nudge: bool = False) -> bool:
        return self.document.try_push(MoveBlocks, moves, nudge=nudge)

    def nudge(self, dx: float, dy: float) -> bool:
        """Move the selection by ``(dx, dy)``; repeated nudges merge into one undo step."""
        design = self.document.design
        moves = {b: (design.block(b).x + dx, design.block(b).y + dy)
                 for b in self.selected_block_ids()}
        return bool(moves) and self.move_blocks(moves, nudge=True)

    def tidy(self) -> bool:
        """Lay the design out in layers, left to right (one undoable step)."""
        design = self.document.design
        positions = tidy_positions(design, self.scene.block_sizes(), grid=style.GRID)
        changed = {b: p for b, p in positions.items()
                   if (design.block(b).x, design.block(b).y) != p}
        if not changed:
            return False
        done = self.document.try_push(TidyLayout, changed)
        self.view.fit()
        return done

    # --- wires ------------------------------------------------------------------------------

    def wire_refusal(self, src: PortRef | str, dst: PortRef | str) -> str:
        """Why ``src -> dst`` cannot be wired (``""`` when it can)."""
        src = src if isinstance(src, PortRef) else PortRef.parse(src)
        dst = dst if isinstance(dst, PortRef) else PortRef.parse(dst)
        return Wiring(self.document.design, self.document.flush_analysis()).refusal(src, dst)

    def request_wire(self, src: PortRef | str, dst: PortRef | str) -> str:
        """Wire ``src`` to ``dst`` if compatible; returns ``""`` or the refusal's reason."""
        try:
            reason = self.wire_refusal(src, dst)
        except ValueError as exc:
            reason = str(exc)
        if not reason and not self.document.try_push(Connect, src, dst):
            reason = self.document.lock_reason or self.tr("the wire was refused")
        if reason:
            self.document.refuse(reason)
        return reason

    def _on_wire_requested(self, src: PortRef, dst: PortRef) -> None:
        self.request_wire(src, dst)

    # --- clipboard --------------------------------------------------------------------------

    def copy_selection(self) -> bool:
        ids = self.selected_block_ids()
        if not ids:
            return False
        clipboard.write(clipboard.fragment(self.document.design, ids))
        self._pastes = 0
        return True

    def cut_selection(self) -> bool:
        ids = self.selected_block_ids()
        if not ids:
            return False
        if self.document.locked:
            self.document.refuse(self.document.lock_reason)
            return False
        self.copy_selection()
        return self.document.try_push(RemoveBlocks, ids, text=self.tr("Cut"))

    def paste(self) -> list[str]:
        """Paste the clipboard's blocks (fresh ids, inner wires kept); returns the new ids."""
        fragment = clipboard.read()
        if fragment is None:
            self.document.refuse(self.tr("The clipboard holds no blocks to paste."))
            return []
        self._pastes += 1
        return self._paste(fragment, self._pastes * PASTE_OFFSET, self.tr("Paste"))

    def duplicate_selection(self) -> list[str]:
        ids = self.selected_block_ids()
        if not ids:
            return []
        fragment = clipboard.fragment(self.document.design, ids)
        return self._paste(fragment, PASTE_OFFSET, self.tr("Duplicate"))

    def _paste(self, fragment: dict, offset: float, text: str) -> list[str]:
        if self.document.locked:
            self.document.refuse(self.document.lock_reason)
            return []
        try:
            command = PasteBlocks(self.document, fragment, (offset, offset), text)
        except DesignEditError as exc:
            self.document.refuse(str(exc))
            return []
        if not self.document.push(command):
            return []
        self.scene.clearSelection()
        for block_id in command.new_ids:
            self.scene.blocks[block_id].setSelected(True)
        return command.new_ids

    # --- selection --------------------------------------------------------------------------

    def selected_block_ids(self) -> list[str]:
        ids = {i.block_id for i in self.scene.selectedItems() if isinstance(i, BlockItem)}
        return [b for b in self.document.design.blocks if b in ids]

    def selected_wires(self) -> list[Wire]:
        return [i.wire for i in self.scene.selectedItems() if isinstance(i, WireItem)]

    def select_block(self, block_id: str, centre: bool = True) -> bool:
        item = self.scene.blocks.get(block_id)
        if item is None:
            return False
        self.scene.clearSelection()
        item.setSelected(True)
        if centre:
            self.view.centre_on(item.sceneBoundingRect())
        return True

    def select_all(self) -> None:
        for item in self.scene.blocks.values():
            item.setSelected(True)

    def set_snap(self, enabled: bool) -> None:
        self.scene.snap_enabled = bool(enabled)
        action = self.actions.get("snap") if hasattr(self, "actions") else None
        if action is not None and action.isChecked() != bool(enabled):
            action.setChecked(bool(enabled))

    # --- slots ------------------------------------------------------------------------------

    def _on_selection_changed(self) -> None:
        ids = self.selected_block_ids()
        self.inspector.set_block(ids[0] if len(ids) == 1 else None, len(ids))
        self.selection_changed.emit(ids)

    def _on_move_requested(self, moves: dict[str, tuple[float, float]]) -> None:
        if not self.move_blocks(moves):
            for block_id in moves:  # put the cards back where the model has them
                block = self.document.design.blocks.get(block_id)
                item = self.scene.blocks.get(block_id)
                if block is not None and item is not None:
                    item.syncing = True
                    item.setPos(block.x, block.y)
                    item.syncing = False

    def _on_kind_dropped(self, kind: str, pos: QPointF) -> None:
        self.add_block(kind, pos)
        self.view.setFocus()

    def _on_block_requested(self, kind: str) -> None:
        self.add_block(kind)

    def _on_block_double_clicked(self, block_id: str) -> None:
        self.inspector.set_block(block_id)
        self.inspector.focus_name()

    def _on_problem_activated(self, block_id: str) -> None:
        self.select_block(block_id, centre=True)

    def _on_analysis_changed(self, analysis: Analysis) -> None:
        self.badge.show_analysis(analysis)
        self._place_overlays()

    def _on_locked_changed(self, locked: bool, reason: str) -> None:
        self.palette.setEnabled(not locked)
        self.palette.setToolTip(reason)
        self.undo_view.setEnabled(not locked)
        if locked:
            self.toast.show_message(reason)

    def _on_design_replaced(self, _design: object) -> None:
        self._pastes = 0
        self.view.fit()

    def _on_context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The menu for a right click at ``pos`` (viewport): the clicked item's verbs, or
        Add block and the canvas's verbs over empty canvas. Selects the clicked item."""
        item = self.view.itemAt(pos)
        while item is not None and not isinstance(item, BlockItem | WireItem):
            item = item.parentItem()
        if item is not None and not item.isSelected():
            self.scene.clearSelection()
            item.setSelected(True)
        menu = QMenu(self)
        if item is not None:
            for name in ("rename", "duplicate", "copy", "cut", "delete"):
                menu.addAction(self.actions[name])
        else:
            add = menu.addMenu(self.tr("Add block"))
            where = self.view.mapToScene(pos)
            for kind in KINDS.values():
                act = add.addAction(engine_text(kind.title))
                act.triggered.connect(lambda _c=False, k=kind.kind: self.add_block(k, where))
            for name in ("paste", "select_all", "tidy", "fit"):
                menu.addAction(self.actions[name])
        return menu

    # --- layout of the overlays ----------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_overlays()

    def _place_overlays(self) -> None:
        self.badge.move(14, 14)
        self.badge.raise_()
        self.legend.move(14, self.height() - self.legend.height() - 14)
        self.legend.raise_()
