"""One wire being dragged out of a port: which ports may take it, and why the others not.

When a drag starts, :class:`WireDrag` asks :class:`~designer.compat.Wiring` about every
port of the other direction once: a port that could take the wire glows (its tooltip says
what dropping there would also do, such as replacing a wire), a port that could not dims
and carries the reason as its tooltip, which also pops up while the pointer is over it.
The dashed line follows the pointer and snaps to a port that would accept it. When the
drag ends, every port gets its own tooltip back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsPathItem, QToolTip

from designer import style
from designer.compat import Wiring
from designer.ports import PortItem
from designer.wires import wire_path
from engine.design import PortRef

if TYPE_CHECKING:
    from designer.scene import DesignScene


class WireDrag:
    """One wire being dragged out of ``origin``: the ports it may reach, and why not."""

    def __init__(self, scene: DesignScene, origin: PortItem) -> None:
        self.scene = scene
        self.origin = origin
        wiring = Wiring(scene.design, scene.document.flush_analysis())
        self.reasons: dict[PortItem, str] = {}
        self.tooltips: dict[PortItem, str] = {}
        for block in scene.blocks.values():
            for port in block.ports.values():
                if port.direction == origin.direction:
                    continue
                src, dst = self.refs(port)
                reason = wiring.refusal(src, dst)
                self.reasons[port] = reason
                self.tooltips[port] = port.toolTip()
                note = "" if reason else wiring.note(dst)
                port.set_highlight("refused" if reason else "ok", reason or note or None)
        self.line = QGraphicsPathItem()
        colour = style.type_colour(origin.types[0] if len(origin.types) == 1 else None)
        pen = QPen(colour, 2.2, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap)
        self.line.setPen(pen)
        self.line.setZValue(10)
        scene.addItem(self.line)

    def refs(self, other: PortItem) -> tuple[PortRef, PortRef]:
        a = PortRef(self.origin.block_id, self.origin.name)
        b = PortRef(other.block_id, other.name)
        return (a, b) if self.origin.direction == "out" else (b, a)

    def move(self, pos: QPointF, screen_pos: object) -> None:
        start = self.origin.scenePos()
        target = self.scene.port_at(pos)
        end = target.scenePos() if target in self.reasons and not self.reasons[target] else pos
        p1, p2 = (start, end) if self.origin.direction == "out" else (end, start)
        self.line.setPath(wire_path(p1, p2))
        if target in self.reasons and self.reasons[target] and screen_pos is not None:
            point = screen_pos.toPoint() if isinstance(screen_pos, QPointF) else screen_pos
            QToolTip.showText(point, self.reasons[target])  # type: ignore[arg-type]

    def finish(self, pos: QPointF) -> PortItem | None:
        target = self.scene.port_at(pos)
        for port, tooltip in self.tooltips.items():
            port.set_highlight("", tooltip)
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)
        QToolTip.hideText()
        return target if target in self.reasons else None
