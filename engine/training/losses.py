"""Losses and metrics implied by the output block's g2, over the real steps only.

* softmax -> cross-entropy; metric: accuracy (and NLL per step = the loss);
* sigmoid -> binary cross-entropy summed over the units of a step, averaged over steps:
  the "negative log-likelihood per time step" of the piano-roll literature;
* tanh / identity -> mean squared error; metric: MSE.

Everything is computed from the logits z (before g2) for numerical stability and returned
as sums and counts, so an epoch's figure is the exact mean over its real steps whatever
the batch sizes and padding.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor

from engine.data.base import IGNORE_INDEX
from engine.errors import RecurrenteError
from engine.training.fit import Binding

METRIC_NAMES = {"class": "accuracy", "multi_hot": "NLL per step", "real": "MSE"}


@dataclass
class LossParts:
    """A batch's loss (mean) with the sums an epoch aggregates."""

    loss: Tensor
    total: Tensor  # sum of per-unit losses (detached)
    count: Tensor  # how many units the mean is over
    correct: Tensor  # class targets: correct predictions


def _step_mask(lengths: Tensor, steps: int, device: torch.device) -> Tensor:
    return torch.arange(steps, device=device).unsqueeze(0) < lengths.to(device).unsqueeze(1)


def _match_steps(z: Tensor, target: Tensor, binding: Binding, fill: float) -> Tensor:
    """Pad a target sequence to the logits' steps (a Repeat-made axis may be longer)."""
    steps, target_steps = z.shape[1], target.shape[1]
    if target_steps == steps:
        return target
    if target_steps > steps:
        raise RecurrenteError(
            f"a target sequence has {target_steps} steps but output block "
            f"'{binding.output_block}' produces {steps}; raise the Repeat block's times")
    pad = target.new_full((target.shape[0], steps - target_steps, *target.shape[2:]), fill)
    return torch.cat([target, pad], dim=1)


def compute_loss(z: Tensor, batch: dict[str, Tensor], binding: Binding) -> LossParts:
    """Loss of logits ``z`` against ``batch['target']`` (padding excluded)."""
    target = batch["target"].to(z.device)
    kind = binding.target_kind
    zero = z.new_zeros(())
    if kind == "class":
        if binding.per_step:
            target = _match_steps(z, target, binding, IGNORE_INDEX)
        flat_z = z.reshape(-1, z.shape[-1])
        flat_t = target.reshape(-1).long()
        total = F.cross_entropy(flat_z, flat_t, ignore_index=IGNORE_INDEX, reduction="sum")
        real = flat_t != IGNORE_INDEX
        count = real.sum()
        correct = ((flat_z.argmax(-1) == flat_t) & real).sum()
        return LossParts(total / count.clamp(min=1), total.detach(), count, correct)
    if binding.per_step:
        target = _match_steps(z, target, binding, 0.0)
        lengths = batch.get("target:len")
        if lengths is None:
            mask = torch.ones(z.shape[:2], dtype=torch.bool, device=z.device)
        else:
            mask = _step_mask(lengths, z.shape[1], z.device)
    else:
        mask = torch.ones(z.shape[:1], dtype=torch.bool, device=z.device)
    weight = mask.unsqueeze(-1).to(z.dtype)
    if kind == "multi_hot":
        # the mask as BCE's weight: one fused op each way, no per-unit tensor
        total = F.binary_cross_entropy_with_logits(z, target.to(z.dtype), weight=weight,
                                                   reduction="sum")
        count = mask.sum()  # per step: summed over the units
    else:
        prediction = torch.tanh(z) if binding.activation == "tanh" else z
        total = (((prediction - target.to(z.dtype)) ** 2) * weight).sum()
        count = mask.sum() * z.shape[-1]
    return LossParts(total / count.clamp(min=1), total.detach(), count, zero)
