"""``recurrente predict``: run an exported model on one input typed on the command line.

The exported file carries its design, signature and data description (vocabularies), so
the input is encoded and the output decoded without the run directory.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import torch

from engine.errors import RecurrenteError

_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def _load(path: str) -> tuple[torch.jit.ScriptModule, dict, dict]:
    from engine.export import read_extra_files, torchscript_quietly

    if not Path(path).is_file():
        raise RecurrenteError(f"{path}: no such model file")
    with torchscript_quietly():
        try:
            model = torch.jit.load(path, map_location="cpu")
        except RuntimeError as exc:
            first = str(exc).strip().splitlines()[0]
            raise RecurrenteError(f"{path}: not a TorchScript model ({first})") from None
    extra = read_extra_files(path)
    signature = json.loads(extra.get("signature.json") or "{}")
    data = json.loads(extra.get("data.json") or "{}")
    return model, signature, data


def _encode_tokens(text: str, vocab: list[str]) -> torch.Tensor:
    index = {token: i for i, token in enumerate(vocab)}
    plain = [t for t in vocab if not (t.startswith("<") and t.endswith(">"))]
    by_char = bool(plain) and all(len(t) == 1 for t in plain)
    lowered = text.lower() if all(t == t.lower() for t in plain) else text
    tokens = list(lowered) if by_char else _WORD.findall(lowered)
    unknown = index.get("<unk>", 1)
    ids = [index.get(t, unknown) for t in tokens]
    if not ids:
        raise RecurrenteError("the input text has no tokens")
    return torch.tensor([ids])


def _encode_numbers(text: str, size: int, mode: str) -> torch.Tensor:
    if text.endswith(".npy") and Path(text).is_file():
        import numpy as np

        array = torch.from_numpy(np.load(text, allow_pickle=False)).float()
    else:
        try:
            rows = [[float(v) for v in re.split(r"[,\s]+", step.strip()) if v]
                    for step in text.split(";") if step.strip()]
        except ValueError:
            raise RecurrenteError(f"cannot read numbers from {text!r}") from None
        array = torch.tensor(rows)
    if mode == "sequence" and array.dim() == 1 and size == 1:
        array = array.unsqueeze(1)
    if mode == "element":
        array = array.reshape(-1)
        if array.numel() != size:
            raise RecurrenteError(f"the model expects an element of {size} numbers, got "
                                  f"{array.numel()}")
        return array.unsqueeze(0)
    if array.dim() != 2 or array.shape[1] != size:
        raise RecurrenteError(f"the model expects steps of {size} numbers (separate steps "
                              f"with ';'), got shape {list(array.shape)}")
    return array.unsqueeze(0)


def _decode(values: torch.Tensor, kind: str, vocab: list[str]) -> list[str]:
    if kind == "class":
        ids = values.argmax(-1).tolist()
        return [vocab[i] if i < len(vocab) else str(i) for i in ids]
    if kind == "multi_hot":
        return [" ".join(str(i) for i in torch.nonzero(step > 0.5).flatten().tolist()) or "-"
                for step in values]
    return [" ".join(f"{v:.4g}" for v in step.tolist()) for step in values]


def predict(path: str, text: str, *, steps: int = 32, temperature: float = 1.0) -> list[str]:
    """Lines describing the model's output for ``text``."""
    model, signature, data = _load(path)
    inputs: dict[str, torch.Tensor] = {}
    for entry in signature.get("inputs", []):
        block_id, mode, size = entry["id"], entry["mode"], entry["size"]
        if entry["data"] == "tokens":
            ids = _encode_tokens(text, data.get("input_vocab") or [])
            inputs[block_id] = ids if mode == "sequence" else ids[:, 0]
        else:
            inputs[block_id] = _encode_numbers(text, size, mode)
    kind = data.get("target_kind", "")
    vocab = data.get("target_vocab") or []
    if signature.get("feedback"):
        with torch.no_grad():
            out = model.generate(inputs, steps, temperature)[0]
        decoded = _decode(out, kind or "class", vocab)
        if "</s>" in decoded:
            decoded = decoded[: decoded.index("</s>")]
        joiner = "" if vocab and all(len(t) == 1 for t in decoded) else " "
        return [joiner.join(decoded) if kind == "class" else "\n".join(decoded)]
    with torch.no_grad():
        outputs = model(inputs)
    lines = []
    for name, values in outputs.items():
        values = values[0]
        if kind == "class" and values.dim() == 1:
            ranked = torch.argsort(values, descending=True)[:5].tolist()
            lines.append(f"{name}:")
            for i in ranked:
                label = vocab[i] if i < len(vocab) else str(i)
                lines.append(f"  {label:<16} {float(values[i]):.3f}")
        else:
            steps_out = values if values.dim() == 2 else values.unsqueeze(0)
            lines.append(f"{name}: " + " | ".join(_decode(steps_out, kind or "real", vocab)))
    return lines
