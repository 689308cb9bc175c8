"""The example gallery: the shipped designs, one per network shape, ready to train."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.errors import RecurrenteError
from engine.examples import list_examples, load_example
from engine.validation import analyze


class ExampleGallery(QDialog):
    """Lists the examples with their description and shape; emits the chosen name."""

    example_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Examples"))
        self.resize(720, 420)
        self.list = QListWidget()
        self.list.setMinimumWidth(260)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setMargin(8)
        intro = QLabel(self.tr("Pick a network to start from. Each example comes with a data "
                               "set, so you can press Train straight away."))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._open)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self._open())
        self.list.currentItemChanged.connect(self._on_current_changed)
        row = QHBoxLayout()
        row.addWidget(self.list, 2)
        row.addWidget(self.details, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(buttons)
        for name in list_examples():
            try:
                design = load_example(name)
            except RecurrenteError:
                continue
            item = QListWidgetItem(design.name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            analysis = analyze(design)
            source = design.training.data
            data = (source.name or source.path) if source else ""  # a file: its path
            item.setData(Qt.ItemDataRole.UserRole + 1, (
                f"<h3>{design.name}</h3><p>{design.description}</p>"
                f"<p><b>{self.tr('Shape')}:</b> {analysis.network_shape or ''}<br>"
                f"<b>{self.tr('Parameters')}:</b> {analysis.total_params:,}<br>"
                f"<b>{self.tr('Data set')}:</b> {data or self.tr('none')}</p>"))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def select(self, name: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(row)

    def _on_current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.details.setText(item.data(Qt.ItemDataRole.UserRole + 1) if item else "")

    def _open(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.example_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        self.accept()
