"""The plots panel: synthetic events become curves, a heatmap, exports and comparisons."""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.plots import PlotsPanel
from app.runs import Run, RunStore
from engine.training.events import (
    EpochFinished,
    GradientsMeasured,
    RunFinished,
    RunStarted,
    StepFinished,
    TimeGradients,
)

STEPS, PER_EPOCH, T, EVERY, THRESHOLD = 60, 20, 12, 10, 0.5
CAPTURES = 1 + STEPS // EVERY  # step 1, then every EVERY steps


def synthetic_run(scale: float = 1.0) -> list:
    """The events of a 3-epoch run of an RNN block "r" and an output block "y"."""
    rng = np.random.default_rng(0)
    events: list = [RunStarted(STEPS // PER_EPOCH, PER_EPOCH, "cpu", 100, "MSE", "adding")]
    for step in range(1, STEPS + 1):
        epoch = (step - 1) // PER_EPOCH + 1
        norm = float(np.exp(rng.normal(-1.0, 0.8))) * scale
        events.append(StepFinished(epoch, step, (step - 1) % PER_EPOCH + 1,
                                   scale * (0.2 + math.exp(-step / 20)), step * 0.01))
        events.append(GradientsMeasured(
            step, norm, min(norm, THRESHOLD), norm > THRESHOLD, THRESHOLD,
            {"r": 0.7 * norm, "y": 0.3 * norm},
            {"r: W": 0.5 * norm, "r: U": 0.2 * norm, "r: b": 0.1 * norm, "y: V": 0.3 * norm,
             "y: b_y": 0.05 * norm}))
        if step == 1 or step % EVERY == 0:
            decay = np.exp(-0.5 * (T - 1 - np.arange(T)))  # vanishing towards t = 1
            events.append(TimeGradients(step, {"r": [list(decay * (1 + step / 100))]}))
        if step % PER_EPOCH == 0:
            events.append(EpochFinished(epoch, step, 0.3 / epoch, 0.25 / epoch, "MSE",
                                        0.3 / epoch, 0.25 / epoch, step * 0.01))
    events.append(RunFinished("completed", STEPS // PER_EPOCH, STEPS, 0.08, 0.6))
    return events


@pytest.fixture
def panel(qtbot) -> PlotsPanel:
    widget = PlotsPanel(RunStore())
    widget.resize(1000, 700)
    qtbot.addWidget(widget)
    widget.show()  # a hidden panel draws nothing
    return widget


def lengths(panel: PlotsPanel, *keys: str) -> list[int]:
    return [0 if panel.curves[k].xData is None else len(panel.curves[k].xData) for k in keys]


def test_events_update_the_curves_when_the_timer_fires(qtbot, panel) -> None:
    events = synthetic_run()
    panel.add_events(events[:41])  # in batches, as the worker sends them
    panel.add_events(events[41:])
    # one plot per timer tick: the loss plot, then the metric plot
    qtbot.waitUntil(lambda: lengths(panel, "loss", "smoothed", "valid_loss", "train_metric")
                    == [STEPS, STEPS, 3, 3], timeout=2000)
    assert panel.live.status == "completed" and len(panel.runs) == 1
    smoothed = panel.curves["smoothed"].yData
    assert smoothed[0] == pytest.approx(panel.curves["loss"].yData[0])  # debiased EMA
    panel.tabs.setCurrentIndex(1)
    assert lengths(panel, "norm", "clipped_norm") == [STEPS, STEPS]
    fired = sum(e.clipped for e in events if e.name == "gradients_measured")
    assert lengths(panel, "clip_marks") == [fired] and fired > 0
    assert set(panel.named["blocks"]) == {"r", "y"}
    assert len(panel.named["matrices"]) == 5
    visible = {k for k, c in panel.named["matrices"].items() if c.isVisible()}
    assert visible == {"r: W"}  # the recurrent matrix is shown at first
    assert panel.threshold_line.isVisible()
    assert panel.threshold_line.value() == pytest.approx(math.log10(THRESHOLD))  # log axis


def test_the_matrix_selector_shows_and_hides_curves(qtbot, panel) -> None:
    panel.add_events(synthetic_run())
    panel.tabs.setCurrentIndex(1)
    items = {panel.matrix_list.item(i).text(): panel.matrix_list.item(i)
             for i in range(panel.matrix_list.count())}
    assert list(items) == ["r: W", "r: U", "r: b", "y: V", "y: b_y"]
    items["y: V"].setCheckState(Qt.CheckState.Checked)
    items["r: W"].setCheckState(Qt.CheckState.Unchecked)
    assert panel.named["matrices"]["y: V"].isVisible()
    assert not panel.named["matrices"]["r: W"].isVisible()
    legend = [label.text for _, label in panel.plots["matrices"].legend.items]
    assert legend == ["y: V"]


def test_the_heatmap_is_training_steps_by_time_steps(qtbot, panel) -> None:
    panel.add_events(synthetic_run())
    panel.tabs.setCurrentIndex(2)
    assert panel.block_combo.count() == 1 and panel.block_combo.currentData() == ("r", 0)
    image = panel.heatmap.image
    assert image.shape == (CAPTURES, T)
    assert image[-1, -1] > image[-1, 0]  # log10 norms: vanishing towards t = 1
    assert lengths(panel, "latest") == [T]
    low, high = panel.colorbar.levels()
    assert low <= image.min() and high >= image.max()


def test_log_scale_toggles(qtbot, panel) -> None:
    panel.add_events(synthetic_run())
    panel.refresh()
    loss = panel.plots["loss"]
    assert not loss.getAxis("left").logMode
    panel.log_boxes["loss"].setChecked(True)
    assert loss.getAxis("left").logMode and panel.log_y["loss"]
    panel.set_log_y("gradients", False)
    assert not panel.log_boxes["gradients"].isChecked()
    assert not panel.plots["norm"].getAxis("left").logMode
    panel.tabs.setCurrentIndex(1)
    assert panel.threshold_line.value() == pytest.approx(THRESHOLD)  # linear axis now


def test_csv_export_writes_the_rows_of_the_curves(qtbot, panel, tmp_path) -> None:
    panel.add_events(synthetic_run())
    count = panel.export_csv(tmp_path / "loss.csv", "loss")
    with open(tmp_path / "loss.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["plot", "curve", "x", "y"]
    assert count == len(rows) - 1 == 2 * STEPS + 3
    raw = [r for r in rows[1:] if r[1] == "training (per step)"]
    assert raw[0][:3] == ["loss", "training (per step)", "1.0"]
    assert float(raw[0][3]) == pytest.approx(0.2 + math.exp(-1 / 20))
    assert [r[2] for r in rows if r[1] == "validation (per epoch)"] == ["20.0", "40.0", "60.0"]
    panel.tabs.setCurrentIndex(2)
    assert panel.export_csv(tmp_path / "time.csv") == CAPTURES * T + T  # heatmap + latest


def test_png_export_writes_an_image(qtbot, panel, tmp_path) -> None:
    panel.add_events(synthetic_run())
    panel.export_png(tmp_path / "tab.png")
    panel.export_png(tmp_path / "norm.png", "norm")
    for name in ("tab.png", "norm.png"):
        data = (tmp_path / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000


def test_comparing_two_runs_overlays_two_curves(qtbot, panel) -> None:
    first = Run(1, "RNN 64 on adding (T=12)")
    panel.begin_run(first)
    panel.add_events(synthetic_run())
    panel.add_events(synthetic_run(scale=2.0))  # a new RunStarted: a second run
    assert len(panel.runs) == 2 and panel.live is not first
    panel.tabs.setCurrentIndex(3)
    panel.set_compared([1, 2])
    curves = [c for c in panel.named["compare"].values() if c.isVisible()]
    assert len(curves) == 2
    assert [len(c.xData) for c in curves] == [STEPS, STEPS]
    legend = [label.text for _, label in panel.plots["compare"].legend.items]
    assert legend == ["RNN 64 on adding (T=12)", "Run 2"]
    panel.set_compared([2])
    assert sum(c.isVisible() for c in panel.named["compare"].values()) == 1
    panel.quantity_combo.setCurrentIndex(1)  # validation loss, per epoch
    assert [len(c.xData) for c in panel.named["compare"].values()] == [3, 3]


def test_a_hidden_panel_builds_and_draws_nothing_until_shown(qtbot) -> None:
    panel = PlotsPanel(RunStore())
    qtbot.addWidget(panel)
    panel.add_events(synthetic_run())
    qtbot.wait(250)  # a few timer periods
    assert panel._views == {}  # no tab built: twelve plots cost a quarter of a second
    panel.show()
    assert set(panel._views) == {0}  # the visible tab, drawn at once
    assert lengths(panel, "loss", "train_metric") == [STEPS, 3]
    panel.tabs.setCurrentIndex(2)
    assert set(panel._views) == {0, 2}
    assert panel.heatmap.image is not None


def test_the_timer_draws_one_plot_per_tick(qtbot, panel) -> None:
    events = synthetic_run()
    panel.add_events(events[:100])
    panel.refresh()
    panel.tabs.setCurrentIndex(1)
    panel.add_events(events[100:])
    drawn = lengths(panel, "norm")[0]
    panel._on_timer()  # first stale plot: the global norm
    assert lengths(panel, "norm")[0] == STEPS > drawn
    assert panel._stale == ["blocks", "matrices"]
    panel._on_timer()
    panel._on_timer()
    assert panel._stale == []
    assert all(len(c.xData) == STEPS for c in panel.named["matrices"].values())


def test_the_automatic_range_moves_in_steps_and_holds_the_data() -> None:
    from app.plots import steady_range

    assert steady_range((0, 10), (0, 8), 1.0, True) == (0, 10)  # still fits: unchanged
    assert steady_range((0, 10), (0, 11), 1.0, True) == (0, 22)  # grown: room ahead
    assert steady_range((0, 10), (2, 4), 0.1, False) == pytest.approx((1.8, 4.2))  # shrunk
    assert steady_range((0, 10), (-1, 9), 0.1, False) == pytest.approx((-2, 10))
    assert steady_range((0, 10), (0, 11), 1.0, True, limit=12) == pytest.approx((0, 12.6))
    assert steady_range((0, 12.6), (0, 12.2), 1.0, True, limit=12) == (0, 12.6)  # the end


def test_live_curves_stay_inside_the_view_and_a_zoom_is_kept(qtbot, panel) -> None:
    events = synthetic_run()
    panel.add_events(events)
    panel.refresh(force=True)
    plot = panel.plots["loss"]
    loss = panel.curves["loss"]
    qtbot.waitUntil(lambda: plot.viewRange()[0][1] >= loss.xData.max(), timeout=2000)
    (x0, x1), (y0, y1) = plot.viewRange()
    assert x0 <= loss.xData.min() and loss.xData.max() <= x1 <= 1.1 * STEPS  # the run's end
    assert y0 <= loss.yData.min() and loss.yData.max() <= y1
    plot.setXRange(10, 20, padding=0)  # a person zooms: automatic ranging stops
    panel.add_events(synthetic_run()[1:])
    panel.refresh(force=True)
    qtbot.wait(100)  # a repaint, where pyqtgraph ranges automatically
    assert plot.viewRange()[0] == pytest.approx([10, 20])
