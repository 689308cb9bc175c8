"""The torch modules that blocks compile to.

Every block becomes one :class:`BlockModule` with the same small interface, so that the
compiled model can run them in topological order over a shared *environment*: a
``dict[str, Tensor]`` mapping ``"block.port"`` to the tensor on that port. A sequence's
real lengths travel beside it under ``"block.port:len"`` (int64, on the CPU, as packing
wants); an LSTM state's cell part under ``"block.state:c"``. Each module knows the keys it
reads and writes (given by the compiler) and nothing else about the design.

Why an environment rather than generated code: the interface is uniform, so the whole
model scripts with TorchScript, the try-it panel can look at every intermediate tensor,
and generation can re-run only the blocks inside a feedback loop, one step at a time.
The cost is a few dictionary operations per block per batch, negligible beside a
recurrent layer.

Phases (used by free-running generation): 0 = before the loop (run once), 1 = inside the
feedback loop (run once per generated step), 2 = neither (skipped when generating).
"""

import contextlib
from collections.abc import Iterator

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from engine import fastrnn
from engine.cells import RecurrentStack

# No `from __future__ import annotations` here: TorchScript reads these annotations.



def _full_lengths(x: Tensor) -> Tensor:
    return torch.full((x.size(0),), x.size(1), dtype=torch.long)


def _activate(z: Tensor, activation: str) -> Tensor:
    if activation == "tanh":
        return torch.tanh(z)
    if activation == "relu":
        return torch.relu(z)
    if activation == "sigmoid":
        return torch.sigmoid(z)
    if activation == "softmax":
        return torch.softmax(z, dim=-1)
    return z


class BlockModule(nn.Module):
    """Base of every compiled block: default no-op hooks for generation."""

    def __init__(self, block_id: str, phase: int) -> None:
        super().__init__()
        self.block_id = block_id
        self.phase = phase
        self.is_feedback = False

    def run(self, env: dict[str, Tensor]) -> None:
        raise NotImplementedError

    def start_element(self, env: dict[str, Tensor], batch: int) -> Tensor:
        return torch.zeros(0)

    def feed(self, z: Tensor, temperature: float) -> tuple[Tensor, Tensor]:
        return z, z


class InputBlock(BlockModule):
    """Real features pass through; token ids are one-hot encoded or embedded."""

    def __init__(self, block_id: str, phase: int, sequence: bool, tokens: bool, size: int,
                 vocab_size: int, embedding_size: int, one_hot: bool) -> None:
        super().__init__(block_id, phase)
        self.sequence = sequence
        self.tokens = tokens
        self.size = size
        self.vocab_size = vocab_size
        self.one_hot = one_hot
        self.out_key = block_id + ".out"
        if tokens and not one_hot:
            self.embedding = nn.Embedding(vocab_size, embedding_size)
        else:
            self.embedding = nn.Identity()

    def run(self, env: dict[str, Tensor]) -> None:
        if self.block_id not in env:
            raise RuntimeError("input '" + self.block_id + "' was not given")
        x = env[self.block_id]
        want_dims = (2 if self.sequence else 1) + (0 if self.tokens else 1)
        if x.dim() != want_dims:
            what = "token ids" if self.tokens else "features"
            shape = "(batch, T" if self.sequence else "(batch"
            shape += ")" if self.tokens else ", " + str(self.size) + ")"
            raise RuntimeError("input '" + self.block_id + "': expected " + what + " shaped "
                               + shape + ", got " + str(x.dim()) + " dimensions "
                               + str(list(x.shape)))
        if self.tokens:
            if x.is_floating_point():
                raise RuntimeError("input '" + self.block_id + "': token ids must be integers")
            if self.one_hot:
                y = F.one_hot(x.long(), self.vocab_size).float()
            else:
                y = self.embedding(x.long())
        else:
            if x.size(-1) != self.size:
                raise RuntimeError("input '" + self.block_id + "': expected "
                                   + str(self.size) + " features, got " + str(x.size(-1)))
            y = x.float() if not x.is_floating_point() else x
        env[self.out_key] = y
        if self.sequence:
            len_key = self.block_id + ":len"
            env[self.out_key + ":len"] = env[len_key] if len_key in env else _full_lengths(x)


def _join_directions(h: Tensor, layers: int, directions: int, concat: bool) -> Tensor:
    """(layers * D, B, H) -> (layers, B, D*H) or (layers, B, H) summed."""
    if directions == 1:
        return h
    batch, hidden = h.size(1), h.size(2)
    h = h.view(layers, directions, batch, hidden)
    if concat:
        return h.permute(0, 2, 1, 3).reshape(layers, batch, directions * hidden)
    return h.sum(1)


def _split_state(state: Tensor, directions: int) -> Tensor:
    """(layers, B, H) handed over -> (layers * D, B, H): each direction starts from it."""
    if directions == 1:
        return state
    return state.repeat_interleave(directions, dim=0)


@contextlib.contextmanager
def _dropped_connections(weights: list[tuple[nn.Module, str]], p: float) -> Iterator[None]:
    """DropConnect: while inside, each named weight reads as a dropped, rescaled copy.

    The copy is a function of the parameter, so gradients reach the parameter (zero where
    dropped). Every reader sees it: PyTorch's fused layers (which take their weights anew
    when they change, as under ``torch.func.functional_call``), the measuring kernels and
    the lecture's cells.
    """
    saved: list[tuple[nn.Module, str, Tensor]] = []
    try:
        for module, name in weights:
            weight = module._parameters[name]
            assert weight is not None
            saved.append((module, name, weight))
            module._parameters[name] = F.dropout(weight, p, True)  # type: ignore[assignment]
        yield
    finally:
        for module, name, weight in saved:
            module._parameters[name] = weight  # type: ignore[assignment]


class _RecurrentBase(BlockModule):
    def __init__(self, block_id: str, phase: int, input_key: str, state_key: str, cell: str,
                 hidden_size: int, num_layers: int, bidirectional: bool, concat: bool) -> None:
        super().__init__(block_id, phase)
        self.input_key = input_key
        self.state_key = state_key
        self.is_lstm = cell == "lstm"
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.directions = 2 if bidirectional else 1
        self.concat = concat
        self.carry_key = block_id + ":carry"
        # Whether anything reads the final states (the "last" and "state" ports). When
        # nothing does, a fused layer may run over the padding (see _FusedBase.padded_ok).
        self.final_state_used = True
        # Measuring dL/dh(t) (eager training only): run through engine.fastrnn, whose
        # backward pass leaves ||dL/dh(t)|| of each layer in one sink per layer.
        self.probe = False
        self.probed: list[fastrnn.TimeGradientSink] = []
        # DropConnect on the recurrent weights while training (the "weight_drop" param).
        self.weight_drop = 0.0

    def run(self, env: dict[str, Tensor]) -> None:
        if self.weight_drop > 0.0 and self.training and not torch.jit.is_scripting():
            self.run_dropping(env)
        else:
            self.run_layers(env)

    def run_layers(self, env: dict[str, Tensor]) -> None:
        raise NotImplementedError

    @torch.jit.unused
    def recurrent_weights(self) -> list[tuple[nn.Module, str]]:
        """The hidden-to-hidden matrices (W), as (module, parameter name): PyTorch's
        layers call them weight_hh_l*, the lecture's cells W_*."""
        return [(module, name) for module in self.modules()
                for name, _ in module.named_parameters(recurse=False)
                if name.startswith(("weight_hh", "W_"))]

    @torch.jit.unused
    def run_dropping(self, env: dict[str, Tensor]) -> None:
        """``run_layers`` with every W replaced by one DropConnect draw for the whole call."""
        with _dropped_connections(self.recurrent_weights(), self.weight_drop):
            self.run_layers(env)

    def initial(self, env: dict[str, Tensor]) -> tuple[Tensor | None, Tensor | None]:
        h0: Tensor | None = None
        c0: Tensor | None = None
        if self.carry_key in env:  # stepping a generation loop: continue from the last step
            h0 = env[self.carry_key]
            if self.carry_key + ":c" in env:
                c0 = env[self.carry_key + ":c"]
        elif self.state_key != "" and self.state_key in env:
            h0 = _split_state(env[self.state_key], self.directions)
            if self.state_key + ":c" in env:
                c0 = _split_state(env[self.state_key + ":c"], self.directions)
        return h0, c0

    @torch.jit.unused
    def probed_layers(self, x: Tensor, lengths: Tensor, h0: Tensor | None, c0: Tensor | None,
                      sinks: list[fastrnn.TimeGradientSink]
                      ) -> tuple[Tensor, Tensor, Tensor | None]:
        """(out, h_n, c_n) as ``run`` computes them, each layer reporting to its sink."""
        raise NotImplementedError

    @torch.jit.unused
    def run_probed(self, env: dict[str, Tensor]) -> None:
        """The same function as ``run``, measuring dL/dh(t) on the way back.

        After backward, ``self.probed[layer]`` holds ||dL/dh(t)|| for every step t: the
        whole gradient of the state, through the loss at t and every later step. Steps
        after a row's end are padding: that row adds nothing to them, and its final
        state's gradient enters at its last real step.
        """
        x = env[self.input_key]
        lengths = env[self.input_key + ":len"]
        h0, c0 = self.initial(env)
        sinks = [fastrnn.TimeGradientSink(x.size(1)) for _ in range(self.num_layers)]
        out, h_n, c_n = self.probed_layers(x, lengths, h0, c0, sinks)
        self.probed = sinks
        self.publish(env, out, lengths, h_n, c_n if self.is_lstm else None)

    def publish(self, env: dict[str, Tensor], out: Tensor, lengths: Tensor, h_n: Tensor | None,
                c_n: Tensor | None, final_exact: bool = True) -> None:
        """Put the block's ports into ``env``; ``final_exact`` False: h_n and c_n are the
        states after the padding (or None), so the "last" and "state" ports are left out."""
        hidden = self.hidden_size
        if self.directions == 2 and not self.concat:
            out = out[:, :, :hidden] + out[:, :, hidden:]
        prefix = self.block_id
        env[prefix + ".sequence"] = out
        env[prefix + ".sequence:len"] = lengths
        if h_n is None:
            return
        if final_exact:
            state = _join_directions(h_n, self.num_layers, self.directions, self.concat)
            env[prefix + ".state"] = state
            env[prefix + ".last"] = state[-1]
            if c_n is not None:
                env[prefix + ".state:c"] = _join_directions(c_n, self.num_layers,
                                                            self.directions, self.concat)
        # Where the next call continues from: the next step of a generation loop, or the
        # next chunk of truncated BPTT (the caller passes it back in).
        env[self.carry_key] = h_n
        if c_n is not None:
            env[self.carry_key + ":c"] = c_n


EVERY_PORT = "*every port"  # in env: the caller wants every port exact (see padded_ok)


def _real_steps(lengths: Tensor, steps: int, like: Tensor) -> Tensor:
    """(B, T, 1) mask of each row's real steps, in the dtype and on the device of ``like``."""
    t = torch.arange(steps, device=like.device)
    return (t.unsqueeze(0) < lengths.to(like.device).unsqueeze(1)).unsqueeze(2).to(like.dtype)


class _FusedBase(_RecurrentBase):
    """What the blocks on PyTorch's fused layers share: measuring through engine.fastrnn.

    The fused layers keep their per-step states to themselves, so a measuring step runs
    the same parameters through :func:`engine.fastrnn.torch_stack` (hand-written kernels
    of the same function, dropout between layers included).
    """

    @torch.jit.unused
    def probed_layers(self, x: Tensor, lengths: Tensor, h0: Tensor | None, c0: Tensor | None,
                      sinks: list[fastrnn.TimeGradientSink]
                      ) -> tuple[Tensor, Tensor, Tensor | None]:
        return fastrnn.torch_stack(self.rnn, x, lengths, h0, c0, sinks)

    @torch.jit.unused
    def kernels_wanted(self, x: Tensor) -> bool:
        """Whether an nn.RNN / nn.GRU trains through engine.fastrnn's kernels.

        On a CPU only PyTorch's LSTM has a fused kernel (oneDNN); its GRU and Elman layers
        record about a dozen autograd operations per step, and engine.fastrnn's hand-written
        backward pass trains the same function on the same parameters faster in no more
        memory (bench_speed.py, items 1 and 7). cuDNN is faster on a GPU; without gradients
        there is nothing to gain.
        """
        return (not isinstance(self.rnn, nn.LSTM) and x.device.type == "cpu"
                and torch.is_grad_enabled() and fastrnn.wanted())

    def padded_ok(self, env: dict[str, Tensor]) -> bool:
        """Whether rows of unequal length may run unpacked, over the padding.

        On the CPU a packed sequence makes PyTorch's layers run step by step under
        autograd, 3-4 times slower than the fused padded kernel for small layers. A one-way
        layer's outputs at a row's real steps never depend on the padding after them, so
        when no one reads the final states (which would be the states after the padding)
        the padded run gives the same outputs; the padding's outputs are set to zero, as
        unpacking sets them. The states still carry on to a next TBPTT chunk: exact for the
        rows that run through the chunk, and unread for those that end in it. A caller
        that asks for every port (``CompiledModel.environment``: try it, the traces) gets
        the packed run and exact final states.
        """
        return (self.directions == 1 and not self.final_state_used
                and "*every port" not in env)  # EVERY_PORT: TorchScript reads no globals

    def two_way_padded_ok(self, env: dict[str, Tensor]) -> bool:
        """Whether a bidirectional layer may run as :meth:`two_way_padded` (eager only)."""
        return (self.directions == 2 and not self.final_state_used
                and "*every port" not in env and not torch.jit.is_scripting())

    @torch.jit.unused
    def two_way_padded(self, x: Tensor, lengths: Tensor, h0: Tensor | None,
                       c0: Tensor | None) -> Tensor:
        """A bidirectional stack over ragged rows without packing (see :meth:`padded_ok`).

        Each direction of each layer runs PyTorch's fused kernel on padded rows (an
        nn.RNN / nn.GRU training on a CPU: engine.fastrnn's, see :meth:`kernels_wanted`); the
        backward direction reads every row reversed within its own length, so its real
        steps come first and the padding after them, where it changes nothing read. The
        outputs equal the packed run's, zeros at the padding included; the final states
        are not computed (nobody reads them).
        """
        rnn = self.rnn
        batch, steps = x.size(0), x.size(1)
        hidden = self.hidden_size
        t = torch.arange(steps, device=x.device).unsqueeze(0)
        ends = lengths.to(x.device).unsqueeze(1)
        flip = torch.where(t < ends, ends - 1 - t, t).unsqueeze(2)  # an involution
        kernels = self.kernels_wanted(x)
        active = (t < ends).t().unsqueeze(2)  # (T, B, 1): the padding comes last both ways
        zeros = x.new_zeros(1, batch, hidden)
        layer_in = x
        for layer in range(self.num_layers):
            outs = []
            for direction in (0, 1):
                suffix = f"_l{layer}" + ("_reverse" if direction else "")
                params = [getattr(rnn, name + suffix) for name in
                          ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
                index = 2 * layer + direction
                h = zeros if h0 is None else h0[index : index + 1]
                seq = layer_in
                if direction:
                    seq = layer_in.gather(1, flip.expand(-1, -1, layer_in.size(2)))
                if kernels:
                    weights = (params[0], params[1], params[2], params[3])
                    out = fastrnn.torch_direction(rnn, seq.transpose(0, 1), weights, h[0],
                                                  active).transpose(0, 1)
                elif isinstance(rnn, nn.LSTM):
                    c = zeros if c0 is None else c0[index : index + 1]
                    out = torch._VF.lstm(seq, (h, c), params, True, 1, 0.0, self.training,
                                         False, True)[0]
                elif isinstance(rnn, nn.GRU):
                    out = torch._VF.gru(seq, h, params, True, 1, 0.0, self.training, False,
                                        True)[0]
                else:
                    run = (torch._VF.rnn_tanh if rnn.nonlinearity == "tanh"
                           else torch._VF.rnn_relu)
                    out = run(seq, h, params, True, 1, 0.0, self.training, False, True)[0]
                if direction:
                    out = out.gather(1, flip.expand(-1, -1, hidden))
                outs.append(out)
            layer_in = torch.cat(outs, 2)
            if layer < self.num_layers - 1 and rnn.dropout > 0:
                layer_in = F.dropout(layer_in, rnn.dropout, self.training)
        return layer_in * _real_steps(lengths, steps, layer_in)


class FusedRecurrentBlock(_FusedBase):
    """Elman RNN and PyTorch-form GRU on nn.RNN / nn.GRU (cuDNN on a GPU; training on a CPU
    runs engine.fastrnn's kernels, see :meth:`kernels_wanted`)."""

    def __init__(self, block_id: str, phase: int, input_key: str, state_key: str, cell: str,
                 input_size: int, hidden_size: int, num_layers: int, bidirectional: bool,
                 concat: bool, dropout: float, nonlinearity: str) -> None:
        super().__init__(block_id, phase, input_key, state_key, cell, hidden_size, num_layers,
                         bidirectional, concat)
        if cell == "rnn":
            self.rnn = nn.RNN(input_size, hidden_size, num_layers, nonlinearity=nonlinearity,
                              batch_first=True, dropout=dropout, bidirectional=bidirectional)
        else:
            self.rnn = nn.GRU(input_size, hidden_size, num_layers, batch_first=True,
                              dropout=dropout, bidirectional=bidirectional)

    @torch.jit.unused
    def run_kernels(self, env: dict[str, Tensor]) -> None:
        """One direction on engine.fastrnn's kernels (see :meth:`kernels_wanted`)."""
        x = env[self.input_key]
        lengths = env[self.input_key + ":len"]
        h0, _ = self.initial(env)
        out, h_n, _ = fastrnn.torch_stack(self.rnn, x, lengths, h0, None)
        self.publish(env, out, lengths, h_n, None)

    def run_layers(self, env: dict[str, Tensor]) -> None:
        if self.probe:
            self.run_probed(env)
            return
        x = env[self.input_key]
        kernels = not torch.jit.is_scripting() and self.kernels_wanted(x)
        if kernels and self.directions == 1:
            self.run_kernels(env)
            return
        lengths = env[self.input_key + ":len"]
        h0, _ = self.initial(env)
        steps = x.size(1)
        full = bool((lengths == steps).all())
        # On the kernels the two-way padded run serves full rows too.
        if self.two_way_padded_ok(env) and (kernels or not full):
            self.publish(env, self.two_way_padded(x, lengths, h0, None), lengths, None, None,
                         False)
            return
        if full:
            out, h_n = self.rnn(x, h0)
        elif self.padded_ok(env):
            out, h_n = self.rnn(x, h0)
            self.publish(env, out * _real_steps(lengths, steps, out), lengths, h_n, None,
                         False)
            return
        else:
            packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            packed_out, h_n = self.rnn(packed, h0)
            out, _ = pad_packed_sequence(packed_out, batch_first=True, total_length=steps)
        self.publish(env, out, lengths, h_n, None)


class FusedLSTMBlock(_FusedBase):
    """LSTM without peepholes on nn.LSTM."""

    def __init__(self, block_id: str, phase: int, input_key: str, state_key: str,
                 input_size: int, hidden_size: int, num_layers: int, bidirectional: bool,
                 concat: bool, dropout: float) -> None:
        super().__init__(block_id, phase, input_key, state_key, "lstm", hidden_size,
                         num_layers, bidirectional, concat)
        self.rnn = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True,
                           dropout=dropout, bidirectional=bidirectional)

    def run_layers(self, env: dict[str, Tensor]) -> None:
        if self.probe:
            self.run_probed(env)
            return
        x = env[self.input_key]
        lengths = env[self.input_key + ":len"]
        h0, c0 = self.initial(env)
        state: tuple[Tensor, Tensor] | None = None
        if h0 is not None:
            if c0 is None:
                c0 = torch.zeros_like(h0)
            state = (h0, c0)
        steps = x.size(1)
        if bool((lengths == steps).all()):
            out, (h_n, c_n) = self.rnn(x, state)
        elif self.two_way_padded_ok(env):
            self.publish(env, self.two_way_padded(x, lengths, h0, c0), lengths, None, None,
                         False)
            return
        elif self.padded_ok(env):
            out, (h_n, c_n) = self.rnn(x, state)
            self.publish(env, out * _real_steps(lengths, steps, out), lengths, h_n, c_n,
                         False)
            return
        else:
            packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            packed_out, (h_n, c_n) = self.rnn(packed, state)
            out, _ = pad_packed_sequence(packed_out, batch_first=True, total_length=steps)
        self.publish(env, out, lengths, h_n, c_n)


class CustomRecurrentBlock(_RecurrentBase):
    """The lecture's GRU, the minimal GRU and the LSTM with peepholes (engine.cells)."""

    def __init__(self, block_id: str, phase: int, input_key: str, state_key: str, cell: str,
                 input_size: int, hidden_size: int, num_layers: int, bidirectional: bool,
                 concat: bool, dropout: float, peepholes: str) -> None:
        super().__init__(block_id, phase, input_key, state_key,
                         "lstm" if cell == "lstm" else "gru", hidden_size, num_layers,
                         bidirectional, concat)
        self.rnn = RecurrentStack(cell, input_size, hidden_size, num_layers,
                                  bidirectional=bidirectional, dropout=dropout,
                                  peepholes=peepholes)

    @torch.jit.unused
    def probed_layers(self, x: Tensor, lengths: Tensor, h0: Tensor | None, c0: Tensor | None,
                      sinks: list[fastrnn.TimeGradientSink]
                      ) -> tuple[Tensor, Tensor, Tensor | None]:
        # The cells' own fast path measures; the sinks are theirs for this call only.
        cells = list(self.rnn.cells)
        for cell, sink in zip(cells, sinks, strict=True):
            cell.time_sink = sink
        try:
            return self.rnn(x, lengths, h0, c0)
        finally:
            for cell in cells:
                cell.time_sink = None

    def run_layers(self, env: dict[str, Tensor]) -> None:
        if self.probe:
            self.run_probed(env)
            return
        x = env[self.input_key]
        lengths = env[self.input_key + ":len"]
        h0, c0 = self.initial(env)
        out, h_n, c_n = self.rnn(x, lengths, h0, c0)
        self.publish(env, out, lengths, h_n, c_n if self.is_lstm else None)


class DenseBlock(BlockModule):
    """y = g(V h + b); an Output block keeps z = V h + b (logits) and applies g2 later."""

    def __init__(self, block_id: str, phase: int, input_key: str, in_size: int, size: int,
                 activation: str, is_output: bool, sequence: bool) -> None:
        super().__init__(block_id, phase)
        self.input_key = input_key
        self.activation = activation
        self.is_output = is_output
        self.sequence = sequence
        self.linear = nn.Linear(in_size, size)

    def run(self, env: dict[str, Tensor]) -> None:
        z = self.linear(env[self.input_key])
        if self.is_output:
            env[self.block_id + ".logits"] = z
        else:
            env[self.block_id + ".out"] = _activate(z, self.activation)
        if self.sequence:
            env[self.block_id + ".out:len"] = env[self.input_key + ":len"]


class DropoutBlock(BlockModule):
    """Dropout of features, or of whole steps (one draw per row and step, every feature)."""

    def __init__(self, block_id: str, phase: int, input_key: str, p: float,
                 sequence: bool, whole_steps: bool = False) -> None:
        super().__init__(block_id, phase)
        self.input_key = input_key
        self.sequence = sequence
        # Dropout1d zeroes whole channels, dim 1: on (B, T, F) the steps; on a vector
        # (B, F), read as one unbatched (C, L), whole rows.
        self.dropout = nn.Dropout1d(p) if whole_steps else nn.Dropout(p)

    def run(self, env: dict[str, Tensor]) -> None:
        env[self.block_id + ".out"] = self.dropout(env[self.input_key])
        if self.sequence:
            env[self.block_id + ".out:len"] = env[self.input_key + ":len"]


class ConcatBlock(BlockModule):
    def __init__(self, block_id: str, phase: int, input_keys: list[str], sequence: bool) -> None:
        super().__init__(block_id, phase)
        self.input_keys = input_keys
        self.sequence = sequence

    def run(self, env: dict[str, Tensor]) -> None:
        parts: list[Tensor] = []
        for key in self.input_keys:
            parts.append(env[key])
        env[self.block_id + ".out"] = torch.cat(parts, dim=-1)
        if self.sequence:
            env[self.block_id + ".out:len"] = env[self.input_keys[0] + ":len"]


class RepeatBlock(BlockModule):
    def __init__(self, block_id: str, phase: int, input_key: str, times: int) -> None:
        super().__init__(block_id, phase)
        self.input_key = input_key
        self.times = times

    def run(self, env: dict[str, Tensor]) -> None:
        v = env[self.input_key]
        env[self.block_id + ".out"] = v.unsqueeze(1).expand(v.size(0), self.times, v.size(1))
        env[self.block_id + ".out:len"] = torch.full((v.size(0),), self.times, dtype=torch.long)


class PoolBlock(BlockModule):
    """Mean or max over the real steps of each sequence (padding excluded)."""

    def __init__(self, block_id: str, phase: int, input_key: str, mode: str) -> None:
        super().__init__(block_id, phase)
        self.input_key = input_key
        self.mode = mode

    def run(self, env: dict[str, Tensor]) -> None:
        h = env[self.input_key]
        lengths = env[self.input_key + ":len"].to(h.device)
        steps = torch.arange(h.size(1), device=h.device)
        mask = (steps.unsqueeze(0) < lengths.unsqueeze(1)).unsqueeze(-1)
        if self.mode == "max":
            pooled = h.masked_fill(~mask, float("-inf")).amax(dim=1)
        else:
            pooled = (h * mask.to(h.dtype)).sum(1) / lengths.clamp(min=1).unsqueeze(1).to(h.dtype)
        env[self.block_id + ".out"] = pooled


class FeedbackBlock(BlockModule):
    """x(1) = start, x(t+1) = y(t): teacher forcing from the targets, or running free.

    In the environment the targets arrive under the block's own id (``"<id>"`` and
    ``"<id>:len"``): class ids ``(B, N)`` for a softmax output, else ``(B, N, size)``.
    """

    def __init__(self, block_id: str, phase: int, start_key: str, size: int, embed: bool,
                 embedding_size: int, activation: str, sampling: str) -> None:
        super().__init__(block_id, phase)
        self.is_feedback = True
        self.start_key = start_key
        self.size = size
        self.embed = embed
        self.activation = activation
        self.sampling = sampling
        width = embedding_size if embed else size
        self.width = width
        # Plain tensors rather than nn.Embedding, so that one attribute type serves the
        # scripted model whether or not there is a table; absent ones are empty buffers.
        if embed:
            self.table = nn.Parameter(torch.randn(size, embedding_size))
        else:
            self.register_buffer("table", torch.zeros(0), persistent=False)
        if start_key == "":
            # the learned <start> element, already in the encoded space
            self.start = nn.Parameter(torch.zeros(width))
        else:
            self.register_buffer("start", torch.zeros(0), persistent=False)

    def encode(self, element: Tensor) -> Tensor:
        """Class ids (B, N) or vectors (B, N, size) -> the vectors fed to the loop."""
        if not element.is_floating_point():
            if self.embed:
                return F.embedding(element.long(), self.table)
            return F.one_hot(element.long(), self.size).float()
        if self.embed:
            # a one-hot (or multi-hot) vector times the table equals the lookup
            return torch.matmul(element, self.table)
        return element

    def start_element(self, env: dict[str, Tensor], batch: int) -> Tensor:
        if self.start_key != "":
            return self.encode(env[self.start_key].unsqueeze(1))
        return self.start.view(1, 1, self.width).expand(batch, 1, self.width)

    def run(self, env: dict[str, Tensor]) -> None:
        if self.block_id not in env:
            raise RuntimeError("feedback '" + self.block_id + "' needs the target sequence "
                               "(teacher forcing) under its id; use generate() to run free")
        targets = env[self.block_id]
        if not targets.is_floating_point():
            targets = targets.clamp(min=0)  # padding ids (-100) only ever feed padded steps
        batch, steps = targets.size(0), targets.size(1)
        first = self.start_element(env, batch)
        x = first
        if steps > 1:
            x = torch.cat([first, self.encode(targets[:, : steps - 1])], dim=1)
        len_key = self.block_id + ":len"
        env[self.block_id + ".out"] = x
        env[self.block_id + ".out:len"] = env[len_key] if len_key in env else _full_lengths(x)

    def feed(self, z: Tensor, temperature: float) -> tuple[Tensor, Tensor]:
        """Logits of one step (B, 1, size) -> (the element generated, its encoding)."""
        t = max(temperature, 1e-6)
        if self.activation == "softmax":
            probs = torch.softmax(z / t, dim=-1)
            if self.sampling == "probabilities":
                element = probs
            elif self.sampling == "greedy":
                element = F.one_hot(probs.argmax(-1), self.size).to(probs.dtype)
            else:
                flat = torch.multinomial(probs.reshape(-1, self.size), 1)
                element = F.one_hot(flat.view(probs.shape[:-1]), self.size).to(probs.dtype)
        elif self.activation == "sigmoid":
            probs = torch.sigmoid(z / t)
            if self.sampling == "probabilities":
                element = probs
            elif self.sampling == "greedy":
                element = (probs > 0.5).to(probs.dtype)
            else:
                element = torch.bernoulli(probs)
        else:
            element = _activate(z, self.activation)
        return element, self.encode(element)
