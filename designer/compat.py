"""Which ports may be wired together while a person drags a wire, and why not.

The design itself accepts any wire from an output to an input (a half-drawn design is
normal) and :mod:`engine.validation` judges the whole network afterwards. While dragging,
though, the canvas can do better than let a person draw a wire only to see it turn red:
:class:`Wiring` answers, for one pair of ports, either ``""`` (compatible: the port lights
up) or the reason it refuses, worded for a student and shown in the port's tooltip::

    a vector cannot feed a sequence input; use the RNN's 'sequence' output

The checks mirror validation's rules that a single wire can break on its own: direction,
a block feeding itself, a duplicate wire, port types (using the inferred type of an output
that follows its input, e.g. a Dense block applied to a sequence), the feedback loop's
rules, and cycles outside a feedback loop. A wire onto an occupied input is allowed: it
replaces the old one (:meth:`Wiring.note` says so).
"""

from __future__ import annotations

import networkx as nx
from PySide6.QtCore import QCoreApplication

from designer.engine_text import engine_text
from engine.catalogue import PortSpec, get_kind
from engine.design import Design, PortRef, Wire
from engine.layout import block_graph
from engine.validation import Analysis

# lupdate reads the literal context and text of each call (see app/i18n.py)
translate = QCoreApplication.translate


def short_title(kind: str) -> str:
    """``RNN (Elman)`` -> ``RNN``: the name a hint uses for a block kind."""
    spec = get_kind(kind)
    return engine_text(spec.title).split(" (")[0] if spec else kind


class Wiring:
    """Compatibility of port pairs in one state of a design (build a new one per drag)."""

    def __init__(self, design: Design, analysis: Analysis | None = None) -> None:
        self.design = design
        self.analysis = analysis
        self._graph: nx.DiGraph | None = None

    def port(self, ref: PortRef) -> PortSpec | None:
        block = self.design.blocks.get(ref.block)
        spec = get_kind(block.kind) if block else None
        return spec.port(block.params, ref.port) if spec and block else None

    def produced(self, ref: PortRef) -> tuple[str, ...]:
        """The types an output port may carry: its inferred type when analysis knows it."""
        if self.analysis is not None:
            shape = self.analysis.shapes.get(ref)
            if shape is not None:
                return (shape.type.value,)
        port = self.port(ref)
        return tuple(t.value for t in port.types) if port else ()

    @property
    def graph(self) -> nx.DiGraph:
        if self._graph is None:
            self._graph = block_graph(self.design)
        return self._graph

    def refusal(self, src: PortRef, dst: PortRef) -> str:
        """``""`` when ``src -> dst`` may be drawn, else why not (for a tooltip)."""
        out, into = self.port(src), self.port(dst)
        if out is None or into is None:
            return translate("wiring", "that port no longer exists")
        if out.direction != "out" or into.direction != "in":
            return translate("wiring", "a wire runs from an output (right side) to an input "
                                       "(left side)")
        if src.block == dst.block:
            return translate("wiring", "a block cannot feed itself; recurrence through time "
                                       "happens inside recurrent blocks")
        if Wire(src, dst) in self.design.wires:
            return translate("wiring", "these ports are already wired")
        src_kind = self.design.blocks[src.block].kind
        if into.feedback and src_kind != "output":
            return translate("wiring", "'generated' takes the prediction of an Output block, "
                                       "fed back as the next step's input")
        if src_kind == "output" and not into.feedback:
            return translate("wiring", "an Output block's prediction only feeds a Feedback "
                                       "block's 'generated' port; put a Dense block before it "
                                       "to add a layer")
        types = self.produced(src)
        accepted = tuple(t.value for t in into.types)
        if types and not set(types) & set(accepted):
            return self._type_reason(src, types, accepted)
        if not into.feedback and dst.block in self.graph and src.block in self.graph and \
                nx.has_path(self.graph, dst.block, src.block):
            return translate("wiring", "this wire would close a loop; recurrence through time "
                                       "happens inside recurrent blocks, and a prediction "
                                       "returns through a Feedback block")
        return ""

    def _type_reason(self, src: PortRef, types: tuple[str, ...],
                     accepted: tuple[str, ...]) -> str:
        reason = translate("wiring", "{got} cannot feed a {want} input").format(
            got=_types_text(types, article=True), want=_types_text(accepted))
        block = self.design.blocks[src.block]
        spec = get_kind(block.kind)
        assert spec is not None
        better = [p.name for p in spec.outputs(block.params)
                  if p.name != src.port and not p.follows
                  and {t.value for t in p.types} & set(accepted)]
        if better:
            hint = translate("wiring", "use the {title}'s '{port}' output").format(
                title=short_title(block.kind), port=better[0])
        elif "sequence" in accepted and "vector" in types:
            hint = translate("wiring", "repeat the vector with a Repeat block to make a "
                                       "sequence")
        elif "vector" in accepted and "sequence" in types:
            hint = translate("wiring", "take a recurrent block's 'last' output, or summarise "
                                       "the sequence with a Pool block")
        elif "state" in accepted:
            hint = translate("wiring", "an initial state comes from a recurrent block's "
                                       "'state' output")
        else:
            hint = ""
        return f"{reason}; {hint}" if hint else reason

    def note(self, dst: PortRef) -> str:
        """What dropping on ``dst`` also does (replace the wire already there), or ``""``."""
        wires = self.design.wire_into(dst)
        if not wires:
            return ""
        return translate("wiring", "replaces the wire from {src}").format(src=str(wires[0].src))


def _types_text(types: tuple[str, ...], article: bool = False) -> str:
    """``sequence or vector``; with ``article``, ``a sequence or vector`` (the article
    agrees with the first type's gender in the translation)."""
    names = [engine_text(t) for t in types]
    if article and types:
        names[0] = {"sequence": translate("wiring", "a sequence"),
                    "vector": translate("wiring", "a vector"),
                    "state": translate("wiring", "a state")}.get(types[0], names[0])
    text = names[0] if names else ""
    for name in names[1:]:
        text = translate("wiring", "{a} or {b}").format(a=text, b=name)
    return text
