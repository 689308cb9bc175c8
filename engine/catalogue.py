"""The block catalogue: every kind of block a design may contain.

A kind declares its typed ports, its typed parameters (:class:`engine.params.ParamSpec`)
and a help text with the lecture's equations. Nothing else in the program hard-codes
what a block has: the loader, validation, shape inference, the compiler and the canvas's
palette and inspector all read this table.

Port types
----------
``sequence``  a tensor ``(batch, T, features)`` with a length per row;
``vector``    a tensor ``(batch, features)``: one element, a last state, a pooled summary;
``state``     the recurrent state handed from an encoder to a decoder,
              ``(layers, batch, size)`` (for an LSTM, its hidden and cell state together).

An input port lists the types it accepts; an output port either has a fixed type or
*follows* one of the block's inputs (a dense layer applied to a sequence yields a
sequence, applied to a vector yields a vector). A ``feedback`` input closes the loop of
autoregressive generation and is the only edge allowed to point backwards.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from engine.params import ParamSpec


class PortType(StrEnum):
    SEQUENCE = "sequence"
    VECTOR = "vector"
    STATE = "state"


SEQ, VEC, STATE = PortType.SEQUENCE, PortType.VECTOR, PortType.STATE


@dataclass(frozen=True)
class PortSpec:
    """One port of a block kind.

    ``types`` are the accepted types of an input, or the produced type of an output.
    ``follows`` names the input port whose type an output takes. ``feedback`` marks the
    input that receives the generated element of an autoregressive loop.
    """

    name: str
    direction: Literal["in", "out"]
    types: tuple[PortType, ...]
    help: str
    required: bool = True
    follows: str = ""
    feedback: bool = False


@dataclass(frozen=True)
class BlockKind:
    """A kind of block: ports, parameters, help and a one-line summary."""

    kind: str
    title: str
    category: str
    params: tuple[ParamSpec, ...]
    help: str
    port_fn: Callable[[Mapping[str, Any]], tuple[PortSpec, ...]]
    summary_fn: Callable[[Mapping[str, Any]], str]

    def param(self, name: str) -> ParamSpec | None:
        return next((p for p in self.params if p.name == name), None)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def ports(self, params: Mapping[str, Any]) -> tuple[PortSpec, ...]:
        return self.port_fn(params)

    def inputs(self, params: Mapping[str, Any]) -> tuple[PortSpec, ...]:
        return tuple(p for p in self.ports(params) if p.direction == "in")

    def outputs(self, params: Mapping[str, Any]) -> tuple[PortSpec, ...]:
        return tuple(p for p in self.ports(params) if p.direction == "out")

    def port(self, params: Mapping[str, Any], name: str) -> PortSpec | None:
        return next((p for p in self.ports(params) if p.name == name), None)

    def summary(self, params: Mapping[str, Any]) -> str:
        return self.summary_fn(params)


# ---------------------------------------------------------------------------------------
# Shared parameter specs. Upper bounds keep a hostile or mistyped file from allocating
# gigabytes; they are far above anything a teaching machine trains.
MAX_WIDTH = 16384
MAX_VOCAB = 1_000_000


def _hidden() -> ParamSpec:
    return ParamSpec("hidden_size", "int", 64, "Units in each layer (the size of h(t)).",
                     1, MAX_WIDTH)


def _layers() -> ParamSpec:
    return ParamSpec("num_layers", "int", 1, "Stacked layers; each reads the previous one's h(t).",
                     1, 16, label="layers")


def _dropout() -> ParamSpec:
    return ParamSpec("dropout", "float", 0.0,
                     "Dropout between stacked layers while training (no effect with one layer).",
                     0.0, 0.95)


def _weight_drop() -> ParamSpec:
    return ParamSpec("weight_drop", "float", 0.0,
                     "DropConnect on the recurrent weights W while training (Wan et al. "
                     "2013; Merity et al. 2018): each batch (each chunk, under truncated "
                     "BPTT) zeroes this fraction of W's entries, the same ones at every time "
                     "step, and scales the rest by 1/(1-p).",
                     0.0, 0.95, label="weight drop")


def _bidirectional() -> ParamSpec:
    return ParamSpec("bidirectional", "bool", False,
                     "Add a backward layer that reads the sequence from its end.")


def _join() -> ParamSpec:
    return ParamSpec("join", "choice", "concat",
                     "How the forward and backward outputs are joined.",
                     choices=("concat", "sum"))


def _nonlinearity() -> ParamSpec:
    return ParamSpec("nonlinearity", "choice", "tanh", "The activation g1 of the Elman RNN.",
                     choices=("tanh", "relu"), label="g1")


def _gru_form() -> ParamSpec:
    return ParamSpec("form", "choice", "lecture",
                     "lecture: relevance gate on h(t-1) before the matmul; minimal: no "
                     "relevance gate; pytorch: the cuDNN form (gate inside the recurrent "
                     "term), fastest.",
                     choices=("lecture", "minimal", "pytorch"))


def _peepholes() -> ParamSpec:
    return ParamSpec("peepholes", "choice", "none",
                     "Let the gates see the cell state c: full matrices as in the lecture, "
                     "or diagonal (Gers & Schmidhuber).",
                     choices=("none", "full", "diagonal"))


# ---------------------------------------------------------------------------------------
# Ports


def _recurrent_ports(_: Mapping[str, Any]) -> tuple[PortSpec, ...]:
    return (
        PortSpec("input", "in", (SEQ,), "The sequence x(1..T) to read."),
        PortSpec("initial_state", "in", (STATE,),
                 "Optional h(0) (and c(0)): an encoder's final state for a decoder.",
                 required=False),
        PortSpec("sequence", "out", (SEQ,), "h(t) at every step (M-to-N)."),
        PortSpec("last", "out", (VEC,),
                 "h at the last real step of each sequence (M-to-1); for a bidirectional "
                 "block the backward direction's state after reading x(1)."),
        PortSpec("state", "out", (STATE,), "The final state of every layer, for a decoder."),
    )


def _input_ports(params: Mapping[str, Any]) -> tuple[PortSpec, ...]:
    if params.get("mode") == "element":
        return (PortSpec("out", "out", (VEC,), "The encoded element x."),)
    return (PortSpec("out", "out", (SEQ,), "The encoded sequence x(1..T)."),)


def _follow_ports(_: Mapping[str, Any]) -> tuple[PortSpec, ...]:
    return (
        PortSpec("input", "in", (SEQ, VEC), "A sequence (applied at every step) or a vector."),
        PortSpec("out", "out", (SEQ, VEC), "Same kind as the input.", follows="input"),
    )


def _output_ports(_: Mapping[str, Any]) -> tuple[PortSpec, ...]:
    return (
        PortSpec("input", "in", (SEQ, VEC), "What to predict from: a sequence or a vector."),
        PortSpec("out", "out", (SEQ, VEC),
                 "The prediction y; wire it only into a Feedback block's 'generated' port.",
                 follows="input"),
    )


def _concat_ports(_: Mapping[str, Any]) -> tuple[PortSpec, ...]:
    return (
        PortSpec("a", "in", (SEQ, VEC), "First part."),
        PortSpec("b", "in", (SEQ, VEC), "Second part."),
        PortSpec("c", "in", (SEQ, VEC), "Optional third part.", required=False),
        PortSpec("out", "out", (SEQ, VEC), "[a, b, c] along the features.", follows="a"),
    )


def _repeat_ports(_: Mapping[str, Any]) -> tuple[PortSpec, ...]:
    return (
        PortSpec("input", "in", (VEC,), "The vector to repeat."),
        PortSpec("out", "out", (SEQ,), "The vector at every one of N steps."),
    )


def _pool_ports(_: Mapping[str, Any]) -> tuple[PortSpec, ...]:
    return (
        PortSpec("input", "in", (SEQ,), "A sequence of states."),
        PortSpec("out", "out", (VEC,), "One vector summarising the real steps."),
    )


def _feedback_ports(_: Mapping[str, Any]) -> tuple[PortSpec, ...]:
    return (
        PortSpec("start", "in", (VEC,),
                 "The first element (e.g. a starting chord); without it a learned start "
                 "vector is used (like a <start> token).", required=False),
        PortSpec("generated", "in", (SEQ,),
                 "The output block's prediction: the element generated at t is the input "
                 "at t+1.", feedback=True),
        PortSpec("out", "out", (SEQ,),
                 "x(1) = start, x(t+1) = y(t): the true y(t) while training (teacher "
                 "forcing), the generated one when running free."),
    )


# ---------------------------------------------------------------------------------------
# Summaries


def _recurrent_summary(name: str) -> Callable[[Mapping[str, Any]], str]:
    def summary(p: Mapping[str, Any]) -> str:
        cell = name
        if name == "RNN":
            cell = f"RNN ({p.get('nonlinearity', 'tanh')})"
        elif name == "GRU" and p.get("form", "lecture") != "lecture":
            cell = f"GRU ({p.get('form')})"
        elif name == "LSTM" and p.get("peepholes", "none") != "none":
            cell = f"LSTM ({p.get('peepholes')} peepholes)"
        text = f"{cell} {p.get('hidden_size')}"
        if p.get("num_layers", 1) > 1:
            text += f" x{p.get('num_layers')}"
        if p.get("bidirectional"):
            text += ", bidirectional"
            if p.get("join") == "sum":
                text += " (sum)"
        return text

    return summary


def _bidirectional_summary(p: Mapping[str, Any]) -> str:
    cell = str(p.get("cell", "lstm"))
    inner = _recurrent_summary(cell.upper())({**p, "bidirectional": False})
    join = " (sum)" if p.get("join") == "sum" else ""
    return f"Bidirectional {inner}{join}"


def _input_summary(p: Mapping[str, Any]) -> str:
    what = "sequence" if p.get("mode") == "sequence" else "element"
    if p.get("data") == "tokens":
        enc = ("one-hot" if p.get("encoding") == "one_hot"
               else f"embedding {p.get('embedding_size')}")
        return f"{what} of tokens ({p.get('vocab_size')}), {enc}"
    return f"{what} of {p.get('size')} features"


# ---------------------------------------------------------------------------------------
# Help texts: the lecture's equations. The GRU slide writes Gr in front of h~(t) in the
# last line; that is a typo for Gu, and the help says so.

_RNN_HELP = """Elman recurrent network.
  h(t) = g1(W h(t-1) + U x(t) + b_h),   g1 = tanh or ReLU
W: hidden x hidden (recurrent), U: hidden x input, b_h: hidden.
Compiled to PyTorch's nn.RNN (cuDNN on a GPU); on a CPU, training runs a hand-written
backward pass through time on the same weights where it can, which is faster."""

_GRU_HELP = """Gated recurrent unit.
lecture form (with the relevance gate Gr):
  Gu = sigma(Mu [h(t-1), x(t)] + bu)
  Gr = sigma(Mr [h(t-1), x(t)] + br)
  h~(t) = tanh(M [Gr * h(t-1), x(t)] + bh)
  h(t) = Gu * h~(t) + (1 - Gu) * h(t-1)
(The slide prints Gr in front of h~(t) in the last line: a typo, the update gate Gu is meant.)
minimal form: the same without Gr, h~(t) = tanh(M [h(t-1), x(t)] + bh).
pytorch form (cuDNN): n = tanh(U_n x + b_in + r * (W_n h(t-1) + b_hn)); the relevance gate
multiplies the recurrent term after the matmul, and z = 1 - Gu. A different function from
the lecture form, compiled to PyTorch's nn.GRU (cuDNN on a GPU; on a CPU, training runs a
hand-written backward pass through time on the same weights where it can, which is faster).
Each M = [W, U]: W multiplies h(t-1) (hidden x hidden), U multiplies x(t) (hidden x input)."""

_LSTM_HELP = """Long short-term memory.
  Gu, Gf, Go = sigma(M* [h(t-1), x(t)] + b*)     update, forget, output gates
  c~(t) = tanh(Mc [h(t-1), x(t)] + bc)
  c(t) = Gu * c~(t) + Gf * c(t-1)
  h(t) = Go * tanh(c(t))
With peepholes, Gu and Gf also see c(t-1) and Go sees c(t):
  Gu = sigma(Mu [c(t-1), h(t-1), x(t)] + bu), Gf likewise, Go = sigma(Mo [c(t), h(t-1), x(t)] + bo)
full: the c part of each M is a hidden x hidden matrix P (as written in the lecture);
diagonal: one weight per unit (Gers & Schmidhuber 2002).
Without peepholes the block runs on PyTorch's fused nn.LSTM."""

_BIDIR_HELP = """Bidirectional recurrent network (Schuster & Paliwal 1997).
A forward layer reads x(1..T); a backward layer with its own weights reads x(T..1).
  h->(t) = cell(h->(t-1), x(t)),   h<-(t) = cell(h<-(t+1), x(t))
  output(t) = [h->(t), h<-(t)]  (concatenate)  or  h->(t) + h<-(t)  (sum)
Between stacked layers the two directions are concatenated.
The 'state' output joins both directions' final states the same way, so a decoder fed by it
needs hidden size 2 x hidden (concatenate) or hidden (sum)."""

_INPUT_HELP = """Where the data enter.
sequence: x(1..T), one element per step (M-to-1, M-to-N); element: one x (1-to-N, 1-to-1).
features: real numbers, `size` per step.
tokens: integer ids below `vocab_size`, encoded one-hot as in the lecture (x is a
vocabulary-sized vector with a single 1) or by a learned embedding of `embedding_size`."""

_DENSE_HELP = """Fully connected layer: y = g(V h + b). On a sequence it is applied at every
step with the same V and b; on a vector, once."""

_OUTPUT_HELP = """The network's prediction: y(t) = g2(V h(t) + b_y).
g2 decides the loss and the metric:
  softmax  -> cross-entropy, accuracy (one class per step or per sequence)
  sigmoid  -> binary cross-entropy summed over units (multi-hot, e.g. piano keys)
  tanh, identity -> mean squared error (regression)
On a sequence it predicts at every step (M-to-N); on a vector, once (M-to-1)."""

_FEEDBACK_HELP = """Autoregressive feedback: the element generated at step t is the input at t+1.
  x(1) = start,   x(t+1) = y(t)
While training, y(t) is the true target (teacher forcing), so the whole sequence trains in one
pass; when generating (running free), y(t) is what the network produced: sampled from the
output's distribution, the most likely value (greedy), or the probabilities themselves.
Wire the output block's 'out' into 'generated'. Without 'start', a learned start vector is
used, as a <start> token for a decoder. encoding embeds the element (e.g. a token id) with a
learned matrix, as an input block does."""

_DROPOUT_HELP = ("Dropout: while training, zero each feature with probability p; scale the "
                 "rest by 1/(1-p).\n"
                 "With drops = steps, zero whole time steps instead (Gal and Ghahramani "
                 "2016's word dropout when it follows an embedding).")
_CONCAT_HELP = """Concatenate along the features: [a, b] (and c). Sequences must share their time
axis; a vector and a sequence do not mix (repeat the vector first)."""
_REPEAT_HELP = "Repeat a vector N times to make a sequence: x(t) = v for t = 1..N."
_POOL_HELP = """Summarise a sequence as one vector over its real steps (padding excluded):
mean: (1/T) sum_t h(t);  max: max_t h(t) per feature."""


def _kind(kind: str, title: str, category: str, params: tuple[ParamSpec, ...], help_: str,
          port_fn: Callable[[Mapping[str, Any]], tuple[PortSpec, ...]],
          summary_fn: Callable[[Mapping[str, Any]], str]) -> BlockKind:
    return BlockKind(kind, title, category, params, help_, port_fn, summary_fn)


KINDS: dict[str, BlockKind] = {
    k.kind: k
    for k in (
        _kind("input", "Input", "Inputs", (
            ParamSpec("mode", "choice", "sequence",
                      "A sequence x(1..T) or a single element.", choices=("sequence", "element")),
            ParamSpec("data", "choice", "features",
                      "Real-valued features or token ids.", choices=("features", "tokens")),
            ParamSpec("size", "int", 1, "Features per element (for features).", 1, 100_000),
            ParamSpec("vocab_size", "int", 32, "Number of distinct tokens (for tokens).", 2,
                      MAX_VOCAB, label="vocabulary"),
            ParamSpec("encoding", "choice", "one_hot",
                      "How tokens become vectors: one-hot, or a learned embedding.",
                      choices=("one_hot", "embedding")),
            ParamSpec("embedding_size", "int", 16, "Size of the learned embedding.", 1,
                      MAX_WIDTH, label="embedding"),
        ), _INPUT_HELP, _input_ports, _input_summary),
        _kind("rnn", "RNN (Elman)", "Recurrent", (
            _hidden(), _layers(), _nonlinearity(), _dropout(), _weight_drop(),
            _bidirectional(), _join(),
        ), _RNN_HELP, _recurrent_ports, _recurrent_summary("RNN")),
        _kind("gru", "GRU", "Recurrent", (
            _hidden(), _layers(), _gru_form(), _dropout(), _weight_drop(),
            _bidirectional(), _join(),
        ), _GRU_HELP, _recurrent_ports, _recurrent_summary("GRU")),
        _kind("lstm", "LSTM", "Recurrent", (
            _hidden(), _layers(), _peepholes(), _dropout(), _weight_drop(),
            _bidirectional(), _join(),
        ), _LSTM_HELP, _recurrent_ports, _recurrent_summary("LSTM")),
        _kind("bidirectional", "Bidirectional", "Recurrent", (
            ParamSpec("cell", "choice", "lstm", "The cell run in both directions.",
                      choices=("rnn", "gru", "lstm")),
            _hidden(), _layers(), _join(), _dropout(), _weight_drop(), _nonlinearity(),
            _gru_form(), _peepholes(),
        ), _BIDIR_HELP, _recurrent_ports, _bidirectional_summary),
        _kind("dense", "Dense", "Layers", (
            ParamSpec("size", "int", 32, "Output units.", 1, MAX_WIDTH),
            ParamSpec("activation", "choice", "tanh", "The activation g.",
                      choices=("tanh", "relu", "sigmoid", "identity")),
        ), _DENSE_HELP, _follow_ports, lambda p: f"Dense {p.get('size')}, {p.get('activation')}"),
        _kind("dropout", "Dropout", "Layers", (
            ParamSpec("p", "float", 0.2, "Probability of zeroing a feature.", 0.0, 0.95),
            ParamSpec("drops", "choice", "features",
                      "features: each number on its own; steps: the whole vector of a time "
                      "step (word dropout: after an embedding, a dropped word is not seen).",
                      choices=("features", "steps")),
        ), _DROPOUT_HELP, _follow_ports,
            lambda p: f"Dropout {p.get('p')}" + (
                ", whole steps" if p.get("drops") == "steps" else "")),
        _kind("concat", "Concatenate", "Structure", (), _CONCAT_HELP, _concat_ports,
              lambda p: "Concatenate"),
        _kind("repeat", "Repeat", "Structure", (
            ParamSpec("times", "int", 8, "N, the length of the sequence made.", 1, 100_000),
        ), _REPEAT_HELP, _repeat_ports, lambda p: f"Repeat x{p.get('times')}"),
        _kind("pool", "Pool over time", "Structure", (
            ParamSpec("mode", "choice", "mean", "mean or max over the real steps.",
                      choices=("mean", "max")),
        ), _POOL_HELP, _pool_ports, lambda p: f"Pool ({p.get('mode')})"),
        _kind("feedback", "Feedback", "Structure", (
            ParamSpec("size", "int", 2, "Size of the generated element (the output's size).",
                      1, MAX_VOCAB),
            ParamSpec("encoding", "choice", "identity",
                      "identity: feed y(t) as it is (one-hot for classes); embedding: a "
                      "learned vector per class.", choices=("identity", "embedding")),
            ParamSpec("embedding_size", "int", 16, "Size of the learned embedding.", 1,
                      MAX_WIDTH, label="embedding"),
            ParamSpec("sampling", "choice", "sample",
                      "When running free: sample y(t), take the most likely value, or feed "
                      "the probabilities.", choices=("sample", "greedy", "probabilities")),
        ), _FEEDBACK_HELP, _feedback_ports,
            lambda p: f"Feedback {p.get('size')}" + (
                f", embedding {p.get('embedding_size')}" if p.get("encoding") == "embedding"
                else "")),
        _kind("output", "Output", "Outputs", (
            ParamSpec("size", "int", 2, "Output units (classes, keys, values).", 1, MAX_VOCAB),
            ParamSpec("activation", "choice", "softmax", "The activation g2; it sets the loss.",
                      choices=("softmax", "sigmoid", "tanh", "identity"), label="g2"),
        ), _OUTPUT_HELP, _output_ports,
            lambda p: f"Output {p.get('size')}, {p.get('activation')}"),
    )
}

RECURRENT_KINDS = frozenset({"rnn", "gru", "lstm", "bidirectional"})

LOSS_OF_ACTIVATION = {
    "softmax": ("cross_entropy", "accuracy"),
    "sigmoid": ("binary_cross_entropy", "nll_per_step"),
    "tanh": ("mse", "mse"),
    "identity": ("mse", "mse"),
}


def get_kind(kind: str) -> BlockKind | None:
    """The catalogue entry of ``kind``, or None for an unknown kind."""
    return KINDS.get(kind)


def recurrent_config(kind: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """Normalise a recurrent block's params: which cell, and whether it is bidirectional.

    Returns a dict with ``cell`` (rnn/gru/lstm), ``bidirectional``, ``hidden_size``,
    ``num_layers``, ``dropout``, ``weight_drop``, ``join``, ``nonlinearity``, ``form``,
    ``peepholes``.
    """
    cell = params.get("cell", "lstm") if kind == "bidirectional" else kind
    return {
        "cell": cell,
        "bidirectional": True if kind == "bidirectional" else bool(params.get("bidirectional")),
        "hidden_size": int(params["hidden_size"]),
        "num_layers": int(params["num_layers"]),
        "dropout": float(params["dropout"]),
        "weight_drop": float(params.get("weight_drop", 0.0)),
        "join": params["join"],
        "nonlinearity": params.get("nonlinearity", "tanh"),
        "form": params.get("form", "lecture"),
        "peepholes": params.get("peepholes", "none"),
    }
