"""Faults in the window: a missing GPU, failing data, and many runs started and stopped."""

from __future__ import annotations

import os
import threading
from dataclasses import replace

import pytest
import torch
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.window import MainWindow
from engine.training.settings import DataSettings

SMALL = {"length": 10, "train_size": 64, "valid_size": 16, "test_size": 4}


def window_with(qtbot: QtBot, **changes: object) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.files.confirm_discard = lambda: True
    window.show()
    window.files.open_example("adding", confirmed=True)
    settings = window.document.design.training
    assert settings.data is not None
    changes.setdefault("data", replace(settings.data, options=dict(SMALL)))
    window.document.set_training(settings.replace(batch_size=16, **changes))
    return window


def test_cuda_missing_offers_the_cpu_and_trains_there(qtbot: QtBot,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    asked: list[str] = []

    def accept(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(accept))
    window = window_with(qtbot, device="cuda", epochs=1)
    window.train()
    assert asked and "no usable CUDA GPU" in asked[0] and "CPU instead" in asked[0]
    qtbot.waitUntil(lambda: not window.controller.running, timeout=60_000)
    assert window.plots.live is not None and window.plots.live.status == "completed"


def test_cuda_missing_and_declined_starts_nothing(qtbot: QtBot,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    window = window_with(qtbot, device="cuda:3", epochs=1)
    window.train()
    assert not window.controller.running and window.plots.live is None


def test_an_exception_in_the_data_set_is_reported_not_fatal(qtbot: QtBot) -> None:
    window = window_with(qtbot, epochs=1,
                         data=DataSettings("file", path="/no/such/file.csv"))
    window.train()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30_000)
    assert "/no/such/file.csv" in window.statusBar().currentMessage()
    assert window.act_train.isEnabled() and not window.document.locked


def _resources() -> tuple[int, int, int]:
    fds = len(os.listdir("/proc/self/fd"))
    with open("/proc/self/statm") as handle:
        rss_pages = int(handle.read().split()[1])
    return threading.active_count(), fds, rss_pages * os.sysconf("SC_PAGE_SIZE") // 2**20


CYCLES = int(os.environ.get("RECURRENTE_CYCLES", "50"))


def test_runs_started_and_stopped_leave_nothing_behind(qtbot: QtBot) -> None:
    """Start and stop a run 50 times (``RECURRENTE_CYCLES`` changes the count)."""
    window = window_with(qtbot, epochs=1000)

    def cycle() -> None:
        window.train()
        qtbot.waitUntil(lambda: window.controller.state == "running", timeout=30_000)
        window.stop()
        qtbot.waitUntil(lambda: not window.controller.running, timeout=30_000)

    for _ in range(5):  # warm up: first-run imports, caches, the plots' first runs
        cycle()
    threads, fds, rss = _resources()
    for _ in range(CYCLES):
        cycle()
    after_threads, after_fds, after_rss = _resources()
    print(f"\n{CYCLES} cycles: threads {threads} -> {after_threads}, file handles {fds} -> "
          f"{after_fds}, RSS {rss} -> {after_rss} MB")
    assert after_threads == threads
    assert after_fds <= fds + 2
    assert after_rss - rss < 150  # the runs' curves are kept for comparison, by design
    assert not [t for t in window.findChildren(QThread) if t.isRunning()]
    assert len(window.controller.runs) == CYCLES + 5


def test_out_of_memory_offers_to_train_again_on_the_cpu(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that fails with CUDA's out-of-memory error is restarted on the CPU if asked."""
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    window = window_with(qtbot, epochs=1)
    started: list[object] = []
    real_start = window.controller.start

    def start(design, settings, data=None, **kwargs):
        started.append(settings.device)
        if len(started) == 1:  # the first run "runs out of memory" on the GPU
            run = real_start(design, settings, DataSettings("builtin", "no_such_task"))
            window.controller.failed.emit("CUDA out of memory. Tried to allocate 2.00 GiB")
            return run
        return real_start(design, settings, data, **kwargs)

    monkeypatch.setattr(window.controller, "start", start)
    window.train()
    qtbot.waitUntil(lambda: len(started) == 2, timeout=30_000)
    assert started[1] == "cpu"
    qtbot.waitUntil(lambda: not window.controller.running, timeout=60_000)
    assert window.plots.live is not None and window.plots.live.status == "completed"
