"""Typed block parameters: what a value may be, and the message when it is not.

A :class:`ParamSpec` is the single description of one parameter of one block kind. The
file loader checks values with it, the design's editing API checks values with it, the
inspector builds its spin boxes and combos from it, and the JSON Schema of the file
format is generated from it. Ranges are deliberately bounded above: a file asking for a
hidden size of 10^9 is refused here, long before anything is allocated.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

ParamType = Literal["int", "float", "bool", "choice"]


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a block kind.

    Parameters
    ----------
    name:
        Key under ``params`` in the file.
    type:
        ``int``, ``float``, ``bool`` or ``choice`` (one of ``choices``, a string).
    default:
        Value used when a file omits the parameter and for new blocks.
    help:
        One line for tooltips and the inspector.
    minimum, maximum:
        Inclusive bounds for numbers.
    choices:
        Allowed strings for ``choice``.
    label:
        Short human label; defaults to the name with spaces.
    """

    name: str
    type: ParamType
    default: Any
    help: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = field(default_factory=tuple)
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.name.replace("_", " "))
        # A spec whose own default is invalid is a programming error; fail at import time.
        problem = self.problem(self.default)
        if problem:
            raise ValueError(f"default of parameter {self.name!r}: {problem}")

    def problem(self, value: Any) -> str:
        """Why ``value`` is not acceptable, or ``""`` when it is."""
        if self.type == "bool":
            return "" if isinstance(value, bool) else f"must be true or false, got {_show(value)}"
        if self.type == "choice":
            if isinstance(value, str) and value in self.choices:
                return ""
            options = ", ".join(repr(c) for c in self.choices)
            return f"must be one of {options}, got {_show(value)}"
        if self.type == "int":
            ok = isinstance(value, int) and not isinstance(value, bool)
            if ok and self._in_range(value):
                return ""
            return f"must be an integer {self._range_text()}, got {_show(value)}"
        # float: integers are fine (a JSON writer may print 1.0 as 1)
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if ok and _finite(value) and self._in_range(value):
            return ""
        return f"must be a number {self._range_text()}, got {_show(value)}"

    def coerce(self, value: Any) -> Any:
        """Return the canonical Python value (floats stay floats) of an accepted ``value``."""
        if self.type == "float":
            return float(value)
        return value

    def _in_range(self, value: float) -> bool:
        if self.minimum is not None and value < self.minimum:
            return False
        return not (self.maximum is not None and value > self.maximum)

    def _range_text(self) -> str:
        lo, hi = self.minimum, self.maximum
        if lo is not None and hi is not None:
            return f"between {_num(lo)} and {_num(hi)}"
        if lo is not None:
            return f">= {_num(lo)}"
        if hi is not None:
            return f"<= {_num(hi)}"
        return ""

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema fragment for this parameter."""
        schema: dict[str, Any] = {"description": self.help, "default": self.default}
        if self.type == "bool":
            schema["type"] = "boolean"
        elif self.type == "choice":
            schema["type"] = "string"
            schema["enum"] = list(self.choices)
        else:
            schema["type"] = "integer" if self.type == "int" else "number"
            if self.minimum is not None:
                schema["minimum"] = self.minimum
            if self.maximum is not None:
                schema["maximum"] = self.maximum
        return schema


def _finite(value: float) -> bool:
    """Whether ``value`` is a finite float, or an int that converts to one (not 10**400)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _show(value: Any) -> str:
    """A short rendering of a value from a file, safe for huge or odd inputs."""
    if isinstance(value, str):
        text = repr(value[:80])  # not the repr of a megabyte string
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = "null"
    elif isinstance(value, int) and value.bit_length() > 200:
        # repr of a huge int is slow, and refused past 4300 digits
        text = f"an integer of about {int(value.bit_length() * math.log10(2)) + 1} digits"
    elif isinstance(value, int | float):
        text = repr(value)
    elif isinstance(value, list):
        text = "a list"
    elif isinstance(value, dict):
        text = "an object"
    else:
        text = type(value).__name__
    return text if len(text) <= 60 else text[:57] + "..."


def describe_value(value: Any) -> str:
    """Public alias of the value renderer, for messages elsewhere in the engine."""
    return _show(value)
