"""The ``numpy`` format: ``.npz`` archives or ``.npy`` arrays.

See :mod:`engine.data.files` for the layout of the file and its options.

Files are read with ``allow_pickle=False``. Each split's arrays (``inputs``, ``lengths``,
``targets``, and the same with ``valid_`` and ``test_``) are checked for shape, dtype,
lengths and finite values before the target kind and size are settled for all splits
together; errors name the array and the index (``FILE: targets[3, 7]: ...``) since binary
files have no lines.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from engine.data.base import DataSpec, Example, ExampleList, SequenceData
from engine.data.files._common import (
    DataFileError,
    _choice,
    _count,
    _data,
    _gc_paused,
    _split_indices,
)

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
