"""The hand-written backward passes of engine.fastrnn against autograd, in float64.

Three layers of checks: ``gradcheck`` of every kernel against finite differences; every
lecture cell's fast path against the same cell's plain autograd loop (the reference
that TorchScript runs), with padding, layers, both directions, dropout and initial
states; and the PyTorch-layout kernels against nn.RNN / nn.GRU / nn.LSTM themselves.
The per-step gradient the kernels report is checked against autograd's own dL/dh(t).
"""

import pytest
import torch
from torch import Tensor, nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from engine import fastrnn
from engine.cells import RecurrentStack

F64 = torch.float64
IN, H, B, T = 3, 4, 3, 5
EXACT = {"rtol": 1e-10, "atol": 1e-12}

CELLS = [
    ("gru_lecture", "none"),
    ("gru_minimal", "none"),
    ("lstm", "none"),
    ("lstm", "full"),
    ("lstm", "diagonal"),
]
CELL_IDS = [f"{cell}-{peep}" for cell, peep in CELLS]


def rand(*shape: int, seed: int = 0, grad: bool = True) -> Tensor:
    gen = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=gen, dtype=F64).requires_grad_(grad)


def weigh(*outputs: Tensor, seed: int = 7) -> Tensor:
    """A loss that weighs every output element differently, so no gradient hides."""
    gen = torch.Generator().manual_seed(seed)
    return sum((o * torch.randn(o.shape, generator=gen, dtype=o.dtype)).sum() for o in outputs)


# ---------------------------------------------------------------- kernels vs finite differences


@pytest.mark.parametrize("peepholes", ["none", "diagonal", "full"])
def test_lstm_kernel_gradcheck(peepholes: str) -> None:
    p_shape = {"none": None, "diagonal": (H,), "full": (H, H)}[peepholes]
    p_uf = rand(2 * p_shape[0], *p_shape[1:], seed=5) if p_shape else None
    p_o = rand(*p_shape, seed=6) if p_shape else None
    inputs = (rand(T, B, IN, seed=1), rand(4 * H, IN, seed=8), rand(4 * H, seed=9),
              rand(4 * H, H, seed=2), p_uf, p_o, rand(B, H, seed=3), rand(B, H, seed=4))

    def run(x, u, b, w, p_uf, p_o, h0, c0):
        return fastrnn.lstm(x, u, b, w, p_uf, p_o, h0, c0, peepholes)

    assert torch.autograd.gradcheck(run, inputs)


@pytest.mark.parametrize("cell", ["gru_lecture", "gru_minimal"])
def test_gru_kernels_gradcheck(cell: str) -> None:
    gates = 3 if cell == "gru_lecture" else 2
    fn = fastrnn.gru_lecture if cell == "gru_lecture" else fastrnn.gru_minimal
    inputs = (rand(T, B, IN, seed=1), rand(gates * H, IN, seed=8), rand(gates * H, seed=9),
              rand(gates * H, H, seed=2), rand(B, H, seed=3))
    assert torch.autograd.gradcheck(fn, inputs)


def test_torch_gru_kernel_gradcheck() -> None:
    inputs = (rand(T, B, IN, seed=1), rand(3 * H, IN, seed=8), rand(3 * H, seed=9),
              rand(3 * H, H, seed=2), rand(3 * H, seed=3), rand(B, H, seed=4))
    assert torch.autograd.gradcheck(lambda *a: fastrnn._TorchGRU.apply(*a, None), inputs)


@pytest.mark.parametrize("relu", [False, True], ids=["tanh", "relu"])
def test_rnn_kernel_gradcheck(relu: bool) -> None:
    active = (torch.arange(T).unsqueeze(1) < torch.tensor([T, 2, 4])).unsqueeze(2).to(F64)
    inputs = (rand(T, B, IN, seed=1), rand(H, IN, seed=8), rand(H, seed=9), rand(H, H, seed=2),
              rand(B, H, seed=3))
    assert torch.autograd.gradcheck(
        lambda *a: fastrnn._RNN.apply(*a, relu, active if relu else None, None), inputs)


# ---------------------------------------------------------------- the cells: fast vs reference


def run_stack(stack: RecurrentStack, x: Tensor, lengths: Tensor, h0: Tensor, c0: Tensor,
              seed: int) -> tuple[list[Tensor], list[Tensor]]:
    """Outputs and gradients (x, h0, c0, every parameter) of one weighted loss."""
    torch.manual_seed(seed)  # the same dropout masks on both paths
    outs = stack(x, lengths, h0, c0)
    leaves = [x, h0, c0, *stack.parameters()]
    grads = torch.autograd.grad(weigh(*outs), leaves, allow_unused=True,
                                materialize_grads=True)
    return list(outs), list(grads)


@pytest.mark.parametrize(("layers", "bidirectional", "dropout"),
                         [(1, False, 0.0), (2, True, 0.0), (2, False, 0.4)],
                         ids=["1layer", "2layer-bi", "2layer-dropout"])
@pytest.mark.parametrize(("cell", "peep"), CELLS, ids=CELL_IDS)
def test_fast_path_equals_the_autograd_loop(cell: str, peep: str, layers: int,
                                            bidirectional: bool, dropout: float) -> None:
    torch.manual_seed(0)
    stack = RecurrentStack(cell, IN, H, layers, bidirectional, dropout, peep, dtype=F64)
    n_states = layers * (2 if bidirectional else 1)
    x = rand(B, T, IN, seed=1)
    lengths = torch.tensor([T, 2, 4])
    h0, c0 = rand(n_states, B, H, seed=2), rand(n_states, B, H, seed=3)
    fast_out, fast_grads = run_stack(stack, x, lengths, h0, c0, seed=11)
    with fastrnn.disabled():
        ref_out, ref_grads = run_stack(stack, x, lengths, h0, c0, seed=11)
    names = ["x", "h0", "c0", *(n for n, _ in stack.named_parameters())]
    for got, want in zip(fast_out, ref_out, strict=True):
        torch.testing.assert_close(got, want, **EXACT)
    for name, got, want in zip(names, fast_grads, ref_grads, strict=True):
        torch.testing.assert_close(got, want, **EXACT, msg=lambda m, n=name: f"{n}: {m}")


def test_fast_path_is_what_eager_training_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = fastrnn.lstm
    monkeypatch.setattr(fastrnn, "lstm", lambda *a, **k: calls.append(1) or real(*a, **k))
    stack = RecurrentStack("lstm", IN, H, 2, True, peepholes="full", dtype=F64)
    stack(rand(B, T, IN), torch.tensor([T, 2, 4]))
    assert len(calls) == 4  # two layers, two directions
    with fastrnn.disabled():
        stack(rand(B, T, IN), torch.tensor([T, 2, 4]))
    assert len(calls) == 4


def test_no_grad_fast_path_equals_the_loop() -> None:
    stack = RecurrentStack("gru_lecture", IN, H, 2, True, dtype=F64).eval()
    x, lengths = rand(B, T, IN, grad=False), torch.tensor([T, 2, 4])
    with torch.no_grad():
        fast = stack(x, lengths)
        with fastrnn.disabled():
            ref = stack(x, lengths)
    for got, want in zip(fast, ref, strict=True):
        torch.testing.assert_close(got, want, **EXACT)


# ---------------------------------------------------------------- nn.RNN / nn.GRU / nn.LSTM


@pytest.mark.parametrize("kind", ["rnn-tanh", "rnn-relu", "gru", "lstm"])
@pytest.mark.parametrize("layers", [1, 2])
def test_torch_stack_equals_the_fused_layer(kind: str, layers: int) -> None:
    torch.manual_seed(0)
    if kind == "lstm":
        rnn: nn.RNNBase = nn.LSTM(IN, H, layers, batch_first=True, dtype=F64)
    elif kind == "gru":
        rnn = nn.GRU(IN, H, layers, batch_first=True, dtype=F64)
    else:
        rnn = nn.RNN(IN, H, layers, nonlinearity=kind[4:], batch_first=True, dtype=F64)
    x, lengths = rand(B, T, IN, seed=1), torch.tensor([T, 2, 4])
    h0, c0 = rand(layers, B, H, seed=2), rand(layers, B, H, seed=3)
    leaves = [x, h0, c0, *rnn.parameters()]

    out, h_n, c_n = fastrnn.torch_stack(rnn, x, lengths, h0, c0 if kind == "lstm" else None)
    got = [out, h_n] + ([c_n] if c_n is not None else [])
    got_grads = torch.autograd.grad(weigh(*got), leaves, allow_unused=True,
                                    materialize_grads=True)

    packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
    if kind == "lstm":
        packed_out, (r_h, r_c) = rnn(packed, (h0, c0))
    else:
        packed_out, r_h = rnn(packed, h0)
    r_out, _ = pad_packed_sequence(packed_out, batch_first=True, total_length=T)
    want = [r_out, r_h] + ([r_c] if kind == "lstm" else [])
    want_grads = torch.autograd.grad(weigh(*want), leaves, allow_unused=True,
                                     materialize_grads=True)
    for a, b in zip(got, want, strict=True):
        torch.testing.assert_close(a, b, **EXACT)
    names = ["x", "h0", "c0", *(n for n, _ in rnn.named_parameters())]
    for name, a, b in zip(names, got_grads, want_grads, strict=True):
        torch.testing.assert_close(a, b, **EXACT, msg=lambda m, n=name: f"{n}: {m}")


def test_torch_stack_refuses_what_it_cannot_run() -> None:
    rnn = nn.LSTM(IN, H, bidirectional=True, batch_first=True)
    with pytest.raises(ValueError, match="one-directional"):
        fastrnn.torch_stack(rnn, torch.zeros(B, T, IN), torch.tensor([T] * B), None, None)


# ---------------------------------------------------------------- dL/dh(t) in the sinks


def autograd_time_norms(step, x: Tensor, lengths: Tensor) -> Tensor:
    """||dL/dh(t)|| by autograd: run one step at a time, keep every h(t) with its grad.

    Finished rows keep their last real state and output zero, as packing does; the loss
    is ``weigh`` of the outputs and the final state.
    """
    h = torch.zeros(B, H, dtype=F64)
    c = torch.zeros(B, H, dtype=F64)
    kept, outs = [], []
    for t in range(T):
        active = (t < lengths).view(B, 1)
        h_new, c_new = step(x[:, t], h, c)
        h_new.retain_grad()
        kept.append(h_new)
        h, c = torch.where(active, h_new, h), torch.where(active, c_new, c)
        outs.append(h_new * active)
    weigh(torch.stack(outs, 1), h).backward()
    # a finished row's frozen copies are padding: its real h(t) are the kept ones
    return torch.stack([k.grad.pow(2).sum().sqrt() for k in kept])


@pytest.mark.parametrize("kind", ["rnn", "gru", "lstm"])
def test_torch_stack_reports_the_whole_gradient_of_every_state(kind: str) -> None:
    torch.manual_seed(0)
    rnn = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}[kind](IN, H, batch_first=True,
                                                                 dtype=F64)
    x, lengths = rand(B, T, IN, seed=1), torch.tensor([T, 2, 4])
    sink = fastrnn.TimeGradientSink(T)
    out, h_n, _ = fastrnn.torch_stack(rnn, x, lengths, None, None, [sink])
    weigh(out, h_n[-1]).backward()

    w = (rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0)

    def step(xt, h, c):
        if kind == "lstm":
            return torch.lstm_cell(xt, (h, c), *w)
        if kind == "gru":
            return torch.gru_cell(xt, h, *w), c
        return torch.rnn_tanh_cell(xt, h, *w), c

    want = autograd_time_norms(step, x.detach(), lengths)
    torch.testing.assert_close(sink.table_row().double(), want, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize(("cell", "peep"), CELLS, ids=CELL_IDS)
def test_cells_report_the_whole_gradient_of_every_state(cell: str, peep: str) -> None:
    torch.manual_seed(0)
    stack = RecurrentStack(cell, IN, H, peepholes=peep, dtype=F64)
    x, lengths = rand(B, T, IN, seed=1), torch.tensor([T, 2, 4])
    sink = fastrnn.TimeGradientSink(T)
    stack.cells[0].time_sink = sink
    out, h_n, _ = stack(x, lengths)
    stack.cells[0].time_sink = None
    weigh(out, h_n[-1]).backward()

    def step(xt, h, c):
        with fastrnn.disabled():
            h_all, c_all = stack.cells[0](xt.unsqueeze(0), h, c)
        return h_all[0], c_all[0]

    want = autograd_time_norms(step, x.detach(), lengths)
    torch.testing.assert_close(sink.table_row().double(), want, rtol=1e-5, atol=1e-6)


def test_a_sink_pads_the_steps_past_the_longest_row_with_zeros() -> None:
    sink = fastrnn.TimeGradientSink(6)
    assert sink.table_row().tolist() == [0.0] * 6
    sink.record(torch.ones(4, 2, 3))
    assert sink.table_row().tolist() == pytest.approx([6 ** 0.5] * 4 + [0.0, 0.0])


# ---------------------------------------------------------------- TorchScript (exported models)


@pytest.mark.filterwarnings(r"ignore:`torch\.jit\.script` is deprecated:DeprecationWarning")
@pytest.mark.parametrize(("cell", "peep"), CELLS, ids=CELL_IDS)
def test_scripted_inference_runs_the_same_kernels(cell: str, peep: str) -> None:
    stack = RecurrentStack(cell, IN, H, 2, True, peepholes=peep, dtype=F64).eval()
    scripted = torch.jit.script(stack)
    kernel = {"gru_lecture": "gru_lecture_forward", "gru_minimal": "gru_minimal_forward",
              "lstm": "lstm_forward"}[cell]
    assert kernel in getattr(scripted.cells, "0").code
    x, lengths = rand(B, T, IN, grad=False), torch.tensor([T, 2, 4])
    h0, c0 = rand(4, B, H, seed=2, grad=False), rand(4, B, H, seed=3, grad=False)
    with torch.no_grad():
        for got, want in zip(scripted(x, lengths, h0, c0), stack(x, lengths, h0, c0),
                             strict=True):
            torch.testing.assert_close(got, want, **EXACT)
        with fastrnn.disabled():
            reference = stack(x, lengths, h0, c0)
        for got, want in zip(scripted(x, lengths, h0, c0), reference, strict=True):
            torch.testing.assert_close(got, want, **EXACT)
