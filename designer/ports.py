"""Port dots: where wires start and end, and how a dot shows what flows through it.

A :class:`PortItem` is a child of its card that only takes the mouse: pressing it starts a
wire drag, which the scene runs. The card paints the dot itself (so it lands in the card's
cached pixmap, and a canvas of a thousand ports repaints as fast as one of none), reading
the port's state: the types it carries or accepts (:class:`PortFace`), whether a wire
being dragged could end here (``highlight``: ``ok`` glows, ``refused`` dims, with the
reason as tooltip) and whether validation found a problem here (a red or amber ring).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from designer import style

if TYPE_CHECKING:
    from designer.scene import DesignScene


@dataclass(frozen=True)
class PortFace:
    """How a port is drawn: its name, direction and the types it carries or accepts."""

    name: str
    direction: str
    types: tuple[str, ...]
    tooltip: str = ""



class PortItem(QGraphicsItem):
    """A port dot on a card's edge; pressing it starts a wire drag."""

    def __init__(self, block_id: str, face: PortFace, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.block_id = block_id
        self.name = face.name
        self.direction = face.direction
        self.types: tuple[str, ...] = face.types
        self.highlight = ""  # "", "ok", "refused", "hover"
        self.problem = ""  # "", "error", "warning"
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setZValue(2)
        # The card paints its port dots (into its cache); this item only takes the mouse.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.set_face(face)

    def set_face(self, face: PortFace) -> None:
        self.types = face.types
        self.setToolTip(face.tooltip)
        self._changed()

    def set_highlight(self, state: str, tooltip: str | None = None) -> None:
        if tooltip is not None:
            self.setToolTip(tooltip)
        if state != self.highlight:
            self.highlight = state
            self._changed()

    def set_problem(self, severity: str) -> None:
        if severity != self.problem:
            self.problem = severity
            self._changed()

    def _changed(self) -> None:
        parent = self.parentItem()
        if parent is not None:
            parent.update()

    def boundingRect(self) -> QRectF:
        r = style.PORT_HIT_RADIUS
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(self.boundingRect())
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        pass  # ItemHasNoContents: never called

    def paint_dot(self, painter: QPainter) -> None:
        """Draw the dot at the port's position in its card's coordinates."""
        painter.save()
        painter.translate(self.pos())
        self._paint_dot(painter)
        painter.restore()

    def _paint_dot(self, painter: QPainter) -> None:
        r = style.PORT_RADIUS
        colours = [style.type_colour(t) for t in self.types] or [style.UNKNOWN_TYPE]
        if self.highlight == "refused":
            colours = [QColor(c.red(), c.green(), c.blue(), 60) for c in colours]
        if self.highlight in ("ok", "hover"):
            glow = QColor(colours[0])
            glow.setAlpha(70 if self.highlight == "ok" else 120)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(glow)
            painter.drawEllipse(QPointF(0, 0), r + 4.5, r + 4.5)
            r += 1.0
        rect = QRectF(-r, -r, 2 * r, 2 * r)
        painter.setPen(QPen(style.CARD, 2.0))
        if len(colours) == 1:
            painter.setBrush(colours[0])
            painter.drawEllipse(rect)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            for i, colour in enumerate(colours[:2]):
                painter.setBrush(colour)
                painter.drawPie(rect, (90 + 180 * i) * 16, 180 * 16)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(style.CARD, 2.0))
            painter.drawEllipse(rect)
        if self.problem:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(style.ERROR if self.problem == "error" else style.WARNING, 1.6))
            painter.drawEllipse(QPointF(0, 0), r + 3, r + 3)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        if not self.highlight:
            self.set_highlight("hover")
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        if self.highlight == "hover":
            self.set_highlight("")
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._scene().begin_wire_drag(self, event.scenePos())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._scene().drag_wire_to(event.scenePos(), event.screenPos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._scene().end_wire_drag(event.scenePos())

    def _scene(self) -> DesignScene:
        return self.scene()  # type: ignore[return-value]
