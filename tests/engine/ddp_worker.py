"""Run under torchrun by test_distributed.py: train, then save this rank's weights."""

from __future__ import annotations

import os
import sys

import torch

from engine.data.builtin import make_builtin
from engine.examples import load_example
from engine.training.events import EpochFinished
from engine.training.settings import TrainingSettings
from engine.training.trainer import Trainer


def main(out: str) -> None:
    torch.set_num_threads(1)
    data = make_builtin("adding", length=10, train_size=256, valid_size=32, test_size=8)
    settings = TrainingSettings(epochs=3, batch_size=16, learning_rate=0.01, device="cpu",
                                capture_every=0)
    losses: list[float] = []
    trainer = Trainer(load_example("adding"), data, settings,
                      listeners=[lambda e: isinstance(e, EpochFinished)
                                 and losses.append(e.train_loss)])
    trainer.fit()
    rank = int(os.environ["RANK"])
    torch.save({"state": trainer.model.state_dict(), "losses": losses,
                "steps": trainer.progress.step, "world": trainer.world},
               os.path.join(out, f"rank{rank}.pt"))
    torch.distributed.destroy_process_group()


if __name__ == "__main__":
    main(sys.argv[1])
