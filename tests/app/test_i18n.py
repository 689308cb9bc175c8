"""The Spanish translation: complete, compiled from its source, and installed in the window."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.i18n import i18n_dir, install_translator

TS = i18n_dir() / "recurrente_es.ts"
QM = i18n_dir() / "recurrente_es.qm"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+|<[^<>]+>")


def _messages() -> Iterator[tuple[str, str, ET.Element]]:
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message.findtext("source") or "", message


def test_every_message_is_translated_and_keeps_its_placeholders() -> None:
    messages = list(_messages())
    assert messages
    for context, source, message in messages:
        translation = message.find("translation")
        assert translation is not None, (context, source)
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), (
            context, source)
        text = translation.text or ""
        assert text.strip(), (context, source)
        for token in PLACEHOLDER.findall(source):
            assert token in text, (context, source, token)
        assert source.count("&") == text.count("&"), (context, source)


def test_compiled_translation_matches_its_source(tmp_path: Path) -> None:
    assert QM.is_file()
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not on PATH")
    fresh = tmp_path / "recurrente_es.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True,
                   capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on the .ts again"


def test_spanish_translator_translates_the_main_window(qtbot: QtBot) -> None:
    from app.window import MainWindow

    app = QApplication.instance()
    assert app is not None
    translator = install_translator(app, "es")
    assert translator is not None
    try:
        window = MainWindow()
        window.files.confirm_discard = lambda: True
        qtbot.addWidget(window)
        titles = [action.text() for action in window.menuBar().actions()]
        assert "&Archivo" in titles
        assert "&Editar" in titles
        assert "&File" not in titles
        window.close()
    finally:
        QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
