"""The unrolled view draws what engine.layout.unroll computes, and follows the design."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsSimpleTextItem

from designer.commands import SetParam
from designer.editor import DesignEditor
from tests.designer.helpers import MakeEditor


def labels(editor: DesignEditor) -> list[str]:
    return [i.text() for i in editor.unrolled.scene.items()
            if isinstance(i, QGraphicsSimpleTextItem)]


def test_notation_unrolled_for_each_t(editor: DesignEditor) -> None:
    view = editor.unrolled
    for steps in range(3, 7):
        view.set_steps(steps)
        unrolled = view.unrolled
        assert unrolled is not None and unrolled.steps == steps
        assert len(view.node_items) == 3 * steps + 1  # x(t), h(0..T), y(t)
        assert len(view.edge_items) == 3 * steps  # U, W and V at every step
        texts = labels(editor)
        assert texts.count("U") == texts.count("W") == texts.count("V") == steps
        assert f"h({steps})" in texts and "h(0)" in texts
    assert (view.steps.minimum(), view.steps.maximum()) == (3, 6)


def test_bidirectional_example_has_a_backward_chain(make_editor: MakeEditor) -> None:
    editor = make_editor("tagging")
    view = editor.unrolled
    view.set_steps(3)
    assert len(view.node_items) == 3 + 4 + 4 + 3
    assert len(view.edge_items) == 18
    texts = labels(editor)
    assert texts.count("W←") == 3 and texts.count("W→") == 3
    assert "h←(4)" in texts and "h→(0)" in texts
    backward = [n for n in view.unrolled.nodes if n.direction == "backward"]
    item = {n.id: view.node_items[n.id] for n in backward}
    # h←(1) is drawn left of h←(2): the chain runs right to left through time
    assert item["bigru@1b"].boundingRect().center().x() < \
        item["bigru@2b"].boundingRect().center().x()


def test_unrolled_view_follows_edits(editor: DesignEditor) -> None:
    view = editor.unrolled
    view.show()
    view.set_steps(3)
    document = editor.document
    document.push(SetParam(document, "rnn", "bidirectional", True))
    document.flush_analysis()
    assert len(view.node_items) == 3 + 4 + 4 + 3
    assert "W←" in labels(editor)


def test_hidden_view_refreshes_when_shown(editor: DesignEditor) -> None:
    view = editor.unrolled
    view.hide()
    view.set_steps(3)
    document = editor.document
    document.push(SetParam(document, "rnn", "bidirectional", True))
    document.flush_analysis()
    assert len(view.node_items) == 10  # not redrawn while hidden
    view.show()
    assert len(view.node_items) == 14
