"""Is the designer as fast as PyTorch written by hand? One table, every figure a ratio.

    flock /tmp/recurrente-cpu.lock python tests/benchmarks/bench_speed.py [--threads 2]
        [--quick] [--compile] [--items 1,2,3,4,5,7] [--device cuda]

Every ratio is measured in the same run against plain PyTorch written by hand: the two
(or more) ways take turns, one repetition each, after a warm-up, and each figure is the
median of the repetitions (the machine may be shared; taking turns keeps its drift out of
the ratios). One training step is forward + backward + optimiser (Adam) on a mean squared
error over every output; sizes: batch 64, T 100, input 128, hidden 256, an output layer
of 16 on every step.

1. Compiled standard cells (the designer's RNN, PyTorch-form GRU, LSTM blocks) vs the same
   ``nn.RNN`` / ``nn.GRU`` / ``nn.LSTM`` + ``nn.Linear`` by hand; 1 and 2 layers, uni- and
   bidirectional. Target <= 1.05. (On a CPU the RNN and GRU blocks train through
   engine.fastrnn's hand-written backward pass, every LSTM on the layer itself.)
2. Custom cells (peephole LSTM full and diagonal, the lecture's GRU, the minimal GRU) in
   the designer vs ``nn.LSTM`` of the same hidden size by hand. Target <= 1.5. The other
   ways of running the same cell are shown beside it: the plain autograd time loop and
   TorchScript (``--compile`` adds ``torch.compile`` with its compile time and the time
   of the recompilation a batch of another length causes).
3. Inference (eval, no grad): the exported TorchScript file vs the in-app model, same
   input. Target <= 1.0.
4. dL/dh(t) capture: a measuring step vs a plain step of the same model; the amortised
   cost is that extra time over K = capture_every (the default, 10). Target <= 15 %.
5. The input pipeline (sampling, padding, collate, the binding of inputs) as a share of
   a training epoch on each built-in task, with its example design and default settings
   (capture off). Target < 10 %.
6. GUI figures: tests/benchmarks/bench_gui_training.py and bench_canvas.py.
7. Peak memory of one training step vs the hand-written model. Target <= 1.1. Measured
   on the CPU with torch.profiler(profile_memory=True): the running sum of every tensor
   allocation and free during the step, in order, whose maximum is the step's peak above
   what was held before it (parameters, optimiser state and inputs are held before, in
   both); on CUDA, max_memory_allocated() during the step less what was held before it.

``--device cuda`` runs the same table on a GPU (cuDNN for the fused layers; there the
target of item 2 is <= 2.0 against cuDNN's LSTM).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import torch
from torch import Tensor, nn

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from engine import fastrnn  # noqa: E402
from engine.compiler import CompiledModel, compile_design  # noqa: E402
from engine.design import Design  # noqa: E402
from engine.export import export_torchscript, torchscript_quietly  # noqa: E402
from engine.training import gradients as G  # noqa: E402
from engine.training.settings import TrainingSettings  # noqa: E402

OUT = 16  # output units per step


@dataclass(frozen=True)
class Size:
    batch: int = 64
    steps: int = 100
    inputs: int = 128
    hidden: int = 256
    warmup: int = 1
    repeats: int = 5
    device: str = "cpu"


@dataclass(frozen=True)
class Row:
    item: str
    case: str
    ours: str
    reference: str
    ratio: float | None
    target: str
    met: bool | None
    note: str = ""


# --------------------------------------------------------------------------- helpers


def sync(size: Size) -> None:
    if size.device.startswith("cuda"):
        torch.cuda.synchronize()


class Turns(dict[str, list[float]]):
    """Seconds of every repetition of each run; the runs took turns, one each a round."""

    def median(self, name: str) -> float:
        return statistics.median(self[name])

    def ratio(self, name: str, ref: str) -> float:
        """The median over rounds of name / ref within a round: the machine's drift from
        one round to the next cancels."""
        return statistics.median(a / b for a, b in zip(self[name], self[ref], strict=True))


def take_turns(runs: dict[str, Callable[[], object]], size: Size,
               warmup: int | None = None) -> Turns:
    """Time each run ``size.repeats`` times after a warm-up, the runs taking turns."""
    for run in runs.values():
        for _ in range(size.warmup if warmup is None else warmup):
            run()
    sync(size)
    times = Turns({name: [] for name in runs})
    for _ in range(size.repeats):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            sync(size)
            times[name].append(time.perf_counter() - start)
    return times


def recurrent_design(kind: str, size: Size, layers: int = 1, bidirectional: bool = False,
                     **params: object) -> Design:
    """input (I) -> one recurrent block -> output (16 per step, identity)."""
    design = Design()
    design.add_block("input", {"size": size.inputs}, block_id="x")
    design.add_block(kind, {"hidden_size": size.hidden, "num_layers": layers,
                            "bidirectional": bidirectional, **params}, block_id="r")
    design.add_block("output", {"size": OUT, "activation": "identity"}, block_id="y")
    design.add_wire("x.out", "r.input")
    design.add_wire("r.sequence", "y.input")
    return design


class ByHand(nn.Module):
    """What a person would write: a fused PyTorch layer and a linear head."""

    def __init__(self, cell: str, size: Size, layers: int = 1,
                 bidirectional: bool = False) -> None:
        super().__init__()
        layer = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}[cell]
        self.rnn = layer(size.inputs, size.hidden, layers, batch_first=True,
                         bidirectional=bidirectional)
        self.head = nn.Linear(size.hidden * (2 if bidirectional else 1), OUT)

    def forward(self, x: Tensor) -> Tensor:
        return self.head(self.rnn(x)[0])


def batch(size: Size, seed: int = 0) -> tuple[Tensor, Tensor, Tensor]:
    """(x, lengths, target); lengths stay on the CPU, as the trainer keeps them."""
    gen = torch.Generator().manual_seed(seed)
    x = torch.randn(size.batch, size.steps, size.inputs, generator=gen)
    target = torch.randn(size.batch, size.steps, OUT, generator=gen)
    lengths = torch.full((size.batch,), size.steps, dtype=torch.long)
    return x.to(size.device), lengths, target.to(size.device)


def hand_step(model: nn.Module, x: Tensor, target: Tensor) -> Callable[[], None]:
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)

    def step() -> None:
        opt.zero_grad(set_to_none=True)
        nn.functional.mse_loss(model(x), target).backward()
        opt.step()
    return step


def app_step(model: nn.Module, x: Tensor, lengths: Tensor,
             target: Tensor) -> Callable[[], None]:
    """A training step of a compiled model (or its scripted copy) through ``logits``."""
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)
    inputs = {"x": x, "x:len": lengths}

    def step() -> None:
        opt.zero_grad(set_to_none=True)
        nn.functional.mse_loss(model.logits(inputs)["y"], target).backward()
        opt.step()
    return step


def compiled(design: Design, size: Size, seed: int = 0) -> CompiledModel:
    torch.manual_seed(seed)
    return compile_design(design).to(size.device).train()


def by_hand(cell: str, size: Size, layers: int = 1, bidirectional: bool = False) -> ByHand:
    torch.manual_seed(0)
    return ByHand(cell, size, layers, bidirectional).to(size.device)


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms"


def ratio_row(item: str, case: str, ours: float, ref: float, limit: float, ref_name: str,
              note: str = "", fmt: Callable[[float], str] = ms,
              ratio: float | None = None) -> Row:
    """A row comparing ours with ref; ``ratio`` defaults to ours / ref."""
    r = ours / ref if ratio is None else ratio
    return Row(item, case, fmt(ours), f"{fmt(ref)} {ref_name}".strip(), r, f"<= {limit:g}",
               r <= limit, note)


def turns_row(item: str, case: str, times: Turns, ours: str, ref: str, limit: float,
              ref_name: str, note: str = "") -> Row:
    return ratio_row(item, case, times.median(ours), times.median(ref), limit, ref_name, note,
                     ratio=times.ratio(ours, ref))


# --------------------------------------------------------------------------- 1: standard cells


def standard_cells(size: Size, quick: bool) -> list[Row]:
    rows = []
    configs = [(1, False), (2, False), (1, True), (2, True)]
    if quick:
        configs = [(1, False), (2, True)]
    x, lengths, target = batch(size)
    for cell, params in (("rnn", {}), ("gru", {"form": "pytorch"}), ("lstm", {})):
        for layers, bi in configs:
            design = recurrent_design(cell, size, layers, bi, **params)
            model = compiled(design, size)
            hand = by_hand(cell, size, layers, bi)
            times = take_turns({"app": app_step(model, x, lengths, target),
                                "hand": hand_step(hand, x, target)}, size)
            case = f"{cell.upper()} {layers} layer{'s' if layers > 1 else ''}" + (
                ", bidirectional" if bi else "")
            rows.append(turns_row("1", case, times, "app", "hand", 1.05,
                                  f"nn.{ {'rnn': 'RNN', 'gru': 'GRU', 'lstm': 'LSTM'}[cell]}"))
    return rows


# --------------------------------------------------------------------------- 2: custom cells

CUSTOM = [
    ("LSTM, full peepholes", "lstm", {"peepholes": "full"}),
    ("LSTM, diagonal peepholes", "lstm", {"peepholes": "diagonal"}),
    ("GRU, the lecture's", "gru", {"form": "lecture"}),
    ("GRU, minimal", "gru", {"form": "minimal"}),
]


def _disabled_step(step: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        with fastrnn.disabled():
            step()
    return run


def _compile_times(design: Design, size: Size) -> tuple[float, float, float]:
    """torch.compile of the whole model: (first step incl. compile, a step, a new length)."""
    model = compiled(design, size)
    fast = torch.compile(model.logits)
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)

    def step(steps: int) -> float:
        x, lengths, target = batch(replace(size, steps=steps))
        start = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        nn.functional.mse_loss(fast({"x": x, "x:len": lengths})["y"], target).backward()
        opt.step()
        return time.perf_counter() - start

    first = step(size.steps)
    steady = statistics.median(step(size.steps) for _ in range(size.repeats))
    other = step(size.steps - 7)  # a batch of another length: a recompile
    return first, steady, other


def custom_cells(size: Size, with_compile: bool) -> list[Row]:
    rows = []
    x, lengths, target = batch(size)
    for case, kind, params in CUSTOM:
        design = recurrent_design(kind, size, **params)
        model = compiled(design, size)
        with torchscript_quietly():
            scripted = torch.jit.script(compiled(design, size))
        times = take_turns({
            "app": app_step(model, x, lengths, target),
            "hand": hand_step(by_hand("lstm", size), x, target),
            "loop": _disabled_step(app_step(compiled(design, size), x, lengths, target)),
            "script": app_step(scripted, x, lengths, target),
        }, size, warmup=size.warmup + 2)  # TorchScript optimises on its second run
        note = (f"autograd loop {times.ratio('loop', 'hand'):.2f}x, "
                f"TorchScript {times.ratio('script', 'hand'):.2f}x")
        if with_compile:
            first, steady, other = _compile_times(design, size)
            note += (f", torch.compile {steady / times.median('hand'):.2f}x "
                     f"(first step {first:.1f} s, new length {other:.1f} s)")
        limit = 2.0 if size.device.startswith("cuda") else 1.5
        rows.append(turns_row("2", case, times, "app", "hand", limit, "nn.LSTM", note))
    return rows


# --------------------------------------------------------------------------- 3: inference


def inference(size: Size) -> list[Row]:
    rows = []
    x, lengths, _ = batch(size)
    inputs = {"x": x, "x:len": lengths}
    cases = [("LSTM 1 layer", "lstm", 1, False, {}),
             ("LSTM 2 layers, bidirectional", "lstm", 2, True, {}),
             *((case, kind, 1, False, params) for case, kind, params in CUSTOM)]
    with tempfile.TemporaryDirectory() as folder:
        for i, (case, kind, layers, bi, params) in enumerate(cases):
            design = recurrent_design(kind, size, layers, bi, **params)
            model = compiled(design, size).eval()
            path = Path(folder) / f"model{i}.pt"
            export_torchscript(model, design, path)
            with torchscript_quietly():
                exported = torch.jit.load(str(path), map_location=size.device)
            with torch.no_grad():
                # a forward pass is short: three times the repetitions, for a steady median
                times = take_turns({"export": lambda m=exported: m(inputs),
                                    "app": lambda m=model: m(inputs)},
                                   replace(size, repeats=3 * size.repeats),
                                   warmup=size.warmup + 2)  # TorchScript's profiling runs
            rows.append(turns_row("3", case, times, "export", "app", 1.0, "in app",
                                  "exported TorchScript vs in-app model"))
    return rows


# --------------------------------------------------------------------------- 4: capture


def _train_step(model: CompiledModel, inputs: dict[str, Tensor], target: Tensor,
                measure: bool) -> Callable[[], None]:
    """The trainer's step: probe, forward, loss, backward, dL/dh(t), norms, Adam."""
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)
    matrices = G.named_matrices(model)

    def step() -> None:
        G.probe_blocks(model, measure)
        env = model.environment(inputs)
        loss = nn.functional.mse_loss(env["y.logits"], target)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        if measure:
            G.time_gradient_norms(model)
            G.probe_blocks(model, False)
        G.gradient_norms(model, matrices)
        opt.step()
    return step


def capture(size: Size) -> list[Row]:
    rows = []
    every = TrainingSettings().capture_every
    x, lengths, target = batch(size)
    inputs = {"x": x, "x:len": lengths}
    cases = [("RNN", "rnn", 1, {}), ("GRU, PyTorch form", "gru", 1, {"form": "pytorch"}),
             ("LSTM", "lstm", 1, {}), ("LSTM 2 layers", "lstm", 2, {}),
             *((case, kind, 1, params) for case, kind, params in CUSTOM)]
    for case, kind, layers, params in cases:
        design = recurrent_design(kind, size, layers, **params)
        model = compiled(design, size)
        times = take_turns({"plain": _train_step(model, inputs, target, False),
                            "measure": _train_step(model, inputs, target, True)}, size)
        extra = times.ratio("measure", "plain") - 1
        rows.append(Row("4", case, f"{ms(times.median('measure'))} measuring",
                        f"{ms(times.median('plain'))} plain", extra / every, "<= 15 %",
                        extra / every <= 0.15,
                        f"the measuring step itself {extra:+.0%}; ratio column = amortised "
                        f"at K={every}"))
    return rows


# --------------------------------------------------------------------------- 5: data pipeline


def data_pipeline(size: Size, quick: bool) -> list[Row]:
    from engine.data.builtin import BUILTINS, make_builtin
    from engine.examples import load_example
    from engine.training.trainer import Trainer

    rows = []
    for name, task in BUILTINS.items():
        params = {"train_size": 256} if quick else {}
        data = make_builtin(name, **params)
        design = load_example(task.example)
        settings = design.training.replace(device=size.device, capture_every=0, epochs=1)
        trainer = Trainer(design, data, settings)
        n = len(trainer.train_loader)
        start = time.perf_counter()
        for _ in range(n):  # every training batch of one epoch, pipeline included
            trainer.advance()
        sync(size)
        whole = time.perf_counter() - start
        start = time.perf_counter()
        for b in trainer.train_loader:  # the pipeline alone, the same epoch's worth
            trainer._inputs(b)
        sync(size)
        pipeline = time.perf_counter() - start
        share = pipeline / whole
        rows.append(Row("5", f"{name} ({task.example})", f"{pipeline:.2f} s pipeline",
                        f"{whole:.2f} s epoch", share, "< 10 %", share < 0.10,
                        f"{n} batches of {settings.batch_size}; ratio column = share"))
    return rows


# --------------------------------------------------------------------------- 7: memory


def peak_bytes(step: Callable[[], None], size: Size) -> int:
    """Peak bytes allocated during one step above what was held before it (see above)."""
    from torch.profiler import ProfilerActivity, profile

    step()  # optimiser state and every lazy buffer exist before the measured step
    if size.device.startswith("cuda"):
        torch.cuda.synchronize()
        held = torch.cuda.memory_allocated()
        torch.cuda.reset_peak_memory_stats()
        step()
        torch.cuda.synchronize()
        return torch.cuda.max_memory_allocated() - held
    with profile(activities=[ProfilerActivity.CPU], profile_memory=True) as prof:
        step()
    events = [e for e in prof.profiler.kineto_results.events() if e.name() == "[memory]"]
    held = peak = 0
    for event in sorted(events, key=lambda e: e.start_ns()):
        held += event.nbytes()
        peak = max(peak, held)
    return peak


def memory(size: Size) -> list[Row]:
    rows = []
    x, lengths, target = batch(size)
    cases = [("LSTM 1 layer", "lstm", 1, False, {}, "lstm"),
             ("LSTM 2 layers, bidirectional", "lstm", 2, True, {}, "lstm"),
             ("GRU, PyTorch form", "gru", 1, False, {"form": "pytorch"}, "gru"),
             ("GRU 2 layers, bidirectional", "gru", 2, True, {"form": "pytorch"}, "gru"),
             ("RNN", "rnn", 1, False, {}, "rnn"),
             *((case, kind, 1, False, params, "lstm") for case, kind, params in CUSTOM)]
    mib = 2.0 ** 20
    for case, kind, layers, bi, params, hand_cell in cases:
        design = recurrent_design(kind, size, layers, bi, **params)
        ours = peak_bytes(app_step(compiled(design, size), x, lengths, target), size)
        ref = peak_bytes(hand_step(by_hand(hand_cell, size, layers, bi), x, target), size)
        rows.append(ratio_row("7", case, ours, ref, 1.1, f"nn.{hand_cell.upper()}",
                              fmt=lambda b: f"{b / mib:.1f} MiB"))
    return rows


# --------------------------------------------------------------------------- the table


def machine(threads: int) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    gpu = f"; {torch.cuda.get_device_name()}" if torch.cuda.is_available() else ""
    return (f"{cpu}, {os.cpu_count()} cores{gpu}; torch {torch.__version__}, "
            f"{threads} thread(s); Python {platform.python_version()}")


def print_table(rows: list[Row]) -> None:
    head = (f"{'item':<4} {'case':<30} {'ours':>20} {'reference':>24} {'ratio':>7} "
            f"{'target':>8} {'met':>4}  note")
    print(head)
    print("-" * len(head))
    for r in rows:
        ratio = "" if r.ratio is None else (f"{r.ratio:.1%}" if "%" in r.target
                                            else f"{r.ratio:.2f}")
        met = "" if r.met is None else ("yes" if r.met else "NO")
        print(f"{r.item:<4} {r.case:<30} {r.ours:>20} {r.reference:>24} {ratio:>7} "
              f"{r.target:>8} {met:>4}  {r.note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: small sizes, one repetition")
    parser.add_argument("--compile", action="store_true",
                        help="item 2 also times torch.compile (minutes)")
    parser.add_argument("--items", default="1,2,3,4,5,7",
                        help="comma-separated items to run (default: all)")
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    size = replace(Size(16, 20, 16, 32, 1, 1) if args.quick else Size(), device=args.device)
    items = {s.strip() for s in args.items.split(",")}
    print(machine(torch.get_num_threads()))
    print(f"batch {size.batch}, T {size.steps}, input {size.inputs}, hidden {size.hidden}; "
          f"median of {size.repeats} after {size.warmup} warm-up, taking turns; "
          f"device {size.device}\n")
    rows: list[Row] = []
    sections: list[tuple[str, Callable[[], list[Row]]]] = [
        ("1", lambda: standard_cells(size, args.quick)),
        ("2", lambda: custom_cells(size, args.compile)),
        ("3", lambda: inference(size)),
        ("4", lambda: capture(size)),
        ("5", lambda: data_pipeline(size, args.quick)),
        ("7", lambda: memory(size)),
    ]
    for item, run in sections:
        if item in items:
            rows.extend(run())
        if item == "5":
            rows.append(Row("6", "GUI stalls, throughput, canvas", "", "", None, "", None,
                            "see bench_gui_training.py and bench_canvas.py"))
    print_table(rows)


if __name__ == "__main__":
    main()
