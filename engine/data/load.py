"""One door to every data set: a built-in task by name or a file, from the settings.

A file's path in the settings may be absolute, relative, or a pattern (``*``, ``?``,
``[...]``) that names several files of the ``text`` format, read in sorted order (the
three UCI sentiment files: ``sentiment/*_labelled.txt``). A relative path is looked for
in the working folder first, then in every folder of the ``RECURRENTE_DATA`` environment
variable (separated like ``PATH``). That is how a shipped example names a public corpus
that is not shipped with it: the design says ``jsb_chorales/jsb-chorales-quarter.json``,
and the person says where such corpora live once, with ``RECURRENTE_DATA=/data/corpora``.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Any

from engine.data.base import SequenceData
from engine.data.files import DataFileError
from engine.errors import RecurrenteError
from engine.training.settings import DataSettings

DATA_ROOTS_VARIABLE = "RECURRENTE_DATA"
_PATTERN_CHARACTERS = frozenset("*?[")


def load_data(settings: DataSettings) -> SequenceData:
    """Build or read the data set ``settings`` names."""
    if settings.source == "builtin":
        from engine.data.builtin import make_builtin

        return make_builtin(settings.name, **settings.options)
    from engine.data.files import load_data_file

    return load_data_file(resolve_data_path(settings.path), settings.format or None,
                          **settings.options)


def data_roots() -> list[Path]:
    """The folders of ``RECURRENTE_DATA``, in order (empty entries ignored)."""
    value = os.environ.get(DATA_ROOTS_VARIABLE, "")
    return [Path(part).expanduser() for part in value.split(os.pathsep) if part.strip()]


def resolve_data_path(path: str) -> Path | list[Path]:
    """The file (or, for a pattern, the sorted files) that ``path`` names.

    Raises
    ------
    DataFileError
        When nothing is found, naming every folder looked in and how to point at others.
    """
    text = path.strip()
    if not text:
        raise RecurrenteError("no data file given")
    expanded = Path(text).expanduser()
    is_pattern = bool(_PATTERN_CHARACTERS & set(text))
    places = [expanded] if expanded.is_absolute() else \
        [expanded, *(root / expanded for root in data_roots())]
    for place in places:
        if is_pattern:
            found = sorted(Path(p) for p in glob.glob(str(place)) if Path(p).is_file())
            if found:
                return found[0] if len(found) == 1 else found
        elif place.exists():
            return place
    what = "no file matches this pattern" if is_pattern else "no such file"
    if expanded.is_absolute():
        raise DataFileError(what, text)
    roots = data_roots()
    looked = ", ".join(str(p) for p in [Path.cwd(), *roots])
    hint = (f"set {DATA_ROOTS_VARIABLE} to the folder that holds it (now: "
            f"{os.pathsep.join(str(r) for r in roots)})" if roots else
            f"set {DATA_ROOTS_VARIABLE} to the folder that holds it")
    raise DataFileError(f"{what} (looked in {looked}); {hint}, or give the file's full path",
                        text)


def parse_data_argument(text: str, options: list[str] | None = None) -> DataSettings:
    """``builtin:adding`` or a file path, with ``key=value`` options (numbers parsed)."""
    parsed: dict[str, Any] = {}
    for item in options or []:
        key, eq, value = item.partition("=")
        if not eq or not key:
            raise RecurrenteError(f"data option {item!r}: expected key=value")
        parsed[key] = _value(value)
    if text.startswith("builtin:"):
        return DataSettings("builtin", text.partition(":")[2], options=parsed)
    return DataSettings("file", path=text, options=parsed)


def _value(text: str) -> Any:
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return text
