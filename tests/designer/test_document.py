"""DesignDocument: events re-emitted, debounced analysis, clean state, replacing the design,
and the lock a training run puts on network edits."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from designer.commands import AddBlock, MoveBlocks, RenameBlock, SetParam
from designer.document import DesignDocument
from designer.editor import DesignEditor
from engine.design import Design
from engine.examples import load_example
from tests.designer.helpers import MakeEditor, assert_scene_matches, snapshot


def test_design_events_are_re_emitted_in_order(qtbot: QtBot) -> None:
    document = DesignDocument(load_example("notation"))
    seen: list[str] = []
    document.design_event.connect(lambda event: seen.append(event.name))
    document.design.remove_block("rnn")
    assert seen == ["wire_removed", "wire_removed", "block_removed"]


def test_analysis_is_debounced_into_one_run(qtbot: QtBot) -> None:
    document = DesignDocument(load_example("notation"))
    document.flush_analysis()
    runs: list[object] = []
    document.analysis_changed.connect(runs.append)
    with qtbot.waitSignal(document.analysis_changed, timeout=2000):
        for size in range(4, 10):
            document.push(SetParam(document, "rnn", "hidden_size", size))
        assert document.analysis_pending
    qtbot.wait(80)
    assert len(runs) == 1
    assert document.analysis.param_counts["rnn"] == 9 * (5 + 9) + 2 * 9


def test_flush_analysis_runs_a_pending_analysis_now(qtbot: QtBot) -> None:
    document = DesignDocument(load_example("notation"))
    document.push(SetParam(document, "y", "size", 4))
    analysis = document.flush_analysis()
    assert not document.analysis_pending
    assert analysis.param_counts["y"] == 4 * (3 + 1)


def test_modified_follows_the_clean_state(qtbot: QtBot) -> None:
    document = DesignDocument(load_example("notation"))
    states: list[bool] = []
    document.modified_changed.connect(states.append)
    document.push(MoveBlocks(document, {"x": (10, 10)}))
    assert document.modified and states == [True]
    document.undo()
    assert not document.modified and states == [True, False]
    document.redo()
    document.set_clean()
    assert not document.modified


def test_set_design_starts_a_fresh_history_and_scene(make_editor: MakeEditor) -> None:
    editor: DesignEditor = make_editor("notation")
    document = editor.document
    old = document.design
    document.push(AddBlock(document, "lstm"))
    replaced: list[Design] = []
    document.design_replaced.connect(replaced.append)
    new = load_example("translation")
    document.set_design(new)
    assert replaced == [new] and document.design is new
    assert document.undo_stack.count() == 0 and not document.modified
    assert_scene_matches(editor)
    old.add_block("dense")  # the old design is no longer listened to
    assert "dense" not in editor.scene.blocks
    assert document.analysis.network_shape == "M-to-N (encoder-decoder)"


def test_locked_document_refuses_network_edits_with_the_reason(make_editor: MakeEditor,
                                                                qtbot: QtBot) -> None:
    editor: DesignEditor = make_editor("notation")
    document = editor.document
    document.push(SetParam(document, "rnn", "hidden_size", 4))
    reasons: list[str] = []
    document.refused.connect(reasons.append)
    document.set_locked(True, "Training is running.")
    before = snapshot(document.design)
    assert not document.push(SetParam(document, "rnn", "hidden_size", 5))
    assert not document.push(AddBlock(document, "lstm"))
    assert editor.add_block("gru") is None
    assert editor.request_wire("rnn.last", "y.input") == "Training is running."
    editor.select_block("rnn")
    assert not editor.delete_selection()
    assert not editor.cut_selection()
    assert editor.duplicate_selection() == []
    assert not document.undo()  # undoing a parameter change would change the network too
    assert snapshot(document.design) == before
    assert reasons and set(reasons) == {"Training is running."}
    assert editor.toast.text() == "Training is running."
    # moving and renaming do not change the network
    assert document.push(MoveBlocks(document, {"rnn": (300, 40)}))
    assert document.push(RenameBlock(document, "rnn", "Elman"))
    assert document.undo() and document.undo()
    # the side widgets say so too
    assert not editor.palette.isEnabled()
    assert not editor.undo_view.isEnabled()
    assert all(not w.isEnabled() for w in editor.inspector.editors.values())
    assert editor.inspector.editors["hidden_size"].toolTip() == "Training is running."
    document.set_locked(False)
    assert editor.palette.isEnabled()
    assert all(w.isEnabled() for w in editor.inspector.editors.values())
    assert document.undo()
    assert document.design.block("rnn").params["hidden_size"] == 3


def test_locked_document_refuses_wire_drags(make_editor: MakeEditor) -> None:
    editor: DesignEditor = make_editor("notation")
    editor.document.set_locked(True)
    port = editor.scene.blocks["rnn"].ports["last"]
    editor.scene.begin_wire_drag(port, port.scenePos())
    assert editor.scene._drag is None
    assert "training" in editor.toast.text()
