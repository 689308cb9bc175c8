"""Gradient norms by the lecture's names, and dL/dh(t) through time.

Each parameter of a compiled model is split into the matrices the lecture names: U
(multiplies x(t)), W (multiplies h(t-1)), b, P (peepholes), V and b_y (output), with the
gate as suffix (u update, f forget, o output, c LSTM candidate, r relevance, h GRU
candidate). PyTorch's fused layers stack the gates' rows in one tensor (LSTM: i, f, g, o;
GRU: r, z, n), so their gradients are sliced by rows; their two bias vectors receive the
same gradient (b = b_ih + b_hh), so one of them stands for b. The PyTorch-form GRU's
candidate is the exception, b_hn sits inside the relevance gate, so it is reported apart.

The gradient through time is measured on a measuring step (every K steps): each
unidirectional recurrent block runs through :mod:`engine.fastrnn`, whose hand-written
backward pass computes the full dL/dh(t) of every layer and step anyway (the sum over
every path through later steps, the quantity that vanishes or explodes) and leaves its
norms in one :class:`engine.fastrnn.TimeGradientSink` per layer. For the lecture's cells
that is their usual training path, so measuring costs almost nothing; a block on
nn.RNN / nn.GRU / nn.LSTM runs its own parameters through the same kernels for that step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import torch
from torch import Tensor, nn

from engine import blocks as B
from engine.cells import lecture_name

_FUSED = re.compile(r"^(weight|bias)_(ih|hh)_l(\d+)(_reverse)?$")
_GATES = {"LSTM": ("u", "f", "c", "o"), "GRU": ("r", "u", "h"), "RNN": ("",)}


@dataclass(frozen=True)
class Matrix:
    """A named slice of one parameter: rows ``start:stop`` of ``param``."""

    block: str
    label: str
    param: nn.Parameter
    start: int
    stop: int

    def grad(self) -> Tensor | None:
        g = self.param.grad
        return None if g is None else g[self.start : self.stop]


def _suffix(layer: int, layers: int, reverse: bool) -> str:
    parts = []
    if layers > 1:
        parts.append(f"layer {layer + 1}")
    if reverse:
        parts.append("backward")
    return f" ({', '.join(parts)})" if parts else ""


def _fused(block_id: str, rnn: nn.RNNBase) -> list[Matrix]:
    gates = _GATES["LSTM" if isinstance(rnn, nn.LSTM) else
                   "GRU" if isinstance(rnn, nn.GRU) else "RNN"]
    hidden = rnn.hidden_size
    found: list[Matrix] = []
    for name, param in rnn.named_parameters():
        match = _FUSED.match(name)
        if match is None:
            continue
        kind, side, layer, reverse = match.groups()
        suffix = _suffix(int(layer), rnn.num_layers, reverse is not None)
        for i, gate in enumerate(gates):
            sub = f"_{gate}" if gate else ""
            if kind == "weight":
                label = ("U" if side == "ih" else "W") + sub
            elif side == "ih":
                label = "b" + sub
            elif isinstance(rnn, nn.GRU) and gate == "h":
                label = "b_hn"  # inside the relevance gate: not the same gradient as b_h
            else:
                continue  # b_hh's gradient equals b_ih's
            found.append(Matrix(block_id, label + suffix, param, i * hidden, (i + 1) * hidden))
    return found


def named_matrices(model: nn.Module) -> list[Matrix]:
    """Every parameter of a compiled model, split and named as in the lecture."""
    found: list[Matrix] = []
    for module in model.ordered:  # type: ignore[attr-defined]
        bid = module.block_id
        if isinstance(module, B.FusedRecurrentBlock | B.FusedLSTMBlock):
            found.extend(_fused(bid, module.rnn))
        elif isinstance(module, B.CustomRecurrentBlock):
            for name, param in module.rnn.named_parameters():
                label = lecture_name(name, module.rnn.num_directions)
                if module.rnn.num_layers == 1:
                    label = label.replace(" (layer 1)", "").replace("layer 1, ", "")
                found.append(Matrix(bid, label, param, 0, param.shape[0]))
        elif isinstance(module, B.DenseBlock):
            bias = "b_y" if module.is_output else "b"
            found.append(Matrix(bid, "V", module.linear.weight, 0, module.linear.out_features))
            found.append(Matrix(bid, bias, module.linear.bias, 0, module.linear.out_features))
        else:
            for name, param in module.named_parameters():
                label = {"embedding.weight": "E", "table": "E", "start": "x(1)"}.get(name, name)
                found.append(Matrix(bid, label, param, 0, param.shape[0]))
    return found


@dataclass
class NormReport:
    total: float
    blocks: dict[str, float]
    matrices: dict[str, float]
    riders: list[float] = field(default_factory=list)  # see GradientNorms.__call__


class GradientNorms:
    """Measures a model's gradient norms, with one fused norm call and one device sync.

    The global and per-block norms are over the model's actual parameters (what clipping
    acts on; a fused layer's two bias vectors both count); the per-matrix norms are over
    the lecture's matrices. Which parameters and slices to read is worked out once: the
    call comes after every training step.
    """

    def __init__(self, model: nn.Module, matrices: list[Matrix] | None = None) -> None:
        self.matrices = named_matrices(model) if matrices is None else matrices
        self.owners: list[str] = []
        self.params: list[nn.Parameter] = []
        for module in model.ordered:  # type: ignore[attr-defined]
            for param in module.parameters():
                self.owners.append(module.block_id)
                self.params.append(param)

    def __call__(self, riders: Sequence[Tensor] = ()) -> NormReport:
        """The norms; ``riders`` (scalar tensors, e.g. the step's loss) come back as floats
        in ``NormReport.riders`` with the same copy to the host, so a training step waits
        for its device once, not once per number it reports."""
        owners = [o for o, p in zip(self.owners, self.params, strict=True) if p.grad is not None]
        grads = [p.grad.detach() for p in self.params if p.grad is not None]
        extra = [r.detach().float().reshape(1) for r in riders]
        if not grads:
            return NormReport(0.0, {}, {}, torch.cat(extra).cpu().tolist() if extra else [])
        named = [(m, g.detach()) for m, g in ((m, m.grad()) for m in self.matrices)
                 if g is not None]
        norms = torch._foreach_norm(grads + [g for _, g in named])  # what clipping uses
        values = torch.cat([torch.stack(norms).float().pow(2), *extra]).cpu().tolist()
        squares, riders_out = values[: len(norms)], values[len(norms):]
        blocks: dict[str, float] = {}
        for owner, sq in zip(owners, squares[: len(grads)], strict=True):
            blocks[owner] = blocks.get(owner, 0.0) + sq
        matrices_out = {f"{m.block}: {m.label}": sq ** 0.5
                        for (m, _), sq in zip(named, squares[len(grads):], strict=True)}
        total = sum(blocks.values()) ** 0.5
        return NormReport(total, {k: v ** 0.5 for k, v in blocks.items()}, matrices_out,
                          riders_out)


def gradient_norms(model: nn.Module, matrices: list[Matrix]) -> NormReport:
    """L2 norms of the current gradients (see :class:`GradientNorms`, which a loop reuses)."""
    return GradientNorms(model, matrices)()


def probe_blocks(model: nn.Module, on: bool) -> list[str]:
    """Switch measuring of dL/dh(t) on or off; returns the blocks measured."""
    names = []
    for module in model.ordered:  # type: ignore[attr-defined]
        if isinstance(module, B._RecurrentBase) and module.directions == 1:
            module.probe = on
            module.probed = []
            names.append(module.block_id)
    return names


def time_gradient_norms(model: nn.Module) -> dict[str, list[list[float]]]:
    """Per probed block: ||dL/dh(t)|| per layer (rows) and time step (columns)."""
    result: dict[str, list[list[float]]] = {}
    for module in model.ordered:  # type: ignore[attr-defined]
        sinks = getattr(module, "probed", None)
        if not sinks:
            continue
        table = torch.stack([sink.table_row().cpu() for sink in sinks])  # (layers, T)
        result[module.block_id] = table.tolist()
        module.probed = []
    return result
