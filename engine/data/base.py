"""What a data set feeds, and how its examples become a model's batch.

Every data set, built in or read from a file, is a :class:`SequenceData`: three splits of
examples plus a :class:`DataSpec` that says what they are — sequences or single elements,
real features or token ids (with sizes and vocabularies), and the kind of target:

* ``class``      one class id per example or per step (softmax output, cross-entropy);
* ``multi_hot``  several of ``size`` units on at once (sigmoid output, binary cross-entropy);
* ``real``       ``size`` real values (identity/tanh output, mean squared error).

An example is a dict of tensors: ``input`` — ``(T, F)`` features or ``(T,)`` token ids for
a sequence, ``(F,)`` or ``()`` for an element — and ``target`` — ``()``/``(K,)`` per
example, ``(N,)``/``(N, K)`` per step. A data set whose targets are per step says whether
step t of the target belongs to step t of the input (``aligned``: tagging, next-step
prediction) or is a sequence of its own length (translation, generation from a start).

:func:`collate` pads a list of examples into a batch with lengths; padded class targets
are ``IGNORE_INDEX`` and padded steps are excluded from every loss and metric through
the target lengths.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

import torch
from torch import Tensor
from torch.utils.data import Dataset

IGNORE_INDEX = -100

Example = dict[str, Tensor]


@dataclass(frozen=True)
class DataSpec:
    """What a data set feeds a model.

    Parameters
    ----------
    name:
        Shown to people, e.g. ``"adding problem (T=50)"``.
    input_mode:
        ``"sequence"``, ``"element"`` or ``"none"`` (generation from a learned start).
    input_kind:
        ``"features"`` or ``"tokens"``.
    input_size:
        Features per step, or the vocabulary size for tokens.
    target_kind:
        ``"class"``, ``"multi_hot"`` or ``"real"``.
    target_size:
        Classes, units or values.
    per_step:
        A target for every step (M-to-N, 1-to-N) instead of one per example (M-to-1).
    aligned:
        Per-step targets that line up with the input steps (synchronised M-to-N).
    input_vocab, target_vocab:
        Token strings by id, when the data are tokens or named classes.
    description:
        Where the data come from, one or two sentences.
    """

    name: str
    input_mode: Literal["sequence", "element", "none"]
    input_kind: Literal["features", "tokens"]
    input_size: int
    target_kind: Literal["class", "multi_hot", "real"]
    target_size: int
    per_step: bool
    aligned: bool = False
    input_vocab: tuple[str, ...] = ()
    target_vocab: tuple[str, ...] = ()
    description: str = ""

    def input_text(self) -> str:
        """E.g. 'sequences of 5 features' or 'sequences of tokens (vocabulary 64)'."""
        if self.input_mode == "none":
            return "no input"
        what = "sequences" if self.input_mode == "sequence" else "single elements"
        if self.input_kind == "tokens":
            return f"{what} of tokens (vocabulary {self.input_size})"
        return f"{what} of {self.input_size} feature{'s' if self.input_size != 1 else ''}"

    def target_text(self) -> str:
        where = ("at every step" if self.aligned else "as a sequence of its own length") \
            if self.per_step else "per example"
        what = {"class": f"one of {self.target_size} classes",
                "multi_hot": f"{self.target_size} on/off units",
                "real": f"{self.target_size} real value{'s' if self.target_size != 1 else ''}"}
        return f"{what[self.target_kind]} {where}"

    def to_json(self) -> dict:
        return {"name": self.name, "input_mode": self.input_mode,
                "input_kind": self.input_kind, "input_size": self.input_size,
                "target_kind": self.target_kind, "target_size": self.target_size,
                "per_step": self.per_step, "aligned": self.aligned,
                "input_vocab": list(self.input_vocab),
                "target_vocab": list(self.target_vocab), "description": self.description}


class ExampleList(Dataset):
    """A split: its examples, held in memory one tensor per field.

    Each field is kept as a single tensor: stacked when every example's tensor has the
    same shape, else concatenated along the first (time) dimension with offsets. An
    example is a dict of views made when asked for. Tens of thousands of small tensors
    would each be an object for Python's cyclic garbage collector to scan on every full
    collection -- 66 ms, holding the GIL, for a 10,000-sequence split, measured as a
    stall of the window training it -- where two tensors per field cost nothing.
    """

    def __init__(self, examples: Sequence[Example]) -> None:
        examples = list(examples)
        self._size = len(examples)
        self._ragged: list[Example] | None = None  # examples whose fields differ: as given
        self._fields: dict[str, _Field] = {}
        if examples and any(e.keys() != examples[0].keys() for e in examples):
            self._ragged = examples
        elif examples:
            self._fields = {key: _Field.pack([e[key] for e in examples]) for key in examples[0]}

    @property
    def examples(self) -> list[Example]:
        """Every example, in order (a new list of views)."""
        return list(self)

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, index: int) -> Example:
        if not -self._size <= index < self._size:
            raise IndexError(f"example {index} of {self._size}")
        if self._ragged is not None:
            return self._ragged[index]
        index %= self._size
        return {key: field[index] for key, field in self._fields.items()}

    def __iter__(self) -> Iterator[Example]:
        return (self[i] for i in range(self._size))


@dataclass(frozen=True)
class _Field:
    """One field of every example: ``data`` stacked (no ``offsets``), or concatenated
    along the first dimension with example i at ``offsets[i]:offsets[i + 1]``, or, when
    the tensors differ in dtype, device or trailing shape, the list of them (``parts``)."""

    data: Tensor | None = None
    offsets: list[int] | None = None
    parts: list[Tensor] | None = None

    @staticmethod
    def pack(tensors: list[Tensor]) -> _Field:
        first = tensors[0]
        if not all(t.dtype == first.dtype and t.device == first.device for t in tensors):
            return _Field(parts=tensors)
        if all(t.shape == first.shape for t in tensors):
            return _Field(torch.stack(tensors))
        if first.dim() and all(t.dim() and t.shape[1:] == first.shape[1:] for t in tensors):
            offsets = [0, *itertools.accumulate(t.shape[0] for t in tensors)]
            return _Field(torch.cat(tensors), offsets)
        return _Field(parts=tensors)

    def __getitem__(self, index: int) -> Tensor:
        if self.parts is not None:
            return self.parts[index]
        assert self.data is not None
        if self.offsets is None:
            return self.data[index]
        return self.data[self.offsets[index]:self.offsets[index + 1]]


@dataclass
class SequenceData:
    """A data set: its spec and its train / validation / test splits."""

    spec: DataSpec
    train: ExampleList
    valid: ExampleList
    test: ExampleList = field(default_factory=lambda: ExampleList([]))


def _pad(tensors: Sequence[Tensor], value: float) -> tuple[Tensor, Tensor]:
    lengths = torch.tensor([t.shape[0] for t in tensors], dtype=torch.long)
    longest = int(lengths.max()) if len(tensors) else 0
    out = tensors[0].new_full((len(tensors), longest, *tensors[0].shape[1:]), value)
    for i, t in enumerate(tensors):
        out[i, : t.shape[0]] = t
    return out, lengths


def collate(examples: Sequence[Example], spec: DataSpec) -> dict[str, Tensor]:
    """Pad examples into a batch: ``input``, ``input:len``, ``target``, ``target:len``."""
    batch: dict[str, Tensor] = {}
    if spec.input_mode == "sequence":
        batch["input"], batch["input:len"] = _pad([e["input"] for e in examples], 0)
    elif spec.input_mode == "element":
        batch["input"] = torch.stack([e["input"] for e in examples])
    targets = [e["target"] for e in examples]
    if spec.per_step:
        fill = IGNORE_INDEX if spec.target_kind == "class" else 0.0
        batch["target"], batch["target:len"] = _pad(targets, fill)
    else:
        batch["target"] = torch.stack(targets)
    return batch
