"""App tests run with their own settings and recovery folder, never the person's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """QSettings in a temporary INI folder; recovery files in a temporary folder."""
    QCoreApplication.setOrganizationName("RecurrenteTests")
    QCoreApplication.setApplicationName("RecurrenteTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    recovery = tmp_path / "recovery"
    monkeypatch.setenv("RECURRENTE_RECOVERY_DIR", str(recovery))
    yield recovery
    QSettings().clear()
