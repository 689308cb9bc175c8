"""Validation and shape inference: every invalid design is refused with a located message.

Each invalid design below is built through the Design API, the way the canvas builds one,
and the test checks the problem's code, the block and port it points at, its severity and
the words a student reads. Shape labels, network-shape names and parameter counts are
checked against the compiled torch model, so that what the canvas shows is what trains.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pytest

from engine.compiler import compile_design
from engine.design import Design, PortRef
from engine.errors import DesignInvalidError
from engine.examples import list_examples, load_example
from engine.validation import (
    M_TO_N_ENC_DEC,
    M_TO_N_SYNC,
    M_TO_ONE,
    MAX_PARAMETERS,
    ONE_TO_N,
    ONE_TO_ONE,
    Analysis,
    Problem,
    analyze,
    validate,
)

# --- designs ------------------------------------------------------------------------------


def lecture_example(port: str = "last") -> Design:
    """The lecture's notation example: x of 5 features -> RNN hidden 3 -> output 2 softmax."""
    design = Design("notation")
    design.add_block("input", {"size": 5}, block_id="x")
    design.add_block("rnn", {"hidden_size": 3}, block_id="rnn")
    design.add_block("output", {"size": 2, "activation": "softmax"}, block_id="y")
    design.add_wire("x.out", "rnn.input")
    design.add_wire(f"rnn.{port}", "y.input")
    return design


def chain(*blocks: tuple[str, str, Mapping[str, Any]], wires: list[tuple[str, str]]) -> Design:
    """A design from (id, kind, params) triples and ("a.out", "b.input") wires."""
    design = Design()
    for block_id, kind, params in blocks:
        design.add_block(kind, params, block_id=block_id)
    for src, dst in wires:
        design.add_wire(src, dst)
    return design


def encoder_decoder(enc_kind: str = "lstm", enc: Mapping[str, Any] | None = None,
                    dec_kind: str = "lstm", dec: Mapping[str, Any] | None = None,
                    fb: Mapping[str, Any] | None = None, wire_state: bool = True) -> Design:
    """Translation: source tokens -> encoder; feedback -> decoder -> softmax -> feedback."""
    design = Design("translation")
    design.add_block("input", {"data": "tokens", "vocab_size": 20, "encoding": "embedding",
                               "embedding_size": 8}, block_id="src")
    design.add_block(enc_kind, {"hidden_size": 16, **(enc or {})}, block_id="enc")
    design.add_block("feedback", {"size": 12, "encoding": "embedding", "embedding_size": 8,
                                  **(fb or {})}, block_id="fb")
    design.add_block(dec_kind, {"hidden_size": 16, **(dec or {})}, block_id="dec")
    design.add_block("output", {"size": 12, "activation": "softmax"}, block_id="y")
    design.add_wire("src.out", "enc.input")
    design.add_wire("fb.out", "dec.input")
    design.add_wire("dec.sequence", "y.input")
    design.add_wire("y.out", "fb.generated")
    if wire_state:
        design.add_wire("enc.state", "dec.initial_state")
    return design


def music(start_size: int | None = None, fb: Mapping[str, Any] | None = None,
          rnn: Mapping[str, Any] | None = None) -> Design:
    """1-to-N: (a starting chord ->) feedback -> LSTM -> sigmoid keys -> feedback."""
    design = Design("music")
    if start_size is not None:
        design.add_block("input", {"mode": "element", "size": start_size}, block_id="chord")
    design.add_block("feedback", {"size": 4, **(fb or {})}, block_id="fb")
    design.add_block("lstm", {"hidden_size": 8, **(rnn or {})}, block_id="r")
    design.add_block("output", {"size": 4, "activation": "sigmoid"}, block_id="y")
    if start_size is not None:
        design.add_wire("chord.out", "fb.start")
    design.add_wire("fb.out", "r.input")
    design.add_wire("r.sequence", "y.input")
    design.add_wire("y.out", "fb.generated")
    return design


X5 = ("x", "input", {"size": 5})
X5_ELEMENT = ("x", "input", {"size": 5, "mode": "element"})
Y2 = ("y", "output", {"size": 2})


def _two_rnns() -> Design:
    return chain(X5, ("r1", "rnn", {"hidden_size": 3}), ("r2", "lstm", {"hidden_size": 3}), Y2,
                 wires=[("x.out", "r1.input"), ("r1.last", "r2.input"), ("r2.last", "y.input")])


def _feedback_from_dense() -> Design:
    design = music()
    design.remove_wire(design.wire_into(PortRef("fb", "generated"))[0])
    design.add_block("dense", {"size": 4}, block_id="dn")
    design.add_wire("r.sequence", "dn.input")
    design.add_wire("dn.out", "fb.generated")
    return design


def _open_loop() -> Design:
    design = music()
    design.remove_wire(design.wire_into(PortRef("r", "input"))[0])
    design.add_block("input", {"size": 3}, block_id="x")
    design.add_wire("x.out", "r.input")
    return design


def _feedback_from_vector() -> Design:
    design = music()
    design.remove_wire(design.wire_into(PortRef("y", "input"))[0])
    design.add_wire("r.last", "y.input")
    return design


def _two_loops() -> Design:
    design = music()
    design.add_block("feedback", {"size": 4}, block_id="fb2")
    design.add_block("gru", {"hidden_size": 8}, block_id="g")
    design.add_block("output", {"size": 4, "activation": "sigmoid"}, block_id="y2")
    design.add_wire("fb2.out", "g.input")
    design.add_wire("g.sequence", "y2.input")
    design.add_wire("y2.out", "fb2.generated")
    return design


# --- invalid designs ----------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    build: Callable[[], Design]
    code: str
    block: str | None
    port: str | None
    message: tuple[str, ...]
    severity: str = "error"


INVALID: dict[str, Case] = {
    "unconnected required input": Case(
        lambda: chain(X5, ("cat", "concat", {}), ("r", "rnn", {"hidden_size": 3}), Y2,
                      wires=[("x.out", "cat.a"), ("cat.out", "r.input"), ("r.last", "y.input")]),
        "unconnected", "cat", "b",
        ("Concatenate 'cat' needs a sequence or vector wired into its 'b' port (Second part.)",)),
    "output with nothing wired in": Case(
        lambda: chain(X5, ("r", "rnn", {"hidden_size": 3}), Y2, wires=[("x.out", "r.input")]),
        "unconnected", "y", "input",
        ("Output 'y' needs a sequence or vector wired into its 'input' port",)),
    "vector into a sequence input": Case(
        _two_rnns, "type_mismatch", "r2", "input",
        ("a vector (RNN (Elman) 'r1') cannot feed the sequence input 'input' of LSTM 'r2'",
         "wire the 'sequence' output of RNN (Elman) 'r1' instead")),
    "element into a recurrent block": Case(
        lambda: chain(X5_ELEMENT, ("r", "rnn", {"hidden_size": 3}), Y2,
                      wires=[("x.out", "r.input"), ("r.last", "y.input")]),
        "type_mismatch", "r", "input",
        ("a vector (Input 'x') cannot feed the sequence input",
         "repeat the vector with a Repeat block to make a sequence")),
    "sequence into a vector-only input": Case(
        lambda: chain(X5, ("rep", "repeat", {}), ("r", "rnn", {"hidden_size": 3}), Y2,
                      wires=[("x.out", "rep.input"), ("rep.out", "r.input"),
                             ("r.last", "y.input")]),
        "type_mismatch", "rep", "input",
        ("a sequence (Input 'x') cannot feed the vector input 'input' of Repeat 'rep'",
         "take a recurrent block's 'last' output, or summarise the sequence with a Pool "
         "block")),
    "recurrent sequence into a vector-only input": Case(
        lambda: chain(X5, ("r1", "rnn", {"hidden_size": 3}), ("rep", "repeat", {}),
                      ("r2", "gru", {"hidden_size": 3}), Y2,
                      wires=[("x.out", "r1.input"), ("r1.sequence", "rep.input"),
                             ("rep.out", "r2.input"), ("r2.last", "y.input")]),
        "type_mismatch", "rep", "input", ("wire the 'last' output of RNN (Elman) 'r1' instead",)),
    "vector into pool": Case(
        lambda: chain(X5, ("r", "rnn", {"hidden_size": 3}), ("p", "pool", {}), Y2,
                      wires=[("x.out", "r.input"), ("r.last", "p.input"), ("p.out", "y.input")]),
        "type_mismatch", "p", "input",
        ("cannot feed the sequence input 'input' of Pool over time 'p'",
         "wire the 'sequence' output of RNN (Elman) 'r' instead")),
    "sequence into an initial state": Case(
        lambda: chain(X5, ("r", "lstm", {"hidden_size": 3}), Y2,
                      wires=[("x.out", "r.input"), ("x.out", "r.initial_state"),
                             ("r.last", "y.input")]),
        "type_mismatch", "r", "initial_state",
        ("a sequence (Input 'x') cannot feed the state input 'initial_state' of LSTM 'r'",
         "an initial state comes from a recurrent block's 'state' output")),
    "state into an output": Case(
        lambda: chain(X5, ("r", "rnn", {"hidden_size": 3}), Y2,
                      wires=[("x.out", "r.input"), ("r.state", "y.input")]),
        "type_mismatch", "y", "input",
        ("a state (RNN (Elman) 'r') cannot feed the sequence or vector input",
         "wire the 'sequence' or 'last' output of RNN (Elman) 'r' instead")),
    "two wires into one port": Case(
        lambda: chain(("a", "input", {"size": 5}), ("b", "input", {"size": 5}),
                      ("r", "rnn", {"hidden_size": 3}), Y2,
                      wires=[("a.out", "r.input"), ("b.out", "r.input"), ("r.last", "y.input")]),
        "many_inputs", "r", "input",
        ("2 wires arrive here (a.out, b.out); an input takes one wire (use a Concatenate "
         "block to combine)",)),
    "cycle": Case(
        lambda: chain(X5, ("cat", "concat", {}), ("dn", "dense", {}), Y2,
                      wires=[("x.out", "cat.a"), ("dn.out", "cat.b"), ("cat.out", "dn.input"),
                             ("dn.out", "y.input")]),
        "cycle", "cat", None,
        ("the wires form a cycle (cat -> dn -> cat)",
         "generated output is fed back through a Feedback block")),
    "wire from a block to itself": Case(
        lambda: chain(X5, ("cat", "concat", {}), Y2,
                      wires=[("x.out", "cat.a"), ("cat.out", "cat.b"), ("x.out", "y.input")]),
        "self_loop", "cat", "b",
        ("Concatenate 'cat' is wired to itself (cat.out -> cat.b): remove that wire",
         "recurrence through time happens inside recurrent blocks")),
    "no output block": Case(
        lambda: chain(X5, ("r", "rnn", {"hidden_size": 3}), wires=[("x.out", "r.input")]),
        "no_output", None, None,
        ("the design has no Output block", "add one and wire the last layer into it")),
    "no input block": Case(
        lambda: chain(("r", "rnn", {"hidden_size": 3}), Y2, wires=[("r.last", "y.input")]),
        "no_input", None, None,
        ("the design has no Input block: add one and wire it into the first layer",)),
    "softmax output of size 1": Case(
        lambda: chain(X5, ("r", "rnn", {"hidden_size": 3}),
                      ("y", "output", {"size": 1, "activation": "softmax"}),
                      wires=[("x.out", "r.input"), ("r.last", "y.input")]),
        "softmax_one", "y", None,
        ("Output 'y': softmax over a single unit always outputs 1",
         "use g2 = sigmoid for a yes/no output, or size >= 2")),
    "concatenated sequences with different time axes": Case(
        lambda: chain(("a", "input", {"size": 5}), ("b", "input", {"size": 4}),
                      ("cat", "concat", {}), ("r", "lstm", {"hidden_size": 3}), Y2,
                      wires=[("a.out", "cat.a"), ("b.out", "cat.b"), ("cat.out", "r.input"),
                             ("r.sequence", "y.input")]),
        "concat_axis", "cat", "b",
        ("the sequence at 'b' runs over T_b steps but the one at 'a' over T_a",
         "concatenated sequences must share their time axis")),
    "concatenated vector and sequence": Case(
        lambda: chain(("a", "input", {"size": 5}), ("b", "input", {"size": 4, "mode": "element"}),
                      ("cat", "concat", {}), ("r", "lstm", {"hidden_size": 3}), Y2,
                      wires=[("a.out", "cat.a"), ("b.out", "cat.b"), ("cat.out", "r.input"),
                             ("r.sequence", "y.input")]),
        "concat_types", "cat", "b",
        ("cannot join the vector at 'b' with the sequence at 'a'",
         "take the sequence's 'last' output, or pool it, to join two vectors")),
    "decoder without the encoder state": Case(
        lambda: encoder_decoder(wire_state=False),
        "decoder_without_encoder", "dec", "initial_state",
        ("the encoder LSTM 'enc' hands nothing to the decoder LSTM 'dec'",
         "wire enc.state into dec.initial_state")),
    "bidirectional encoder into a narrow decoder": Case(
        lambda: encoder_decoder(enc_kind="bidirectional"),
        "state_size", "dec", "initial_state",
        ("Bidirectional 'enc' (bidirectional, concatenated) hands over a state of size 32, but "
         "LSTM 'dec' has hidden size 16",
         "set the hidden size of LSTM 'dec' to 2 x 16 = 32",
         "or set the join of Bidirectional 'enc' to sum")),
    "state of another hidden size": Case(
        lambda: encoder_decoder(enc={"hidden_size": 10}),
        "state_size", "dec", "initial_state",
        ("LSTM 'enc' hands over a state of size 10, but LSTM 'dec' has hidden size 16: set "
         "the hidden size of LSTM 'dec' to 10",)),
    "state layer-count mismatch": Case(
        lambda: encoder_decoder(enc={"num_layers": 2}),
        "state_layers", "dec", "initial_state",
        ("LSTM 'enc' hands over 2 layer(s) of state, but LSTM 'dec' has 1",
         "give both the same number of layers")),
    "feedback generated from a non-output block": Case(
        _feedback_from_dense, "feedback_source", "fb", "generated",
        ("'generated' must come from an Output block's 'out', not from Dense 'dn'",)),
    "feedback size differs from the output size": Case(
        lambda: encoder_decoder(fb={"size": 10}),
        "size_mismatch", "fb", "generated",
        ("Output 'y' produces 12 values per step but the size of Feedback 'fb' is 10: set it "
         "to 12",)),
    "feedback start of another size": Case(
        lambda: music(start_size=5),
        "size_mismatch", "fb", "start",
        ("the start element from Input 'chord' has 5 features but the generated elements have "
         "4",)),
    "bidirectional block inside a feedback loop": Case(
        lambda: encoder_decoder(dec={"bidirectional": True, "join": "sum"}),
        "feedback_bidirectional", "dec", None,
        ("LSTM 'dec' is bidirectional but sits inside the generation loop of Feedback 'fb'",
         "make it unidirectional")),
    "output that does not depend on the feedback": Case(
        _open_loop, "feedback_open", "fb", "generated",
        ("Output 'y' does not depend on this feedback's output, so there is no loop to run",)),
    "feedback fed one vector per sequence": Case(
        _feedback_from_vector, "feedback_axis", "fb", "generated",
        ("Output 'y' must predict one element per generated step, but it receives "
         "(batch, 4)",)),
    "design too large": Case(
        lambda: chain(X5, ("r", "lstm", {"hidden_size": 16384, "num_layers": 16}), Y2,
                      wires=[("x.out", "r.input"), ("r.last", "y.input")]),
        "too_large", None, None,
        ("this program trains; the largest block, LSTM 'r', has", f"{MAX_PARAMETERS:,}",
         "make its hidden size or number of layers smaller")),
    "input that leads to no output": Case(
        lambda: chain(X5, ("x2", "input", {"size": 5}), ("r", "rnn", {"hidden_size": 3}), Y2,
                      wires=[("x.out", "r.input"), ("r.last", "y.input")]),
        "dead_input", "x2", None,
        ("Input 'x2' does not lead to any output: wire it into the network or remove it",)),
    "output wired onward": Case(
        lambda: chain(X5, ("r", "rnn", {"hidden_size": 3}), Y2, ("y2", "output", {}),
                      wires=[("x.out", "r.input"), ("r.last", "y.input"), ("y.out", "y2.input")]),
        "output_onward", "y2", "input",
        ("Output 'y' is a final prediction: its 'out' can only feed a Feedback block's "
         "'generated' port",)),
    "two feedback loops": Case(
        _two_loops, "many_feedback", "fb2", None,
        ("a design may hold only one Feedback loop, and Feedback 'fb' already makes one",
         "remove this loop")),
    # warnings: the design compiles, but something is probably not what was meant
    "dropout with one layer": Case(
        lambda: encoder_decoder(enc={"dropout": 0.3}),
        "dropout_one_layer", "enc", None,
        ("LSTM 'enc': dropout 0.3 acts between stacked layers, so with one layer it does "
         "nothing",), "warning"),
    "dropout of whole steps on a vector": Case(
        lambda: chain(X5, ("r", "rnn", {"hidden_size": 3}),
                      ("d", "dropout", {"p": 0.3, "drops": "steps"}), Y2,
                      wires=[("x.out", "r.input"), ("r.last", "d.input"), ("d.out", "y.input")]),
        "dropout_steps_vector", "d", "input",
        ("Dropout 'd': drops whole steps, but its input is a vector, not a sequence",),
        "warning"),
    "LSTM state into a GRU": Case(
        lambda: encoder_decoder(dec_kind="gru"),
        "state_cell_dropped", "dec", "initial_state",
        ("LSTM 'enc' hands over h and its cell state c, but GRU 'dec' takes only h: c is "
         "dropped",), "warning"),
    "GRU state into an LSTM": Case(
        lambda: encoder_decoder(enc_kind="gru"),
        "state_cell_zero", "dec", "initial_state",
        ("GRU 'enc' hands over only h, so the cell state c of LSTM 'dec' starts at zero",),
        "warning"),
    "dead block": Case(
        lambda: chain(X5, ("r", "rnn", {"hidden_size": 3}), ("dn", "dense", {}), Y2,
                      wires=[("x.out", "r.input"), ("r.last", "y.input"),
                             ("r.sequence", "dn.input")]),
        "dead_block", "dn", None,
        ("Dense 'dn' does not lead to any output, so it is never trained",), "warning"),
}


def the_problem(analysis: Analysis, code: str) -> Problem:
    found = [p for p in analysis.problems if p.code == code]
    assert len(found) == 1, analysis.problems
    return found[0]


@pytest.mark.parametrize("case", INVALID.values(), ids=INVALID.keys())
def test_problem_is_located_and_explained(case: Case) -> None:
    design = case.build()
    analysis = analyze(design)
    problem = the_problem(analysis, case.code)
    assert (problem.block, problem.port, problem.severity) == (
        case.block, case.port, case.severity), problem
    for words in case.message:
        assert words in problem.message, problem.message
    where = case.block or "design"
    if case.port:
        where += f".{case.port}"
    assert str(problem).startswith(f"{where}: ")
    if case.severity == "error":
        assert not analysis.ok
        with pytest.raises(DesignInvalidError, match=re.escape(f"{where}: ")):
            compile_design(design)
    else:
        assert analysis.ok, analysis.errors
        assert problem not in analysis.errors


def test_enough_distinct_invalid_designs() -> None:
    errors = [c for c in INVALID.values() if c.severity == "error"]
    assert len(errors) >= 18
    assert len({c.code for c in errors}) >= 18


def test_decoder_without_encoder_is_reported_once() -> None:
    """The starved encoder is the decoder error's business, not a second 'dead' warning."""
    problems = validate(encoder_decoder(wire_state=False))
    assert [p.code for p in problems] == ["decoder_without_encoder"]


def test_every_problem_is_collected_not_just_the_first() -> None:
    design = chain(("a", "input", {"size": 5}), ("b", "input", {"size": 4}),
                   ("cat", "concat", {}), ("r", "lstm", {"hidden_size": 3, "dropout": 0.5}),
                   ("y", "output", {"size": 1}),
                   wires=[("a.out", "cat.a"), ("b.out", "cat.b"), ("cat.out", "r.input"),
                          ("r.last", "y.input")])
    codes = {p.code for p in validate(design)}
    assert {"concat_axis", "dropout_one_layer", "softmax_one"} <= codes


# --- shape inference -------------------------------------------------------------------------


def labels(design: Design) -> dict[str, str]:
    analysis = analyze(design)
    return {str(ref): shape.label() for ref, shape in analysis.shapes.items()}


def test_lecture_notation_shapes() -> None:
    design = lecture_example()
    analysis = analyze(design)
    wires = {str(w): analysis.wire_shape(w).label() for w in design.wires}  # type: ignore[union-attr]
    assert wires == {"x.out -> rnn.input": "(batch, T, 5)", "rnn.last -> y.input": "(batch, 3)"}
    assert labels(design) == {
        "x.out": "(batch, T, 5)",
        "rnn.sequence": "(batch, T, 3)",
        "rnn.last": "(batch, 3)",
        "rnn.state": "(1, batch, 3)",
        "y.out": "(batch, 2)",
    }
    assert labels(lecture_example("sequence"))["y.out"] == "(batch, T, 2)"


@pytest.mark.parametrize(("join", "width"), [("concat", 6), ("sum", 3)])
def test_bidirectional_join_sets_the_width(join: str, width: int) -> None:
    design = chain(X5, ("b", "bidirectional", {"cell": "lstm", "hidden_size": 3, "join": join}),
                   Y2, wires=[("x.out", "b.input"), ("b.sequence", "y.input")])
    got = labels(design)
    assert got["b.sequence"] == f"(batch, T, {width})"
    assert got["b.last"] == f"(batch, {width})"
    assert got["b.state"] == f"h, c: (1, batch, {width})"
    same = chain(X5, ("b", "gru", {"hidden_size": 3, "join": join, "bidirectional": True}), Y2,
                 wires=[("x.out", "b.input"), ("b.sequence", "y.input")])
    assert labels(same)["b.sequence"] == f"(batch, T, {width})"
    assert labels(same)["b.state"] == f"(1, batch, {width})"


@pytest.mark.parametrize(("params", "label"), [
    ({"data": "tokens", "vocab_size": 20, "encoding": "one_hot"}, "(batch, T, 20)"),
    ({"data": "tokens", "vocab_size": 20, "encoding": "embedding", "embedding_size": 7},
     "(batch, T, 7)"),
    ({"data": "tokens", "mode": "element", "vocab_size": 20}, "(batch, 20)"),
    ({"data": "features", "size": 9}, "(batch, T, 9)"),
])
def test_input_encoding_sets_the_width(params: dict[str, Any], label: str) -> None:
    design = chain(("x", "input", params), Y2, wires=[("x.out", "y.input")])
    assert labels(design)["x.out"] == label


def test_lstm_state_carries_h_and_c() -> None:
    design = chain(X5, ("r", "lstm", {"hidden_size": 4, "num_layers": 2}), Y2,
                   wires=[("x.out", "r.input"), ("r.last", "y.input")])
    assert labels(design)["r.state"] == "h, c: (2, batch, 4)"


def test_two_sequence_inputs_name_their_axes() -> None:
    design = chain(("a", "input", {"size": 5}), ("b", "input", {"size": 4}),
                   ("ra", "gru", {"hidden_size": 3}), ("rb", "gru", {"hidden_size": 3}),
                   ("cat", "concat", {}), Y2,
                   wires=[("a.out", "ra.input"), ("b.out", "rb.input"), ("ra.last", "cat.a"),
                          ("rb.last", "cat.b"), ("cat.out", "y.input")])
    got = labels(design)
    assert got["a.out"] == "(batch, T_a, 5)"
    assert got["rb.sequence"] == "(batch, T_b, 3)"
    assert got["cat.out"] == "(batch, 6)"
    assert not analyze(design).errors


def test_concat_of_one_time_axis_adds_widths() -> None:
    design = chain(X5, ("r", "rnn", {"hidden_size": 3}), ("cat", "concat", {}), Y2,
                   wires=[("x.out", "r.input"), ("x.out", "cat.a"), ("r.sequence", "cat.b"),
                          ("cat.out", "y.input")])
    assert labels(design)["cat.out"] == "(batch, T, 8)"


def test_repeat_and_feedback_axes() -> None:
    repeat = chain(X5_ELEMENT, ("rep", "repeat", {"times": 8}), ("r", "rnn", {"hidden_size": 3}),
                   Y2, wires=[("x.out", "rep.input"), ("rep.out", "r.input"),
                              ("r.sequence", "y.input")])
    assert labels(repeat)["y.out"] == "(batch, 8, 2)"
    assert labels(music())["fb.out"] == "(batch, N, 4)"
    assert labels(music(fb={"encoding": "embedding", "embedding_size": 6}))["fb.out"] == \
        "(batch, N, 6)"


# --- network shapes ---------------------------------------------------------------------------


@pytest.mark.parametrize(("build", "name"), [
    (lambda: music(start_size=4), ONE_TO_N),
    (lambda: music(), ONE_TO_N),
    (lambda: lecture_example("last"), M_TO_ONE),
    (lambda: chain(X5, ("r", "gru", {"hidden_size": 3}), ("p", "pool", {}), Y2,
                   wires=[("x.out", "r.input"), ("r.sequence", "p.input"),
                          ("p.out", "y.input")]), M_TO_ONE),
    (lambda: lecture_example("sequence"), M_TO_N_SYNC),
    (lambda: encoder_decoder(), M_TO_N_ENC_DEC),
    (lambda: chain(X5_ELEMENT, ("d", "dense", {"size": 4}), Y2,
                   wires=[("x.out", "d.input"), ("d.out", "y.input")]), ONE_TO_ONE),
])
def test_network_shape_is_named(build: Callable[[], Design], name: str) -> None:
    analysis = analyze(build())
    assert analysis.ok, analysis.problems
    assert analysis.network_shape == name


# --- parameter counts ---------------------------------------------------------------------------


def _recurrent_configs() -> list[tuple[str, dict[str, Any]]]:
    variants: list[tuple[str, dict[str, Any]]] = [
        ("rnn", {"nonlinearity": "tanh"}), ("rnn", {"nonlinearity": "relu"}),
        ("gru", {"form": "lecture"}), ("gru", {"form": "minimal"}), ("gru", {"form": "pytorch"}),
        ("lstm", {"peepholes": "none"}), ("lstm", {"peepholes": "full"}),
        ("lstm", {"peepholes": "diagonal"}),
    ]
    directions = [{"bidirectional": False}, {"bidirectional": True, "join": "concat"},
                  {"bidirectional": True, "join": "sum"}]
    configs = [(kind, {**params, **way, "num_layers": layers})
               for kind, params in variants for way in directions for layers in (1, 2, 3)]
    for cell, params in variants:
        for join in ("concat", "sum"):
            configs.append(("bidirectional", {"cell": cell, **params, "join": join,
                                              "num_layers": 2}))
    return configs


def _count_matches_model(design: Design) -> Analysis:
    analysis = analyze(design)
    assert analysis.ok, analysis.problems
    model = compile_design(design, analysis)
    assert [m.block_id for m in model.ordered] == analysis.order
    numel = {m.block_id: sum(p.numel() for p in m.parameters()) for m in model.ordered}
    assert analysis.param_counts == numel
    assert analysis.total_params == sum(p.numel() for p in model.parameters())
    return analysis


@pytest.mark.parametrize(("kind", "params"), _recurrent_configs(),
                         ids=lambda v: v if isinstance(v, str) else "-".join(
                             f"{k}={w}" for k, w in v.items()))
def test_recurrent_param_count_equals_compiled_numel(kind: str, params: dict[str, Any]) -> None:
    design = chain(("x", "input", {"size": 3}), ("r", kind, {"hidden_size": 4, **params}),
                   ("d", "dense", {"size": 5}), Y2,
                   wires=[("x.out", "r.input"), ("r.sequence", "d.input"),
                          ("d.out", "y.input")])
    analysis = _count_matches_model(design)
    assert analysis.param_counts["r"] > 0


@pytest.mark.parametrize("build", [
    lambda: chain(("x", "input", {"data": "tokens", "vocab_size": 11, "encoding": "embedding",
                                  "embedding_size": 5}),
                  ("r", "lstm", {"hidden_size": 4}), ("d", "dense", {"size": 6}), Y2,
                  wires=[("x.out", "r.input"), ("r.last", "d.input"), ("d.out", "y.input")]),
    lambda: chain(("x", "input", {"data": "tokens", "vocab_size": 11}),
                  ("r", "gru", {"hidden_size": 4}), Y2,
                  wires=[("x.out", "r.input"), ("r.sequence", "y.input")]),
    lambda: music(),
    lambda: music(start_size=4),
    lambda: music(fb={"encoding": "embedding", "embedding_size": 6}),
    lambda: music(start_size=4, fb={"encoding": "embedding", "embedding_size": 6}),
    lambda: encoder_decoder(),
    lambda: encoder_decoder(enc_kind="bidirectional", enc={"cell": "gru", "join": "sum"},
                            dec_kind="gru", dec={"form": "minimal"}),
], ids=["token-embedding", "token-one-hot", "feedback", "feedback-start",
        "feedback-embedding", "feedback-start-embedding", "encoder-decoder",
        "bidirectional-encoder"])
def test_design_param_count_equals_compiled_numel(build: Callable[[], Design]) -> None:
    _count_matches_model(build())


def test_lecture_notation_param_counts() -> None:
    """U 3x5, W 3x3, b_h = b_ih + b_hh (two vectors of 3 in PyTorch); V 2x3 and b_y 2."""
    design = lecture_example()
    analysis = _count_matches_model(design)
    assert analysis.param_counts == {"x": 0, "rnn": 30, "y": 8}
    assert analysis.total_params == 38
    model = compile_design(design, analysis)
    modules = {m.block_id: m for m in model.ordered}
    shapes = sorted(tuple(p.shape) for p in modules["rnn"].parameters())
    assert shapes == [(3,), (3,), (3, 3), (3, 5)]
    assert sorted(tuple(p.shape) for p in modules["y"].parameters()) == [(2,), (2, 3)]


def test_too_large_design_is_counted_not_built() -> None:
    design = INVALID["design too large"].build()
    analysis = analyze(design)
    assert analysis.total_params > MAX_PARAMETERS
    assert analysis.param_counts["r"] == analysis.total_params - 2 * (16384 + 1)
    with pytest.raises(DesignInvalidError, match=re.escape(f"more than the {MAX_PARAMETERS:,}")):
        compile_design(design)  # refused by validation, never allocated


# --- valid designs ------------------------------------------------------------------------------


@pytest.mark.parametrize("build", [
    lecture_example, lambda: lecture_example("sequence"), music, lambda: music(start_size=4),
    encoder_decoder, lambda: encoder_decoder(enc_kind="bidirectional", enc={"join": "sum"}),
    lambda: encoder_decoder(enc_kind="bidirectional", dec={"hidden_size": 32}),
])
def test_valid_design_has_no_problems(build: Callable[[], Design]) -> None:
    assert validate(build()) == []


@pytest.mark.parametrize("name", list_examples())
def test_shipped_examples_have_no_errors(name: str) -> None:
    problems = validate(load_example(name))
    assert [p for p in problems if p.severity == "error"] == []
