"""Recurrent cells that PyTorch's fused layers do not compute, named as in the lecture.

PyTorch's ``nn.GRU`` puts the reset gate inside the candidate's recurrent term and has no
minimal GRU, and ``nn.LSTM`` has no peepholes. This module implements those cells exactly
as taught, with one parameter per gate and per source, so a student reads ``W_u`` and
finds the matrix of the slide.

Notation
--------
x(t) input (size I), h(t) hidden state and output (size H), c(t) LSTM cell state,
sigma the logistic sigmoid, ``*`` the element-wise product. For every gate g:
``W_g`` (H x H) multiplies h(t-1), ``U_g`` (H x I) multiplies x(t), ``b_g`` (H) is its
bias, and for a peephole LSTM ``P_g`` multiplies c.

Lecture GRU (:class:`LectureGRU`, cell ``"gru_lecture"``)::

    Gu   = sigma(W_u h(t-1) + U_u x(t) + b_u)
    Gr   = sigma(W_r h(t-1) + U_r x(t) + b_r)
    h~   = tanh(W_h (Gr * h(t-1)) + U_h x(t) + b_h)
    h(t) = Gu * h~ + (1 - Gu) * h(t-1)

(The slide writes Gr in front of h~ in the last line; that is a typo for Gu.)

Minimal GRU (:class:`MinimalGRU`, cell ``"gru_minimal"``): the same without Gr,
``h~ = tanh(W_h h(t-1) + U_h x(t) + b_h)``.

LSTM with optional peepholes (:class:`PeepholeLSTM`, cell ``"lstm"``)::

    Gu   = sigma(W_u h(t-1) + U_u x(t) + P_u c(t-1) + b_u)
    Gf   = sigma(W_f h(t-1) + U_f x(t) + P_f c(t-1) + b_f)
    c~   = tanh(W_c h(t-1) + U_c x(t) + b_c)
    c(t) = Gu * c~ + Gf * c(t-1)
    Go   = sigma(W_o h(t-1) + U_o x(t) + P_o c(t) + b_o)
    h(t) = Go * tanh(c(t))

``peepholes="full"`` makes each ``P_g`` an H x H matrix (the lecture's M [c, h, x]);
``"diagonal"`` makes it a vector of H multiplied element-wise (Gers & Schmidhuber 2000);
``"none"`` drops the P terms and registers no P parameters: it is then the plain LSTM that
``nn.LSTM`` computes (gate order i, f, g, o = u, f, c, o; ``weight_ih`` rows are the U,
``weight_hh`` rows the W, ``bias_ih + bias_hh`` the b).

Speed
-----
Each cell concatenates its per-gate parameters once per call (so gradients reach the
named parameters), projects the inputs of all time steps with one matmul, and does one
fused matmul per step for the recurrent terms of all gates. In eager mode the time loop
runs in :mod:`engine.fastrnn`, whose hand-written backward pass replaces autograd's
step-by-step replay (and reports dL/dh(t) to a :class:`engine.fastrnn.TimeGradientSink`
set in ``time_sink``). A scripted cell (an exported model) runs the same forward kernels
when no gradient is wanted. The loops written out below are what TorchScript trains
with, what ``torch.export`` and ``torch.compile`` trace, and the reference the fast path
is tested against.

Stacking, directions and masking
--------------------------------
:class:`RecurrentStack` holds ``num_layers`` layers of one cell type, each with one or two
directions, in ``self.cells`` at index ``layer * D + direction`` (D = 2 when
bidirectional), so parameters read ``cells.0.W_u``, ``cells.1.W_u``, ... Its layout matches
``nn.LSTM(batch_first=True)``: outputs concatenate [forward, backward], states are ordered
[layer 0 forward, layer 0 backward, layer 1 forward, ...], dropout acts on the output of
every layer except the last and only in training mode.

Inputs are padded batches with their real lengths. Steps ``t >= lengths[b]`` are padding:
the state is frozen there (the final state is the state after the last real step) and the
outputs there are zero. The backward direction reads each sequence reversed within its
own length, so its final state is the one after reading x(0) and ``out[b, t]`` aligns with
x(t). Because the real steps of a row always form a prefix (also after that reversal), the
stack runs the cells over the padding unmasked and then reads each row's state at its last
real step: the same values and gradients as freezing it, without masking every step.
"""

# No `from __future__ import annotations` here: TorchScript reads the annotations
# (Final, Tensor | None) as evaluated objects and rejects them as strings.
import math
import re
from typing import Final

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from engine import fastrnn

__all__ = [
    "CELL_TYPES",
    "PEEPHOLE_MODES",
    "LectureGRU",
    "MinimalGRU",
    "PeepholeLSTM",
    "RecurrentStack",
    "lecture_name",
]

CELL_TYPES: tuple[str, ...] = ("gru_lecture", "gru_minimal", "lstm")
PEEPHOLE_MODES: tuple[str, ...] = ("none", "full", "diagonal")

Device = torch.device | str | int | None


class _LectureCell(nn.Module):
    """Shared construction of the lecture's cells: named per-gate parameters.

    Subclasses set ``gates`` (the gate letters, in the order the fused matrices use) and
    implement ``forward(x, h0, c0) -> (h_all, c_all)`` on one time-major sequence.
    """

    input_size: Final[int]
    hidden_size: Final[int]

    def __init__(
        self,
        gates: str,
        input_size: int,
        hidden_size: int,
        device: Device = None,
        dtype: torch.dtype | None = None,
        peephole_shape: tuple[int, ...] | None = None,
    ) -> None:
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        factory = {"device": device, "dtype": dtype}
        # Registration order is the lecture's (W_u, U_u, b_u, P_u, W_f, ...): it is the order
        # named_parameters() lists them in, hence the order a student sees them.
        for g in gates:
            self.register_parameter(
                f"W_{g}", nn.Parameter(torch.empty(hidden_size, hidden_size, **factory))
            )
            self.register_parameter(
                f"U_{g}", nn.Parameter(torch.empty(hidden_size, input_size, **factory))
            )
            self.register_parameter(f"b_{g}", nn.Parameter(torch.empty(hidden_size, **factory)))
            if g in "ufo" and peephole_shape is not None:
                self.register_parameter(
                    f"P_{g}", nn.Parameter(torch.empty(peephole_shape, **factory))
                )
        # Set (a fastrnn.TimeGradientSink) only while a measuring step runs this cell.
        self.time_sink = None

    def reset_parameters(self) -> None:
        """Draw every parameter from U(-1/sqrt(H), 1/sqrt(H)), as PyTorch's RNNs do."""
        bound = 1.0 / math.sqrt(self.hidden_size)
        with torch.no_grad():
            for p in self.parameters():
                p.uniform_(-bound, bound)

    def extra_repr(self) -> str:
        return f"{self.input_size}, {self.hidden_size}"


def _project(x: Tensor, u: Tensor, b: Tensor) -> Tensor:
    """U x(t) + b for every step at once: (T, B, I) -> (T, B, rows of u)."""
    t, batch, _ = x.shape
    return torch.addmm(b, x.reshape(t * batch, -1), u.t()).view(t, batch, -1)


class LectureGRU(_LectureCell):
    """The lecture's GRU with relevance gate Gr (see the module docstring).

    Parameters: ``W_u, U_u, b_u, W_r, U_r, b_r, W_h, U_h, b_h``.
    """

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        device: Device = None,
        dtype: torch.dtype | None = None,
    ) -> None:
        super().__init__("urh", input_size, hidden_size, device, dtype)
        self.reset_parameters()

    def forward(self, x: Tensor, h0: Tensor, c0: Tensor) -> tuple[Tensor, Tensor]:
        """Run one sequence batch.

        Parameters
        ----------
        x : (T, B, I) time-major input.
        h0 : (B, H) initial state.
        c0 : unused; there for the interface shared with the LSTM.

        Returns
        -------
        (h_all, h_all): the states h(1..T), (T, B, H), twice (a GRU has no cell state).
        """
        if not torch.jit.is_scripting():
            fast = self._fast(x, h0)
            if fast is not None:
                return fast, fast
        elif not torch.is_grad_enabled():
            # scripted inference (an exported model): the fast path's own forward kernel
            h_all = fastrnn.gru_lecture_forward(x, *self._stacked(), h0)[3]
            return h_all, h_all
        hs = self.hidden_size
        xp = _project(
            x,
            torch.cat([self.U_u, self.U_r, self.U_h]),
            torch.cat([self.b_u, self.b_r, self.b_h]),
        )
        # unbind, not xp[t]: one backward node instead of a full-size zero grad per step.
        xp_ur, xp_h = xp.split([2 * hs, hs], 2)
        w_ur = torch.cat([self.W_u, self.W_r]).t()
        w_h = self.W_h.t()
        xs_h = xp_h.unbind(0)
        h = h0
        outs: list[Tensor] = []
        for t, xt_ur in enumerate(xp_ur.unbind(0)):
            gu, gr = torch.sigmoid(torch.addmm(xt_ur, h, w_ur)).chunk(2, 1)
            cand = torch.tanh(torch.addmm(xs_h[t], gr * h, w_h))
            h = torch.lerp(h, cand, gu)  # h + Gu (h~ - h) = Gu h~ + (1 - Gu) h
            outs.append(h)
        out = torch.stack(outs)
        return out, out

    def _stacked(self) -> tuple[Tensor, Tensor, Tensor]:
        """U, b and W of the gates u, r, h stacked, as engine.fastrnn takes them."""
        return (
            torch.cat([self.U_u, self.U_r, self.U_h]),
            torch.cat([self.b_u, self.b_r, self.b_h]),
            torch.cat([self.W_u, self.W_r, self.W_h]),
        )

    @torch.jit.unused
    def _fast(self, x: Tensor, h0: Tensor) -> Tensor | None:
        if not fastrnn.wanted():
            return None
        return fastrnn.gru_lecture(x, *self._stacked(), h0, self.time_sink)


class MinimalGRU(_LectureCell):
    """The lecture's minimal GRU: an update gate, no relevance gate.

    Parameters: ``W_u, U_u, b_u, W_h, U_h, b_h``.
    """

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        device: Device = None,
        dtype: torch.dtype | None = None,
    ) -> None:
        super().__init__("uh", input_size, hidden_size, device, dtype)
        self.reset_parameters()

    def forward(self, x: Tensor, h0: Tensor, c0: Tensor) -> tuple[Tensor, Tensor]:
        """Run one sequence batch; same contract as :meth:`LectureGRU.forward`."""
        if not torch.jit.is_scripting():
            fast = self._fast(x, h0)
            if fast is not None:
                return fast, fast
        elif not torch.is_grad_enabled():
            # scripted inference (an exported model): the fast path's own forward kernel
            h_all = fastrnn.gru_minimal_forward(x, *self._stacked(), h0)[2]
            return h_all, h_all
        xp = _project(x, torch.cat([self.U_u, self.U_h]), torch.cat([self.b_u, self.b_h]))
        # Both gates read the same h(t-1): one matmul per step for both.
        w = torch.cat([self.W_u, self.W_h]).t()
        h = h0
        outs: list[Tensor] = []
        for xt in xp.unbind(0):
            pre_u, pre_h = torch.addmm(xt, h, w).chunk(2, 1)
            h = torch.lerp(h, torch.tanh(pre_h), torch.sigmoid(pre_u))
            outs.append(h)
        out = torch.stack(outs)
        return out, out

    def _stacked(self) -> tuple[Tensor, Tensor, Tensor]:
        """U, b and W of the gates u, h stacked, as engine.fastrnn takes them."""
        return (
            torch.cat([self.U_u, self.U_h]),
            torch.cat([self.b_u, self.b_h]),
            torch.cat([self.W_u, self.W_h]),
        )

    @torch.jit.unused
    def _fast(self, x: Tensor, h0: Tensor) -> Tensor | None:
        if not fastrnn.wanted():
            return None
        return fastrnn.gru_minimal(x, *self._stacked(), h0, self.time_sink)


class PeepholeLSTM(_LectureCell):
    """The lecture's LSTM, with peepholes ``"none"``, ``"full"`` or ``"diagonal"``.

    Parameters, in this order: ``W_u, U_u, b_u, (P_u), W_f, U_f, b_f, (P_f), W_o, U_o, b_o,
    (P_o), W_c, U_c, b_c``; the P exist only with peepholes (H x H full, H diagonal).
    """

    full_peepholes: Final[bool]
    peephole_code: Final[int]

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        peepholes: str = "none",
        device: Device = None,
        dtype: torch.dtype | None = None,
    ) -> None:
        if peepholes not in PEEPHOLE_MODES:
            raise ValueError(
                f"peepholes must be one of {', '.join(PEEPHOLE_MODES)}, not {peepholes!r}"
            )
        shape = {"none": None, "full": (hidden_size, hidden_size), "diagonal": (hidden_size,)}
        # Fused order u, f, o, c: the three sigmoid gates are contiguous.
        super().__init__("ufoc", input_size, hidden_size, device, dtype, shape[peepholes])
        self.peepholes = peepholes
        self.full_peepholes = peepholes == "full"
        self.peephole_code = fastrnn.PEEPHOLE_CODES[peepholes]
        if peepholes == "none":
            # Registered as None so TorchScript drops the peephole branch statically.
            for g in "ufo":
                self.register_parameter(f"P_{g}", None)
        self.reset_parameters()

    def extra_repr(self) -> str:
        return f"{self.input_size}, {self.hidden_size}, peepholes={self.peepholes!r}"

    def forward(self, x: Tensor, h0: Tensor, c0: Tensor) -> tuple[Tensor, Tensor]:
        """Run one sequence batch.

        Parameters
        ----------
        x : (T, B, I) time-major input.
        h0, c0 : (B, H) initial hidden and cell state.

        Returns
        -------
        (h_all, c_all): h(1..T) and c(1..T), each (T, B, H).
        """
        if not torch.jit.is_scripting():
            fast = self._fast(x, h0, c0)
            if fast is not None:
                return fast
        elif not torch.is_grad_enabled():
            # scripted inference (an exported model): the fast path's own forward kernel
            u, b, w, p_uf = self._stacked()
            _, _, h_all, c_all, _ = fastrnn.lstm_forward(
                x, u, b, w, p_uf, self.P_o, h0, c0, self.peephole_code
            )
            return h_all, c_all
        xp = _project(
            x,
            torch.cat([self.U_u, self.U_f, self.U_o, self.U_c]),
            torch.cat([self.b_u, self.b_f, self.b_o, self.b_c]),
        )
        w = torch.cat([self.W_u, self.W_f, self.W_o, self.W_c]).t()
        p_u, p_f, p_o = self.P_u, self.P_f, self.P_o
        if p_u is not None and p_f is not None and p_o is not None:
            p_uf = torch.cat([p_u, p_f])
            if self.full_peepholes:
                return self._run_full(xp, w, p_uf.t(), p_o.t(), h0, c0)
            return self._run_diagonal(xp, w, p_uf, p_o, h0, c0)
        return self._run_plain(xp, w, h0, c0)

    def _stacked(self) -> tuple[Tensor, Tensor, Tensor, Tensor | None]:
        """U, b, W of the gates and [P_u, P_f], as engine.fastrnn takes them.

        The kernels' gate order is u, f, c, o: c~ and the Go that peeps at c(t) apart.
        """
        p_u, p_f = self.P_u, self.P_f
        p_uf: Tensor | None = None
        if p_u is not None and p_f is not None:
            p_uf = torch.cat([p_u, p_f])
        return (
            torch.cat([self.U_u, self.U_f, self.U_c, self.U_o]),
            torch.cat([self.b_u, self.b_f, self.b_c, self.b_o]),
            torch.cat([self.W_u, self.W_f, self.W_c, self.W_o]),
            p_uf,
        )

    @torch.jit.unused
    def _fast(self, x: Tensor, h0: Tensor, c0: Tensor) -> tuple[Tensor, Tensor] | None:
        if not fastrnn.wanted():
            return None
        u, b, w, p_uf = self._stacked()
        return fastrnn.lstm(x, u, b, w, p_uf, self.P_o, h0, c0, self.peepholes, self.time_sink)

    def _run_plain(self, xp: Tensor, w: Tensor, h: Tensor, c: Tensor) -> tuple[Tensor, Tensor]:
        hs = self.hidden_size
        h_out: list[Tensor] = []
        c_out: list[Tensor] = []
        for xt in xp.unbind(0):
            pre_ufo, pre_c = torch.addmm(xt, h, w).split([3 * hs, hs], 1)
            gu, gf, go = torch.sigmoid(pre_ufo).chunk(3, 1)
            c = torch.addcmul(gf * c, gu, torch.tanh(pre_c))
            h = go * torch.tanh(c)
            h_out.append(h)
            c_out.append(c)
        return torch.stack(h_out), torch.stack(c_out)

    def _run_full(
        self, xp: Tensor, w: Tensor, p_uf: Tensor, p_o: Tensor, h: Tensor, c: Tensor
    ) -> tuple[Tensor, Tensor]:
        hs = self.hidden_size
        h_out: list[Tensor] = []
        c_out: list[Tensor] = []
        for xt in xp.unbind(0):
            pre_uf, pre_o, pre_c = torch.addmm(xt, h, w).split([2 * hs, hs, hs], 1)
            # Gu, Gf peep at c(t-1); Go must wait for c(t).
            gu, gf = torch.sigmoid(torch.addmm(pre_uf, c, p_uf)).chunk(2, 1)
            c = torch.addcmul(gf * c, gu, torch.tanh(pre_c))
            h = torch.sigmoid(torch.addmm(pre_o, c, p_o)) * torch.tanh(c)
            h_out.append(h)
            c_out.append(c)
        return torch.stack(h_out), torch.stack(c_out)

    def _run_diagonal(
        self, xp: Tensor, w: Tensor, p_uf: Tensor, p_o: Tensor, h: Tensor, c: Tensor
    ) -> tuple[Tensor, Tensor]:
        hs = self.hidden_size
        h_out: list[Tensor] = []
        c_out: list[Tensor] = []
        for xt in xp.unbind(0):
            pre_uf, pre_o, pre_c = torch.addmm(xt, h, w).split([2 * hs, hs, hs], 1)
            # p_uf is [P_u, P_f]: c(t-1) enters both halves.
            gu, gf = torch.sigmoid(torch.addcmul(pre_uf, torch.cat([c, c], 1), p_uf)).chunk(2, 1)
            c = torch.addcmul(gf * c, gu, torch.tanh(pre_c))
            h = torch.sigmoid(torch.addcmul(pre_o, c, p_o)) * torch.tanh(c)
            h_out.append(h)
            c_out.append(c)
        return torch.stack(h_out), torch.stack(c_out)


class RecurrentStack(nn.Module):
    """Layers of one lecture cell, optionally bidirectional, with nn.LSTM's layout.

    Parameters
    ----------
    cell : ``"gru_lecture"``, ``"gru_minimal"`` or ``"lstm"``.
    input_size, hidden_size : I and H.
    num_layers : L, stacked layers; layer l > 0 reads layer l-1's [forward, backward] output.
    bidirectional : add a backward direction per layer (D = 2).
    dropout : drop probability on every layer's output but the last, training mode only.
    peepholes : ``"none"``, ``"full"`` or ``"diagonal"``; LSTM only.
    """

    num_layers: Final[int]
    num_directions: Final[int]
    hidden_size: Final[int]
    input_size: Final[int]
    dropout: Final[float]

    def __init__(
        self,
        cell: str,
        input_size: int,
        hidden_size: int,
        num_layers: int = 1,
        bidirectional: bool = False,
        dropout: float = 0.0,
        peepholes: str = "none",
        device: Device = None,
        dtype: torch.dtype | None = None,
    ) -> None:
        super().__init__()
        if cell not in CELL_TYPES:
            raise ValueError(
                f"unknown recurrent cell {cell!r}: choose one of {', '.join(CELL_TYPES)}"
            )
        if peepholes not in PEEPHOLE_MODES:
            raise ValueError(
                f"peepholes must be one of {', '.join(PEEPHOLE_MODES)}, not {peepholes!r}"
            )
        if cell != "lstm" and peepholes != "none":
            raise ValueError(f"peepholes belong to the LSTM cell, not to {cell!r}")
        for name, value in (
            ("input_size", input_size),
            ("hidden_size", hidden_size),
            ("num_layers", num_layers),
        ):
            if value < 1:
                raise ValueError(f"{name} must be at least 1, not {value}")
        if not 0.0 <= dropout <= 1.0:
            raise ValueError(f"dropout must be in [0, 1], not {dropout}")
        self.cell = cell
        self.peepholes = peepholes
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bidirectional = bidirectional
        self.num_directions = 2 if bidirectional else 1
        self.dropout = float(dropout)
        cells: list[nn.Module] = []
        for layer in range(num_layers):
            in_size = input_size if layer == 0 else hidden_size * self.num_directions
            for _ in range(self.num_directions):
                if cell == "lstm":
                    cells.append(PeepholeLSTM(in_size, hidden_size, peepholes, device, dtype))
                elif cell == "gru_lecture":
                    cells.append(LectureGRU(in_size, hidden_size, device, dtype))
                else:
                    cells.append(MinimalGRU(in_size, hidden_size, device, dtype))
        self.cells = nn.ModuleList(cells)

    def reset_parameters(self) -> None:
        """Re-draw every cell's parameters (PyTorch's uniform initialisation)."""
        for cell in self.cells:
            cell.reset_parameters()

    def extra_repr(self) -> str:
        return (
            f"cell={self.cell!r}, {self.input_size}, {self.hidden_size}, "
            f"num_layers={self.num_layers}, bidirectional={self.bidirectional}, "
            f"dropout={self.dropout}, peepholes={self.peepholes!r}"
        )

    def forward(
        self,
        x: Tensor,
        lengths: Tensor,
        h0: Tensor | None = None,
        c0: Tensor | None = None,
    ) -> tuple[Tensor, Tensor, Tensor]:
        """Run the stack over a padded batch.

        Parameters
        ----------
        x : (B, T, I) batch-first input, padded after each row's length.
        lengths : (B,) integer real lengths, 1 <= lengths[b] <= T (any device).
        h0, c0 : (L * D, B, H) initial states, or None for zeros. c0 is ignored by GRUs.

        Returns
        -------
        out : (B, T, D * H) last layer's outputs, [forward, backward]; zero on padding.
        h_n : (L * D, B, H) final hidden states, [layer 0 fwd, layer 0 bwd, layer 1 fwd ...].
        c_n : (L * D, B, H) final LSTM cell states; for a GRU cell, h_n again.

        Raises
        ------
        ValueError
            On a wrong shape or a length outside [1, T] (``torch.jit.Error`` carrying the
            same message when the stack runs under TorchScript).
        """
        if x.dim() != 3 or x.size(2) != self.input_size:
            raise ValueError(f"x must be (batch, time, {self.input_size}), got {list(x.shape)}")
        batch, steps = x.size(0), x.size(1)
        if lengths.dim() != 1 or lengths.size(0) != batch:
            raise ValueError(f"lengths must be ({batch},), got {list(lengths.shape)}")
        # Read the bounds before moving: lengths usually live on the CPU, so no device sync.
        longest = int(lengths.max())
        shortest = int(lengths.min())
        lengths = lengths.to(device=x.device, dtype=torch.long)
        if shortest < 1 or longest > steps:
            raise ValueError(f"lengths must lie in [1, {steps}], got [{shortest}, {longest}]")
        n_states = self.num_layers * self.num_directions
        state_shape = [n_states, batch, self.hidden_size]
        if h0 is None:
            h0 = x.new_zeros(state_shape)
        elif list(h0.shape) != state_shape:
            raise ValueError(f"h0 must be {state_shape}, got {list(h0.shape)}")
        if c0 is None:
            c0 = x.new_zeros(state_shape)
        elif list(c0.shape) != state_shape:
            raise ValueError(f"c0 must be {state_shape}, got {list(c0.shape)}")

        # Steps past the longest row are padding everywhere: skip them, pad back at the end.
        layer_in = x[:, :longest].transpose(0, 1)  # time-major (T', B, I)
        padded = shortest < longest
        time = torch.arange(longest, device=x.device).unsqueeze(1)
        real = (time < lengths.unsqueeze(0)).unsqueeze(2)  # (T', B, 1)
        if padded:
            # Whatever sits in the padding (even NaN) must not reach real outputs or grads.
            layer_in = torch.where(real, layer_in, torch.zeros_like(layer_in))
        # rev[t, b]: where step t of row b's reversed sequence comes from (identity on padding).
        rev = time  # only read by a backward direction
        if self.num_directions == 2:
            rev = torch.where(real.squeeze(2), lengths.unsqueeze(0) - 1 - time, time)
        last = lengths - 1
        rows = torch.arange(batch, device=x.device)

        h_n: list[Tensor] = []
        c_n: list[Tensor] = []
        outs: list[Tensor] = []
        for i, cell in enumerate(self.cells):
            direction = i % self.num_directions
            if direction == 1:
                rev_in = rev.unsqueeze(2).expand(-1, -1, layer_in.size(2))
                h_all, c_all = cell(layer_in.gather(0, rev_in), h0[i], c0[i])
                h_out = h_all.gather(0, rev.unsqueeze(2).expand(-1, -1, self.hidden_size))
            else:
                h_all, c_all = cell(layer_in, h0[i], c0[i])
                h_out = h_all
            if padded:
                h_n.append(h_all[last, rows])
                c_n.append(c_all[last, rows])
            else:
                h_n.append(h_all[-1])
                c_n.append(c_all[-1])
            outs.append(h_out)
            if direction == self.num_directions - 1:
                layer_in = outs[0] if len(outs) == 1 else torch.cat(outs, 2)
                outs = []
                if padded:
                    layer_in = torch.where(real, layer_in, torch.zeros_like(layer_in))
                if self.dropout > 0.0 and i < len(self.cells) - 1:
                    layer_in = F.dropout(layer_in, self.dropout, self.training)

        out = layer_in.transpose(0, 1)
        if longest < steps:
            out = F.pad(out, [0, 0, 0, steps - longest])
        return out.contiguous(), torch.stack(h_n), torch.stack(c_n)


_PARAM_NAME = re.compile(r"(?:^|\.)cells\.(\d+)\.(\w+)$")


def lecture_name(param_name: str, num_directions: int) -> str:
    """A human label for a :class:`RecurrentStack` parameter name.

    Parameters
    ----------
    param_name : a name from ``named_parameters()``, e.g. ``"cells.3.W_u"``, possibly
        behind a prefix (``"blocks.rnn.cells.3.W_u"``).
    num_directions : D of the stack it belongs to (1 or 2).

    Returns
    -------
    str : e.g. ``"W_u (layer 2, backward)"`` for ``"cells.3.W_u"`` with D = 2, or
        ``"W_u (layer 1)"`` for ``"cells.0.W_u"`` with D = 1. A name that is not a cell
        parameter comes back unchanged.
    """
    if num_directions not in (1, 2):
        raise ValueError(f"num_directions must be 1 or 2, not {num_directions}")
    match = _PARAM_NAME.search(param_name)
    if match is None:
        return param_name
    index, name = int(match.group(1)), match.group(2)
    layer, direction = divmod(index, num_directions)
    if num_directions == 1:
        return f"{name} (layer {layer + 1})"
    return f"{name} (layer {layer + 1}, {'backward' if direction else 'forward'})"
