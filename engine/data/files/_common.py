"""What every file format shares: the located error, safe reading, options, splits, vocabularies.

Loaders of :mod:`engine.data.files` parse a file into plain records and then build a
:class:`SequenceData`; this module holds the pieces both stages have in common:

* :class:`DataFileError`, the one error of the package, located ``FILE:LINE:COLUMN``;
* reading a text file safely (size limit, UTF-8 with an optional byte-order mark, a
  located error for an undecodable byte) and cutting it into lines (``"\\n"`` only, a
  final ``"\\r"`` dropped, trailing blank lines gone);
* checks of loader options (:func:`_choice`, :func:`_count`, :func:`_text_options`), each
  failing with a :class:`DataFileError` on the file;
* the seeded train/valid/test split by fractions, token vocabularies and their encoding;
* :func:`_gc_paused`, which every loader wears: loading makes many small objects and no
  cycles, so the cyclic garbage collector is paused while it runs.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import wraps
from itertools import chain, repeat
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import numpy as np
import torch

from engine.data.base import DataSpec, Example, ExampleList, SequenceData
from engine.errors import RecurrenteError

MAX_FILE_BYTES = 512 * 2**20
DEFAULT_SPLIT = (0.8, 0.1, 0.1)
SPLITS = ("train", "valid", "test")
PAD, UNK, BOS, EOS = "<pad>", "<unk>", "<s>", "</s>"

_P = ParamSpec("_P")
_R = TypeVar("_R")
_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


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


# --- reading, options, splits, vocabularies -----------------------------------------------


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


def _as_paths(paths: str | Path | Sequence[str | Path]) -> list[Path]:
    if isinstance(paths, str | Path):
        return [Path(paths)]
    files = [Path(p) for p in paths]
    if not files:
        raise DataFileError("no file given", "")
    return files
