"""The Spanish translation: complete, compiled from its source, and installed in the window.

Text from the engine's catalogues is translated in the ``engine`` context from strings
generated into app/engine_strings.py; those tests fail when the generated file, or the
Spanish for it, falls behind the catalogues.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QComboBox, QGroupBox, QLabel
from pytestqt.qtbot import QtBot

import app.i18n as i18n
from app.i18n import REGENERATE, engine_strings, i18n_dir, install_translator
from designer.engine_text import ENGINE_CONTEXT

TS = i18n_dir() / "recurrente_es.ts"
QM = i18n_dir() / "recurrente_es.qm"
# Format fields and markup tags; not "<-" of an equation such as h<-(t).
PLACEHOLDER = re.compile(r"\{[^{}\s]*\}|%\d+|</?[A-Za-z][^<>]*>")


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[QTranslator]:
    """The Spanish translation, installed for one test."""
    translator = install_translator(qapp, "es")
    assert translator is not None
    yield translator
    QCoreApplication.removeTranslator(translator)


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


# --- text from the engine -------------------------------------------------------------------


def _engine_strings() -> list[str]:
    return [text for _heading, texts in engine_strings() for text in texts]


def test_engine_strings_file_is_current() -> None:
    path = i18n.ENGINE_STRINGS_PATH
    on_disk = path.read_text(encoding="utf-8") if path.exists() else ""
    assert on_disk == i18n.engine_strings_text(), (
        f"{path.name} differs from the engine's catalogues; regenerate it with `{REGENERATE}`, "
        "then update and translate the .ts")


def test_engine_strings_module_lists_the_catalogues() -> None:
    from app.engine_strings import ENGINE_STRINGS
    from engine.training.settings import SETTING_SPECS

    assert list(ENGINE_STRINGS) == _engine_strings()
    assert len(set(ENGINE_STRINGS)) == len(ENGINE_STRINGS)
    assert {"learning rate", "Step size of the optimiser.", "by norm"} <= set(ENGINE_STRINGS)
    assert all(spec.label in ENGINE_STRINGS for spec in SETTING_SPECS.values())


def test_write_engine_strings_entry_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "engine_strings.py"
    monkeypatch.setattr(i18n, "ENGINE_STRINGS_PATH", target)
    assert i18n.main(["--write-engine-strings"]) == 0
    assert target.read_text(encoding="utf-8") == i18n.engine_strings_text()
    assert i18n.main(["--write-engine-strings"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"wrote {target}", f"unchanged: {target}"]
    assert i18n.main([]) == 2


def test_lupdate_reads_the_generated_strings(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not on PATH")
    ts = tmp_path / "engine.ts"
    subprocess.run([lupdate, str(i18n.ENGINE_STRINGS_PATH), "-ts", str(ts)], check=True,
                   capture_output=True)
    found = [m.findtext("source") for c in ET.parse(ts).getroot().iter("context")
             if c.findtext("name") == ENGINE_CONTEXT for m in c.iter("message")]
    assert sorted(found) == sorted(_engine_strings())


def test_every_engine_string_has_spanish(spanish: QTranslator) -> None:
    translated = {source: message.findtext("translation") or ""
                  for context, source, message in _messages() if context == ENGINE_CONTEXT}
    for text in _engine_strings():
        assert translated.get(text, "").strip(), f"no Spanish for {text!r}"
        assert QCoreApplication.translate(ENGINE_CONTEXT, text) == translated[text]
    assert QCoreApplication.translate(ENGINE_CONTEXT, "learning rate") == "tasa de aprendizaje"
    assert QCoreApplication.translate(ENGINE_CONTEXT, "M-to-1") == "M a 1"  # the canvas badge
    assert QCoreApplication.translate(ENGINE_CONTEXT, "state") == "estado"  # a port type


def _label_texts(widget: object) -> set[str]:
    return {label.text() for label in widget.findChildren(QLabel)}  # type: ignore[attr-defined]


def _combo_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_training_panel_in_spanish(qtbot: QtBot, spanish: QTranslator) -> None:
    from app.training_panel import TrainingPanel
    from engine.examples import load_example

    panel = TrainingPanel()
    qtbot.addWidget(panel)
    labels = _label_texts(panel)
    assert {"Tasa de aprendizaje", "Tamaño del lote", "Parada temprana", "Umbral de recorte",
            "BPTT truncada", "Entrenar en"} <= labels
    assert panel.editors["tbptt"].specialValueText() == "no (BPTT completa)"  # type: ignore[attr-defined]
    assert "Learning rate" not in labels
    titles = {group.title() for group in panel.findChildren(QGroupBox)}
    assert {"Datos", "Optimizador", "Planificación", "Gradientes", "Dispositivo"} <= titles
    clip = panel.editors["clip"]
    assert isinstance(clip, QComboBox)
    assert _combo_texts(clip) == ["no", "por norma", "por valor"]
    assert panel.editors["learning_rate"].toolTip() == "Tamaño del paso del optimizador."
    form = panel.data_form
    assert "Problema de la suma" in _combo_texts(form.builtin)
    with qtbot.waitSignal(panel.fit_checked, timeout=10_000):
        panel.set_design(load_example("adding"))
    check = panel.check_label.text()
    assert "Entrada: secuencias de 2 características" in check
    assert "Objetivo: 1 valor real por cada ejemplo" in check
    assert "El diseño encaja con este conjunto de datos." in check
    assert form.description.text().startswith("Sumar los dos números marcados")
    assert {"Longitud", "Tamaño de entrenamiento", "Semilla"} <= _label_texts(form.builtin_page)
    form.file_button.click()
    form.format.setCurrentIndex(form.format.findData("csv"))
    form._on_format_chosen(form.format.currentIndex())
    assert "rollo de piano" in _combo_texts(form.format)
    assert {"Objetivos", "Tipo de objetivo", "Longitud máxima"} <= _label_texts(form.file_page)
    target_kind = form.file_editors["target_kind"][0]
    assert isinstance(target_kind, QComboBox)
    assert _combo_texts(target_kind) == ["real", "clase", "multi-hot"]


def test_palette_and_inspector_in_spanish(qtbot: QtBot, spanish: QTranslator) -> None:
    from designer.document import DesignDocument
    from designer.inspector import InspectorWidget
    from designer.palette import PaletteWidget
    from engine.examples import load_example

    palette = PaletteWidget()
    qtbot.addWidget(palette)
    assert palette.item("feedback").text(0) == "Realimentación"
    assert palette.item("lstm").parent().text(0) == "RECURRENTES"
    assert "compuertas de actualización, de olvido" in palette.item("lstm").toolTip(0)
    palette.search.setText("realimentación")
    assert palette.visible_kinds() == ["feedback"]
    palette.search.setText("feedback")  # the English still finds it
    assert "feedback" in palette.visible_kinds()

    design = load_example("adding")
    block_id = next(b.id for b in design.blocks.values() if b.kind == "lstm")
    inspector = InspectorWidget(DesignDocument(design))
    qtbot.addWidget(inspector)
    inspector.set_block(block_id)
    labels = _label_texts(inspector.form_host)
    assert {"tamaño oculto", "capas", "mirillas", "bidireccional"} <= labels
    assert "hidden size" not in labels
    peepholes = inspector.editors["peepholes"]
    assert isinstance(peepholes, QComboBox)
    assert _combo_texts(peepholes) == ["no", "completas", "diagonales"]
    assert peepholes.toolTip().startswith("Deja que las compuertas vean el estado de la celda")
    assert "LSTM" in inspector.title.text()
    assert inspector.help.text() == "Memoria a corto y largo plazo."
