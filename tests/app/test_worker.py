"""Training on a worker thread: events in order, pause/resume/stop, failures, clean joins."""

from __future__ import annotations

import gc
import logging
import os
import threading
import time

import numpy as np
import pytest
import torch
from PySide6.QtCore import QCoreApplication, QEvent, QThread, QTimer

from app.runs import describe_run
from app.turns import DRAWING
from app.worker import TrainingController, warm_up
from engine.data.base import SequenceData
from engine.design import Design
from engine.examples import load_example
from engine.training.events import RunFailed, RunFinished
from engine.training.settings import DataSettings, TrainingSettings

WAIT_MS = 60_000  # generous: two cores are shared with other test runs


def adding(length: int = 10, train_size: int = 64) -> DataSettings:
    return DataSettings("builtin", "adding", options={"length": length, "train_size": train_size,
                                                      "valid_size": 32, "test_size": 8})


def example_settings(**changes: object) -> tuple[Design, TrainingSettings]:
    design = load_example("adding")
    return design, design.training.replace(**{"epochs": 2, "device": "cpu", **changes})


class Probe:
    """A 5 ms QTimer on the GUI thread; its gaps show how long the event loop stalled."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def __enter__(self) -> Probe:
        # widgets closed by earlier tests are deleted later, on the GUI thread: not now
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.times.append(time.perf_counter())
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()

    def report(self, label: str) -> tuple[float, float]:
        gaps = np.diff(self.times) * 1000
        p99, worst = float(np.percentile(gaps, 99)), float(gaps.max())
        print(f"\n{label}: {len(gaps)} ticks, GUI stall p99 {p99:.1f} ms, max {worst:.1f} ms")
        return p99, worst


@pytest.fixture
def controller(qtbot):
    warm_up()  # the first Train's one-time imports are not what the stall probes measure
    control = TrainingController(threads=1)
    yield control
    assert control.shutdown(10.0)


def collect(control: TrainingController) -> dict[str, list]:
    got: dict[str, list] = {"events": [], "failed": [], "finished": [], "models": [],
                            "single": []}
    control.events.connect(got["events"].extend)
    control.event.connect(got["single"].append)
    control.failed.connect(got["failed"].append)
    control.finished.connect(got["finished"].append)
    control.model_ready.connect(got["models"].append)
    return got


def test_a_real_run_emits_events_in_order_without_blocking_the_gui(qtbot, controller) -> None:
    design, settings = example_settings()
    got = collect(controller)
    with Probe() as probe, qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        run = controller.start(design, settings, adding())
    qtbot.waitUntil(lambda: not controller.running, timeout=5000)
    p99, worst = probe.report("real run")
    names = [e.name for e in got["events"]]
    assert names[0] == "run_started" and names[-1] == "run_finished"
    steps = [e.step for e in got["events"] if e.name == "step_finished"]
    assert steps == list(range(1, len(steps) + 1)) and len(steps) == 4
    assert [e.epoch for e in got["events"] if e.name == "epoch_finished"] == [1, 2]
    assert [e.name for e in got["single"]] == ["run_started", "epoch_finished",
                                               "epoch_finished", "run_finished"]
    assert got["finished"] == [got["events"][-1]] and got["failed"] == []
    state = got["models"][-1]
    assert all(isinstance(v, torch.Tensor) and v.device.type == "cpu" for v in state.values())
    assert run.name == "LSTM 64 on adding (T=10)" and run.status == "completed"
    assert controller.state == "idle"
    assert worst < 1000, f"the GUI thread stalled {worst:.0f} ms (p99 {p99:.0f} ms)"


def test_pause_holds_and_resume_continues(qtbot, controller) -> None:
    design, settings = example_settings()
    got = collect(controller)
    with qtbot.waitSignal(controller.state_changed, timeout=WAIT_MS,
                          check_params_cb=lambda state: state == "paused"):
        controller.start(design, settings, adding())
        controller.pause()  # before the thread even starts: it holds before the first batch
    assert len(got["models"]) == 1  # the weights, for the try-it panel
    qtbot.wait(300)
    assert not any(e.name == "step_finished" for e in got["events"])
    assert got["finished"] == [] and controller.running
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        controller.resume()
        assert controller.state == "running"
    assert got["finished"][0].reason == "completed"
    assert sum(e.name == "step_finished" for e in got["events"]) == 4


def test_training_waits_between_batches_while_the_gui_thread_draws(qtbot, controller) -> None:
    design, settings = example_settings()
    got = collect(controller)
    with DRAWING:  # as the plots panel holds it while drawing
        with qtbot.waitSignal(controller.data_ready, timeout=WAIT_MS):
            controller.start(design, settings, adding())
        qtbot.wait(300)  # the worker is at its first batch, and waits
        assert got["events"] == [] and controller.running
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        pass
    assert sum(e.name == "step_finished" for e in got["events"]) == 4


def test_stop_ends_the_run_and_joins_the_thread(qtbot, controller) -> None:
    design, settings = example_settings(epochs=50)
    got = collect(controller)
    with Probe() as probe:
        with qtbot.waitSignal(controller.events, timeout=WAIT_MS):
            controller.start(design, settings, adding(train_size=640))
        qtbot.wait(1500)  # train for a while, watching the GUI thread
        with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
            controller.stop()
    p99, worst = probe.report("1.5 s of training, then stop")
    assert worst < 1000, f"the GUI thread stalled {worst:.0f} ms (p99 {p99:.0f} ms)"
    qtbot.waitUntil(lambda: not controller.running, timeout=5000)
    assert isinstance(got["finished"][0], RunFinished)
    assert got["finished"][0].reason == "stopped" and got["finished"][0].epochs < 50


def relu_rnn() -> Design:
    design = Design("exploding")
    design.add_block("input", {"size": 2}, block_id="x")
    design.add_block("rnn", {"hidden_size": 32, "nonlinearity": "relu"}, block_id="r")
    design.add_block("output", {"size": 1, "activation": "identity"}, block_id="y")
    design.add_wire("x.out", "r.input")
    design.add_wire("r.last", "y.input")
    return design


def test_a_nan_run_arrives_as_run_failed(qtbot, controller) -> None:
    settings = TrainingSettings(optimizer="sgd", learning_rate=10.0, clip="none", epochs=5,
                                device="cpu", capture_every=0)
    got = collect(controller)
    with Probe() as probe, qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        run = controller.start(relu_rnn(), settings, adding(train_size=256))
    probe.report("NaN run")
    failure = got["finished"][0]
    assert isinstance(failure, RunFailed) and got["events"][-1] == failure
    assert "became" in failure.message and "lower learning rate" in failure.message
    assert got["failed"] == [failure.message]
    assert run.status == "failed" and run.message == failure.message
    assert run.name == "ReLU RNN 32 on adding (T=10)"


def test_a_data_set_that_cannot_be_built_is_a_readable_failure(qtbot, controller) -> None:
    design, settings = example_settings()
    got = collect(controller)
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        controller.start(design, settings, DataSettings("builtin", "nonesuch"))
    assert got["failed"] == ["there is no built-in data set 'nonesuch' (built-ins: adding, "
                             "agreement, dates, melodies, sentiment, sine, tagging)"]
    assert got["finished"] == [RunFailed(got["failed"][0], 0)]
    assert got["models"] == []
    qtbot.waitUntil(lambda: not controller.running, timeout=5000)


def test_an_unexpected_exception_names_its_type_and_is_logged(qtbot, controller, caplog,
                                                              monkeypatch) -> None:
    def broken_loader(settings: DataSettings) -> SequenceData:
        raise ZeroDivisionError("a bug in a data reader")

    monkeypatch.setattr("engine.data.load.load_data", broken_loader)
    design, settings = example_settings()
    got = collect(controller)
    with caplog.at_level(logging.ERROR, "app.worker"), \
            qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        controller.start(design, settings, adding())
    assert got["failed"] == ["ZeroDivisionError: a bug in a data reader"]
    assert caplog.records[0].exc_info[0] is ZeroDivisionError  # the traceback is logged


def test_shutdown_during_a_run_joins_within_seconds(qtbot, controller) -> None:
    design, settings = example_settings(epochs=200)
    got = collect(controller)
    with qtbot.waitSignal(controller.events, timeout=WAIT_MS):
        controller.start(design, settings, adding(train_size=640))
    started = time.perf_counter()
    assert controller.shutdown(5.0)
    took = time.perf_counter() - started
    print(f"\nshutdown joined in {took * 1000:.0f} ms")
    assert not controller.running and took < 5.0 and controller.state == "idle"
    # delivered before shutdown() returned, so nothing stale reaches the next run
    assert [e.reason for e in got["finished"]] == ["stopped"]
    assert got["events"][-1] == got["finished"][0]
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        controller.start(design, settings, adding(train_size=640))
        controller.stop()
    assert len(got["finished"]) == 2


def os_threads() -> int:
    return len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else 0


def qthreads() -> int:
    return sum(1 for o in gc.get_objects() if type(o) is QThread)


def test_twenty_runs_in_a_row_leave_no_threads_behind(qtbot, controller) -> None:
    design, settings = example_settings(epochs=100)

    def one_run() -> None:
        with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
            controller.start(design, settings, adding())
            controller.stop()
        qtbot.waitUntil(lambda: not controller.running, timeout=5000)

    one_run()  # warm up: imports, torch's thread pools
    gc.collect()
    before = threading.active_count(), os_threads(), qthreads()
    for _ in range(20):
        one_run()
    gc.collect()
    after = threading.active_count(), os_threads(), qthreads()
    print(f"\n20 runs: (python threads, OS threads, QThread objects) before {before}, "
          f"after {after}")
    assert after == before
    assert len(controller.runs) == 21
    assert {r.status for r in controller.runs} == {"stopped"}


def test_only_one_run_at_a_time_and_names(qtbot, controller) -> None:
    design, settings = example_settings(epochs=100)
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        controller.start(design, settings, adding())
        with pytest.raises(RuntimeError):
            controller.start(design, settings, adding())
        controller.stop()
    assert describe_run(design, DataSettings("builtin", "adding")) == "LSTM 64 on adding (T=50)"
