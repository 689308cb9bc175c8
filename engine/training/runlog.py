"""Writing a run to disk: CSV files a spreadsheet opens, and TensorBoard when installed.

``RUN_DIR/epochs.csv``     one row per epoch: losses, metric, time;
``RUN_DIR/steps.csv``      one row per step: loss, gradient norm before/after clipping;
``RUN_DIR/time_gradients.csv``  block, layer, step, then ||dL/dh(t)|| for t = 1..T.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, TextIO

from engine.training.events import (
    EpochFinished,
    GradientsMeasured,
    StepFinished,
    TimeGradients,
    TrainingEvent,
)


class RunLogger:
    """A trainer listener that appends every event to CSV files in ``run_dir``."""

    def __init__(self, run_dir: str | Path) -> None:
        self.dir = Path(run_dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self._files: dict[str, TextIO] = {}
        self._writers: dict[str, Any] = {}
        self._pending_loss: dict[int, tuple[int, float]] = {}
        self._tensorboard = _tensorboard_writer(self.dir / "tensorboard")

    def _row(self, name: str, header: list[str], row: list[Any]) -> None:
        if name not in self._writers:
            handle = open(self.dir / name, "w", newline="", encoding="utf-8")  # noqa: SIM115
            self._files[name] = handle
            self._writers[name] = csv.writer(handle)
            self._writers[name].writerow(header)
        self._writers[name].writerow(row)

    def __call__(self, event: TrainingEvent) -> None:
        if isinstance(event, StepFinished):
            self._pending_loss[event.step] = (event.epoch, event.loss)
            if self._tensorboard is not None:
                self._tensorboard.add_scalar("loss/step", event.loss, event.step)
        elif isinstance(event, GradientsMeasured):
            epoch, loss = self._pending_loss.pop(event.step, (0, float("nan")))
            self._row("steps.csv", ["epoch", "step", "loss", "grad_norm", "grad_norm_clipped",
                                    "clipped"],
                      [epoch, event.step, loss, event.norm, event.clipped_norm,
                       int(event.clipped)])
            if self._tensorboard is not None:
                self._tensorboard.add_scalar("gradient/norm", event.norm, event.step)
        elif isinstance(event, TimeGradients):
            for block, layers in event.norms.items():
                for layer, norms in enumerate(layers, start=1):
                    self._row("time_gradients.csv", ["block", "layer", "step", "norms..."],
                              [block, layer, event.step, *norms])
        elif isinstance(event, EpochFinished):
            self._row("epochs.csv", ["epoch", "step", "train_loss", "valid_loss", "metric",
                                     "train_metric", "valid_metric", "seconds"],
                      [event.epoch, event.step, event.train_loss, event.valid_loss,
                       event.metric, event.train_metric, event.valid_metric, event.seconds])
            if self._tensorboard is not None:
                self._tensorboard.add_scalar("loss/train", event.train_loss, event.epoch)
                self._tensorboard.add_scalar("loss/valid", event.valid_loss, event.epoch)
            self.flush()

    def flush(self) -> None:
        for handle in self._files.values():
            handle.flush()

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()
        self._files.clear()
        self._writers.clear()
        if self._tensorboard is not None:
            self._tensorboard.close()


def _tensorboard_writer(path: Path) -> Any:
    try:
        import tensorboard  # noqa: F401  (SummaryWriter needs it)
        from torch.utils.tensorboard import SummaryWriter
    except ImportError:
        return None
    return SummaryWriter(str(path))
