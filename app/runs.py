"""The runs of a session: what one training run said, kept so that runs can be compared.

A :class:`Run` is one press of *Train*: an id that is stable for the session, a name a
student recognises ("LSTM 64 on adding (T=50)"), the settings it ran with, and its
:class:`RunSeries` -- every number the engine's events carried, appended to growable
numpy buffers as the events arrive:

* per optimiser step: the training loss and its exponential moving average (debiased, so
  the first steps are not dragged towards zero), the global gradient norm before and
  after clipping, whether clipping fired, and the norm of each block and of each named
  matrix ("lstm: W_f");
* per epoch: training and validation loss and metric;
* every K steps: ||dL/dh(t)|| for every time step of every recurrent block and layer,
  the rows of the "gradients through time" heatmap.

Nothing here imports Qt: the plots read these buffers (a view of the first ``n`` values,
never a copy per event), and the same records can be written to CSV or compared later.
A :class:`RunStore` holds the session's runs in order of creation.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from engine.catalogue import RECURRENT_KINDS, recurrent_config
from engine.data.base import SequenceData
from engine.design import Design
from engine.training.settings import DataSettings

EMA_DECAY = 0.95  # about 20 steps of memory
DECADES = 12.0  # the heatmap's colours span at most this many powers of ten
QUANTITIES = {  # what runs can be compared by: quantity -> (x buffer, y buffer)
    "smoothed": ("step", "smoothed"), "loss": ("step", "loss"),
    "valid_loss": ("epoch_step", "valid_loss"), "norm": ("grad_step", "norm"),
    "clipped_norm": ("grad_step", "clipped_norm"),
    "train_metric": ("epoch", "train_metric"), "valid_metric": ("epoch", "valid_metric"),
}


class Buffer:
    """A float array that grows by doubling; :meth:`view` is the filled part (no copy)."""

    def __init__(self, capacity: int = 256) -> None:
        self._data = np.empty(capacity, dtype=np.float64)
        self._size = 0

    def append(self, value: float) -> None:
        if self._size == len(self._data):
            self._data = np.resize(self._data, 2 * len(self._data))
        self._data[self._size] = value
        self._size += 1

    def view(self) -> np.ndarray:
        return self._data[: self._size]

    def __len__(self) -> int:
        return self._size


@dataclass
class RunSeries:
    """Every number a run reported, by kind (see the module docstring)."""

    step: Buffer = field(default_factory=Buffer)
    loss: Buffer = field(default_factory=Buffer)
    smoothed: Buffer = field(default_factory=Buffer)
    grad_step: Buffer = field(default_factory=Buffer)
    norm: Buffer = field(default_factory=Buffer)
    clipped_norm: Buffer = field(default_factory=Buffer)
    clipped: Buffer = field(default_factory=Buffer)  # 1.0 where clipping fired
    blocks: dict[str, Buffer] = field(default_factory=dict)
    matrices: dict[str, Buffer] = field(default_factory=dict)
    threshold: float = 0.0
    metric: str = ""
    epoch: Buffer = field(default_factory=Buffer)
    epoch_step: Buffer = field(default_factory=Buffer)
    train_loss: Buffer = field(default_factory=Buffer)
    valid_loss: Buffer = field(default_factory=Buffer)
    train_metric: Buffer = field(default_factory=Buffer)
    valid_metric: Buffer = field(default_factory=Buffer)
    time_step: list[int] = field(default_factory=list)
    time_norms: dict[tuple[str, int], list[np.ndarray]] = field(default_factory=dict)
    _ema: float = 0.0

    def add_step(self, step: int, loss: float) -> None:
        self._ema = EMA_DECAY * self._ema + (1 - EMA_DECAY) * loss
        self.step.append(step)
        self.loss.append(loss)
        self.smoothed.append(self._ema / (1 - EMA_DECAY ** (len(self.step))))

    def add_gradients(self, event: Any) -> None:
        self.grad_step.append(event.step)
        self.norm.append(event.norm)
        self.clipped_norm.append(event.clipped_norm)
        self.clipped.append(1.0 if event.clipped else 0.0)
        self.threshold = event.threshold
        _append_named(self.blocks, event.blocks, len(self.grad_step))
        _append_named(self.matrices, event.matrices, len(self.grad_step))

    def add_time_gradients(self, event: Any) -> None:
        self.time_step.append(event.step)
        for block, layers in event.norms.items():
            for layer, norms in enumerate(layers):
                rows = self.time_norms.setdefault((block, layer), [])
                while len(rows) < len(self.time_step) - 1:  # a capture that missed it
                    rows.append(np.empty(0))
                rows.append(np.asarray(norms, dtype=np.float64))

    def add_epoch(self, event: Any) -> None:
        self.metric = event.metric
        for buffer, value in ((self.epoch, event.epoch), (self.epoch_step, event.step),
                              (self.train_loss, event.train_loss),
                              (self.valid_loss, event.valid_loss),
                              (self.train_metric, event.train_metric),
                              (self.valid_metric, event.valid_metric)):
            buffer.append(value)

    def heatmap(self, block: str, layer: int) -> tuple[np.ndarray, np.ndarray]:
        """(training steps captured, matrix of ||dL/dh(t)||) with shape (captures, T).

        Rows shorter than the longest (sequences of other lengths) are padded with NaN.
        """
        rows = self.time_norms.get((block, layer), [])
        steps = np.asarray(self.time_step[: len(rows)], dtype=np.float64)
        width = max((len(r) for r in rows), default=0)
        image = np.full((len(rows), width), np.nan)
        for i, row in enumerate(rows):
            image[i, : len(row)] = row
        return steps, image

    def heatmap_rows(self, block: str, layer: int) -> list[tuple[str, float, float]]:
        """("step N", t, ||dL/dh(t)||) for every captured step and time step (t from 1)."""
        steps, image = self.heatmap(block, layer)
        return [(f"step {int(step)}", float(t + 1), float(value))
                for step, row in zip(steps, image, strict=True)
                for t, value in enumerate(row) if np.isfinite(value)]

    def curve(self, quantity: str) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) of a quantity named in :data:`QUANTITIES`."""
        x_name, y_name = QUANTITIES[quantity]
        return getattr(self, x_name).view(), getattr(self, y_name).view()


def log_image(norms: np.ndarray) -> tuple[np.ndarray, tuple[float, float]]:
    """log10 of ``norms`` for an image, and its (low, high) levels.

    The levels span at most :data:`DECADES` decades below the largest value; zeros, NaN
    and values below that are drawn at the low level.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        image = np.where(norms > 0, np.log10(norms), np.nan)
    finite = image[np.isfinite(image)]
    high = float(finite.max()) if finite.size else 0.0
    low = max(float(finite.min()) if finite.size else high - 1.0, high - DECADES)
    low = min(low, high - 1.0)
    return np.clip(np.nan_to_num(image, nan=low), low, high), (low, high)


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _append_named(buffers: dict[str, Buffer], values: dict[str, float], count: int) -> None:
    for name, value in values.items():
        buffer = buffers.get(name)
        if buffer is None:
            buffer = buffers[name] = Buffer()
        while len(buffer) < count - 1:  # first seen late: align with the steps before
            buffer.append(math.nan)
        buffer.append(value)
    for name, buffer in buffers.items():
        if name not in values:
            buffer.append(math.nan)


@dataclass
class Run:
    """One training run of the session."""

    id: int
    name: str
    settings: dict[str, Any] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # block id -> block name
    status: str = "waiting"  # running, completed, stopped, early stopping, failed
    message: str = ""
    series: RunSeries = field(default_factory=RunSeries)
    planned: tuple[int, int] = (0, 0)  # (epochs, steps) the run set out to train

    def record(self, events: Iterable[Any]) -> None:
        """Append what ``events`` (engine training events) carry to the series."""
        series = self.series
        for event in events:
            name = event.name
            if name == "step_finished":
                series.add_step(event.step, event.loss)
            elif name == "gradients_measured":
                series.add_gradients(event)
            elif name == "time_gradients":
                series.add_time_gradients(event)
            elif name == "epoch_finished":
                series.add_epoch(event)
            elif name == "run_started":
                self.status = "running"
                series.metric = event.metric
                self.planned = (event.epochs, event.epochs * event.steps_per_epoch)
            elif name == "run_finished":
                self.status = event.reason
            elif name == "run_failed":
                self.status, self.message = "failed", event.message

    def label(self, block: str) -> str:
        return self.labels.get(block, block)


class RunStore:
    """The session's runs, oldest first, with ids that are never reused."""

    def __init__(self) -> None:
        self._runs: list[Run] = []
        self._next = 1

    def new(self, name: str = "", settings: dict[str, Any] | None = None,
            labels: dict[str, str] | None = None) -> Run:
        run = Run(self._next, name or f"Run {self._next}", dict(settings or {}),
                  dict(labels or {}))
        self._next += 1
        self._runs.append(run)
        return run

    def add(self, run: Run) -> None:
        if run not in self._runs:
            self._runs.append(run)
            self._next = max(self._next, run.id + 1)

    def get(self, run_id: int) -> Run | None:
        return next((r for r in self._runs if r.id == run_id), None)

    def remove(self, run_id: int) -> None:
        self._runs = [r for r in self._runs if r.id != run_id]

    def __iter__(self) -> Iterator[Run]:
        return iter(list(self._runs))

    def __len__(self) -> int:
        return len(self._runs)


def describe_network(design: Design) -> str:
    """"LSTM 64", "2x GRU 32 + LSTM 16", "ReLU RNN 8", "BiLSTM 64": the recurrent blocks."""
    parts = []
    for block in design:
        if block.kind not in RECURRENT_KINDS:
            continue
        try:
            config = recurrent_config(block.kind, block.params)
        except (KeyError, TypeError, ValueError):
            parts.append(block.kind.upper())
            continue
        cell = config["cell"].upper()
        if config["cell"] == "rnn" and config["nonlinearity"] == "relu":
            cell = "ReLU RNN"
        if config["bidirectional"]:
            cell = "Bi" + cell
        layers = f"{config['num_layers']}x " if config["num_layers"] > 1 else ""
        parts.append(f"{layers}{cell} {config['hidden_size']}")
    return " + ".join(parts) or design.name


def describe_data(data: DataSettings | SequenceData | None) -> str:
    """"adding (T=50)", a file name, or a loaded data set's own name."""
    if data is None:
        return "?"
    if isinstance(data, SequenceData):
        return data.spec.name
    if data.source != "builtin":
        return Path(data.path).name
    from engine.data.builtin import BUILTINS

    options = dict(data.options)
    known = BUILTINS.get(data.name)
    if known is not None and "length" not in options:
        options["length"] = known.defaults().get("length")
    length = options.get("length")
    return f"{data.name} (T={length})" if length is not None else data.name


def describe_run(design: Design, data: DataSettings | SequenceData | None) -> str:
    """A run's name: "LSTM 64 on adding (T=50)"."""
    return f"{describe_network(design)} on {describe_data(data)}"
