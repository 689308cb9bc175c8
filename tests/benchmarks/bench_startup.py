"""Cold start: how long until the window is usable, and until training can start?

    python tests/benchmarks/bench_startup.py [--repeats 5] [--platform offscreen]

Each repetition starts a fresh interpreter running the real start-up path
(``app.__main__.run_gui``: first start, fresh settings, the example gallery opening over
the adding example) and measures, from the moment the process is spawned:

- **usable**: the window is shown with its design on the canvas and the event loop turns;
- **trainable**: PyTorch and the training panels are loaded (the Data & training, plots
  and try-it docks are built; Train starts a run at once).

Between the two, a 5 ms QTimer probe on the GUI thread records event-loop stalls while
the imports run on the preloader's thread (p99 and max of the gaps). For reference the
same run times a bare ``python -c "import torch"``, the floor an eager start-up pays on
top of everything else. Medians over the repetitions; the machine's load is printed
because other work on it changes every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, sys, time
from PySide6.QtCore import QTimer
from app.__main__ import run_gui

gaps, state = [], {}

def tick():
    now = time.perf_counter()
    gaps.append(now - state["last"])
    state["last"] = now

def on_stage(stage, window):
    print(json.dumps({"stage": stage}), flush=True)
    if stage == "usable":
        state["last"] = time.perf_counter()
        state["timer"] = timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(5)
    else:
        state["ready"] = window.training_ready
        QTimer.singleShot(300, finish)

def finish():
    state["timer"].stop()
    gaps.sort()
    p99 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))] if gaps else 0.0
    print(json.dumps({"stage": "done", "p99": p99, "max": gaps[-1] if gaps else 0.0,
                      "built": state["ready"]}), flush=True)
    from PySide6.QtWidgets import QApplication
    for widget in QApplication.topLevelWidgets():
        widget.hide()
    QApplication.instance().exit(0)

sys.exit(run_gui(on_stage=on_stage))
"""


def one_start(env: dict[str, str]) -> dict[str, float]:
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", CHILD], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    marks: dict[str, float] = {}
    assert child.stdout is not None
    for line in child.stdout:
        if not line.startswith("{"):
            continue
        record = json.loads(line)
        marks[record["stage"]] = time.perf_counter() - start
        if record["stage"] == "done":
            marks["p99"] = record["p99"]
            marks["max"] = record["max"]
            if not record["built"]:
                raise RuntimeError("the training panels were not built at 'trainable'")
    child.wait(60)
    if "done" not in marks:
        raise RuntimeError(f"the window did not start (exit status {child.returncode})")
    return marks


def bare_torch(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import torch"], env=env, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    usable, trainable, p99, worst, torch_only = [], [], [], [], []
    for _ in range(args.repeats):
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, QT_QPA_PLATFORM=args.platform, HOME=home,
                       XDG_CONFIG_HOME=home, RECURRENTE_RECOVERY_DIR=str(Path(home, "rec")),
                       PYTHONPATH=str(ROOT))
            marks = one_start(env)
            torch_only.append(bare_torch(env))
        usable.append(marks["usable"])
        trainable.append(marks["trainable"])
        p99.append(marks["p99"])
        worst.append(marks["max"])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Cold start, {args.repeats} fresh processes, Qt platform {args.platform}, "
          f"{os.cpu_count()} CPUs, load {load:.1f}; medians (range)\n")
    rows = [
        ("window usable (design shown, events flowing)", usable, "s", "< 2 s"),
        ("training ready (torch and panels loaded)", trainable, "s", ""),
        ("GUI stall p99 while loading torch", p99, "ms", "< 20 ms"),
        ("GUI stall max while loading torch", worst, "ms", "< 50 ms"),
        ("reference: python -c 'import torch'", torch_only, "s", ""),
    ]
    for label, values, unit, target in rows:
        scale = 1000 if unit == "ms" else 1
        mid = statistics.median(values) * scale
        lo, hi = min(values) * scale, max(values) * scale
        digits = 0 if unit == "ms" else 2
        print(f"{label:<48} {mid:>7.{digits}f} {unit:<2} ({lo:.{digits}f}-{hi:.{digits}f})"
              f"  {target}")


if __name__ == "__main__":
    main()
