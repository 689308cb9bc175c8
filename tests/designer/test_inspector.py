"""The inspector: a form generated from the kind's params, one SetParam per edit, the
lecture's equations with the design's sizes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox
from pytestqt.qtbot import QtBot

from designer.commands import RenameBlock, SetParam
from designer.editor import DesignEditor
from designer.equations import block_math
from engine.catalogue import get_kind
from tests.designer.helpers import MakeEditor


def inspect(editor: DesignEditor, block_id: str) -> None:
    editor.select_block(block_id)
    assert editor.inspector.block_id == block_id


def last_command(editor: DesignEditor) -> object:
    stack = editor.document.undo_stack
    return stack.command(stack.count() - 1)


def test_form_is_generated_from_the_declared_params(editor: DesignEditor) -> None:
    inspect(editor, "rnn")
    spec = get_kind("rnn")
    assert spec is not None
    editors = editor.inspector.editors
    assert list(editors) == [p.name for p in spec.params]
    hidden = editors["hidden_size"]
    assert isinstance(hidden, QSpinBox)
    assert (hidden.minimum(), hidden.maximum(), hidden.value()) == (1, 16384, 3)
    assert isinstance(editors["dropout"], QDoubleSpinBox)
    assert editors["dropout"].maximum() == 0.95
    assert isinstance(editors["bidirectional"], QCheckBox)
    combo = editors["nonlinearity"]
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == ["tanh", "relu"]
    assert hidden.toolTip() == spec.param("hidden_size").help


def test_each_edit_pushes_one_set_param(editor: DesignEditor, qtbot: QtBot) -> None:
    inspect(editor, "rnn")
    editors = editor.inspector.editors
    stack = editor.document.undo_stack
    spin = editors["hidden_size"]
    spin.setValue(16)
    assert stack.count() == 1 and isinstance(last_command(editor), SetParam)
    assert editor.document.design.block("rnn").params["hidden_size"] == 16
    editors["bidirectional"].setChecked(True)
    combo = editors["nonlinearity"]
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    editors["dropout"].setValue(0.25)
    params = editor.document.design.block("rnn").params
    assert (params["bidirectional"], params["nonlinearity"], params["dropout"]) == \
        (True, "relu", 0.25)
    assert stack.count() == 4
    assert editor.scene.blocks["rnn"].summary == "RNN (relu) 16, bidirectional"
    editor.document.undo()
    assert editors["dropout"].value() == 0.0  # the form follows the model on undo


def test_typing_commits_once_and_ranges_are_respected(editor: DesignEditor,
                                                       qtbot: QtBot) -> None:
    inspect(editor, "rnn")
    spin = editor.inspector.editors["hidden_size"]
    spin.selectAll()
    qtbot.keyClicks(spin, "128")
    assert editor.document.undo_stack.count() == 0  # no command per keystroke
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert editor.document.undo_stack.count() == 1
    assert editor.document.design.block("rnn").params["hidden_size"] == 128
    spin.setValue(10**6)  # clamped by the spin box to the spec's maximum
    assert editor.document.design.block("rnn").params["hidden_size"] == 16384
    layers = editor.inspector.editors["num_layers"]
    layers.setValue(99)
    assert editor.document.design.block("rnn").params["num_layers"] == 16


def test_rename_from_the_name_field(editor: DesignEditor, qtbot: QtBot) -> None:
    inspect(editor, "rnn")
    name = editor.inspector.name
    name.setText("Elman")
    name.editingFinished.emit()
    assert isinstance(last_command(editor), RenameBlock)
    assert editor.scene.blocks["rnn"].name == "Elman"
    name.setText("")
    name.editingFinished.emit()
    assert name.text() == "Elman"  # refused: a name cannot be empty
    assert "empty" in editor.toast.text()


def test_rename_action_focuses_the_name(editor: DesignEditor) -> None:
    editor.inspector.show()
    editor.select_block("y")
    editor.actions["rename"].trigger()
    assert editor.inspector.name.text() == "y"
    assert editor.inspector.name.selectedText() == "y"


def test_lecture_example_shows_the_lecture_sizes(editor: DesignEditor) -> None:
    inspect(editor, "rnn")
    inspector = editor.inspector
    assert "U: 3x5, W: 3x3, V: 2x3, b_h: 3x1" in inspector.sizes.text()
    assert "h(t) = tanh(W h(t-1) + U x(t) + b_h)" in inspector.equations.text()
    assert "Parameters:</b> 30" in inspector.count.text()
    storage = inspector.storage.text()
    assert "bias_ih_l0 + bias_hh_l0 = b_h" in storage and "weight_ih_l0 = U (3x5)" in storage
    inspect(editor, "y")
    assert "V: 2x3, b_y: 2x1" in inspector.sizes.text()
    assert "Parameters:</b> 8" in inspector.count.text()


def test_equations_follow_the_design(editor: DesignEditor) -> None:
    inspect(editor, "rnn")
    editor.inspector.editors["hidden_size"].setValue(4)
    editor.document.flush_analysis()
    assert "U: 4x5, W: 4x4, V: 2x4, b_h: 4x1" in editor.inspector.sizes.text()
    assert "Parameters:</b> 44" in editor.inspector.count.text()


def test_fused_lstm_says_how_tensors_map(make_editor: MakeEditor) -> None:
    editor = make_editor("translation")
    document = editor.document
    math = block_math(document.design, document.flush_analysis(), "encoder")
    assert "weight_ih_l0 = [U_u; U_f; U_c; U_o] (512x32)" in math.storage
    assert any("bias_ih_l0 + bias_hh_l0 = b" in line for line in math.storage)
    assert math.count == 4 * 128 * (32 + 128) + 2 * 4 * 128
    assert "c(t) = Gu ⊙ c~(t) + Gf ⊙ c(t-1)" in math.equations
    document.push(SetParam(document, "encoder", "peepholes", "full"))
    math = block_math(document.design, document.flush_analysis(), "encoder")
    assert "P_u, P_f, P_o: 128x128" in math.sizes
    assert any("one bias per gate" in line for line in math.storage)
    assert not any("DropConnect" in note for note in math.notes)
    document.push(SetParam(document, "encoder", "weight_drop", 0.25))
    math = block_math(document.design, document.flush_analysis(), "encoder")
    assert any("M ⊙ W / (1 − 0.25)" in note and "DropConnect" in note for note in math.notes)


def test_gru_forms_and_unwired_blocks(make_editor: MakeEditor) -> None:
    editor = make_editor("tagging")
    document = editor.document
    math = block_math(document.design, document.analysis, "bigru")
    assert any("Gr ⊙ h(t-1)" in line for line in math.equations)
    assert any("bidirectional" in note for note in math.notes)
    document.push(SetParam(document, "bigru", "form", "pytorch"))
    math = block_math(document.design, document.flush_analysis(), "bigru")
    assert "weight_ih_l0 = [U_r; U_z; U_n] (96x16)" in math.storage
    block_id = editor.add_block("lstm")
    assert block_id is not None
    math = block_math(document.design, document.flush_analysis(), block_id)
    assert math.count is None and "64xI" in math.sizes
    editor.select_block(block_id)
    assert "once its input is wired" in editor.inspector.count.text()


def test_selection_drives_the_inspector(editor: DesignEditor) -> None:
    inspect(editor, "x")
    editor.scene.blocks["y"].setSelected(True)
    assert editor.inspector.block_id is None
    assert "2 blocks selected" in editor.inspector.empty.text()
    editor.select_block("rnn")
    editor.delete_selection()
    assert editor.inspector.block_id is None
