"""The "Data & training" dock: settings in and out, the background fit check, locking."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QStandardItemModel, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.training_panel import TrainingPanel
from engine.data.builtin import make_builtin
from engine.data.files import DataFileError, load_data_file
from engine.design import Design
from engine.examples import load_example
from engine.training.fit import check_fit
from engine.training.settings import DataSettings

TIMEOUT_MS = 10_000


@pytest.fixture
def panel(qtbot: QtBot) -> TrainingPanel:
    widget = TrainingPanel()
    qtbot.addWidget(widget)
    return widget


def adding(**changes: Any) -> Design:
    design = load_example("adding")
    if changes:
        design.set_training(design.training.replace(**changes))
    return design


def show(qtbot: QtBot, panel: TrainingPanel, design: Design) -> tuple[Any, list[Any]]:
    """set_design and wait for the fit check; returns (spec, problems)."""
    with qtbot.waitSignal(panel.fit_checked, timeout=TIMEOUT_MS) as blocker:
        panel.set_design(design)
    return blocker.args[0]


def plain(label: QLabel) -> str:
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText().replace("\u200b", "")


def choose(combo: QComboBox, data: str) -> None:
    """Pick an item as a person does (activated is emitted only for the person's choice)."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_set_design_shows_the_settings_without_emitting(qtbot: QtBot,
                                                        panel: TrainingPanel) -> None:
    design = adding(optimizer="sgd", learning_rate=2.5e-4, epochs=7, clip="value",
                    early_stopping=3, device="cpu",
                    data=DataSettings("builtin", "adding", options={"length": 20}))
    with qtbot.assertNotEmitted(panel.settings_edited):
        show(qtbot, panel, design)
    editors = panel.editors
    assert editors["optimizer"].currentData() == "sgd"  # type: ignore[attr-defined]
    assert editors["learning_rate"].value() == pytest.approx(2.5e-4)  # type: ignore[attr-defined]
    assert editors["learning_rate"].text() == "0.00025"  # type: ignore[attr-defined]
    assert editors["epochs"].value() == 7  # type: ignore[attr-defined]
    assert editors["clip"].currentData() == "value"  # type: ignore[attr-defined]
    assert panel.device.currentData() == "cpu"
    form = panel.data_form
    assert form.builtin.currentData() == "adding"
    assert form.builtin_editors["length"].value() == 20  # type: ignore[attr-defined]
    assert panel.current_settings() == design.training


def test_editing_the_learning_rate_emits_one_complete_settings(qtbot: QtBot,
                                                               panel: TrainingPanel) -> None:
    design = adding(data=DataSettings("builtin", "adding", options={"length": 20, "seed": 4}))
    show(qtbot, panel, design)
    edits: list[Any] = []
    panel.settings_edited.connect(edits.append)
    spin = panel.editors["learning_rate"]
    spin.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(spin, "1e-2")
    assert edits == []  # nothing while typing
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert len(edits) == 1
    assert edits[0] == design.training.replace(learning_rate=0.01)
    assert edits[0].data.options == {"length": 20, "seed": 4}
    spin.stepBy(1)  # type: ignore[attr-defined]
    assert edits[-1].learning_rate == pytest.approx(0.02)  # the 1-2-5 ladder
    assert panel.current_settings().learning_rate == pytest.approx(0.02)


def test_momentum_and_clip_threshold_follow_their_choices(qtbot: QtBot,
                                                          panel: TrainingPanel) -> None:
    show(qtbot, panel, adding())
    momentum, threshold = panel.editors["momentum"], panel.editors["clip_threshold"]
    assert panel.current_settings().optimizer == "adam" and not momentum.isEnabled()
    assert threshold.isEnabled()
    with qtbot.waitSignal(panel.settings_edited) as blocker:
        choose(panel.editors["optimizer"], "sgd")  # type: ignore[arg-type]
    assert blocker.args[0].optimizer == "sgd" and momentum.isEnabled()
    choose(panel.editors["optimizer"], "rmsprop")  # type: ignore[arg-type]
    assert momentum.isEnabled()
    choose(panel.editors["clip"], "none")  # type: ignore[arg-type]
    assert not threshold.isEnabled()
    assert panel.current_settings().clip == "none"


def test_a_builtin_fits_its_example_and_a_misfit_is_located(qtbot: QtBot,
                                                            panel: TrainingPanel) -> None:
    design = adding()
    spec, problems = show(qtbot, panel, design)
    assert spec.name == "adding problem (T=50)" and problems == []
    assert panel.data_spec() == spec
    text = plain(panel.check_label)
    assert "Input: sequences of 2 features" in text
    assert "Target: 1 real value per example" in text
    assert "The design fits this data set." in text

    edits: list[Any] = []
    panel.settings_edited.connect(edits.append)
    with qtbot.waitSignal(panel.fit_checked, timeout=TIMEOUT_MS) as blocker:
        choose(panel.data_form.builtin, "sine")
    assert set(panel.data_form.builtin_editors) >= {"length", "noise", "train_size"}
    assert edits[-1].data == DataSettings("builtin", "sine")
    spec, problems = blocker.args[0]
    expected = check_fit(design, make_builtin("sine", train_size=1, valid_size=1).spec)
    assert [p.message for p in problems] == [p.message for p in expected] != []
    text = plain(panel.check_label)
    assert "fits" not in text
    assert "(value, marker): input block '(value, marker)' expects 2 features, " \
           "the data set has 1" in text
    for problem in expected:
        assert f"{design.blocks[problem.block].name}: {problem.message}" in text


def test_a_bad_file_shows_the_located_data_file_error(qtbot: QtBot, panel: TrainingPanel,
                                                      tmp_path: Path) -> None:
    show(qtbot, panel, adding())
    form = panel.data_form
    edits: list[Any] = []
    panel.settings_edited.connect(edits.append)
    form.file_button.click()
    assert edits == []  # no path yet: nothing to write into the design
    assert "Choose" in plain(panel.check_label)

    missing = tmp_path / "missing.csv"
    with qtbot.waitSignal(panel.fit_checked, timeout=TIMEOUT_MS) as blocker:
        form.path.setText(str(missing))
        form.path.editingFinished.emit()
    assert edits[-1].data == DataSettings("file", path=str(missing))
    assert set(form.file_editors) == {"targets", "target_kind", "max_length"}  # csv options
    spec, problems = blocker.args[0]
    with pytest.raises(DataFileError) as error:
        load_data_file(missing)
    assert spec is None and [p.message for p in problems] == [str(error.value)]
    assert str(error.value) in plain(panel.check_label)
    assert panel.data_spec() is None

    broken = tmp_path / "broken.csv"
    broken.write_text("sequence,x,target\na,0.5,\na,abc,1\n")
    with pytest.raises(DataFileError) as error:
        load_data_file(broken)
    with qtbot.waitSignal(panel.fit_checked, timeout=TIMEOUT_MS):
        form.path.setText(str(broken))
        form.path.editingFinished.emit()
    assert f"{broken}:3:" in str(error.value)
    assert str(error.value) in plain(panel.check_label)


def test_an_unexpected_exception_is_shown_not_raised(qtbot: QtBot, panel: TrainingPanel,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(_data: DataSettings) -> None:
        raise ValueError("boom")

    monkeypatch.setattr("app.training_panel.load_data", explode)
    spec, problems = show(qtbot, panel, adding())
    assert spec is None and problems[0].message == "ValueError: boom"
    assert "ValueError: boom" in plain(panel.check_label)


def test_the_device_list_disables_what_this_machine_lacks(panel: TrainingPanel) -> None:
    combo = panel.device
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    devices = {combo.itemData(i): i for i in range(combo.count())}
    assert "auto" in devices and model.item(devices["cpu"]).isEnabled()
    if not torch.cuda.is_available():
        cuda = devices["cuda"]
        reason = "no CUDA device is available on this machine"
        assert not model.item(cuda).isEnabled()
        assert combo.itemText(cuda) == f"CUDA GPU — {reason}"
        assert combo.itemData(cuda, Qt.ItemDataRole.ToolTipRole) == reason


def test_set_locked_makes_everything_read_only(qtbot: QtBot, panel: TrainingPanel) -> None:
    show(qtbot, panel, adding())
    editing: list[QWidget] = [*panel.editors.values(), panel.device, panel.data_form.builtin,
                              *panel.data_form.builtin_editors.values()]
    panel.set_locked(True)
    assert not any(widget.isEnabled() for widget in editing)
    assert panel.check_again.isEnabled()  # looking is not editing
    panel.set_locked(False)
    assert panel.editors["learning_rate"].isEnabled() and panel.data_form.builtin.isEnabled()
    assert not panel.editors["momentum"].isEnabled()  # still adam


def test_file_options_are_written_sparsely_and_kept(qtbot: QtBot, panel: TrainingPanel,
                                                    tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("".join(f"hello {i}\thola {i}\n" for i in range(20)))
    data = DataSettings("file", path=str(pairs), format="parallel",
                        options={"swap": True, "seed": 3})
    spec, problems = show(qtbot, panel, adding(data=data))
    assert spec is not None and problems  # the adding design does not translate
    form = panel.data_form
    assert form.file_page.isVisibleTo(form) and not form.builtin_page.isVisibleTo(form)
    swap, max_pairs = form.file_editors["swap"][0], form.file_editors["max_pairs"][0]
    assert swap.isChecked()  # type: ignore[attr-defined]
    with qtbot.waitSignal(panel.settings_edited) as blocker:
        max_pairs.setValue(5)  # type: ignore[attr-defined]
    assert blocker.args[0].data.options == {"swap": True, "seed": 3, "max_pairs": 5}
    with qtbot.waitSignal(panel.settings_edited) as blocker:
        choose(form.format, "text")  # another loader: its own options only
    assert blocker.args[0].data == DataSettings("file", path=str(pairs), format="text")
    assert "level" in form.file_editors and "swap" not in form.file_editors


def test_the_wheel_scrolls_the_dock_not_an_unfocused_field(panel: TrainingPanel) -> None:
    spin = panel.editors["epochs"]
    event = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(spin, event)
    assert spin.value() == 10  # type: ignore[attr-defined]
