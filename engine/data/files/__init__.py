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

import inspect
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from engine.data.base import SequenceData
from engine.data.files._common import BOS as BOS
from engine.data.files._common import DEFAULT_SPLIT as DEFAULT_SPLIT
from engine.data.files._common import EOS as EOS
from engine.data.files._common import MAX_FILE_BYTES as MAX_FILE_BYTES
from engine.data.files._common import PAD as PAD
from engine.data.files._common import SPLITS as SPLITS
from engine.data.files._common import UNK as UNK
from engine.data.files._common import DataFileError, _as_paths, _lines, _read_text
from engine.data.files.csv_files import load_csv
from engine.data.files.numpy_files import load_numpy
from engine.data.files.piano_roll import HIGHEST_PITCH as HIGHEST_PITCH
from engine.data.files.piano_roll import KEYS as KEYS
from engine.data.files.piano_roll import LOWEST_PITCH as LOWEST_PITCH
from engine.data.files.piano_roll import load_piano_rolls
from engine.data.files.text import (
    ParallelText,
    load_parallel_text,
    load_text_classification,
    read_parallel_text,
)

__all__ = [
    "FILE_FORMATS", "DataFileError", "ParallelText", "load_csv", "load_data_file",
    "load_numpy", "load_parallel_text", "load_piano_rolls", "load_text_classification",
    "read_parallel_text",
]


# The error is raised, printed and pickled as engine.data.files.DataFileError, as before.
DataFileError.__module__ = __name__

FILE_FORMATS: dict[str, str] = {
    "csv": "numeric sequences, a row per step: sequence,[step,][split,]features,target...",
    "numpy": ".npz with inputs (N, T, F), targets, optional lengths and valid_/test_ arrays",
    "text": "text classification: text<TAB>label per line, word or character tokens",
    "parallel": "sentence pairs for translation: source<TAB>target per line (Tatoeba)",
    "piano_roll": 'JSON piano rolls {"train": [[[pitches], ...], ...], ...} (JSB Chorales)',
}


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
