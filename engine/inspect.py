"""Looking inside a recurrent block: the lecture's quantities at every time step.

A compiled recurrent block computes h(1..T) in one call (a fused cuDNN/oneDNN kernel, or
the lecture cells' fused matmuls) and keeps none of its gates. To *see* a network think —
a forget gate Gf staying near 1 across the distractor clause of the agreement task, an
update gate Gu opening only on the words that matter — :func:`trace` recomputes one
example step by step, in plain tensor algebra, from the block's own parameters:

=====================  =========================================================
cell                   quantities per layer and direction (each ``(T, H)``)
=====================  =========================================================
Elman RNN              ``h``
GRU, lecture form      ``Gu``, ``Gr``, ``h~``, ``h``
GRU, minimal           ``Gu``, ``h~``, ``h``
GRU, PyTorch form      ``r``, ``z``, ``Gu`` (= 1 - z), ``n``, ``h``
LSTM (± peepholes)     ``Gu``, ``Gf``, ``Go``, ``c~``, ``c``, ``h``
=====================  =========================================================

PyTorch's GRU writes h(t) = (1 - z) n + z h(t-1): its z is the share of the *old* state
kept, so the lecture's update gate (the share of the new candidate) is Gu = 1 - z; the
trace reports both and says so in the label. Its r multiplies (W_hn h(t-1) + b_hn), inside
the candidate's recurrent term, where the lecture's Gr multiplies h(t-1) before the
matmul; so r is named r, not Gr. For nn.LSTM the gates i, f, g, o are the lecture's Gu,
Gf, c~, Go. The fused layers' stacked weights are unpacked by PyTorch's row order (LSTM:
i, f, g, o; GRU: r, z, n), the backward direction's from the ``_reverse`` parameters.

The recomputation runs in eval mode (no dropout between layers), on the example's real
steps only (padding cut off), with the block's initial state (an encoder's final state
for a decoder). It is checked against the model: the last layer's h(t), joined over the
directions as the block joins them, equals the block's ``sequence`` port (:attr:`Trace.output`).
To trace free-running generation, pass the generated sequence as the feedback block's
targets: teacher forcing with what the model itself produced feeds the same inputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
from torch import Tensor, nn

from engine import blocks as B
from engine.cells import RecurrentStack
from engine.compiler import CompiledModel
from engine.errors import RecurrenteError

Step = dict[str, Tensor]  # a cell's named parameters, or one step's quantities

GATES = frozenset({"Gu", "Gf", "Go", "Gr", "r", "z"})

SYMBOLS: dict[str, tuple[str, ...]] = {
    "rnn": ("h",),
    "gru_lecture": ("Gu", "Gr", "h~", "h"),
    "gru_minimal": ("Gu", "h~", "h"),
    "gru_pytorch": ("r", "z", "Gu", "n", "h"),
    "lstm": ("Gu", "Gf", "Go", "c~", "c", "h"),
}

DESCRIPTIONS: dict[str, str] = {
    "h": "hidden state h(t)",
    "c": "cell state c(t)",
    "c~": "candidate cell c~(t)",
    "h~": "candidate state h~(t)",
    "Gu": "update gate Gu",
    "Gf": "forget gate Gf",
    "Go": "output gate Go",
    "Gr": "relevance gate Gr",
    "r": "PyTorch's reset gate r (inside the recurrent term)",
    "z": "PyTorch's z: the share of h(t-1) kept (Gu = 1 - z)",
    "n": "PyTorch's candidate n(t)",
}


@dataclass
class Trace:
    """Every quantity of one recurrent block over the real steps of one example.

    ``values`` maps a human label (``"Gf (layer 1)"``, ``"h (layer 2, backward)"``,
    ``"Gu = 1 - z (layer 1)"``) to a ``(T, H)`` tensor; :meth:`get` finds one by symbol,
    layer and direction (0-based). ``output`` is the last layer's h(t) joined over the
    directions as the block joins them: what the block's ``sequence`` port carries.
    """

    block_id: str
    cell: str  # a key of SYMBOLS
    num_layers: int
    num_directions: int
    hidden_size: int
    steps: int
    symbols: tuple[str, ...]
    values: dict[str, Tensor] = field(default_factory=dict)
    keys: dict[tuple[str, int, int], str] = field(default_factory=dict)
    output: Tensor = field(default_factory=lambda: torch.zeros(0))

    def label(self, symbol: str, layer: int = 0, direction: int = 0) -> str:
        """The label of ``symbol`` in ``layer`` / ``direction`` (KeyError if absent)."""
        return self.keys[symbol, layer, direction]

    def get(self, symbol: str, layer: int = 0, direction: int = 0) -> Tensor:
        """The ``(T, H)`` values of ``symbol`` in ``layer`` / ``direction``."""
        return self.values[self.label(symbol, layer, direction)]

    def gates(self) -> tuple[str, ...]:
        """The symbols that are gates (values in [0, 1])."""
        return tuple(s for s in self.symbols if s in GATES)

    def add(self, symbol: str, layer: int, direction: int, value: Tensor) -> None:
        where = f"layer {layer + 1}"
        if self.num_directions == 2:
            where += ", backward" if direction else ", forward"
        name = "Gu = 1 - z" if self.cell == "gru_pytorch" and symbol == "Gu" else symbol
        label = f"{name} ({where})"
        self.keys[symbol, layer, direction] = label
        self.values[label] = value


def recurrent_block_ids(model: CompiledModel) -> list[str]:
    """Ids of the model's recurrent blocks, in the order the model runs them."""
    return [m.block_id for m in model.ordered if isinstance(m, B._RecurrentBase)]


def cell_kind(block: nn.Module) -> str:
    """The key of :data:`SYMBOLS` for a compiled recurrent block module."""
    if isinstance(block, B.CustomRecurrentBlock):
        return block.rnn.cell
    if isinstance(block, B.FusedLSTMBlock):
        return "lstm"
    if isinstance(block, B.FusedRecurrentBlock):
        return "gru_pytorch" if isinstance(block.rnn, nn.GRU) else "rnn"
    raise RecurrenteError(f"block '{getattr(block, 'block_id', '?')}' is not recurrent")


def trace(model: CompiledModel, inputs: dict[str, Tensor], block_id: str,
          example: int = 0) -> Trace:
    """Recompute block ``block_id`` step by step for row ``example`` of ``inputs``.

    Raises
    ------
    RecurrenteError
        If the model has no recurrent block ``block_id`` or the inputs do not run.
    """
    block = next((m for m in model.ordered if m.block_id == block_id), None)
    if not isinstance(block, B._RecurrentBase):
        known = ", ".join(recurrent_block_ids(model)) or "none"
        raise RecurrenteError(f"there is no recurrent block '{block_id}' to trace "
                              f"(recurrent blocks: {known})")
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            env = model.environment(dict(inputs))
            return _trace_block(block, env, example)
    except RuntimeError as exc:
        raise RecurrenteError(f"cannot trace '{block_id}': {exc}") from None
    finally:
        model.train(was_training)


def _trace_block(block: B._RecurrentBase, env: dict[str, Tensor], example: int) -> Trace:
    x_all = env[block.input_key]
    length = int(env[block.input_key + ":len"][example])
    x = x_all[example, :length].float()
    # The block published where a *next* call would continue; start from its real h(0).
    fresh = {k: v for k, v in env.items() if not k.startswith(block.carry_key)}
    h0, c0 = block.initial(fresh)
    cell = cell_kind(block)
    layers, dirs, hidden = block.num_layers, block.directions, block.hidden_size
    result = Trace(block.block_id, cell, layers, dirs, hidden, length, SYMBOLS[cell])
    layer_in = x
    for layer in range(layers):
        outs = []
        for direction in range(dirs):
            index = layer * dirs + direction
            h = h0[index, example].float() if h0 is not None else x.new_zeros(hidden)
            c = c0[index, example].float() if c0 is not None else x.new_zeros(hidden)
            seq = layer_in.flip(0) if direction else layer_in
            series = _run_cell(block, cell, layer, direction, seq, h, c)
            for symbol in result.symbols:
                values = torch.stack(series[symbol]) if length else x.new_zeros(0, hidden)
                result.add(symbol, layer, direction, values.flip(0) if direction else values)
            outs.append(result.get("h", layer, direction))
        layer_in = torch.cat(outs, 1)
    if dirs == 2 and not block.concat:
        layer_in = outs[0] + outs[1]
    result.output = layer_in
    return result


def _run_cell(block: B._RecurrentBase, cell: str, layer: int, direction: int, xs: Tensor,
              h: Tensor, c: Tensor) -> dict[str, list[Tensor]]:
    """The cell's quantities at every step of ``xs`` (T, I) from state (h, c)."""
    series: dict[str, list[Tensor]] = {s: [] for s in SYMBOLS[cell]}
    rnn = block.rnn
    p: Step
    if isinstance(rnn, nn.RNNBase):
        p = _fused_params(rnn, layer, direction, cell)
        step = _FUSED_STEPS[cell]
        if cell == "rnn":
            p["tanh"] = torch.tensor(float(rnn.nonlinearity == "tanh"))
    else:
        assert isinstance(rnn, RecurrentStack)
        cells = rnn.cells
        p = dict(cells[layer * block.directions + direction].named_parameters())
        step = _LECTURE_STEPS[cell]
    for x in xs:
        h, c, quantities = step(p, x, h, c)
        for symbol, value in quantities.items():
            series[symbol].append(value)
    return series



def _gate(p: dict[str, Tensor], g: str, h: Tensor, x: Tensor) -> Tensor:
    """W_g h(t-1) + U_g x(t) + b_g."""
    return p[f"W_{g}"] @ h + p[f"U_{g}"] @ x + p[f"b_{g}"]


def _peep(p: dict[str, Tensor], g: str, c: Tensor) -> Tensor:
    """P_g c: a full matrix or a diagonal vector; zero without peepholes."""
    peephole = p.get(f"P_{g}")
    if peephole is None:
        return torch.zeros_like(c)
    return peephole @ c if peephole.dim() == 2 else peephole * c


def _lecture_gru(p: Step, x: Tensor, h: Tensor, c: Tensor) -> tuple[Tensor, Tensor, Step]:
    gu = torch.sigmoid(_gate(p, "u", h, x))
    gr = torch.sigmoid(_gate(p, "r", h, x))
    cand = torch.tanh(_gate(p, "h", gr * h, x))
    h = gu * cand + (1 - gu) * h
    return h, c, {"Gu": gu, "Gr": gr, "h~": cand, "h": h}


def _minimal_gru(p: Step, x: Tensor, h: Tensor, c: Tensor) -> tuple[Tensor, Tensor, Step]:
    gu = torch.sigmoid(_gate(p, "u", h, x))
    cand = torch.tanh(_gate(p, "h", h, x))
    h = gu * cand + (1 - gu) * h
    return h, c, {"Gu": gu, "h~": cand, "h": h}


def _lecture_lstm(p: Step, x: Tensor, h: Tensor, c: Tensor) -> tuple[Tensor, Tensor, Step]:
    gu = torch.sigmoid(_gate(p, "u", h, x) + _peep(p, "u", c))
    gf = torch.sigmoid(_gate(p, "f", h, x) + _peep(p, "f", c))
    cand = torch.tanh(_gate(p, "c", h, x))
    c = gu * cand + gf * c
    go = torch.sigmoid(_gate(p, "o", h, x) + _peep(p, "o", c))  # Go peeps at c(t)
    h = go * torch.tanh(c)
    return h, c, {"Gu": gu, "Gf": gf, "Go": go, "c~": cand, "c": c, "h": h}


_LECTURE_STEPS = {"gru_lecture": _lecture_gru, "gru_minimal": _minimal_gru,
                  "lstm": _lecture_lstm}


def _fused_params(rnn: nn.RNNBase, layer: int, direction: int, cell: str) -> Step:
    """One layer/direction of a fused layer, unpacked into the lecture's W, U, b per gate.

    ``weight_ih`` rows are the U (input) matrices, ``weight_hh`` rows the W (recurrent)
    ones, stacked in PyTorch's gate order; the LSTM's and RNN's two biases add up, the
    GRU's candidate keeps its two apart (r multiplies only the recurrent one).
    """
    suffix = f"_l{layer}" + ("_reverse" if direction else "")
    w_ih = getattr(rnn, "weight_ih" + suffix)
    w_hh = getattr(rnn, "weight_hh" + suffix)
    b_ih = getattr(rnn, "bias_ih" + suffix)
    b_hh = getattr(rnn, "bias_hh" + suffix)
    order = {"lstm": "ufco", "gru_pytorch": "rzn", "rnn": "h"}[cell]
    p: Step = {}
    for name, u, w, bi, bh in zip(order, w_ih.chunk(len(order)), w_hh.chunk(len(order)),
                                  b_ih.chunk(len(order)), b_hh.chunk(len(order)),
                                  strict=True):
        p[f"U_{name}"], p[f"W_{name}"] = u, w
        p[f"b_{name}"] = bi + bh
        p[f"bi_{name}"], p[f"bh_{name}"] = bi, bh
    return p


def _fused_gru(p: Step, x: Tensor, h: Tensor, c: Tensor) -> tuple[Tensor, Tensor, Step]:
    r = torch.sigmoid(_gate(p, "r", h, x))
    z = torch.sigmoid(_gate(p, "z", h, x))
    n = torch.tanh(p["U_n"] @ x + p["bi_n"] + r * (p["W_n"] @ h + p["bh_n"]))
    h = (1 - z) * n + z * h
    return h, c, {"r": r, "z": z, "Gu": 1 - z, "n": n, "h": h}


def _fused_rnn(p: Step, x: Tensor, h: Tensor, c: Tensor) -> tuple[Tensor, Tensor, Step]:
    pre = _gate(p, "h", h, x)
    h = torch.tanh(pre) if bool(p["tanh"]) else torch.relu(pre)
    return h, c, {"h": h}


_FUSED_STEPS = {"lstm": _lecture_lstm, "gru_pytorch": _fused_gru, "rnn": _fused_rnn}
