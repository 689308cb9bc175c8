"""The canvas's look in one place: colours, fonts and the metrics of a block card.

Port colours carry meaning (what flows: a sequence, a vector, a recurrent state) and are
the same everywhere: port dots, wires, the legend, the palette's tooltips. Header colours
name a block's category (inputs, recurrent layers, plain layers, structure, outputs).
The theme is light and calm: white cards with a soft shadow on a pale dotted grid, one
accent colour per meaning, dark grey text. Sizes are in scene units, which are pixels at
100 % zoom, and fonts are set in pixels so a card looks the same on every screen.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

GRID = 20.0  # snap step and background dot spacing

BLOCK_WIDTH = 160.0
HEADER_HEIGHT = 30.0
SUMMARY_HEIGHT = 24.0
ROW_HEIGHT = 21.0
BOTTOM_PAD = 9.0
CORNER = 9.0
PORT_RADIUS = 5.5
PORT_HIT_RADIUS = 10.0
LOD_TEXT = 0.45  # below this zoom, text is unreadable: cards and wires are drawn plain

BACKGROUND = QColor("#F4F6F9")
GRID_DOT = QColor("#D3D9E1")
CARD = QColor("#FFFFFF")
CARD_BORDER = QColor("#D6DCE4")
SHADOW = QColor(15, 23, 42, 22)
TEXT = QColor("#1F2937")
MUTED = QColor("#6B7280")
FAINT = QColor("#9CA3AF")
SELECTION = QColor("#2563EB")
ERROR = QColor("#DC2626")
WARNING = QColor("#D97706")
OK = QColor("#059669")
PILL = QColor("#FFFFFF")
PILL_BORDER = QColor("#D6DCE4")

TYPE_COLOURS: dict[str, QColor] = {
    "sequence": QColor("#2563EB"),  # blue
    "vector": QColor("#EA7A0C"),  # orange
    "state": QColor("#9333EA"),  # purple
}
UNKNOWN_TYPE = QColor("#94A3B8")

CATEGORY_COLOURS: dict[str, QColor] = {
    "Inputs": QColor("#0F9F7A"),  # green
    "Recurrent": QColor("#4F46E5"),  # indigo
    "Layers": QColor("#0E87B5"),  # cyan
    "Structure": QColor("#B7791F"),  # amber
    "Outputs": QColor("#D6336C"),  # rose
}
CATEGORY_ORDER = ("Inputs", "Recurrent", "Layers", "Structure", "Outputs")

FAMILIES = ["Inter", "Segoe UI", "SF Pro Text", "Helvetica Neue", "Cantarell", "Noto Sans",
            "Ubuntu", "DejaVu Sans", "Arial", "sans-serif"]
MONO_FAMILIES = ["JetBrains Mono", "Cascadia Mono", "SF Mono", "Menlo", "Consolas",
                 "DejaVu Sans Mono", "monospace"]


def category_colour(category: str) -> QColor:
    return CATEGORY_COLOURS.get(category, QColor("#64748B"))


def type_colour(port_type: str | None) -> QColor:
    return TYPE_COLOURS.get(port_type or "", UNKNOWN_TYPE)


@cache
def _font(pixels: int, weight: int, mono: bool) -> QFont:
    font = QFont()
    font.setFamilies(MONO_FAMILIES if mono else FAMILIES)
    font.setPixelSize(pixels)
    font.setWeight(QFont.Weight(weight))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def ui_font(pixels: int, bold: bool = False, *, semibold: bool = False) -> QFont:
    """The canvas font at ``pixels`` (a copy, safe to modify)."""
    weight = 700 if bold else (600 if semibold else 400)
    return QFont(_font(pixels, weight, False))


def mono_font(pixels: int) -> QFont:
    return QFont(_font(pixels, 400, True))


def block_height(rows: int) -> float:
    """Height of a card with ``rows`` port rows."""
    return HEADER_HEIGHT + SUMMARY_HEIGHT + max(rows, 1) * ROW_HEIGHT + BOTTOM_PAD


def shape_text(label: str) -> str:
    """An analysis shape label as the canvas prints it: ``(batch, T, 64)`` -> ``(B, T, 64)``."""
    return label.replace("batch", "B")


def swatch(colour: QColor, size: int, *, round_: bool = False) -> QIcon:
    """A small filled icon: a rounded square (palette categories) or a dot (problems)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    if round_:
        painter.drawEllipse(1, 1, size - 2, size - 2)
    else:
        painter.drawRoundedRect(1, 1, size - 2, size - 2, 4, 4)
    painter.end()
    return QIcon(pixmap)
