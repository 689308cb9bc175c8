"""Live validation: marks on the canvas, the problems list, and the network badge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from designer.commands import Disconnect, MoveBlocks, SetParam
from designer.editor import DesignEditor
from designer.overlays import badge_text
from engine.design import Design, PortRef, Wire
from tests.designer.helpers import MakeEditor


def break_notation(editor: DesignEditor) -> None:
    """Unwire the RNN's input: an error on rnn.input, and a dead input."""
    document = editor.document
    document.push(Disconnect(document, Wire(PortRef("x", "out"), PortRef("rnn", "input"))))
    document.flush_analysis()


def test_problems_list_shows_every_message(editor: DesignEditor) -> None:
    problems = editor.problems
    assert problems.list.count() == 0
    assert "No problems" in problems.summary.text()
    break_notation(editor)
    analysis = editor.document.analysis
    assert problems.list.count() == len(analysis.problems) >= 2
    texts = [problems.list.item(i).text() for i in range(problems.list.count())]
    for problem in analysis.problems:
        assert any(problem.message in text for text in texts)
    assert texts[0].startswith("RNN · input: ")  # errors first, named by block and port
    assert "error" in problems.summary.text()


def test_invalid_blocks_ports_and_wires_are_marked(editor: DesignEditor) -> None:
    break_notation(editor)
    scene = editor.scene
    assert scene.blocks["rnn"].problem == "error"
    assert scene.blocks["rnn"].ports["input"].problem == "error"
    assert "needs a sequence" in scene.blocks["rnn"].toolTip()
    assert scene.blocks["y"].problem == ""
    document = editor.document
    document.push(SetParam(document, "x", "mode", "element"))  # a vector into y? no: into rnn
    document.undo()
    document.undo()
    document.flush_analysis()
    assert all(item.problem == "" for item in scene.blocks.values())
    # a type mismatch marks the wire into the port
    document.push(SetParam(document, "x", "mode", "element"))
    document.flush_analysis()
    wire = scene.wires[Wire(PortRef("x", "out"), PortRef("rnn", "input"))]
    assert wire.problem == "error"
    assert "cannot feed" in wire.toolTip()


def test_clicking_a_problem_selects_and_centres_its_block(editor: DesignEditor,
                                                            qtbot: QtBot) -> None:
    document = editor.document
    document.push(MoveBlocks(document, {"rnn": (2000, 1500)}))
    break_notation(editor)
    editor.view.centerOn(0, 0)
    problems = editor.problems
    problems.resize(500, 300)
    problems.show()
    row = next(i for i in range(problems.list.count())
               if problems.list.item(i).text().startswith("RNN"))
    rect = problems.list.visualItemRect(problems.list.item(row))
    qtbot.mouseClick(problems.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.selected_block_ids() == ["rnn"]
    centre = editor.view.mapToScene(editor.view.viewport().rect().center())
    assert editor.scene.blocks["rnn"].sceneBoundingRect().adjusted(-5, -5, 5, 5).contains(
        centre)


def test_design_level_problems_do_not_select(make_editor: MakeEditor) -> None:
    editor = make_editor(None)
    problems = editor.problems
    assert problems.list.count() == 2  # no output, no input
    problems.list.itemClicked.emit(problems.list.item(0))
    assert editor.selected_block_ids() == []


def test_badge_names_the_network_shape_and_its_size(make_editor: MakeEditor) -> None:
    expected = {
        "notation": "M-to-N (synchronised) · 38 parameters",
        "sentiment": "M-to-1 · 89,218 parameters",
        "translation": "M-to-N (encoder-decoder) · 178,272 parameters",
        "music": "1-to-N · 21,400 parameters",
    }
    for name, text in expected.items():
        editor = make_editor(name)
        assert editor.badge.text() == text
        assert badge_text(editor.document.analysis) == text


def test_badge_follows_edits_and_counts_errors(editor: DesignEditor, qtbot: QtBot) -> None:
    document = editor.document
    with qtbot.waitSignal(document.analysis_changed, timeout=2000):
        document.push(SetParam(document, "rnn", "hidden_size", 4))
    # U 4x5, W 4x4, two biases of 4; V 2x4 and b_y 2
    assert editor.badge.text() == "M-to-N (synchronised) · 54 parameters"
    break_notation(editor)
    assert editor.badge.text() == "shape not known yet · 0 parameters · 2 error(s)"
    document.undo()
    document.push(SetParam(document, "rnn", "dropout", 0.5))
    document.flush_analysis()
    assert editor.badge.text() == "M-to-N (synchronised) · 54 parameters · 1 warning(s)"
    document.set_design(Design())
    document.flush_analysis()
    assert editor.badge.text() == "shape not known yet · 0 parameters · 2 error(s)"
