"""Autosave and crash recovery: unsaved work survives a crash or a killed process.

While a window has unsaved changes, its design is written every 30 seconds (atomically)
to a recovery file in the per-user data folder, together with a small header: which file
it belongs to (or none) and when it was written. Saving, or closing without saving on
purpose, deletes the recovery file. A recovery file that is still there when the program
starts means the last session did not end cleanly; the window offers to restore it.

Recovery files are plain design JSON wrapped in ``{"recovery": {...}, "design": {...}}``,
so a person can always open one by hand. The folder can be overridden with the
``RECURRENTE_RECOVERY_DIR`` environment variable (the tests use it).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from engine.design import Design
from engine.errors import RecurrenteError
from engine.fileformat import atomic_write_text, loads

AUTOSAVE_MS = 30_000


def recovery_dir() -> Path:
    """The folder holding recovery files (created when needed)."""
    override = os.environ.get("RECURRENTE_RECOVERY_DIR")
    if override:
        folder = Path(override)
    else:
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        folder = Path(base or Path.home() / ".recurrente") / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class Recovered:
    """A recovery file left by a session that did not end cleanly."""

    path: Path
    design: Design
    source: str  # the file the design belongs to, or ""
    saved_at: float
    pid: int


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def find_recoverable() -> list[Recovered]:
    """Recovery files of sessions that are no longer running, newest first."""
    found = []
    for path in sorted(recovery_dir().glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            header = doc["recovery"]
            if _alive(int(header.get("pid", 0))):
                continue  # another window of a running session owns it
            design = loads(json.dumps(doc["design"]))
        except (OSError, ValueError, KeyError, TypeError, RecurrenteError):
            continue  # unreadable leftovers are not offered (and not deleted)
        found.append(Recovered(path, design, str(header.get("source", "")),
                               float(header.get("saved_at", 0.0)), int(header.get("pid", 0))))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class Autosaver(QObject):
    """Writes the design to this window's recovery file every 30 s while it is modified."""

    def __init__(self, interval_ms: int = AUTOSAVE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = recovery_dir() / f"{uuid.uuid4().hex}.json"
        self._design: Design | None = None
        self._source = ""
        self._modified = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_now)
        self._timer.start()

    def track(self, design: Design, source: str) -> None:
        """Follow ``design`` (belonging to the file ``source``, or "" when untitled)."""
        self._design = design
        self._source = source

    def set_modified(self, modified: bool) -> None:
        self._modified = modified
        if not modified:
            self.discard()

    def save_now(self) -> None:
        """Write the recovery file if there are unsaved changes."""
        if not self._modified or self._design is None:
            return
        doc = {"recovery": {"source": self._source, "saved_at": time.time(),
                            "pid": os.getpid()},
               "design": self._design.to_json()}
        # a full disk must not interrupt the person's work; the next tick retries
        with contextlib.suppress(OSError):
            atomic_write_text(self.path, json.dumps(doc, ensure_ascii=False))

    def discard(self) -> None:
        """Delete the recovery file (after a save, or a deliberate discard)."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def stop(self) -> None:
        self._timer.stop()
