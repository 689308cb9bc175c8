"""Small widgets floating over the canvas: the network badge, the port legend, the toast.

* :class:`Badge` (top left) names the shape of the network the design expresses — 1-to-N,
  M-to-1, M-to-N synchronised or M-to-N encoder-decoder, as :mod:`engine.validation`
  names it — with its total parameter count and how many problems it has.
* :class:`Legend` (bottom left) says what the port colours mean.
* :class:`Toast` (centred, below the badge) shows why an edit was refused, for a few seconds.

They are children of the editor, not of the view's viewport, so scrolling the canvas
never drags them along.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from designer import style
from designer.engine_text import count_text, engine_text
from engine.validation import Analysis

# lupdate reads the literal context and text of each call (see app/i18n.py)
translate = QCoreApplication.translate

CARD_CSS = ("background: rgba(255, 255, 255, 235); border: 1px solid #D6DCE4; "
            "border-radius: 8px; color: #1F2937;")


def badge_text(analysis: Analysis) -> str:
    """``M-to-1 · 89,218 parameters`` (and the number of errors, if any)."""
    shape = engine_text(analysis.network_shape) if analysis.network_shape else \
        translate("overlays", "shape not known yet")
    parts = [shape, translate("overlays", "{n} parameters").format(
        n=count_text(analysis.total_params))]
    errors = len(analysis.errors)
    warnings = len(analysis.problems) - errors
    if errors:
        parts.append(translate("overlays", "{n} error(s)").format(n=errors))
    elif warnings:
        parts.append(translate("overlays", "{n} warning(s)").format(n=warnings))
    return " · ".join(parts)


class Badge(QLabel):
    """The network's shape and size."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setStyleSheet(CARD_CSS + "padding: 6px 12px;")
        font = style.ui_font(13, semibold=True)
        self.setFont(font)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def show_analysis(self, analysis: Analysis) -> None:
        self.setText(badge_text(analysis))
        colour = style.ERROR if analysis.errors else style.OK
        self.setToolTip(translate("overlays", "The network's shape and its total number of "
                                              "trainable parameters"))
        self.setStyleSheet(CARD_CSS + f"padding: 6px 12px; border-left: 4px solid "
                           f"{colour.name()};")
        self.adjustSize()


class Legend(QWidget):
    """Port colours: sequence, vector, state."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setObjectName("legend")
        self.setStyleSheet("#legend {" + CARD_CSS + "}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 12, 5)
        layout.setSpacing(12)
        names = {"sequence": translate("overlays", "sequence (B, T, n)"),
                 "vector": translate("overlays", "vector (B, n)"),
                 "state": engine_text("state")}
        for port_type, text in names.items():
            label = QLabel(f"<span style='color:{style.type_colour(port_type).name()};"
                           f"font-size:15px'>●</span>&nbsp;{text}")
            label.setFont(style.ui_font(11))
            label.setStyleSheet("border: none; background: transparent; color: #4B5563;")
            layout.addWidget(label)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.adjustSize()


class Toast(QLabel):
    """A short message that fades after a few seconds (why an edit was refused)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("background: #1F2937; color: white; border-radius: 8px; "
                           "padding: 8px 14px;")
        self.setFont(style.ui_font(12))
        self.setMaximumWidth(560)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def show_message(self, text: str, msec: int = 4500, top: int = 60) -> None:
        """Show ``text`` centred, ``top`` pixels down (below the badge)."""
        self.setText(text)
        self.adjustSize()
        parent = self.parentWidget()
        if parent is not None:
            self.move(max(0, (parent.width() - self.width()) // 2), top)
        self.show()
        self.raise_()
        self._timer.start(msec)
