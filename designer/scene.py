"""The scene: a live mirror of the design, kept by its events.

:class:`DesignScene` listens to its document. Each engine event changes exactly the items
it is about — ``block_added`` makes a :class:`~designer.items.BlockItem`, ``wire_removed``
drops one :class:`~designer.items.WireItem`, ``param_changed`` refreshes one card — through
maps from block ids and wires to items, so the scene never re-reads the whole design after
an edit, and never holds a fact the design does not. Each analysis result restyles the
wires (shape labels, the type flowing on them) and marks blocks, ports and wires that
validation found a problem with.

The scene also runs the two drags that items start. Moving cards is Qt's own; when the
mouse is released the new positions are emitted once as :attr:`move_requested`. A wire
drag starts on a port: every port of the other direction lights up when it could accept
the wire, or dims with the reason in its tooltip when it could not (:mod:`designer.compat`);
releasing over an accepting port emits :attr:`wire_requested`. The editor turns both
requests into undo commands.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPicture
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from designer import style
from designer.document import DesignDocument
from designer.engine_text import engine_text
from designer.items import BlockFace, BlockItem, PortFace, PortItem, WireItem
from designer.overview import far_picture
from designer.summaries import block_summary
from designer.wiredrag import WireDrag
from engine.catalogue import get_kind
from engine.design import Design, Event, PortRef, Wire
from engine.layout import is_feedback_wire
from engine.validation import Analysis

SEVERITY_RANK = {"": 0, "warning": 1, "error": 2}


class DesignScene(QGraphicsScene):
    """The canvas's scene for one :class:`DesignDocument`."""

    wire_requested = Signal(object, object)  # src PortRef, dst PortRef
    move_requested = Signal(object)  # {block_id: (x, y)}
    block_double_clicked = Signal(str)

    def __init__(self, document: DesignDocument, parent: object = None) -> None:
        super().__init__(parent)
        self.document = document
        self.blocks: dict[str, BlockItem] = {}
        self.wires: dict[Wire, WireItem] = {}
        self._wires_of: dict[str, set[Wire]] = {}
        self.snap_enabled = True
        self._cache_scale: float | None = None  # None: device-resolution item caches
        self.far = False  # zoomed far out: the view draws far_picture() instead of items
        self.far_version = 0  # changes whenever the far picture would
        self._far_picture: QPicture | None = None
        self._drag: WireDrag | None = None
        self._rect_timer = QTimer(self)
        self._rect_timer.setSingleShot(True)
        self._rect_timer.timeout.connect(self._on_rect_due)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        document.design_event.connect(self._on_design_event)
        document.design_replaced.connect(self._on_design_replaced)
        document.analysis_changed.connect(self._on_analysis_changed)
        self.selectionChanged.connect(self._on_selection_changed)
        self._on_design_replaced(document.design)

    @property
    def design(self) -> Design:
        return self.document.design

    # --- mirroring the design --------------------------------------------------------------

    def _on_design_replaced(self, design: Design) -> None:
        self._drag = None
        self.clear()
        self.blocks.clear()
        self.wires.clear()
        self._wires_of.clear()
        for block_id in design.blocks:
            self._add_block(block_id)
        for wire in design.wires:
            self._add_wire(wire, place=False)
        self._place_labels(list(self.wires.values()))
        self._on_rect_due()
        self._far_changed()

    def _on_design_event(self, event: Event) -> None:
        name = event.name
        if name == "block_added":
            self._add_block(event.block_id)  # type: ignore[union-attr]
        elif name == "block_removed":
            item = self.blocks.pop(event.block_id)  # type: ignore[union-attr]
            self._wires_of.pop(item.block_id, None)
            self.removeItem(item)
        elif name == "wire_added":
            self._add_wire(event.wire)  # type: ignore[union-attr]
        elif name == "wire_removed":
            wire = event.wire  # type: ignore[union-attr]
            self.removeItem(self.wires.pop(wire))
            for end in (wire.src.block, wire.dst.block):
                self._wires_of.get(end, set()).discard(wire)
        elif name in ("param_changed", "block_renamed"):
            block_id = event.block_id  # type: ignore[union-attr]
            self.blocks[block_id].set_face(self.face(block_id))
            self._reroute(block_id)
        elif name == "block_moved":
            item = self.blocks[event.block_id]  # type: ignore[union-attr]
            block = self.design.block(item.block_id)
            if item.pos() != QPointF(block.x, block.y):
                item.syncing = True
                item.setPos(block.x, block.y)
                item.syncing = False
            self._reroute(item.block_id)
        self._rect_timer.start(0)
        self._far_changed()

    def _add_block(self, block_id: str) -> None:
        block = self.design.block(block_id)
        item = BlockItem(block_id, self.face(block_id))
        item.syncing = True
        item.setPos(block.x, block.y)
        item.syncing = False
        self.blocks[block_id] = item
        self._wires_of.setdefault(block_id, set())
        self.addItem(item)
        self._apply_cache(item)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, self.far)

    def _add_wire(self, wire: Wire, place: bool = True) -> None:
        item = WireItem(wire)
        self.wires[wire] = item
        for end in (wire.src.block, wire.dst.block):
            self._wires_of.setdefault(end, set()).add(wire)
        analysis = self.document.analysis
        shape = analysis.shapes.get(wire.src)
        item.set_label(style.shape_text(shape.label()) if shape else "")
        item.set_style(self._type_of(wire.src, analysis), is_feedback_wire(self.design, wire))
        self._route(item)
        self.addItem(item)
        if place:
            self._place_labels([item])
        self._apply_cache(item)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, self.far)

    def face(self, block_id: str) -> BlockFace:
        """What the card of ``block_id`` shows, from the design (and the latest analysis)."""
        block = self.design.block(block_id)
        spec = get_kind(block.kind)
        assert spec is not None
        analysis = self.document.analysis
        ports = []
        for port in spec.ports(block.params):
            ref = PortRef(block_id, port.name)
            types = tuple(t.value for t in port.types)
            shape = analysis.shapes.get(ref) if port.direction == "out" else None
            if shape is not None:
                types = (shape.type.value,)
            accepts = " / ".join(engine_text(t) for t in types)
            where = self.tr("input") if port.direction == "in" else self.tr("output")
            # the port's name stays as written: files, help and messages refer to it so
            tip = f"{port.name} · {where} · {accepts}"
            if shape is not None:
                tip += f"  {style.shape_text(shape.label())}"
            ports.append(PortFace(port.name, port.direction, types,
                                  f"{tip}\n{engine_text(port.help)}"))
        title = engine_text(spec.title)
        summary = block_summary(block.kind, block.params)
        help_line = engine_text(spec.help).splitlines()[0] if spec.help else ""
        # the summary again in the tooltip: on the card a long one is elided
        return BlockFace(block.name, title, spec.category, summary, tuple(ports),
                         f"{title} '{block.name}' ({block_id})\n{summary}\n{help_line}")

    def _type_of(self, ref: PortRef, analysis: Analysis) -> str | None:
        shape = analysis.shapes.get(ref)
        if shape is not None:
            return shape.type.value
        block = self.design.blocks.get(ref.block)
        spec = get_kind(block.kind) if block else None
        port = spec.port(block.params, ref.port) if spec and block else None
        return port.types[0].value if port and len(port.types) == 1 else None

    # --- wire geometry ----------------------------------------------------------------------

    def _route(self, item: WireItem) -> None:
        src, dst = self.blocks.get(item.wire.src.block), self.blocks.get(item.wire.dst.block)
        if src is None or dst is None:
            return
        lane = max(src.sceneBoundingRect().bottom(), dst.sceneBoundingRect().bottom()) + 22
        item.set_ends(src.port_anchor(item.wire.src.port), dst.port_anchor(item.wire.dst.port),
                      lane)

    def _reroute(self, block_id: str) -> None:
        items = [self.wires[w] for w in self._wires_of.get(block_id, ()) if w in self.wires]
        for item in items:
            self._route(item)
        self._place_labels(items)
        if self._cache_scale is not None:
            for item in items:
                self._apply_cache(item)

    # --- item caches ------------------------------------------------------------------------

    def set_cache_scale(self, scale: float | None) -> None:
        """Cache items at device resolution (None), or as pixmaps at ``scale`` that the
        view only rescales: zooming then costs a blit per item instead of a repaint (the
        view asks for this while a zoom gesture runs, and when zoomed far out)."""
        if scale == self._cache_scale:
            return
        self._cache_scale = scale
        for item in [*self.blocks.values(), *self.wires.values()]:
            self._apply_cache(item)

    @property
    def cache_scale(self) -> float | None:
        return self._cache_scale

    def set_far(self, far: bool) -> None:
        """Zoomed far out, items stop painting and the view draws :meth:`far_picture`."""
        if far == self.far:
            return
        self.far = far
        for item in [*self.blocks.values(), *self.wires.values()]:
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, far)
        self._far_changed()

    def far_picture(self) -> QPicture:
        """Every card and wire drawn plain, recorded once (see :mod:`designer.overview`)."""
        if self._far_picture is None:
            self._far_picture = far_picture(self.blocks.values(), self.wires.values())
        return self._far_picture

    def _far_changed(self) -> None:
        self._far_picture = None
        self.far_version += 1
        if self.far:
            self.update()

    def _on_selection_changed(self) -> None:
        self._far_changed()

    def _apply_cache(self, item: BlockItem | WireItem) -> None:
        scale = self._cache_scale
        if scale is None:
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            return
        bounds = item.boundingRect()
        size = QSize(max(1, math.ceil(bounds.width() * scale)),
                     max(1, math.ceil(bounds.height() * scale)))
        item.setCacheMode(QGraphicsItem.CacheMode.ItemCoordinateCache, size)

    def _place_labels(self, items: list[WireItem]) -> None:
        for item in items:
            def is_free(rect: QRectF, me: WireItem = item) -> bool:
                for other in self.items(rect, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
                    if isinstance(other, BlockItem) and \
                            other.sceneBoundingRect().adjusted(6, 6, -6, -8).intersects(rect):
                        return False
                    if isinstance(other, WireItem) and other is not me and other.label and \
                            other.pill_rect().intersects(rect):
                        return False
                return True

            item.place_label(is_free)

    def block_item_moved(self, item: BlockItem) -> None:
        """Called by a card while Qt drags it: its wires follow."""
        if item.block_id in self.blocks:
            self._reroute(item.block_id)
            self._far_changed()

    # --- analysis ---------------------------------------------------------------------------

    def _on_analysis_changed(self, analysis: Analysis) -> None:
        for block_id, item in self.blocks.items():
            if block_id in self.design.blocks:
                item.set_face(self.face(block_id))
        for wire, item in self.wires.items():
            shape = analysis.shapes.get(wire.src)
            item.set_label(style.shape_text(shape.label()) if shape else "")
            item.set_style(self._type_of(wire.src, analysis), is_feedback_wire(self.design, wire))
        self.mark_problems(analysis)
        self._place_labels(list(self.wires.values()))
        self._far_changed()

    def mark_problems(self, analysis: Analysis) -> None:
        """Colour the blocks, ports and wires that ``analysis`` has problems with."""
        blocks: dict[str, tuple[str, list[str]]] = {}
        ports: dict[PortRef, str] = {}
        for problem in analysis.problems:
            if problem.block is None:
                continue
            severity, messages = blocks.get(problem.block, ("", []))
            if SEVERITY_RANK[problem.severity] > SEVERITY_RANK[severity]:
                severity = problem.severity
            blocks[problem.block] = (severity, [*messages, problem.message])
            if problem.port:
                ref = PortRef(problem.block, problem.port)
                if SEVERITY_RANK[problem.severity] > SEVERITY_RANK[ports.get(ref, "")]:
                    ports[ref] = problem.severity
        for block_id, item in self.blocks.items():
            severity, messages = blocks.get(block_id, ("", []))
            item.set_problem(severity, "\n⚠ ".join(messages))
            for port in item.ports.values():
                port.set_problem(ports.get(PortRef(block_id, port.name), ""))
        messages_at = {PortRef(p.block, p.port): p.message for p in analysis.problems
                       if p.block and p.port}
        for wire, item in self.wires.items():
            item.set_problem(ports.get(wire.dst, ""), messages_at.get(wire.dst, ""))

    # --- moving and snapping ---------------------------------------------------------------

    def snapped(self, pos: QPointF) -> QPointF:
        if not self.snap_enabled:
            return pos
        g = style.GRID
        return QPointF(round(pos.x() / g) * g, round(pos.y() / g) * g)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        moved = {}
        for item in self.selectedItems():
            if isinstance(item, BlockItem) and item.block_id in self.design.blocks:
                block = self.design.block(item.block_id)
                if item.pos() != QPointF(block.x, block.y):
                    moved[item.block_id] = (item.pos().x(), item.pos().y())
        if moved:
            self.move_requested.emit(moved)

    def block_sizes(self) -> dict[str, tuple[float, float]]:
        return {b: (style.BLOCK_WIDTH, item.height) for b, item in self.blocks.items()}

    def _on_rect_due(self) -> None:
        bounds = self.itemsBoundingRect()
        self.setSceneRect(bounds.adjusted(-3000, -3000, 3000, 3000))

    # --- wire drags -------------------------------------------------------------------------

    def begin_wire_drag(self, port: PortItem, pos: QPointF) -> None:
        if self.document.locked:
            self.document.refuse(self.document.lock_reason)
            return
        self._drag = WireDrag(self, port)

    def drag_wire_to(self, pos: QPointF, screen_pos: object = None) -> None:
        if self._drag is not None:
            self._drag.move(pos, screen_pos)

    def end_wire_drag(self, pos: QPointF) -> None:
        drag, self._drag = self._drag, None
        if drag is None:
            return
        target = drag.finish(pos)
        if target is None:
            return
        reason = drag.reasons.get(target, "")
        if reason:
            self.document.refuse(reason)
        else:
            self.wire_requested.emit(*drag.refs(target))

    def port_at(self, pos: QPointF) -> PortItem | None:
        r = style.PORT_HIT_RADIUS
        for item in self.items(QRectF(pos.x() - r, pos.y() - r, 2 * r, 2 * r)):
            if isinstance(item, PortItem):
                return item
        return None
