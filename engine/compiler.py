"""Compilation: a valid design becomes one ``torch.nn.Module``.

:func:`compile_design` validates the design, builds one :mod:`engine.blocks` module per
block in topological order and wraps them in a :class:`CompiledModel`. Blocks whose maths
equals PyTorch's fused layers (Elman RNN, PyTorch-form GRU, LSTM without peepholes)
compile to nn.RNN / nn.GRU / nn.LSTM, which is what makes training fast; the lecture's GRU,
the minimal GRU and the peephole LSTM compile to :mod:`engine.cells`.

The compiled model takes and returns dictionaries, so one signature fits every design
and the model scripts with TorchScript:

* inputs: ``{"<input block id>": tensor, "<input block id>:len": lengths}`` — features
  ``(B, T, F)`` or token ids ``(B, T)`` for a sequence, ``(B, F)`` / ``(B,)`` for an
  element; lengths ``(B,)`` int64 may be omitted when every row is full. A feedback loop
  also takes its target sequence under the feedback block's id (teacher forcing).
* ``forward`` returns ``{"<output block id>": g2(z)}``, ``logits`` returns z (what the
  losses want, for numerical stability), ``environment`` returns every port's tensor.
* ``generate(inputs, steps, temperature)`` runs a design with a feedback loop free:
  the blocks before the loop once, then the loop one step at a time, each generated
  element becoming the next input.
"""


from dataclasses import dataclass
from typing import Any

import torch
from torch import Tensor, nn

from engine import blocks as B
from engine.catalogue import RECURRENT_KINDS, SEQ, recurrent_config
from engine.design import Block, Design, PortRef
from engine.errors import DesignInvalidError
from engine.validation import Analysis, analyze


@dataclass(frozen=True)
class ModelSignature:
    """What a compiled model expects and returns (plain data, for the trainer and export)."""

    inputs: tuple[tuple[str, str, bool, int], ...]  # (block id, 'sequence'/'element', tokens, size)
    outputs: tuple[tuple[str, str, bool], ...]  # (block id, activation, per-step)
    feedback: str  # feedback block id, or ""
    feedback_output: str  # the output block closing the loop, or ""


class CompiledModel(nn.Module):
    """The compiled design (see the module docstring for the calling convention)."""

    def __init__(self, modules: list[B.BlockModule], output_ids: list[str],
                 output_activations: list[str], feedback_output: str, batch_key: str) -> None:
        super().__init__()
        self.ordered = nn.ModuleList(modules)
        self.output_ids = output_ids
        self.output_activations = output_activations
        self.feedback_output = feedback_output
        self.batch_key = batch_key

    def _environment(self, inputs: dict[str, Tensor], every_port: bool) -> dict[str, Tensor]:
        env: dict[str, Tensor] = {}
        for key, value in inputs.items():
            env[key] = value
        if every_port:
            env["*every port"] = torch.zeros(0)  # B.EVERY_PORT; TorchScript reads no globals
        for block in self.ordered:
            block.run(env)
        if every_port:
            env.pop("*every port")
        return env

    @torch.jit.export
    def environment(self, inputs: dict[str, Tensor]) -> dict[str, Tensor]:
        """Every port's tensor, keyed ``block.port`` (hidden states for the try-it panel)."""
        return self._environment(inputs, True)

    @torch.jit.export
    def working_environment(self, inputs: dict[str, Tensor]) -> dict[str, Tensor]:
        """The ports that wires read, the logits and the carried states: what training
        needs. A port no wire reads may be missing (see ``B._FusedBase.padded_ok``)."""
        return self._environment(inputs, False)

    @torch.jit.export
    def logits(self, inputs: dict[str, Tensor]) -> dict[str, Tensor]:
        """The output blocks' pre-activations z = V h + b."""
        env = self._environment(inputs, False)
        result: dict[str, Tensor] = {}
        for name in self.output_ids:
            result[name] = env[name + ".logits"]
        return result

    def forward(self, inputs: dict[str, Tensor]) -> dict[str, Tensor]:
        """The output blocks' predictions y = g2(z)."""
        z = self.logits(inputs)
        result: dict[str, Tensor] = {}
        for i, name in enumerate(self.output_ids):
            result[name] = B._activate(z[name], self.output_activations[i])
        return result

    @torch.jit.export
    def generate(self, inputs: dict[str, Tensor], steps: int,
                 temperature: float = 1.0) -> Tensor:
        """Run the feedback loop free for ``steps`` steps; returns (B, steps, size)."""
        # TorchScript unrolls loops over a ModuleList and forbids reusing the loop
        # variable's name for another module, hence one name per loop.
        if self.feedback_output == "":
            raise RuntimeError("this design has no feedback loop to generate with")
        env: dict[str, Tensor] = {}
        for key, value in inputs.items():
            env[key] = value
        for before in self.ordered:
            if before.phase == 0:
                before.run(env)
        batch = 1
        if self.batch_key != "" and self.batch_key in env:
            batch = env[self.batch_key].size(0)
        x = torch.zeros(0)
        for starter in self.ordered:
            if starter.is_feedback:
                x = starter.start_element(env, batch)
                batch = x.size(0)
        produced: list[Tensor] = []
        for _ in range(steps):
            for member in self.ordered:
                if member.is_feedback:
                    env[member.block_id + ".out"] = x
                    env[member.block_id + ".out:len"] = torch.ones(batch, dtype=torch.long)
                elif member.phase == 1:
                    member.run(env)
            z = env[self.feedback_output + ".logits"]
            for feeder in self.ordered:
                if feeder.is_feedback:
                    element, x = feeder.feed(z, temperature)
                    produced.append(element)
        return torch.cat(produced, dim=1)


def compile_design(design: Design, analysis: Analysis | None = None) -> CompiledModel:
    """Validate ``design`` and build its model; raises DesignInvalidError listing problems."""
    analysis = analysis or analyze(design)
    if not analysis.ok:
        raise DesignInvalidError(analysis.errors)
    return _Builder(design, analysis).build()


compile = compile_design


def signature(design: Design, analysis: Analysis | None = None) -> ModelSignature:
    """The inputs and outputs of the model compiled from ``design``."""
    analysis = analysis or analyze(design)
    inputs = []
    for block in (design.blocks[b] for b in analysis.order):
        p = block.params
        if block.kind == "input":
            tokens = p["data"] == "tokens"
            inputs.append((block.id, p["mode"], tokens, p["vocab_size"] if tokens else p["size"]))
    outputs = []
    for block in (design.blocks[b] for b in analysis.order):
        if block.kind == "output":
            shape = analysis.shapes.get(PortRef(block.id, "out"))
            outputs.append((block.id, block.params["activation"],
                            shape is not None and shape.type == SEQ))
    feedback, feedback_output = next(iter(analysis.loops.items()), ("", []))
    return ModelSignature(tuple(inputs), tuple(outputs), feedback,
                          feedback_output[-1] if feedback_output else "")


class _Builder:
    def __init__(self, design: Design, analysis: Analysis) -> None:
        self.design = design
        self.analysis = analysis
        self.loop: set[str] = set()
        self.before_loop: set[str] = set(analysis.order)
        for members in analysis.loops.values():
            self.loop |= set(members)
        if self.loop:
            import networkx as nx

            graph = nx.DiGraph()
            graph.add_nodes_from(design.blocks)
            graph.add_edges_from((w.src.block, w.dst.block) for w in design.wires
                                 if w.dst.block not in analysis.loops
                                 or w.dst.port != "generated")
            after = set()
            for member in self.loop:
                after |= nx.descendants(graph, member)
            self.before_loop = set(analysis.order) - after - self.loop

    def key(self, block: Block, port: str) -> str:
        wires = self.design.wire_into(PortRef(block.id, port))
        if not wires:
            return ""
        src = wires[0].src
        return f"{src.block}.{src.port}"

    def size_in(self, block: Block, port: str = "input") -> int:
        shape = self.analysis.input_shape(self.design, PortRef(block.id, port))
        assert shape is not None, f"{block.id}.{port} has no inferred shape"
        return shape.size

    def is_sequence(self, block: Block, port: str = "input") -> bool:
        shape = self.analysis.input_shape(self.design, PortRef(block.id, port))
        return shape is not None and shape.type == SEQ

    def phase(self, block_id: str) -> int:
        if block_id in self.loop:
            return 1
        return 0 if block_id in self.before_loop else 2

    def build(self) -> CompiledModel:
        modules = [self.module(self.design.blocks[b]) for b in self.analysis.order]
        outputs = [self.design.blocks[b] for b in self.analysis.order
                   if self.design.blocks[b].kind == "output"]
        sig = signature(self.design, self.analysis)
        batch_key = next((b for b, *_ in sig.inputs), "")
        return CompiledModel(modules, [b.id for b in outputs],
                             [b.params["activation"] for b in outputs], sig.feedback_output,
                             batch_key)

    def module(self, block: Block) -> B.BlockModule:
        p: dict[str, Any] = block.params
        phase = self.phase(block.id)
        kind = block.kind
        if kind == "input":
            return B.InputBlock(block.id, phase, p["mode"] == "sequence",
                                p["data"] == "tokens", p["size"], p["vocab_size"],
                                p["embedding_size"], p["encoding"] == "one_hot")
        if kind in RECURRENT_KINDS:
            module = self.recurrent(block, phase)
            module.final_state_used = any(
                w.src.block == block.id and w.src.port in ("last", "state")
                for w in self.design.wires)
            return module
        if kind in ("dense", "output"):
            return B.DenseBlock(block.id, phase, self.key(block, "input"), self.size_in(block),
                                p["size"], p["activation"], kind == "output",
                                self.is_sequence(block))
        if kind == "dropout":
            return B.DropoutBlock(block.id, phase, self.key(block, "input"), p["p"],
                                  self.is_sequence(block), p["drops"] == "steps")
        if kind == "concat":
            keys = [k for k in (self.key(block, port) for port in ("a", "b", "c")) if k]
            return B.ConcatBlock(block.id, phase, keys, self.is_sequence(block, "a"))
        if kind == "repeat":
            return B.RepeatBlock(block.id, phase, self.key(block, "input"), p["times"])
        if kind == "pool":
            return B.PoolBlock(block.id, phase, self.key(block, "input"), p["mode"])
        if kind == "feedback":
            output = self.design.blocks[self.design.wire_into(
                PortRef(block.id, "generated"))[0].src.block]
            return B.FeedbackBlock(block.id, phase, self.key(block, "start"), p["size"],
                                   p["encoding"] == "embedding", p["embedding_size"],
                                   output.params["activation"], p["sampling"])
        raise AssertionError(f"no compiler for block kind {kind!r}")

    def recurrent(self, block: Block, phase: int) -> B._RecurrentBase:
        cfg = recurrent_config(block.kind, block.params)
        input_key = self.key(block, "input")
        state_key = self.key(block, "initial_state")
        size = self.size_in(block)
        concat = cfg["join"] == "concat"
        dropout = cfg["dropout"] if cfg["num_layers"] > 1 else 0.0
        common = (cfg["hidden_size"], cfg["num_layers"], cfg["bidirectional"], concat, dropout)
        if cfg["cell"] == "rnn" or (cfg["cell"] == "gru" and cfg["form"] == "pytorch"):
            module: B._RecurrentBase = B.FusedRecurrentBlock(
                block.id, phase, input_key, state_key, cfg["cell"], size, *common,
                cfg["nonlinearity"])
        elif cfg["cell"] == "lstm" and cfg["peepholes"] == "none":
            module = B.FusedLSTMBlock(block.id, phase, input_key, state_key, size, *common)
        else:
            cell = "lstm" if cfg["cell"] == "lstm" else f"gru_{cfg['form']}"
            module = B.CustomRecurrentBlock(block.id, phase, input_key, state_key, cell, size,
                                            *common, cfg["peepholes"])
        module.weight_drop = cfg["weight_drop"]
        return module
