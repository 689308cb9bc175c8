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


import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

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
        # Measuring dL/dh(t) (eager training only): run step by step, keep every h(t).
        self.probe = False
        self.probed: list[Tensor] = []

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

    def step(self, x: Tensor, h: Tensor, c: Tensor) -> tuple[Tensor, Tensor]:
        """One time step from state (h, c); overridden by each recurrent block."""
        raise NotImplementedError

    @torch.jit.unused
    def run_probed(self, env: dict[str, Tensor]) -> None:
        """The same function as ``run``, one step at a time, keeping each h(t) with its grad.

        The output at t is read from the kept state itself, so after backward
        ``h(t).grad`` holds the whole dL/dh(t): the loss at t and every later step.
        """
        x = env[self.input_key]
        lengths = env[self.input_key + ":len"]
        batch, steps = x.size(0), x.size(1)
        h0, c0 = self.initial(env)
        shape = (self.num_layers, batch, self.hidden_size)
        h = h0 if h0 is not None else x.new_zeros(shape)
        c = c0 if c0 is not None else x.new_zeros(shape)
        ragged = bool((lengths < steps).any())
        active_all = (torch.arange(steps).unsqueeze(1) < lengths.unsqueeze(0)).to(x.device)
        outs = []
        self.probed = []
        for t in range(steps):
            h_new, c_new = self.step(x[:, t : t + 1], h, c)
            if ragged:  # finished rows keep the state of their last real step
                active = active_all[t].view(1, batch, 1)
                h_new = torch.where(active, h_new, h)
                c_new = torch.where(active, c_new, c)
            h, c = h_new, c_new
            if h.requires_grad:
                h.retain_grad()
            self.probed.append(h)
            outs.append(h[-1] * active_all[t].view(batch, 1) if ragged else h[-1])
        out = torch.stack(outs, dim=1)
        self.publish(env, out, lengths, h, c if self.is_lstm else None)

    def publish(self, env: dict[str, Tensor], out: Tensor, lengths: Tensor, h_n: Tensor,
                c_n: Tensor | None) -> None:
        hidden = self.hidden_size
        if self.directions == 2 and not self.concat:
            out = out[:, :, :hidden] + out[:, :, hidden:]
        prefix = self.block_id
        env[prefix + ".sequence"] = out
        env[prefix + ".sequence:len"] = lengths
        state = _join_directions(h_n, self.num_layers, self.directions, self.concat)
        env[prefix + ".state"] = state
        env[prefix + ".last"] = state[-1]
        if c_n is not None:
            env[prefix + ".state:c"] = _join_directions(c_n, self.num_layers, self.directions,
                                                        self.concat)
        # Where the next call continues from: the next step of a generation loop, or the
        # next chunk of truncated BPTT (the caller passes it back in).
        env[self.carry_key] = h_n
        if c_n is not None:
            env[self.carry_key + ":c"] = c_n


def _fused_step(rnn: nn.RNNBase, x: Tensor, h: Tensor, c: Tensor) -> tuple[Tensor, Tensor]:
    """One time step of a fused nn.RNN/GRU/LSTM through PyTorch's own cell kernels.

    The same function as the fused layer (dropout between layers included), without its
    per-call set-up: measuring dL/dh(t) calls this once per step.
    """
    inp = x[:, 0]
    hs: list[Tensor] = []
    cs: list[Tensor] = []
    layers = rnn.num_layers
    for layer in range(layers):
        w_ih = getattr(rnn, f"weight_ih_l{layer}")
        w_hh = getattr(rnn, f"weight_hh_l{layer}")
        b_ih = getattr(rnn, f"bias_ih_l{layer}")
        b_hh = getattr(rnn, f"bias_hh_l{layer}")
        if isinstance(rnn, nn.LSTM):
            h_l, c_l = torch.lstm_cell(inp, (h[layer], c[layer]), w_ih, w_hh, b_ih, b_hh)
            cs.append(c_l)
        elif isinstance(rnn, nn.GRU):
            h_l = torch.gru_cell(inp, h[layer], w_ih, w_hh, b_ih, b_hh)
        elif rnn.nonlinearity == "relu":
            h_l = torch.rnn_relu_cell(inp, h[layer], w_ih, w_hh, b_ih, b_hh)
        else:
            h_l = torch.rnn_tanh_cell(inp, h[layer], w_ih, w_hh, b_ih, b_hh)
        hs.append(h_l)
        inp = h_l
        if rnn.dropout > 0 and rnn.training and layer < layers - 1:
            inp = F.dropout(inp, rnn.dropout, True)
    h_n = torch.stack(hs)
    return h_n, (torch.stack(cs) if cs else h_n)


class _FusedBase(_RecurrentBase):
    """What the blocks on PyTorch's fused layers share: stepping through the cell kernels."""

    @torch.jit.unused
    def step(self, x: Tensor, h: Tensor, c: Tensor) -> tuple[Tensor, Tensor]:
        return _fused_step(self.rnn, x, h, c)


class FusedRecurrentBlock(_FusedBase):
    """Elman RNN and PyTorch-form GRU on nn.RNN / nn.GRU (oneDNN, cuDNN)."""

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

    def run(self, env: dict[str, Tensor]) -> None:
        if self.probe:
            self.run_probed(env)
            return
        x = env[self.input_key]
        lengths = env[self.input_key + ":len"]
        h0, _ = self.initial(env)
        steps = x.size(1)
        if bool((lengths == steps).all()):
            out, h_n = self.rnn(x, h0)
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

    def run(self, env: dict[str, Tensor]) -> None:
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
    def step(self, x: Tensor, h: Tensor, c: Tensor) -> tuple[Tensor, Tensor]:
        # straight to the cells: one step needs none of the stack's masking set-up
        inp = x.transpose(0, 1)  # (1, B, I), time-major as the cells want
        hs: list[Tensor] = []
        cs: list[Tensor] = []
        stack = self.rnn
        for layer, cell in enumerate(stack.cells):
            h_l, c_l = cell(inp, h[layer], c[layer])
            hs.append(h_l[0])
            cs.append(c_l[0])
            inp = h_l
            if stack.dropout > 0 and stack.training and layer < stack.num_layers - 1:
                inp = F.dropout(inp, stack.dropout, True)
        return torch.stack(hs), torch.stack(cs)

    def run(self, env: dict[str, Tensor]) -> None:
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
    def __init__(self, block_id: str, phase: int, input_key: str, p: float,
                 sequence: bool) -> None:
        super().__init__(block_id, phase)
        self.input_key = input_key
        self.sequence = sequence
        self.dropout = nn.Dropout(p)

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
