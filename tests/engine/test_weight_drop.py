"""DropConnect on the recurrent weights (the recurrent blocks' "weight_drop" parameter)."""

from __future__ import annotations

import copy

import pytest
import torch
import torch.nn.functional as F

from engine.compiler import compile_design
from engine.design import Design
from tests.engine.test_compiler import RECURRENT_VARIANTS, script_roundtrip

P = 0.4


def _design(kind: str, params: dict, port: str) -> Design:
    design = Design()
    design.add_block("input", {"size": 3}, block_id="x")
    design.add_block(kind, {**params, "weight_drop": P}, block_id="r")
    design.add_block("output", {"size": 2, "activation": "identity"}, block_id="y")
    design.add_wire("x.out", "r.input")
    design.add_wire(f"r.{port}", "y.input")
    return design


def _inputs() -> dict[str, torch.Tensor]:
    x = torch.randn(3, 7, 3, dtype=torch.float64, generator=torch.Generator().manual_seed(1))
    return {"x": x, "x:len": torch.tensor([7, 4, 1])}


@pytest.mark.parametrize("port", ["sequence", "last"])  # padded or two-way runs; packed
@pytest.mark.parametrize(("kind", "params"), RECURRENT_VARIANTS)
def test_training_runs_on_dropped_recurrent_weights_and_their_gradient(
        kind: str, params: dict, port: str) -> None:
    """A training call equals the same block, without weight drop, on weights M * W / (1-p)
    drawn in the same order; W's gradient is that block's, times M / (1-p)."""
    torch.manual_seed(0)
    model = compile_design(_design(kind, params, port)).double()
    block = model.ordered[1]
    assert block.weight_drop == P
    weights = block.recurrent_weights()
    names = {name for _, name in weights}
    assert names and all(n.startswith(("weight_hh", "W_")) for n in names)
    originals = [getattr(module, name) for module, name in weights]

    reference = copy.deepcopy(model)
    reference.ordered[1].weight_drop = 0.0
    torch.manual_seed(7)
    dropped = [F.dropout(w.detach(), P, True) for w in originals]
    with torch.no_grad():
        for (module, name), d in zip(reference.ordered[1].recurrent_weights(), dropped,
                                     strict=True):
            getattr(module, name).copy_(d)

    torch.manual_seed(7)
    env = model.working_environment(_inputs())
    want = reference.working_environment(_inputs())
    torch.testing.assert_close(env["y.logits"], want["y.logits"])
    (env["y.logits"] ** 2).sum().backward()
    (want["y.logits"] ** 2).sum().backward()

    # The block's own parameters are back in place, and the gradients reached them.
    assert [getattr(m, n) for m, n in weights] == originals
    assert all(isinstance(w, torch.nn.Parameter) for w in originals)
    for w, d, (module, name) in zip(originals, dropped, reference.ordered[1].recurrent_weights(),
                                    strict=True):
        expected = getattr(module, name).grad * (d != 0) / (1 - P)
        torch.testing.assert_close(w.grad, expected)
        assert torch.all(w.grad[d == 0] == 0)
    for (name, p), (_, q) in zip(model.named_parameters(), reference.named_parameters(),
                                 strict=True):
        if not any(name.endswith(n) for n in names):
            torch.testing.assert_close(p.grad, q.grad)


@pytest.mark.parametrize(("kind", "params"), RECURRENT_VARIANTS)
def test_each_training_call_draws_anew_and_evaluation_and_export_keep_every_weight(
        kind: str, params: dict) -> None:
    torch.manual_seed(0)
    model = compile_design(_design(kind, params, "sequence")).double()
    plain = copy.deepcopy(model)
    plain.ordered[1].weight_drop = 0.0
    first = model.working_environment(_inputs())["y.logits"]
    second = model.working_environment(_inputs())["y.logits"]
    assert not torch.allclose(first, second)

    model.eval()
    plain.eval()
    out = model.environment(_inputs())["y.logits"]
    torch.testing.assert_close(out, plain.environment(_inputs())["y.logits"])
    scripted = script_roundtrip(model)
    torch.testing.assert_close(scripted(_inputs())["y"], model(_inputs())["y"])


@pytest.mark.parametrize(("kind", "params"), [
    ("lstm", {"hidden_size": 4}),
    ("gru", {"hidden_size": 4, "form": "pytorch", "num_layers": 2}),
    ("gru", {"hidden_size": 4, "form": "lecture"}),
    ("lstm", {"hidden_size": 4, "peepholes": "diagonal"}),
])
def test_a_measuring_step_drops_the_same_weights(kind: str, params: dict) -> None:
    """Measuring dL/dh(t) runs other kernels; the dropped weights are the same draw."""
    torch.manual_seed(0)
    model = compile_design(_design(kind, params, "sequence")).double()
    block = model.ordered[1]
    torch.manual_seed(3)
    plain = model.working_environment(_inputs())["y.logits"]
    block.probe = True
    torch.manual_seed(3)
    env = model.working_environment(_inputs())
    torch.testing.assert_close(env["y.logits"], plain)
    env["y.logits"].sum().backward()
    assert len(block.probed) == block.num_layers
