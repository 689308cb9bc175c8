"""The design's editing API: each verb checks, changes, then tells its listeners."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import fileformat as ff
from engine.catalogue import KINDS
from engine.design import (
    ID_PATTERN,
    BlockAdded,
    BlockMoved,
    BlockRemoved,
    BlockRenamed,
    Design,
    DesignRenamed,
    Event,
    ParamChanged,
    PortRef,
    Wire,
    WireAdded,
    WireRemoved,
)
from engine.errors import DesignEditError
from engine.params import ParamSpec


class Recorder:
    """A listener that keeps every event it is told."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def __call__(self, event: Event) -> None:
        self.events.append(event)

    def take(self) -> list[Event]:
        events, self.events = self.events, []
        return events


def wire(src: str, dst: str) -> Wire:
    return Wire(PortRef.parse(src), PortRef.parse(dst))


@pytest.fixture
def design() -> Design:
    """x -> r -> y, and r's state into a second recurrent block d."""
    d = Design("Test")
    d.add_block("input", {"size": 3}, block_id="x")
    d.add_block("rnn", {"hidden_size": 4}, block_id="r")
    d.add_block("gru", block_id="d")
    d.add_block("output", {"size": 2}, block_id="y")
    d.add_wire("x.out", "r.input")
    d.add_wire("r.last", "y.input")
    d.add_wire("r.state", "d.initial_state")
    return d


@pytest.fixture
def events(design: Design) -> Recorder:
    recorder = Recorder()
    design.subscribe(recorder)
    return recorder


# --- blocks --------------------------------------------------------------------------------


def test_add_block_takes_defaults_and_emits(design: Design, events: Recorder) -> None:
    block = design.add_block("lstm", {"hidden_size": 8}, block_id="enc", name="Encoder",
                             x=10, y=-5)
    assert events.take() == [BlockAdded("enc")]
    assert design.block("enc") is block
    assert block.params == {**KINDS["lstm"].defaults(), "hidden_size": 8}
    assert (block.kind, block.name, block.x, block.y) == ("lstm", "Encoder", 10.0, -5.0)
    assert isinstance(block.x, float)
    assert list(design.blocks)[-1] == "enc"


def test_add_block_without_id_or_name(design: Design) -> None:
    first = design.add_block("dense")
    second = design.add_block("dense")
    assert (first.id, second.id) == ("dense", "dense_2")
    assert first.name == "dense"


def test_add_block_copies_params_it_is_given(design: Design) -> None:
    params = {"size": 5}
    block = design.add_block("dense", params)
    params["size"] = 6
    assert block.params["size"] == 5


def test_add_block_of_unknown_kind(design: Design, events: Recorder) -> None:
    with pytest.raises(DesignEditError, match="unknown block kind 'transformer'"):
        design.add_block("transformer")
    assert events.take() == []


def test_add_block_with_duplicate_id(design: Design) -> None:
    with pytest.raises(DesignEditError, match="a block with id 'x' already exists"):
        design.add_block("dense", block_id="x")


@pytest.mark.parametrize("bad", ["", "2x", "a b", "a-b", "a.b", "x\n", "é", "a" * 65])
def test_add_block_with_bad_id(design: Design, bad: str) -> None:
    with pytest.raises(DesignEditError) as info:
        design.add_block("dense", block_id=bad)
    assert str(info.value) == (
        f"block id {bad!r} must start with a letter or '_' and contain only letters, "
        "digits and '_' (at most 64)")
    assert bad not in design.blocks


@pytest.mark.parametrize(("params", "message"), [
    ({"hidden_size": 0},
     "block 'n': hidden_size must be an integer between 1 and 16384, got 0"),
    ({"hidden_size": 10**9},
     "block 'n': hidden_size must be an integer between 1 and 16384, got 1000000000"),
    ({"hidden_size": 4.0},
     "block 'n': hidden_size must be an integer between 1 and 16384, got 4.0"),
    ({"hidden_size": True},
     "block 'n': hidden_size must be an integer between 1 and 16384, got true"),
    ({"nonlinearity": "sigmoid"},
     "block 'n': nonlinearity must be one of 'tanh', 'relu', got 'sigmoid'"),
    ({"bidirectional": "yes"}, "block 'n': bidirectional must be true or false, got 'yes'"),
    ({"dropout": math.nan}, "block 'n': dropout must be a number between 0 and 0.95, got nan"),
    ({"units": 3}, "block 'n' (rnn) has no parameter 'units' (it has: hidden_size, "
                   "num_layers, nonlinearity, dropout, weight_drop, bidirectional, join)"),
])
def test_add_block_with_bad_params(design: Design, events: Recorder,
                                   params: dict[str, Any], message: str) -> None:
    with pytest.raises(DesignEditError) as info:
        design.add_block("rnn", params, block_id="n")
    assert str(info.value) == message
    assert "n" not in design.blocks
    assert events.take() == []


@pytest.mark.parametrize(("x", "y"), [(math.nan, 0), (0, math.inf), (2e7, 0), (0, -1e7 - 1),
                                      ("3", 0), (None, 0), (True, 0), (10**400, 0)])
def test_positions_the_file_format_refuses_are_refused(design: Design, x: Any, y: Any) -> None:
    with pytest.raises(DesignEditError, match="a position is two numbers between -1e7 and 1e7"):
        design.add_block("dense", block_id="n", x=x, y=y)
    with pytest.raises(DesignEditError, match="a position is two numbers between -1e7 and 1e7"):
        design.move_block("x", x, y)
    assert (design.block("x").x, design.block("x").y) == (0.0, 0.0)


def test_remove_block_removes_its_wires_first(design: Design, events: Recorder) -> None:
    removed = design.remove_block("r")
    touching = [wire("x.out", "r.input"), wire("r.last", "y.input"),
                wire("r.state", "d.initial_state")]
    assert removed == touching
    assert events.take() == [WireRemoved(w) for w in touching] + [BlockRemoved("r")]
    assert "r" not in design.blocks
    assert design.wires == ()


def test_remove_block_keeps_other_wires(design: Design, events: Recorder) -> None:
    assert design.remove_block("d") == [wire("r.state", "d.initial_state")]
    assert design.wires == (wire("x.out", "r.input"), wire("r.last", "y.input"))
    assert events.take() == [WireRemoved(wire("r.state", "d.initial_state")),
                             BlockRemoved("d")]


def test_remove_unknown_block(design: Design, events: Recorder) -> None:
    with pytest.raises(DesignEditError, match="there is no block 'z'"):
        design.remove_block("z")
    assert events.take() == []


def test_removed_id_can_be_reused(design: Design) -> None:
    design.remove_block("y")
    assert design.fresh_id("y") == "y"
    design.add_block("output", block_id="y")
    assert list(design.blocks) == ["x", "r", "d", "y"]


# --- wires ---------------------------------------------------------------------------------


def test_add_and_remove_wire(design: Design, events: Recorder) -> None:
    added = design.add_wire("r.sequence", PortRef("d", "input"))
    assert added == wire("r.sequence", "d.input")
    assert design.wires[-1] == added
    assert added.to_json() == {"from": "r.sequence", "to": "d.input"}
    design.remove_wire(added)
    assert events.take() == [WireAdded(added), WireRemoved(added)]
    assert added not in design.wires


def test_duplicate_wire_is_refused(design: Design, events: Recorder) -> None:
    with pytest.raises(DesignEditError) as info:
        design.add_wire("x.out", "r.input")
    assert str(info.value) == "x.out is already wired to r.input"
    assert len(design.wires) == 3
    assert events.take() == []


@pytest.mark.parametrize(("src", "dst", "message"), [
    ("x.out", "r.last", "r.last is not an input port"),          # output into an output
    ("r.input", "y.input", "r.input is not an output port"),     # from an input
    ("ghost.out", "r.input", "ghost.out: there is no block 'ghost'"),
    ("x.out", "r.nope", "r.nope: block 'r' has no port 'nope' "
                        "(its ports: input, initial_state, sequence, last, state)"),
    ("x", "r.input", "expected 'block.port', got 'x'"),
    ("x.out", "r.", "expected 'block.port', got 'r.'"),
])
def test_bad_wires_are_refused(design: Design, events: Recorder, src: str, dst: str,
                               message: str) -> None:
    with pytest.raises(DesignEditError) as info:
        design.add_wire(src, dst)
    assert str(info.value) == message
    assert events.take() == []


def test_remove_missing_wire(design: Design) -> None:
    with pytest.raises(DesignEditError, match=r"there is no wire x\.out -> d\.input"):
        design.remove_wire(wire("x.out", "d.input"))


def test_wire_queries(design: Design) -> None:
    assert design.wires_of("y") == [wire("r.last", "y.input")]
    assert design.wire_into(PortRef("r", "input")) == [wire("x.out", "r.input")]
    assert design.wire_into(PortRef("d", "input")) == []


# --- parameters ----------------------------------------------------------------------------


def test_set_param_emits_old_and_new(design: Design, events: Recorder) -> None:
    design.set_param("r", "hidden_size", 16)
    assert events.take() == [ParamChanged("r", "hidden_size", 4, 16)]
    assert design.block("r").params["hidden_size"] == 16


def test_set_param_to_the_same_value_emits_nothing(design: Design, events: Recorder) -> None:
    design.set_param("r", "hidden_size", 4)
    design.set_param("r", "nonlinearity", "tanh")
    design.set_param("r", "dropout", 0)  # 0 is 0.0 once coerced
    assert events.take() == []


def test_set_float_param_stores_a_float(design: Design, events: Recorder) -> None:
    design.add_block("dropout", block_id="p")
    events.take()
    design.set_param("p", "p", 0)
    assert events.take() == [ParamChanged("p", "p", 0.2, 0.0)]
    assert isinstance(design.block("p").params["p"], float)


@pytest.mark.parametrize(("param", "value", "message"), [
    ("hidden_size", -4, "block 'r': hidden_size must be an integer between 1 and 16384, "
                        "got -4"),
    ("hidden_size", "8", "block 'r': hidden_size must be an integer between 1 and 16384, "
                         "got '8'"),
    ("num_layers", 17, "block 'r': num_layers must be an integer between 1 and 16, got 17"),
    ("dropout", 1.5, "block 'r': dropout must be a number between 0 and 0.95, got 1.5"),
    ("dropout", math.inf, "block 'r': dropout must be a number between 0 and 0.95, got inf"),
    ("dropout", 10**400, "block 'r': dropout must be a number between 0 and 0.95, "
                         "got an integer of about 401 digits"),
    ("join", None, "block 'r': join must be one of 'concat', 'sum', got null"),
    ("bidirectional", 1, "block 'r': bidirectional must be true or false, got 1"),
    ("peepholes", "full", "block 'r' (rnn) has no parameter 'peepholes' (it has: "
                          "hidden_size, num_layers, nonlinearity, dropout, weight_drop, "
                          "bidirectional, join)"),
])
def test_set_param_refuses_bad_values(design: Design, events: Recorder, param: str,
                                      value: Any, message: str) -> None:
    before = design.to_json()
    with pytest.raises(DesignEditError) as info:
        design.set_param("r", param, value)
    assert str(info.value) == message
    assert design.to_json() == before
    assert events.take() == []


def test_set_param_of_unknown_block(design: Design) -> None:
    with pytest.raises(DesignEditError, match="there is no block 'z'"):
        design.set_param("z", "size", 3)


# --- moving and renaming -------------------------------------------------------------------


def test_move_block(design: Design, events: Recorder) -> None:
    design.move_block("x", 12, -3.5)
    assert events.take() == [BlockMoved("x", 12.0, -3.5)]
    block = design.block("x")
    assert (block.x, block.y) == (12.0, -3.5) and isinstance(block.x, float)
    assert design.to_json()["blocks"][0]["ui"] == {"x": 12.0, "y": -3.5}


def test_rename_block(design: Design, events: Recorder) -> None:
    design.rename_block("r", "Elman")
    assert events.take() == [BlockRenamed("r", "r", "Elman")]
    assert design.block("r").name == "Elman"
    assert "r" in design.blocks  # the id stays


@pytest.mark.parametrize(("name", "message"), [
    ("", "a block's name cannot be empty"),
    ("   ", "a block's name cannot be empty"),
    (None, "a block's name cannot be empty"),
    ("n" * (ff.MAX_TEXT + 1), f"block 'r': the name is longer than {ff.MAX_TEXT} characters"),
])
def test_rename_block_refuses(design: Design, events: Recorder, name: Any,
                              message: str) -> None:
    with pytest.raises(DesignEditError) as info:
        design.rename_block("r", name)
    assert str(info.value) == message
    assert design.block("r").name == "r"
    assert events.take() == []


def test_add_block_refuses_a_name_the_file_would_refuse(design: Design) -> None:
    with pytest.raises(DesignEditError, match="block 'n': the name must be a string, got int"):
        design.add_block("dense", block_id="n", name=3)  # type: ignore[arg-type]


def test_rename_design(design: Design, events: Recorder) -> None:
    design.rename("Echo")
    assert events.take() == [DesignRenamed("Test", "Echo")]
    assert design.name == "Echo" and design.to_json()["name"] == "Echo"
    with pytest.raises(DesignEditError, match="the design's name must be a string"):
        design.rename(None)  # type: ignore[arg-type]
    with pytest.raises(DesignEditError, match="the design's name is longer than"):
        design.rename("n" * (ff.MAX_TEXT + 1))
    assert design.name == "Echo"
    assert events.take() == []


def test_event_names_are_past_tense() -> None:
    names = [cls.name for cls in (BlockAdded, BlockRemoved, WireAdded, WireRemoved,
                                  ParamChanged, BlockMoved, BlockRenamed, DesignRenamed)]
    assert names == ["block_added", "block_removed", "wire_added", "wire_removed",
                     "param_changed", "block_moved", "block_renamed", "design_renamed"]
    assert BlockAdded("x").name == "block_added"


# --- listening -----------------------------------------------------------------------------


def test_unsubscribe_stops_events(design: Design) -> None:
    first, second = Recorder(), Recorder()
    stop_first = design.subscribe(first)
    design.subscribe(second)
    design.move_block("x", 1, 1)
    stop_first()
    stop_first()  # a second call is harmless
    design.move_block("x", 2, 2)
    assert first.events == [BlockMoved("x", 1.0, 1.0)]
    assert second.events == [BlockMoved("x", 1.0, 1.0), BlockMoved("x", 2.0, 2.0)]


def test_unsubscribing_during_an_event_skips_no_one(design: Design) -> None:
    later = Recorder()
    stops: list[Any] = []

    def once(event: Event) -> None:
        stops[0]()

    stops.append(design.subscribe(once))
    design.subscribe(later)
    design.rename("A")
    design.rename("B")
    assert later.events == [DesignRenamed("Test", "A"), DesignRenamed("A", "B")]


def test_events_follow_the_change(design: Design) -> None:
    seen: list[int] = []
    design.subscribe(lambda event: seen.append(design.block("x").params["size"]))
    design.set_param("x", "size", 7)
    assert seen == [7]


# --- ids -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("stem", "expected"), [
    ("lstm", "lstm"), ("x", "x_2"), ("3d conv", "b_3d_conv"), ("", "block"),
    ("é", "_"), ("my-block", "my_block"), ("_", "_"),
])
def test_fresh_id(design: Design, stem: str, expected: str) -> None:
    assert design.fresh_id(stem) == expected


def test_fresh_id_counts_up(design: Design) -> None:
    design.add_block("dense", block_id="dense")
    design.add_block("dense", block_id="dense_2")
    assert design.fresh_id("dense") == "dense_3"


@given(stem=st.text(max_size=100))
@settings(max_examples=50, deadline=None)
def test_fresh_id_is_always_a_valid_unused_id(stem: str) -> None:
    design = Design()
    for _ in range(3):
        block_id = design.fresh_id(stem)
        assert ID_PATTERN.fullmatch(block_id)
        assert block_id not in design.blocks
        design.add_block("dense", block_id=block_id)


@pytest.mark.parametrize("good", ["x", "_", "_private", "lstm_2", "A9", "a" * 64])
def test_id_pattern_accepts(good: str) -> None:
    assert ID_PATTERN.fullmatch(good)
    Design().add_block("dense", block_id=good)


@pytest.mark.parametrize("bad", ["", "9a", "a b", "a.b", "a\n", "\na", "ß", "a" * 65])
def test_id_pattern_refuses(bad: str) -> None:
    assert not ID_PATTERN.fullmatch(bad)


# --- copy and the file form ----------------------------------------------------------------


def test_copy_is_deep(design: Design, events: Recorder) -> None:
    twin = design.copy()
    assert twin == design and twin is not design
    assert twin.to_json() == design.to_json()
    twin.set_param("r", "hidden_size", 99)
    twin.move_block("x", 5, 5)
    twin.rename_block("y", "Y")
    twin.add_wire("r.sequence", "d.input")
    twin.remove_block("d")
    twin.rename("Twin")
    assert design.block("r").params["hidden_size"] == 4
    assert design.block("x").x == 0.0
    assert design.block("y").name == "y"
    assert "d" in design.blocks and len(design.wires) == 3
    assert design.name == "Test"
    assert events.take() == []  # listeners stay with the original


def test_to_json_shape(design: Design) -> None:
    doc = design.to_json()
    assert set(doc) == {"format_version", "name", "description", "blocks", "wires", "training"}
    assert doc["blocks"][0] == {"id": "x", "kind": "input", "name": "x",
                                "params": {**KINDS["input"].defaults(), "size": 3},
                                "ui": {"x": 0.0, "y": 0.0}}
    assert doc["wires"][0] == {"from": "x.out", "to": "r.input"}
    doc["blocks"][0]["params"]["size"] = 100
    assert design.block("x").params["size"] == 3  # to_json hands out copies


# --- random edit sequences survive the file ------------------------------------------------


def value_of(spec: ParamSpec) -> st.SearchStrategy[Any]:
    if spec.type == "int":
        return st.integers(int(spec.minimum or 0), int(spec.maximum or 1000))
    if spec.type == "float":
        return st.floats(spec.minimum, spec.maximum, allow_nan=False)
    if spec.type == "bool":
        return st.booleans()
    return st.sampled_from(spec.choices)


names = st.text(max_size=12) | st.sampled_from(["Écho", "half \ud800 pair", "tab\tnew\nline"])
coordinates = st.floats(-1e7, 1e7, allow_nan=False) | st.integers(-10**7, 10**7)
ACTIONS = ["add_block", "remove_block", "add_wire", "remove_wire", "set_param",
           "move_block", "rename_block", "rename"]


def random_edit(design: Design, data: st.DataObject) -> None:
    action = data.draw(st.sampled_from(ACTIONS))
    ids = list(design.blocks)
    if action == "add_block" or not ids:
        kind = KINDS[data.draw(st.sampled_from(sorted(KINDS)))]
        chosen = data.draw(st.lists(st.sampled_from(kind.params), unique=True,
                                    max_size=len(kind.params))) if kind.params else []
        params = {p.name: data.draw(value_of(p)) for p in chosen}
        block_id = data.draw(st.none() | st.sampled_from(["a", "_b", "rnn", "x9", "y" * 64]))
        if block_id in design.blocks:
            block_id = None
        design.add_block(kind.kind, params, block_id=block_id, x=data.draw(coordinates),
                         y=data.draw(coordinates))
    elif action == "remove_block":
        design.remove_block(data.draw(st.sampled_from(ids)))
    elif action == "add_wire":
        outs = [(b.id, p.name) for b in design for p in KINDS[b.kind].outputs(b.params)]
        ins = [(b.id, p.name) for b in design for p in KINDS[b.kind].inputs(b.params)]
        if outs and ins:
            src, dst = PortRef(*data.draw(st.sampled_from(outs))), PortRef(
                *data.draw(st.sampled_from(ins)))
            if Wire(src, dst) not in design.wires:
                design.add_wire(src, dst)
    elif action == "remove_wire" and design.wires:
        design.remove_wire(data.draw(st.sampled_from(design.wires)))
    elif action == "set_param":
        block = design.block(data.draw(st.sampled_from(ids)))
        specs = KINDS[block.kind].params
        if specs:
            spec = data.draw(st.sampled_from(specs))
            design.set_param(block.id, spec.name, data.draw(value_of(spec)))
    elif action == "move_block":
        design.move_block(data.draw(st.sampled_from(ids)), data.draw(coordinates),
                          data.draw(coordinates))
    elif action == "rename_block":
        design.rename_block(data.draw(st.sampled_from(ids)),
                            data.draw(names.filter(lambda s: s.strip() != "")))
    elif action == "rename":
        design.rename(data.draw(names))


class Mirror:
    """What a canvas would hold, kept only from events."""

    def __init__(self) -> None:
        self.blocks: set[str] = set()
        self.wires: set[Wire] = set()

    def __call__(self, event: Event) -> None:
        if isinstance(event, BlockAdded):
            self.blocks.add(event.block_id)
        elif isinstance(event, BlockRemoved):
            assert not any(event.block_id in (w.src.block, w.dst.block) for w in self.wires)
            self.blocks.remove(event.block_id)
        elif isinstance(event, WireAdded):
            self.wires.add(event.wire)
        elif isinstance(event, WireRemoved):
            self.wires.remove(event.wire)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_edits_round_trip_through_the_file_format(data: st.DataObject) -> None:
    design = Design()
    mirror = Mirror()
    design.subscribe(mirror)
    for _ in range(data.draw(st.integers(0, 20))):
        random_edit(design, data)
    doc = design.to_json()
    assert ff.loads(json.dumps(doc)).to_json() == doc
    text = ff.dumps(design)
    assert ff.loads(text.encode("utf-8")).to_json() == doc
    assert ff.loads(text) == design.copy()
    assert mirror.blocks == set(design.blocks)
    assert mirror.wires == set(design.wires)
