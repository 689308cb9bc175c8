"""The Dropout block's "drops = steps": whole time steps dropped (word dropout)."""

from __future__ import annotations

import torch

from engine.compiler import compile_design
from engine.design import Design
from tests.engine.test_compiler import script_roundtrip


def _design(drops: str, p: float = 0.3) -> Design:
    design = Design()
    design.add_block("input", {"mode": "sequence", "data": "tokens", "vocab_size": 50,
                               "encoding": "embedding", "embedding_size": 8}, block_id="w")
    design.add_block("dropout", {"p": p, "drops": drops}, block_id="d")
    design.add_block("lstm", {"hidden_size": 4}, block_id="r")
    design.add_block("output", {"size": 2, "activation": "softmax"}, block_id="y")
    design.add_wire("w.out", "d.input")
    design.add_wire("d.out", "r.input")
    design.add_wire("r.last", "y.input")
    return design


def test_a_dropped_step_is_zero_in_every_feature_and_the_rest_is_scaled() -> None:
    torch.manual_seed(0)
    model = compile_design(_design("steps"))
    ids = torch.randint(0, 50, (64, 40))
    env = model.working_environment({"w": ids, "w:len": torch.full((64,), 40)})
    x, z = env["w.out"], env["d.out"]
    dropped = (z == 0).all(-1)
    kept = ~dropped
    torch.testing.assert_close(z[kept], x[kept] / 0.7)
    assert 0.25 < float(dropped.float().mean()) < 0.35  # 2,560 draws of p = 0.3
    assert env["d.out:len"].tolist() == [40] * 64


def test_features_mode_drops_numbers_one_by_one() -> None:
    torch.manual_seed(0)
    model = compile_design(_design("features"))
    env = model.working_environment({"w": torch.randint(0, 50, (64, 40))})
    z = env["d.out"]
    assert float((z == 0).all(-1).float().mean()) < 0.01  # 0.3 ** 8 per step
    assert 0.25 < float((z == 0).float().mean()) < 0.35


def test_evaluation_and_export_pass_steps_through() -> None:
    torch.manual_seed(0)
    model = compile_design(_design("steps")).eval()
    inputs = {"w": torch.randint(0, 50, (3, 6)), "w:len": torch.tensor([6, 4, 1])}
    env = model.environment(inputs)
    torch.testing.assert_close(env["d.out"], env["w.out"])
    torch.testing.assert_close(script_roundtrip(model)(inputs)["y"], model(inputs)["y"])
