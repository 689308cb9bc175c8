"""The far view: the whole design drawn in a handful of strokes when zoomed far out.

Below the zoom where text is readable (``style.LOD_TEXT``) a card shows only its body and
the colour of its header, and a wire only its line. Painting 700 such items one by one
costs a Python call each (some 20 ms for a 300-block design: over a frame), so the scene
switches them to ``ItemHasNoContents`` — they still take the mouse, rubber band and
selection — and the view draws :func:`far_picture` instead: every body in one path, the
headers in one path per category, the wires in one path per colour, recorded once in a
``QPicture`` and replayed by C++ on each frame. The scene rebuilds the picture only when
something it shows changes (an edit, a selection, a card being dragged, an analysis).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPicture

from designer import style
from designer.items import BlockItem, WireItem


def far_picture(blocks: Iterable[BlockItem], wires: Iterable[WireItem]) -> QPicture:
    """A recording of ``blocks`` and ``wires`` drawn plain, in scene coordinates.

    Wires are drawn one path each and cards as lists of rectangles: Qt strokes many small
    paths far faster than one path made of them all.
    """
    lines: dict[tuple[str, bool], list[QPainterPath]] = {}
    for wire in wires:
        if wire.isVisible():
            lines.setdefault((wire.colour().name(), wire.feedback), []).append(wire.path())
    bodies: list[QRectF] = []
    headers: dict[str, list[QRectF]] = {}
    outlines: dict[str, list[QRectF]] = {}
    for block in blocks:
        card = QRectF(block.scenePos(), block.card_rect().size())
        bodies.append(card)
        headers.setdefault(block.face.category, []).append(
            QRectF(card.left(), card.top(), card.width(), style.HEADER_HEIGHT))
        mark = "selected" if block.isSelected() else block.problem
        if mark:
            outlines.setdefault(mark, []).append(card)
    picture = QPicture()
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for (colour, dashed), paths in lines.items():
        pen = QPen(QColor(colour), 1.5, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        for path in paths:
            painter.drawPath(path)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # straight edges only
    border = QPen(style.CARD_BORDER, 1.0)
    border.setCosmetic(True)
    painter.setPen(border)
    painter.setBrush(style.CARD)
    painter.drawRects(bodies)
    painter.setPen(Qt.PenStyle.NoPen)
    for category, rects in headers.items():
        painter.setBrush(style.category_colour(category))
        painter.drawRects(rects)
    colours = {"selected": style.SELECTION, "error": style.ERROR, "warning": style.WARNING}
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for mark, rects in outlines.items():
        pen = QPen(colours[mark], 3.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawRects(rects)
    painter.end()
    return picture
