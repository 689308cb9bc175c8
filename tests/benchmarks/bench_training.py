"""Training speed of the built-in tasks and the cost of measuring dL/dh(t).

Run: ``flock /tmp/recurrente-cpu.lock python tests/benchmarks/bench_training.py
[--threads N]``. Prints one table: per task, the seconds per epoch of its example design
at the task's default size, and the time of a training step with and without the
per-time-step gradient capture. A measuring step runs each unidirectional recurrent block
through engine.fastrnn, whose hand-written backward pass computes dL/dh(t) anyway (for
the lecture's cells that is their usual path; blocks on nn.RNN/GRU/LSTM switch to it for
that step); only every K-th step (capture_every) measures, so the amortised cost is the
extra time divided by K. tests/benchmarks/bench_speed.py measures the same at a fixed
size, beside plain PyTorch.
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch

from engine.data.builtin import BUILTINS, make_builtin
from engine.examples import load_example
from engine.training.settings import TrainingSettings
from engine.training.trainer import Trainer


def step_time(example: str, task: str, capture: int, repeats: int = 12) -> float:
    data = make_builtin(task, train_size=32 * (repeats + 2), valid_size=8, test_size=1)
    design = load_example(example)
    settings = design.training.replace(device="cpu", capture_every=capture, epochs=1,
                                       batch_size=32)
    trainer = Trainer(design, data, settings)
    trainer.advance()  # warm-up (also the first, always measured, step)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        trainer.advance()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def epoch_time(example: str, task: str) -> tuple[float, int]:
    data = make_builtin(task)
    design = load_example(example)
    settings = design.training.replace(device="cpu", capture_every=0, epochs=1)
    trainer = Trainer(design, data, settings)
    start = time.perf_counter()
    trainer.fit()
    return time.perf_counter() - start, len(data.train)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    every = TrainingSettings().capture_every
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s), batch 32, CPU\n")
    header = (f"{'task':<10} {'design':<12} {'train ex.':>9} {'s/epoch':>8} "
              f"{'step ms':>8} {'step+capture ms':>16} {'capture cost':>13} "
              f"{f'at K={every}':>8}")
    print(header)
    print("-" * len(header))
    for name, task in BUILTINS.items():
        seconds, examples = epoch_time(task.example, name)
        plain = step_time(task.example, name, capture=0)
        measured = step_time(task.example, name, capture=1)
        extra = measured / plain - 1
        print(f"{name:<10} {task.example:<12} {examples:>9} {seconds:>8.2f} "
              f"{plain * 1e3:>8.1f} {measured * 1e3:>16.1f} {extra:>12.0%} "
              f"{extra / every:>8.1%}")


if __name__ == "__main__":
    main()
