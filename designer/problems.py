"""The problems list: every message engine validation has about the design, live.

Each row is one :class:`~engine.validation.Problem` — errors first, then warnings — with a
coloured mark for its severity, the block it is about and the message, in validation's
own words (they already say what to do). Clicking a row asks the editor to select the
block and bring it to the centre of the canvas (:attr:`ProblemsWidget.block_activated`).
The list is rebuilt from each analysis the document emits, so it always agrees with the
marks on the canvas.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from designer import style
from designer.document import DesignDocument
from engine.validation import Analysis, Problem

BLOCK_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsWidget(QWidget):
    """Validation's messages; a click selects and centres the block concerned."""

    block_activated = Signal(str)

    def __init__(self, document: DesignDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.summary = QLabel()
        self.summary.setStyleSheet("padding: 2px 4px;")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(12, 12))
        self.list.setAlternatingRowColors(False)
        self.list.setSpacing(2)
        self.list.itemClicked.connect(self._on_item_clicked)
        self.list.itemActivated.connect(self._on_item_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self._icons = {"error": style.swatch(style.ERROR, 12, round_=True),
                       "warning": style.swatch(style.WARNING, 12, round_=True)}
        document.analysis_changed.connect(self._on_analysis_changed)
        self._on_analysis_changed(document.analysis)

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)

    def _on_analysis_changed(self, analysis: Analysis) -> None:
        design = self.document.design
        self._problems = sorted(analysis.problems, key=lambda p: p.severity != "error")
        self.list.clear()
        for problem in self._problems:
            block = design.blocks.get(problem.block or "")
            where = block.name if block is not None else self.tr("Design")
            if problem.port:
                where += f" · {problem.port}"
            item = QListWidgetItem(self._icons[problem.severity], f"{where}: {problem.message}")
            item.setData(BLOCK_ROLE, problem.block or "")
            item.setToolTip(problem.message)
            self.list.addItem(item)
        errors = len(analysis.errors)
        warnings = len(analysis.problems) - errors
        if not analysis.problems:
            self.summary.setText(self.tr("✓ No problems: the design compiles."))
            self.summary.setStyleSheet(f"color: {style.OK.name()}; padding: 2px 4px;")
        else:
            self.summary.setText(self.tr("{e} error(s), {w} warning(s)").format(e=errors,
                                                                                w=warnings))
            colour = style.ERROR if errors else style.WARNING
            self.summary.setStyleSheet(f"color: {colour.name()}; padding: 2px 4px;")

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        block_id = item.data(BLOCK_ROLE)
        if block_id and block_id in self.document.design.blocks:
            self.block_activated.emit(block_id)
