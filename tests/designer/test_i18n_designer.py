"""The canvas in Spanish: cards, port tooltips, the badge, undo texts and the context menu.

Text the engine composes (a block's summary) is composed again in the designer from
translatable templates; the first test pins the English of that copy to the engine's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from importlib import resources
from itertools import product
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QMenu

import designer
from designer.commands import AddBlock, SetParam
from designer.compat import Wiring
from designer.editor import DesignEditor
from designer.engine_text import count_text
from designer.equations import block_math
from designer.overlays import badge_text
from designer.summaries import block_summary
from engine.catalogue import KINDS
from engine.design import Design, PortRef
from engine.validation import analyze

MakeEditor = Callable[..., DesignEditor]


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[QTranslator]:
    """The Spanish translation, installed for one test (as app.i18n installs it)."""
    translator = QTranslator(qapp)
    assert translator.load(str(resources.files("resources") / "i18n" / "recurrente_es.qm"))
    qapp.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def _variants(kind: str) -> Iterator[dict[str, Any]]:
    """The kind's defaults, with every choice, both booleans, one and two layers, size 1."""
    spec = KINDS[kind]
    base = spec.defaults()
    axes: list[list[tuple[str, Any]]] = []
    for param in spec.params:
        if param.type == "choice":
            axes.append([(param.name, c) for c in param.choices])
        elif param.type == "bool":
            axes.append([(param.name, False), (param.name, True)])
        elif param.name in ("num_layers", "size"):
            axes.append([(param.name, 1), (param.name, 2)])
    for combination in product(*axes):
        yield {**base, **dict(combination)}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_summaries_in_english_are_the_engines(kind: str) -> None:
    variants = list(_variants(kind))
    assert variants
    for params in variants:
        assert block_summary(kind, params) == KINDS[kind].summary(params), (
            "designer/summaries.py no longer mirrors the engine's summary", kind, params)


def test_cards_and_port_tooltips_in_spanish(make_editor: MakeEditor,
                                            spanish: QTranslator) -> None:
    editor = make_editor("music")
    scene = editor.scene
    kinds = {editor.document.design.block(b).kind: item for b, item in scene.blocks.items()}
    assert kinds["feedback"].face.title == "Realimentación"
    assert kinds["output"].face.title == "Salida"
    assert kinds["input"].face.title == "Entrada"
    assert kinds["output"].face.tooltip.startswith("Salida 'Keys'")
    assert kinds["input"].summary.startswith("elemento de ")
    assert kinds["input"].summary.endswith(" caract.")
    assert kinds["output"].summary.startswith("Salida ")
    assert kinds["feedback"].summary.startswith("Realimentación ")
    assert kinds["output"].summary.endswith("sigmoide")
    # the port's own name stays: files, help and messages use it
    assert kinds["lstm"].ports["input"].toolTip() == \
        "input · entrada · secuencia\nLa secuencia x(1..T) que se lee."
    assert kinds["output"].ports["input"].toolTip().startswith(
        "input · entrada · secuencia / vector\n")
    last = kinds["lstm"].ports["last"].toolTip()
    assert last.startswith("last · salida · vector  (B, ")
    assert "(M a 1)" in last


def test_summaries_in_spanish(spanish: QTranslator) -> None:
    assert block_summary("input", {"mode": "sequence", "data": "features", "size": 1}) == \
        "secuencia de 1 caract."
    assert block_summary("input", {"mode": "element", "data": "tokens", "vocab_size": 32,
                                   "encoding": "one_hot"}) == \
        "elemento de tokens (32), one-hot"
    assert block_summary("lstm", {"hidden_size": 64, "num_layers": 2, "peepholes": "full",
                                  "bidirectional": True, "join": "sum"}) == \
        "LSTM 64 (mirillas completas) x2, bidireccional (suma)"
    assert block_summary("bidirectional", {**KINDS["bidirectional"].defaults(),
                                           "cell": "gru", "hidden_size": 8}) == \
        "GRU 8 bidireccional"
    assert block_summary("dense", {"size": 3, "activation": "identity"}) == "Densa 3, identidad"
    assert block_summary("pool", {"mode": "mean"}) == "Agregación (media)"
    assert block_summary("concat", {}) == "Concatenar"


def test_badge_and_legend_in_spanish(make_editor: MakeEditor, spanish: QTranslator) -> None:
    editor = make_editor("adding")
    analysis = editor.document.analysis
    assert analysis.network_shape == "M-to-1"
    assert editor.badge.text() == f"M a 1 · {count_text(analysis.total_params)} parámetros"
    assert count_text(89_218) == "89.218"
    assert "parámetros entrenables" in editor.badge.toolTip()
    empty = Design()
    empty.add_block("rnn", block_id="rnn")
    assert badge_text(analyze(empty)).startswith("forma aún desconocida · ")
    legend = " ".join(label.text() for label in editor.legend.findChildren(QLabel))
    assert "secuencia (B, T, n)" in legend
    assert "estado" in legend


def test_undo_texts_in_spanish(make_editor: MakeEditor, spanish: QTranslator) -> None:
    editor = make_editor("notation")
    document = editor.document
    assert editor.add_block("lstm") is not None
    assert document.undo_stack.command(0).text() == "Añadir LSTM"
    assert editor.actions["undo"].text() == "&Deshacer Añadir LSTM"
    assert editor.add_block("feedback") is not None
    assert document.undo_stack.command(1).text() == "Añadir Realimentación"
    document.push(SetParam(document, "rnn", "nonlinearity", "relu"))
    assert document.undo_stack.command(2).text() == "Cambiar g1 de RNN a relu"
    document.push(SetParam(document, "rnn", "bidirectional", True))
    assert document.undo_stack.command(3).text() == "Cambiar bidireccional de RNN a sí"
    document.undo()
    assert editor.actions["redo"].text() == "&Rehacer Cambiar bidireccional de RNN a sí"
    assert AddBlock(document, "dense").text() == "Añadir Densa"


def test_context_menus_in_spanish(make_editor: MakeEditor, spanish: QTranslator) -> None:
    editor = make_editor("notation")
    view = editor.view
    item = editor.scene.blocks["rnn"]
    menu = editor.context_menu(view.mapFromScene(item.sceneBoundingRect().center()))
    assert [a.text() for a in menu.actions()] == [
        "Re&nombrar…", "D&uplicar", "&Copiar", "Cor&tar", "&Eliminar"]
    empty = QPoint(4, view.viewport().height() - 4)
    assert view.itemAt(empty) is None
    menu = editor.context_menu(empty)
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "Añadir bloque"
    assert texts[1:] == ["&Pegar", "Seleccionar t&odo", "&Ordenar disposición",
                         "&Ajustar a la vista"]
    add = menu.actions()[0].menu()
    assert isinstance(add, QMenu)
    titles = [a.text() for a in add.actions()]
    assert {"Entrada", "Densa", "Realimentación", "Salida", "Agregación en el tiempo"} <= \
        set(titles)
    assert "Input" not in titles


def test_wiring_and_equations_in_spanish(make_editor: MakeEditor,
                                         spanish: QTranslator) -> None:
    editor = make_editor("notation")
    design = editor.document.design
    wiring = Wiring(design, editor.document.analysis)
    assert wiring.refusal(PortRef("rnn", "last"), PortRef("y", "input")) == ""
    assert wiring.note(PortRef("y", "input")) == "sustituye la conexión desde rnn.sequence"
    design.add_block("repeat", block_id="rep")
    reason = wiring.refusal(PortRef("rnn", "sequence"), PortRef("rep", "input"))
    assert reason.startswith("una secuencia no puede alimentar una entrada de vector; ")
    assert "'last'" in reason
    math = block_math(design, editor.document.analysis, "rnn")
    assert any("dos vectores de sesgo" in line for line in math.storage)


# --- the translation keeps up with the designer's source -------------------------------------

DESIGNER = Path(designer.__file__).parent
TS = Path(str(resources.files("resources") / "i18n" / "recurrente_es.ts"))
# translate(...) whose context or text is not a literal: lupdate cannot see the message
HIDDEN = re.compile(r'(?:QCoreApplication\.|(?<![\w.]))translate\(\s*+(?:(?!")|"[^"]*",\s*+(?!"))'
                    r'|(?<![\w.])(?:self\.)?tr\(\s*+(?!")')


def test_designer_messages_are_literal() -> None:
    for path in sorted(DESIGNER.glob("*.py")):
        if path.name == "engine_text.py":  # engine text: generated into app/engine_strings.py
            continue
        for match in HIDDEN.finditer(path.read_text(encoding="utf-8")):
            line = path.read_text(encoding="utf-8").count("\n", 0, match.start()) + 1
            pytest.fail(f"{path.name}:{line}: a message lupdate cannot read; write the "
                        "context and text out as literals")


def test_every_designer_message_is_in_the_translation(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not on PATH")
    fresh = tmp_path / "designer.ts"
    subprocess.run([lupdate, "-extensions", "py", str(DESIGNER), "-ts", str(fresh)],
                   check=True, capture_output=True)

    def messages(ts: Path) -> dict[tuple[str, str, str], str]:
        return {(context.findtext("name") or "", m.findtext("source") or "",
                 m.findtext("comment") or ""): m.findtext("translation") or ""
                for context in ET.parse(ts).getroot().iter("context")
                for m in context.iter("message")}

    shipped = messages(TS)
    found = messages(fresh)
    assert found
    missing = [key for key in found if not shipped.get(key, "").strip()]
    assert not missing, "run lupdate and translate (see app/i18n.py): " + repr(missing)
