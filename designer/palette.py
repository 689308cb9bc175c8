"""The palette: every block kind of the catalogue, grouped by category, ready to drag.

The list is generated from :data:`engine.catalogue.KINDS`, so a kind added to the catalogue
appears here without touching the designer. Each entry shows the kind's title with a chip
in its category's colour and a one-line description; its tooltip has the kind's help (the
lecture's equations). Drag an entry onto the canvas to place a block where it is dropped,
or double-click it (or press Enter) to add one at the centre of the view; the search box
filters by title, kind and words of the help text, in English and in the interface
language (the catalogue's text is translated with :func:`designer.engine_text.engine_text`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QMimeData, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer import style
from designer.engine_text import engine_text
from designer.view import KIND_MIME
from engine.catalogue import KINDS, BlockKind

KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def _description(kind: BlockKind) -> str:
    """The first line of the kind's help, translated, without its full stop."""
    return engine_text(kind.help).splitlines()[0].rstrip(".") if kind.help \
        else engine_text(kind.title)


class _EntryDelegate(QStyledItemDelegate):
    """Draws an entry as a colour chip, its title, and a muted one-line description."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        kind = index.data(KIND_ROLE)
        return QSize(option.rect.width(), 42 if kind else 28)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex) -> None:
        kind = index.data(KIND_ROLE)
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not kind:  # a category header
            painter.setPen(index.data(Qt.ItemDataRole.ForegroundRole).color())
            painter.setFont(style.ui_font(11, bold=True))
            painter.drawText(rect.adjusted(8, 8, -4, 0), Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, index.data())
            painter.restore()
            return
        spec = KINDS[kind]
        hovered = option.state & QStyle.StateFlag.State_MouseOver
        selected = option.state & QStyle.StateFlag.State_Selected
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#E8EEFC") if selected else QColor("#F1F4F8"))
            painter.drawRoundedRect(rect.adjusted(2, 1, -2, -1), 6, 6)
        colour = style.category_colour(spec.category)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect.left() + 8, rect.top() + 10, 10, 10, 3, 3)
        text_left = rect.left() + 26
        width = rect.width() - 30
        painter.setPen(style.TEXT)
        title_font = style.ui_font(13, semibold=True)
        painter.setFont(title_font)
        painter.drawText(text_left, rect.top() + 4, width, 18, Qt.AlignmentFlag.AlignLeft
                         | Qt.AlignmentFlag.AlignVCenter, index.data())
        painter.setPen(style.MUTED)
        small = style.ui_font(11)
        painter.setFont(small)
        text = QFontMetrics(small).elidedText(_description(spec), Qt.TextElideMode.ElideRight,
                                              width)
        painter.drawText(text_left, rect.top() + 22, width, 16, Qt.AlignmentFlag.AlignLeft
                         | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()


class _KindTree(QTreeWidget):
    """The tree of kinds; dragging an entry carries its kind under ``KIND_MIME``."""

    activated_kind = Signal(str)

    def mimeTypes(self) -> list[str]:
        return [KIND_MIME]

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:
        data = QMimeData()
        kinds = [i.data(0, KIND_ROLE) for i in items if i.data(0, KIND_ROLE)]
        if kinds:
            data.setData(KIND_MIME, kinds[0].encode("utf-8"))
            data.setText(kinds[0])
        return data

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None and \
                item.data(0, KIND_ROLE):
            self.activated_kind.emit(item.data(0, KIND_ROLE))
            return
        super().keyPressEvent(event)


class PaletteWidget(QWidget):
    """Block kinds to add; emits :attr:`block_requested` on double-click or Enter."""

    block_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search blocks…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_changed)
        self.tree = _KindTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(6)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QTreeWidget.DragDropMode.DragOnly)
        self.tree.setIconSize(QSize(14, 14))
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(_EntryDelegate(self.tree))
        self.tree.setMouseTracking(True)
        self.tree.setFrameShape(QTreeWidget.Shape.NoFrame)
        self.tree.itemDoubleClicked.connect(self._on_item_double_clicked)
        self.tree.activated_kind.connect(self.block_requested)
        self.hint = QLabel(self.tr("Drag a block onto the canvas, or double-click it."), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #6B7280;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._populate()

    def _populate(self) -> None:
        categories: dict[str, QTreeWidgetItem] = {}
        order = {c: i for i, c in enumerate(style.CATEGORY_ORDER)}
        kinds = sorted(KINDS.values(), key=lambda k: order.get(k.category, len(order)))
        for kind in kinds:
            parent = categories.get(kind.category)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [engine_text(kind.category).upper()])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = style.ui_font(11, bold=True)
                font.setLetterSpacing(font.SpacingType.PercentageSpacing, 108)
                parent.setFont(0, font)
                parent.setForeground(0, style.category_colour(kind.category))
                parent.setExpanded(True)
                categories[kind.category] = parent
            title = engine_text(kind.title)
            item = QTreeWidgetItem(parent, [title])
            item.setData(0, KIND_ROLE, kind.kind)
            item.setIcon(0, style.swatch(style.category_colour(kind.category), 14))
            item.setToolTip(0, f"<b>{html.escape(title)}</b>"
                               f"<pre>{html.escape(engine_text(kind.help))}</pre>")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsDragEnabled)
            self._items[kind.kind] = item
        self.tree.expandAll()

    def item(self, kind: str) -> QTreeWidgetItem:
        """The entry of ``kind`` (for tests and keyboard navigation)."""
        return self._items[kind]

    def visible_kinds(self) -> list[str]:
        return [k for k, item in self._items.items() if not item.isHidden()]

    def _on_search_changed(self, text: str) -> None:
        words = text.casefold().split()
        for kind, item in self._items.items():
            spec = KINDS[kind]
            texts = (spec.title, spec.category, spec.help)
            haystack = " ".join((spec.kind, *texts, *map(engine_text, texts))).casefold()
            item.setHidden(not all(w in haystack for w in words))
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            top.setHidden(all(top.child(j).isHidden() for j in range(top.childCount())))

    def _on_item_double_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        kind = item.data(0, KIND_ROLE)
        if kind:
            self.block_requested.emit(kind)

    def index_of(self, kind: str) -> QModelIndex:
        return self.tree.indexFromItem(self._items[kind])
