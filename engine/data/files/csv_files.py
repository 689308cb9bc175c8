"""The ``csv`` format: numeric sequences, one row per step.

See :mod:`engine.data.files` for the layout of the file and its options.

Parsing reads the header into column roles (:class:`_CsvRoles`: the sequence id, the
optional step and split columns, features and targets), then every row into a
:class:`_CsvSequence` of plain floats, checking each cell where it stands. Only then are
the targets checked against the chosen mode (per step or per sequence) and the tensors
built, so every fault is reported at its line and column before anything is made.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import NoReturn

import torch

from engine.data.base import DataSpec, Example, SequenceData
from engine.data.files._common import (
    SPLITS,
    DataFileError,
    _blank_line,
    _choice,
    _column,
    _count,
    _data,
    _gc_paused,
    _lines,
    _read_text,
    _split_indices,
)


@dataclass
class _CsvSequence:
    name: str
    line: int
    split: str | None
    lines: list[int] = field(default_factory=list)
    features: list[list[float]] = field(default_factory=list)
    targets: list[list[float | None]] = field(default_factory=list)


@_gc_paused
def load_csv(path: str | Path, *, targets: str = "auto", target_kind: str = "real",
             num_classes: int | None = None, max_length: int | None = None,
             split: Sequence[float] | None = None, seed: int = 0) -> SequenceData:
    """Numeric sequences from a CSV file, one row per step (see :mod:`engine.data.files`).

    Parameters
    ----------
    targets:
        ``"step"`` (a target on every row), ``"sequence"`` (on the last row of each
        sequence only) or ``"auto"`` (``"sequence"`` when every other row leaves it empty).
    target_kind:
        ``"real"``, ``"class"`` (one column of ids 0, 1, ...) or ``"multi_hot"`` (0/1).
    num_classes:
        For class targets; by default the largest id + 1.
    max_length:
        Refuse sequences with more steps.
    split, seed:
        Train/valid/test fractions and the seed of the shuffle (without a split column).
    """
    path = Path(path)
    _choice(path, "targets", targets, ("auto", "step", "sequence"))
    _choice(path, "target_kind", target_kind, ("real", "class", "multi_hot"))
    _count(path, "num_classes", num_classes, 1)
    _count(path, "max_length", max_length, 1)
    lines = _lines(_read_text(path))
    if not lines:
        raise DataFileError("the file is empty; expected a header such as 'sequence,x1,target'",
                            path, 1)
    header = [name.strip() for name in lines[0].split(",")]
    roles = _csv_roles(path, lines[0], header, target_kind)
    if roles.split is not None and split is not None:
        raise DataFileError("option split cannot be used: the file has a split column", path)
    seqs = _csv_rows(path, lines, header, roles, target_kind, num_classes, max_length)
    if not seqs:
        raise DataFileError("no rows after the header", path, 2)
    per_step = _csv_target_mode(path, lines, header, roles, seqs, targets)
    return _csv_build(path, seqs, roles, per_step, target_kind, num_classes, split, seed)


@dataclass
class _CsvRoles:
    sequence: int
    step: int | None
    split: int | None
    features: list[int]
    targets: list[int]


def _csv_roles(path: Path, line: str, header: list[str], target_kind: str) -> _CsvRoles:
    seen: dict[str, int] = {}
    for index, name in enumerate(header):
        if not name:
            raise DataFileError(f"column {index + 1} has no name", path, 1,
                                _column(line, ",", index))
        if name in seen:
            raise DataFileError(f"column name '{name}' appears twice", path, 1,
                                _column(line, ",", index))
        seen[name] = index
    if "sequence" not in seen:
        raise DataFileError("the header has no 'sequence' column (the id that groups rows "
                            "into sequences)", path, 1)
    special = ("sequence", "step", "split")
    targets = [i for i, n in enumerate(header) if n.lower().startswith("target")]
    features = [i for i, n in enumerate(header) if n not in special and i not in targets]
    if not features:
        raise DataFileError("the header names no feature column", path, 1)
    if not targets:
        raise DataFileError("the header names no target column (a name starting with "
                            "'target')", path, 1)
    if target_kind == "class" and len(targets) != 1:
        raise DataFileError(f"class targets need exactly one target column, found "
                            f"{len(targets)}", path, 1)
    return _CsvRoles(seen["sequence"], seen.get("step"), seen.get("split"), features, targets)


def _csv_rows(path: Path, lines: list[str], header: list[str], roles: _CsvRoles,
              target_kind: str, num_classes: int | None,
              max_length: int | None) -> list[_CsvSequence]:
    width = len(header)
    sequences: list[_CsvSequence] = []
    last_line: dict[str, int] = {}
    for number in range(2, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip():
            raise _blank_line(path, number)
        cells = line.split(",")
        if len(cells) != width:
            raise DataFileError(f"expected {width} values ({', '.join(header)}), found "
                                f"{len(cells)}", path, number)

        def fail(index: int, message: str, number: int = number, line: str = line) -> NoReturn:
            raise DataFileError(f"column '{header[index]}': {message}", path, number,
                                _column(line, ",", index))

        name = cells[roles.sequence].strip()
        if not name:
            fail(roles.sequence, "empty sequence id")
        if not sequences or sequences[-1].name != name:
            if name in last_line:
                fail(roles.sequence, f"sequence '{name}' comes back after other rows (its "
                     f"last row was line {last_line[name]}); keep a sequence's rows together")
            split = cells[roles.split].strip() if roles.split is not None else None
            sequences.append(_CsvSequence(name, number, split))
        seq = sequences[-1]
        last_line[name] = number
        step = len(seq.lines)
        if max_length is not None and step >= max_length:
            raise DataFileError(f"sequence '{name}' is longer than max_length={max_length}",
                                path, number)
        if roles.step is not None and cells[roles.step].strip() != str(step):
            fail(roles.step, f"expected {step} (steps count from 0 within each sequence), "
                 f"got '{cells[roles.step].strip()}'")
        if roles.split is not None:
            part = cells[roles.split].strip()
            if part not in SPLITS:
                fail(roles.split, f"must be train, valid or test, got '{part}'")
            if part != seq.split:
                fail(roles.split, f"'{part}', but sequence '{name}' started in {seq.split}")
        features = [_csv_number(cells[i], partial(fail, i)) for i in roles.features]
        values: list[float | None] = []
        for i in roles.targets:
            if not cells[i].strip():
                values.append(None)
                continue
            value = _csv_number(cells[i], partial(fail, i))
            if target_kind == "class" and (not value.is_integer() or value < 0):
                fail(i, f"class ids are whole numbers >= 0, got '{cells[i].strip()}'")
            if target_kind == "class" and num_classes is not None and value >= num_classes:
                fail(i, f"class id {int(value)} is not below num_classes={num_classes}")
            if target_kind == "multi_hot" and value not in (0.0, 1.0):
                fail(i, f"multi-hot values are 0 or 1, got '{cells[i].strip()}'")
            values.append(value)
        seq.lines.append(number)
        seq.features.append(features)
        seq.targets.append(values)
    return sequences


def _csv_number(cell: str, fail: Callable[[str], NoReturn]) -> float:
    text = cell.strip()
    if not text:
        fail("empty value")
    try:
        value = float(text)
    except ValueError:
        fail(f"'{text}' is not a number")
    if not math.isfinite(value):
        fail(f"'{text}' is not a finite number")
    return value


def _csv_target_mode(path: Path, lines: list[str], header: list[str], roles: _CsvRoles,
                     seqs: list[_CsvSequence], targets: str) -> bool:
    """True for per-step targets, after checking every row fits the chosen mode."""
    if targets == "auto":
        targets = "sequence" if all(v is None for s in seqs for row in s.targets[:-1]
                                    for v in row) else "step"
    for seq in seqs:
        for step, (number, row) in enumerate(zip(seq.lines, seq.targets, strict=True)):
            last = step == len(seq.lines) - 1
            for k, value in zip(roles.targets, row, strict=True):
                where = (path, number, _column(lines[number - 1], ",", k))
                if value is None and (targets == "step" or last):
                    mode = "per-step targets need a value on every row" if targets == "step" \
                        else f"the last row of sequence '{seq.name}' holds its target"
                    raise DataFileError(f"column '{header[k]}': empty value ({mode})", *where)
                if value is not None and targets == "sequence" and not last:
                    raise DataFileError(
                        f"column '{header[k]}': a value on a row that is not the last of "
                        f"sequence '{seq.name}' (per-sequence targets go on the last row only; "
                        "leave the others empty)", *where)
    return targets == "step"


def _csv_build(path: Path, seqs: list[_CsvSequence], roles: _CsvRoles, per_step: bool,
               target_kind: str, num_classes: int | None, split: Sequence[float] | None,
               seed: int) -> SequenceData:
    examples: list[Example] = []
    largest = 0
    for seq in seqs:
        rows = seq.targets if per_step else seq.targets[-1:]
        if target_kind == "class":
            ids = [int(row[0] or 0) for row in rows]
            largest = max(largest, *ids)
            target = torch.tensor(ids if per_step else ids[0], dtype=torch.long)
        else:
            values = torch.tensor(rows, dtype=torch.float32)
            target = values if per_step else values[0]
        examples.append({"input": torch.tensor(seq.features, dtype=torch.float32),
                         "target": target})
    if roles.split is not None:
        train, valid, test = ([i for i, s in enumerate(seqs) if s.split == name]
                              for name in SPLITS)
        parts = (train, valid, test)
    else:
        parts = _split_indices(path, len(seqs), split, seed)
    size = (num_classes or largest + 1) if target_kind == "class" else len(roles.targets)
    spec = DataSpec(
        name=path.name, input_mode="sequence", input_kind="features",
        input_size=len(roles.features), target_kind=target_kind,  # type: ignore[arg-type]
        target_size=size, per_step=per_step, aligned=per_step,
        description=f"{len(seqs)} numeric sequences read from {path.name} (CSV), "
                    f"{len(roles.features)} features per step, "
                    f"{'a target per step' if per_step else 'one target per sequence'}.")
    return _data(spec, examples, parts)
