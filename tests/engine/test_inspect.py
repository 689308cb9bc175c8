"""engine.inspect: the step-by-step trace equals the model, for every cell kind."""

from __future__ import annotations

import pytest
import torch
from torch import Tensor

from engine.compiler import CompiledModel, compile_design
from engine.design import Design
from engine.errors import RecurrenteError
from engine.examples import load_example
from engine.inspect import GATES, SYMBOLS, recurrent_block_ids, trace

CELLS = {
    "rnn-tanh": ("rnn", {"nonlinearity": "tanh"}, "rnn"),
    "rnn-relu": ("rnn", {"nonlinearity": "relu"}, "rnn"),
    "gru-pytorch": ("gru", {"form": "pytorch"}, "gru_pytorch"),
    "gru-lecture": ("gru", {"form": "lecture"}, "gru_lecture"),
    "gru-minimal": ("gru", {"form": "minimal"}, "gru_minimal"),
    "lstm": ("lstm", {"peepholes": "none"}, "lstm"),
    "lstm-full": ("lstm", {"peepholes": "full"}, "lstm"),
    "lstm-diagonal": ("lstm", {"peepholes": "diagonal"}, "lstm"),
}
LENGTHS = torch.tensor([7, 4, 1])


def recurrent(kind: str, params: dict, layers: int = 2, bidirectional: bool = False,
              join: str = "concat") -> CompiledModel:
    design = Design("trace")
    design.add_block("input", {"size": 3}, block_id="x")
    design.add_block(kind, {"hidden_size": 5, "num_layers": layers, "dropout": 0.3,
                            "bidirectional": bidirectional, "join": join, **params},
                     block_id="r")
    design.add_block("output", {"size": 2, "activation": "identity"}, block_id="y")
    design.add_wire("x.out", "r.input")
    design.add_wire("r.sequence", "y.input")
    torch.manual_seed(0)
    model = compile_design(design)
    with torch.no_grad():  # larger weights than the default draw: saturated gates, big c
        for p in model.parameters():
            p.mul_(3.0)
    return model.eval()


def batch() -> dict[str, Tensor]:
    gen = torch.Generator().manual_seed(1)
    return {"x": torch.randn(3, 7, 3, generator=gen), "x:len": LENGTHS}


@pytest.mark.parametrize("bidirectional,join", [(False, "concat"), (True, "concat"),
                                                (True, "sum")])
@pytest.mark.parametrize("name", list(CELLS))
def test_trace_equals_the_model(name: str, bidirectional: bool, join: str) -> None:
    kind, params, cell = CELLS[name]
    model = recurrent(kind, params, 2, bidirectional, join)
    inputs = batch()
    with torch.no_grad():
        env = model.environment(inputs)
    dirs = 2 if bidirectional else 1
    for row in range(3):
        found = trace(model, inputs, "r", example=row)
        steps = int(LENGTHS[row])
        assert (found.cell, found.num_layers, found.num_directions) == (cell, 2, dirs)
        assert found.steps == steps and found.symbols == SYMBOLS[cell]
        assert torch.allclose(found.output, env["r.sequence"][row, :steps], atol=1e-5)
        # every layer, not only the last: final states (backward: after reading x(1))
        for layer in range(2):
            finals = [found.get("h", layer, 0)[-1]]
            if dirs == 2:
                finals.append(found.get("h", layer, 1)[0])
            state = finals[0] if dirs == 1 else (
                torch.cat(finals) if join == "concat" else finals[0] + finals[1])
            assert torch.allclose(state, env["r.state"][layer, row], atol=1e-5)
            if cell == "lstm":
                cells = [found.get("c", layer, 0)[-1]] + (
                    [found.get("c", layer, 1)[0]] if dirs == 2 else [])
                c = cells[0] if dirs == 1 else (
                    torch.cat(cells) if join == "concat" else cells[0] + cells[1])
                assert torch.allclose(c, env["r.state:c"][layer, row], atol=1e-5)
        for label, values in found.values.items():
            assert values.shape == (steps, 5), label


@pytest.mark.parametrize("name", list(CELLS))
def test_gates_lie_in_the_unit_interval_and_are_labelled(name: str) -> None:
    kind, params, cell = CELLS[name]
    found = trace(recurrent(kind, params, bidirectional=True), batch(), "r")
    for symbol in found.gates():
        for layer in range(2):
            for direction in range(2):
                values = found.get(symbol, layer, direction)
                assert float(values.min()) >= 0.0 and float(values.max()) <= 1.0
    assert set(found.gates()) == set(SYMBOLS[cell]) & GATES
    if cell == "lstm":
        assert found.label("Gf", 0, 0) == "Gf (layer 1, forward)"
        assert found.label("h", 1, 1) == "h (layer 2, backward)"
    if cell == "gru_pytorch":
        assert found.label("Gu") == "Gu = 1 - z (layer 1, forward)"
        assert torch.allclose(found.get("Gu"), 1 - found.get("z"))


def test_single_direction_labels() -> None:
    found = trace(recurrent("lstm", {}, layers=1), batch(), "r")
    assert "Gf (layer 1)" in found.values and "c~ (layer 1)" in found.values


@pytest.mark.parametrize("peepholes", ["full", "diagonal"])
def test_peephole_gates_match_the_lecture_formula(peepholes: str) -> None:
    """Gu, Gf = sigma(M [c(t-1), h(t-1), x(t)] + b); Go = sigma(Mo [c(t), h(t-1), x(t)] + bo)."""
    model = recurrent("lstm", {"peepholes": peepholes}, layers=1)
    inputs = batch()
    found = trace(model, inputs, "r")
    cell = model.ordered[1].rnn.cells[0]
    p = {name: value.double() for name, value in cell.named_parameters()}

    def peep(g: str) -> Tensor:
        return p[f"P_{g}"] if peepholes == "full" else torch.diag(p[f"P_{g}"])

    x = inputs["x"][0].double()
    h = torch.zeros(5, dtype=torch.float64)
    c = torch.zeros(5, dtype=torch.float64)
    for t in range(3):  # from t = 1 on, c(t-1) is not zero: the peepholes matter
        m = {g: torch.cat([peep(g), p[f"W_{g}"], p[f"U_{g}"]], 1) for g in "ufo"}
        gu = torch.sigmoid(m["u"] @ torch.cat([c, h, x[t]]) + p["b_u"])
        gf = torch.sigmoid(m["f"] @ torch.cat([c, h, x[t]]) + p["b_f"])
        cand = torch.tanh(torch.cat([p["W_c"], p["U_c"]], 1) @ torch.cat([h, x[t]]) + p["b_c"])
        c_new = gu * cand + gf * c
        go = torch.sigmoid(m["o"] @ torch.cat([c_new, h, x[t]]) + p["b_o"])
        h, c = go * torch.tanh(c_new), c_new
        for symbol, value in (("Gu", gu), ("Gf", gf), ("Go", go), ("c~", cand), ("c", c),
                              ("h", h)):
            assert torch.allclose(found.get(symbol)[t].double(), value, atol=1e-5), symbol


def test_decoder_starts_from_the_encoder_state() -> None:
    design = load_example("translation")
    for block in ("encoder", "decoder"):
        design.set_param(block, "hidden_size", 6)
    torch.manual_seed(0)
    model = compile_design(design).eval()
    inputs = {"source": torch.randint(1, 64, (2, 9)), "source:len": torch.tensor([9, 5]),
              "feedback": torch.randint(0, 64, (2, 4)), "feedback:len": torch.tensor([4, 3])}
    env = model.environment(inputs)
    assert recurrent_block_ids(model) == ["encoder", "decoder"]
    for row in range(2):
        found = trace(model, inputs, "decoder", row)
        steps = int(inputs["feedback:len"][row])
        assert torch.allclose(found.output, env["decoder.sequence"][row, :steps], atol=1e-5)
        encoder = trace(model, inputs, "encoder", row)
        assert encoder.steps == int(inputs["source:len"][row])


def test_trace_keeps_the_training_mode_and_refuses_other_blocks() -> None:
    model = recurrent("gru", {"form": "lecture"}).train()
    trace(model, batch(), "r")
    assert model.training
    with pytest.raises(RecurrenteError, match=r"no recurrent block 'y'.*recurrent blocks: r"):
        trace(model, batch(), "y")
    with pytest.raises(RecurrenteError, match="cannot trace 'r'"):
        trace(model, {"x": torch.randn(1, 4, 9)}, "r")
