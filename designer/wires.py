"""Wires: smooth curves from an output port to an input port, with the shape they carry.

A :class:`WireItem` knows the wire it stands for (its engine :class:`~engine.design.Wire`,
an identity) and is told by the scene where its ends are, which type flows on it, the
shape label from the latest analysis — ``(B, T, 64)`` — and whether validation found a
problem at its input. A wire that runs forward is a cubic Bézier leaving and entering
horizontally; one that runs backwards (the feedback of autoregressive generation, or any
wire drawn right to left) takes a rounded lane below both blocks instead of cutting
through them. The shape label sits on a small pill on the wire, at the first spot along
it that does not cover a block (the scene says which spots are free).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer import style
from engine.design import Wire

LABEL_FONT = style.ui_font(10, semibold=True)
PILL_HEIGHT = 18.0
LABEL_SPOTS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85)
BACKWARD_LANE = 30.0


def wire_path(p1: QPointF, p2: QPointF, lane: float | None = None) -> QPainterPath:
    """The curve from output ``p1`` to input ``p2``; backwards wires run along ``lane``."""
    path = QPainterPath(p1)
    if p2.x() >= p1.x() + 24 or lane is None:
        dx = max(36.0, abs(p2.x() - p1.x()) * 0.5)
        path.cubicTo(QPointF(p1.x() + dx, p1.y()), QPointF(p2.x() - dx, p2.y()), p2)
        return path
    out, into = p1.x() + BACKWARD_LANE, p2.x() - BACKWARD_LANE
    points = [p1, QPointF(out, p1.y()), QPointF(out, lane), QPointF(into, lane),
              QPointF(into, p2.y()), p2]
    radius = 14.0
    for prev, corner, nxt in zip(points, points[1:], points[2:], strict=False):
        a = _towards(corner, prev, radius)
        b = _towards(corner, nxt, radius)
        path.lineTo(a)
        path.quadTo(corner, b)
    path.lineTo(p2)
    return path


def _towards(corner: QPointF, other: QPointF, radius: float) -> QPointF:
    dx, dy = other.x() - corner.x(), other.y() - corner.y()
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    r = min(radius, length / 2)
    return QPointF(corner.x() + dx / length * r, corner.y() + dy / length * r)


class WireItem(QGraphicsItem):
    """One wire on the canvas; selectable (Del removes it)."""

    def __init__(self, wire: Wire) -> None:
        super().__init__()
        self.wire = wire
        self.label = ""
        self.port_type: str | None = None
        self.problem = ""
        self.feedback = False
        self.backward = False
        self.hovered = False
        self._path = QPainterPath()
        self._pill = QRectF()
        self._spot = QPointF()
        self._spots: list[QPointF] = []
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(0)

    # --- state from the scene ---------------------------------------------------------------

    def set_ends(self, p1: QPointF, p2: QPointF, lane: float | None = None) -> None:
        self.prepareGeometryChange()
        self.backward = p2.x() < p1.x() + 24
        self._path = wire_path(p1, p2, lane)
        if self.backward and lane is not None:
            left, right = p2.x() - BACKWARD_LANE, p1.x() + BACKWARD_LANE
            self._spots = [QPointF(left + (right - left) * t, lane) for t in LABEL_SPOTS]
        else:
            self._spots = [self._path.pointAtPercent(t) for t in LABEL_SPOTS]
        self._spot = self._spots[0]
        self._update_geometry()

    def set_label(self, text: str) -> None:
        if text != self.label:
            self.prepareGeometryChange()
            self.label = text
            self._update_geometry()

    def set_style(self, port_type: str | None, feedback: bool) -> None:
        if (port_type, feedback) != (self.port_type, self.feedback):
            self.port_type, self.feedback = port_type, feedback
            self.update()

    def set_problem(self, severity: str, message: str = "") -> None:
        self.setToolTip(message or self.label)
        if severity != self.problem:
            self.problem = severity
            self.update()

    def place_label(self, is_free: Callable[[QRectF], bool]) -> None:
        """Put the pill at the first spot along the wire where ``is_free(rect)``."""
        if not self.label:
            return
        for spot in self._spots:
            if is_free(self._pill_at(spot)):
                if spot != self._spot:
                    self.prepareGeometryChange()
                    self._spot = spot
                    self._update_geometry()
                return

    def path(self) -> QPainterPath:
        """The wire's curve in scene coordinates (the item itself never moves)."""
        return QPainterPath(self._path)

    def pill_rect(self) -> QRectF:
        return QRectF(self._pill)

    def _pill_at(self, spot: QPointF) -> QRectF:
        width = QFontMetricsF(LABEL_FONT).horizontalAdvance(self.label) + 14
        return QRectF(spot.x() - width / 2, spot.y() - PILL_HEIGHT / 2, width, PILL_HEIGHT)

    def _update_geometry(self) -> None:
        self._pill = self._pill_at(self._spot) if self.label else QRectF()
        bounds = self._path.controlPointRect().adjusted(-4, -4, 4, 4)
        self._bounds = bounds.united(self._pill.adjusted(-2, -2, 2, 2)) if self.label \
            else bounds
        self._shape = None
        self.update()

    # --- painting ---------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(12)
            shape = stroker.createStroke(self._path)
            if self.label:
                shape.addRoundedRect(self._pill, 9, 9)
            self._shape = shape
        return self._shape

    def colour(self) -> QColor:
        if self.problem == "error":
            return QColor(style.ERROR)
        return QColor(style.type_colour(self.port_type))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        colour = self.colour()
        selected = self.isSelected()
        if option.levelOfDetailFromTransform(painter.worldTransform()) < style.LOD_TEXT:
            pen = QPen(colour, 1.5)  # zoomed far out: a plain line, no label
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawPath(self._path)
            return
        if selected or self.hovered:
            halo = QColor(colour)
            halo.setAlpha(60)
            painter.setPen(QPen(halo, 8.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPath(self._path)
        pen = QPen(colour, 2.8 if selected else 2.2, Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap)
        if self.feedback or self.problem:
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setDashPattern([3.0, 2.2])
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        if self.label:
            border = QColor(colour)
            border.setAlpha(150)
            painter.setPen(QPen(border, 1.2))
            painter.setBrush(style.PILL)
            painter.drawRoundedRect(self._pill, PILL_HEIGHT / 2, PILL_HEIGHT / 2)
            painter.setPen(style.ERROR if self.problem == "error" else style.TEXT)
            painter.setFont(LABEL_FONT)
            painter.drawText(self._pill, Qt.AlignmentFlag.AlignCenter, self.label)

    def hoverEnterEvent(self, event: object) -> None:
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event: object) -> None:
        self.hovered = False
        self.update()
