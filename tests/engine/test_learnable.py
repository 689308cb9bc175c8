"""Every built-in task is learnable by its example design in a short run.

Each run must beat the task's trivial baseline (majority class, mean prediction, the
keys' average frequency) by a clear margin; on the adding problem at T = 50 an LSTM must
beat a tanh RNN, which stays at the mean predictor's MSE of about 1/6.
"""

from __future__ import annotations

import pytest
import torch

from engine.data.base import IGNORE_INDEX, SequenceData
from engine.data.builtin import make_builtin
from engine.design import Design
from engine.examples import load_example
from engine.training.events import EpochFinished
from engine.training.trainer import Trainer

SIZES = {"train_size": 1000, "valid_size": 200, "test_size": 1}

TASKS = {
    # task: (example, data options, settings changes)
    "adding": ("adding", {"length": 20, "train_size": 2000}, {"epochs": 8, "learning_rate": 0.01}),
    "agreement": ("agreement", {}, {"epochs": 3}),
    "sine": ("forecasting", {"train_size": 500}, {"epochs": 3}),
    "melodies": ("music", {"train_size": 300, "valid_size": 50},
                 {"epochs": 30, "learning_rate": 0.02}),
    "dates": ("translation", {"train_size": 1500}, {"epochs": 3}),
    "tagging": ("tagging", {}, {"epochs": 3}),
    "sentiment": ("sentiment", {}, {"epochs": 6, "learning_rate": 0.01}),
}


def baseline(data: SequenceData) -> float:
    """The trivial predictor's metric on the validation split (accuracy, NLL or MSE)."""
    train = [e["target"] for e in data.train.examples]
    valid = [e["target"] for e in data.valid.examples]
    kind = data.spec.target_kind
    if kind == "class":
        flat = torch.cat([t.reshape(-1) for t in train])
        majority = torch.mode(flat[flat != IGNORE_INDEX]).values
        flat_valid = torch.cat([t.reshape(-1) for t in valid])
        return float((flat_valid == majority).float().mean())
    if kind == "multi_hot":
        frequency = torch.cat(train).mean(0).clamp(1e-4, 1 - 1e-4)
        steps = torch.cat(valid)
        nll = -(steps * frequency.log() + (1 - steps) * (1 - frequency).log()).sum(1)
        return float(nll.mean())
    mean = torch.cat([t.reshape(-1, t.shape[-1]) for t in train]).mean(0)
    flat_valid = torch.cat([t.reshape(-1, t.shape[-1]) for t in valid])
    return float(((flat_valid - mean) ** 2).mean())


def train(design: Design, data: SequenceData, **changes: object) -> EpochFinished:
    settings = design.training.replace(device="cpu", capture_every=0, **changes)
    epochs: list[EpochFinished] = []
    trainer = Trainer(design, data, settings,
                      listeners=[lambda e: isinstance(e, EpochFinished) and epochs.append(e)])
    result = trainer.fit()
    assert result.name == "run_finished", result
    return epochs[-1]


@pytest.mark.parametrize("task", sorted(TASKS))
def test_builtin_task_beats_its_trivial_baseline(task: str) -> None:
    example, options, changes = TASKS[task]
    data = make_builtin(task, **{**SIZES, **options})
    trivial = baseline(data)
    final = train(load_example(example), data, **changes)
    if final.metric == "accuracy":
        assert final.valid_metric >= min(0.95, trivial + 0.2), (trivial, final)
    elif final.metric == "MSE":
        assert final.valid_metric <= 0.5 * trivial, (trivial, final)
    else:
        assert final.valid_metric <= 0.8 * trivial, (trivial, final)


def _adding_design(kind: str) -> Design:
    design = load_example("adding")
    design.remove_block("lstm")
    design.add_block(kind, {"hidden_size": 64}, block_id="rec")
    design.add_wire("pairs.out", "rec.input")
    design.add_wire("rec.last", "sum.input")
    return design


def test_adding_problem_at_t50_lstm_beats_tanh_rnn() -> None:
    data = make_builtin("adding", length=50, train_size=3000, valid_size=300, test_size=1)
    changes = {"epochs": 8, "learning_rate": 0.01, "batch_size": 32}
    lstm = train(_adding_design("lstm"), data, **changes)
    rnn = train(_adding_design("rnn"), data, **changes)
    assert lstm.valid_loss < 0.05
    assert rnn.valid_loss > 0.12  # stuck near the mean predictor's 1/6
