"""Recurrent layers with a hand-written backward pass through time.

Why this module exists
----------------------
Autograd records every small operation of an eager time loop (a dozen per step per
layer) and replays them backwards one by one; on a CPU that bookkeeping, not the
arithmetic, made the lecture's cells two to four times slower than ``nn.LSTM``. Here
each recurrent layer is one ``torch.autograd.Function``:

* its forward projects the inputs of all steps with one matmul straight into a (T, B, G)
  buffer, then runs the time loop without autograd, adding h(t-1) W^T to each step's row
  in place and activating the gates there (``out=`` and in-place operations, so a step
  allocates next to nothing); the buffer ends up holding the activated gates that the
  backward pass needs;
* its backward runs the reverse loop with one matmul per step for dL/dh(t-1) (two when
  a gate needs a second product, as the peepholes and the lecture's relevance gate do)
  and a few element-wise products whose factors are computed for all steps at once;
  then every weight gradient is one big matmul over all T*B rows,
  ``dW = sum_t dpre(t)^T h(t-1)``, and likewise ``dU``, ``db`` and ``dx``.

The backward loop computes the whole dL/dh(t) of every step anyway: a layer given a
:class:`TimeGradientSink` records ||dL/dh(t)|| there, which is how the trainer measures
the gradient through time for little more than the cost of a plain step.

Conventions
-----------
Each layer takes its input x (T, B, I), time-major; the input matrix ``u`` (G, I), the
bias ``b`` (G,) and the recurrent matrix ``w`` (G, H) of all its gates stacked, so that
the pre-activations are ``pre(t) = x(t) u^T + b + h(t-1) w^T``; and initial states
(B, H). It returns the states of every step (T, B, H). Gate layouts: LSTM ``u, f, c, o``
(nn.LSTM's ``i, f, g, o``); lecture GRU ``u, r, h``; minimal GRU ``u, h``;
:func:`torch_stack` runs ``nn.RNN`` / ``nn.GRU`` / ``nn.LSTM`` parameters, in PyTorch's
layout, through the same kind of kernels. Nothing here masks: callers run the padding of
short rows with zero inputs and read each row's state at its last real step, as
:class:`engine.cells.RecurrentStack` does. A tanh is computed as 2 sigmoid(2z) - 1 (the
same function to rounding; on a CPU sigmoid is about three times faster). Double
backward is not supported (``once_differentiable``).

Everything here is eager Python: TorchScript, ``torch.export`` and ``torch.compile``
keep using the cells' plain time loops (see :func:`wanted`), which compute the same
function and are the reference the tests hold these kernels to.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.autograd.function import once_differentiable

__all__ = [
    "PEEPHOLE_CODES",
    "TimeGradientSink",
    "disabled",
    "gru_lecture",
    "gru_lecture_forward",
    "gru_minimal",
    "gru_minimal_forward",
    "lstm",
    "lstm_forward",
    "torch_direction",
    "torch_stack",
    "wanted",
]

# peephole mode -> the code the LSTM kernels switch on
PEEPHOLE_CODES = {"none": 0, "diagonal": 1, "full": 2}


class TimeGradientSink:
    """Where a layer's backward pass leaves ||dL/dh(t)|| for t = 0 .. steps-1.

    ``steps`` is the length to report (the batch's padded length); steps a layer never
    ran (past the longest row) read zero.
    """

    def __init__(self, steps: int) -> None:
        self.steps = steps
        self.norms: Tensor | None = None

    def record(self, dh: Tensor) -> None:
        """Keep the norms of a (T', B, H) gradient, T' <= steps."""
        norms = dh.detach().float().pow(2).sum(dim=(1, 2)).sqrt()
        if norms.numel() < self.steps:
            norms = F.pad(norms, [0, self.steps - norms.numel()])
        self.norms = norms

    def table_row(self) -> Tensor:
        """The recorded norms, or zeros when no gradient reached the layer."""
        return self.norms if self.norms is not None else torch.zeros(self.steps)


_switch = threading.local()


def wanted() -> bool:
    """Whether the hand-written layers may run now: not while torch traces or compiles."""
    return (getattr(_switch, "on", True)
            and not (torch.jit.is_tracing() or torch.compiler.is_compiling()))


@contextlib.contextmanager
def disabled() -> Iterator[None]:
    """Run the cells' plain autograd loops on this thread (the reference, for tests and
    benchmarks)."""
    before = getattr(_switch, "on", True)
    _switch.on = False
    try:
        yield
    finally:
        _switch.on = before


# --------------------------------------------------------------------------- shared pieces


def _needs_autograd(*tensors: Tensor | None) -> bool:
    return torch.is_grad_enabled() and any(t is not None and t.requires_grad for t in tensors)


def _project(x: Tensor, u: Tensor, b: Tensor) -> tuple[Tensor, Tensor]:
    """(x as (T*B, I), x u^T + b for every step in a fresh (T, B, G) buffer)."""
    steps, batch, _ = x.shape
    flat = x.reshape(steps * batch, -1)
    return flat, torch.addmm(b, flat, u.t()).view(steps, batch, -1)


def _input_grads(need: tuple[bool, ...], dpre: Tensor, flat_x: Tensor,
                 u: Tensor) -> tuple[Tensor | None, Tensor | None, Tensor | None]:
    """(dx, du, db) from the pre-activations' gradient (T, B, G), need = (x, u, b)."""
    steps, batch, width = dpre.shape
    d = dpre.view(steps * batch, width)
    dx = torch.mm(d, u).view(steps, batch, -1) if need[0] else None
    du = torch.mm(d.t(), flat_x) if need[1] else None
    db = d.sum(0) if need[2] else None
    return dx, du, db


def _weight_grad(dpre: Tensor, h0: Tensor, h_all: Tensor) -> Tensor:
    """sum_t dpre(t)^T h(t-1) (h(-1) = h0) as one (G, T*B) x (T*B, H) matmul.

    ``dpre`` may be a column slice of a larger (T, B, G') buffer: its rows are read in
    place through their stride, not copied.
    """
    steps, batch, width = dpre.shape
    grad = torch.mm(dpre[0].t(), h0)
    if steps > 1:
        flat = dpre.as_strided(((steps - 1) * batch, width), (dpre.stride(1), dpre.stride(2)),
                               dpre.storage_offset() + dpre.stride(0))
        grad.addmm_(flat.t(), h_all[:-1].reshape(-1, h_all.size(2)))
    return grad


def _prev_times(factor: Tensor, first: Tensor, states: Tensor,
                out: Tensor | None = None) -> Tensor:
    """factor(t) * state(t-1) for every t, with state(-1) = first, without a (T, B, H) cat."""
    out = torch.empty_like(factor) if out is None else out
    torch.mul(factor[0], first, out=out[0])
    torch.mul(factor[1:], states[:-1], out=out[1:])
    return out


def _prev_minus(first: Tensor, states: Tensor, other: Tensor) -> Tensor:
    """other(t) - state(t-1) for every t, with state(-1) = first."""
    out = torch.empty_like(other)
    torch.sub(other[0], first, out=out[0])
    torch.sub(other[1:], states[:-1], out=out[1:])
    return out


def _sigmoid_slope(s: Tensor, out: Tensor) -> Tensor:
    """s (1 - s) in one pass: the derivative of the sigmoid that gave s."""
    return torch.addcmul(s, s, s, value=-1, out=out)


def _tanh_(z: Tensor) -> Tensor:
    """tanh in place as 2 sigmoid(2z) - 1 (see the module docstring)."""
    return z.mul_(2.0).sigmoid_().mul_(2.0).sub_(1.0)


def _grads(ctx: Any, *grads: Tensor | None) -> tuple[Tensor | None, ...]:
    """Drop the gradients autograd did not ask for."""
    return tuple(g if need else None for g, need in zip(grads, ctx.needs_input_grad,
                                                        strict=True))


def _start_backward(grad_h: Tensor | None, h_all: Tensor) -> tuple[Tensor, Tensor]:
    """(the gradient arriving at every h(t), the buffer for the total dL/dh(t))."""
    grad_h = torch.zeros_like(h_all) if grad_h is None else grad_h
    dh_all = torch.empty_like(h_all)
    dh_all[-1].copy_(grad_h[-1])
    return grad_h, dh_all


# --------------------------------------------------------------------------- LSTM


def lstm_forward(x: Tensor, u: Tensor, b: Tensor, w: Tensor, p_uf: Tensor | None,
                 p_o: Tensor | None, h0: Tensor, c0: Tensor,
                 mode: int) -> tuple[Tensor, Tensor, Tensor, Tensor, Tensor]:
    """The LSTM's forward pass alone (no autograd; TorchScript compiles it too).

    Arguments as :func:`lstm`, with ``mode`` the peephole code (:data:`PEEPHOLE_CODES`).
    Returns (x as (T*B, I), the gates u f c~ o activated, h_all, c_all, tanh(c_all)).
    """
    flat, gates = _project(x, u, b)
    steps, batch, width = gates.shape
    hs = width // 4
    h_all = gates.new_empty([steps, batch, hs])
    c_all = gates.new_empty([steps, batch, hs])
    tanh_all = gates.new_empty([steps, batch, hs])  # kept: backward would recompute it
    wt = w.t()
    p_uf_t = gates  # placeholders where there are no peepholes; never read then
    p_o_t = gates
    if p_uf is not None and p_o is not None:
        p_uf_t = p_uf.t() if mode == 2 else p_uf
        p_o_t = p_o.t() if mode == 2 else p_o
    h, c = h0, c0
    for t in range(steps):
        g = gates[t].addmm_(h, wt)
        g_uf, g_c, g_o = g[:, : 2 * hs], g[:, 2 * hs : 3 * hs], g[:, 3 * hs :]
        if mode == 2:
            g_uf.addmm_(c, p_uf_t)
        elif mode == 1:
            g_uf.view(batch, 2, hs).addcmul_(c.unsqueeze(1), p_uf_t.view(2, hs))
        # c~ = tanh(z) = 2 sigmoid(2z) - 1: one sigmoid over the gates at once
        g_c.mul_(2.0)
        if mode == 0:
            g.sigmoid_()
        else:
            g[:, : 3 * hs].sigmoid_()  # Go peeps at c(t), so it waits
        g_c.mul_(2.0).sub_(1.0)
        c_new = c_all[t]
        torch.mul(g[:, hs : 2 * hs], c, out=c_new)
        c_new.addcmul_(g[:, :hs], g_c)
        if mode == 2:
            g_o.addmm_(c_new, p_o_t).sigmoid_()
        elif mode == 1:
            g_o.addcmul_(c_new, p_o_t).sigmoid_()
        tanh_c = torch.mul(c_new, 2.0, out=tanh_all[t]).sigmoid_().mul_(2.0).sub_(1.0)
        torch.mul(g_o, tanh_c, out=h_all[t])
        h, c = h_all[t], c_new
    return flat, gates, h_all, c_all, tanh_all


class _LSTM(torch.autograd.Function):
    @staticmethod
    def forward(ctx: Any, x: Tensor, u: Tensor, b: Tensor, w: Tensor, p_uf: Tensor | None,
                p_o: Tensor | None, h0: Tensor, c0: Tensor, mode: int,
                sink: TimeGradientSink | None) -> tuple[Tensor, Tensor]:
        flat, gates, h_all, c_all, tanh_all = lstm_forward(x, u, b, w, p_uf, p_o, h0, c0,
                                                           mode)
        ctx.mode = mode
        ctx.sink = sink
        ctx.set_materialize_grads(False)  # c_all's gradient is mostly absent: skip zeros
        ctx.save_for_backward(flat, u, gates, h_all, c_all, tanh_all, w, p_uf, p_o, h0, c0)
        return h_all, c_all

    @staticmethod
    @once_differentiable
    def backward(ctx: Any, grad_h: Tensor | None,
                 grad_c: Tensor | None) -> tuple[Tensor | None, ...]:
        flat, u_in, gates, h_all, c_all, tanh_c, w, p_uf, p_o, h0, c0 = ctx.saved_tensors
        mode: int = ctx.mode
        steps, batch, width = gates.shape
        hs = width // 4
        u, f, cand, o = gates.split(hs, dim=2)
        # The factors that do not depend on the incoming gradient, for all steps at once:
        # dpre = dc * k for u, f, c~ and dh * k for o; dc(t) gets dh(t) * k_c.
        k = torch.empty_like(gates)
        k_u, k_f, k_cand, k_o = k.split(hs, dim=2)
        one = gates.new_ones(())
        scratch = torch.empty_like(c_all)
        torch.mul(cand, _sigmoid_slope(u, scratch), out=k_u)
        _prev_times(_sigmoid_slope(f, scratch), c0, c_all, out=k_f)
        torch.mul(u, torch.addcmul(one, cand, cand, value=-1, out=scratch), out=k_cand)
        torch.mul(tanh_c, _sigmoid_slope(o, scratch), out=k_o)
        k_c = torch.addcmul(one, tanh_c, tanh_c, value=-1, out=scratch).mul_(o)
        k3 = k[:, :, : 3 * hs].view(steps, batch, 3, hs)
        dpre = torch.empty_like(gates)
        grad_h, dh_all = _start_backward(grad_h, h_all)
        dc = grad_c[-1].clone() if grad_c is not None else torch.zeros_like(c0)
        for t in range(steps - 1, -1, -1):
            dh = dh_all[t]
            if t < steps - 1:
                torch.addmm(grad_h[t], dpre[t + 1], w, out=dh)
            d = dpre[t]
            d_uf, d_o = d[:, : 2 * hs], d[:, 3 * hs :]
            torch.mul(dh, k_o[t], out=d_o)
            dc.addcmul_(dh, k_c[t])
            if mode == 2:
                dc.addmm_(d_o, p_o)
            elif mode == 1:
                dc.addcmul_(d_o, p_o)
            torch.mul(dc.unsqueeze(1), k3[t], out=d[:, : 3 * hs].view(batch, 3, hs))
            # dc(t-1): through the forget gate and the peepholes of Gu, Gf at step t
            if t > 0 and grad_c is not None:
                dc = torch.addcmul(grad_c[t - 1], dc, f[t])
            else:
                dc = dc * f[t]
            if mode == 2:
                dc.addmm_(d_uf, p_uf)
            elif mode == 1:
                dc.addcmul_(d_uf[:, :hs], p_uf[:hs]).addcmul_(d_uf[:, hs:], p_uf[hs:])
        if ctx.sink is not None:
            ctx.sink.record(dh_all)
        need = ctx.needs_input_grad
        dx, du, db = _input_grads(need[:3], dpre, flat, u_in)
        dw = _weight_grad(dpre, h0, h_all) if need[3] else None
        dp_uf = dp_o = None
        if mode == 2:
            if need[4]:
                dp_uf = _weight_grad(dpre[:, :, : 2 * hs], c0, c_all)
            if need[5]:
                dp_o = torch.mm(dpre.view(-1, width)[:, 3 * hs :].t(), c_all.view(-1, hs))
        elif mode == 1:
            if need[4]:
                d_uf = dpre[:, :, : 2 * hs].view(steps, batch, 2, hs)
                dp_uf = (d_uf[0] * c0.unsqueeze(1)).sum(0)
                if steps > 1:
                    dp_uf += (d_uf[1:] * c_all[:-1].unsqueeze(2)).sum((0, 1))
                dp_uf = dp_uf.view(2 * hs)
            if need[5]:
                dp_o = (dpre[:, :, 3 * hs :] * c_all).sum((0, 1))
        dh0 = torch.mm(dpre[0], w) if need[6] else None
        return _grads(ctx, dx, du, db, dw, dp_uf, dp_o, dh0, dc, None, None)


def lstm(x: Tensor, u: Tensor, b: Tensor, w: Tensor, p_uf: Tensor | None,
         p_o: Tensor | None, h0: Tensor, c0: Tensor, peepholes: str = "none",
         sink: TimeGradientSink | None = None) -> tuple[Tensor, Tensor]:
    """The LSTM of :class:`engine.cells.PeepholeLSTM` (and of nn.LSTM) over every step.

    Parameters
    ----------
    x : (T, B, I) time-major input.
    u, b, w : (4H, I), (4H,), (4H, H): the U, b and W of the gates in the order
        u, f, c, o (nn.LSTM's i, f, g, o), stacked.
    p_uf : peepholes of Gu and Gf: (2H, H) stacked matrices for ``"full"``, (2H,) stacked
        vectors for ``"diagonal"``, None for ``"none"``.
    p_o : the peephole of Go: (H, H), (H,) or None likewise.
    h0, c0 : (B, H) initial states.
    sink : where backward leaves ||dL/dh(t)||, or None.

    Returns
    -------
    (h_all, c_all) : (T, B, H) each.
    """
    mode = PEEPHOLE_CODES[peepholes]
    if _needs_autograd(x, u, b, w, p_uf, p_o, h0, c0):
        return _LSTM.apply(x, u, b, w, p_uf, p_o, h0, c0, mode, sink)
    with torch.no_grad():
        _, _, h_all, c_all, _ = lstm_forward(x, u, b, w, p_uf, p_o, h0, c0, mode)
    return h_all, c_all


# --------------------------------------------------------------------------- the lecture's GRU


def gru_lecture_forward(x: Tensor, u: Tensor, b: Tensor, w: Tensor,
                        h0: Tensor) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """The lecture GRU's forward pass alone (no autograd; TorchScript compiles it too).

    Returns (x as (T*B, I), the gates Gu Gr h~ activated, Gr * h(t-1), h_all).
    """
    flat, gates = _project(x, u, b)
    steps, batch, width = gates.shape
    hs = width // 3
    rh = gates.new_empty([steps, batch, hs])
    h_all = gates.new_empty([steps, batch, hs])
    w_ur, w_h = w[: 2 * hs].t(), w[2 * hs :].t()
    h = h0
    for t in range(steps):
        g = gates[t]
        ur = g[:, : 2 * hs].addmm_(h, w_ur).sigmoid_()
        torch.mul(ur[:, hs:], h, out=rh[t])
        # tanh(z) = 2 sigmoid(2z) - 1, the 2z straight from the matmul
        cand = g[:, 2 * hs :].addmm_(rh[t], w_h, beta=2, alpha=2)
        cand.sigmoid_().mul_(2.0).sub_(1.0)
        torch.lerp(h, cand, ur[:, :hs], out=h_all[t])  # Gu h~ + (1 - Gu) h(t-1)
        h = h_all[t]
    return flat, gates, rh, h_all


class _GRULecture(torch.autograd.Function):
    @staticmethod
    def forward(ctx: Any, x: Tensor, u: Tensor, b: Tensor, w: Tensor, h0: Tensor,
                sink: TimeGradientSink | None) -> Tensor:
        flat, gates, rh, h_all = gru_lecture_forward(x, u, b, w, h0)
        ctx.sink = sink
        ctx.save_for_backward(flat, u, gates, rh, h_all, w, h0)
        return h_all

    @staticmethod
    @once_differentiable
    def backward(ctx: Any, grad_h: Tensor) -> tuple[Tensor | None, ...]:
        flat, u_in, gates, rh, h_all, w, h0 = ctx.saved_tensors
        steps, hs = h_all.size(0), h_all.size(2)
        gu, gr, cand = gates.split(hs, dim=2)
        w_ur, w_h = w[: 2 * hs], w[2 * hs :]
        # dpre_u = dh * k_u, dpre_h = dh * k_h, dpre_r = d(Gr h) * k_r;
        # dh(t-1) = dh * keep + d(Gr h) * Gr + [dpre_u, dpre_r] W_ur
        one = h_all.new_ones(())
        scratch = torch.empty_like(h_all)
        k_u = _prev_minus(h0, h_all, cand).mul_(_sigmoid_slope(gu, scratch))
        k_h = torch.addcmul(one, cand, cand, value=-1).mul_(gu)
        k_r = _prev_times(_sigmoid_slope(gr, scratch), h0, h_all)
        keep = torch.sub(one, gu, out=scratch)
        dpre = torch.empty_like(gates)
        grad_h, dh_all = _start_backward(grad_h, h_all)
        dh = dh_all[-1]
        for t in range(steps - 1, -1, -1):
            d = dpre[t]
            torch.mul(dh, k_u[t], out=d[:, :hs])
            torch.mul(dh, k_h[t], out=d[:, 2 * hs :])
            d_rh = torch.mm(d[:, 2 * hs :], w_h)
            torch.mul(d_rh, k_r[t], out=d[:, hs : 2 * hs])
            # dh(t-1), or dL/dh0 after the first step
            nxt = (torch.addcmul(grad_h[t - 1], dh, keep[t], out=dh_all[t - 1]) if t > 0
                   else dh * keep[0])
            dh = nxt.addcmul_(d_rh, gr[t]).addmm_(d[:, : 2 * hs], w_ur)
        if ctx.sink is not None:
            ctx.sink.record(dh_all)
        need = ctx.needs_input_grad
        dx, du, db = _input_grads(need[:3], dpre, flat, u_in)
        dw = None
        if need[3]:
            dw = torch.empty_like(w)
            dw[: 2 * hs] = _weight_grad(dpre[:, :, : 2 * hs], h0, h_all)
            torch.mm(dpre.view(-1, 3 * hs)[:, 2 * hs :].t(), rh.view(-1, hs), out=dw[2 * hs :])
        return _grads(ctx, dx, du, db, dw, dh, None)


def gru_lecture(x: Tensor, u: Tensor, b: Tensor, w: Tensor, h0: Tensor,
                sink: TimeGradientSink | None = None) -> Tensor:
    """The GRU of :class:`engine.cells.LectureGRU` over every step.

    ``u`` (3H, I), ``b`` (3H,) and ``w`` (3H, H) hold the gates in the order u, r, h.
    Returns h_all (T, B, H).
    """
    if _needs_autograd(x, u, b, w, h0):
        return _GRULecture.apply(x, u, b, w, h0, sink)
    with torch.no_grad():
        return gru_lecture_forward(x, u, b, w, h0)[3]


# --------------------------------------------------------------------------- minimal GRU


def gru_minimal_forward(x: Tensor, u: Tensor, b: Tensor, w: Tensor,
                        h0: Tensor) -> tuple[Tensor, Tensor, Tensor]:
    """The minimal GRU's forward pass alone (no autograd; TorchScript compiles it too).

    Returns (x as (T*B, I), the gates Gu h~ activated, h_all).
    """
    flat, gates = _project(x, u, b)
    steps, batch, width = gates.shape
    hs = width // 2
    h_all = gates.new_empty([steps, batch, hs])
    wt = w.t()
    h = h0
    for t in range(steps):
        g = gates[t].addmm_(h, wt)
        g[:, hs:].mul_(2.0)  # tanh(z) = 2 sigmoid(2z) - 1: one sigmoid for both gates
        g.sigmoid_()
        g[:, hs:].mul_(2.0).sub_(1.0)
        torch.lerp(h, g[:, hs:], g[:, :hs], out=h_all[t])
        h = h_all[t]
    return flat, gates, h_all


class _GRUMinimal(torch.autograd.Function):
    @staticmethod
    def forward(ctx: Any, x: Tensor, u: Tensor, b: Tensor, w: Tensor, h0: Tensor,
                sink: TimeGradientSink | None) -> Tensor:
        flat, gates, h_all = gru_minimal_forward(x, u, b, w, h0)
        ctx.sink = sink
        ctx.save_for_backward(flat, u, gates, h_all, w, h0)
        return h_all

    @staticmethod
    @once_differentiable
    def backward(ctx: Any, grad_h: Tensor) -> tuple[Tensor | None, ...]:
        flat, u_in, gates, h_all, w, h0 = ctx.saved_tensors
        steps, batch, hs = h_all.shape
        gu, cand = gates[:, :, :hs], gates[:, :, hs:]
        k = torch.empty_like(gates)  # dpre = dh * k for both gates
        one = h_all.new_ones(())
        keep = torch.empty_like(h_all)
        torch.mul(_prev_minus(h0, h_all, cand), _sigmoid_slope(gu, keep), out=k[:, :, :hs])
        torch.mul(torch.addcmul(one, cand, cand, value=-1, out=keep), gu, out=k[:, :, hs:])
        torch.sub(one, gu, out=keep)
        k2 = k.view(steps, batch, 2, hs)
        dpre = torch.empty_like(gates)
        grad_h, dh_all = _start_backward(grad_h, h_all)
        dh = dh_all[-1]
        for t in range(steps - 1, 0, -1):
            torch.mul(dh.unsqueeze(1), k2[t], out=dpre[t].view(batch, 2, hs))
            dh = torch.addcmul(grad_h[t - 1], dh, keep[t], out=dh_all[t - 1]).addmm_(dpre[t], w)
        torch.mul(dh.unsqueeze(1), k2[0], out=dpre[0].view(batch, 2, hs))
        dh = (dh * keep[0]).addmm_(dpre[0], w)
        if ctx.sink is not None:
            ctx.sink.record(dh_all)
        need = ctx.needs_input_grad
        dx, du, db = _input_grads(need[:3], dpre, flat, u_in)
        dw = _weight_grad(dpre, h0, h_all) if need[3] else None
        return _grads(ctx, dx, du, db, dw, dh, None)


def gru_minimal(x: Tensor, u: Tensor, b: Tensor, w: Tensor, h0: Tensor,
                sink: TimeGradientSink | None = None) -> Tensor:
    """The GRU of :class:`engine.cells.MinimalGRU` over every step.

    ``u`` (2H, I), ``b`` (2H,) and ``w`` (2H, H) hold the gates in the order u, h.
    Returns h_all (T, B, H).
    """
    if _needs_autograd(x, u, b, w, h0):
        return _GRUMinimal.apply(x, u, b, w, h0, sink)
    with torch.no_grad():
        return gru_minimal_forward(x, u, b, w, h0)[2]


# --------------------------------------------------------------------------- nn.GRU's cell


class _TorchGRU(torch.autograd.Function):
    """``nn.GRU``'s cell: r, z = sigma(...), n = tanh(W_in x + b_in + r (W_hn h + b_hn)),
    h = (1 - z) n + z h(t-1); ``b`` is b_ih, ``b_hh`` the recurrent bias."""

    @staticmethod
    def forward(ctx: Any, x: Tensor, u: Tensor, b: Tensor, w: Tensor, b_hh: Tensor,
                h0: Tensor, sink: TimeGradientSink | None) -> Tensor:
        flat, gates = _project(x, u, b)  # becomes r, z, n activated
        steps, batch, width = gates.shape
        hs = width // 3
        hn = gates.new_empty([steps, batch, hs])  # W_hn h(t-1) + b_hn, kept for backward
        h_all = gates.new_empty([steps, batch, hs])
        gh = gates.new_empty([batch, width])
        wt = w.t()
        h = h0
        for t in range(steps):
            torch.addmm(b_hh, h, wt, out=gh)
            g = gates[t]
            rz = g[:, : 2 * hs].add_(gh[:, : 2 * hs]).sigmoid_()
            hn[t].copy_(gh[:, 2 * hs :])
            n = _tanh_(g[:, 2 * hs :].addcmul_(rz[:, :hs], hn[t]))
            torch.lerp(n, h, rz[:, hs:], out=h_all[t])  # (1 - z) n + z h(t-1)
            h = h_all[t]
        ctx.sink = sink
        ctx.save_for_backward(flat, u, gates, hn, h_all, w, h0)
        return h_all

    @staticmethod
    @once_differentiable
    def backward(ctx: Any, grad_h: Tensor) -> tuple[Tensor | None, ...]:
        flat, u_in, gates, hn, h_all, w, h0 = ctx.saved_tensors
        steps, batch, hs = h_all.shape
        r, z, n = gates.split(hs, dim=2)
        # dpre_n = dh * k_n, and the recurrent n term W_hn h + b_hn gets dpre_n * r;
        # dpre_r = dh * k_r, dpre_z = dh * k_z (k in the layout r, z, n of W_hh's rows)
        one = h_all.new_ones(())
        k_n = torch.addcmul(one, n, n, value=-1).mul_(1 - z)
        k = torch.empty_like(gates)
        torch.mul(k_n * hn, torch.addcmul(r, r, r, value=-1), out=k[:, :, :hs])
        torch.mul(_prev_minus(h0, h_all, n).neg_(), torch.addcmul(z, z, z, value=-1),
                  out=k[:, :, hs : 2 * hs])
        torch.mul(k_n, r, out=k[:, :, 2 * hs :])
        # k becomes, step by step in place, dgh: the gradient of W_h h(t-1) + b_hh (one
        # buffer fewer than writing it apart: this layer must not need more memory than
        # nn.GRU's own backward)
        k3 = k.view(steps, batch, 3, hs)
        grad_h, dh_all = _start_backward(grad_h, h_all)
        dh = dh_all[-1]
        for t in range(steps - 1, 0, -1):
            k3[t].mul_(dh.unsqueeze(1))
            dh = torch.addcmul(grad_h[t - 1], dh, z[t], out=dh_all[t - 1]).addmm_(k[t], w)
        k3[0].mul_(dh.unsqueeze(1))
        dh = (dh * z[0]).addmm_(k[0], w)
        if ctx.sink is not None:
            ctx.sink.record(dh_all)
        need = ctx.needs_input_grad
        dw = _weight_grad(k, h0, h_all) if need[3] else None
        db_hh = k.sum((0, 1)) if need[4] else None
        dx = du = db = None
        if any(need[:3]):
            # the input's n term is not gated by r: its gradient is dh k_n, written over
            # dgh's n part, which dw and db_hh have read
            torch.mul(dh_all, k_n, out=k[:, :, 2 * hs :])
            dx, du, db = _input_grads(need[:3], k, flat, u_in)
        return _grads(ctx, dx, du, db, dw, db_hh, dh, None)


# --------------------------------------------------------------------------- Elman RNN


class _RNN(torch.autograd.Function):
    """h(t) = tanh or relu(x(t) u^T + b + h(t-1) w^T); ``active`` (T, B, 1), for relu on a
    padded batch, zeroes the state over each row's padding."""

    @staticmethod
    def forward(ctx: Any, x: Tensor, u: Tensor, b: Tensor, w: Tensor, h0: Tensor, relu: bool,
                active: Tensor | None, sink: TimeGradientSink | None) -> Tensor:
        flat, h_all = _project(x, u, b)  # each row becomes h(t) in place
        wt = w.t()
        h = h0
        for t in range(h_all.size(0)):
            if relu:
                h = h_all[t].addmm_(h, wt).relu_()
                if active is not None:
                    # A ReLU state could grow without bound over a row's padding: zero it
                    # there (its slope below is then 0 too, so the gradient stays exact).
                    h.mul_(active[t])
            else:  # tanh(z) = 2 sigmoid(2z) - 1, the 2z straight from the matmul
                h = h_all[t].addmm_(h, wt, beta=2, alpha=2)
                h.sigmoid_().mul_(2.0).sub_(1.0)
        ctx.relu = relu
        ctx.sink = sink
        ctx.save_for_backward(flat, u, h_all, w, h0)
        return h_all

    @staticmethod
    @once_differentiable
    def backward(ctx: Any, grad_h: Tensor) -> tuple[Tensor | None, ...]:
        flat, u_in, h_all, w, h0 = ctx.saved_tensors
        steps = h_all.size(0)
        # the activation's slope, which becomes dL/dpre in place, step by step
        if ctx.relu:
            dpre = (h_all > 0).to(h_all.dtype)
        else:
            dpre = torch.addcmul(h_all.new_ones(()), h_all, h_all, value=-1)
        grad_h = torch.zeros_like(h_all) if grad_h is None else grad_h
        # dL/dh(t) of every step is kept only for a measuring step's sink
        dh_all = torch.empty_like(h_all) if ctx.sink is not None else None
        dh = grad_h[-1]
        if dh_all is not None:
            dh_all[-1].copy_(dh)
        for t in range(steps - 1, 0, -1):
            dh = torch.addmm(grad_h[t - 1], dpre[t].mul_(dh), w,
                             out=None if dh_all is None else dh_all[t - 1])
        dpre[0].mul_(dh)
        if dh_all is not None:
            ctx.sink.record(dh_all)
        need = ctx.needs_input_grad
        dx, du, db = _input_grads(need[:3], dpre, flat, u_in)
        dw = _weight_grad(dpre, h0, h_all) if need[3] else None
        dh0 = torch.mm(dpre[0], w) if need[4] else None
        return _grads(ctx, dx, du, db, dw, dh0, None, None, None)


# --------------------------------------------------------------------------- nn.RNN/GRU/LSTM


def torch_direction(rnn: nn.RNNBase, x: Tensor, weights: tuple[Tensor, Tensor, Tensor, Tensor],
                    h0: Tensor, active: Tensor | None = None,
                    sink: TimeGradientSink | None = None) -> Tensor:
    """One direction of one layer of an ``nn.RNN`` or ``nn.GRU``, through these kernels.

    ``x`` (T, B, I) time-major; ``weights`` (w_ih, w_hh, b_ih, b_hh) of that direction and
    layer; ``h0`` (B, H); ``active`` (T, B, 1) the real steps, which a ReLU layer needs to
    keep its state at zero over the padding (None: every step is real). Returns every
    state (T, B, H).
    """
    w_ih, w_hh, b_ih, b_hh = weights
    if isinstance(rnn, nn.GRU):
        return _TorchGRU.apply(x, w_ih, b_ih, w_hh, b_hh, h0, sink)
    if isinstance(rnn, nn.LSTM):
        raise ValueError("torch_direction runs nn.RNN and nn.GRU layers; see lstm()")
    relu = rnn.nonlinearity == "relu"
    mask = active.to(x.dtype) if relu and active is not None else None
    return _RNN.apply(x, w_ih, b_ih + b_hh, w_hh, h0, relu, mask, sink)


def torch_stack(rnn: nn.RNNBase, x: Tensor, lengths: Tensor, h0: Tensor | None,
                c0: Tensor | None,
                sinks: list[TimeGradientSink] | None = None,
                ) -> tuple[Tensor, Tensor, Tensor | None]:
    """A unidirectional ``nn.RNN`` / ``nn.GRU`` / ``nn.LSTM`` run through these kernels.

    The same function as the layer itself on a padded batch packed by its lengths
    (dropout between layers included), on its own parameters, so gradients reach them.

    Parameters
    ----------
    rnn : a ``batch_first`` layer with one direction and no projection.
    x : (B, T, I) input; lengths (B,) its real lengths, on the CPU.
    h0, c0 : (L, B, H) initial states or None for zeros (c0: LSTM only).
    sinks : one per layer, to receive ||dL/dh(t)||, or None.

    Returns
    -------
    (out (B, T, H) zero on padding, h_n (L, B, H), c_n (L, B, H) or None).
    """
    if rnn.bidirectional or not rnn.batch_first or rnn.proj_size:
        raise ValueError("torch_stack runs batch-first, one-directional layers only")
    batch, steps = x.size(0), x.size(1)
    longest = int(lengths.max())
    padded = int(lengths.min()) < longest
    is_lstm = isinstance(rnn, nn.LSTM)
    shape = (rnn.num_layers, batch, rnn.hidden_size)
    h0 = x.new_zeros(shape) if h0 is None else h0
    c0 = x.new_zeros(shape) if c0 is None and is_lstm else c0
    layer_in = x[:, :longest].transpose(0, 1)
    active: Tensor | None = None
    if padded:
        on_device = lengths.to(x.device)
        time = torch.arange(longest, device=x.device).unsqueeze(1)
        active = (time < on_device.unsqueeze(0)).unsqueeze(2)  # (T', B, 1)
        # Whatever sits in the padding (even NaN) must not reach real outputs or grads.
        layer_in = torch.where(active, layer_in, torch.zeros_like(layer_in))
        last, rows = on_device - 1, torch.arange(batch, device=x.device)
    h_n: list[Tensor] = []
    c_n: list[Tensor] = []
    for layer in range(rnn.num_layers):
        w_ih = getattr(rnn, f"weight_ih_l{layer}")
        w_hh = getattr(rnn, f"weight_hh_l{layer}")
        b_ih = getattr(rnn, f"bias_ih_l{layer}")
        b_hh = getattr(rnn, f"bias_hh_l{layer}")
        sink = sinks[layer] if sinks is not None else None
        if is_lstm:
            assert c0 is not None
            # nn.LSTM's gate order i, f, g, o is the kernel's u, f, c, o
            h_all, c_all = lstm(layer_in, w_ih, b_ih + b_hh, w_hh, None, None, h0[layer],
                                c0[layer], sink=sink)
            c_n.append(c_all[last, rows] if padded else c_all[-1])
        else:
            h_all = torch_direction(rnn, layer_in, (w_ih, w_hh, b_ih, b_hh), h0[layer],
                                    active, sink)
        h_n.append(h_all[last, rows] if padded else h_all[-1])
        layer_in = h_all
        if rnn.dropout > 0 and rnn.training and layer < rnn.num_layers - 1:
            layer_in = F.dropout(layer_in, rnn.dropout, True)
    out = layer_in
    if padded:
        assert active is not None
        out = torch.where(active, out, torch.zeros_like(out))
    out = out.transpose(0, 1)
    if longest < steps:
        out = F.pad(out, [0, 0, 0, steps - longest])
    return out, torch.stack(h_n), torch.stack(c_n) if is_lstm else None
