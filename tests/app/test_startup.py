"""Start-up: the window shows without PyTorch, and the training panels follow it."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.preload import Preloader, load_torch_libraries
from app.window import MainWindow
from app.worker import TrainingController

ROOT = Path(__file__).resolve().parents[2]
SMALL = {"length": 10, "train_size": 64, "valid_size": 16, "test_size": 4}


def test_the_window_shows_a_design_without_importing_torch(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import designer\n"
        "app = QApplication([])\n"
        "from app.preload import Preloader\n"
        "from app.window import MainWindow\n"
        "window = MainWindow(preloader=Preloader())\n"
        "window.show()\n"
        "assert window.files.open_example('agreement', confirmed=True)\n"
        "app.processEvents()\n"
        "heavy = sorted(m for m in ('torch', 'pyqtgraph') if m in sys.modules)\n"
        "print('HEAVY', heavy, window.training_ready)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path), RECURRENTE_RECOVERY_DIR=str(tmp_path / "r"))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "HEAVY [] False" in result.stdout


def test_docks_say_loading_until_the_preloader_is_ready(qtbot: QtBot) -> None:
    preloader = Preloader()
    window = MainWindow(preloader=preloader)
    qtbot.addWidget(window)
    window.files.confirm_discard = lambda: True
    window.show()
    assert window.files.open_example("adding", confirmed=True)
    settings = window.document.design.training
    window.document.set_training(settings.replace(
        device="cpu", epochs=1, data=replace(settings.data, options=dict(SMALL))))
    assert not window.training_ready and window.training_panel is None
    note = window.docks["training"].widget()
    assert isinstance(note, QLabel) and "Loading PyTorch" in note.text()
    window.train()  # pressed early: remembered, not lost
    assert "Loading PyTorch" in window.statusBar().currentMessage()

    with qtbot.waitSignal(preloader.ready, timeout=60_000):
        preloader.start()
    qtbot.waitUntil(lambda: window.training_ready, timeout=5_000)
    assert window.docks["training"].widget() is window.training_panel
    assert window.docks["plots"].widget() is window.plots
    assert isinstance(window.controller, TrainingController)
    # the early Train started a run once the panels were there
    assert len(window.controller.runs) == 1
    window.stop()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=60_000)
    # the try-it panel is built when it is first needed
    window.docks["tryit"].raise_()
    qtbot.waitUntil(lambda: window.tryit is not None, timeout=5_000)
    assert window.docks["tryit"].widget() is window.tryit
    assert preloader.wait(60)
    window.close()


def test_a_failed_import_leaves_an_editable_window_that_says_why(qtbot: QtBot) -> None:
    preloader = Preloader(modules=("recurrente_no_such_module",))
    window = MainWindow(preloader=preloader)
    qtbot.addWidget(window)
    window.files.confirm_discard = lambda: True
    window.show()
    collecting = gc.isenabled()
    with qtbot.waitSignal(preloader.failed, timeout=10_000) as blocker:
        preloader.start()
    assert "recurrente_no_such_module" in blocker.args[0]
    qtbot.waitUntil(lambda: not window.act_train.isEnabled(), timeout=5_000)
    assert "PyTorch" in window.docks["plots"].widget().text()
    assert gc.isenabled() == collecting  # the preloader gave collection back
    assert window.files.open_example("adding", confirmed=True)  # still editable
    window.close()


def test_torch_libraries_load_without_python() -> None:
    # They are loaded already in this process: dlopen hands back the same handles.
    assert load_torch_libraries() >= (2 if sys.platform.startswith("linux") else 0)
