"""Benchmark: does training on the worker thread keep the window responsive, and at what cost?

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_gui_training.py [--repeats 5]

For each model it trains the same run (same design, data, seed, torch thread count)
several ways, ``--repeats`` times each, and reports medians:

- headless: ``Trainer.fit`` on the main thread, nothing else running;
- worker: on the training thread, nothing listening;
- worker + plots: as in the window, the plots panel drawing the run (the app's figure);
- worker + plots + probe: the same with a 5 ms QTimer probe on the GUI thread, whose gaps
  are the event-loop stalls (p99 and max); its wake-ups take the GIL 200 times a second,
  a cost of the measurement itself, so the throughput figure comes from the way above;
- window on / off: one long worker run in which the plots panel takes in the events and
  draws during every other second, and does neither in between (see :func:`alternating`):
  the window's own cost, measured within one run.

Throughput is the run's optimiser steps over its trainer-measured seconds. Each worker
try is paired with a headless try right beside it (before it in even rounds, after it
in odd ones) and its ratio is against that one: the machine's speed drifts (a 2-core VM
here: +-15% over seconds, the process on the CPU all the while), more than the window
costs, so the ratio is the median of many pairs. The GUI thread's CPU share during the
try is printed too: the training thread waits for the GIL at most while the GUI thread
runs, so that share bounds what the window takes from training.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import torch
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from app.plots import PlotsPanel
from app.worker import TrainingController, TrainingWorker, default_threads, warm_up
from engine.data.load import load_data
from engine.design import Design
from engine.examples import load_example
from engine.training.settings import DataSettings, TrainingSettings
from engine.training.trainer import Trainer


@dataclass
class Case:
    label: str
    design: Design
    settings: TrainingSettings
    data: DataSettings


def tiny_rnn() -> Design:
    design = Design("tiny")
    design.add_block("input", {"size": 2}, block_id="x")
    design.add_block("rnn", {"hidden_size": 8}, block_id="r")
    design.add_block("output", {"size": 1, "activation": "identity"}, block_id="y")
    design.add_wire("x.out", "r.input")
    design.add_wire("r.last", "y.input")
    return design


def cases() -> list[Case]:
    lstm = load_example("adding")
    return [
        Case("RNN 8, adding T=10, batch 4 (event storm)", tiny_rnn(),
             TrainingSettings(epochs=1, batch_size=4, device="cpu", capture_every=10),
             DataSettings("builtin", "adding", options={"length": 10, "train_size": 4800})),
        Case("LSTM 64, adding T=50, batch 32 (example)", lstm,
             lstm.training.replace(epochs=1, device="cpu"),
             DataSettings("builtin", "adding", options={"length": 50, "train_size": 9600})),
    ]


def headless(case: Case) -> float:
    trainer = Trainer(case.design.copy(), load_data(case.data), case.settings,
                      listeners=[lambda event: None])
    result = trainer.fit()
    return result.steps / result.seconds


def on_worker(case: Case, threads: int, panel: PlotsPanel | None, probing: bool = True
              ) -> tuple[float, float, float, int, int, float]:
    """(steps/s, stall p99 ms, stall max ms, events, event batches, GUI thread's CPU share);
    NaN stalls unprobed."""
    controller = TrainingController(panel.runs if panel else None, threads=threads)
    ticks: list[float] = []
    counts = [0, 0]

    def count(events: list) -> None:
        counts[0] += len(events)
        counts[1] += 1

    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    results: list = []
    controller.events.connect(count)
    controller.finished.connect(results.append)
    controller.finished.connect(loop.quit)
    if panel is not None:
        controller.run_started.connect(panel.begin_run)
        controller.events.connect(panel.add_events)
    ticks.append(time.perf_counter())
    cpu = time.thread_time()
    if probing:
        probe.start()
    controller.start(case.design, case.settings, case.data)
    loop.exec()
    share = (time.thread_time() - cpu) / (time.perf_counter() - ticks[0])
    probe.stop()
    controller.shutdown(10.0)
    gaps = np.diff(ticks) * 1000 if len(ticks) > 1 else np.array([math.nan])
    result = results[0]
    return (result.steps / result.seconds, float(np.percentile(gaps, 99)), float(gaps.max()),
            counts[0], counts[1], share)


def alternating(case: Case, threads: int, panel: PlotsPanel, phase: float,
                longer: int) -> tuple[float, float, float, int]:
    """One long worker run whose window work is switched on and off every ``phase``
    seconds: in "on" phases the plots panel takes in the events and draws, in "off" ones
    it does neither. Steps are time-stamped on the training thread; each "on" phase's
    rate is compared with the mean of the "off" phases on either side, which tracks the
    machine's drift far better than separate runs. Returns (median, lower and upper
    quartile of those ratios, how many)."""
    stamps: list[float] = []
    collect = TrainingWorker._collect

    def stamped(self: TrainingWorker, event: object) -> None:
        if event.name == "step_finished":  # type: ignore[attr-defined]
            stamps.append(time.perf_counter())
        collect(self, event)

    TrainingWorker._collect = stamped  # type: ignore[method-assign]
    options = {**case.data.options, "train_size": case.data.options["train_size"] * longer}
    controller = TrainingController(panel.runs, threads=threads)
    controller.run_started.connect(panel.begin_run)
    switches: list[float] = []
    on = [True]

    def toggle() -> None:
        switches.append(time.perf_counter())
        on[0] = not on[0]
        if on[0]:
            controller.events.connect(panel.add_events)
            panel.timer.start()
        else:
            controller.events.disconnect(panel.add_events)
            panel.timer.stop()

    loop = QEventLoop()
    controller.finished.connect(loop.quit)
    controller.events.connect(panel.add_events)
    tick = QTimer()
    tick.setInterval(int(phase * 1000))
    tick.timeout.connect(toggle)
    try:
        controller.start(case.design, case.settings, DataSettings(
            case.data.source, case.data.name, options=options))
        switches.append(time.perf_counter())
        tick.start()
        loop.exec()
    finally:
        tick.stop()
        TrainingWorker._collect = collect  # type: ignore[method-assign]
        controller.shutdown(10.0)
        if not on[0]:
            panel.timer.start()
    times = np.array(stamps)
    rates = [((times >= a) & (times < b)).sum() / (b - a)
             for a, b in itertools.pairwise(switches)]
    ratios = [rates[i] / ((rates[i - 1] + rates[i + 1]) / 2)  # "on" phases are the even ones
              for i in range(2, len(rates) - 1, 2)]
    low, mid, high = np.percentile(ratios, [25, 50, 75])
    return float(mid), float(low), float(high), len(ratios)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--phase", type=float, default=1.0,
                        help="seconds per on/off phase of the alternating run")
    parser.add_argument("--threads", type=int, default=default_threads(),
                        help="torch intra-op threads (default: cores - 1)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    torch.set_num_threads(args.threads)
    warm_up()  # what a first run imports lazily, as the window does at start-up
    panel = PlotsPanel()
    panel.resize(1440, 380)  # the window's plots dock
    panel.show()
    panel.build_all()  # in the window, built when the dock is first shown (Train raises it)
    print(f"{os.cpu_count()} cores, torch {torch.__version__}, {args.threads} torch "
          f"thread(s), medians of {args.repeats} tries (max ms: the worst try)\n")
    header = (f"{'run':44} {'way':22} {'steps/s':>8} {'ratio':>6} {'p99 ms':>7} "
              f"{'max ms':>7} {'events':>7} {'batches':>7} {'GUI CPU':>7}")
    print(header)
    print("-" * len(header))
    for case in cases():
        ways = {"worker": (None, False), "worker + plots": (panel, False),
                "worker + plots + probe": (panel, True)}
        bases: list[float] = []
        tries: dict[str, list[tuple[float, float, float, int, int, float]]] = {
            w: [] for w in ways}
        ratios: dict[str, list[float]] = {w: [] for w in ways}
        for repeat in range(args.repeats):
            for way in ways:
                # Each try is paired with a headless one right beside it, in turn before
                # and after: the machine's speed drifts by +-15% over seconds.
                first = headless(case) if repeat % 2 == 0 else None
                tries[way].append(on_worker(case, args.threads, *ways[way]))
                app.processEvents()
                base = first if first is not None else headless(case)
                bases.append(base)
                ratios[way].append(tries[way][-1][0] / base)
        print(f"{case.label:44} {'headless':22} {np.median(bases):8.1f} {1.0:6.2f}")
        for way, results in tries.items():
            rates = np.array([r[0] for r in results])
            p99 = float(np.median([r[1] for r in results]))
            worst = max(r[2] for r in results)
            share = float(np.median([r[5] for r in results]))
            print(f"{'':44} {way:22} {np.median(rates):8.1f} {np.median(ratios[way]):6.2f} "
                  f"{p99:7.1f} {worst:7.1f} {results[-1][3]:7d} {results[-1][4]:7d} "
                  f"{share:7.1%}")
        mid, low, high, count = alternating(case, args.threads, panel, args.phase, 6)
        print(f"{'':44} {'window on / off':22} {'':8} {mid:6.2f}   (quartiles {low:.2f}-"
              f"{high:.2f} over {count} phases of {args.phase:g} s within one run)")

if __name__ == "__main__":
    main()
