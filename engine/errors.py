"""Every error the engine raises on purpose.

All of them derive from :class:`RecurrenteError`, so a caller (the window, the command
line) catches one type and shows ``str(error)``: a message that already names the place
it is about (a file position, a JSON path, a block and port). Nothing here should ever
reach a person as a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.validation import Problem


class RecurrenteError(Exception):
    """Base of every located, user-facing engine error."""


class DesignFormatError(RecurrenteError):
    """A design file or document that cannot be read.

    Parameters
    ----------
    message:
        What is wrong, in words a student understands.
    location:
        Where: ``"line 12 column 5"`` or a JSON path such as ``"blocks[3].params.hidden_size"``.
    source:
        The file it came from, when there is one.
    """

    def __init__(self, message: str, location: str = "", source: str = "") -> None:
        self.message = message
        self.location = location
        self.source = source
        super().__init__(self._render())

    def _render(self) -> str:
        where = ": ".join(part for part in (self.source, self.location) if part)
        return f"{where}: {self.message}" if where else self.message

    def with_source(self, source: str) -> DesignFormatError:
        """The same error, naming the file it was read from."""
        return DesignFormatError(self.message, self.location, source)


class DesignEditError(RecurrenteError):
    """An edit the design refuses (unknown block, bad parameter value, duplicate wire)."""


class DesignInvalidError(RecurrenteError):
    """A design that cannot be compiled; carries every problem validation found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        lines = [str(p) for p in self.problems]
        super().__init__("the design cannot be compiled:\n  " + "\n  ".join(lines))
