"""The ``piano_roll`` format: JSB-style JSON chorales as 88-key rolls.

See :mod:`engine.data.files` for the layout of the file and the framings.

The document is parsed by :mod:`json`; its structure is then checked chorale by chorale,
step by step and pitch by pitch. A fault in valid JSON is located by walking the text
again to the offending value (:func:`_json_position`), so the error still reads
``FILE:LINE:COLUMN``.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch

from engine.data.base import DataSpec, Example, ExampleList, SequenceData
from engine.data.files._common import SPLITS, DataFileError, _choice, _gc_paused, _read_text

LOWEST_PITCH, HIGHEST_PITCH = 21, 108
KEYS = HIGHEST_PITCH - LOWEST_PITCH + 1

_NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
_DECODER = json.JSONDecoder()


@_gc_paused
def load_piano_rolls(path: str | Path, *, framing: str = "next_step") -> SequenceData:
    """Chorales as 88-key piano rolls from a JSB-style JSON file.

    Parameters
    ----------
    framing:
        ``"next_step"`` (predict step t+1 from steps up to t) or ``"generate"`` (from the
        first chord, produce the rest).
    """
    path = Path(path)
    _choice(path, "framing", framing, ("next_step", "generate"))
    text = _read_text(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"not valid JSON: {exc.msg}", path, exc.lineno, exc.colno) from None
    except RecursionError:
        raise DataFileError("not valid JSON: nested too deeply", path) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise DataFileError(f"not valid JSON: {exc}", path) from None

    def fail(keys: tuple[str | int, ...], message: str) -> DataFileError:
        return DataFileError(message, path, *_json_position(text, keys))

    if not isinstance(document, dict):
        raise fail((), 'expected an object {"train": [...], "valid": [...], "test": [...]}')
    for key in document:
        if key not in SPLITS:
            raise fail((key,), f"unknown key '{key}' (known: train, valid, test)")
    if "train" not in document:
        raise fail((), "no 'train' list of chorales")
    rolls: dict[str, list[list[list[int]]]] = {}
    for name in SPLITS:
        chorales = document.get(name, [])
        if not isinstance(chorales, list):
            raise fail((name,), f"'{name}' must be a list of chorales")
        for c, chorale in enumerate(chorales):
            if not isinstance(chorale, list) or len(chorale) < 2:
                raise fail((name, c), f"{name} chorale {c}: must be a list of at least 2 steps")
            for t, step in enumerate(chorale):
                if not isinstance(step, list):
                    raise fail((name, c, t), f"{name} chorale {c}, step {t}: must be a list of "
                               "MIDI pitches")
                for k, pitch in enumerate(step):
                    if type(pitch) is not int or not LOWEST_PITCH <= pitch <= HIGHEST_PITCH:
                        raise fail((name, c, t, k), f"{name} chorale {c}, step {t}: pitch "
                                   f"{pitch!r} is not a MIDI note number in 21..108")
        rolls[name] = chorales
    splits = [ExampleList([_roll_example(ch, framing) for ch in rolls[n]]) for n in SPLITS]
    generate = framing == "generate"
    counts = "/".join(str(len(s)) for s in splits)
    spec = DataSpec(
        name=f"{path.name} ({'generate' if generate else 'next step'})",
        input_mode="element" if generate else "sequence", input_kind="features",
        input_size=KEYS, target_kind="multi_hot", target_size=KEYS, per_step=True,
        aligned=not generate,
        target_vocab=tuple(_note_name(p) for p in range(LOWEST_PITCH, HIGHEST_PITCH + 1)),
        description=f"Piano rolls from {path.name}: {counts} train/valid/test pieces as 88-key "
                    "multi-hot steps; " + ("from the first chord, produce the rest." if generate
                                           else "at every step, predict the next."))
    return SequenceData(spec, *splits)


def _roll_example(chorale: list[list[int]], framing: str) -> Example:
    roll = torch.zeros(len(chorale), KEYS)
    steps = [t for t, step in enumerate(chorale) for _ in step]
    keys = [p - LOWEST_PITCH for step in chorale for p in step]
    roll[steps, keys] = 1.0
    if framing == "generate":
        return {"input": roll[0].clone(), "target": roll[1:].clone()}
    return {"input": roll[:-1].clone(), "target": roll[1:].clone()}


def _note_name(pitch: int) -> str:
    return f"{_NOTE_NAMES[pitch % 12]}{pitch // 12 - 1}"


def _json_position(text: str, keys: tuple[str | int, ...]) -> tuple[int | None, int | None]:
    """Line and column (1-based) where the value at ``keys`` starts in valid JSON ``text``."""
    try:
        index = _json_offset(text, keys)
    except (ValueError, IndexError):  # not reached for text json.loads accepted
        return None, None
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _json_offset(text: str, keys: tuple[str | int, ...]) -> int:

    def skip(i: int) -> int:
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        return i

    index = skip(0)
    for key in keys:
        index += 1  # past "[" or "{"
        if isinstance(key, int):
            for _ in range(key):
                _, index = _DECODER.raw_decode(text, skip(index))
                index = skip(index) + 1  # past ","
            index = skip(index)
            continue
        found = index
        while text[skip(index)] != "}":
            name, index = _DECODER.raw_decode(text, skip(index))
            index = skip(skip(index) + 1)  # past ":"
            if name == key:
                found = index  # the last duplicate wins, as in json.loads
            _, index = _DECODER.raw_decode(text, index)
            index = skip(index)
            if text[index] == ",":
                index += 1
        index = found
    return index
