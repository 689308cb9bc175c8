"""Training off the GUI thread: a worker on a QThread, and the controller that owns it.

The engine's :class:`~engine.training.trainer.Trainer` is driven in the Lightning manner,
``while not trainer.done: trainer.advance()``, one batch per call. :class:`TrainingWorker`
runs that loop on its own QThread. Everything slow happens there -- building the data set,
checking and compiling the design, every batch -- so the window never waits for training.

The worker never touches a widget. It forwards the engine's events (small frozen
dataclasses of plain numbers) over queued signals. A tiny model reports thousands of steps
a second, and one queued signal per event would drown the GUI thread, so events are
*coalesced*: the worker collects them and emits ``events(list)`` at most every
:data:`FLUSH_SECONDS`, at once for the rare events that matter to a person (run started,
epoch finished, run finished or failed), and whenever it pauses.

Pause, resume and stop are plain thread-safe method calls, made from the GUI thread
directly: the worker's thread is busy in the loop and would never get to run a queued
slot. They set flags checked between batches: stop is the trainer's own ``request_stop``;
a pause holds in the worker's loop after handing over the events so far and a copy of the
weights (``model_ready``, for the try-it panel). A run always ends with exactly one
``finished(event)``, a ``RunFinished`` or a ``RunFailed``, after its last events; a
failure (a NaN loss, a data set that cannot be built, a bug) also emits ``failed(str)``
with a readable message, and an unexpected exception is logged with its traceback.

:class:`TrainingController` owns the QThread lifecycle: one run at a time, the session's
:class:`~app.runs.Run` records, and :meth:`TrainingController.shutdown` for the main
window's ``closeEvent``, which stops the run and joins the thread.
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import threading
import time
from typing import Any

import torch
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from app.runs import Run, RunStore, describe_run
from app.turns import wait_for_gui
from engine.data.base import SequenceData
from engine.design import Design
from engine.errors import RecurrenteError
from engine.training.events import RunFailed, RunFinished
from engine.training.settings import DataSettings, TrainingSettings

log = logging.getLogger(__name__)

FLUSH_SECONDS = 0.1  # each batch wakes the GUI thread, which then holds the GIL
_warm = False
_MILESTONES = frozenset({"run_started", "epoch_finished", "run_finished", "run_failed"})


def default_threads() -> int:
    """Torch threads for training: every core but one, which the GUI thread keeps."""
    return max(1, (os.cpu_count() or 2) - 1)


def warm_up() -> None:
    """Prepare the process for training beside a window; the controller calls this.

    Import, on the calling (GUI) thread, what a first run would import lazily: building
    torch's first optimiser imports ``torch._dynamo``, seconds of imports that hold the GIL
    for up to 0.8 s at a time and froze the window when they ran on the worker thread.
    Then move the ~300,000 objects of those imports out of the garbage collector's sight
    (``gc.freeze``): a full collection over them took 0.5 s here, holding the GIL, so
    both threads stopped whenever training's allocations triggered one. Once per process.
    """
    global _warm
    if _warm:
        return
    for name in ("torch._dynamo", "engine.training.trainer", "engine.data.load",
                 "engine.data.builtin"):
        importlib.import_module(name)
    gc.freeze()
    _warm = True


_collector: object | None = None


def collect_garbage_on_gui_thread() -> None:
    """Run Python's cyclic garbage collector only on the GUI thread, from a timer.

    A collection triggered on the training thread (any allocation can trigger one) may
    free the last Python reference to a Qt widget of a closed window; shiboken then
    destroys the widget on that thread, whose QObject destructor waits for a Qt lock
    while the GUI thread, itself destroying widgets, waits for the GIL: a deadlock seen
    in the test suite. pyqtgraph's GarbageCollector disables automatic collection and
    collects from a QTimer on the thread that creates it. Once per process, GUI thread.
    """
    global _collector
    if _collector is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector

        _collector = GarbageCollector(interval=1.0)


def cpu_state(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    """A CPU copy of a model's weights, safe to hand to another thread."""
    return {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}


class TrainingWorker(QObject):
    """Builds the data set and the trainer, then trains, all on the thread it lives on.

    Signals
    -------
    events(list):
        Every engine event, in order, in batches (see the module docstring).
    event(object):
        Each milestone event (RunStarted, EpochFinished, RunFinished, RunFailed) alone,
        also contained in ``events``; for status lines that ignore steps.
    failed(str):
        A readable message when the run cannot be built or fails.
    finished(object):
        The final RunFinished or RunFailed, once, last.
    model_ready(object):
        A CPU ``state_dict`` copy of the weights, on pause and at the end.
    held():
        The run now holds for a pause; every event before it has been sent.
    data_ready(object):
        The SequenceData the run trains on, once built (for the try-it panel's examples).
    """

    events = Signal(list)
    event = Signal(object)
    failed = Signal(str)
    finished = Signal(object)
    model_ready = Signal(object)
    held = Signal()
    data_ready = Signal(object)

    def __init__(self, design: Design, settings: TrainingSettings,
                 data: DataSettings | SequenceData | None, *, threads: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._design = design
        self._settings = settings
        self._data = data
        self._threads = threads
        self._trainer: Any = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._pause = threading.Event()
        self._pending: list[Any] = []
        self._last_flush = 0.0
        self.ended = threading.Event()  # set just before ``finished`` is emitted

    # --- control from any thread ----------------------------------------------------------

    def pause(self) -> None:
        """Hold before the next batch (thread-safe)."""
        self._pause.set()

    def resume(self) -> None:
        """Go on after :meth:`pause` (thread-safe)."""
        self._pause.clear()

    def stop(self) -> None:
        """End the run after the current batch, or right after it is built (thread-safe)."""
        with self._lock:
            self._stop.set()
            if self._trainer is not None:
                self._trainer.request_stop()

    @property
    def paused(self) -> bool:
        return self._pause.is_set()

    # --- the loop, on the worker thread ---------------------------------------------------

    @Slot()
    def start(self) -> None:
        """Build the data set and the trainer, then train to the end."""
        from engine.training.trainer import Trainer

        if self._threads:
            torch.set_num_threads(self._threads)
        try:
            data = self._data
            if data is None:
                raise RecurrenteError("the design names no data set: choose a built-in data "
                                      "set or a data file")
            if isinstance(data, DataSettings):
                from engine.data.load import load_data

                data = load_data(data)
            trainer = Trainer(self._design, data, self._settings, listeners=[self._collect])
            self.data_ready.emit(trainer.data)
        except Exception as exc:
            self._end_failed(exc, 0)
            return
        with self._lock:
            self._trainer = trainer
            if self._stop.is_set():
                trainer.request_stop()
        try:
            while not trainer.done:
                if self._pause.is_set() and not self._stop.is_set():
                    self._hold(trainer)
                wait_for_gui()
                trainer.advance()
                if time.perf_counter() - self._last_flush >= FLUSH_SECONDS:
                    self._flush()
        except Exception as exc:
            self._end_failed(exc, trainer.progress.step + 1, trainer)
            return
        result = trainer.result
        self._flush()
        self.model_ready.emit(cpu_state(trainer.model))
        if isinstance(result, RunFailed):
            self.failed.emit(result.message)
        self.ended.set()
        self.finished.emit(result)

    def _collect(self, event: Any) -> None:
        self._pending.append(event)
        if event.name in _MILESTONES:
            self.event.emit(event)
            self._flush()

    def _flush(self) -> None:
        self._last_flush = time.perf_counter()
        if self._pending:
            batch, self._pending = self._pending, []
            self.events.emit(batch)

    def _hold(self, trainer: Any) -> None:
        """Paused: hand over what was collected and the weights, then wait."""
        self._flush()
        self.model_ready.emit(cpu_state(trainer.model))
        self.held.emit()
        while self._pause.is_set() and not self._stop.is_set():
            self._stop.wait(0.02)

    def _end_failed(self, exc: Exception, step: int, trainer: Any = None) -> None:
        if isinstance(exc, RecurrenteError):
            message = str(exc)
        else:
            log.error("training failed unexpectedly", exc_info=exc)
            message = f"{type(exc).__name__}: {exc}"
        event = RunFailed(message, step)
        self._pending.append(event)
        self._flush()
        if trainer is not None:
            self.model_ready.emit(cpu_state(trainer.model))
        self.failed.emit(message)
        self.ended.set()
        self.finished.emit(event)


class TrainingController(QObject):
    """Starts runs on a fresh thread each, forwards the worker's signals, joins cleanly.

    ``threads`` is torch's intra-op thread count (a process-wide setting) that each run
    sets when it starts; by default every core but one.

    Signals
    -------
    run_started(object):
        The new :class:`~app.runs.Run` record, before any of its events.
    events(list), event(object), failed(str), model_ready(object):
        Forwarded from the worker (see :class:`TrainingWorker`).
    finished(object):
        The final event; the thread is finished (or finishing) when it arrives.
    state_changed(str):
        "running", "paused" (once the run holds, after its last events) or "idle".
    """

    run_started = Signal(object)
    events = Signal(list)
    event = Signal(object)
    failed = Signal(str)
    finished = Signal(object)
    model_ready = Signal(object)
    data_ready = Signal(object)
    state_changed = Signal(str)

    def __init__(self, runs: RunStore | None = None, *, threads: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runs = runs if runs is not None else RunStore()
        self.threads = default_threads() if threads is None else threads
        collect_garbage_on_gui_thread()
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._run: Run | None = None
        self._state = "idle"

    @property
    def running(self) -> bool:
        """Whether a run's thread is alive (training, paused or winding down)."""
        return self._thread is not None

    @property
    def state(self) -> str:
        return self._state

    @property
    def current_run(self) -> Run | None:
        return self._run

    def start(self, design: Design, settings: TrainingSettings | None = None,
              data: DataSettings | SequenceData | None = None, *, name: str = "") -> Run:
        """Train a copy of ``design``; ``data`` defaults to the settings' data set.

        Raises RuntimeError while another run is alive (stop it and wait for ``finished``).
        """
        warm_up()  # first run only: a pause on Train rather than on every start-up
        if self._thread is not None:
            raise RuntimeError("a run is already in progress")
        design = design.copy()
        settings = settings or design.training
        if data is None:
            data = settings.data or design.training.data
        run = self.runs.new(name or describe_run(design, data), settings.to_json(),
                            {b.id: b.name for b in design})
        worker = TrainingWorker(design, settings, data, threads=self.threads)
        thread = QThread()
        thread.setObjectName(f"training run {run.id}")
        worker.moveToThread(thread)
        thread.started.connect(worker.start)
        # Direct: quit from the worker thread itself, so that a GUI thread blocked in
        # shutdown()'s wait() is not needed to deliver it.
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        worker.events.connect(self.events)
        worker.event.connect(self.event)
        worker.failed.connect(self.failed)
        worker.model_ready.connect(self.model_ready)
        worker.data_ready.connect(self.data_ready)
        worker.finished.connect(self._on_worker_finished)
        worker.held.connect(self._on_worker_held)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker, self._run = thread, worker, run
        self.run_started.emit(run)
        thread.start()
        self._set_state("running")
        return run

    def pause(self) -> None:
        """Hold before the next batch; ``state_changed("paused")`` follows once it holds."""
        if self._worker is not None:
            self._worker.pause()

    def resume(self) -> None:
        if self._worker is not None:
            self._worker.resume()
            self._set_state("running")

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()

    def shutdown(self, timeout: float = 5.0) -> bool:
        """Stop the run and join its thread; False if it did not end within ``timeout`` s.

        Safe to call from ``closeEvent`` and when no run is alive.
        """
        thread = self._thread
        if thread is None:
            return True
        self.stop()
        if not thread.wait(max(1, int(timeout * 1000))):
            log.warning("the training thread did not stop within %.1f s", timeout)
            return False
        # Deliver, now and in order, what the worker sent before it ended (its last events,
        # model_ready, finished, the thread's finished): nothing stale reaches a next run.
        QCoreApplication.sendPostedEvents(self)
        if self._thread is thread:
            self._release()
        return True

    @Slot(object)
    def _on_worker_finished(self, result: RunFinished | RunFailed) -> None:
        if self._run is not None:  # the same facts Run.record takes from the events
            self._run.record([result])
        self.finished.emit(result)

    @Slot()
    def _on_worker_held(self) -> None:
        if self._worker is not None and self._worker.paused:  # not resumed meanwhile
            self._set_state("paused")

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._worker is not None and self._worker.ended.is_set():
            self._release()

    def _release(self) -> None:
        """Join the finished thread and drop it and its worker (Python owns both)."""
        thread = self._thread
        if thread is not None:
            thread.wait()  # "finished" is emitted just before the thread ends
        self._thread = self._worker = None
        self._set_state("idle")

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)
