"""End to end on the real main window, offscreen: open, train, watch, pause, stop, try,
save, reopen, export and load the export in a fresh process; failures stay in the window."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.export_dialog import ExportDialog
from app.window import MainWindow
from engine.fileformat import load

ROOT = Path(__file__).resolve().parents[2]
SMALL = {"length": 10, "train_size": 64, "valid_size": 16, "test_size": 4}


def open_window(qtbot: QtBot, example: str = "adding") -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.files.confirm_discard = lambda: True  # no modal question when the test ends
    window.show()
    assert window.files.open_example(example, confirmed=True)
    return window


def use_small_data(window: MainWindow, **changes: object) -> None:
    settings = window.document.design.training
    assert settings.data is not None
    data = replace(settings.data, options=dict(SMALL))
    window.document.set_training(settings.replace(data=data, device="cpu", batch_size=16,
                                                  **changes))


def wait_idle(qtbot: QtBot, window: MainWindow, timeout: int = 90_000) -> None:
    qtbot.waitUntil(lambda: not window.controller.running, timeout=timeout)


def test_open_train_watch_pause_stop_try_save_reopen_export(qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    window = open_window(qtbot)
    assert window.windowTitle().startswith("Adding problem")
    assert not window.isWindowModified()
    use_small_data(window, epochs=2, capture_every=2)

    window.train()
    assert window.document.locked
    assert "locked" in window.lock_label.text()
    wait_idle(qtbot, window)
    assert not window.document.locked
    run = window.plots.live
    assert run is not None and run.status == "completed"
    steps, loss = run.series.curve("smoothed")
    assert len(steps) == len(loss) == 8  # 2 epochs x 64 / 16
    assert len(run.series.curve("norm")[1]) == 8
    assert run.series.heatmap_rows("lstm", 0)
    assert "2 epochs" not in window.progress.format() and "steps" in window.progress.format()

    # a longer run: pause holds it, resume continues, stop ends it
    use_small_data(window, epochs=200)
    window.train()
    qtbot.waitUntil(lambda: window.plots.live is not None and window.plots.live is not run
                    and len(window.plots.live.series.curve("smoothed")[0]) > 2,
                    timeout=60_000)
    window.toggle_pause()
    qtbot.waitUntil(lambda: window.controller.state == "paused", timeout=5_000)
    qtbot.wait(300)
    held = len(window.plots.live.series.curve("smoothed")[0])
    qtbot.wait(400)
    assert len(window.plots.live.series.curve("smoothed")[0]) == held
    window.toggle_pause()
    qtbot.waitUntil(lambda: len(window.plots.live.series.curve("smoothed")[0]) > held,
                    timeout=30_000)
    window.stop()
    wait_idle(qtbot, window)
    assert window.plots.live.status == "stopped"

    # try it: the panel got the trained weights
    assert window.trained is not None
    model, design, _spec = window.trained
    assert window.tryit.isEnabled()
    assert window.tryit.example_combo.count() == SMALL["valid_size"]

    # save, reopen: the same design
    path = tmp_path / "adding.json"
    assert window.files._write(path)
    assert "adding.json" in window.windowTitle()
    before = window.document.design.to_json()
    assert window.files.open_path(path, confirmed=True)
    assert window.document.design.to_json() == before == load(path).to_json()

    # export, and load the export where the program is not installed
    dialog = ExportDialog(model, design, None, tmp_path, window)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "adding.pt"))
    assert dialog.export(), dialog.status.text()
    code = ("import torch, sys\n"
            "m = torch.jit.load(sys.argv[1])\n"
            "print(tuple(m({'pairs': torch.zeros(3, 7, 2)})['sum'].shape))\n")
    result = subprocess.run([sys.executable, "-I", "-c", code, str(tmp_path / "adding.pt")],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(3, 1)"


def test_a_nan_run_ends_with_a_message_and_the_window_stays_usable(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    design = window.document.design
    doc = window.document
    doc.design.remove_block("lstm")
    doc.design.add_block("rnn", {"hidden_size": 32, "nonlinearity": "relu"}, block_id="lstm")
    doc.design.add_wire("pairs.out", "lstm.input")
    doc.design.add_wire("lstm.last", "sum.input")
    use_small_data(window, epochs=20, learning_rate=10.0, optimizer="sgd", momentum=0.0,
                   clip="none")
    window.train()
    wait_idle(qtbot, window)
    assert window.plots.live.status == "failed"
    assert "clipping" in window.statusBar().currentMessage()
    assert "failed at step" in window.progress.format()
    assert window.act_train.isEnabled() and not window.document.locked
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "learning rate" in boxes[0].text()
    assert design is window.document.design


def test_closing_during_training_stops_the_worker_cleanly(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    use_small_data(window, epochs=500)
    window.train()
    qtbot.waitUntil(lambda: window.controller.state == "running", timeout=10_000)
    qtbot.wait(200)
    before = threading.active_count()
    window.close()
    assert not window.controller.running
    assert threading.active_count() <= before


RECOVERY_CHILD = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
QCoreApplication.setOrganizationName("RecurrenteTests")
QCoreApplication.setApplicationName("RecurrenteTests")
app = QApplication([])
from app.window import MainWindow
window = MainWindow()
window.files.open_example("adding", confirmed=True)
window.document.design.set_param("lstm", "hidden_size", 48)
window.document.design.move_block("sum", 777.0, 55.0)
window.files.on_modified_changed(True)
window.files.autosaver.save_now()
print("saved", flush=True)
time.sleep(600)
"""


def test_after_a_kill_the_next_start_offers_the_autosaved_design(
        qtbot: QtBot, isolated_settings: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    child = subprocess.Popen([sys.executable, "-c", RECOVERY_CHILD], stdout=subprocess.PIPE,
                             env=env)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"saved"
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    files = list(isolated_settings.glob("*.json"))
    assert len(files) == 1
    expected = json.loads(files[0].read_text())["design"]

    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.files.offer_recovery()
    assert window.document.design.to_json() == expected
    assert window.document.design.blocks["lstm"].params["hidden_size"] == 48
    assert window.isWindowModified()
    assert not list(isolated_settings.glob("*.json"))  # offered once
