"""The lecture's cells against independent references, nn.LSTM, and TorchScript.

The reference below is written from the equations in DESIGN.md, one sequence and one
step at a time with one matmul per gate, and shares no code with engine.cells.
"""

import math

import pytest
import torch
from torch import Tensor, nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from engine.cells import (
    LectureGRU,
    MinimalGRU,
    PeepholeLSTM,
    RecurrentStack,
    lecture_name,
)

IN, H, B, T = 3, 4, 3, 5
TOL = {"atol": 1e-6, "rtol": 1e-6}

CELLS = [
    ("gru_lecture", "none"),
    ("gru_minimal", "none"),
    ("lstm", "none"),
    ("lstm", "full"),
    ("lstm", "diagonal"),
]
CELL_IDS = [f"{cell}-{peep}" for cell, peep in CELLS]

jit_warnings = pytest.mark.filterwarnings(
    r"ignore:`torch\.jit\.script` is deprecated:DeprecationWarning",
    r"ignore:`torch\.jit\.save` is deprecated:DeprecationWarning",
    r"ignore:`torch\.jit\.load` is deprecated:DeprecationWarning",
)


# ---------------------------------------------------------------- reference, from the slides


def ref_step(cell: str, peep: str, p: dict[str, Tensor], x: Tensor, h: Tensor, c: Tensor):
    """One step of one cell on one sequence: x (IN,), h (H,), c (H,) -> (h, c)."""
    sig = torch.sigmoid
    if cell == "gru_lecture":
        gu = sig(p["W_u"] @ h + p["U_u"] @ x + p["b_u"])
        gr = sig(p["W_r"] @ h + p["U_r"] @ x + p["b_r"])
        cand = torch.tanh(p["W_h"] @ (gr * h) + p["U_h"] @ x + p["b_h"])
        h = gu * cand + (1 - gu) * h
        return h, h
    if cell == "gru_minimal":
        gu = sig(p["W_u"] @ h + p["U_u"] @ x + p["b_u"])
        cand = torch.tanh(p["W_h"] @ h + p["U_h"] @ x + p["b_h"])
        h = gu * cand + (1 - gu) * h
        return h, h

    def peephole(gate: str, cell_state: Tensor):
        if peep == "none":
            return 0.0
        if peep == "full":
            return p[f"P_{gate}"] @ cell_state
        return p[f"P_{gate}"] * cell_state

    gu = sig(p["W_u"] @ h + p["U_u"] @ x + peephole("u", c) + p["b_u"])
    gf = sig(p["W_f"] @ h + p["U_f"] @ x + peephole("f", c) + p["b_f"])
    cand = torch.tanh(p["W_c"] @ h + p["U_c"] @ x + p["b_c"])
    c_new = gu * cand + gf * c
    go = sig(p["W_o"] @ h + p["U_o"] @ x + peephole("o", c_new) + p["b_o"])
    return go * torch.tanh(c_new), c_new


def ref_stack(cell, peep, params, x, lengths, num_layers, num_dirs, h0=None, c0=None):
    """Layers and directions spelled out, each row alone at its own length."""
    n_states = num_layers * num_dirs
    h0 = torch.zeros(n_states, x.shape[0], H, dtype=x.dtype) if h0 is None else h0
    c0 = torch.zeros(n_states, x.shape[0], H, dtype=x.dtype) if c0 is None else c0
    outs = []
    h_n = [[None] * x.shape[0] for _ in range(n_states)]
    c_n = [[None] * x.shape[0] for _ in range(n_states)]
    for b in range(x.shape[0]):
        n = int(lengths[b])
        seq = [x[b, t] for t in range(n)]
        for layer in range(num_layers):
            per_dir = []
            for d in range(num_dirs):
                k = layer * num_dirs + d
                p = {
                    name.split(".")[2]: v
                    for name, v in params.items()
                    if name.startswith(f"cells.{k}.")
                }
                order = range(n) if d == 0 else range(n - 1, -1, -1)
                h, c = h0[k, b], c0[k, b]
                ys = [None] * n
                for t in order:
                    h, c = ref_step(cell, peep, p, seq[t], h, c)
                    ys[t] = h
                per_dir.append(ys)
                h_n[k][b], c_n[k][b] = h, c
            seq = [torch.cat([ys[t] for ys in per_dir]) for t in range(n)]
        pad = [torch.zeros(num_dirs * H, dtype=x.dtype)] * (x.shape[1] - n)
        outs.append(torch.stack(seq + pad))
    h_n = torch.stack([torch.stack(row) for row in h_n])
    c_n = torch.stack([torch.stack(row) for row in c_n])
    return torch.stack(outs), h_n, c_n


# ---------------------------------------------------------------- helpers


def make_stack(cell, peep, num_layers=1, bidirectional=False, seed=0, **kw) -> RecurrentStack:
    torch.manual_seed(seed)
    return RecurrentStack(
        cell, IN, H, num_layers, bidirectional, peepholes=peep, dtype=torch.float64, **kw
    )


def inputs(lengths, seed=1, size=IN):
    gen = torch.Generator().manual_seed(seed)
    x = torch.randn(len(lengths), T, size, generator=gen, dtype=torch.float64)
    return x, torch.tensor(lengths, dtype=torch.int64)


def loss_of(out, h_n, c_n, seed=2):
    """A loss that weighs every output and state differently, so no gradient hides."""
    gen = torch.Generator().manual_seed(seed)
    return sum(
        (t * torch.randn(t.shape, generator=gen, dtype=t.dtype)).sum() for t in (out, h_n, c_n)
    )


def grads(loss, tensors):
    return torch.autograd.grad(loss, tensors, allow_unused=True, materialize_grads=True)


def reverse_rows(x: Tensor, lengths: Tensor) -> Tensor:
    """Each row reversed within its own length; padding stays where it is."""
    y = x.clone()
    for b, n in enumerate(lengths.tolist()):
        y[b, :n] = x[b, :n].flip(0)
    return y


LENGTHS = {"variable": [4, 2, 3], "full": [T, T, T], "one_step": [1, T, 2]}


# ---------------------------------------------------------------- against the reference


@pytest.mark.parametrize("lengths", list(LENGTHS), ids=list(LENGTHS))
@pytest.mark.parametrize(
    ("num_layers", "bidirectional"), [(1, False), (2, True)], ids=["1layer", "2layer-bi"]
)
@pytest.mark.parametrize(("cell", "peep"), CELLS, ids=CELL_IDS)
def test_matches_step_by_step_reference(cell, peep, num_layers, bidirectional, lengths):
    stack = make_stack(cell, peep, num_layers, bidirectional)
    x, lens = inputs(LENGTHS[lengths])
    x.requires_grad_(True)
    n_states = num_layers * (2 if bidirectional else 1)
    gen = torch.Generator().manual_seed(3)
    h0 = torch.randn(n_states, B, H, generator=gen, dtype=torch.float64, requires_grad=True)
    c0 = torch.randn(n_states, B, H, generator=gen, dtype=torch.float64, requires_grad=True)

    names = [name for name, _ in stack.named_parameters()]
    params = [p for _, p in stack.named_parameters()]
    out, h_n, c_n = stack(x, lens, h0, c0)
    got_grads = grads(loss_of(out, h_n, c_n), [x, h0, c0, *params])

    ref_params = {
        n: p.detach().clone().requires_grad_(True) for n, p in zip(names, params, strict=True)
    }
    x_ref = x.detach().clone().requires_grad_(True)
    h0_ref = h0.detach().clone().requires_grad_(True)
    c0_ref = c0.detach().clone().requires_grad_(True)
    r_out, r_h, r_c = ref_stack(
        cell, peep, ref_params, x_ref, lens, num_layers, 2 if bidirectional else 1, h0_ref, c0_ref
    )
    if cell != "lstm":
        r_c = r_h  # a GRU returns h_n in c_n's place
    want_grads = grads(
        loss_of(r_out, r_h, r_c),
        [x_ref, h0_ref, c0_ref, *ref_params.values()],
    )

    assert out.shape == (B, T, H * (2 if bidirectional else 1))
    torch.testing.assert_close(out, r_out, **TOL)
    torch.testing.assert_close(h_n, r_h, **TOL)
    torch.testing.assert_close(c_n, r_c, **TOL)
    labels = ["x", "h0", "c0", *names]
    for label, got, want in zip(labels, got_grads, want_grads, strict=True):
        if label == "c0" and cell != "lstm":
            assert torch.count_nonzero(got) == 0, "a GRU must ignore c0"
            continue
        torch.testing.assert_close(got, want, **TOL, msg=lambda m, label=label: f"{label}: {m}")
    # Padding contributes nothing, forwards or backwards.
    for b, n in enumerate(lens.tolist()):
        assert torch.count_nonzero(out[b, n:]) == 0
        assert torch.count_nonzero(got_grads[0][b, n:]) == 0


def test_padding_content_is_ignored_even_nan():
    stack = make_stack("lstm", "full", 2, True)
    x, lens = inputs(LENGTHS["variable"])
    clean = stack(x, lens)
    x_nan = x.clone()
    for b, n in enumerate(lens.tolist()):
        x_nan[b, n:] = float("nan")
    x_nan.requires_grad_(True)
    dirty = stack(x_nan, lens)
    for a, b in zip(clean, dirty, strict=True):
        torch.testing.assert_close(a, b, rtol=0, atol=0)
    loss_of(*dirty).backward()
    assert all(torch.isfinite(p.grad).all() for p in stack.parameters())


# ---------------------------------------------------------------- equivalences


def test_lstm_without_peepholes_equals_nn_lstm():
    stack = make_stack("lstm", "none", 2, True)
    ref = nn.LSTM(IN, H, num_layers=2, bidirectional=True, batch_first=True, dtype=torch.float64)
    with torch.no_grad():
        for k, cell in enumerate(stack.cells):
            layer, d = divmod(k, 2)
            sfx = f"_l{layer}" + ("_reverse" if d else "")
            # nn.LSTM gate order i, f, g, o = u, f, c, o.
            getattr(ref, "weight_ih" + sfx).copy_(
                torch.cat([cell.U_u, cell.U_f, cell.U_c, cell.U_o])
            )
            getattr(ref, "weight_hh" + sfx).copy_(
                torch.cat([cell.W_u, cell.W_f, cell.W_c, cell.W_o])
            )
            getattr(ref, "bias_ih" + sfx).copy_(torch.cat([cell.b_u, cell.b_f, cell.b_c, cell.b_o]))
            getattr(ref, "bias_hh" + sfx).zero_()
    x, lens = inputs(LENGTHS["variable"])
    x.requires_grad_(True)
    out, h_n, c_n = stack(x, lens)
    (gx,) = grads(loss_of(out, h_n, c_n), [x])

    x_ref = x.detach().clone().requires_grad_(True)
    packed = pack_padded_sequence(x_ref, lens, batch_first=True, enforce_sorted=False)
    r_packed, (r_h, r_c) = ref(packed)
    r_out, _ = pad_packed_sequence(r_packed, batch_first=True, total_length=T)
    (r_gx,) = grads(loss_of(r_out, r_h, r_c), [x_ref])

    torch.testing.assert_close(out, r_out, **TOL)
    torch.testing.assert_close(h_n, r_h, **TOL)
    torch.testing.assert_close(c_n, r_c, **TOL)
    torch.testing.assert_close(gx, r_gx, **TOL)


def test_full_peepholes_at_zero_equal_no_peepholes():
    plain = make_stack("lstm", "none", 2, True)
    peep = make_stack("lstm", "full", 2, True, seed=5)
    with torch.no_grad():
        for name, p in peep.named_parameters():
            if name.split(".")[-1].startswith("P_"):
                p.zero_()
            else:
                p.copy_(plain.get_parameter(name))
    x, lens = inputs(LENGTHS["variable"])
    a = plain(x, lens)
    b = peep(x, lens)
    for u, v in zip(a, b, strict=True):
        torch.testing.assert_close(u, v, **TOL)
    names = [n for n, _ in plain.named_parameters()]
    ga = grads(loss_of(*a), [plain.get_parameter(n) for n in names])
    gb = grads(loss_of(*b), [peep.get_parameter(n) for n in names])
    for n, u, v in zip(names, ga, gb, strict=True):
        torch.testing.assert_close(u, v, **TOL, msg=lambda m, n=n: f"{n}: {m}")


@pytest.mark.parametrize(("cell", "peep"), CELLS, ids=CELL_IDS)
def test_bidirectional_is_forward_and_reversed_backward(cell, peep):
    bi = make_stack(cell, peep, 1, True)
    fwd = make_stack(cell, peep)
    bwd = make_stack(cell, peep)
    with torch.no_grad():
        for name, p in bi.cells[0].named_parameters():
            fwd.cells[0].get_parameter(name).copy_(p)
        for name, p in bi.cells[1].named_parameters():
            bwd.cells[0].get_parameter(name).copy_(p)
    x, lens = inputs(LENGTHS["variable"])
    out, h_n, c_n = bi(x, lens)
    f_out, f_h, f_c = fwd(x, lens)
    b_out, b_h, b_c = bwd(reverse_rows(x, lens), lens)
    torch.testing.assert_close(out, torch.cat([f_out, reverse_rows(b_out, lens)], 2), **TOL)
    torch.testing.assert_close(h_n, torch.cat([f_h, b_h]), **TOL)
    torch.testing.assert_close(c_n, torch.cat([f_c, b_c]), **TOL)


@pytest.mark.parametrize(("cell", "peep"), CELLS, ids=CELL_IDS)
def test_masking_equals_each_sequence_alone(cell, peep):
    stack = make_stack(cell, peep, 2, True)
    x, lens = inputs(LENGTHS["variable"])
    out, h_n, c_n = stack(x, lens)
    for b, n in enumerate(lens.tolist()):
        o, h, c = stack(x[b : b + 1, :n], torch.tensor([n]))
        torch.testing.assert_close(out[b, :n], o[0], **TOL)
        torch.testing.assert_close(h_n[:, b], h[:, 0], **TOL)
        torch.testing.assert_close(c_n[:, b], c[:, 0], **TOL)
        assert torch.count_nonzero(out[b, n:]) == 0


def test_gru_returns_h_n_in_place_of_c_n():
    stack = make_stack("gru_lecture", "none", 2, True)
    _, h_n, c_n = stack(*inputs(LENGTHS["variable"]))
    torch.testing.assert_close(h_n, c_n, rtol=0, atol=0)


def test_dropout_between_layers_only_in_training():
    x, lens = inputs(LENGTHS["variable"])
    one_layer = make_stack("lstm", "diagonal", 1, False, dropout=0.5)
    torch.testing.assert_close(one_layer(x, lens)[0], one_layer.eval()(x, lens)[0])
    two_layers = make_stack("lstm", "diagonal", 2, True, dropout=0.5)
    train_out = two_layers(x, lens)[0]
    eval_out = two_layers.eval()(x, lens)[0]
    torch.testing.assert_close(eval_out, two_layers(x, lens)[0], rtol=0, atol=0)
    assert not torch.allclose(train_out, eval_out)
    for b, n in enumerate(lens.tolist()):
        assert torch.count_nonzero(train_out[b, n:]) == 0


# ---------------------------------------------------------------- TorchScript


@jit_warnings
@pytest.mark.parametrize(
    ("cell", "peep", "num_layers"),
    # The stacking code is shared by every cell: one deep case keeps the file fast.
    [(cell, peep, 1) for cell, peep in CELLS] + [("lstm", "full", 2)],
    ids=[*CELL_IDS, "lstm-full-2layers"],
)
def test_torchscript_save_load_round_trip(cell, peep, num_layers, tmp_path):
    stack = make_stack(cell, peep, num_layers, True, dropout=0.3).eval()
    scripted = torch.jit.script(stack)
    path = tmp_path / "stack.pt"
    torch.jit.save(scripted, str(path))
    loaded = torch.jit.load(str(path))
    x, lens = inputs(LENGTHS["variable"])
    h0 = torch.randn(2 * num_layers, B, H, dtype=torch.float64)
    c0 = torch.randn(2 * num_layers, B, H, dtype=torch.float64)
    for args in ((x, lens), (x, lens, h0, c0)):
        eager, script_out, loaded_out = stack(*args), scripted(*args), loaded(*args)
        for u, v, w in zip(eager, script_out, loaded_out, strict=True):
            # TorchScript may split addmm into mm + add: the last bit may differ from eager.
            torch.testing.assert_close(u, v, rtol=1e-12, atol=1e-12)
            torch.testing.assert_close(v, w, rtol=0, atol=0)
    assert [n for n, _ in loaded.named_parameters()] == [n for n, _ in stack.named_parameters()]
    # Scripted training still reaches the named parameters.
    loaded.train()
    loss_of(*loaded(x, lens)).backward()
    assert all(p.grad is not None for p in loaded.parameters())


# ---------------------------------------------------------------- construction and names


def test_bad_cell_name_is_refused_clearly():
    with pytest.raises(ValueError, match=r"unknown recurrent cell 'rnn'.*gru_lecture"):
        RecurrentStack("rnn", IN, H)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"cell": "lstm", "peepholes": "half"}, "peepholes must be one of"),
        ({"cell": "gru_lecture", "peepholes": "full"}, "peepholes belong to the LSTM"),
        ({"cell": "lstm", "num_layers": 0}, "num_layers must be at least 1"),
        ({"cell": "lstm", "dropout": 1.5}, "dropout must be in"),
    ],
)
def test_bad_arguments_are_refused(kwargs, message):
    cell = kwargs.pop("cell")
    with pytest.raises(ValueError, match=message):
        RecurrentStack(cell, IN, H, **kwargs)


@pytest.mark.parametrize(
    ("lengths", "message"), [([0, 2, 3], "lengths must lie in"), ([6, 2, 3], "lengths must")]
)
def test_bad_lengths_are_refused(lengths, message):
    stack = make_stack("gru_minimal", "none")
    with pytest.raises(ValueError, match=message):
        stack(inputs([1, 1, 1])[0], torch.tensor(lengths))


def test_parameter_names_shapes_and_initialisation():
    expected = {
        ("gru_lecture", "none"): {"W_u", "U_u", "b_u", "W_r", "U_r", "b_r", "W_h", "U_h", "b_h"},
        ("gru_minimal", "none"): {"W_u", "U_u", "b_u", "W_h", "U_h", "b_h"},
        ("lstm", "none"): {f"{k}_{g}" for k in "WUb" for g in "ufoc"},
        ("lstm", "full"): {f"{k}_{g}" for k in "WUb" for g in "ufoc"} | {"P_u", "P_f", "P_o"},
    }
    expected[("lstm", "diagonal")] = expected[("lstm", "full")]
    bound = 1 / math.sqrt(H)
    for (cell, peep), names in expected.items():
        stack = make_stack(cell, peep, 2, True)
        for k in range(4):
            own = {
                n.split(".")[2] for n, _ in stack.named_parameters() if n.startswith(f"cells.{k}.")
            }
            assert own == names, (cell, peep, k)
        shapes = {"W": (H, H), "U": (H, IN), "b": (H,), "P": (H, H) if peep == "full" else (H,)}
        for name, p in stack.cells[0].named_parameters():
            assert tuple(p.shape) == shapes[name[0]], name
        assert stack.cells[2].U_u.shape == (H, 2 * H)
        for p in stack.parameters():
            assert p.dtype == torch.float64
            assert p.abs().max() <= bound


def test_parameters_are_listed_in_the_lectures_order():
    names = [n for n, _ in make_stack("lstm", "diagonal").named_parameters()]
    assert names == [f"cells.0.{k}_{g}" for g in "ufo" for k in "WUbP"] + [
        "cells.0.W_c",
        "cells.0.U_c",
        "cells.0.b_c",
    ]
    names = [n for n, _ in make_stack("gru_lecture", "none").named_parameters()]
    assert names == [f"cells.0.{k}_{g}" for g in "urh" for k in "WUb"]


def test_cells_are_the_lecture_classes():
    assert isinstance(make_stack("gru_lecture", "none").cells[0], LectureGRU)
    assert isinstance(make_stack("gru_minimal", "none").cells[0], MinimalGRU)
    cell = make_stack("lstm", "diagonal").cells[0]
    assert isinstance(cell, PeepholeLSTM) and cell.peepholes == "diagonal"


@pytest.mark.parametrize(
    ("name", "dirs", "label"),
    [
        ("cells.3.W_u", 2, "W_u (layer 2, backward)"),
        ("cells.2.P_o", 2, "P_o (layer 2, forward)"),
        ("cells.0.U_h", 1, "U_h (layer 1)"),
        ("cells.2.b_c", 1, "b_c (layer 3)"),
        ("blocks.rnn.cells.1.W_r", 2, "W_r (layer 1, backward)"),
        ("head.weight", 2, "head.weight"),
    ],
)
def test_lecture_name(name, dirs, label):
    assert lecture_name(name, dirs) == label
