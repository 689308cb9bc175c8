"""Turning what a person types or picks into a model's input, and outputs back into words.

The try-it panel speaks the data set's vocabulary (:class:`engine.data.base.DataSpec`):
a typed sentence is split into the vocabulary's units — characters when every plain
token of the vocabulary is one character (the dates task), otherwise words and
punctuation — and looked up exactly, then ignoring case. A word the vocabulary lacks is
read as ``<unk>`` when the vocabulary has one; otherwise it is left out, because the only
other candidate, ``<pad>``, marks steps the model never reads. Either way the panel shows
it greyed and says so. Piano-roll keys are named as notes (key 0 = MIDI 21 = A0, as the
built-in melodies use), and validation examples get a one-line description for a combo.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from torch import Tensor

from engine.data.base import DataSpec, Example

WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
NOTE_NAMES = ("C", "C♯", "D", "D♯", "E", "F", "F♯", "G", "G♯", "A", "A♯", "B")
LOWEST_MIDI = 21  # key 0 of an 88-key piano roll: A0
END = "</s>"


def is_special(token: str) -> bool:
    """``<pad>``, ``<unk>``, ``</s>``, ``<unused3>``: markers rather than text."""
    return len(token) > 2 and token.startswith("<") and token.endswith(">")


def by_characters(vocab: Sequence[str]) -> bool:
    """True when the vocabulary's plain tokens are single characters."""
    plain = [t for t in vocab if not is_special(t)]
    return bool(plain) and all(len(t) == 1 for t in plain)


def join_tokens(tokens: Sequence[str], vocab: Sequence[str]) -> str:
    """Tokens back into text: glued for characters, spaced for words."""
    return ("" if by_characters(vocab) else " ").join(tokens)


def show_token(token: str) -> str:
    """A token as an axis label: a space made visible."""
    return "␣" if token == " " else token


@dataclass
class Encoded:
    """A typed text in the vocabulary.

    ``tokens`` are the units read from the text; ``known[i]`` says whether ``tokens[i]``
    is in the vocabulary; ``ids`` and ``fed`` are the ids given to the model and their
    tokens (``<unk>`` for an unknown one, or nothing when there is no ``<unk>``).
    """

    tokens: list[str] = field(default_factory=list)
    known: list[bool] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    fed: list[str] = field(default_factory=list)

    @property
    def unknown(self) -> list[str]:
        return [t for t, k in zip(self.tokens, self.known, strict=True) if not k]


def encode_text(text: str, vocab: Sequence[str]) -> Encoded:
    """Split ``text`` into the vocabulary's units and look each up (see the docstring)."""
    index = {t: i for i, t in enumerate(vocab)}
    folded: dict[str, int] = {}
    for i, t in enumerate(vocab):
        folded.setdefault(t.lower(), i)
    units = list(text.strip()) if by_characters(vocab) else WORD.findall(text)
    result = Encoded()
    unk = index.get("<unk>")
    for unit in units:
        found = index.get(unit, folded.get(unit.lower()))
        known = found is not None and not is_special(vocab[found])
        result.tokens.append(unit)
        result.known.append(known)
        if known and found is not None:
            result.ids.append(found)
            result.fed.append(vocab[found])
        elif unk is not None:
            result.ids.append(unk)
            result.fed.append("<unk>")
    return result


def decode(ids: Sequence[int], vocab: Sequence[str]) -> list[str]:
    """Ids into tokens (an id past the vocabulary shows as its number)."""
    return [vocab[i] if 0 <= i < len(vocab) else str(i) for i in ids]


def until_end(tokens: Sequence[str]) -> tuple[list[str], bool]:
    """The tokens before the first ``</s>``, and whether there was one."""
    if END in tokens:
        return list(tokens[: list(tokens).index(END)]), True
    return list(tokens), False


def note_name(key: int, lowest: int = LOWEST_MIDI) -> str:
    """Key index -> note name with octave, e.g. 39 -> 'C4' (middle C)."""
    midi = key + lowest
    return f"{NOTE_NAMES[midi % 12]}{midi // 12 - 1}"


def chord_name(vector: Tensor) -> str:
    """The notes switched on in a multi-hot vector, low to high."""
    keys = (vector > 0.5).nonzero().flatten().tolist()
    return " ".join(note_name(k) for k in keys) or "—"


def example_tokens(example: Example, spec: DataSpec) -> list[str]:
    """The input tokens of a token example, else one label per step ('t=1', ...)."""
    x = example["input"]
    if spec.input_kind == "tokens" and spec.input_vocab:
        return decode(x.reshape(-1).tolist(), spec.input_vocab)
    steps = x.shape[0] if spec.input_mode == "sequence" else 1
    return [str(t + 1) for t in range(steps)]


def describe_example(number: int, example: Example, spec: DataSpec, limit: int = 70) -> str:
    """One line for the example combo: the input, shortened, and the class when known."""
    x = example["input"]
    if spec.input_kind == "tokens" and spec.input_vocab:
        text = join_tokens(example_tokens(example, spec), spec.input_vocab)
    elif spec.input_mode == "element" and spec.input_size >= 48:
        text = chord_name(x)
    elif spec.input_mode == "sequence":
        text = f"T = {x.shape[0]}"
    else:
        text = " ".join(f"{v:.3g}" for v in x.reshape(-1)[:6].tolist())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    target = example["target"]
    if spec.target_kind == "class" and not spec.per_step and spec.target_vocab:
        text += f"  → {decode([int(target)], spec.target_vocab)[0]}"
    return f"{number + 1}: {text}"
