"""The lecture's equations of a block, filled in with the sizes of the design.

For a block of the design, :func:`block_math` returns what the inspector prints under the
parameters: the equations the block computes, written as in the lecture (``h(t) =
tanh(W h(t-1) + U x(t) + b_h)``); the size of every matrix and bias with the actual
numbers (for the lecture's notation example, ``U: 3x5, W: 3x3, V: 2x3, b_h: 3x1``, where
``V`` is the read-out of the Output block fed by the recurrent one); the number of stored
parameters (analysis's exact count, equal to the compiled module's ``numel``); and, for
the fused PyTorch layers, how the stored tensors map onto the lecture's names — PyTorch
stacks the gates' matrices (``weight_ih_l0`` is ``[U_u; U_f; U_c; U_o]`` for an LSTM) and
keeps two bias vectors whose sum is the lecture's bias (``b_ih + b_hh = b``).

Sizes follow the lecture's convention: a matrix that maps an input of size I to H units
is ``HxI``, a bias is ``Hx1``. A size not known yet (an input not wired) prints as ``I``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from engine.catalogue import RECURRENT_KINDS, recurrent_config
from engine.design import Block, Design, PortRef
from engine.validation import Analysis

# lupdate reads the literal context and text of each call (see app/i18n.py)
translate = QCoreApplication.translate


@dataclass
class BlockMath:
    """The mathematics of one block, ready to print."""

    equations: list[str] = field(default_factory=list)
    sizes: str = ""  # "U: 3x5, W: 3x3, V: 2x3, b_h: 3x1"
    storage: list[str] = field(default_factory=list)  # how torch stores the tensors
    notes: list[str] = field(default_factory=list)
    count: int | None = None  # stored parameters (None: not known yet)


def block_math(design: Design, analysis: Analysis, block_id: str) -> BlockMath:
    """Equations, sizes, parameter count and tensor mapping of ``block_id``."""
    block = design.block(block_id)
    shape = analysis.input_shape(design, PortRef(block_id, "input"))
    size_in = str(shape.size) if shape is not None else "I"
    if block.kind in RECURRENT_KINDS:
        math = _recurrent(design, analysis, block, size_in)
    else:
        math = _other(design, analysis, block, size_in)
    count = analysis.param_counts.get(block_id)
    math.count = count if (count or shape is not None or block.kind in (
        "input", "feedback", "concat", "repeat", "pool", "dropout")) else None
    return math


def _readout(design: Design, analysis: Analysis, block: Block, width: int) -> str:
    """``V: 2x3`` when a recurrent block's output feeds an Output or Dense block."""
    for wire in design.wires:
        if wire.src.block == block.id and wire.src.port in ("sequence", "last"):
            reader = design.blocks.get(wire.dst.block)
            if reader is not None and reader.kind in ("output", "dense"):
                return f"V: {reader.params['size']}x{width}"
    return ""


def _recurrent(design: Design, analysis: Analysis, block: Block, size_in: str) -> BlockMath:
    cfg = recurrent_config(block.kind, block.params)
    h = cfg["hidden_size"]
    directions = 2 if cfg["bidirectional"] else 1
    width = h * directions if cfg["join"] == "concat" else h
    cell, form, peep = cfg["cell"], cfg["form"], cfg["peepholes"]
    math = BlockMath()
    fused = cell == "rnn" or (cell == "gru" and form == "pytorch") or \
        (cell == "lstm" and peep == "none")
    readout = _readout(design, analysis, block, width)
    if cell == "rnn":
        g1 = cfg["nonlinearity"]
        math.equations = [f"h(t) = {g1}(W h(t-1) + U x(t) + b_h)"]
        parts = [f"U: {h}x{size_in}", f"W: {h}x{h}"] + ([readout] if readout else []) + \
            [f"b_h: {h}x1"]
        math.sizes = ", ".join(parts)
        math.storage = [
            f"weight_ih_l0 = U ({h}x{size_in})",
            f"weight_hh_l0 = W ({h}x{h})",
            translate("equations", "bias_ih_l0 + bias_hh_l0 = b_h: two bias vectors of {h} "
                                   "whose sum is the lecture's b_h").format(h=h),
        ]
    elif cell == "gru" and form == "pytorch":
        math.equations = [
            "r = σ(U_r x(t) + b_ir + W_r h(t-1) + b_hr)",
            "z = σ(U_z x(t) + b_iz + W_z h(t-1) + b_hz)      (z = 1 − Gu)",
            "n = tanh(U_n x(t) + b_in + r ⊙ (W_n h(t-1) + b_hn))",
            "h(t) = (1 − z) ⊙ n + z ⊙ h(t-1)",
        ]
        math.sizes = _gates_sizes("rzn", h, size_in, readout)
        math.storage = [
            f"weight_ih_l0 = [U_r; U_z; U_n] ({3 * h}x{size_in})",
            f"weight_hh_l0 = [W_r; W_z; W_n] ({3 * h}x{h})",
            translate("equations", "bias_ih_l0 + bias_hh_l0 = b for r and z ({n} each); for "
                                   "n, b_hn stays inside r ⊙ (…)").format(n=3 * h),
        ]
    elif cell == "gru":
        gates = "uh" if form == "minimal" else "urh"
        relevance = "Gr ⊙ h(t-1)" if form != "minimal" else "h(t-1)"
        math.equations = ["Gu = σ(W_u h(t-1) + U_u x(t) + b_u)"]
        if form != "minimal":
            math.equations.append("Gr = σ(W_r h(t-1) + U_r x(t) + b_r)")
        math.equations += [f"h~(t) = tanh(W_h ({relevance}) + U_h x(t) + b_h)",
                           "h(t) = Gu ⊙ h~(t) + (1 − Gu) ⊙ h(t-1)"]
        math.sizes = _gates_sizes(gates, h, size_in, readout)
        math.storage = [translate("equations", "named as in the lecture, one bias per gate: "
                                               "W_u, U_u, b_u, …; M_u = [W_u, U_u] is {h}x{n}"
                                  ).format(h=h, n=f"({h}+{size_in})")]
    else:
        peeps = {"none": ("", "", ""), "full": (" + P_u c(t-1)", " + P_f c(t-1)", " + P_o c(t)"),
                 "diagonal": (" + p_u ⊙ c(t-1)", " + p_f ⊙ c(t-1)", " + p_o ⊙ c(t)")}[peep]
        math.equations = [
            f"Gu = σ(W_u h(t-1) + U_u x(t){peeps[0]} + b_u)",
            f"Gf = σ(W_f h(t-1) + U_f x(t){peeps[1]} + b_f)",
            "c~(t) = tanh(W_c h(t-1) + U_c x(t) + b_c)",
            "c(t) = Gu ⊙ c~(t) + Gf ⊙ c(t-1)",
            f"Go = σ(W_o h(t-1) + U_o x(t){peeps[2]} + b_o)",
            "h(t) = Go ⊙ tanh(c(t))",
        ]
        math.sizes = _gates_sizes("ufco", h, size_in, readout)
        if peep == "full":
            math.sizes += f"; P_u, P_f, P_o: {h}x{h}"
        elif peep == "diagonal":
            math.sizes += f"; p_u, p_f, p_o: {h}x1"
        if fused:
            math.storage = [
                f"weight_ih_l0 = [U_u; U_f; U_c; U_o] ({4 * h}x{size_in})",
                f"weight_hh_l0 = [W_u; W_f; W_c; W_o] ({4 * h}x{h})",
                translate("equations", "bias_ih_l0 + bias_hh_l0 = b: two bias vectors of {n} "
                                       "whose sum is the lecture's [b_u; b_f; b_c; b_o] "
                                       "(PyTorch's gate order i, f, g, o)").format(n=4 * h),
            ]
        else:
            math.storage = [translate("equations", "named as in the lecture, one bias per "
                                                   "gate: W_u, U_u, P_u, b_u, …")]
    if cfg["num_layers"] > 1:
        math.notes.append(translate("equations", "{n} stacked layers: layer 1 reads x(t) (size "
                                                 "{i}); layers 2 to {n} read the layer below "
                                                 "(size {w}), so their U are {h}x{w}").format(
            n=cfg["num_layers"], i=size_in, w=h * directions, h=h))
    if cfg["weight_drop"] > 0:
        math.notes.append(translate("equations", "while training, every W reads as M ⊙ W / "
                                                 "(1 − {p}), M ~ Bernoulli(1 − {p}): one draw "
                                                 "per batch, the same at every step "
                                                 "(DropConnect)").format(p=cfg["weight_drop"]))
    if directions == 2:
        join = translate("equations", "concatenated") if cfg["join"] == "concat" else \
            translate("equations", "summed")
        math.notes.append(translate("equations", "bidirectional: a backward layer with its own "
                                                 "weights reads x(T..1); the two outputs are "
                                                 "{join}").format(join=join))
        if fused:
            math.storage.append(translate("equations", "the backward direction's tensors end "
                                                       "in _reverse"))
    if not fused:
        math.notes.append(translate("equations", "runs as a custom cell (not a fused PyTorch "
                                                 "layer)"))
    return math


def _gates_sizes(gates: str, h: int, size_in: str, readout: str) -> str:
    ws = ", ".join(f"W_{g}" for g in gates)
    us = ", ".join(f"U_{g}" for g in gates)
    bs = ", ".join(f"b_{g}" for g in gates)
    parts = [f"{us}: {h}x{size_in}", f"{ws}: {h}x{h}"] + ([readout] if readout else []) + \
        [f"{bs}: {h}x1"]
    return "; ".join(parts)


def _other(design: Design, analysis: Analysis, block: Block, size_in: str) -> BlockMath:
    p = block.params
    math = BlockMath()
    kind = block.kind
    if kind == "input":
        step = "x(t)" if p["mode"] == "sequence" else "x"
        if p["data"] == "features":
            math.equations = [f"{step} ∈ R^{p['size']}"]
        elif p["encoding"] == "one_hot":
            math.equations = [translate("equations", "{x} = one-hot vector of {v} (a single 1)"
                                        ).format(x=step, v=p["vocab_size"])]
        else:
            math.equations = [translate("equations", "{x} = E[token]").format(x=step)]
            math.sizes = f"E: {p['vocab_size']}x{p['embedding_size']}"
    elif kind in ("dense", "output"):
        g = p["activation"]
        out = "y" if kind == "output" else "z"
        bias = "b_y" if kind == "output" else "b"
        math.equations = [f"{out}(t) = {g}(V h(t) + {bias})"]
        math.sizes = f"V: {p['size']}x{size_in}, {bias}: {p['size']}x1"
        math.storage = [f"weight = V ({p['size']}x{size_in}), bias = {bias} ({p['size']})"]
    elif kind == "dropout":
        if p["drops"] == "steps":
            math.equations = [f"z(t) = m(t) h(t) / (1 − {p['p']}),   m(t) ~ Bernoulli(1 − "
                              f"{p['p']})"]
            math.notes.append(translate("equations", "one draw per row and time step: a "
                                                     "dropped step is zero in every feature"))
        else:
            math.equations = [f"z = m ⊙ h / (1 − {p['p']}),   m ~ Bernoulli(1 − {p['p']})"]
    elif kind == "concat":
        math.equations = ["out = [a, b, c]"]
    elif kind == "repeat":
        math.equations = [f"x(t) = v,   t = 1..{p['times']}"]
    elif kind == "pool":
        math.equations = ["p = (1/T) Σ_t h(t)" if p["mode"] == "mean" else
                          "p = max_t h(t)"]
    elif kind == "feedback":
        math.equations = ["x(1) = start,   x(t+1) = y(t)"]
        sizes = []
        if p["encoding"] == "embedding":
            sizes.append(f"E: {p['size']}x{p['embedding_size']}")
        if not design.wire_into(PortRef(block.id, "start")):
            width = p["embedding_size"] if p["encoding"] == "embedding" else p["size"]
            sizes.append(translate("equations", "learned start: {w}x1").format(w=width))
        math.sizes = ", ".join(sizes)
    return math
