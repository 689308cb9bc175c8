"""What a training run tells its listeners: small frozen records of plain numbers.

They cross threads (the window's worker forwards them over queued signals) and
processes (the command line writes them as CSV), so they hold only str, int, float,
bool, and lists and dicts of those: never a tensor.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RunStarted:
    name = "run_started"
    epochs: int
    steps_per_epoch: int
    device: str
    parameters: int
    metric: str
    data: str


@dataclass(frozen=True)
class StepFinished:
    name = "step_finished"
    epoch: int
    step: int  # global optimiser step, from 1
    batch: int  # batch within the epoch, from 1
    loss: float
    seconds: float  # since the run started


@dataclass(frozen=True)
class GradientsMeasured:
    """Gradient norms of one step, before and after clipping."""

    name = "gradients_measured"
    step: int
    norm: float  # global, before clipping
    clipped_norm: float  # global, after clipping
    clipped: bool  # whether clipping changed the gradient
    threshold: float  # 0 when clipping is off
    blocks: dict[str, float] = field(default_factory=dict)
    matrices: dict[str, float] = field(default_factory=dict)  # "block: W_u" -> norm


@dataclass(frozen=True)
class TimeGradients:
    """||dL/dh(t)|| for every step t of every (unidirectional) recurrent block."""

    name = "time_gradients"
    step: int
    norms: dict[str, list[list[float]]]  # block id -> per layer, per time step


@dataclass(frozen=True)
class EpochFinished:
    name = "epoch_finished"
    epoch: int
    step: int
    train_loss: float
    valid_loss: float
    metric: str
    train_metric: float
    valid_metric: float
    seconds: float


@dataclass(frozen=True)
class RunFinished:
    name = "run_finished"
    reason: str  # "completed", "stopped", "early stopping"
    epochs: int
    steps: int
    best_valid_loss: float
    seconds: float


@dataclass(frozen=True)
class RunFailed:
    name = "run_failed"
    message: str
    step: int


TrainingEvent = (RunStarted | StepFinished | GradientsMeasured | TimeGradients | EpochFinished
                 | RunFinished | RunFailed)
