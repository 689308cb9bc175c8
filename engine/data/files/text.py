"""The ``text`` and ``parallel`` formats: two tab-separated columns of text per line.

See :mod:`engine.data.files` for the layouts, tokens and vocabularies.

Both read two tab-separated columns per line: ``text<TAB>label`` for classification (one
file or several, in order) and ``source<TAB>target`` for translation. Lines are checked
as they are read; tokens, the split and the vocabularies (built from the training split
only) come after, so a fault is always reported at its line and column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import torch

from engine.data.base import DataSpec, SequenceData
from engine.data.files._common import (
    _WORD,
    BOS,
    EOS,
    PAD,
    UNK,
    DataFileError,
    _as_paths,
    _blank_line,
    _choice,
    _count,
    _data,
    _encode,
    _gc_paused,
    _lines,
    _names,
    _read_text,
    _split_indices,
    _text_options,
    _tokenize,
    _vocabulary,
)

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


@dataclass(frozen=True)
class ParallelText:
    """Sentence pairs as tokens, and which pairs form each split (file order kept).

    ``sources[i]`` and ``targets[i]`` are the tokens of line ``i + 1`` (lowercased when
    asked, no ``</s>``); ``splits`` holds the line indices of train, valid and test.
    """

    sources: list[list[str]]
    targets: list[list[str]]
    splits: tuple[list[int], list[int], list[int]]
    group_side: str


def read_parallel_text(path: str | Path, *, swap: bool = False, max_pairs: int | None = None,
                       group_by: str | None = None, lowercase: bool = True,
                       split: Sequence[float] | None = None, seed: int = 0) -> ParallelText:
    """The pairs of a ``parallel`` file as tokens, split as :func:`load_parallel_text` splits.

    This is the first stage of that loader, public so that a caller can read the words a
    vocabulary lost (an evaluation's references keep the words the model never saw).
    """
    path = Path(path)
    _choice(path, "swap", swap, (True, False))
    _count(path, "max_pairs", max_pairs, 1)
    _choice(path, "group_by", group_by, (None, "source", "target"))
    _choice(path, "lowercase", lowercase, (True, False))
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
    return ParallelText(sources, targets, (train, valid, test), group_side)


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
    _text_options(path, lowercase, min_count, max_vocab, 4)
    text = read_parallel_text(path, swap=swap, max_pairs=max_pairs, group_by=group_by,
                              lowercase=lowercase, split=split, seed=seed)
    sources, targets, parts = text.sources, text.targets, text.splits
    specials = (PAD, UNK, BOS, EOS)
    src_vocab = _vocabulary((sources[i] for i in parts[0]), specials, min_count, max_vocab)
    tgt_vocab = _vocabulary((targets[i] for i in parts[0]), specials, min_count, max_vocab)
    targets = [[*tokens, EOS] for tokens in targets]
    examples = [{"input": x, "target": y} for x, y in
                zip(_encode(sources, src_vocab), _encode(targets, tgt_vocab), strict=True)]
    spec = DataSpec(
        name=path.name, input_mode="sequence", input_kind="tokens", input_size=len(src_vocab),
        target_kind="class", target_size=len(tgt_vocab), per_step=True, aligned=False,
        input_vocab=src_vocab, target_vocab=tgt_vocab,
        description=f"{len(examples)} sentence pairs from {path.name}, column "
                    f"{2 if swap else 1} translated into column {1 if swap else 2}; "
                    f"word vocabularies of {len(src_vocab)} and {len(tgt_vocab)} built from "
                    f"the training split, split by {text.group_side} sentence.")
    return _data(spec, examples, parts)
