"""Fixtures for the canvas tests: a document and an editor on a shipped example."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from designer.document import DesignDocument
from designer.editor import DesignEditor
from engine.design import Design
from engine.examples import load_example

# The offscreen platform warns that it cannot resize windows to their hints when a
# top-level widget is shown, and that it cannot raise a tool tip; that is the test
# platform talking, not the canvas.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _clear_clipboard(qapp: QApplication) -> Iterator[None]:
    """Empty the clipboard after each test: on the offscreen platform, custom clipboard
    data still held when the process exits crashes Qt's teardown (not so under X11)."""
    yield
    QGuiApplication.clipboard().clear()


@pytest.fixture
def make_editor(qtbot: QtBot) -> Callable[..., DesignEditor]:
    """``make_editor("notation")``: an editor, shown at 1000x700, on an example or design."""

    def make(design: str | Design | None = None) -> DesignEditor:
        if isinstance(design, str):
            design = load_example(design)
        document = DesignDocument(design)
        editor = DesignEditor(document)
        qtbot.addWidget(editor)
        editor.resize(1000, 700)
        editor.show()
        document.flush_analysis()
        return editor

    return make


@pytest.fixture
def editor(make_editor: Callable[..., DesignEditor]) -> DesignEditor:
    return make_editor("notation")


@pytest.fixture
def document(editor: DesignEditor) -> DesignDocument:
    return editor.document
