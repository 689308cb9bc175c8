"""Validation and shape inference: what flows on every wire, and what is wrong.

:func:`analyze` walks the design's graph (a networkx DiGraph of blocks, with the feedback
wire of autoregressive generation left out, since it is the one edge allowed to point
backwards) in topological order. For every output port it infers a :class:`Shape` — a
sequence ``(batch, T, 64)``, a vector ``(batch, 64)`` or a state ``(layers, batch, 64)`` —
from the shapes arriving at the block and its parameters, and it collects every problem
on the way instead of stopping at the first: a student fixing a design wants the whole
list, each tied to the block and port it is about.

Time axes are symbolic. Each sequence input introduces its own axis, a feedback loop
introduces the axis of the sequence it generates, and a Repeat block one of fixed length;
blocks that combine sequences check that they share an axis. The analysis also counts
each block's parameters (exactly the ``numel`` of the compiled module) and names the
network's shape: 1-to-N, M-to-1, M-to-N synchronised or M-to-N encoder-decoder.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import networkx as nx

from engine.catalogue import (
    RECURRENT_KINDS,
    SEQ,
    STATE,
    VEC,
    PortSpec,
    PortType,
    get_kind,
    recurrent_config,
)
from engine.design import Block, Design, PortRef, Wire

MAX_PARAMETERS = 200_000_000

ONE_TO_ONE = "1-to-1"
ONE_TO_N = "1-to-N"
M_TO_ONE = "M-to-1"
M_TO_N_SYNC = "M-to-N (synchronised)"
M_TO_N_ENC_DEC = "M-to-N (encoder-decoder)"


@dataclass(frozen=True)
class Shape:
    """What one port carries.

    ``size`` is the number of features (for a state, the size of each layer's h);
    ``axis`` identifies a sequence's time axis; ``layers`` and ``cell`` describe a state
    (``cell`` is True when it carries an LSTM's c as well as h).
    """

    type: PortType
    size: int
    axis: str = ""
    axis_label: str = ""
    layers: int = 0
    cell: bool = False
    origin: str = ""

    def label(self) -> str:
        if self.type == SEQ:
            return f"(batch, {self.axis_label or 'T'}, {self.size})"
        if self.type == VEC:
            return f"(batch, {self.size})"
        text = f"({self.layers}, batch, {self.size})"
        return f"h, c: {text}" if self.cell else text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a design, tied to a block (and port) when it has one."""

    message: str
    block: str | None = None
    port: str | None = None
    severity: Literal["error", "warning"] = "error"
    code: str = ""

    def __str__(self) -> str:
        where = self.block or "design"
        if self.port:
            where += f".{self.port}"
        tag = "" if self.severity == "error" else "warning: "
        return f"{where}: {tag}{self.message}"


@dataclass
class Analysis:
    """Everything :func:`analyze` learnt about a design."""

    problems: list[Problem] = field(default_factory=list)
    shapes: dict[PortRef, Shape] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    param_counts: dict[str, int] = field(default_factory=dict)
    loops: dict[str, list[str]] = field(default_factory=dict)
    network_shape: str | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def total_params(self) -> int:
        return sum(self.param_counts.values())

    def wire_shape(self, wire: Wire) -> Shape | None:
        return self.shapes.get(wire.src)

    def input_shape(self, design: Design, ref: PortRef) -> Shape | None:
        wires = design.wire_into(ref)
        return self.shapes.get(wires[0].src) if len(wires) == 1 else None


def validate(design: Design) -> list[Problem]:
    """Every problem of ``design`` (errors and warnings), empty when it compiles cleanly."""
    return analyze(design).problems


def analyze(design: Design) -> Analysis:
    """Infer shapes, count parameters, name the network's shape and collect problems."""
    return _Analyzer(design).run()


def _ports(block: Block) -> tuple[PortSpec, ...]:
    spec = get_kind(block.kind)
    assert spec is not None
    return spec.ports(block.params)


def _title(block: Block) -> str:
    spec = get_kind(block.kind)
    title = spec.title if spec else block.kind
    return f"{title} '{block.name}'" if block.name != block.id else f"{title} '{block.id}'"


class _Analyzer:
    def __init__(self, design: Design) -> None:
        self.design = design
        self.result = Analysis()
        self.graph = nx.DiGraph()
        self.incoming: dict[PortRef, list[Wire]] = {}
        self.axis_labels: dict[str, str] = {}
        self.blamed: set[str] = set()  # blocks an error elsewhere already explains

    # --- helpers ------------------------------------------------------------------------

    def problem(self, message: str, block: str | None = None, port: str | None = None,
                severity: Literal["error", "warning"] = "error", code: str = "") -> None:
        self.result.problems.append(Problem(message, block, port, severity, code))

    def arriving(self, block: Block, port: str) -> Shape | None:
        wires = self.incoming.get(PortRef(block.id, port), [])
        return self.result.shapes.get(wires[0].src) if len(wires) == 1 else None

    def source_block(self, block: Block, port: str) -> Block | None:
        wires = self.incoming.get(PortRef(block.id, port), [])
        return self.design.blocks.get(wires[0].src.block) if len(wires) == 1 else None

    def out(self, block: Block, port: str, shape: Shape) -> None:
        self.result.shapes[PortRef(block.id, port)] = shape

    # --- passes -------------------------------------------------------------------------

    def run(self) -> Analysis:
        design = self.design
        self.graph.add_nodes_from(design.blocks)
        feedback_wires: list[Wire] = []
        for wire in design.wires:
            self.incoming.setdefault(wire.dst, []).append(wire)
            dst_block = design.blocks[wire.dst.block]
            spec = next(p for p in _ports(dst_block) if p.name == wire.dst.port)
            src_block = design.blocks[wire.src.block]
            if src_block.kind == "output" and not spec.feedback:
                self.problem(f"{_title(src_block)} is a final prediction: its 'out' can only "
                             "feed a Feedback block's 'generated' port. Put a Dense block "
                             "before it to add a layer, or wire both Output blocks from the "
                             "same layer", wire.dst.block, wire.dst.port, code="output_onward")
            if spec.feedback:
                feedback_wires.append(wire)
            elif wire.src.block == wire.dst.block:
                self.problem(f"{_title(dst_block)} is wired to itself ({wire}): remove "
                             "that wire; recurrence through time happens inside recurrent "
                             "blocks", wire.dst.block, wire.dst.port, code="self_loop")
            else:
                self.graph.add_edge(wire.src.block, wire.dst.block)
        for ref, wires in self.incoming.items():
            if len(wires) > 1:
                sources = ", ".join(str(w.src) for w in wires)
                self.problem(f"{len(wires)} wires arrive here ({sources}); an input takes "
                             "one wire (use a Concatenate block to combine)", ref.block,
                             ref.port, code="many_inputs")
        loops = [b.id for b in design if b.kind == "feedback"]
        for extra in loops[1:]:
            self.problem(f"a design may hold only one Feedback loop, and "
                         f"{_title(design.blocks[loops[0]])} already makes one: the program "
                         "generates one sequence at a time, so remove this loop (one Output "
                         "block can predict several values per step)", extra,
                         code="many_feedback")
        self.check_required()
        self.name_axes()
        order = self.topological_order()
        for block_id in order:
            self.infer(design.blocks[block_id])
        self.result.order = order
        for wire in feedback_wires:
            self.check_feedback(wire)
        for block_id in order:
            self.result.param_counts[block_id] = self.count(design.blocks[block_id])
        self.check_reachability()
        self.check_size()
        self.result.network_shape = self.name_shape()
        return self.result

    def check_required(self) -> None:
        for block in self.design:
            for port in _ports(block):
                if port.direction == "in" and port.required and \
                        PortRef(block.id, port.name) not in self.incoming:
                    what = " or ".join(t.value for t in port.types)
                    self.problem(f"{_title(block)} needs a {what} wired into its '{port.name}' "
                                 f"port ({port.help})", block.id, port.name,
                                 code="unconnected")

    def name_axes(self) -> None:
        """Readable names of the time axes: 'T' when the design has one input sequence."""
        sources = [b for b in self.design
                   if b.kind == "input" and b.params["mode"] == "sequence"]
        for block in sources:
            self.axis_labels[f"in:{block.id}"] = "T" if len(sources) == 1 else f"T_{block.id}"
        loops = [b for b in self.design if b.kind == "feedback"]
        for block in loops:
            self.axis_labels[f"fb:{block.id}"] = "N" if len(loops) == 1 else f"N_{block.id}"

    def topological_order(self) -> list[str]:
        graph = self.graph
        if nx.is_directed_acyclic_graph(graph):
            return list(nx.lexicographical_topological_sort(graph, key=self._position))
        for component in nx.strongly_connected_components(graph):
            if len(component) > 1:
                cycle = nx.find_cycle(graph.subgraph(component))
                path = " -> ".join([edge[0] for edge in cycle] + [cycle[0][0]])
                first = min(component, key=self._position)
                self.problem(f"the wires form a cycle ({path}); recurrence through time "
                             "happens inside recurrent blocks, and generated output is fed "
                             "back through a Feedback block", first, code="cycle")
        condensed = nx.condensation(graph)
        order: list[str] = []
        for node in nx.topological_sort(condensed):
            members = condensed.nodes[node]["members"]
            if len(members) == 1:
                order.extend(members)
        return order

    def _position(self, block_id: str) -> Any:
        block = self.design.blocks[block_id]
        return (block.x, block.y, block_id)

    # --- shape inference ----------------------------------------------------------------

    def accepts(self, block: Block, port: str, shape: Shape | None) -> Shape | None:
        """The shape at ``port`` if its type is accepted there; record a problem if not."""
        if shape is None:
            return None
        spec = next(p for p in _ports(block) if p.name == port)
        if shape.type in spec.types:
            return shape
        want = " or ".join(t.value for t in spec.types)
        src = self.source_block(block, port)
        hint = ""
        if src is not None and src.kind in RECURRENT_KINDS:
            useful = {SEQ: "sequence", VEC: "last", STATE: "state"}
            names = " or ".join(f"'{useful[t]}'" for t in spec.types)
            hint = f"; wire the {names} output of {_title(src)} instead"
        elif spec.types == (STATE,):
            hint = "; an initial state comes from a recurrent block's 'state' output"
        elif SEQ in spec.types and shape.type == VEC:
            hint = "; repeat the vector with a Repeat block to make a sequence"
        elif VEC in spec.types and shape.type == SEQ:
            hint = ("; take a recurrent block's 'last' output, or summarise the sequence "
                    "with a Pool block")
        src_text = f" ({_title(src)})" if src is not None else ""
        self.problem(f"a {shape.type.value}{src_text} cannot feed the {want} input "
                     f"'{port}' of {_title(block)}{hint}", block.id, port,
                     code="type_mismatch")
        return None

    def infer(self, block: Block) -> None:
        p = block.params
        kind = block.kind
        if kind == "input":
            size = p["size"] if p["data"] == "features" else (
                p["vocab_size"] if p["encoding"] == "one_hot" else p["embedding_size"])
            if p["mode"] == "sequence":
                axis = f"in:{block.id}"
                self.out(block, "out", Shape(SEQ, size, axis, self.axis_labels[axis],
                                             origin=block.id))
            else:
                self.out(block, "out", Shape(VEC, size, origin=block.id))
        elif kind in RECURRENT_KINDS:
            self.infer_recurrent(block)
        elif kind in ("dense", "output", "dropout"):
            if kind == "output" and p["activation"] == "softmax" and p["size"] == 1:
                self.problem(f"{_title(block)}: softmax over a single unit always outputs 1, "
                             "so nothing can be learnt; use g2 = sigmoid for a yes/no output, "
                             "or size >= 2 (one unit per class)", block.id,
                             code="softmax_one")
            shape = self.accepts(block, "input", self.arriving(block, "input"))
            if shape is None:
                return
            if kind == "dropout" and p["drops"] == "steps" and shape.type != SEQ:
                self.problem(f"{_title(block)}: drops whole steps, but its input is a vector, "
                             "not a sequence: each row is dropped whole", block.id, "input",
                             severity="warning", code="dropout_steps_vector")
            size = shape.size if kind == "dropout" else p["size"]
            self.out(block, "out", Shape(shape.type, size, shape.axis, shape.axis_label,
                                         origin=block.id))
        elif kind == "concat":
            self.infer_concat(block)
        elif kind == "repeat":
            shape = self.accepts(block, "input", self.arriving(block, "input"))
            if shape is not None:
                n = p["times"]
                self.out(block, "out", Shape(SEQ, shape.size, f"n:{n}", str(n),
                                             origin=block.id))
        elif kind == "pool":
            shape = self.accepts(block, "input", self.arriving(block, "input"))
            if shape is not None:
                self.out(block, "out", Shape(VEC, shape.size, origin=block.id))
        elif kind == "feedback":
            start = self.accepts(block, "start", self.arriving(block, "start"))
            if start is not None and start.size != p["size"]:
                src = self.source_block(block, "start")
                src_text = f" from {_title(src)}" if src is not None else ""
                self.problem(f"the start element{src_text} has {start.size} features but the "
                             f"generated elements have {p['size']} (this feedback's size); "
                             "x(1) and y(t) must live in the same space: give them the same "
                             "size", block.id, "start", code="size_mismatch")
            size = p["size"] if p["encoding"] == "identity" else p["embedding_size"]
            axis = f"fb:{block.id}"
            self.out(block, "out", Shape(SEQ, size, axis, self.axis_labels[axis],
                                         origin=block.id))

    def infer_recurrent(self, block: Block) -> None:
        cfg = recurrent_config(block.kind, block.params)
        shape = self.accepts(block, "input", self.arriving(block, "input"))
        directions = 2 if cfg["bidirectional"] else 1
        width = cfg["hidden_size"] * (directions if cfg["join"] == "concat" else 1)
        state = self.accepts(block, "initial_state", self.arriving(block, "initial_state"))
        if state is not None:
            self.check_state(block, cfg, state)
        if cfg["dropout"] > 0 and cfg["num_layers"] == 1:
            self.problem(f"{_title(block)}: dropout {cfg['dropout']} acts between stacked "
                         "layers, so with one layer it does nothing; add layers, or put a "
                         "Dropout block after this one", block.id, severity="warning",
                         code="dropout_one_layer")
        if shape is None:
            return
        self.out(block, "sequence", Shape(SEQ, width, shape.axis, shape.axis_label,
                                          origin=block.id))
        self.out(block, "last", Shape(VEC, width, origin=block.id))
        self.out(block, "state", Shape(STATE, width, layers=cfg["num_layers"],
                                       cell=cfg["cell"] == "lstm", origin=block.id))

    def check_state(self, block: Block, cfg: Mapping[str, Any], state: Shape) -> None:
        src = self.design.blocks[state.origin]
        src_text = _title(src)
        if src.kind in RECURRENT_KINDS:
            scfg = recurrent_config(src.kind, src.params)
            if scfg["bidirectional"]:
                join = "concatenated" if scfg["join"] == "concat" else "summed"
                src_text += f" (bidirectional, {join})"
        hidden = cfg["hidden_size"]
        this = _title(block)
        if state.size != hidden:
            fix = f"set the hidden size of {this} to {state.size}"
            if src.kind in RECURRENT_KINDS and recurrent_config(src.kind, src.params)[
                    "bidirectional"] and recurrent_config(src.kind, src.params)[
                    "join"] == "concat" and state.size == 2 * hidden:
                fix = (f"its two directions are concatenated, so set the hidden size of "
                       f"{this} to 2 x {hidden} = {state.size}, or set the join of "
                       f"{_title(src)} to sum")
            self.problem(f"{src_text} hands over a state of size {state.size}, but {this} "
                         f"has hidden size {hidden}: {fix}", block.id, "initial_state",
                         code="state_size")
        if state.layers != cfg["num_layers"]:
            self.problem(f"{src_text} hands over {state.layers} layer(s) of state, but {this} "
                         f"has {cfg['num_layers']}: give both the same number of layers",
                         block.id, "initial_state", code="state_layers")
        if state.cell and cfg["cell"] != "lstm":
            self.problem(f"{src_text} hands over h and its cell state c, but {this} takes "
                         "only h: c is dropped",
                         block.id, "initial_state", severity="warning",
                         code="state_cell_dropped")
        elif not state.cell and cfg["cell"] == "lstm":
            self.problem(f"{src_text} hands over only h, so the cell state c of {this} "
                         "starts at zero", block.id, "initial_state",
                         severity="warning", code="state_cell_zero")

    def infer_concat(self, block: Block) -> None:
        parts = []
        for port in ("a", "b", "c"):
            shape = self.accepts(block, port, self.arriving(block, port))
            if shape is not None:
                parts.append((port, shape))
        if len(parts) < 2 or any(
                PortRef(block.id, port) not in self.incoming for port in ("a", "b")):
            return
        first_port, first = parts[0]
        for port, shape in parts[1:]:
            if shape.type != first.type:
                seq = shape if shape.type == SEQ else first
                fix = "take the sequence's 'last' output, or pool it, to join two vectors"
                if seq.axis.startswith("n:"):
                    fix += (f", or repeat the vector {seq.axis_label} times with a Repeat "
                            "block to join two sequences of the same length")
                self.problem(f"cannot join the {shape.type.value} at '{port}' with the "
                             f"{first.type.value} at '{first_port}': {fix}",
                             block.id, port, code="concat_types")
                return
            if shape.type == SEQ and shape.axis != first.axis:
                self.problem(f"the sequence at '{port}' runs over {shape.axis_label} steps but "
                             f"the one at '{first_port}' over {first.axis_label}: concatenated "
                             "sequences must share their time axis (come from the same input "
                             "sequence)", block.id, port, code="concat_axis")
                return
        self.out(block, "out", Shape(first.type, sum(s.size for _, s in parts), first.axis,
                                     first.axis_label, origin=block.id))

    # --- feedback loops -------------------------------------------------------------------

    def check_feedback(self, wire: Wire) -> None:
        fb = self.design.blocks[wire.dst.block]
        src = self.design.blocks[wire.src.block]
        if src.kind != "output":
            self.problem(f"'generated' must come from an Output block's 'out', not from "
                         f"{_title(src)}: the element fed back is the network's prediction "
                         "y(t)", fb.id, "generated", code="feedback_source")
            self.blamed.add(src.id)
            return
        shape = self.result.shapes.get(wire.src)
        if shape is None:
            return
        if fb.id not in self.graph or not nx.has_path(self.graph, fb.id, src.id):
            self.problem(f"{_title(src)} does not depend on this feedback's output, so there "
                         "is no loop to run: wire the feedback's 'out' into the blocks that "
                         "lead to this output", fb.id, "generated", code="feedback_open")
            return
        if shape.type != SEQ or shape.axis != f"fb:{fb.id}":
            self.problem(f"{_title(src)} must predict one element per generated step, but it "
                         f"receives {shape.label()}: feed it from the 'sequence' output of a "
                         "recurrent block that reads this feedback", fb.id, "generated",
                         code="feedback_axis")
            return
        if shape.size != fb.params["size"]:
            self.problem(f"{_title(src)} produces {shape.size} values per step but the size "
                         f"of {_title(fb)} is {fb.params['size']}: set it to {shape.size}",
                         fb.id, "generated", code="size_mismatch")
        members = (nx.descendants(self.graph, fb.id) & nx.ancestors(self.graph, src.id)) | {
            fb.id, src.id}
        loop = [b for b in self.result.order if b in members]
        self.result.loops[fb.id] = loop
        for block_id in loop:
            block = self.design.blocks[block_id]
            if block.kind in RECURRENT_KINDS and recurrent_config(
                    block.kind, block.params)["bidirectional"]:
                self.problem(f"{_title(block)} is bidirectional but sits inside the "
                             f"generation loop of {_title(fb)}: its backward direction would "
                             "need elements not generated yet; make it unidirectional",
                             block_id, code="feedback_bidirectional")
        if src.params["activation"] == "softmax" and fb.params["sampling"] != "probabilities" \
                and fb.params["encoding"] == "identity" and fb.params["size"] > 100_000:
            self.problem("feeding back one-hot vectors this large is slow; use embedding",
                         fb.id, severity="warning", code="feedback_large")

    # --- whole-design checks --------------------------------------------------------------

    def check_reachability(self) -> None:
        design = self.design
        outputs = [b.id for b in design if b.kind == "output"]
        inputs = [b.id for b in design if b.kind == "input"]
        feedbacks = [b.id for b in design if b.kind == "feedback"]
        if not outputs:
            self.problem("the design has no Output block, so there is nothing to predict or "
                         "train: add one and wire the last layer into it", code="no_output")
        if not inputs and not feedbacks:
            self.problem("the design has no Input block: add one and wire it into the first "
                         "layer", code="no_input")
        if not outputs:
            return
        useful: set[str] = set(outputs)
        for out in outputs:
            useful |= nx.ancestors(self.graph, out)
        # blocks already blamed by an error say enough; no extra 'dead block' warning
        explained = {p.block for p in self.result.problems if p.severity == "error"}
        explained |= self.blamed
        for block in design:
            if block.id in useful or block.kind != "input":
                continue
            decoder = self.starved_decoder(block.id)
            if decoder:
                enc, dec = decoder
                self.problem(f"the encoder {_title(design.blocks[enc])} hands nothing to "
                             f"the decoder {_title(design.blocks[dec])}: wire {enc}.state "
                             f"into {dec}.initial_state", dec, "initial_state",
                             code="decoder_without_encoder")
                explained |= nx.descendants(self.graph, block.id) | {block.id}
            else:
                self.problem(f"{_title(block)} does not lead to any output: wire it into the "
                             "network or remove it", block.id, code="dead_input")
        for block in design:
            if block.id not in useful and block.kind != "input" and block.id not in explained:
                self.problem(f"{_title(block)} does not lead to any output, so it is never "
                             "trained: wire it onward or remove it", block.id,
                             severity="warning", code="dead_block")

    def starved_decoder(self, input_id: str) -> tuple[str, str] | None:
        """(encoder, decoder) when ``input_id`` feeds a recurrent block whose state is unused
        while a generation loop holds a recurrent block without an initial state."""
        encoders = [b for b in self.result.order if b in nx.descendants(self.graph, input_id)
                    and self.design.blocks[b].kind in RECURRENT_KINDS]
        for loop in self.result.loops.values():
            for dec in loop:
                block = self.design.blocks[dec]
                if block.kind in RECURRENT_KINDS and \
                        PortRef(dec, "initial_state") not in self.incoming and encoders:
                    return encoders[-1], dec
        return None

    def check_size(self) -> None:
        total = self.result.total_params
        if total > MAX_PARAMETERS:
            largest = max(self.result.param_counts, key=self.result.param_counts.__getitem__)
            self.problem(f"the design has {total:,} parameters, more than the "
                         f"{MAX_PARAMETERS:,} this program trains; the largest block, "
                         f"{_title(self.design.blocks[largest])}, has "
                         f"{self.result.param_counts[largest]:,}: make its hidden size or "
                         "number of layers smaller", code="too_large")

    def name_shape(self) -> str | None:
        design = self.design
        seq_inputs = [b for b in design if b.kind == "input" and b.params["mode"] == "sequence"]
        found = [self.result.shapes.get(PortRef(b.id, "out"))
                 for b in design if b.kind == "output"]
        outputs = [s for s in found if s is not None]
        if not outputs:
            return None
        seq_out = [s for s in outputs if s.type == SEQ]
        if not seq_inputs:
            return ONE_TO_N if seq_out else ONE_TO_ONE
        if not seq_out:
            return M_TO_ONE
        input_axes = {f"in:{b.id}" for b in seq_inputs}
        if all(s.axis in input_axes for s in seq_out):
            return M_TO_N_SYNC
        return M_TO_N_ENC_DEC

    # --- parameter counts ------------------------------------------------------------------

    def count(self, block: Block) -> int:
        """Parameters of the compiled block (equal to its modules' numel)."""
        p = block.params
        kind = block.kind
        if kind == "input":
            tokens = p["data"] == "tokens" and p["encoding"] == "embedding"
            return p["vocab_size"] * p["embedding_size"] if tokens else 0
        if kind in ("dense", "output"):
            shape = self.arriving(block, "input")
            return 0 if shape is None else p["size"] * (shape.size + 1)
        if kind == "feedback":
            width = p["size"] if p["encoding"] == "identity" else p["embedding_size"]
            start = 0 if PortRef(block.id, "start") in self.incoming else width
            embedding = p["size"] * p["embedding_size"] if p["encoding"] == "embedding" else 0
            return embedding + start
        if kind in RECURRENT_KINDS:
            shape = self.arriving(block, "input")
            if shape is None:
                return 0
            return recurrent_param_count(recurrent_config(kind, p), shape.size)
        return 0


def recurrent_param_count(cfg: Mapping[str, Any], input_size: int) -> int:
    """Parameters of a recurrent block built from ``cfg`` (see ``recurrent_config``).

    PyTorch's fused layers keep two bias vectors per gate (b_ih and b_hh, whose sum is the
    lecture's b); the custom cells keep one.
    """
    hidden = cfg["hidden_size"]
    directions = 2 if cfg["bidirectional"] else 1
    cell, form, peep = cfg["cell"], cfg["form"], cfg["peepholes"]
    if cell == "rnn":
        gates, biases, extra = 1, 2, 0
    elif cell == "gru":
        gates = 2 if form == "minimal" else 3
        biases = 2 if form == "pytorch" else 1
        extra = 0
    else:
        gates = 4
        biases = 2 if peep == "none" else 1
        extra = {"none": 0, "full": 3 * hidden * hidden, "diagonal": 3 * hidden}[peep]
    total = 0
    for layer in range(cfg["num_layers"]):
        width = input_size if layer == 0 else hidden * directions
        per_direction = gates * hidden * (width + hidden) + biases * gates * hidden + extra
        total += directions * per_direction
    return total
