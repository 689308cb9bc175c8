"""Pictures computed from a design's graph: a tidy layout, and the network unrolled in time.

Both are pure functions of a :class:`~engine.design.Design` (and its
:class:`~engine.validation.Analysis`), so the canvas only draws what they return and the
tests check them without Qt.

Tidy layout
-----------
:func:`tidy_positions` places blocks in layers from left to right, as data flows: a block's
layer is the length of the longest path of wires reaching it (the feedback wire of
autoregressive generation, the one edge allowed to point backwards, is left out so the
graph stays acyclic; a cycle drawn by mistake is condensed to one layer). Within a layer,
blocks are ordered by the barycentre of their neighbours (a few down and up sweeps, as in
Sugiyama's method) to reduce crossings, then each is placed at the height of its
predecessors where the layer leaves room. Separate components are stacked top to bottom.

Unrolled in time
----------------
:func:`unroll` draws the lecture's "Despliegue": every block that works on a sequence
becomes one node per time step, a recurrent block becomes a chain ``h(0) -> h(1) -> ... ->
h(T)`` whose arrows all carry the same matrix ``W``, inputs enter through ``U`` and
predictions leave through ``V`` — the same weights at every step, which is the whole point
of the picture. A bidirectional block adds a backward chain running from ``h(T+1)`` down to
``h(1)`` with its own weights. A state handed from an encoder starts the decoder's chain in
place of its ``h(0)``; a feedback loop sends ``y(t)`` to the input of step ``t + 1``.
Vectors (an element, a last state, a pooled summary) are single nodes. Each time axis of
the design (the input's T, a generated N) gets its own run of columns, left to right in
the order data reaches them, so an encoder-decoder reads like a sentence in, a sentence out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import networkx as nx

from engine.catalogue import RECURRENT_KINDS, SEQ, STATE, get_kind, recurrent_config
from engine.design import Design, PortRef, Wire
from engine.validation import Analysis, Shape, analyze

MIN_STEPS = 1
MAX_STEPS = 12

# --- the block graph -----------------------------------------------------------------------


def is_feedback_wire(design: Design, wire: Wire) -> bool:
    """Whether ``wire`` ends at a feedback input (the loop of autoregressive generation)."""
    block = design.blocks.get(wire.dst.block)
    spec = get_kind(block.kind) if block else None
    port = spec.port(block.params, wire.dst.port) if spec and block else None
    return bool(port and port.feedback)


def block_graph(design: Design) -> nx.DiGraph:
    """Blocks as nodes, wires as edges, without feedback wires and self-loops."""
    graph = nx.DiGraph()
    graph.add_nodes_from(design.blocks)
    for wire in design.wires:
        if wire.src.block != wire.dst.block and not is_feedback_wire(design, wire):
            graph.add_edge(wire.src.block, wire.dst.block)
    return graph


def layers(graph: nx.DiGraph) -> dict[str, int]:
    """Longest-path layer of every node (0 for sources); a cycle is condensed to one layer."""
    condensed = nx.condensation(graph)
    depth: dict[int, int] = {}
    for node in nx.topological_sort(condensed):
        preds = list(condensed.predecessors(node))
        depth[node] = 1 + max(depth[p] for p in preds) if preds else 0
    # pull sources right, next to their first use (a decoder's feedback beside the encoder)
    for node in condensed:
        succ = list(condensed.successors(node))
        if not list(condensed.predecessors(node)) and succ:
            depth[node] = min(depth[s] for s in succ) - 1
    mapping = condensed.graph["mapping"]
    return {block: depth[mapping[block]] for block in graph}


# --- tidy layout ---------------------------------------------------------------------------


def tidy_positions(design: Design, sizes: Mapping[str, tuple[float, float]] | None = None, *,
                   column_gap: float = 110.0, row_gap: float = 48.0,
                   default_size: tuple[float, float] = (170.0, 110.0),
                   grid: float = 0.0) -> dict[str, tuple[float, float]]:
    """Top-left positions of every block in a layered, left-to-right layout.

    ``sizes`` gives each block's width and height as drawn (the canvas knows them; the
    design does not); missing blocks take ``default_size``. The layout keeps the
    top-left corner of the design where it was, so tidying does not send it away.
    """
    if not design.blocks:
        return {}
    sizes = dict(sizes or {})
    size = {b: sizes.get(b, default_size) for b in design.blocks}
    graph = block_graph(design)
    positions: dict[str, tuple[float, float]] = {}
    top = 0.0
    components = sorted(nx.weakly_connected_components(graph),
                        key=lambda c: min((design.blocks[b].y, design.blocks[b].x, b)
                                          for b in c))
    for component in components:
        sub = graph.subgraph(component)
        placed = _layout_component(design, sub, size, column_gap, row_gap)
        bottom = max(y + size[b][1] for b, (_, y) in placed.items())
        for block, (x, y) in placed.items():
            positions[block] = (x, y + top)
        top += bottom + row_gap * 1.5
    x0 = min(b.x for b in design)
    y0 = min(b.y for b in design)

    def snap(value: float) -> float:
        return round(value / grid) * grid if grid > 0 else round(value, 1)

    return {b: (snap(x + x0), snap(y + y0)) for b, (x, y) in positions.items()}


def _layout_component(design: Design, graph: nx.DiGraph,
                      size: Mapping[str, tuple[float, float]], column_gap: float,
                      row_gap: float) -> dict[str, tuple[float, float]]:
    layer_of = layers(graph)
    low = min(layer_of.values())
    layer_of = {b: k - low for b, k in layer_of.items()}
    count = max(layer_of.values()) + 1
    columns: list[list[str]] = [[] for _ in range(count)]
    for block in sorted(graph, key=lambda b: (design.blocks[b].y, design.blocks[b].x, b)):
        columns[layer_of[block]].append(block)
    _order_by_barycentre(graph, columns)
    xs: list[float] = []
    x = 0.0
    for column in columns:
        xs.append(x)
        x += max(size[b][0] for b in column) + column_gap
    placed: dict[str, tuple[float, float]] = {}
    for i, column in enumerate(columns):
        floor = 0.0
        for block in column:
            # level with the blocks it reads from: their first ports line up, so the most
            # common wire (first output to first input) runs straight
            preds = [placed[p][1] for p in graph.predecessors(block) if p in placed]
            wanted = sum(preds) / len(preds) if preds else floor
            y = max(floor, wanted)
            placed[block] = (xs[i], y)
            floor = y + size[block][1] + row_gap
    return placed


def _order_by_barycentre(graph: nx.DiGraph, columns: list[list[str]], sweeps: int = 4) -> None:
    """Reorder each column in place by the mean index of its neighbours in the next one."""
    def sweep(indices: range, neighbours: str) -> None:
        for i in indices:
            ref = columns[i - 1] if neighbours == "pred" else columns[i + 1]
            pos = {b: k for k, b in enumerate(ref)}
            keys: dict[str, tuple[float, int]] = {}
            for k, block in enumerate(columns[i]):
                near = graph.predecessors(block) if neighbours == "pred" else \
                    graph.successors(block)
                ks = [pos[n] for n in near if n in pos]
                keys[block] = (sum(ks) / len(ks) if ks else k, k)
            columns[i].sort(key=keys.__getitem__)

    for _ in range(sweeps):
        sweep(range(1, len(columns)), "pred")
        sweep(range(len(columns) - 2, -1, -1), "succ")
    sweep(range(1, len(columns)), "pred")


# --- unrolled in time ----------------------------------------------------------------------

SYMBOLS = {"input": "x", "rnn": "h", "gru": "h", "lstm": "h", "bidirectional": "h",
           "dense": "z", "dropout": "z", "concat": "[ ]", "repeat": "v", "pool": "p",
           "feedback": "y", "output": "y"}


@dataclass(frozen=True)
class UnrolledNode:
    """One value in the unrolled picture: a block's output at one step (or once)."""

    id: str
    block: str
    label: str
    column: float
    row: float
    step: int | None = None  # 1..T; 0 or T+1 for an initial state; None for a vector
    direction: str = ""  # "forward" or "backward" for a recurrent chain
    role: str = "value"  # "input", "state", "initial", "output", "value"


@dataclass(frozen=True)
class UnrolledEdge:
    """An arrow between two nodes; ``weight`` names the shared matrix it multiplies by."""

    src: str
    dst: str
    weight: str = ""
    kind: str = "flow"  # "input", "recurrent", "output", "state", "feedback", "flow"


@dataclass
class Unrolled:
    """The design unrolled through ``steps`` time steps."""

    steps: int
    nodes: list[UnrolledNode] = field(default_factory=list)
    edges: list[UnrolledEdge] = field(default_factory=list)
    rows: dict[str, float] = field(default_factory=dict)  # block -> its (lowest) row
    weights: dict[str, str] = field(default_factory=dict)  # weight label -> block id
    left_out: list[str] = field(default_factory=list)  # blocks whose shape is unknown

    def node(self, node_id: str) -> UnrolledNode:
        return next(n for n in self.nodes if n.id == node_id)

    def edges_with(self, weight: str) -> list[UnrolledEdge]:
        return [e for e in self.edges if e.weight == weight]


def unroll(design: Design, steps: int, analysis: Analysis | None = None) -> Unrolled:
    """The design drawn unrolled through ``steps`` time steps (clamped to 1..12)."""
    steps = max(MIN_STEPS, min(MAX_STEPS, int(steps)))
    return _Unroller(design, analysis or analyze(design), steps).run()


class _Unroller:
    def __init__(self, design: Design, analysis: Analysis, steps: int) -> None:
        self.design = design
        self.analysis = analysis
        self.steps = steps
        self.result = Unrolled(steps)
        self.axis_of: dict[str, str | None] = {}  # block -> time axis, None for a vector
        self.offset: dict[str, int] = {}  # time axis -> first column
        self.column: dict[str, float] = {}  # vector block -> its column
        self.seeded: set[str] = set()  # recurrent blocks whose h(0) comes from a wire
        self.names: dict[str, str] = {}  # block -> weight suffix

    def run(self) -> Unrolled:
        graph = block_graph(self.design)
        order = [b for b in self.analysis.order if b in self.design.blocks]
        self.classify(order)
        self.name_weights(order)
        self.seeded = {w.dst.block for w in self.design.wires
                       if w.dst.port == "initial_state" and w.src.port == "state"
                       and w.src.block in self.axis_of}
        rows = self.assign_rows(graph, order)
        for block in order:
            if block in self.axis_of:
                self.add_nodes(block, rows[block])
        for wire in self.design.wires:
            self.add_wire_edges(wire)
        return self.result

    # --- which blocks run per step ----------------------------------------------------------

    def main_shape(self, block_id: str) -> Shape | None:
        block = self.design.blocks[block_id]
        port = "sequence" if block.kind in RECURRENT_KINDS else "out"
        return self.analysis.shapes.get(PortRef(block_id, port))

    def classify(self, order: list[str]) -> None:
        for block in order:
            shape = self.main_shape(block)
            if shape is None:
                self.result.left_out.append(block)
                continue
            self.axis_of[block] = shape.axis if shape.type == SEQ else None
        axes: list[str] = []
        for block in order:
            axis = self.axis_of.get(block)
            if axis and axis not in axes:
                axes.append(axis)
        column = 1
        for axis in axes:
            self.offset[axis] = column
            column += self.steps + 2

    def name_weights(self, order: list[str]) -> None:
        kinds = [b for b in order if b in self.axis_of]
        recurrent = [b for b in kinds if self.design.blocks[b].kind in RECURRENT_KINDS]
        dense = [b for b in kinds if self.design.blocks[b].kind in ("dense", "output")]
        for group in (recurrent, dense):
            for i, block in enumerate(group, start=1):
                self.names[block] = "" if len(group) == 1 else _subscript(i)

    # --- rows and columns -------------------------------------------------------------------

    def span(self, block: str) -> tuple[float, float]:
        axis = self.axis_of[block]
        if axis is None:
            col = self.column.get(block, 1.0)
            return col, col
        start = self.offset[axis]
        return start, start + self.steps + 1

    def assign_rows(self, graph: nx.DiGraph, order: list[str]) -> dict[str, int]:
        """A row per block (two for a bidirectional one), above the rows it reads from.

        Blocks on different time axes may share a row, since their columns differ.
        """
        rows: dict[str, int] = {}
        taken: dict[int, list[tuple[float, float]]] = {}  # row -> column spans in it
        for block in order:
            if block not in self.axis_of:
                continue
            preds = [p for p in graph.predecessors(block) if p in rows]
            if self.axis_of[block] is None:
                self.column[block] = self.vector_column(graph, block, preds)
            height = self.height(block)
            lo, hi = self.span(block)
            row = max((rows[p] + self.height(p) for p in preds), default=0)
            while any(lo <= h2 and l2 <= hi for k in range(height)
                      for l2, h2 in taken.get(row + k, [])):
                row += 1
            rows[block] = row
            for k in range(height):
                taken.setdefault(row + k, []).append((lo, hi))
            self.result.rows[block] = row
        return rows

    def vector_column(self, graph: nx.DiGraph, block: str, preds: list[str]) -> float:
        """A vector sits above the last step it was computed from, or below its first use."""
        cols = [self.column[p] if self.axis_of[p] is None else
                self.offset[self.axis_of[p]] + self.steps for p in preds]  # type: ignore[index]
        if cols:
            return max(cols)
        uses = [self.offset[a] + 1 for s in graph.successors(block)
                if (a := self.axis_of.get(s))]
        return min(uses) - 1 if uses else 1.0

    def is_bidirectional(self, block: str) -> bool:
        b = self.design.blocks[block]
        return b.kind in RECURRENT_KINDS and recurrent_config(b.kind, b.params)["bidirectional"]

    def height(self, block: str) -> int:
        return 2 if self.is_bidirectional(block) else 1

    # --- nodes ------------------------------------------------------------------------------

    def add_nodes(self, block_id: str, row: float) -> None:
        block = self.design.blocks[block_id]
        axis = self.axis_of[block_id]
        symbol = SYMBOLS.get(block.kind, "v")
        add = self.result.nodes.append
        if axis is None:
            role = "input" if block.kind == "input" else (
                "output" if block.kind == "output" else "value")
            add(UnrolledNode(_nid(block_id), block_id, symbol, self.column[block_id], row,
                             role=role))
            return
        start = self.offset[axis]
        if block.kind in RECURRENT_KINDS:
            bidir = self.is_bidirectional(block_id)
            fwd = "h→" if bidir else "h"
            left = right = start
            if block_id not in self.seeded:
                add(UnrolledNode(_nid(block_id, 0, "forward"), block_id, f"{fwd}(0)",
                                 left, row, 0, "forward", "initial"))
            for t in range(1, self.steps + 1):
                add(UnrolledNode(_nid(block_id, t, "forward"), block_id, f"{fwd}({t})",
                                 left + t, row, t, "forward", "state"))
            if bidir:
                end = self.steps + 1
                for t in range(1, self.steps + 1):
                    add(UnrolledNode(_nid(block_id, t, "backward"), block_id, f"h←({t})",
                                     right + t, row + 1, t, "backward", "state"))
                if block_id not in self.seeded:
                    add(UnrolledNode(_nid(block_id, end, "backward"), block_id,
                                     f"h←({end})", right + end, row + 1, end, "backward",
                                     "initial"))
            self.add_chain_edges(block_id, bidir)
            return
        role = {"input": "input", "output": "output"}.get(block.kind, "value")
        for t in range(1, self.steps + 1):
            label = f"{symbol}({t})"
            if block.kind == "feedback":
                label = "start" if t == 1 else f"y({t - 1})"
            add(UnrolledNode(_nid(block_id, t), block_id, label, start + t, row, t,
                             role=role))

    def add_chain_edges(self, block_id: str, bidir: bool) -> None:
        w = "W" + self.names.get(block_id, "")
        edges = self.result.edges
        first = 0 if block_id not in self.seeded else 1
        for t in range(max(first, 0), self.steps):
            edges.append(UnrolledEdge(_nid(block_id, t, "forward"),
                                      _nid(block_id, t + 1, "forward"),
                                      w + ("→" if bidir else ""), "recurrent"))
        self.result.weights[w + ("→" if bidir else "")] = block_id
        if bidir:
            end = self.steps + 1 if block_id not in self.seeded else self.steps
            for t in range(end, 1, -1):
                edges.append(UnrolledEdge(_nid(block_id, t, "backward"),
                                          _nid(block_id, t - 1, "backward"), w + "←",
                                          "recurrent"))
            self.result.weights[w + "←"] = block_id

    # --- edges from wires -------------------------------------------------------------------

    def outlets(self, block_id: str, port: str, t: int | None) -> list[str]:
        """Node ids whose value leaves ``block_id.port`` at step ``t`` (None: once)."""
        block = self.design.blocks[block_id]
        if self.axis_of[block_id] is None:
            return [_nid(block_id)]
        if block.kind not in RECURRENT_KINDS:
            return [_nid(block_id, t if t is not None else self.steps)]
        bidir = self.is_bidirectional(block_id)
        if port == "sequence" and t is not None:
            return [_nid(block_id, t, "forward")] + (
                [_nid(block_id, t, "backward")] if bidir else [])
        # the last state / the final state: forward after T, backward after reading x(1)
        return [_nid(block_id, self.steps, "forward")] + (
            [_nid(block_id, 1, "backward")] if bidir else [])

    def inlets(self, block_id: str, t: int | None) -> list[str]:
        block = self.design.blocks[block_id]
        if self.axis_of[block_id] is None:
            return [_nid(block_id)]
        if block.kind in RECURRENT_KINDS:
            return [_nid(block_id, t or 1, "forward")] + (
                [_nid(block_id, t or 1, "backward")] if self.is_bidirectional(block_id)
                else [])
        return [_nid(block_id, t or 1)]

    def weight_into(self, block_id: str, direction: str) -> tuple[str, str]:
        block = self.design.blocks[block_id]
        suffix = self.names.get(block_id, "")
        arrow = {"forward": "→", "backward": "←"}.get(direction, "") \
            if self.is_bidirectional(block_id) else ""
        if block.kind in RECURRENT_KINDS:
            return "U" + suffix + arrow, "input"
        if block.kind in ("dense", "output"):
            return "V" + suffix, "output"
        return "", "flow"

    def add_wire_edges(self, wire: Wire) -> None:
        src, dst = wire.src.block, wire.dst.block
        if src not in self.axis_of or dst not in self.axis_of or src == dst:
            return
        edges = self.result.edges
        if is_feedback_wire(self.design, wire):
            if self.axis_of[dst] is None or self.axis_of[src] is None:
                return
            for t in range(1, self.steps):
                edges.append(UnrolledEdge(_nid(src, t), _nid(dst, t + 1), "", "feedback"))
            return
        if wire.dst.port == "initial_state":
            shape = self.analysis.shapes.get(wire.src)
            if shape is None or shape.type != STATE:
                return
            weight = "W" + self.names.get(dst, "")
            outs = self.outlets(src, "state", None)
            ins = [_nid(dst, 1, "forward")] + (
                [_nid(dst, self.steps, "backward")] if self.is_bidirectional(dst) else [])
            pairs = list(zip(outs, ins, strict=True)) if len(outs) == len(ins) else [
                (a, b) for a in outs for b in ins]
            for a, b in pairs:
                arrow = ("→" if b.endswith("f") else "←") if self.is_bidirectional(dst) else ""
                edges.append(UnrolledEdge(a, b, weight + arrow, "state"))
            return
        src_seq, dst_seq = self.axis_of[src] is not None, self.axis_of[dst] is not None
        pairs: list[tuple[str, str]] = []
        if src_seq and dst_seq and wire.src.port != "last":
            for t in range(1, self.steps + 1):
                pairs += [(a, b) for a in self.outlets(src, wire.src.port, t)
                          for b in self.inlets(dst, t)]
        elif src_seq and not dst_seq and wire.src.port == "out" and \
                self.design.blocks[src].kind not in RECURRENT_KINDS:
            pairs += [(_nid(src, t), _nid(dst)) for t in range(1, self.steps + 1)]
        elif src_seq and not dst_seq and wire.src.port == "sequence":
            pairs += [(a, _nid(dst)) for t in range(1, self.steps + 1)
                      for a in self.outlets(src, "sequence", t)]
        elif not dst_seq:
            pairs += [(a, _nid(dst)) for a in self.outlets(src, wire.src.port, None)]
        else:  # a vector spread over every step (Repeat, a feedback's start)
            steps = [1] if self.design.blocks[dst].kind == "feedback" else \
                range(1, self.steps + 1)
            pairs += [(a, b) for t in steps for a in self.outlets(src, wire.src.port, None)
                      for b in self.inlets(dst, t)]
        for a, b in pairs:
            direction = "backward" if b.endswith("b") else "forward"
            weight, kind = self.weight_into(dst, direction)
            if weight:
                self.result.weights.setdefault(weight, dst)
            edges.append(UnrolledEdge(a, b, weight, kind))


def _nid(block: str, step: int | None = None, direction: str = "") -> str:
    if step is None:
        return block
    return f"{block}@{step}" + (direction[:1] if direction else "")


def _subscript(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
