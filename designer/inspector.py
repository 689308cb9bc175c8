"""The inspector: the selected block's name, parameters and mathematics.

The form is generated from the block kind's declared parameters
(:class:`engine.params.ParamSpec`): an integer becomes a spin box with the spec's range, a
number a decimal spin box, a flag a check box, a choice a combo box; each carries the
parameter's help as its tooltip (the catalogue's English, translated by
:func:`designer.engine_text.engine_text`). Every edit is one undoable ``SetParam`` command
(spin boxes commit on Enter, focus loss or an arrow step, not on every keystroke). A value the
design refuses, or any edit while the document is locked by a training run, is refused
with the reason and the editor returns to the model's value.

Below the form the inspector shows the block's parameter count and its equations from the
lecture filled in with the design's sizes, and how PyTorch stores the tensors
(:mod:`designer.equations`). The widget follows the design's events and analysis, so it
is always what the model says, whichever way the model was changed.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from designer import style
from designer.commands import RenameBlock, SetParam
from designer.document import DesignDocument
from designer.engine_text import choice_text, count_text, engine_text
from designer.equations import block_math
from engine.catalogue import get_kind
from engine.design import Event
from engine.params import ParamSpec

PANEL = ("background: #F7F8FA; border: 1px solid #E3E7ED; border-radius: 6px; "
         "padding: 6px; color: #1F2937;")


class InspectorWidget(QScrollArea):
    """Parameters and mathematics of the block the editor selected."""

    def __init__(self, document: DesignDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.block_id: str | None = None
        self.editors: dict[str, QWidget] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.pages = QStackedWidget()
        self.empty = QLabel(self.tr("Select a block to see its parameters and equations."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setStyleSheet("color: #6B7280; padding: 10px;")
        self.pages.addWidget(self.empty)
        self.page = QWidget()
        self._build_page()
        self.pages.addWidget(self.page)
        self.setWidget(self.pages)
        document.design_event.connect(self._on_design_event)
        document.design_replaced.connect(self._on_design_replaced)
        document.analysis_changed.connect(self._on_analysis_changed)
        document.locked_changed.connect(self._on_locked_changed)

    def _build_page(self) -> None:
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Block name"))
        self.name.editingFinished.connect(self._on_name_edited)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.count = QLabel()
        self.equations = QLabel()
        self.equations.setFont(style.mono_font(12))
        self.equations.setStyleSheet(PANEL)
        self.equations.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.equations.setWordWrap(True)
        self.sizes = QLabel()
        self.sizes.setWordWrap(True)
        self.sizes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.storage = QLabel()
        self.storage.setWordWrap(True)
        self.storage.setStyleSheet("color: #4B5563;")
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #6B7280;")
        for widget in (self.title, self.name, self.form_host, self.count, self.equations,
                       self.sizes, self.storage, self.help):
            layout.addWidget(widget)
        layout.addStretch(1)

    # --- which block ------------------------------------------------------------------------

    def set_block(self, block_id: str | None, selected: int = 1) -> None:
        """Show ``block_id`` (None: nothing, or ``selected`` blocks, is selected)."""
        if block_id is not None and block_id not in self.document.design.blocks:
            block_id = None
        self.block_id = block_id
        if block_id is None:
            self.empty.setText(self.tr("{n} blocks selected.").format(n=selected)
                               if selected > 1 else
                               self.tr("Select a block to see its parameters and equations."))
            self.pages.setCurrentWidget(self.empty)
            return
        self._rebuild_form()
        self._refresh()
        self.pages.setCurrentWidget(self.page)

    def focus_name(self) -> None:
        """Put the cursor in the name field (the editor's Rename action)."""
        if self.block_id is not None:
            self.name.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.name.selectAll()

    def _rebuild_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        block = self.document.design.block(self.block_id or "")
        spec = get_kind(block.kind)
        assert spec is not None
        for param in spec.params:
            editor = self._editor(param)
            editor.setToolTip(engine_text(param.help))
            label = QLabel(engine_text(param.label))
            label.setToolTip(engine_text(param.help))
            self.form.addRow(label, editor)
            self.editors[param.name] = editor
        self._on_locked_changed(self.document.locked, self.document.lock_reason)

    def _editor(self, param: ParamSpec) -> QWidget:
        name = param.name
        if param.type == "bool":
            box = QCheckBox()
            box.toggled.connect(lambda value: self._commit(name, bool(value)))
            return box
        if param.type == "choice":
            combo = QComboBox()
            for choice in param.choices:
                combo.addItem(choice_text(choice), choice)
            combo.activated.connect(lambda index: self._commit(name, combo.itemData(index)))
            return combo
        if param.type == "int":
            spin = QSpinBox()
            spin.setRange(int(param.minimum if param.minimum is not None else -2**31 + 1),
                          int(param.maximum if param.maximum is not None else 2**31 - 1))
            spin.setKeyboardTracking(False)
            spin.setAccelerated(True)
            spin.valueChanged.connect(lambda value: self._commit(name, int(value)))
            return spin
        dspin = QDoubleSpinBox()
        dspin.setDecimals(3)
        dspin.setSingleStep(0.05)
        dspin.setRange(param.minimum if param.minimum is not None else -1e9,
                       param.maximum if param.maximum is not None else 1e9)
        dspin.setKeyboardTracking(False)
        dspin.valueChanged.connect(lambda value: self._commit(name, float(value)))
        return dspin

    # --- model -> widgets -------------------------------------------------------------------

    def _refresh(self) -> None:
        if self.block_id is None:
            return
        design = self.document.design
        block = design.block(self.block_id)
        spec = get_kind(block.kind)
        assert spec is not None
        colour = style.category_colour(spec.category).name()
        title = html.escape(engine_text(spec.title))
        self.title.setText(f"<span style='color:{colour}; font-size:15px'>■</span> "
                           f"<b style='font-size:14px'>{title}</b> "
                           f"<span style='color:#6B7280'>· {block.id}</span>")
        if not self.name.hasFocus():
            self.name.setText(block.name)
        for name, editor in self.editors.items():
            self._show_value(editor, block.params[name])
        self.help.setText(engine_text(spec.help).splitlines()[0] if spec.help else "")
        self._refresh_math()

    def _show_value(self, editor: QWidget, value: Any) -> None:
        editor.blockSignals(True)
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.setValue(value)
        editor.blockSignals(False)

    def _refresh_math(self) -> None:
        if self.block_id is None or self.block_id not in self.document.design.blocks:
            return
        math = block_math(self.document.design, self.document.analysis, self.block_id)
        if math.count is None:
            self.count.setText(self.tr("<b>Parameters:</b> known once its input is wired"))
        else:
            self.count.setText(self.tr("<b>Parameters:</b> {n}").format(n=count_text(math.count)))
        self.equations.setText("\n".join(math.equations))
        self.equations.setVisible(bool(math.equations))
        self.sizes.setText(self.tr("<b>Sizes:</b> {sizes}").format(sizes=math.sizes)
                           if math.sizes else "")
        self.sizes.setVisible(bool(math.sizes))
        lines = [*math.storage, *math.notes]
        header = self.tr("<b>In PyTorch:</b>")
        self.storage.setText(header + "<br>" + "<br>".join(lines) if lines else "")
        self.storage.setVisible(bool(lines))

    def _on_design_event(self, event: Event) -> None:
        if self.block_id is None:
            return
        if event.name == "block_removed" and event.block_id == self.block_id:  # type: ignore[union-attr]
            self.set_block(None)
        elif getattr(event, "block_id", None) == self.block_id and \
                event.name in ("param_changed", "block_renamed"):
            self._refresh()

    def _on_design_replaced(self, _design: object) -> None:
        self.set_block(None)

    def _on_analysis_changed(self, _analysis: object) -> None:
        if self.block_id is not None and self.block_id in self.document.design.blocks:
            self._refresh_math()

    def _on_locked_changed(self, locked: bool, reason: str) -> None:
        for param, editor in self.editors.items():
            editor.setEnabled(not locked)
            spec = get_kind(self.document.design.block(self.block_id).kind) \
                if self.block_id in self.document.design.blocks else None
            spec_param = spec.param(param) if spec else None
            help_text = engine_text(spec_param.help) if spec_param is not None else ""
            editor.setToolTip(reason if locked else help_text)

    # --- widgets -> commands ----------------------------------------------------------------

    def _commit(self, param: str, value: Any) -> None:
        if self.block_id is None:
            return
        block = self.document.design.block(self.block_id)
        if block.params.get(param) == value and type(block.params.get(param)) is type(value):
            return
        if not self.document.try_push(SetParam, self.block_id, param, value):
            self._refresh()  # back to the model's value

    def _on_name_edited(self) -> None:
        if self.block_id is None:
            return
        name = self.name.text()
        block = self.document.design.block(self.block_id)
        if name == block.name:
            return
        if not self.document.try_push(RenameBlock, self.block_id, name):
            self.name.setText(block.name)
