"""engine.layout: the tidy layered layout and the design unrolled through time (no Qt)."""

from __future__ import annotations

import pytest

from engine.design import Design
from engine.examples import list_examples, load_example
from engine.layout import (
    block_graph,
    is_feedback_wire,
    layers,
    tidy_positions,
    unroll,
)


def chain(*kinds: str) -> Design:
    design = Design()
    for i, kind in enumerate(kinds):
        design.add_block(kind, block_id=f"b{i}", x=500 - 100 * i, y=37 * i)
    return design


# --- the block graph and layers -------------------------------------------------------------


def test_block_graph_leaves_out_the_feedback_wire() -> None:
    design = load_example("translation")
    graph = block_graph(design)
    assert ("target", "feedback") not in graph.edges
    assert ("feedback", "decoder") in graph.edges
    feedback = [w for w in design.wires if is_feedback_wire(design, w)]
    assert [str(w) for w in feedback] == ["target.out -> feedback.generated"]


def test_layers_are_longest_paths_and_sources_sit_next_to_their_use() -> None:
    design = load_example("translation")
    layer = layers(block_graph(design))
    assert layer["source"] == 0 and layer["encoder"] == 1 and layer["decoder"] == 2
    assert layer["target"] == 3
    assert layer["feedback"] == 1  # beside the encoder, not back at the inputs


def test_layers_condense_a_cycle_drawn_by_mistake() -> None:
    design = chain("dense", "dense", "dense")
    design.add_wire("b0.out", "b1.input")
    design.add_wire("b1.out", "b2.input")
    design.add_wire("b2.out", "b1.input")
    layer = layers(block_graph(design))
    assert layer["b1"] == layer["b2"] == layer["b0"] + 1


# --- tidy layout -------------------------------------------------------------------------


@pytest.mark.parametrize("name", list_examples())
def test_tidy_runs_left_to_right_without_overlaps(name: str) -> None:
    design = load_example(name)
    sizes = {b: (160.0, 120.0) for b in design.blocks}
    pos = tidy_positions(design, sizes, grid=20)
    assert set(pos) == set(design.blocks)
    for wire in design.wires:
        if not is_feedback_wire(design, wire):
            assert pos[wire.src.block][0] < pos[wire.dst.block][0]
    boxes = [(x, y, x + 160, y + 120) for x, y in pos.values()]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], name
    assert all(v % 20 == 0 for p in pos.values() for v in p)


def test_tidy_keeps_the_design_where_it_was_and_straightens_a_chain() -> None:
    design = chain("input", "rnn", "output")
    for block in design:
        design.move_block(block.id, block.x + 1000, block.y + 2000)
    design.add_wire("b0.out", "b1.input")
    design.add_wire("b1.sequence", "b2.input")
    pos = tidy_positions(design)
    assert min(x for x, _ in pos.values()) == min(b.x for b in design)
    assert min(y for _, y in pos.values()) == min(b.y for b in design)
    assert len({y for _, y in pos.values()}) == 1  # a straight row
    assert pos["b0"][0] < pos["b1"][0] < pos["b2"][0]


def test_tidy_stacks_separate_components_and_handles_empty_designs() -> None:
    assert tidy_positions(Design()) == {}
    design = chain("input", "output", "input", "output")
    design.add_wire("b0.out", "b1.input")
    design.add_wire("b2.out", "b3.input")
    pos = tidy_positions(design, {b: (100.0, 80.0) for b in design.blocks})
    rows = sorted({y for _, y in pos.values()})
    assert len(rows) == 2 and rows[1] - rows[0] >= 80


def test_tidy_orders_a_layer_to_avoid_crossings() -> None:
    design = Design()
    design.add_block("input", block_id="a", y=0)
    design.add_block("input", block_id="b", y=300)
    design.add_block("dense", block_id="da", y=300)  # starts below, fed by the upper input
    design.add_block("dense", block_id="db", y=0)
    design.add_wire("a.out", "da.input")
    design.add_wire("b.out", "db.input")
    pos = tidy_positions(design)
    assert pos["da"][1] < pos["db"][1]


# --- unrolled through time ---------------------------------------------------------------


def test_unrolled_notation_is_the_lectures_picture() -> None:
    unrolled = unroll(load_example("notation"), 3)
    labels = sorted(n.label for n in unrolled.nodes)
    assert labels == sorted(["x(1)", "x(2)", "x(3)", "h(0)", "h(1)", "h(2)", "h(3)",
                             "y(1)", "y(2)", "y(3)"])
    assert len(unrolled.edges) == 9
    assert len(unrolled.edges_with("U")) == 3
    assert len(unrolled.edges_with("W")) == 3
    assert len(unrolled.edges_with("V")) == 3
    assert unrolled.weights == {"U": "rnn", "W": "rnn", "V": "y"}
    recurrent = sorted((e.src, e.dst) for e in unrolled.edges_with("W"))
    assert recurrent == [("rnn@0f", "rnn@1f"), ("rnn@1f", "rnn@2f"), ("rnn@2f", "rnn@3f")]
    # time runs left to right, data bottom to top
    node = {n.id: n for n in unrolled.nodes}
    assert node["x@1"].row < node["rnn@1f"].row < node["y@1"].row
    assert node["rnn@1f"].column < node["rnn@2f"].column < node["rnn@3f"].column


@pytest.mark.parametrize("steps", [3, 4, 6])
def test_unrolled_bidirectional_has_a_backward_chain(steps: int) -> None:
    unrolled = unroll(load_example("tagging"), steps)
    forward = [n for n in unrolled.nodes if n.direction == "forward"]
    backward = [n for n in unrolled.nodes if n.direction == "backward"]
    assert len(forward) == len(backward) == steps + 1  # with h(0) and h(T+1)
    assert len(unrolled.nodes) == steps * 2 + 2 * (steps + 1)
    assert len(unrolled.edges_with("W→")) == len(unrolled.edges_with("W←")) == steps
    assert len(unrolled.edges_with("U→")) == len(unrolled.edges_with("U←")) == steps
    assert len(unrolled.edges_with("V")) == 2 * steps  # both directions feed y(t)
    assert len(unrolled.edges) == 6 * steps
    node = {n.id: n for n in unrolled.nodes}
    for edge in unrolled.edges_with("W←"):  # the backward chain runs right to left
        assert node[edge.src].column > node[edge.dst].column
        assert node[edge.src].step == node[edge.dst].step + 1


def test_unrolled_encoder_decoder_hands_the_state_over() -> None:
    unrolled = unroll(load_example("translation"), 4)
    node = {n.id: n for n in unrolled.nodes}
    state = [e for e in unrolled.edges if e.kind == "state"]
    assert [(e.src, e.dst, e.weight) for e in state] == [("encoder@4f", "decoder@1f", "W₂")]
    assert "decoder@0f" not in node  # the encoder's state replaces the decoder's h(0)
    assert node["decoder@1f"].column > node["encoder@4f"].column  # after the source sentence
    feedback = sorted((e.src, e.dst) for e in unrolled.edges if e.kind == "feedback")
    assert feedback == [("target@1", "feedback@2"), ("target@2", "feedback@3"),
                        ("target@3", "feedback@4")]
    assert node["feedback@1"].label == "start" and node["feedback@3"].label == "y(2)"
    assert set(unrolled.weights) == {"U₁", "W₁", "U₂", "W₂", "V"}


def test_unrolled_many_to_one_ends_in_single_nodes() -> None:
    unrolled = unroll(load_example("sentiment"), 5)
    once = [n for n in unrolled.nodes if n.step is None]
    assert sorted(n.block for n in once) == ["drop", "sentiment"]
    into_drop = [e for e in unrolled.edges if e.dst == "drop"]
    assert [e.src for e in into_drop] == ["lstm@5f"]  # the last state
    assert unrolled.node("sentiment").row > unrolled.node("drop").row


def test_unrolled_one_to_n_starts_from_the_element() -> None:
    unrolled = unroll(load_example("music"), 3)
    starts = [e for e in unrolled.edges if e.src == "chord"]
    assert [e.dst for e in starts] == ["feedback@1"]


def test_unroll_clamps_steps_and_leaves_out_unknown_blocks() -> None:
    design = chain("input", "lstm", "output")
    design.add_wire("b0.out", "b1.input")  # the output is not wired: no shape
    unrolled = unroll(design, 100)
    assert unrolled.steps == 12
    assert unrolled.left_out == ["b2"]
    assert unroll(Design(), 0).nodes == []
