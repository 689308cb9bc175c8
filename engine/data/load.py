"""One door to every data set: a built-in task by name or a file, from the settings."""

from __future__ import annotations

from typing import Any

from engine.data.base import SequenceData
from engine.errors import RecurrenteError
from engine.training.settings import DataSettings


def load_data(settings: DataSettings) -> SequenceData:
    """Build or read the data set ``settings`` names."""
    if settings.source == "builtin":
        from engine.data.builtin import make_builtin

        return make_builtin(settings.name, **settings.options)
    from engine.data.files import load_data_file

    return load_data_file(settings.path, settings.format or None, **settings.options)


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
