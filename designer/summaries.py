"""A block's one-line summary (``LSTM 64 x2, bidirectional``), in the interface language.

The engine composes each kind's summary in English from its parameters
(:meth:`engine.catalogue.BlockKind.summary`), so the composed string cannot be looked up
in a translation. :func:`block_summary` composes the same line from translatable
templates instead (context ``"summaries"``), with choice values in their translated
display names (:func:`designer.engine_text.choice_text`). Untranslated it is the engine's
text word for word: tests/designer/test_i18n_designer.py compares the two for every kind
and choice, so a change to an engine summary fails there until it is mirrored here. A
kind this module does not know shows the engine's English.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from designer.engine_text import choice_text
from engine.catalogue import get_kind

# lupdate reads the literal context and text of each call (see app/i18n.py)
translate = QCoreApplication.translate


def block_summary(kind: str, params: Mapping[str, Any]) -> str:
    """The summary a card shows for a block of ``kind`` with ``params``."""
    compose = _SUMMARIES.get(kind)
    if compose is not None:
        return compose(params)
    spec = get_kind(kind)
    return spec.summary(params) if spec is not None else kind


def _recurrent(name: str, p: Mapping[str, Any]) -> str:
    size = p.get("hidden_size")
    if name == "RNN":
        text = f"RNN ({choice_text(str(p.get('nonlinearity', 'tanh')))}) {size}"
    elif name == "GRU" and p.get("form", "lecture") != "lecture":
        text = f"GRU ({choice_text(str(p.get('form')))}) {size}"
    elif name == "LSTM" and p.get("peepholes", "none") != "none":
        # one template with the size, so that a translation can put the size first
        text = translate("summaries", "LSTM ({peepholes} peepholes) {size}").format(
            peepholes=choice_text(str(p.get("peepholes"))), size=size)
    else:
        text = f"{name} {size}"
    if p.get("num_layers", 1) > 1:
        text += f" x{p.get('num_layers')}"
    if p.get("bidirectional"):
        text = translate("summaries", "{cell}, bidirectional").format(cell=text)
        if p.get("join") == "sum":
            text = translate("summaries", "{text} (sum)").format(text=text)
    return text


def _bidirectional(p: Mapping[str, Any]) -> str:
    inner = _recurrent(str(p.get("cell", "lstm")).upper(), {**p, "bidirectional": False})
    text = translate("summaries", "Bidirectional {cell}").format(cell=inner)
    if p.get("join") == "sum":
        text = translate("summaries", "{text} (sum)").format(text=text)
    return text


def _input(p: Mapping[str, Any]) -> str:
    sequence = p.get("mode") == "sequence"
    if p.get("data") == "tokens":
        encoding = choice_text("one_hot") if p.get("encoding") == "one_hot" else \
            translate("summaries", "embedding {n}").format(n=p.get("embedding_size"))
        template = translate("summaries", "sequence of tokens ({v}), {encoding}") \
            if sequence else translate("summaries", "element of tokens ({v}), {encoding}")
        return template.format(v=p.get("vocab_size"), encoding=encoding)
    template = translate("summaries", "sequence of {n} features") if sequence else \
        translate("summaries", "element of {n} features")
    return template.format(n=p.get("size"))


def _feedback(p: Mapping[str, Any]) -> str:
    text = translate("summaries", "Feedback {n}").format(n=p.get("size"))
    if p.get("encoding") == "embedding":
        text += ", " + translate("summaries", "embedding {n}").format(
            n=p.get("embedding_size"))
    return text


def _activation(p: Mapping[str, Any]) -> str:
    return choice_text(str(p.get("activation")))


_SUMMARIES: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "input": _input,
    "rnn": lambda p: _recurrent("RNN", p),
    "gru": lambda p: _recurrent("GRU", p),
    "lstm": lambda p: _recurrent("LSTM", p),
    "bidirectional": _bidirectional,
    "dense": lambda p: translate("summaries", "Dense {n}, {activation}").format(
        n=p.get("size"), activation=_activation(p)),
    "output": lambda p: translate("summaries", "Output {n}, {activation}").format(
        n=p.get("size"), activation=_activation(p)),
    "dropout": lambda p: (translate("summaries", "Dropout {p}, whole steps")
                          if p.get("drops") == "steps"
                          else translate("summaries", "Dropout {p}")).format(p=p.get("p")),
    "concat": lambda p: translate("summaries", "Concatenate"),
    "repeat": lambda p: translate("summaries", "Repeat x{n}").format(
        n=p.get("times")),
    "pool": lambda p: translate("summaries", "Pool ({mode})").format(
        mode=choice_text(str(p.get("mode")))),
    "feedback": _feedback,
}
