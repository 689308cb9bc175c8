"""Canvas benchmark: load a 300-block, 400-wire design and repaint it while panning/zooming.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_canvas.py

Targets (the issue's): the design loads into the scene in under 1 s, and a pan or zoom
repaint takes under 16 ms (one frame at 60 Hz). Loading is timed from ``set_design`` to a
scene with every item and its analysis (shape labels, problem marks); a repaint is a
synchronous ``viewport().repaint()`` of a 1400x900 view after one pan or zoom step, with
the whole design in view (the worst case: every card and wire visible) and at 100 %.
Prints a table (mean, median and 95th percentile of 38 frames); exits 1 if the load or
a median repaint misses its target. Not part of the default test run.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from designer.document import DesignDocument
from designer.editor import DesignEditor
from engine.design import Design

GROUPS = 50  # six blocks and eight wires each: 300 blocks, 400 wires
FRAMES = 40


def big_design() -> Design:
    """300 blocks in 50 groups (two recurrent branches joined), 400 wires, all valid."""
    design = Design("benchmark")
    for g in range(GROUPS):
        row, col = divmod(g, 5)
        x0, y0 = col * 1500.0, row * 420.0

        def add(kind: str, name: str, dx: float, dy: float, g: int = g, x0: float = x0,
                y0: float = y0, **params: object) -> str:
            block_id = f"{name}{g}"
            design.add_block(kind, params, block_id=block_id, x=x0 + dx, y=y0 + dy)
            return block_id

        x = add("input", "x", 0, 100, size=8)
        rnn = add("rnn", "rnn", 260, 0, hidden_size=32)
        gru = add("gru", "gru", 260, 200, hidden_size=32)
        cat = add("concat", "cat", 540, 100)
        dense = add("dense", "dense", 800, 100, size=16)
        out = add("output", "y", 1060, 100, size=4)
        for src, dst in ((f"{x}.out", f"{rnn}.input"), (f"{x}.out", f"{gru}.input"),
                         (f"{x}.out", f"{cat}.c"), (f"{rnn}.sequence", f"{cat}.a"),
                         (f"{gru}.sequence", f"{cat}.b"), (f"{rnn}.state", f"{gru}.initial_state"),
                         (f"{cat}.out", f"{dense}.input"), (f"{dense}.out", f"{out}.input")):
            design.add_wire(src, dst)
    return design


def frames(editor: DesignEditor, step: Callable[[int], None]) -> list[float]:
    viewport = editor.view.viewport()
    times = []
    for i in range(FRAMES):
        step(i)
        start = time.perf_counter()
        viewport.repaint()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    app = QApplication.instance() or QApplication([])
    document = DesignDocument()
    editor = DesignEditor(document)
    editor.resize(1400, 900)
    editor.show()
    app.processEvents()
    design = big_design()
    assert len(design.blocks) == 300 and len(design.wires) == 400

    start = time.perf_counter()
    document.set_design(design)
    built = time.perf_counter()
    analysis = document.flush_analysis()
    analysed = time.perf_counter()
    editor.view.fit()
    editor.view.viewport().repaint()
    painted = time.perf_counter()
    assert not analysis.errors, analysis.errors[:3]
    assert len(editor.scene.blocks) == 300 and len(editor.scene.wires) == 400

    view = editor.view
    rows: list[tuple[str, float, float, float]] = []

    def record(name: str, times: list[float]) -> None:
        times = times[2:]  # the first frames fill the item caches
        rows.append((name, statistics.mean(times), statistics.median(times),
                     sorted(times)[int(len(times) * 0.95) - 1]))

    view.fit()
    zoom_fit = view.zoom
    record(f"pan, whole design in view ({zoom_fit:.0%})",
           frames(editor, lambda i: view.pan_by(7 if i % 2 else -7, 5 if i % 2 else -5)))
    record(f"zoom, whole design in view (~{zoom_fit:.0%})",
           frames(editor, lambda i: view.set_zoom(zoom_fit * (1.02 if i % 2 else 1 / 1.02))))
    view.zoom_reset()
    view.centerOn(700, 400)
    record("pan at 100 %", frames(editor, lambda i: view.pan_by(9 if i % 2 else -9, 0)))
    record("zoom around 100 %",
           frames(editor, lambda i: view.set_zoom(1.05 if i % 2 else 1.0)))

    load_ms = (analysed - start) * 1000
    print(f"design: {len(design.blocks)} blocks, {len(design.wires)} wires; view 1400x900; "
          f"platform {app.platformName()}")
    print(f"{'step':44s} {'ms':>9s}")
    print(f"{'build scene (set_design)':44s} {(built - start) * 1000:9.1f}")
    print(f"{'analysis, labels and marks':44s} {(analysed - built) * 1000:9.1f}")
    print(f"{'load total (target < 1000)':44s} {load_ms:9.1f}")
    print(f"{'first paint, fitted':44s} {(painted - analysed) * 1000:9.1f}")
    print(f"\n{'repaint (target < 16 ms)':44s} {'mean':>9s} {'median':>9s} {'p95':>9s}")
    for name, mean, median, p95 in rows:
        print(f"{name:44s} {mean:9.2f} {median:9.2f} {p95:9.2f}")
    # judged on the median: on a shared machine one descheduled frame moves the mean
    ok = load_ms < 1000 and all(median < 16 for _, _, median, _ in rows)
    print("\nall targets met" if ok else "\nTARGET MISSED")
    app.clipboard().clear()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
