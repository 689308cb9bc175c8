"""The Export dialog: write the trained model (and its checkpoint) and show how to load it."""

from __future__ import annotations

from pathlib import Path

import torch
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine import export
from engine.compiler import CompiledModel
from engine.data.base import DataSpec
from engine.design import Design
from engine.errors import RecurrenteError
from engine.fileformat import dumps


class ExportDialog(QDialog):
    """Export ``model`` (trained from ``design``) in a chosen format."""

    def __init__(self, model: CompiledModel, design: Design, spec: DataSpec | None,
                 folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the trained model"))
        self.resize(640, 420)
        self.model, self.design, self.spec = model, design, spec
        self.format = QComboBox()
        for name, (suffix, help_) in export.EXPORT_FORMATS.items():
            self.format.addItem(f"{name} ({suffix})", name)
            self.format.setItemData(self.format.count() - 1, help_, Qt.ItemDataRole.ToolTipRole)
        self.path = QLineEdit(str(folder / f"{_stem(design.name)}.pt"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.steps = QSpinBox()
        self.steps.setRange(1, 10_000)
        self.steps.setValue(16)
        self.steps.setToolTip(self.tr("Traced formats run batches of exactly this many steps."))
        self.checkpoint = QCheckBox(self.tr("Also save the checkpoint (weights and design)"))
        self.checkpoint.setChecked(True)
        self.usage = QPlainTextEdit()
        self.usage.setReadOnly(True)
        self.usage.setFont(QFont("monospace"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("File"), path_row)
        form.addRow(self.tr("Steps (traced formats)"), self.steps)
        form.addRow("", self.checkpoint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(self.tr("Export"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        copy = buttons.addButton(self.tr("Copy code"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(
            self.usage.toPlainText()))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Load and run it with:")))
        layout.addWidget(self.usage, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.path.textChanged.connect(self._show_usage)
        self._on_format_changed()

    def _on_format_changed(self) -> None:
        name = self.format.currentData()
        suffix = export.EXPORT_FORMATS[name][0]
        self.path.setText(str(Path(self.path.text()).with_suffix(suffix)))
        self.steps.setEnabled(name != "torchscript")
        self._show_usage()

    def _show_usage(self) -> None:
        name = self.format.currentData()
        file = Path(self.path.text()).name
        inputs = ", ".join(f'"{block}": x' for block, *_ in
                           export.signature(self.design).inputs)
        lines = {
            "torchscript": ["import torch", f'model = torch.jit.load("{file}")',
                            f"y = model({{{inputs}}})"],
            "program": ["import torch", f'program = torch.export.load("{file}")',
                        "y = program.module()(*inputs)"],
            "onnx": ["import onnxruntime", f'session = onnxruntime.InferenceSession("{file}")',
                     "y = session.run(None, {name: array for name, array in inputs})"],
        }[name]
        self.usage.setPlainText("\n".join(lines))

    def _browse(self) -> None:
        suffix = export.EXPORT_FORMATS[self.format.currentData()][0]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(),
                                              f"*{suffix}")
        if path:
            self.path.setText(path)

    def export(self) -> bool:
        """Write the files; report success or the reason in the dialog (never raises)."""
        name = self.format.currentData()
        target = Path(self.path.text())
        try:
            inputs = (None if name == "torchscript"
                      else export.example_inputs(self.design, steps=self.steps.value()))
            export.export_as(name, self.model, self.design, target, example_inputs=inputs,
                             data_spec=self.spec)
            written = [str(target)]
            if self.checkpoint.isChecked():
                ckpt = target.with_suffix(".ckpt.pt")
                torch.save({"format": "recurrente-checkpoint", "version": 1,
                            "design": dumps(self.design), "model": self.model.state_dict()},
                           ckpt)
                written.append(str(ckpt))
        except (RecurrenteError, OSError) as exc:
            self.status.setText(f"<span style='color:#b00020'>{exc}</span>")
            return False
        self.status.setText(self.tr("Written: {files}").format(files=", ".join(written)))
        return True


def _stem(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name).strip("_").lower()[:40] or "model"
