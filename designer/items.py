"""Graphics items of the canvas: block cards, their port dots, and the wires between them.

Items draw and *request*; they never edit the design. A block card is dragged by Qt like
any movable item, and when the mouse is released the scene turns the new positions into
one ``MoveBlocks`` command. A press on a port dot starts a wire drag that the scene runs
(highlighting the ports that would accept it) and ends as a ``Connect`` request. What an
item shows — its name, its summary, its port types, the shape on a wire, a problem — is a
:class:`BlockFace` or a value the scene hands it from the design and the latest analysis;
items hold ids, never network facts of their own.

A card is drawn as: a soft shadow, a white rounded body, a header in the colour of the
block's category with its name and kind, the one-line summary of its parameters, then
one row per port — inputs on the left edge, outputs on the right — each with a dot in the
colour of the type it carries (half and half for an input that takes two types).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from designer import style
from designer.ports import PortFace, PortItem
from designer.wires import WireItem

__all__ = ["BlockFace", "BlockItem", "PortFace", "PortItem", "WireItem"]

HEADER_FONT = style.ui_font(13, semibold=True)
KIND_FONT = style.ui_font(11)
SUMMARY_FONT = style.ui_font(11)
PORT_FONT = style.ui_font(11)


@dataclass(frozen=True)
class BlockFace:
    """Everything a card shows, read from the design by the scene."""

    name: str
    title: str
    category: str
    summary: str
    ports: tuple[PortFace, ...] = field(default_factory=tuple)
    tooltip: str = ""

    @property
    def inputs(self) -> list[PortFace]:
        return [p for p in self.ports if p.direction == "in"]

    @property
    def outputs(self) -> list[PortFace]:
        return [p for p in self.ports if p.direction == "out"]


class BlockItem(QGraphicsItem):
    """A block card. Its position is the block's ``(x, y)``; moving it requests a move."""

    def __init__(self, block_id: str, face: BlockFace) -> None:
        super().__init__()
        self.block_id = block_id
        self.face = face
        self.ports: dict[str, PortItem] = {}
        self.problem = ""  # "", "error", "warning"
        self.syncing = False  # set while the scene applies the model's position
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1)
        self._height = 0.0
        self.set_face(face)

    # --- content ----------------------------------------------------------------------------

    @property
    def height(self) -> float:
        return self._height

    @property
    def name(self) -> str:
        return self.face.name

    @property
    def summary(self) -> str:
        return self.face.summary

    def set_face(self, face: BlockFace) -> None:
        """Show ``face``; port dots are rebuilt only when the set of ports changed."""
        if face == self.face and self._height:
            return
        rows = max(len(face.inputs), len(face.outputs))
        height = style.block_height(rows)
        if height != self._height:
            self.prepareGeometryChange()
            self._height = height
        self.face = face
        names = [(p.name, p.direction) for p in face.ports]
        if names != [(p.name, p.direction) for p in self.ports.values()]:
            for port in self.ports.values():
                port.setParentItem(None)
                if port.scene() is not None:
                    port.scene().removeItem(port)
            self.ports = {p.name: PortItem(self.block_id, p, self) for p in face.ports}
        else:
            for p in face.ports:
                self.ports[p.name].set_face(p)
        for column in (face.inputs, face.outputs):
            for row, p in enumerate(column):
                x = 0.0 if p.direction == "in" else style.BLOCK_WIDTH
                self.ports[p.name].setPos(x, self.port_y(row))
        self.setToolTip(face.tooltip)
        self._texts = self._elide(face)
        self.update()

    def port_y(self, row: int) -> float:
        return style.HEADER_HEIGHT + style.SUMMARY_HEIGHT + (row + 0.5) * style.ROW_HEIGHT

    def port_anchor(self, name: str) -> QPointF:
        """Scene position where a wire meets port ``name`` (the card's edge if unknown)."""
        port = self.ports.get(name)
        if port is not None:
            return port.scenePos()
        return self.mapToScene(QPointF(style.BLOCK_WIDTH / 2, self._height))

    def set_problem(self, severity: str, message: str = "") -> None:
        tooltip = self.face.tooltip + (f"\n\n⚠ {message}" if message else "")
        self.setToolTip(tooltip)
        if severity != self.problem:
            self.problem = severity
            self.update()

    def _elide(self, face: BlockFace) -> dict[str, Any]:
        width = style.BLOCK_WIDTH
        header = QFontMetricsF(HEADER_FONT)
        kind = QFontMetricsF(KIND_FONT)
        room = width - 24
        name_w = header.horizontalAdvance(face.name)
        # The name comes first; the kind (also in the summary line) gets what is left, in
        # full or shortened ("RNN (Elman)" -> "RNN") but never cut off: a translated title
        # is often longer than the English one.
        kind_room = room - name_w - 10 if name_w <= room else 0.0
        titles = [face.title, face.title.split(" (")[0]] if face.title != face.name else []
        title = next((t for t in titles if t != face.name
                      and kind.horizontalAdvance(t) <= kind_room), "")
        ports = QFontMetricsF(PORT_FONT)
        half = width / 2 - 14
        rows: list[tuple[str, float, str]] = []
        for col in (face.inputs, face.outputs):
            for row, p in enumerate(col):
                text = ports.elidedText(p.name, Qt.TextElideMode.ElideRight, half)
                rows.append((text, self.port_y(row), p.direction))
        return {
            "name": header.elidedText(face.name, Qt.TextElideMode.ElideRight, room),
            "kind": title,
            "summary": QFontMetricsF(SUMMARY_FONT).elidedText(
                face.summary, Qt.TextElideMode.ElideRight, width - 24),
            "ports": rows,
        }

    # --- geometry and painting ------------------------------------------------------------

    def card_rect(self) -> QRectF:
        return QRectF(0, 0, style.BLOCK_WIDTH, self._height)

    def boundingRect(self) -> QRectF:
        margin = style.PORT_RADIUS + 6  # port dots and their glow stand out of the card
        return self.card_rect().adjusted(-margin, -8, margin, 10)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self.card_rect(), style.CORNER, style.CORNER)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < style.LOD_TEXT:
            self._paint_far(painter)
            return
        rect = self.card_rect()
        corner = style.CORNER
        painter.setPen(Qt.PenStyle.NoPen)
        for grow, alpha in ((4.0, 10), (2.0, 16)):  # a soft shadow below the card
            painter.setBrush(QColor(15, 23, 42, alpha))
            painter.drawRoundedRect(rect.adjusted(-grow / 2, grow / 2, grow / 2, grow + 1),
                                    corner + grow, corner + grow)
        selected = self.isSelected()
        border = {"error": style.ERROR, "warning": style.WARNING}.get(self.problem,
                                                                      style.CARD_BORDER)
        if selected:
            border = style.SELECTION
        painter.setBrush(style.CARD)
        painter.setPen(QPen(border, 2.0 if (selected or self.problem) else 1.0))
        painter.drawRoundedRect(rect, corner, corner)
        # header: the card's rounded shape, clipped to its top
        h = style.HEADER_HEIGHT
        inset = 1.0 if not (selected or self.problem) else 1.5
        painter.save()
        painter.setClipRect(QRectF(rect.left() - 2, rect.top() - 2, rect.width() + 4, h + 2))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.category_colour(self.face.category))
        painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), corner - inset,
                                corner - inset)
        painter.restore()
        texts = self._texts
        painter.setPen(QColor("#FFFFFF"))
        painter.setFont(HEADER_FONT)
        painter.drawText(QRectF(12, 0, rect.width() - 24, h),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         texts["name"])
        if texts["kind"]:
            painter.setPen(QColor(255, 255, 255, 200))
            painter.setFont(KIND_FONT)
            painter.drawText(QRectF(12, 0, rect.width() - 24, h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             texts["kind"])
        painter.setPen(style.MUTED)
        painter.setFont(SUMMARY_FONT)
        painter.drawText(QRectF(12, h, rect.width() - 24, style.SUMMARY_HEIGHT),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         texts["summary"])
        painter.setPen(QPen(QColor("#EEF1F5"), 1.0))
        painter.drawLine(QPointF(10, h + style.SUMMARY_HEIGHT),
                         QPointF(rect.width() - 10, h + style.SUMMARY_HEIGHT))
        painter.setFont(PORT_FONT)
        painter.setPen(style.TEXT)
        half = rect.width() / 2 - 14
        for text, y, direction in texts["ports"]:
            box = QRectF(13 if direction == "in" else rect.width() - 13 - half,
                         y - style.ROW_HEIGHT / 2, half, style.ROW_HEIGHT)
            align = Qt.AlignmentFlag.AlignLeft if direction == "in" else \
                Qt.AlignmentFlag.AlignRight
            painter.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, text)
        for port in self.ports.values():
            port.paint_dot(painter)
        if self.problem:
            self._paint_problem_badge(painter, rect)

    def _paint_far(self, painter: QPainter) -> None:
        """Zoomed far out, text would be a few pixels high: a card and its header only."""
        rect = self.card_rect()
        border = style.SELECTION if self.isSelected() else {
            "error": style.ERROR, "warning": style.WARNING}.get(self.problem, style.CARD_BORDER)
        painter.setPen(QPen(border, 3.0 if border != style.CARD_BORDER else 1.0))
        painter.setBrush(style.CARD)
        painter.drawRect(rect)
        painter.fillRect(QRectF(0, 0, rect.width(), style.HEADER_HEIGHT),
                         style.category_colour(self.face.category))

    def _paint_problem_badge(self, painter: QPainter, rect: QRectF) -> None:
        centre = QPointF(rect.right() - 2, rect.top() + 2)
        painter.setPen(QPen(style.CARD, 2.0))
        painter.setBrush(style.ERROR if self.problem == "error" else style.WARNING)
        painter.drawEllipse(centre, 8, 8)
        painter.setPen(QColor("#FFFFFF"))
        painter.setFont(style.ui_font(11, bold=True))
        painter.drawText(QRectF(centre.x() - 8, centre.y() - 8, 16, 16),
                         Qt.AlignmentFlag.AlignCenter, "!")

    # --- interaction ------------------------------------------------------------------------

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        scene = self.scene()
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and scene and \
                not self.syncing:
            return scene.snapped(value)  # type: ignore[attr-defined]
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and scene:
            scene.block_item_moved(self)  # type: ignore[attr-defined]
        return super().itemChange(change, value)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        _shift_as_control(event)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        _shift_as_control(event)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        if scene is not None:
            scene.block_double_clicked.emit(self.block_id)  # type: ignore[attr-defined]
        event.accept()


def _shift_as_control(event: QGraphicsSceneMouseEvent) -> None:
    """Shift-click adds to (or removes from) the selection, as Ctrl-click does in Qt."""
    if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
        event.setModifiers(event.modifiers() | Qt.KeyboardModifier.ControlModifier)
