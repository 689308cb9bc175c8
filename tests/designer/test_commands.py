"""Every undo command: do, undo (the model equals the before state), redo (the after state).

Each check also compares the scene with the model after every step, since the scene
follows the design's events and must never disagree with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from designer.commands import (
    AddBlock,
    Connect,
    Disconnect,
    MoveBlocks,
    PasteBlocks,
    RemoveBlocks,
    RenameBlock,
    SetParam,
    SetTraining,
    TidyLayout,
)
from designer.document import DesignDocument
from designer.editor import DesignEditor
from engine.design import PortRef, Wire
from engine.errors import DesignEditError
from tests.designer.helpers import assert_scene_matches, snapshot


def wire(text: str) -> Wire:
    src, _, dst = text.partition(" -> ")
    return Wire(PortRef.parse(src), PortRef.parse(dst))


def do_undo_redo(editor: DesignEditor, make: Callable[[DesignDocument], Any]) -> Any:
    """Push ``make(document)``, undo it and redo it, checking model and scene each time."""
    document = editor.document
    before = snapshot(document.design)
    command = make(document)
    assert document.push(command)
    after = snapshot(document.design)
    assert after != before
    assert_scene_matches(editor)
    assert document.undo()
    assert snapshot(document.design) == before
    assert_scene_matches(editor)
    assert document.redo()
    assert snapshot(document.design) == after
    assert_scene_matches(editor)
    return command


def test_add_block(editor: DesignEditor) -> None:
    command = do_undo_redo(editor, lambda d: AddBlock(d, "lstm", {"hidden_size": 8},
                                                      x=100, y=200))
    block = editor.document.design.block(command.block_id)
    assert (block.kind, block.params["hidden_size"], block.x, block.y) == ("lstm", 8, 100, 200)
    assert command.text() == "Add LSTM"


def test_add_block_keeps_its_id_through_undo_and_redo(editor: DesignEditor) -> None:
    document = editor.document
    command = AddBlock(document, "dense")
    document.push(command)
    document.undo()
    document.push(AddBlock(document, "rnn", block_id="dense"))  # takes the freed id...
    document.undo()
    document.redo()
    assert document.design.block("dense").kind == "rnn"  # ...and keeps it


def test_disconnect(editor: DesignEditor) -> None:
    do_undo_redo(editor, lambda d: Disconnect(d, wire("rnn.sequence -> y.input")))
    assert wire("rnn.sequence -> y.input") not in editor.document.design.wires


def test_connect(editor: DesignEditor) -> None:
    editor.document.push(AddBlock(editor.document, "output", block_id="y2"))
    command = do_undo_redo(editor, lambda d: Connect(d, "rnn.last", "y2.input"))
    assert len(command.children) == 0
    assert wire("rnn.last -> y2.input") in editor.document.design.wires


def test_connect_replaces_the_wire_already_in_the_input(editor: DesignEditor) -> None:
    command = do_undo_redo(editor, lambda d: Connect(d, "rnn.last", "y.input"))
    assert len(command.children) == 1
    wires = editor.document.design.wires
    assert wire("rnn.last -> y.input") in wires
    assert wire("rnn.sequence -> y.input") not in wires


def test_remove_blocks_takes_their_wires_as_children(editor: DesignEditor) -> None:
    command = do_undo_redo(editor, lambda d: RemoveBlocks(d, ["rnn"]))
    assert len(command.children) == 2
    assert set(editor.document.design.blocks) == {"x", "y"}
    assert editor.document.design.wires == ()


def test_remove_blocks_with_extra_wires(editor: DesignEditor) -> None:
    do_undo_redo(editor, lambda d: RemoveBlocks(d, ["y"], [wire("x.out -> rnn.input")]))
    assert editor.document.design.wires == ()


def test_remove_only_wires(editor: DesignEditor) -> None:
    command = do_undo_redo(editor, lambda d: RemoveBlocks(d, [], [wire("x.out -> rnn.input")]))
    assert command.text() == "Delete 1 wire(s)"


@pytest.mark.parametrize(("block", "param", "value"), [
    ("rnn", "hidden_size", 7),
    ("rnn", "bidirectional", True),
    ("rnn", "nonlinearity", "relu"),
    ("rnn", "dropout", 0.5),
    ("x", "mode", "element"),
])
def test_set_param(editor: DesignEditor, block: str, param: str, value: Any) -> None:
    do_undo_redo(editor, lambda d: SetParam(d, block, param, value))
    assert editor.document.design.block(block).params[param] == value


def test_move_blocks(editor: DesignEditor) -> None:
    do_undo_redo(editor, lambda d: MoveBlocks(d, {"x": (-40, 60), "y": (600, 80)}))
    assert (editor.document.design.block("x").x, editor.document.design.block("y").y) == \
        (-40, 80)


def test_nudges_merge_into_one_step(editor: DesignEditor) -> None:
    document = editor.document
    for _ in range(3):
        document.push(MoveBlocks(document, {"rnn": (document.design.block("rnn").x + 20, 0)},
                                 nudge=True))
    assert document.undo_stack.count() == 1
    assert document.design.block("rnn").x == 300
    document.undo()
    assert document.design.block("rnn").x == 240
    # a mouse move does not merge with nudges
    document.redo()
    document.push(MoveBlocks(document, {"rnn": (0, 400)}))
    assert document.undo_stack.count() == 2


def test_tidy_layout(editor: DesignEditor) -> None:
    command = do_undo_redo(editor, lambda d: TidyLayout(d, {"x": (0, 100), "rnn": (300, 100),
                                                             "y": (600, 100)}))
    assert command.text() == "Tidy layout"


def test_rename_block(editor: DesignEditor) -> None:
    do_undo_redo(editor, lambda d: RenameBlock(d, "rnn", "Elman"))
    assert editor.scene.blocks["rnn"].name == "Elman"


def test_paste_blocks_gives_fresh_ids_and_keeps_inner_wires(editor: DesignEditor) -> None:
    design = editor.document.design
    fragment = {"blocks": [design.block("x").to_json(), design.block("rnn").to_json()],
                "wires": [{"from": "x.out", "to": "rnn.input"},
                          {"from": "rnn.sequence", "to": "y.input"}]}  # y is not pasted
    command = do_undo_redo(editor, lambda d: PasteBlocks(d, fragment, (10, 20)))
    assert command.new_ids == ["x_2", "rnn_2"]
    assert wire("x_2.out -> rnn_2.input") in design.wires
    assert len(design.wires) == 3
    assert (design.block("rnn_2").x, design.block("rnn_2").y) == (250, 20)


def test_set_training(editor: DesignEditor) -> None:
    document = editor.document
    settings = document.design.training.replace(epochs=3, learning_rate=0.01)
    do_undo_redo(editor, lambda d: SetTraining(d, settings))
    assert document.design.training.epochs == 3
    assert document.set_training(settings.replace(epochs=4))
    assert document.design.training.epochs == 4


@pytest.mark.parametrize("make", [
    lambda d: AddBlock(d, "no_such_kind"),
    lambda d: AddBlock(d, "rnn", {"hidden_size": 0}),
    lambda d: AddBlock(d, "rnn", block_id="x"),
    lambda d: Connect(d, "x.out", "rnn.nothing"),
    lambda d: Connect(d, "x.out", "rnn.input", replace=False),
    lambda d: Connect(d, "nonsense", "rnn.input"),
    lambda d: Disconnect(d, wire("x.out -> y.input")),
    lambda d: RemoveBlocks(d, ["ghost"]),
    lambda d: SetParam(d, "rnn", "hidden_size", 10**9),
    lambda d: SetParam(d, "rnn", "colour", 1),
    lambda d: MoveBlocks(d, {"x": (float("nan"), 0)}),
    lambda d: MoveBlocks(d, {}),
    lambda d: RenameBlock(d, "x", "   "),
    lambda d: PasteBlocks(d, {"blocks": []}),
    lambda d: PasteBlocks(d, {"blocks": [{"id": "a", "kind": "rnn", "params": {"x": 1}}]}),
    lambda d: PasteBlocks(d, {"blocks": [{"kind": "rnn"}]}),
    lambda d: PasteBlocks(d, {"blocks": [{"id": "a", "kind": "rnn"}],
                              "wires": [{"from": "a.sequence", "to": "a.nowhere"}]}),
])
def test_commands_refuse_bad_edits_before_anything_changes(
        editor: DesignEditor, make: Callable[[DesignDocument], Any]) -> None:
    before = snapshot(editor.document.design)
    with pytest.raises(DesignEditError):
        make(editor.document)
    assert snapshot(editor.document.design) == before
    assert editor.document.undo_stack.count() == 0
