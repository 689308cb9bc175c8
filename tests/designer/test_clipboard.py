"""Cut, copy, paste and duplicate: fresh ids, inner wires kept, untrusted clipboard text."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QGuiApplication

from designer import clipboard
from designer.editor import DesignEditor
from engine.design import PortRef, Wire
from tests.designer.helpers import MakeEditor, assert_scene_matches, snapshot


def test_copy_puts_a_fragment_with_only_inner_wires(editor: DesignEditor) -> None:
    editor.select_block("x")
    editor.scene.blocks["rnn"].setSelected(True)
    assert editor.copy_selection()
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasFormat(clipboard.MIME)
    doc = json.loads(bytes(data.data(clipboard.MIME).data()))
    assert [b["id"] for b in doc["blocks"]] == ["x", "rnn"]
    assert doc["wires"] == [{"from": "x.out", "to": "rnn.input"}]
    assert json.loads(data.text()) == doc


def test_paste_gives_fresh_ids_and_keeps_inner_wires(editor: DesignEditor) -> None:
    editor.select_all()
    editor.copy_selection()
    first = editor.paste()
    assert first == ["x_2", "rnn_2", "y_2"]
    second = editor.paste()
    assert second == ["x_3", "rnn_3", "y_3"]
    design = editor.document.design
    assert Wire(PortRef("x_3", "out"), PortRef("rnn_3", "input")) in design.wires
    assert Wire(PortRef("rnn_3", "sequence"), PortRef("y_3", "input")) in design.wires
    assert len(design.wires) == 6
    assert (design.block("rnn_2").x, design.block("rnn_3").x) == (280, 320)  # cascading
    assert editor.selected_block_ids() == second
    assert editor.document.undo_stack.count() == 2
    assert_scene_matches(editor)
    editor.document.undo()
    editor.document.undo()
    assert set(design.blocks) == {"x", "rnn", "y"} and len(design.wires) == 2
    assert_scene_matches(editor)


def test_duplicate_is_one_undo_step(editor: DesignEditor) -> None:
    before = snapshot(editor.document.design)
    editor.select_block("rnn")
    editor.scene.blocks["y"].setSelected(True)
    assert editor.duplicate_selection() == ["rnn_2", "y_2"]
    design = editor.document.design
    assert Wire(PortRef("rnn_2", "sequence"), PortRef("y_2", "input")) in design.wires
    assert not any(w.dst.block == "rnn_2" for w in design.wires)  # x was not duplicated
    assert design.block("y_2").name == "y"
    assert editor.document.undo_stack.command(0).text() == "Duplicate"
    editor.document.undo()
    assert snapshot(design) == before


def test_cut_removes_and_paste_brings_back(editor: DesignEditor) -> None:
    editor.select_block("y")
    assert editor.cut_selection()
    assert "y" not in editor.document.design.blocks
    assert editor.document.undo_stack.command(0).text() == "Cut"
    assert editor.paste() == ["y"]  # the id is free again
    assert_scene_matches(editor)


def test_paste_into_another_document(make_editor: MakeEditor) -> None:
    source = make_editor("translation")
    source.select_all()
    source.copy_selection()
    target = make_editor("notation")
    new = target.paste()
    assert set(new) == {"source", "encoder", "feedback", "decoder", "target"}
    assert len(target.document.design.wires) == 2 + 5
    assert target.document.flush_analysis().shapes[PortRef("encoder", "state")].cell


@pytest.mark.parametrize("text", [
    "", "hello", "[1, 2]", "{\"blocks\": 3}", "{\"blocks\": [{\"id\": 1}]}",
    "{\"blocks\": [{\"id\": \"a\", \"kind\": \"warp\"}]}",
    "{\"blocks\": [{\"id\": \"a\", \"kind\": \"rnn\", \"params\": [1]}]}",
    "{\"blocks\": [{\"id\": \"a\", \"kind\": \"rnn\", \"ui\": {\"x\": \"far\"}}]}",
    "{\"blocks\": [{\"id\": \"a\", \"kind\": \"rnn\"}], \"wires\": [{\"from\": 1}]}",
    "[" * 100_000,
])
def test_pasting_garbage_is_refused_without_a_change(editor: DesignEditor, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    before = snapshot(editor.document.design)
    assert editor.paste() == []
    assert snapshot(editor.document.design) == before
    assert editor.toast.isVisible()


def test_plain_text_of_a_fragment_pastes(editor: DesignEditor) -> None:
    text = json.dumps({"blocks": [{"id": "extra", "kind": "dense", "params": {"size": 5}}]})
    QGuiApplication.clipboard().setText(text)
    assert editor.paste() == ["extra"]
    assert editor.document.design.block("extra").params["size"] == 5
