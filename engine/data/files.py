"""Data sets read from files, with every fault located at ``FILE:LINE[:COLUMN]``.

:func:`load_data_file` reads one of five formats into a :class:`SequenceData`. Loading
runs in two stages: **parse** (read and check every line or array, keeping plain Python
records) and **build** (vocabularies, splits, tensors). Any fault in the first stage is a
:class:`DataFileError` naming the file, the line and, where it helps, the column
(1-based, in characters), so nothing half-loaded is ever returned. Binary files have no
lines; their errors name the array and the index instead (``FILE: targets[3, 7]: ...``).

Text files are UTF-8 (a byte-order mark is ignored) and are split on ``"\\n"`` only (a
final ``"\\r"`` is dropped, so CRLF files read too); blank lines are allowed only at the
end of a file: a blank line anywhere else is an error, as a missing row usually is.

``csv`` — numeric sequences, one row per step
    The first line is a header. One column is named ``sequence``: consecutive rows with the
    same id form one sequence, in file order (an id may not come back after another
    sequence started). Columns whose name starts with ``target`` are targets; every other
    column is an input feature, except two optional ones: ``step`` (must count 0, 1, 2,
    ... within each sequence) and ``split`` (``train``, ``valid`` or ``test``, the same on
    every row of a sequence; without it the sequences are split by ``split`` fractions).
    Values are separated by commas with no quoting; each must be a finite number.
    Targets are *per step* (synchronised M-to-N: a value in every target cell) or *per
    sequence* (M-to-1: target cells are left empty on every row except the last row of
    each sequence, where they must be filled). ``targets='auto'`` picks per sequence when
    every non-last row leaves its targets empty. ``target_kind`` is ``real`` (default),
    ``class`` (one target column of whole numbers 0, 1, ...) or ``multi_hot`` (0/1
    values). ``max_length`` refuses a longer sequence at the line of its first extra
    step. Example (per-sequence class targets)::

        sequence,step,x1,x2,target
        a,0,0.5,1.0,
        a,1,0.25,-1.0,1
        b,0,0.0,2.0,0

``numpy`` — ``.npz`` archives (or a ``.npy`` of inputs with ``targets='y.npy'``)
    Arrays: ``inputs`` ``(N, T, F)`` numbers; optional ``lengths`` ``(N,)`` whole numbers
    in ``1..T`` (steps past a length are padding and are not checked); ``targets`` one of
    ``(N,)`` class ids or real values, ``(N, K)`` per-sequence values, ``(N, T)`` per-step
    class ids, ``(N, T, K)`` per-step values. Integer targets of 1 or 2 dimensions are
    class ids, boolean targets multi-hot, the rest real (``target_kind`` overrides).
    Per-step targets share the inputs' steps (synchronised M-to-N). ``valid_inputs``,
    ``valid_targets``, ``valid_lengths`` and the same with ``test_`` give the other splits;
    without them the examples are split by ``split`` fractions. Files are read with
    ``allow_pickle=False``: an object array is refused. NaN and infinity are refused.

``text`` — text classification, ``text<TAB>label`` per line (UCI Sentiment Labelled)
    Exactly two tab-separated columns, no quoting, no header; several files may be given
    and are read one after the other. Labels are the strings in the file (``labels``
    declares the allowed set; its order gives the class ids when it is a list, otherwise
    they are sorted, numbers numerically). Text becomes tokens at ``level='word'`` (words,
    with inner apostrophes, and single punctuation marks) or ``'char'`` (every character,
    spaces included), lowercased unless ``lowercase=False``. The vocabulary is built from
    the training split only: ``0 '<pad>'``, ``1 '<unk>'``, then tokens seen at least
    ``min_count`` times, most frequent first, at most ``max_vocab`` entries in all.

``parallel`` — sentence pairs for translation, ``source<TAB>target`` (Tatoeba/manythings)
    ``swap=True`` translates column 2 into column 1; ``max_pairs`` reads only the first
    pairs. Word-level vocabularies on both sides (built from the training split) start
    with ``'<pad>'=0, '<unk>'=1, '<s>'=2, '</s>'=3``; every target ends with ``'</s>'``
    (a decoder starts from ``'<s>'``). Encoder-decoder M-to-N: per step, not aligned,
    class targets. Pairs are split by groups: all pairs whose ``group_by`` side
    (``'source'`` or ``'target'``; by default column 1, the English side of a Tatoeba
    file) reads the same after tokenising land in one split, so alternative translations
    of one sentence never straddle the splits.

``piano_roll`` — JSON ``{"train": [chorale, ...], "valid": [...], "test": [...]}`` (JSB)
    A chorale is a list of steps; a step is a list of MIDI pitches (21..108, may be empty)
    encoded as an 88-key multi-hot (index ``pitch - 21``). ``framing='next_step'``
    (default): input steps ``0..T-2`` ``(T-1, 88)``, target steps ``1..T-1``, aligned.
    ``framing='generate'`` (1-to-N): input the first chord ``(88,)`` as an element,
    target the following steps ``(T-1, 88)``, not aligned. Every chorale needs two steps.

Every split by fractions (default ``0.8/0.1/0.1``) is a fixed function of ``seed``, and
each split keeps the file's order. The format follows the suffix (``.csv``; ``.npy``,
``.npz``; ``.json``; ``.tsv``, ``.txt``: ``parallel`` when an option only it takes is
given, ``text`` for ``labels`` or ``level`` or several files, else ``text`` when the second
column repeats — at most half as many distinct values as lines — and ``parallel`` otherwise).
"""

from __future__ import annotations

import gc
import inspect
import json
import math
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial, wraps
from itertools import chain, repeat
from pathlib import Path
from typing import Any, NoReturn, ParamSpec, TypeVar

import numpy as np
import torch

from engine.data.base import DataSpec, Example, ExampleList, SequenceData
from engine.errors import RecurrenteError

__all__ = [
    "FILE_FORMATS", "DataFileError", "load_csv", "load_data_file", "load_numpy",
    "load_parallel_text", "load_piano_rolls", "load_text_classification",
]

MAX_FILE_BYTES = 512 * 2**20
DEFAULT_SPLIT = (0.8, 0.1, 0.1)
SPLITS = ("train", "valid", "test")
PAD, UNK, BOS, EOS = "<pad>", "<unk>", "<s>", "</s>"
LOWEST_PITCH, HIGHEST_PITCH = 21, 108
KEYS = HIGHEST_PITCH - LOWEST_PITCH + 1

FILE_FORMATS: dict[str, str] = {
    "csv": "numeric sequences, a row per step: sequence,[step,][split,]features,target...",
    "numpy": ".npz with inputs (N, T, F), targets, optional lengths and valid_/test_ arrays",
    "text": "text classification: text<TAB>label per line, word or character tokens",
    "parallel": "sentence pairs for translation: source<TAB>target per line (Tatoeba)",
    "piano_roll": 'JSON piano rolls {"train": [[[pitches], ...], ...], ...} (JSB Chorales)',
}

_P = ParamSpec("_P")
_R = TypeVar("_R")
_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")


class DataFileError(RecurrenteError):
    """A data file that cannot be read, located as ``FILE:LINE:COLUMN: message``.

    Parameters
    ----------
    message:
        What is wrong.
    path:
        The file.
    line, column:
        1-based position, when the fault has one.
    """

    def __init__(self, message: str, path: str | Path, line: int | None = None,
                 column: int | None = None) -> None:
        self.message = message
        self.path = str(path)
        self.line = line
        self.column = column
        where = self.path
        if line is not None:
            where += f":{line}" if column is None else f":{line}:{column}"
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message, self.path, self.line, self.column))


# --- shared: reading, options, splits, vocabularies ----------------------------------------


def _gc_paused(loader: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``loader`` with the cyclic garbage collector paused.

    Loading creates hundreds of thousands of small lists and tensors and no cycles; each
    of them would otherwise count towards a collection of the whole heap, which took a
    third of the time of reading a 30,000-line file.
    """

    @wraps(loader)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        paused = gc.isenabled()
        gc.disable()
        try:
            return loader(*args, **kwargs)
        finally:
            if paused:
                gc.enable()

    return run


def _read_text(path: Path) -> str:
    """The file's text, or a DataFileError saying why it cannot be had."""
    try:
        if path.is_dir():
            raise DataFileError("is a folder, not a file", path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataFileError(f"the file is {size:,} bytes; at most {MAX_FILE_BYTES:,}", path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError("no such file", path) from None
    except OSError as exc:
        raise DataFileError(f"cannot be read ({exc.strerror or exc})", path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
        raise DataFileError(f"not UTF-8 text (byte 0x{data[exc.start]:02x})", path,
                            data.count(b"\n", 0, exc.start) + 1, exc.start - start + 1) from None


def _lines(text: str) -> list[str]:
    """Lines split on ``"\\n"`` only, a final ``"\\r"`` dropped, trailing blank lines gone."""
    lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _blank_line(path: Path, number: int) -> DataFileError:
    return DataFileError("empty line (blank lines are allowed only at the end of the file)",
                         path, number)


def _column(line: str, sep: str, index: int) -> int:
    """1-based character column where field ``index`` of ``line`` starts."""
    return 1 + sum(len(cell) + 1 for cell in line.split(sep)[:index])


def _choice(path: Path, name: str, value: object, allowed: Sequence[object]) -> None:
    if value not in allowed:
        options = ", ".join(repr(a) for a in allowed)
        raise DataFileError(f"option {name} must be one of {options}, got {value!r}", path)


def _count(path: Path, name: str, value: object, lowest: int, optional: bool = True) -> None:
    if value is None and optional:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < lowest:
        raise DataFileError(f"option {name} must be a whole number >= {lowest}, got {value!r}",
                            path)


def _split_indices(path: Path, n: int, split: Sequence[float] | None,
                   seed: int) -> tuple[list[int], list[int], list[int]]:
    """Train, valid and test indices of ``n`` items: a seeded shuffle cut by fractions."""
    try:
        fractions = DEFAULT_SPLIT if split is None else tuple(split)
    except TypeError:
        fractions = ()
    if (len(fractions) != 3 or not all(isinstance(f, int | float) and f >= 0 for f in fractions)
            or abs(sum(fractions) - 1) > 1e-6 or fractions[0] <= 0):
        raise DataFileError("option split must be three fractions (train, valid, test) >= 0 "
                            f"adding up to 1, with train > 0; got {split!r}", path)
    _count(path, "seed", seed, 0, optional=False)
    order = np.random.default_rng(seed).permutation(n).tolist()
    n_valid = min(round(n * fractions[1]), n)
    n_test = min(round(n * fractions[2]), n - n_valid)
    valid, test = order[:n_valid], order[n_valid:n_valid + n_test]
    return sorted(order[n_valid + n_test:]), sorted(valid), sorted(test)


def _vocabulary(token_lists: Iterable[list[str]], specials: Sequence[str], min_count: int,
                max_vocab: int | None) -> tuple[str, ...]:
    """Specials, then tokens seen ``min_count`` times, most frequent first (ties by text)."""
    counts = Counter(chain.from_iterable(token_lists))
    kept = sorted((t for t, c in counts.items() if c >= min_count and t not in specials),
                  key=lambda t: (-counts[t], t))
    if max_vocab is not None:
        kept = kept[:max_vocab - len(specials)]
    return (*specials, *kept)


def _tokenize(text: str, level: str, lowercase: bool) -> list[str]:
    if lowercase:
        text = text.lower()
    return list(text) if level == "char" else _WORD.findall(text)


def _encode(token_lists: list[list[str]], vocab: Sequence[str]) -> list[torch.Tensor]:
    """Token ids (unknown tokens 1) of every list: views of one tensor, made in one go."""
    index = {t: i for i, t in enumerate(vocab)}
    ids = torch.tensor(list(map(index.get, chain.from_iterable(token_lists), repeat(1))),
                       dtype=torch.long)
    return list(ids.split([len(tokens) for tokens in token_lists]))


def _text_options(path: Path, lowercase: object, min_count: object, max_vocab: object,
                  specials: int) -> None:
    _choice(path, "lowercase", lowercase, (True, False))
    _count(path, "min_count", min_count, 1, optional=False)
    _count(path, "max_vocab", max_vocab, specials + 1)


def _names(paths: Sequence[Path]) -> str:
    if len(paths) <= 3:
        return " + ".join(p.name for p in paths)
    return f"{paths[0].name} and {len(paths) - 1} more files"


def _data(spec: DataSpec, examples: Sequence[Example],
          parts: tuple[list[int], list[int], list[int]]) -> SequenceData:
    train, valid, test = (ExampleList([examples[i] for i in part]) for part in parts)
    return SequenceData(spec, train, valid, test)


# --- csv -----------------------------------------------------------------------------------


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
    """Numeric sequences from a CSV file, one row per step (see the module docstring).

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


# --- numpy ---------------------------------------------------------------------------------


_ARRAYS = tuple(f"{prefix}{name}" for prefix in ("", "valid_", "test_")
                for name in ("inputs", "lengths", "targets"))


@dataclass
class _NumpySplit:
    inputs: np.ndarray
    lengths: np.ndarray
    targets: np.ndarray


@_gc_paused
def load_numpy(path: str | Path, *, targets: str | Path | None = None,
               lengths: str | Path | None = None, target_kind: str | None = None,
               num_classes: int | None = None, split: Sequence[float] | None = None,
               seed: int = 0) -> SequenceData:
    """Sequences from an ``.npz`` archive, or a ``.npy`` of inputs plus ``targets=`` file.

    Parameters
    ----------
    targets, lengths:
        For a ``.npy`` of inputs only: the ``.npy`` files of the targets and lengths.
    target_kind:
        ``"real"``, ``"class"`` or ``"multi_hot"``; by default told from the dtype.
    num_classes:
        For class targets; by default the largest id + 1.
    split, seed:
        Train/valid/test fractions and the seed of the shuffle (without valid_/test_ arrays).
    """
    path = Path(path)
    _choice(path, "target_kind", target_kind, (None, "real", "class", "multi_hot"))
    _count(path, "num_classes", num_classes, 1)
    loaded = _np_load(path)
    if isinstance(loaded, dict):
        if targets is not None or lengths is not None:
            raise DataFileError("options targets and lengths are for a .npy of inputs; this "
                                "file is an .npz archive holding its own arrays", path)
        arrays = loaded
    else:
        if targets is None:
            raise DataFileError("a .npy file holds only the inputs; give targets='file.npy' "
                                "or save inputs and targets together with numpy.savez", path)
        arrays = {"inputs": loaded, "targets": _single(Path(targets))}
        if lengths is not None:
            arrays["lengths"] = _single(Path(lengths))
    for name in arrays:
        if name not in _ARRAYS:
            raise DataFileError(f"unknown array '{name}' (known: {', '.join(_ARRAYS)})", path)
    splits = {prefix: _np_split(path, arrays, prefix) for prefix in ("", "valid_", "test_")
              if any(f"{prefix}{n}" in arrays for n in ("inputs", "targets", "lengths"))}
    if "" not in splits:
        raise DataFileError(f"no array named 'inputs' (found: {', '.join(arrays)})", path)
    if len(splits) > 1 and split is not None:
        raise DataFileError("option split cannot be used: the file has valid_/test_ arrays",
                            path)
    kind, per_step, size = _np_targets(path, splits, target_kind, num_classes)
    built = {prefix: _np_examples(s, kind, per_step) for prefix, s in splits.items()}
    features = splits[""].inputs.shape[2]
    spec = DataSpec(
        name=path.name, input_mode="sequence", input_kind="features", input_size=features,
        target_kind=kind, target_size=size, per_step=per_step,  # type: ignore[arg-type]
        aligned=per_step,
        description=f"Sequences of {features} features read from {path.name} (NumPy), "
                    f"{'a target per step' if per_step else 'one target per sequence'}.")
    if len(splits) > 1:
        return SequenceData(spec, *(ExampleList(built.get(p, [])) for p in
                                    ("", "valid_", "test_")))
    return _data(spec, built[""], _split_indices(path, len(built[""]), split, seed))


def _np_load(path: Path) -> dict[str, np.ndarray] | np.ndarray:
    """Every array of an .npz (by name) or the one array of an .npy, read without pickle."""
    if path.is_dir():
        raise DataFileError("is a folder, not a file", path)
    name = "the array"
    not_numpy = "not a NumPy .npy or .npz file"
    try:
        with open(path, "rb") as handle:
            loaded = np.load(handle, allow_pickle=False)
            if isinstance(loaded, np.ndarray):
                return loaded
            with loaded:
                arrays = {}
                for key in loaded.files:
                    name = f"array '{key}'"
                    arrays[key] = loaded[key]
                return arrays
    except FileNotFoundError:
        raise DataFileError("no such file", path) from None
    except ValueError as exc:
        if "Object arrays" in str(exc):
            raise DataFileError(f"{name} holds Python objects (a pickled object array), which "
                                "are refused for safety; save plain numeric arrays", path) from None
        if "pickle" in str(exc).lower():
            raise DataFileError(f"{not_numpy} (reading it as a pickle is refused for safety)",
                                path) from None
        raise DataFileError(f"{not_numpy} ({exc})", path) from None
    except (OSError, EOFError, zipfile.BadZipFile) as exc:
        raise DataFileError(f"{not_numpy} ({exc})", path) from None


def _single(path: Path) -> np.ndarray:
    loaded = _np_load(path)
    if isinstance(loaded, dict):
        raise DataFileError("expected a .npy file holding one array, found an .npz archive",
                            path)
    return loaded


def _np_split(path: Path, arrays: dict[str, np.ndarray], prefix: str) -> _NumpySplit:
    """One split's arrays, checked for dimensions, dtypes, lengths and finite values."""
    for part in ("inputs", "targets"):
        if f"{prefix}{part}" not in arrays:
            found = ", ".join(arrays)
            raise DataFileError(f"no array named '{prefix}{part}' (found: {found})", path)
    x = arrays[f"{prefix}inputs"]
    _np_numeric(path, f"{prefix}inputs", x)
    if x.ndim != 3 or 0 in x.shape:
        raise DataFileError(f"array '{prefix}inputs' has shape {x.shape}; expected (N, T, F): "
                            "N sequences of T steps of F features, none of them 0", path)
    n, steps = x.shape[:2]
    name = f"{prefix}lengths"
    if name in arrays:
        lengths = arrays[name]
        if lengths.ndim != 1 or lengths.shape[0] != n or lengths.dtype.kind not in "iu":
            raise DataFileError(f"array '{name}' has shape {lengths.shape} and dtype "
                                f"{lengths.dtype}; expected ({n},) whole numbers", path)
        bad = np.flatnonzero((lengths < 1) | (lengths > steps))
        if bad.size:
            raise DataFileError(f"{name}[{bad[0]}] is {lengths[bad[0]]}; every length must be "
                                f"between 1 and T={steps}", path)
        lengths = lengths.astype(np.int64)
    else:
        lengths = np.full(n, steps, dtype=np.int64)
    mask = np.arange(steps)[None, :] < lengths[:, None]
    _np_finite(path, f"{prefix}inputs", x, mask)
    y = arrays[f"{prefix}targets"]
    _np_numeric(path, f"{prefix}targets", y)
    if y.ndim == 0 or y.shape[0] != n:
        first = "no first dimension" if y.ndim == 0 else f"{y.shape[0]} examples"
        raise DataFileError(f"array '{prefix}targets' has {first} but '{prefix}inputs' has "
                            f"{n} (the first dimension counts examples)", path)
    return _NumpySplit(x, lengths, y)


def _np_numeric(path: Path, name: str, array: np.ndarray) -> None:
    if array.dtype.kind not in "biuf":
        raise DataFileError(f"array '{name}' has dtype {array.dtype}; expected numbers", path)


def _np_finite(path: Path, name: str, array: np.ndarray, mask: np.ndarray | None) -> None:
    if array.dtype.kind != "f":
        return
    bad = ~np.isfinite(array)
    if mask is not None:
        bad &= mask.reshape(mask.shape + (1,) * (array.ndim - 2))
    if bad.any():
        index = tuple(int(i) for i in np.argwhere(bad)[0])
        raise DataFileError(f"{name}[{', '.join(map(str, index))}] is {array[index]}; "
                            "NaN and infinity are refused", path)


def _np_targets(path: Path, splits: dict[str, _NumpySplit], target_kind: str | None,
                num_classes: int | None) -> tuple[str, bool, int]:
    """Target kind, per step or not, and size, the same for every split."""
    first = splits[""]
    y = first.targets
    kind = target_kind or ("multi_hot" if y.dtype.kind == "b" else
                           "class" if y.dtype.kind in "iu" and y.ndim <= 2 else "real")
    if kind == "class":
        per_step = y.ndim == 2
        if y.ndim not in (1, 2):
            raise DataFileError(f"array 'targets' has shape {y.shape}; class ids are (N,) or "
                                "(N, T)", path)
    else:
        per_step = y.ndim == 3
        if y.ndim not in (1, 2, 3) or (kind == "multi_hot" and y.ndim == 1):
            raise DataFileError(f"array 'targets' has shape {y.shape}; {kind} targets are "
                                "(N, K) or (N, T, K)" + (" or (N,)" if kind == "real" else ""),
                                path)
    largest = -1
    for prefix, s in splits.items():
        name = f"{prefix}targets"
        y = s.targets
        if s.inputs.shape[2] != first.inputs.shape[2]:
            raise DataFileError(f"array '{prefix}inputs' has {s.inputs.shape[2]} features per "
                                f"step but 'inputs' has {first.inputs.shape[2]}", path)
        if y.ndim != first.targets.ndim or y.shape[2:] != first.targets.shape[2:] or (
                not per_step and y.shape[1:] != first.targets.shape[1:]):
            raise DataFileError(f"array '{name}' has shape {y.shape}, which does not match "
                                f"'targets' {first.targets.shape}", path)
        if per_step and y.shape[1] != s.inputs.shape[1]:
            raise DataFileError(f"array '{name}' has {y.shape[1]} steps but '{prefix}inputs' "
                                f"has {s.inputs.shape[1]} (per-step targets share the steps)",
                                path)
        mask = np.arange(y.shape[1])[None, :] < s.lengths[:, None] if per_step else None
        _np_finite(path, name, y, mask)
        if kind == "class":
            bad = (y < 0) | (y != np.round(y)) if y.dtype.kind == "f" else y < 0
            if num_classes is not None:
                bad |= y >= num_classes
            if mask is not None:
                bad &= mask
            if bad.any():
                index = tuple(int(i) for i in np.argwhere(bad)[0])
                below = f" below num_classes={num_classes}" if num_classes else ""
                raise DataFileError(f"{name}[{', '.join(map(str, index))}] is {y[index]}; class "
                                    f"ids are whole numbers >= 0{below}", path)
            values = y[mask] if mask is not None else y
            largest = max(largest, int(values.max()) if values.size else -1)
        elif kind == "multi_hot":
            bad = (y != 0) & (y != 1)
            if mask is not None:
                bad &= mask.reshape(mask.shape + (1,) * (y.ndim - 2))
            if bad.any():
                index = tuple(int(i) for i in np.argwhere(bad)[0])
                raise DataFileError(f"{name}[{', '.join(map(str, index))}] is {y[index]}; "
                                    "multi-hot values are 0 or 1", path)
    if kind == "class":
        return kind, per_step, num_classes or largest + 1
    return kind, per_step, 1 if first.targets.ndim == 1 else int(first.targets.shape[-1])


def _np_examples(s: _NumpySplit, kind: str, per_step: bool) -> list[Example]:
    x = torch.from_numpy(np.ascontiguousarray(s.inputs, dtype=np.float32))
    dtype = np.int64 if kind == "class" else np.float32
    y = torch.from_numpy(np.ascontiguousarray(s.targets, dtype=dtype))
    if kind != "class" and y.ndim == 1:
        y = y[:, None]
    examples = []
    for i, length in enumerate(s.lengths.tolist()):
        target = y[i, :length] if per_step else y[i]
        examples.append({"input": x[i, :length].clone(), "target": target.clone()})
    return examples


# --- text classification -------------------------------------------------------------------


@_gc_paused
def load_text_classification(paths: str | Path | Sequence[str | Path], *,
                             labels: Iterable[object] | None = None, level: str = "word",
                             lowercase: bool = True, min_count: int = 1,
                             max_vocab: int | None = None, split: Sequence[float] | None = None,
                             seed: int = 0) -> SequenceData:
    """Labelled texts, ``text<TAB>label`` per line, from one file or several in order.

    Parameters
    ----------
    labels:
        The allowed labels; a list gives the class ids in its order, a set sorts them.
    level:
        ``"word"`` or ``"char"`` tokens.
    lowercase, min_count, max_vocab:
        Vocabulary (built from the training split): lowercased text, the fewest
        occurrences a token needs, the most entries including ``<pad>`` and ``<unk>``.
    split, seed:
        Train/valid/test fractions and the seed of the shuffle.
    """
    files = _as_paths(paths)
    first = files[0]
    _choice(first, "level", level, ("word", "char"))
    _text_options(first, lowercase, min_count, max_vocab, 2)
    declared = _declared_labels(first, labels)
    texts: list[str] = []
    names: list[str] = []
    for path in files:
        lines = _lines(_read_text(path))
        if not lines:
            raise DataFileError("the file is empty; expected lines of text<TAB>label", path, 1)
        for number, line in enumerate(lines, 1):
            cells = _two_columns(path, number, line, "text<TAB>label", ("text", "label"))
            label = cells[1].strip()
            if declared is not None and label not in declared:
                raise DataFileError(f"label '{label}' is not one of the declared labels "
                                    f"({', '.join(declared)})", path, number, len(cells[0]) + 2)
            texts.append(cells[0].strip())
            names.append(label)
    vocab_labels = declared or tuple(sorted(set(names), key=_label_order))
    label_id = {name: i for i, name in enumerate(vocab_labels)}
    tokens = [_tokenize(text, level, lowercase) for text in texts]
    parts = _split_indices(first, len(texts), split, seed)
    vocab = _vocabulary((tokens[i] for i in parts[0]), (PAD, UNK), min_count, max_vocab)
    label_ids = torch.tensor([label_id[n] for n in names], dtype=torch.long)
    examples = [{"input": x, "target": y}
                for x, y in zip(_encode(tokens, vocab), label_ids.unbind(), strict=True)]
    where = _names(files)
    spec = DataSpec(
        name=where, input_mode="sequence", input_kind="tokens", input_size=len(vocab),
        target_kind="class", target_size=len(vocab_labels), per_step=False,
        input_vocab=vocab, target_vocab=vocab_labels,
        description=f"{len(texts)} labelled texts from {where}: {level} vocabulary of "
                    f"{len(vocab)} built from the training split; labels "
                    f"{', '.join(vocab_labels)}.")
    return _data(spec, examples, parts)


def _as_paths(paths: str | Path | Sequence[str | Path]) -> list[Path]:
    if isinstance(paths, str | Path):
        return [Path(paths)]
    files = [Path(p) for p in paths]
    if not files:
        raise DataFileError("no file given", "")
    return files


def _declared_labels(path: Path, labels: Iterable[object] | None) -> tuple[str, ...] | None:
    if labels is None:
        return None
    if isinstance(labels, str) or not isinstance(labels, Iterable):
        raise DataFileError(f"option labels must be a collection of labels, got {labels!r}",
                            path)
    names = [str(label).strip() for label in labels]
    if isinstance(labels, set | frozenset):
        names.sort(key=_label_order)
    if not names or len(set(names)) != len(names) or "" in names:
        raise DataFileError(f"option labels must be distinct, non-empty labels, got {labels!r}",
                            path)
    return tuple(names)


def _label_order(label: str) -> tuple[int, float, str]:
    try:
        return (0, float(label), label)
    except ValueError:
        return (1, 0.0, label)


def _two_columns(path: Path, number: int, line: str, layout: str,
                 names: tuple[str, str]) -> list[str]:
    """The two tab-separated cells of a line, both non-empty."""
    if not line.strip():
        raise _blank_line(path, number)
    cells = line.split("\t")
    if len(cells) != 2:
        raise DataFileError(f"expected 2 columns separated by a tab ({layout}), found "
                            f"{len(cells)}", path, number)
    for k, cell in enumerate(cells):
        if not cell.strip():
            raise DataFileError(f"empty {names[k]}", path, number, 1 if k == 0 else
                                len(cells[0]) + 2)
    return cells


# --- parallel text -------------------------------------------------------------------------


@_gc_paused
def load_parallel_text(path: str | Path, *, swap: bool = False, max_pairs: int | None = None,
                       group_by: str | None = None, lowercase: bool = True,
                       min_count: int = 1, max_vocab: int | None = None,
                       split: Sequence[float] | None = None, seed: int = 0) -> SequenceData:
    """Sentence pairs for an encoder-decoder, ``source<TAB>target`` per line.

    Parameters
    ----------
    swap:
        Translate column 2 into column 1.
    max_pairs:
        Read only the first pairs.
    group_by:
        ``"source"`` or ``"target"``: the side whose equal sentences share a split; by
        default the side that is column 1 (English in a Tatoeba file).
    lowercase, min_count, max_vocab:
        Vocabularies, as for :func:`load_text_classification`, with 4 special tokens.
    split, seed:
        Train/valid/test fractions of the groups and the seed of their shuffle.
    """
    path = Path(path)
    _choice(path, "swap", swap, (True, False))
    _count(path, "max_pairs", max_pairs, 1)
    _choice(path, "group_by", group_by, (None, "source", "target"))
    _text_options(path, lowercase, min_count, max_vocab, 4)
    lines = _lines(_read_text(path))
    if not lines:
        raise DataFileError("the file is empty; expected lines of source<TAB>target", path, 1)
    if max_pairs is not None:
        lines = lines[:max_pairs]
    sources: list[list[str]] = []
    targets: list[list[str]] = []
    findall = _WORD.findall
    for number, line in enumerate(lines, 1):
        cells = line.split("\t")
        if len(cells) != 2 or not cells[0].strip() or not cells[1].strip():
            _two_columns(path, number, line, "source<TAB>target", ("column 1", "column 2"))
        if lowercase:
            cells = [cells[0].lower(), cells[1].lower()]
        sources.append(findall(cells[1] if swap else cells[0]))
        targets.append(findall(cells[0] if swap else cells[1]))
    group_side = group_by or ("target" if swap else "source")
    keys = [tuple(s) for s in (sources if group_side == "source" else targets)]
    group_of: dict[tuple[str, ...], int] = {}
    groups = [group_of.setdefault(k, len(group_of)) for k in keys]
    group_parts = _split_indices(path, len(group_of), split, seed)
    part_of = {g: p for p, members in enumerate(group_parts) for g in members}
    train, valid, test = ([i for i, g in enumerate(groups) if part_of[g] == p] for p in range(3))
    parts = (train, valid, test)
    specials = (PAD, UNK, BOS, EOS)
    src_vocab = _vocabulary((sources[i] for i in parts[0]), specials, min_count, max_vocab)
    tgt_vocab = _vocabulary((targets[i] for i in parts[0]), specials, min_count, max_vocab)
    for tokens in targets:
        tokens.append(EOS)
    examples = [{"input": x, "target": y} for x, y in
                zip(_encode(sources, src_vocab), _encode(targets, tgt_vocab), strict=True)]
    spec = DataSpec(
        name=path.name, input_mode="sequence", input_kind="tokens", input_size=len(src_vocab),
        target_kind="class", target_size=len(tgt_vocab), per_step=True, aligned=False,
        input_vocab=src_vocab, target_vocab=tgt_vocab,
        description=f"{len(examples)} sentence pairs from {path.name}, column "
                    f"{2 if swap else 1} translated into column {1 if swap else 2}; "
                    f"word vocabularies of {len(src_vocab)} and {len(tgt_vocab)} built from "
                    f"the training split, split by {group_side} sentence.")
    return _data(spec, examples, parts)


# --- piano rolls ---------------------------------------------------------------------------


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


# --- dispatch ------------------------------------------------------------------------------


_LOADERS: dict[str, Callable[..., SequenceData]] = {
    "csv": load_csv, "numpy": load_numpy, "text": load_text_classification,
    "parallel": load_parallel_text, "piano_roll": load_piano_rolls,
}
_SUFFIXES = {".csv": "csv", ".npy": "numpy", ".npz": "numpy", ".json": "piano_roll"}


def load_data_file(path: str | Path | Sequence[str | Path], format: str | None = None,
                   **options: Any) -> SequenceData:
    """Read a data file (several, for ``text``) in a format of :data:`FILE_FORMATS`.

    Parameters
    ----------
    path:
        The file, or a list of files of the ``text`` format read one after the other.
    format:
        A key of :data:`FILE_FORMATS`; by default told from the suffix and the options.
    **options:
        The chosen loader's keyword options (see the module docstring).

    Raises
    ------
    DataFileError
        For anything wrong with the file or the options, located ``FILE:LINE:COLUMN``.
    """
    files = _as_paths(path)
    first = files[0]
    if format is None:
        format = "text" if len(files) > 1 else _infer_format(first, options)
    loader = _LOADERS.get(format)
    if loader is None:
        raise DataFileError(f"unknown format {format!r} (known: {', '.join(FILE_FORMATS)})",
                            first)
    known = list(inspect.signature(loader).parameters)[1:]
    for name in options:
        if name not in known:
            raise DataFileError(f"unknown option {name!r} for the {format} format (options: "
                                f"{', '.join(known)})", first)
    if len(files) > 1 and format != "text":
        raise DataFileError(f"the {format} format reads one file, got {len(files)}", first)
    return loader(files if format == "text" else first, **options)


def _infer_format(path: Path, options: dict[str, Any]) -> str:
    suffix = path.suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if suffix not in (".tsv", ".txt"):
        raise DataFileError(f"cannot tell the format from the suffix {suffix!r}; give "
                            f"format= one of {', '.join(FILE_FORMATS)}", path)
    if options.keys() & {"swap", "max_pairs", "group_by"}:
        return "parallel"
    if options.keys() & {"labels", "level"}:
        return "text"
    lines = _lines(_read_text(path))[:2000]
    seconds = [line.split("\t")[-1].strip() for line in lines]
    return "text" if len(set(seconds)) * 2 <= len(seconds) else "parallel"
