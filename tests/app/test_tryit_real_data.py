"""The try-it panel on models trained on the real corpora (file data sets).

A chorale is generated from a starting chord of the JSB validation split and drawn as a
piano roll; a typed Spanish sentence is translated with the Tatoeba vocabularies; a typed
review is classified. Each model is trained for a moment on a subsample: the panel must
work, the outputs need not be good. Skipped when the corpora are absent (see
tests/engine/test_real_data.py for where they are looked for).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.tryit import TryItPanel
from engine.compiler import CompiledModel
from engine.data.base import ExampleList, SequenceData
from engine.data.load import DATA_ROOTS_VARIABLE, load_data
from engine.design import Design
from engine.examples import load_example
from engine.training.trainer import Trainer

REPO = Path(__file__).resolve().parents[2]
ROOT = Path(os.environ.get(DATA_ROOTS_VARIABLE, "").split(os.pathsep)[0]
            or REPO.parent / "shared" / "data")
CORPORA = {
    "jsb_chorales": ROOT / "jsb_chorales" / "jsb-chorales-quarter.json",
    "reviews": ROOT / "sentiment" / "imdb_labelled.txt",
    "tatoeba": ROOT / "translation" / "spa-eng-first30000.txt",
}


@cache
def trained(example: str) -> tuple[Design, SequenceData, CompiledModel]:
    """The example trained for one epoch on a subsample of its corpus."""
    previous = os.environ.get(DATA_ROOTS_VARIABLE)
    os.environ[DATA_ROOTS_VARIABLE] = str(ROOT)
    try:
        design = load_example(example)
        full = load_data(design.training.data)  # type: ignore[arg-type]
    finally:
        if previous is None:
            del os.environ[DATA_ROOTS_VARIABLE]
        else:
            os.environ[DATA_ROOTS_VARIABLE] = previous
    data = SequenceData(full.spec, ExampleList(full.train.examples[:256]),
                        ExampleList(full.valid.examples[:20]), ExampleList([]))
    settings = design.training.replace(epochs=1, batch_size=16, capture_every=0,
                                       device="cpu", learning_rate=0.01)
    trainer = Trainer(design, data, settings)
    trainer.fit()
    return design, data, trainer.model.eval()


def panel_for(qtbot: QtBot, example: str) -> TryItPanel:
    if not CORPORA[example].is_file():
        pytest.skip(f"{CORPORA[example]} is not here (set {DATA_ROOTS_VARIABLE})")
    design, data, model = trained(example)
    panel = TryItPanel()
    qtbot.addWidget(panel)
    panel.set_model(model, design, data.spec, data.valid)
    return panel


def test_a_chorale_is_generated_from_a_starting_chord_as_a_piano_roll(qtbot: QtBot) -> None:
    panel = panel_for(qtbot, "jsb_chorales")
    assert panel.mode == "generate"
    assert panel.start_combo.isVisibleTo(panel) and panel.start_combo.count() == 20
    # a start is named by its chord: four voices, e.g. "1: G2 D4 B4 G5"
    first = panel.start_combo.itemText(0)
    assert first.startswith("1: ") and len(first.split()) == 5
    panel.start_combo.setCurrentIndex(3)
    panel.length_spin.setValue(24)
    panel.generate_button.click()
    assert panel.message == ""
    roll = panel.views["roll"]
    assert panel.output_stack.currentWidget() is roll
    assert roll.roll.shape == (25, 88)  # the start chord, then 24 generated steps
    _design, data, _model = trained("jsb_chorales")
    assert (roll.roll[0] == data.valid[3]["input"].numpy()).all()
    assert set(roll.roll[1:].flatten().tolist()) <= {0.0, 1.0}  # sampled notes, on or off
    assert "steps generated" in panel.summary_label.text()
    assert panel.last_trace is not None and panel.last_trace.steps == 24


def test_a_typed_spanish_sentence_is_translated(qtbot: QtBot) -> None:
    panel = panel_for(qtbot, "tatoeba")
    assert panel.mode == "translate" and panel.run_button.text() == "Translate"
    assert panel.sentence_edit.isVisibleTo(panel) and panel.example_combo.count() == 20
    panel.set_text("¿Dónde está el perro?")
    panel.run()
    assert panel.message == "" or "No </s>" in panel.message
    assert panel.summary_label.text().startswith("→")
    assert panel.output_stack.currentWidget() is panel.views["text"]
    assert "dónde" in panel.tokens_label.text().lower()  # the data set's (lowercase) words
    encoder = panel.last_trace
    assert encoder is not None and encoder.block_id == "encoder"
    assert encoder.steps == 6  # ¿ dónde está el perro ?
    panel.set_text("zorglub")
    panel.run()
    assert "zorglub" in panel.message  # read as <unk>, and said so


def test_a_typed_review_is_classified(qtbot: QtBot) -> None:
    panel = panel_for(qtbot, "reviews")
    assert panel.mode == "classify"
    panel.set_text("The food was great and the service friendly.")
    panel.run()
    assert panel.message == ""
    heights = panel.views["bars"].bars.opts["height"]
    assert len(heights) == 2 and abs(sum(heights) - 1.0) < 1e-5
    assert panel.summary_label.text().startswith("→")
