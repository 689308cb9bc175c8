"""Wiring: the editor's request API, the reasons for refusing a pair, and the wire drag."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot

from designer.commands import Connect
from designer.editor import DesignEditor
from engine.design import PortRef, Wire
from tests.designer.helpers import MakeEditor


def test_request_wire_pushes_one_connect(make_editor: MakeEditor) -> None:
    editor: DesignEditor = make_editor("notation")
    editor.add_block("output")
    assert editor.request_wire("rnn.last", "output.input") == ""
    command = editor.document.undo_stack.command(editor.document.undo_stack.count() - 1)
    assert isinstance(command, Connect)
    assert Wire(PortRef("rnn", "last"), PortRef("output", "input")) in editor.scene.wires


@pytest.mark.parametrize(("src", "dst", "words"), [
    ("rnn.last", "lstm.input",
     "a vector cannot feed a sequence input; use the RNN's 'sequence' output"),
    ("rnn.state", "y.input", "a state cannot feed a sequence or vector input; use the RNN's"),
    ("x.out", "lstm.initial_state",
     "a sequence cannot feed a state input; an initial state comes from"),
    ("rnn.sequence", "rnn.initial_state", "a block cannot feed itself"),
    ("x.out", "rnn.input", "already wired"),
    ("y.out", "lstm.input", "only feeds a Feedback block's 'generated' port"),
    ("rnn.sequence", "x.out", "from an output (right side) to an input"),
    ("lstm.sequence", "rnn.input", "close a loop"),
])
def test_incompatible_pairs_are_refused_with_a_reason(make_editor: MakeEditor, src: str, dst: str,
                                                      words: str) -> None:
    editor: DesignEditor = make_editor("notation")
    editor.add_block("lstm")
    if "loop" in words:
        editor.request_wire("rnn.sequence", "lstm.input")
    count = editor.document.undo_stack.count()
    reason = editor.request_wire(src, dst)
    assert words in reason
    assert editor.wire_refusal(src, dst) == reason
    assert editor.document.undo_stack.count() == count
    assert editor.toast.text() == reason


def test_a_dense_block_follows_its_input_type(make_editor: MakeEditor) -> None:
    editor: DesignEditor = make_editor("notation")
    editor.add_block("dense")
    editor.add_block("pool")
    assert editor.request_wire("rnn.last", "dense.input") == ""
    editor.document.flush_analysis()
    reason = editor.wire_refusal("dense.out", "pool.input")  # a vector now
    assert reason.startswith("a vector cannot feed a sequence input; repeat the vector")


def test_dropping_on_an_occupied_input_replaces_its_wire(make_editor: MakeEditor) -> None:
    editor: DesignEditor = make_editor("notation")
    assert editor.request_wire("rnn.last", "y.input") == ""
    wires = editor.document.design.wires
    assert [str(w) for w in wires if w.dst.block == "y"] == ["rnn.last -> y.input"]
    editor.document.undo()
    assert [str(w) for w in editor.document.design.wires if w.dst.block == "y"] == [
        "rnn.sequence -> y.input"]


def test_drag_lights_up_compatible_ports_and_explains_the_others(make_editor: MakeEditor) -> None:
    editor: DesignEditor = make_editor("notation")
    editor.add_block("lstm")
    scene = editor.scene
    origin = scene.blocks["rnn"].ports["last"]
    tooltip_before = scene.blocks["lstm"].ports["input"].toolTip()
    scene.begin_wire_drag(origin, origin.scenePos())
    lstm_input = scene.blocks["lstm"].ports["input"]
    assert lstm_input.highlight == "refused"
    assert lstm_input.toolTip() == ("a vector cannot feed a sequence input; use the RNN's "
                                    "'sequence' output")
    y_input = scene.blocks["y"].ports["input"]
    assert y_input.highlight == "ok"
    assert y_input.toolTip() == "replaces the wire from rnn.sequence"
    assert scene.blocks["rnn"].ports["sequence"].highlight == ""  # same direction: untouched
    scene.drag_wire_to(lstm_input.scenePos(), QPoint(300, 300))  # over a refused port
    scene.drag_wire_to(y_input.scenePos(), QPointF(320, 300))
    scene.end_wire_drag(y_input.scenePos())
    assert Wire(PortRef("rnn", "last"), PortRef("y", "input")) in editor.document.design.wires
    assert lstm_input.highlight == "" and lstm_input.toolTip() == tooltip_before


def test_drag_released_on_a_refused_port_says_why(make_editor: MakeEditor) -> None:
    editor: DesignEditor = make_editor("notation")
    editor.add_block("lstm")
    scene = editor.scene
    origin = scene.blocks["lstm"].ports["input"]  # dragging backwards, from an input
    scene.begin_wire_drag(origin, origin.scenePos())
    target = scene.blocks["rnn"].ports["last"]
    assert scene.blocks["rnn"].ports["sequence"].highlight == "ok"
    scene.end_wire_drag(target.scenePos())
    assert editor.document.undo_stack.count() == 1  # only the AddBlock
    assert "use the RNN's 'sequence' output" in editor.toast.text()


def test_mouse_drag_from_port_to_port_wires_them(make_editor: MakeEditor, qtbot: QtBot) -> None:
    editor: DesignEditor = make_editor("notation")
    editor.document.push(Connect(editor.document, "rnn.last", "y.input"))
    editor.document.undo()
    editor.document.undo_stack.clear()
    viewport = editor.view.viewport()
    editor.view.fit()
    start = editor.view.mapFromScene(editor.scene.blocks["rnn"].ports["last"].scenePos())
    end = editor.view.mapFromScene(editor.scene.blocks["y"].ports["input"].scenePos())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, (start + end) / 2)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert Wire(PortRef("rnn", "last"), PortRef("y", "input")) in editor.document.design.wires
    assert editor.document.undo_stack.count() == 1
