"""The unrolled view: the design drawn through time, as on the lecture's "Despliegue" slide.

The picture is generated, never drawn by hand: :func:`engine.layout.unroll` turns the
design and its analysis into nodes (a block's value at one step) and edges labelled with
the matrix they multiply by, and this widget only draws them. Time runs left to right,
data flows bottom to top (inputs ``x(t)`` at the bottom, predictions ``y(t)`` at the top),
and every arrow of one recurrent chain carries the same letter — ``W`` from ``h(t-1)`` to
``h(t)``, ``U`` from ``x(t)``, ``V`` to ``y(t)`` — because it is the same matrix at every
step. A bidirectional block shows its backward chain running right to left above the
forward one; an encoder's final state starts the decoder; a feedback loop's dashed arrows
carry ``y(t)`` to the input of step ``t + 1``. The number of steps (3 to 6) is chosen in
the spin box; the picture follows every edit of the design.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from designer import style
from designer.document import DesignDocument
from engine.catalogue import get_kind
from engine.layout import Unrolled, UnrolledEdge, UnrolledNode, unroll

COLUMN = 118.0
ROW = 78.0
NODE_W, NODE_H = 60.0, 30.0
MIN_STEPS, MAX_STEPS = 3, 6
EDGE_COLOURS = {"recurrent": QColor("#4F46E5"), "input": QColor("#0F9F7A"),
                "output": QColor("#D6336C"), "state": QColor("#9333EA"),
                "feedback": QColor("#B7791F"), "flow": QColor("#64748B")}


class UnrolledView(QWidget):
    """The design unrolled through a few time steps, weights shared across steps."""

    def __init__(self, document: DesignDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.unrolled: Unrolled | None = None
        self.node_items: dict[str, QGraphicsPathItem] = {}
        self.edge_items: list[QGraphicsPathItem] = []
        self.steps = QSpinBox()
        self.steps.setRange(MIN_STEPS, MAX_STEPS)
        self.steps.setValue(4)
        self.steps.setPrefix("T = ")
        self.steps.valueChanged.connect(self.refresh)
        self.caption = QLabel(self.tr("The same U, W and V at every step: the network is one "
                                      "set of weights applied through time."))
        self.caption.setStyleSheet("color: #6B7280;")
        self.caption.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Unrolled through")))
        top.addWidget(self.steps)
        top.addWidget(self.caption, 1)
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHints(QPainter.RenderHint.Antialiasing
                                 | QPainter.RenderHint.TextAntialiasing)
        self.view.setBackgroundBrush(style.BACKGROUND)
        self.view.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self._dirty = True
        self._occupied: set[tuple[int, int]] = set()
        document.analysis_changed.connect(self._on_analysis_changed)
        document.design_replaced.connect(self._on_analysis_changed)

    def set_steps(self, steps: int) -> None:
        self.steps.setValue(steps)
        self.refresh()

    def _on_analysis_changed(self, _analysis: object) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: object) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()

    # --- drawing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Unroll the current design again and redraw."""
        self._dirty = False
        design = self.document.design
        self.unrolled = unroll(design, self.steps.value(), self.document.analysis)
        self.scene.clear()
        self.node_items.clear()
        self.edge_items.clear()
        positions = {n.id: self._pos(n) for n in self.unrolled.nodes}
        self._occupied = {(round(p.x()), round(p.y())) for p in positions.values()}
        for edge in self.unrolled.edges:
            if edge.src in positions and edge.dst in positions:
                self._draw_edge(edge, positions[edge.src], positions[edge.dst])
        for node in self.unrolled.nodes:
            self._draw_node(node, positions[node.id])
        first: dict[str, UnrolledNode] = {}
        for node in self.unrolled.nodes:  # each block is named left of its first node
            if node.block not in first or node.column < first[node.block].column:
                first[node.block] = node
        for block_id, node in first.items():
            block = design.blocks.get(block_id)
            if block is None:
                continue
            label = QGraphicsSimpleTextItem(block.name)
            label.setFont(style.ui_font(11, semibold=True))
            label.setBrush(style.MUTED)
            bounds = label.boundingRect()
            centre = positions[node.id]
            label.setPos(centre.x() - NODE_W / 2 - 12 - bounds.width(),
                         centre.y() - bounds.height() / 2)
            self.scene.addItem(label)
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        self.caption.setText(self._caption())
        self._fit()

    def _caption(self) -> str:
        """Which block each shared matrix belongs to (when there is more than one)."""
        base = self.tr("The same U, W and V at every step: the network is one set of weights "
                       "applied through time.")
        assert self.unrolled is not None
        owners: dict[str, list[str]] = {}
        for weight, block_id in self.unrolled.weights.items():
            block = self.document.design.blocks.get(block_id)
            owners.setdefault(block.name if block else block_id, []).append(weight)
        if len(owners) <= 2:
            return base
        parts = [f"{', '.join(sorted(w))}: {name}" for name, w in owners.items()]
        return base + "  " + " · ".join(parts)

    def _fit(self) -> None:
        rect = self.scene.sceneRect()
        if rect.isEmpty():
            return
        self.view.resetTransform()
        view = self.view.viewport().rect()
        scale = min(view.width() / rect.width(), view.height() / rect.height(), 1.0)
        self.view.scale(scale, scale)
        self.view.centerOn(rect.center())

    def _pos(self, node: UnrolledNode) -> QPointF:
        return QPointF(node.column * COLUMN, -node.row * ROW)

    def _draw_node(self, node: UnrolledNode, centre: QPointF) -> None:
        block = self.document.design.blocks.get(node.block)
        spec = get_kind(block.kind) if block else None
        colour = style.category_colour(spec.category if spec else "")
        path = QPainterPath()
        rect = QRectF(centre.x() - NODE_W / 2, centre.y() - NODE_H / 2, NODE_W, NODE_H)
        path.addRoundedRect(rect, NODE_H / 2, NODE_H / 2)
        item = QGraphicsPathItem(path)
        fill = QColor(colour)
        fill.setAlpha(28)
        pen = QPen(colour, 1.6)
        if node.role == "initial":
            fill = QColor(style.CARD)
            pen = QPen(style.FAINT, 1.3, Qt.PenStyle.DashLine)
        item.setBrush(fill)
        item.setPen(pen)
        item.setZValue(2)
        item.setToolTip(f"{block.name if block else node.block}: {node.label}")
        self.scene.addItem(item)
        text = QGraphicsSimpleTextItem(node.label, item)
        text.setFont(style.ui_font(12, semibold=node.role != "initial"))
        text.setBrush(style.TEXT if node.role != "initial" else style.MUTED)
        bounds = text.boundingRect()
        text.setPos(centre.x() - bounds.width() / 2, centre.y() - bounds.height() / 2)
        self.node_items[node.id] = item

    def _draw_edge(self, edge: UnrolledEdge, a: QPointF, b: QPointF) -> None:
        colour = EDGE_COLOURS.get(edge.kind, EDGE_COLOURS["flow"])
        start, end = _clip(a, b), _clip(b, a)
        path = QPainterPath(start)
        if edge.kind == "feedback":  # y(t) down to the input of step t + 1, between columns
            lane = (a.x() + b.x()) / 2
            start = QPointF(a.x() + NODE_W / 2 + 2, a.y())
            end = QPointF(b.x() - NODE_W / 2 - 2, b.y())
            path = QPainterPath(start)
            path.cubicTo(QPointF(lane, a.y()), QPointF(lane, b.y()), end)
        elif abs(a.x() - b.x()) < 1 and any(
                (round(a.x()), y) in self._occupied
                for y in range(round(min(a.y(), b.y()) + ROW / 2), round(max(a.y(), b.y())))):
            # an arrow skipping a row (x(t) into a backward chain, a forward chain up to
            # y(t)) bows around the node between, left into a backward node, else right
            side = -1.0 if edge.dst.endswith("b") else 1.0
            x = a.x() + side * (NODE_W / 2 + 4)
            start = QPointF(a.x() + side * NODE_W * 0.3, a.y() + (-1 if b.y() < a.y() else 1)
                            * NODE_H / 2)
            end = QPointF(b.x() + side * NODE_W * 0.3, b.y() + (1 if b.y() < a.y() else -1)
                          * NODE_H / 2)
            path = QPainterPath(start)
            path.cubicTo(QPointF(x + side * 6, start.y()), QPointF(x + side * 6, end.y()), end)
        else:
            path.lineTo(end)
        bowed = path.elementCount() > 2 and edge.kind != "feedback"
        item = QGraphicsPathItem(path)
        pen = QPen(colour, 1.5)
        if edge.kind == "feedback":
            pen.setStyle(Qt.PenStyle.DashLine)
        item.setPen(pen)
        item.setZValue(1)
        self.scene.addItem(item)
        angle = math.atan2(end.y() - path.pointAtPercent(0.9).y(),
                           end.x() - path.pointAtPercent(0.9).x())
        head = QPolygonF([end, end - QPointF(math.cos(angle - 0.4) * 8,
                                             math.sin(angle - 0.4) * 8),
                          end - QPointF(math.cos(angle + 0.4) * 8, math.sin(angle + 0.4) * 8)])
        arrow = QPainterPath()
        arrow.addPolygon(head)
        arrow.closeSubpath()
        tip = QGraphicsPathItem(arrow, item)
        tip.setBrush(colour)
        tip.setPen(Qt.PenStyle.NoPen)
        self.edge_items.append(item)
        if edge.weight:
            label = QGraphicsSimpleTextItem(edge.weight, item)
            font = style.ui_font(12, bold=True)
            font.setItalic(True)
            label.setFont(font)
            label.setBrush(colour)
            bounds = label.boundingRect()
            horizontal = abs(end.y() - start.y()) < 1
            if bowed:  # beside the bow, between the rows it crosses (not on a chain's row)
                at = 0.2 if edge.kind == "input" else 0.8
                point = path.pointAtPercent(at)
                outward = point.x() > a.x()
                offset = QPointF(4 if outward else -bounds.width() - 4, -bounds.height() / 2)
                label.setPos(point + offset)
            else:
                mid = path.pointAtPercent(0.5)
                offset = QPointF(-bounds.width() / 2, -bounds.height() - 1) if horizontal \
                    else QPointF(4, -bounds.height() / 2)
                label.setPos(mid + offset)


def _clip(centre: QPointF, towards: QPointF) -> QPointF:
    """Where the segment from ``centre`` to ``towards`` leaves the node at ``centre``."""
    dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    sx = (NODE_W / 2 + 3) / abs(dx) if dx else math.inf
    sy = (NODE_H / 2 + 3) / abs(dy) if dy else math.inf
    s = min(sx, sy, 1.0)
    return QPointF(centre.x() + dx * s, centre.y() + dy * s)
