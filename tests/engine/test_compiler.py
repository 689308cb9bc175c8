"""Compilation: every example runs, scripts and survives save/load; semantics of the ports."""

from __future__ import annotations

import contextlib
import io

import pytest
import torch
from torch import nn

from engine import fastrnn
from engine.blocks import EVERY_PORT
from engine.compiler import compile_design, signature
from engine.design import Design
from engine.errors import DesignInvalidError
from engine.examples import list_examples, load_example
from engine.export import torchscript_quietly
from engine.fileformat import dumps, loads
from engine.validation import analyze


def script_roundtrip(model: nn.Module) -> torch.jit.ScriptModule:
    with torchscript_quietly():
        scripted = torch.jit.script(model)
        buffer = io.BytesIO()
        torch.jit.save(scripted, buffer)
        buffer.seek(0)
        return torch.jit.load(buffer)


def example_inputs(design: Design, batch: int = 3, steps: int = 6) -> dict[str, torch.Tensor]:
    """Random inputs fitting the design's signature, with ragged lengths."""
    gen = torch.Generator().manual_seed(0)
    sig = signature(design)
    lengths = torch.tensor([steps, max(1, steps - 2), 1][:batch] + [steps] * max(0, batch - 3))
    inputs: dict[str, torch.Tensor] = {}
    for block_id, mode, tokens, size in sig.inputs:
        shape = (batch, steps) if mode == "sequence" else (batch,)
        if tokens:
            inputs[block_id] = torch.randint(0, size, shape, generator=gen)
        else:
            inputs[block_id] = torch.randn((*shape, size), generator=gen)
        if mode == "sequence":
            inputs[block_id + ":len"] = lengths
    if sig.feedback:
        out = next(o for o in sig.outputs if o[0] == sig.feedback_output)
        size = design.blocks[sig.feedback].params["size"]
        if out[1] == "softmax":
            inputs[sig.feedback] = torch.randint(0, size, (batch, steps + 1), generator=gen)
        else:
            roll = torch.rand((batch, steps + 1, size), generator=gen)
            inputs[sig.feedback] = (roll > 0.5).float()
    return inputs


@pytest.mark.parametrize("name", list_examples())
def test_example_loads_validates_compiles_scripts_saves_and_loads(name: str) -> None:
    design = load_example(name)
    analysis = analyze(design)
    assert analysis.ok, analysis.problems
    assert analysis.network_shape is not None
    assert loads(dumps(design)).to_json() == design.to_json()
    torch.manual_seed(0)
    model = compile_design(design).eval()
    assert sum(p.numel() for p in model.parameters()) == analysis.total_params
    inputs = example_inputs(design)
    expected = model(inputs)
    loaded = script_roundtrip(model)
    got = loaded(inputs)
    assert set(got) == set(expected) == {o[0] for o in signature(design).outputs}
    for key in expected:
        torch.testing.assert_close(got[key], expected[key], rtol=0, atol=1e-6)
    if signature(design).feedback:
        start = {k: v for k, v in inputs.items() if k != signature(design).feedback}
        torch.manual_seed(1)
        a = model.generate(start, 4, 1.0)
        torch.manual_seed(1)
        b = loaded.generate(start, 4, 1.0)
        torch.testing.assert_close(a, b)


def test_invalid_design_does_not_compile() -> None:
    design = Design()
    design.add_block("rnn", block_id="rnn")
    with pytest.raises(DesignInvalidError, match=r"rnn\.input"):
        compile_design(design)


def _simple(kind: str, params: dict, port: str = "sequence", size: int = 3) -> Design:
    design = Design()
    design.add_block("input", {"size": size}, block_id="x")
    design.add_block(kind, params, block_id="r")
    design.add_block("output", {"size": 2, "activation": "identity"}, block_id="y")
    design.add_wire("x.out", "r.input")
    design.add_wire(f"r.{port}", "y.input")
    return design


RECURRENT_VARIANTS = [
    ("rnn", {"hidden_size": 4}),
    ("rnn", {"hidden_size": 4, "nonlinearity": "relu", "num_layers": 2}),
    ("gru", {"hidden_size": 4, "form": "pytorch", "bidirectional": True}),
    ("gru", {"hidden_size": 4, "form": "lecture", "bidirectional": True, "join": "sum"}),
    ("gru", {"hidden_size": 4, "form": "minimal", "num_layers": 2}),
    ("lstm", {"hidden_size": 4, "bidirectional": True, "num_layers": 2}),
    ("lstm", {"hidden_size": 4, "peepholes": "full", "bidirectional": True}),
    ("lstm", {"hidden_size": 4, "peepholes": "diagonal"}),
    ("bidirectional", {"cell": "rnn", "hidden_size": 4}),
]


@pytest.mark.parametrize("port", ["sequence", "last"])
@pytest.mark.parametrize(("kind", "params"), RECURRENT_VARIANTS)
def test_padding_never_leaks_into_results(kind: str, params: dict, port: str) -> None:
    """Masking == running each sequence alone at its own length, for every port read.

    In eval mode every port is published and exact, whether read or not.
    """
    torch.manual_seed(0)
    design = _simple(kind, params, port=port)
    model = compile_design(design).eval().double()
    x = torch.randn(3, 7, 3, dtype=torch.float64)
    lengths = torch.tensor([7, 4, 1])
    env = model.environment({"x": x, "x:len": lengths})
    assert "r.last" in env and "r.state" in env
    for b in range(3):
        n = int(lengths[b])
        alone = model.environment({"x": x[b : b + 1, :n]})
        torch.testing.assert_close(env["r.sequence"][b, :n], alone["r.sequence"][0])
        assert torch.all(env["r.sequence"][b, n:] == 0)
        for key in ("r.last", "r.state", "r.state:c"):
            if key in alone:
                torch.testing.assert_close(env[key][..., b, :], alone[key][..., 0, :])


@pytest.mark.parametrize(("kind", "params"), [
    ("rnn", {"hidden_size": 4}),
    ("gru", {"hidden_size": 4, "form": "pytorch", "num_layers": 2, "dropout": 0.0}),
    ("lstm", {"hidden_size": 4}),
    ("rnn", {"hidden_size": 4, "nonlinearity": "relu", "bidirectional": True}),
    ("gru", {"hidden_size": 4, "form": "pytorch", "bidirectional": True, "join": "sum"}),
    ("lstm", {"hidden_size": 4, "num_layers": 2, "bidirectional": True}),
    ("bidirectional", {"cell": "gru", "form": "pytorch", "hidden_size": 4, "num_layers": 2}),
])
def test_an_unread_final_state_lets_ragged_rows_run_unpacked_with_the_same_gradients(
        kind: str, params: dict) -> None:
    torch.manual_seed(0)
    model = compile_design(_simple(kind, params)).double()  # train mode, as in training
    block = model.ordered[1]
    every = {EVERY_PORT: torch.zeros(0)}
    assert block.padded_ok({}) or block.two_way_padded_ok({})
    assert not (block.padded_ok(every) or block.two_way_padded_ok(every))
    x = torch.randn(3, 7, 3, dtype=torch.float64)
    inputs = {"x": x, "x:len": torch.tensor([7, 4, 1])}
    grads = []
    outs = []
    for final_used in (False, True):  # True: the packed run
        block.final_state_used = final_used
        model.zero_grad()
        with fastrnn.disabled():  # the nn layers' paths (else RNN and GRU run the kernels)
            env = model.working_environment(inputs)
        assert ("r.last" in env) is final_used
        assert "r.last" in model.environment(inputs)
        outs.append(env["r.sequence"])
        (env["y.logits"] ** 2).sum().backward()
        grads.append([p.grad.clone() for p in model.parameters()])
    torch.testing.assert_close(outs[0], outs[1])
    assert torch.all(outs[0][1, 4:] == 0) and torch.all(outs[0][2, 1:] == 0)
    for padded, packed in zip(*grads, strict=True):
        torch.testing.assert_close(padded, packed)


ONE_WAY = [("rnn", {"hidden_size": 4}),
           ("rnn", {"hidden_size": 4, "nonlinearity": "relu", "num_layers": 2}),
           ("gru", {"form": "pytorch", "hidden_size": 4}),
           ("gru", {"form": "pytorch", "hidden_size": 4, "num_layers": 2, "weight_drop": 0.5})]
TWO_WAY = [("rnn", {"hidden_size": 4, "nonlinearity": "relu", "bidirectional": True}),
           ("gru", {"form": "pytorch", "hidden_size": 4, "bidirectional": True, "join": "sum"}),
           ("bidirectional", {"cell": "gru", "form": "pytorch", "hidden_size": 4,
                              "num_layers": 2, "weight_drop": 0.3})]


@pytest.mark.parametrize(("kind", "params", "port"),
                         [(*case, port) for case in ONE_WAY for port in ("sequence", "last")]
                         + [(*case, "sequence") for case in TWO_WAY])
def test_rnn_and_gru_train_on_the_kernels_with_nn_layers_results(
        kind: str, params: dict, port: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the CPU an nn.RNN / nn.GRU block trains through engine.fastrnn (one way, and
    both ways when nobody reads the final states): the same outputs, final states and
    gradients as the nn layer's own run on ragged rows."""
    torch.manual_seed(0)
    model = compile_design(_simple(kind, params, port=port)).double()
    block = model.ordered[1]
    x = torch.randn(3, 7, 3, dtype=torch.float64)
    inputs = {"x": x, "x:len": torch.tensor([7, 4, 1])}
    assert block.kernels_wanted(x)
    with torch.no_grad():
        assert not block.kernels_wanted(x)
    calls = []
    direction = fastrnn.torch_direction
    monkeypatch.setattr(fastrnn, "torch_direction",
                        lambda *args, **kwargs: calls.append(1) or direction(*args, **kwargs))
    runs = []
    for kernels in (True, False):
        model.zero_grad()
        torch.manual_seed(1)  # the same weight-drop masks
        with contextlib.nullcontext() if kernels else fastrnn.disabled():
            env = model.working_environment(inputs)
        (env["y.logits"] ** 2).sum().backward()
        # the nn layer's padded run (only "sequence" read) leaves the final states out
        ports = ["r.sequence"] + (["r.state", "r.last"] if port == "last" else [])
        runs.append(([env[key] for key in ports], [p.grad.clone() for p in model.parameters()]))
    layers = params.get("num_layers", 1)
    directions = 2 if params.get("bidirectional") or kind == "bidirectional" else 1
    assert len(calls) == layers * directions  # the kernels ran, once per layer and direction
    for ours, theirs in zip(runs[0][0] + runs[0][1], runs[1][0] + runs[1][1], strict=True):
        torch.testing.assert_close(ours, theirs)
    assert torch.all(runs[0][0][0][1, 4:] == 0) and torch.all(runs[0][0][0][2, 1:] == 0)


def test_last_of_bidirectional_joins_forward_end_and_backward_start() -> None:
    torch.manual_seed(0)
    design = _simple("lstm", {"hidden_size": 5, "bidirectional": True}, port="last")
    model = compile_design(design).eval()
    x = torch.randn(2, 6, 3)
    lengths = torch.tensor([6, 3])
    env = model.environment({"x": x, "x:len": lengths})
    seq = env["r.sequence"]
    for b, n in enumerate([6, 3]):
        torch.testing.assert_close(env["r.last"][b, :5], seq[b, n - 1, :5])  # forward at T_b
        torch.testing.assert_close(env["r.last"][b, 5:], seq[b, 0, 5:])  # backward at t=1


def test_fused_lstm_block_is_nn_lstm_and_matches_it() -> None:
    torch.manual_seed(0)
    design = _simple("lstm", {"hidden_size": 6, "num_layers": 2})
    model = compile_design(design).eval()
    block = model.ordered[1]
    assert isinstance(block.rnn, nn.LSTM)
    x = torch.randn(4, 5, 3)
    out, _ = block.rnn(x)
    torch.testing.assert_close(model.environment({"x": x})["r.sequence"], out)


def test_encoder_state_starts_decoder() -> None:
    """The decoder's first step sees the encoder's final state, not zeros."""
    torch.manual_seed(0)
    design = load_example("translation")
    model = compile_design(design).eval()
    inputs = example_inputs(design)
    env = model.environment(inputs)
    enc_h, enc_c = env["encoder.state"], env["encoder.state:c"]
    dec = model.ordered[[m.block_id for m in model.ordered].index("decoder")].rnn
    first_input = env["feedback.out"][:, :1]
    out, _ = dec(first_input, (enc_h, enc_c))
    torch.testing.assert_close(env["decoder.sequence"][:, 0], out[:, 0])


@pytest.mark.parametrize("name", ["music", "translation"])
def test_free_running_generation_matches_teacher_forcing(name: str) -> None:
    """Feeding the generated elements back as targets reproduces them step for step."""
    torch.manual_seed(0)
    design = load_example(name)
    fb = signature(design).feedback
    design.set_param(fb, "sampling", "greedy")
    model = compile_design(design).eval()
    inputs = {k: v for k, v in example_inputs(design).items() if k != fb}
    generated = model.generate(inputs, 6, 1.0)
    activation = model.output_activations[0]
    targets = generated.argmax(-1) if activation == "softmax" else generated
    probs = model({**inputs, fb: targets})[signature(design).feedback_output]
    if activation == "softmax":
        assert torch.equal(probs.argmax(-1), generated.argmax(-1))
    else:
        assert torch.equal((probs > 0.5).float(), generated)


def test_generate_without_feedback_is_refused() -> None:
    model = compile_design(load_example("notation"))
    with pytest.raises(RuntimeError, match="no feedback loop"):
        model.generate({"x": torch.randn(1, 3, 5)}, 3, 1.0)


def test_wrong_input_shape_gives_clear_message() -> None:
    model = compile_design(load_example("notation"))
    with pytest.raises(RuntimeError, match="expected 5 features, got 3"):
        model({"x": torch.randn(2, 4, 3)})
    with pytest.raises(RuntimeError, match="input 'x' was not given"):
        model({})


def test_pool_excludes_padding() -> None:
    design = Design()
    design.add_block("input", {"size": 2}, block_id="x")
    design.add_block("pool", {"mode": "mean"}, block_id="p")
    design.add_block("output", {"size": 1, "activation": "identity"}, block_id="y")
    design.add_wire("x.out", "p.input")
    design.add_wire("p.out", "y.input")
    model = compile_design(design)
    x = torch.arange(12.0).view(2, 3, 2)
    env = model.environment({"x": x, "x:len": torch.tensor([3, 2])})
    torch.testing.assert_close(env["p.out"][1], x[1, :2].mean(0))
    design.set_param("p", "mode", "max")
    env = compile_design(design).environment({"x": -x, "x:len": torch.tensor([3, 1])})
    torch.testing.assert_close(env["p.out"][1], -x[1, 0])
