"""The try-it panel: the right controls per network shape, outputs, gate heatmaps, messages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pytest
from pytestqt.qtbot import QtBot

from app.tryit import TryItPanel
from app.tryit_inputs import by_characters, encode_text, note_name
from engine.compiler import CompiledModel
from engine.data.base import SequenceData
from engine.data.builtin import make_builtin
from engine.design import Design
from engine.examples import load_example
from engine.training.settings import TrainingSettings
from engine.training.trainer import Trainer

# example -> (built-in data set, its options, smaller sizes for a fast test)
SETUPS = {
    "sentiment": ("sentiment", {}, {"lstm": 12}),
    "music": ("melodies", {"length": 10}, {"lstm": 12}),
    "translation": ("dates", {}, {"encoder": 24, "decoder": 24}),
    "forecasting": ("sine", {"length": 16}, {"gru": 8}),
    "tagging": ("tagging", {}, {"bigru": 8}),
}


@dataclass(frozen=True)
class Trained:
    design: Design
    data: SequenceData
    model: CompiledModel


@cache
def trained(example: str) -> Trained:
    """The example trained for a moment on 160 examples of its built-in data set."""
    name, options, sizes = SETUPS[example]
    design = load_example(example)
    for block, hidden in sizes.items():
        design.set_param(block, "hidden_size", hidden)
    data = make_builtin(name, train_size=160, valid_size=12, test_size=0, **options)
    settings = TrainingSettings(epochs=2, batch_size=32, learning_rate=0.01, device="cpu",
                                capture_every=0, validation_fraction=0.1)
    trainer = Trainer(design, data, settings)
    trainer.fit()
    return Trained(design, data, trainer.model.eval())


def panel_for(qtbot: QtBot, example: str) -> TryItPanel:
    panel = TryItPanel()
    qtbot.addWidget(panel)
    run = trained(example)
    panel.set_model(run.model, run.design, run.data.spec, run.data.valid)
    return panel


def shown(panel: TryItPanel, *widgets: object) -> list[bool]:
    return [w.isVisibleTo(panel) for w in widgets]  # type: ignore[attr-defined]


def test_sentiment_classifies_typed_and_picked_sentences(qtbot: QtBot) -> None:
    panel = panel_for(qtbot, "sentiment")
    assert panel.mode == "classify"
    assert shown(panel, panel.sentence_edit, panel.run_button, panel.example_combo) == [True] * 3
    assert shown(panel, panel.generate_button, panel.temperature_spin) == [False, False]
    assert panel.run_button.text() == "Classify"
    assert panel.example_combo.count() == 12
    bars = panel.views["bars"]
    assert panel.output_stack.currentWidget() is bars
    heights = bars.bars.opts["height"]
    assert len(heights) == 2 and abs(sum(heights) - 1.0) < 1e-5
    assert "target:" in panel.summary_label.text()

    panel.set_text("la película es muy buena")
    panel.run()
    assert panel.message == "" and "→" in panel.summary_label.text()
    trace = panel.last_trace
    assert trace is not None and trace.symbols == ("Gu", "Gf", "Go", "c~", "c", "h")
    assert set(panel.heatmaps.images) == set(trace.symbols)
    for image in panel.heatmaps.images.values():
        assert image.image.shape == (5, 12)  # (T words, H units): t on x, units on y
    assert panel.heatmaps.plots["Gf"].titleLabel.text == "Gf: forget gate"

    panel.set_text("la película zorglub es buena")
    panel.run()
    assert "zorglub" in panel.message and "zorglub" in panel.tokens_label.text()
    assert panel.last_trace is not None and panel.last_trace.steps == 4

    panel.set_text("   ")
    panel.run()
    assert "empty" in panel.message
    panel.set_text("zorglub blub")
    panel.run()
    assert "None of these words" in panel.message


def test_music_generates_a_piano_roll(qtbot: QtBot) -> None:
    panel = panel_for(qtbot, "music")
    assert panel.mode == "generate"
    assert shown(panel, panel.start_combo, panel.temperature_spin, panel.length_spin,
                 panel.generate_button) == [True] * 4
    assert shown(panel, panel.sentence_edit, panel.example_combo) == [False, False]
    assert panel.start_combo.count() == 12 and panel.start_combo.itemText(0).startswith("1: ")
    panel.length_spin.setValue(7)
    panel.temperature_spin.setValue(0.5)
    panel.generate_button.click()
    roll = panel.views["roll"]
    assert panel.output_stack.currentWidget() is roll
    assert roll.roll.shape == (8, 88)  # the start chord, then 7 generated steps
    ticks = roll.plot.getAxis("left")._tickLevels[0]
    assert (39.5, "C4") in ticks and note_name(39) == "C4"
    assert panel.last_trace is not None and panel.last_trace.steps == 7
    assert panel.heatmaps.images["Gf"].image.shape == (7, 12)


def test_translation_translates_a_typed_date(qtbot: QtBot) -> None:
    panel = panel_for(qtbot, "translation")
    assert panel.mode == "translate"
    assert panel.run_button.text() == "Translate"
    assert shown(panel, panel.sentence_edit, panel.example_combo) == [True, True]
    assert shown(panel, panel.generate_button) == [False]
    panel.set_text("27 de noviembre de 2026")
    panel.run()
    assert panel.output_stack.currentWidget() is panel.views["text"]
    assert panel.summary_label.text().startswith("→")
    encoder = panel.last_trace
    assert encoder is not None and encoder.block_id == "encoder" and encoder.steps == 23
    panel.select_block("decoder")
    decoder = panel.last_trace
    assert decoder is not None and decoder.block_id == "decoder"
    assert panel.heatmaps.images["h"].image.shape == (decoder.steps, 24)
    assert 1 <= decoder.steps <= panel.runner.default_length()  # type: ignore[union-attr]


def test_forecasting_plots_prediction_against_target(qtbot: QtBot) -> None:
    panel = panel_for(qtbot, "forecasting")
    assert panel.mode == "forecast"
    assert shown(panel, panel.example_combo, panel.sentence_edit) == [True, False]
    series = panel.views["series"]
    assert panel.output_stack.currentWidget() is series
    steps, _ = series.prediction.getData()
    assert len(steps) == 16 and len(series.target.getData()[1]) == 16
    panel.select_example(3)
    assert panel.last_trace is not None and panel.last_trace.symbols == ("Gu", "Gr", "h~", "h")
    assert panel.heatmaps.images["Gr"].image.shape == (16, 8)


def test_tagging_shows_a_tag_per_word_and_both_directions(qtbot: QtBot) -> None:
    panel = panel_for(qtbot, "tagging")
    assert panel.mode == "tag" and panel.run_button.text() == "Tag"
    assert [panel.layer_combo.itemText(i) for i in range(panel.layer_combo.count())] == [
        "layer 1, forward", "layer 1, backward"]
    panel.set_text("Roma ganó el partido")
    panel.run()
    html = panel.views["text"].toHtml()
    assert "partido" in html and any(tag in html for tag in ("CITY", "PERSON", "ORG", ">O<"))
    panel.select_block("bigru", layer=0, direction=1)
    assert panel.current_layer() == (0, 1)
    assert panel.heatmaps.images["h"].image.shape == (4, 8)
    backward = panel.last_trace.get("h", 0, 1).numpy()  # type: ignore[union-attr]
    assert (panel.heatmaps.images["h"].image == backward).all()

    # new weights (after more training or a pause): the same input, block and layer
    panel.select_example(3)
    run = trained("tagging")
    panel.set_model(run.model, run.design, run.data.spec, run.data.valid)
    assert panel.example_combo.currentIndex() == 3 and panel.current_layer() == (0, 1)
    words = len(run.data.valid[3]["input"])
    assert panel.heatmaps.images["Gu"].image.shape == (words, 8)


def test_panel_without_a_model_or_with_a_broken_one_only_explains(qtbot: QtBot) -> None:
    panel = TryItPanel()
    qtbot.addWidget(panel)
    assert "Train" in panel.message and not panel.sentence_edit.isVisibleTo(panel)
    panel.run()
    panel.generate()
    run = trained("sentiment")
    broken = run.design.copy()
    broken.remove_wire(broken.wires[-1])
    panel.set_model(run.model, broken, run.data.spec)
    assert "errors" in panel.message
    panel.set_model(run.model, run.design, run.data.spec)  # no validation split
    assert "Type a sentence" in panel.message and not panel.example_combo.isVisibleTo(panel)
    music = trained("music")
    panel.set_model(music.model, music.design, music.data.spec)
    assert panel.start_combo.itemText(0).startswith("silence")
    steps = panel.length_spin.value()
    assert panel.views["roll"].roll.shape == (1 + steps, 88)  # silence, then the steps


@pytest.mark.parametrize("text,units,unknown", [
    ("Roma es LA capital", ["Roma", "es", "LA", "capital"], []),
    ("27/11", ["2", "7", "/", "1", "1"], []),
])
def test_text_is_read_in_the_vocabulary_units(text: str, units: list[str],
                                               unknown: list[str]) -> None:
    vocab = ("<pad>", "Roma", "es", "la", "capital") if "Roma" in text else (
        "<pad>", "</s>", *"0123456789/")
    encoded = encode_text(text, vocab)
    assert encoded.tokens == units and encoded.unknown == unknown
    assert by_characters(vocab) == ("/" in text)
    with_unk = encode_text("la zorglub", ("<pad>", "<unk>", "la"))
    assert with_unk.ids == [2, 1] and with_unk.fed == ["la", "<unk>"]
