"""The training loop.

A :class:`Trainer` is driven in the Lightning manner — ``while not trainer.done:
trainer.advance()`` — one batch per ``advance``, so a caller (the window's worker thread,
the command line, a torchrun process) owns the loop and can stop or pause between
batches: :meth:`Trainer.request_stop`, :meth:`Trainer.pause`, :meth:`Trainer.resume`.

Everything a person watches is emitted as a small event of plain numbers
(:mod:`engine.training.events`) through hook methods that subclasses may override and
that, by default, pass the event to every listener: the loss of each step, the gradient
norm before and after clipping (global, per block and per matrix by the lecture's
names), every K steps dL/dh(t) for each time step of each recurrent block, and the
train/validation loss and metric of each epoch.

A non-finite loss or gradient stops the run with a message naming the step; the step is
not applied, so the weights are the last good ones (if an update itself produced
non-finite weights, the weights of the last finished epoch are restored).

Runs repeat exactly for a seed: the seed fixes the initial weights, every epoch's order
(``seed + epoch``), and dropout; a checkpoint keeps the progress and the random state, so
a stopped run resumed from its checkpoint ends with the same weights as one never
stopped. Under ``torchrun`` the model is wrapped in DistributedDataParallel, each rank
reads its shard through a DistributedSampler, and only rank 0 writes files.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any

import torch
import torch.distributed as dist
from torch import Tensor, nn
from torch.optim.swa_utils import AveragedModel
from torch.utils.data import DataLoader, DistributedSampler, Sampler

from engine.compiler import CompiledModel, compile_design
from engine.data.base import ExampleList, SequenceData, collate
from engine.design import Design
from engine.errors import DesignInvalidError, RecurrenteError
from engine.training import gradients as G
from engine.training.device import resolve_device
from engine.training.events import (
    EpochFinished,
    GradientsMeasured,
    RunFailed,
    RunFinished,
    RunStarted,
    StepFinished,
    TimeGradients,
    TrainingEvent,
)
from engine.training.fit import Binding, bind, check_fit
from engine.training.losses import METRIC_NAMES, compute_loss
from engine.training.settings import TrainingSettings
from engine.validation import analyze

Listener = Callable[[TrainingEvent], None]
CHECKPOINT_FORMAT = "recurrente-checkpoint"


class TrainingError(RecurrenteError):
    """A run that cannot start or cannot go on (the message says why and where)."""


@dataclass
class Progress:
    """Where a run stands; saved in checkpoints."""

    epoch: int = 0  # epochs finished
    step: int = 0  # optimiser steps taken
    batch: int = 0  # batches taken in the current epoch
    best_valid_loss: float = math.inf
    epochs_without_improvement: int = 0
    seconds: float = 0.0

    def state_dict(self) -> dict[str, Any]:
        return asdict(self)

    def load_state_dict(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            if hasattr(self, key):
                setattr(self, key, value)


class EpochSampler(Sampler[int]):
    """A fresh seeded permutation each epoch (``seed + epoch``), no state to save."""

    def __init__(self, size: int, seed: int) -> None:
        self.size = size
        self.seed = seed
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        self.epoch = epoch

    def __iter__(self) -> Iterator[int]:
        generator = torch.Generator().manual_seed(self.seed + self.epoch)
        return iter(torch.randperm(self.size, generator=generator).tolist())

    def __len__(self) -> int:
        return self.size


class _Environment(nn.Module):
    """Runs the compiled model through a ``forward`` (what DistributedDataParallel wraps)
    and returns every port's tensor: the logits, and the states truncated BPTT carries."""

    def __init__(self, model: CompiledModel) -> None:
        super().__init__()
        self.model = model

    def forward(self, inputs: dict[str, Tensor]) -> dict[str, Tensor]:
        return self.model.working_environment(inputs)


def _split(data: SequenceData, fraction: float, seed: int) -> SequenceData:
    if len(data.valid) or fraction <= 0 or len(data.train) < 2:
        return data
    order = torch.randperm(len(data.train), generator=torch.Generator().manual_seed(seed))
    n_valid = max(1, round(len(data.train) * fraction))
    examples = data.train.examples
    valid = [examples[i] for i in order[:n_valid].tolist()]
    train = [examples[i] for i in order[n_valid:].tolist()]
    return SequenceData(data.spec, ExampleList(train), ExampleList(valid), data.test)


class Trainer:
    """Trains a design on a data set (see the module docstring).

    Parameters
    ----------
    design:
        A valid design that fits ``data`` (checked here, with located messages).
    data:
        The data set.
    settings:
        How to train; defaults to the design's own settings, if it has any.
    listeners:
        Called with every event, on the training thread.
    """

    def __init__(self, design: Design, data: SequenceData,
                 settings: TrainingSettings | None = None, *,
                 listeners: list[Listener] | tuple[Listener, ...] = ()) -> None:
        self.design = design
        self.settings = settings or getattr(design, "training", None) or TrainingSettings()
        self.listeners: list[Listener] = list(listeners)
        analysis = analyze(design)
        if not analysis.ok:
            raise DesignInvalidError(analysis.errors)
        misfit = check_fit(design, data.spec, analysis)
        if misfit:
            raise TrainingError("the design does not fit the data set:\n  "
                                + "\n  ".join(str(p) for p in misfit))
        self.binding: Binding = bind(design, data.spec, analysis)
        self.data = _split(data, self.settings.validation_fraction, self.settings.seed)
        if len(self.data.train) == 0:
            raise TrainingError(f"the data set '{data.spec.name}' has no training examples")
        self.metric = METRIC_NAMES[data.spec.target_kind]
        self.device = resolve_device(self.settings.device)
        self._check_tbptt(analysis)

        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        self.distributed = self.world > 1
        if self.distributed and not dist.is_initialized():
            backend = "nccl" if self.device.type == "cuda" else "gloo"
            if self.device.type == "cuda":
                local = int(os.environ.get("LOCAL_RANK", "0"))
                self.device = torch.device("cuda", local)
                torch.cuda.set_device(self.device)
            dist.init_process_group(backend)

        torch.manual_seed(self.settings.seed)
        self.model: CompiledModel = compile_design(design, analysis).to(self.device)
        self.net: nn.Module = _Environment(self.model)
        if self.distributed:
            self.net = nn.parallel.DistributedDataParallel(
                self.net, device_ids=[self.device] if self.device.type == "cuda" else None)
        self.optimizer = self._optimizer()
        # ReduceLROnPlateau with no threshold: any better validation loss resets the count.
        self.scheduler = (torch.optim.lr_scheduler.ReduceLROnPlateau(
            self.optimizer, factor=self.settings.lr_decay,
            patience=self.settings.lr_patience - 1, threshold=0.0)
            if self.settings.lr_decay < 1.0 else None)
        # Polyak averaging: the validated, kept and exported weights are the average's.
        # AveragedModel holds the copy and the count; _update_average does the EMA.
        self.averaged: AveragedModel | None = (
            AveragedModel(self.model) if self.settings.weight_average > 0 else None)
        self._average_pairs: tuple[list[Tensor], list[Tensor]] | None = None
        self.norms = G.GradientNorms(self.model)
        self.matrices = self.norms.matrices
        self.progress = Progress()
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self._batches: Iterator[dict[str, Tensor]] | None = None
        self._epoch_sums = [0.0, 0.0, 0.0]  # loss total, count, correct
        self._good_epoch_state: dict[str, Tensor] | None = None
        self._best_state: dict[str, Tensor] | None = None
        self._started = 0.0
        self._finished: RunFinished | RunFailed | None = None
        self.train_loader = self._loader(self.data.train, shuffle=True)

    # --- set-up -------------------------------------------------------------------------

    def _check_tbptt(self, analysis: Any) -> None:
        if self.settings.tbptt == 0:
            return
        if not (self.binding.per_step and self.data.spec.aligned) or self.binding.feedback:
            raise TrainingError("truncated BPTT needs a target at every input step "
                                "(a synchronised M-to-N design); use full BPTT (0)")
        from engine.catalogue import RECURRENT_KINDS, recurrent_config

        for block in self.design:
            if block.kind in RECURRENT_KINDS and recurrent_config(
                    block.kind, block.params)["bidirectional"]:
                raise TrainingError(f"truncated BPTT cannot run the bidirectional block "
                                    f"'{block.name}': its backward direction needs the whole "
                                    "sequence; use full BPTT (0)")

    def _optimizer(self) -> torch.optim.Optimizer:
        s = self.settings
        params = self.model.parameters()
        # PyTorch picks the multi-tensor (foreach) update only on GPUs; on a CPU it loops
        # over the parameters in Python, a dozen operations each, which for the small
        # models of this program cost about 5 % of a training step. Same update, one pass.
        if s.optimizer == "sgd":
            return torch.optim.SGD(params, lr=s.learning_rate, momentum=s.momentum,
                                   weight_decay=s.weight_decay, foreach=True)
        if s.optimizer == "rmsprop":
            return torch.optim.RMSprop(params, lr=s.learning_rate, momentum=s.momentum,
                                       weight_decay=s.weight_decay, foreach=True)
        return torch.optim.Adam(params, lr=s.learning_rate, weight_decay=s.weight_decay,
                                foreach=True)

    def _loader(self, split: ExampleList, shuffle: bool) -> DataLoader:
        sampler: Sampler[int] | None = None
        if shuffle:
            sampler = (DistributedSampler(split, self.world, self.rank, seed=self.settings.seed)
                       if self.distributed else EpochSampler(len(split), self.settings.seed))
        return DataLoader(split, batch_size=self.settings.batch_size, sampler=sampler,
                          collate_fn=partial(collate, spec=self.data.spec),
                          pin_memory=self.device.type == "cuda")

    # --- control ------------------------------------------------------------------------

    def request_stop(self) -> None:
        """Stop after the current batch (thread-safe)."""
        self._stop.set()
        self._running.set()

    def pause(self) -> None:
        """Hold before the next batch until :meth:`resume` (thread-safe)."""
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    @property
    def done(self) -> bool:
        return self._finished is not None

    @property
    def result(self) -> RunFinished | RunFailed | None:
        return self._finished

    # --- hooks (override or listen) -------------------------------------------------------

    def emit(self, event: TrainingEvent) -> None:
        if self.rank == 0:
            for listener in list(self.listeners):
                listener(event)

    def on_run_started(self, event: RunStarted) -> None:
        self.emit(event)

    def on_step_end(self, event: StepFinished) -> None:
        self.emit(event)

    def on_gradients(self, event: GradientsMeasured) -> None:
        self.emit(event)

    def on_time_gradients(self, event: TimeGradients) -> None:
        self.emit(event)

    def on_epoch_end(self, event: EpochFinished) -> None:
        self.emit(event)

    def on_finished(self, event: RunFinished) -> None:
        self.emit(event)

    def on_failed(self, event: RunFailed) -> None:
        self.emit(event)

    # --- the loop -----------------------------------------------------------------------

    def fit(self) -> RunFinished | RunFailed:
        """Run to the end (or a stop); returns the final event."""
        while not self.done:
            self.advance()
        assert self._finished is not None
        return self._finished

    def advance(self) -> None:
        """Train one batch (or finish an epoch, or the run)."""
        if self.done:
            return
        if self._batches is None:
            self._begin()
        while not self._running.is_set() and not self._stop.is_set():
            self._running.wait(0.05)
        if self._stop.is_set():
            self._finish("stopped")
            return
        assert self._batches is not None
        batch = next(self._batches, None)
        if batch is None:
            self._end_epoch()
            return
        try:
            self._train_batch(batch)
        except _NonFinite as exc:
            self._fail(str(exc))
        except (RecurrenteError, RuntimeError, ValueError) as exc:
            self._fail(f"step {self.progress.step + 1}: {exc}")

    def _begin(self) -> None:
        if self.progress.step == 0 and self.progress.epoch == 0:
            self._started = time.perf_counter()
            self.on_run_started(RunStarted(
                self.settings.epochs, len(self.train_loader), str(self.device),
                sum(p.numel() for p in self.model.parameters()), self.metric,
                self.data.spec.name))
            self._good_epoch_state = self._snapshot()
        else:
            self._started = time.perf_counter() - self.progress.seconds
        self._start_epoch()

    def _start_epoch(self) -> None:
        sampler = self.train_loader.sampler
        if isinstance(sampler, EpochSampler | DistributedSampler):
            sampler.set_epoch(self.progress.epoch)
        batches = iter(self.train_loader)
        for _ in range(self.progress.batch):  # resuming mid-epoch: skip what was trained
            next(batches, None)
        self._batches = batches
        self.model.train()

    def _inputs(self, batch: dict[str, Tensor]) -> dict[str, Tensor]:
        inputs = self.binding.model_inputs(batch)
        return {k: (v if k.endswith(":len") else v.to(self.device, non_blocking=True))
                for k, v in inputs.items()}

    def _train_batch(self, batch: dict[str, Tensor]) -> None:
        if self.settings.tbptt:
            carry: dict[str, Tensor] = {}
            for chunk, active in self._chunks(batch):
                new = self._optimise(chunk, carry)
                # rows that already ended keep the state of their last real step
                mask = active.to(self.device).view(1, -1, 1)
                carry = {key: torch.where(mask, value, carry[key]) if key in carry else value
                         for key, value in new.items()}
        else:
            self._optimise(batch, {})
        self.progress.batch += 1

    def _optimise(self, batch: dict[str, Tensor],
                  carry: dict[str, Tensor]) -> dict[str, Tensor]:
        """One optimiser step; returns the (detached) states a next TBPTT chunk starts from."""
        step = self.progress.step + 1
        every = self.settings.capture_every
        measuring = every > 0 and (step == 1 or step % every == 0)
        if measuring:  # the blocks are switched off again below, so other steps skip this
            G.probe_blocks(self.model, True)
        try:
            inputs = self._inputs(batch)
            inputs.update(carry)
            env = self.net(inputs)
            parts = compute_loss(env[self.binding.output_block + ".logits"], batch,
                                 self.binding)
            self.optimizer.zero_grad(set_to_none=True)
            # A non-finite loss is caught below, after backward: its gradients are dropped
            # unused, and the step waits for its device once, with the norms.
            parts.loss.backward()
            time_norms = G.time_gradient_norms(self.model) if measuring else {}
        finally:
            if measuring:
                G.probe_blocks(self.model, False)
        new_carry = ({key: value.detach() for key, value in env.items() if ":carry" in key}
                     if self.settings.tbptt else {})
        report = self.norms((parts.loss, parts.total, parts.count, parts.correct))
        loss, total, count, correct = report.riders
        if not math.isfinite(loss):
            self.optimizer.zero_grad(set_to_none=True)
            raise _NonFinite(
                f"step {step}: the loss became {loss}; the weights of the "
                "last good step are kept. Try gradient clipping or a lower learning rate.")
        if not math.isfinite(report.total):
            self.optimizer.zero_grad(set_to_none=True)
            raise _NonFinite(
                f"step {step}: the gradient norm became {report.total}; the weights of the "
                "last good step are kept. Try gradient clipping or a lower learning rate.")
        clipped, after = self._clip(report.total)
        self.optimizer.step()
        if self.averaged is not None:
            self._update_average()
        self.progress.step = step
        for i, value in enumerate((total, count, correct)):
            self._epoch_sums[i] += value
        self.on_step_end(StepFinished(self.progress.epoch + 1, step, self.progress.batch + 1,
                                      loss, time.perf_counter() - self._started))
        threshold = self.settings.clip_threshold if self.settings.clip != "none" else 0.0
        self.on_gradients(GradientsMeasured(step, report.total, after, clipped, threshold,
                                            report.blocks, report.matrices))
        if measuring:
            self.on_time_gradients(TimeGradients(step, time_norms))
        return new_carry

    def _update_average(self) -> None:
        """What AveragedModel.update_parameters does with get_ema_multi_avg_fn, on
        parameter lists read once: its own walk of the model's module tree cost more than
        the arithmetic, every step. (A compiled model's buffers are constant placeholders,
        so there are none to copy.)"""
        averaged = self.averaged
        assert averaged is not None
        if self._average_pairs is None:
            self._average_pairs = ([p.detach() for p in averaged.module.parameters()],
                                   [p.detach() for p in self.model.parameters()])
        mine, current = self._average_pairs
        if int(averaged.n_averaged) == 0:
            torch._foreach_copy_(mine, current)
        else:
            torch._foreach_lerp_(mine, current, 1.0 - self.settings.weight_average)
        averaged.n_averaged += 1

    def _clip(self, norm: float) -> tuple[bool, float]:
        s = self.settings
        params = [p for p in self.norms.params if p.grad is not None]
        if s.clip == "norm":
            if norm > s.clip_threshold:
                # The norm is known: scale by threshold / (norm + 1e-6), as clip_grad_norm_
                # does, without its second pass over the gradients or a third to report.
                factor = s.clip_threshold / (norm + 1e-6)
                torch._foreach_mul_([p.grad for p in params], factor)
                return True, norm * factor
            return False, norm
        if s.clip == "value":
            biggest = max((float(p.grad.abs().max()) for p in params), default=0.0)
            if biggest > s.clip_threshold:
                torch.nn.utils.clip_grad_value_(params, s.clip_threshold)
                return True, self.norms().total
        return False, norm

    # --- truncated BPTT -------------------------------------------------------------------

    def _chunks(self, batch: dict[str, Tensor]) -> Iterator[tuple[dict[str, Tensor], Tensor]]:
        """Split an aligned batch into chunks of ``tbptt`` steps.

        Yields each chunk with the rows still running in it. Rows that ended in an earlier
        chunk run one step of padding (lengths must be >= 1); their targets are masked and
        the caller restores their carried state.
        """
        k = self.settings.tbptt
        lengths = batch["input:len"]
        for start in range(0, batch["input"].shape[1], k):
            remaining = (lengths - start).clamp(min=0, max=k)
            yield {
                "input": batch["input"][:, start : start + k],
                "input:len": remaining.clamp(min=1),
                "target": batch["target"][:, start : start + k],
                "target:len": remaining,
            }, remaining > 0

    # --- epochs ---------------------------------------------------------------------------

    def _end_epoch(self) -> None:
        total, count, correct = self._epoch_sums
        train_loss = total / max(count, 1.0)
        train_metric = correct / max(count, 1.0) if self.metric == "accuracy" else train_loss
        valid_loss, valid_metric = self._evaluate(self.data.valid, self._kept_model())
        self.progress.epoch += 1
        self.progress.batch = 0
        self.progress.seconds = time.perf_counter() - self._started
        self._epoch_sums = [0.0, 0.0, 0.0]
        self._good_epoch_state = self._snapshot()
        if self.scheduler is not None and math.isfinite(valid_loss):
            self.scheduler.step(valid_loss)
        improved = valid_loss < self.progress.best_valid_loss
        if improved:
            self.progress.best_valid_loss = valid_loss
            self.progress.epochs_without_improvement = 0
            if self.settings.early_stopping:
                self._best_state = (self._good_epoch_state if self.averaged is None
                                    else self._snapshot(self._kept_model()))
        else:
            self.progress.epochs_without_improvement += 1
        self.on_epoch_end(EpochFinished(self.progress.epoch, self.progress.step, train_loss,
                                        valid_loss, self.metric, train_metric, valid_metric,
                                        self.progress.seconds))
        patience = self.settings.early_stopping
        if patience and self.progress.epochs_without_improvement >= patience:
            self._finish("early stopping")
        elif self.progress.epoch >= self.settings.epochs:
            self._finish("completed")
        else:
            self._start_epoch()

    def evaluate(self, split: ExampleList) -> tuple[float, float]:
        """(loss, metric) of the model over a split, in eval mode; NaN for an empty split."""
        return self._evaluate(split, self.model)

    def _kept_model(self) -> CompiledModel:
        """What validation measures and a run keeps: the average once it has begun."""
        if self.averaged is not None and int(self.averaged.n_averaged) > 0:
            return self.averaged.module  # type: ignore[return-value]
        return self.model

    @torch.no_grad()
    def _evaluate(self, split: ExampleList, model: CompiledModel) -> tuple[float, float]:
        if len(split) == 0:
            return math.nan, math.nan
        was_training = model.training
        model.eval()
        sums: list[Tensor] = []
        try:
            for batch in self._loader(split, shuffle=False):
                z = model.logits(self._inputs(batch))[self.binding.output_block]
                parts = compute_loss(z, batch, self.binding)
                sums.append(torch.stack([parts.total.float(), parts.count.float(),
                                         parts.correct.float()]))
        finally:
            model.train(was_training)
        # one copy from the device for the split, summed in float64 as the batches were
        totals = torch.stack(sums).cpu().double().sum(0).tolist()
        loss = totals[0] / max(totals[1], 1.0)
        metric = totals[2] / max(totals[1], 1.0) if self.metric == "accuracy" else loss
        return loss, metric

    def _snapshot(self, model: nn.Module | None = None) -> dict[str, Tensor]:
        model = self.model if model is None else model
        return {k: v.detach().clone() for k, v in model.state_dict().items()}

    def _finish(self, reason: str) -> None:
        kept = self._kept_model()
        if reason == "early stopping" and self._best_state is not None:
            self.model.load_state_dict(self._best_state)
        elif kept is not self.model:
            self.model.load_state_dict(kept.state_dict())
        self.progress.seconds = time.perf_counter() - self._started
        event = RunFinished(reason, self.progress.epoch, self.progress.step,
                            self.progress.best_valid_loss, self.progress.seconds)
        self._finished = event
        self.on_finished(event)

    def _fail(self, message: str) -> None:
        finite = all(torch.isfinite(p).all() for p in self.model.parameters())
        if not finite and self._good_epoch_state is not None:
            self.model.load_state_dict(self._good_epoch_state)
        self.optimizer.zero_grad(set_to_none=True)
        event = RunFailed(message, self.progress.step + 1)
        self._finished = event
        self.on_failed(event)

    # --- checkpoints -----------------------------------------------------------------------

    def checkpoint(self) -> dict[str, Any]:
        """Everything needed to resume: model, optimiser, progress, design, random state."""
        from engine.fileformat import dumps

        return {
            "format": CHECKPOINT_FORMAT,
            "version": 1,
            "design": dumps(self.design),
            "model": self.model.state_dict(),
            "optimizer": self.optimizer.state_dict(),
            "scheduler": self.scheduler.state_dict() if self.scheduler is not None else {},
            "progress": self.progress.state_dict(),
            "rng": torch.get_rng_state(),
            "average": self.averaged.state_dict() if self.averaged is not None else {},
        }

    def save_checkpoint(self, path: str | os.PathLike[str]) -> None:
        """Write a checkpoint atomically (rank 0 only under torchrun)."""
        if self.rank != 0:
            return
        path = Path(path)
        tmp = path.with_name(f".{path.name}.tmp")
        torch.save(self.checkpoint(), tmp)
        os.replace(tmp, path)

    def load_checkpoint(self, path: str | os.PathLike[str]) -> None:
        """Resume from a checkpoint written by :meth:`save_checkpoint`."""
        state = load_checkpoint_file(path)
        try:
            self.model.load_state_dict(state["model"])
            self.optimizer.load_state_dict(state["optimizer"])
            if self.scheduler is not None and state.get("scheduler"):
                self.scheduler.load_state_dict(state["scheduler"])
            if self.averaged is not None and state.get("average"):
                self.averaged.load_state_dict(state["average"])
        except (RuntimeError, ValueError, KeyError) as exc:
            raise TrainingError(f"{path}: the checkpoint does not match this design ({exc})"
                                ) from None
        self.progress.load_state_dict(state["progress"])
        torch.set_rng_state(state["rng"])
        self._batches = None


class _NonFinite(Exception):
    pass


def load_checkpoint_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read a checkpoint safely (``weights_only=True``: no code runs while loading)."""
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except FileNotFoundError:
        raise TrainingError(f"{path}: no such checkpoint") from None
    except Exception as exc:  # unpickling errors come in many types
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise TrainingError(f"{path}: not a checkpoint this program can read safely "
                            f"({first})") from None
    if not isinstance(state, dict) or state.get("format") != CHECKPOINT_FORMAT:
        raise TrainingError(f"{path}: not a Recurrente checkpoint")
    return state

