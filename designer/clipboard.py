"""Copy and paste of blocks as a fragment of a design file.

A fragment is the design file's own JSON for the copied blocks and the wires *between*
them (a wire to a block left behind has nowhere to go)::

    {"recurrente_fragment": 1,
     "blocks": [{"id": "rnn", "kind": "rnn", "name": "RNN", "params": {...},
                 "ui": {"x": 240, "y": 0}}, ...],
     "wires": [{"from": "x.out", "to": "rnn.input"}, ...]}

It goes on the system clipboard under :data:`MIME` and, as plain text, for pasting into
another program or another Recurrente window. Pasting builds a ``PasteBlocks`` command,
which gives every block a fresh id and keeps the fragment's wires between the copies. What
comes back from the clipboard is untrusted text: :func:`read` returns ``None`` for
anything that is not a fragment, and the command checks every block and wire through a
scratch design before anything is added.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

from engine.design import Design

MIME = "application/x-recurrente-fragment+json"
MAX_BYTES = 5_000_000


def fragment(design: Design, block_ids: Iterable[str]) -> dict[str, Any]:
    """The fragment of ``design`` holding ``block_ids`` and the wires among them."""
    ids = set(block_ids)
    blocks = [b.to_json() for b in design if b.id in ids]
    wires = [w.to_json() for w in design.wires if w.src.block in ids and w.dst.block in ids]
    return {"recurrente_fragment": 1, "blocks": blocks, "wires": wires}


def _clipboard() -> QClipboard:
    return QGuiApplication.clipboard()


def write(doc: dict[str, Any]) -> None:
    """Put ``doc`` on the clipboard (custom type and plain text)."""
    text = json.dumps(doc, indent=1, ensure_ascii=False, allow_nan=False)
    data = QMimeData()
    data.setData(MIME, text.encode("utf-8"))
    data.setText(text)
    _clipboard().setMimeData(data)


def parse(text: str | bytes) -> dict[str, Any] | None:
    """A fragment from clipboard text, or None when the text is not one."""
    if len(text) > MAX_BYTES:
        return None
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(doc, dict):
        return None
    blocks = doc.get("blocks")
    wires = doc.get("wires", [])
    if not isinstance(blocks, list) or not isinstance(wires, list):
        return None
    if not all(isinstance(b, dict) and isinstance(b.get("id"), str)
               and isinstance(b.get("kind"), str) for b in blocks):
        return None
    if not all(isinstance(w, dict) and isinstance(w.get("from"), str)
               and isinstance(w.get("to"), str) for w in wires):
        return None
    return {"blocks": blocks, "wires": wires}


def read() -> dict[str, Any] | None:
    """The fragment on the clipboard, or None."""
    data = _clipboard().mimeData()
    if data is None:
        return None
    if data.hasFormat(MIME):
        return parse(bytes(data.data(MIME).data()))
    if data.hasText():
        return parse(data.text())
    return None
