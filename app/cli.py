"""The command line. No Qt is imported on this path, so it runs headless and under torchrun.

    recurrente examples
    recurrente show (DESIGN | --example NAME)
    recurrente validate (DESIGN | --example NAME) [--data SOURCE]
    recurrente train (DESIGN | --example NAME) [--data SOURCE] [--epochs N] [--device D]
                     [--out RUN_DIR] [--resume CHECKPOINT]
    recurrente export RUN_DIR [--format torchscript|program|onnx]
    recurrente predict MODEL.pt INPUT [--steps N] [--temperature T]

Every failure is one located message on stderr and a non-zero exit status, never a
traceback: 1 when a design has problems or a run fails, 2 when a file or an argument
cannot be used.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from engine.design import Design
from engine.errors import RecurrenteError
from engine.examples import list_examples, load_example
from engine.fileformat import load
from engine.validation import Analysis, analyze


def _design_source(cmd: argparse.ArgumentParser) -> None:
    source = cmd.add_mutually_exclusive_group(required=True)
    source.add_argument("design", nargs="?", help="a design file (.json)")
    source.add_argument("--example", choices=list_examples(), help="a shipped example")


def _data_arguments(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--data", help="builtin:NAME (e.g. builtin:adding) or a data file; "
                     "default: the data set saved in the design")
    cmd.add_argument("--data-option", action="append", default=[], metavar="KEY=VALUE",
                     help="an option of the data set (repeatable), e.g. length=100")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recurrente",
        description="Design, train and understand recurrent neural networks. "
        "Without arguments, opens the desktop window.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("examples", help="list the shipped example designs")
    show = sub.add_parser("show", help="print a design's blocks, wire shapes and parameters")
    _design_source(show)
    validate = sub.add_parser("validate", help="check a design (and its fit to a data set); "
                              "exit 1 when it has problems")
    _design_source(validate)
    _data_arguments(validate)
    train = sub.add_parser("train", help="train a design headless, writing a run directory")
    _design_source(train)
    _data_arguments(train)
    train.add_argument("--epochs", type=int, help="override the design's epochs")
    train.add_argument("--batch-size", type=int, help="override the design's batch size")
    train.add_argument("--lr", type=float, help="override the design's learning rate")
    train.add_argument("--device", help="auto, cpu, cuda or cuda:N")
    train.add_argument("--seed", type=int, help="override the design's seed")
    train.add_argument("--out", default="runs/latest", help="run directory (default: %(default)s)")
    train.add_argument("--resume", help="a checkpoint.pt to continue from")
    train.add_argument("--quiet", action="store_true", help="no progress bar")
    export = sub.add_parser("export", help="export a trained run's model")
    export.add_argument("run_dir", help="a directory written by 'recurrente train'")
    export.add_argument("--format", default="torchscript",
                        choices=("torchscript", "program", "onnx"))
    export.add_argument("--output", help="the file to write (default: in the run directory)")
    predict = sub.add_parser("predict", help="run an exported model (.pt) on an input")
    predict.add_argument("model", help="a TorchScript file written by 'recurrente export'")
    predict.add_argument("input", help="text for token inputs; numbers separated by spaces "
                         "or commas (one step per ';') for feature inputs; a .npy file")
    predict.add_argument("--steps", type=int, default=32, help="steps to generate")
    predict.add_argument("--temperature", type=float, default=1.0)
    return parser


def _load(args: argparse.Namespace) -> Design:
    return load_example(args.example) if args.example else load(args.design)


def _show(design: Design, analysis: Analysis) -> None:
    from engine.catalogue import get_kind

    print(f"{design.name}: {analysis.network_shape or 'incomplete'}, "
          f"{analysis.total_params:,} parameters")
    for block_id in analysis.order:
        block = design.blocks[block_id]
        kind = get_kind(block.kind)
        summary = kind.summary(block.params) if kind else block.kind
        count = analysis.param_counts.get(block_id, 0)
        print(f"  {block_id:<14} {summary:<40} {count:>10,} parameters")
    print("wires:")
    for wire in design.wires:
        shape = analysis.wire_shape(wire)
        print(f"  {wire!s:<40} {shape.label() if shape else '?'}")
    _print_problems(analysis.problems, sys.stdout, "problems:")


def _print_problems(problems: list, out: Any, title: str = "") -> None:
    if problems and title:
        print(title, file=out)
    for problem in problems:
        print(f"  {problem}", file=out)


def _data_settings(args: argparse.Namespace, design: Design) -> Any:
    from engine.data.load import parse_data_argument

    if args.data:
        return parse_data_argument(args.data, args.data_option)
    saved = design.training.data
    if saved is None:
        raise RecurrenteError(f"the design '{design.name}' names no data set: pass --data "
                              "builtin:NAME or --data FILE")
    extra = parse_data_argument("builtin:", args.data_option).options
    return replace(saved, options={**saved.options, **extra})


def _validate(args: argparse.Namespace) -> int:
    design = _load(args)
    analysis = analyze(design)
    problems = list(analysis.problems)
    if analysis.ok and (args.data or design.training.data is not None):
        from engine.data.load import load_data
        from engine.training.fit import check_fit

        data = load_data(_data_settings(args, design))
        problems += check_fit(design, data.spec, analysis)
    errors = [p for p in problems if p.severity == "error"]
    if problems:
        print(f"{design.name}: {len(errors)} error(s), {len(problems) - len(errors)} "
              "warning(s)", file=sys.stderr)
        _print_problems(problems, sys.stderr)
    else:
        print(f"{design.name}: valid, {analysis.network_shape}, "
              f"{analysis.total_params:,} parameters")
    return 1 if errors else 0


class _ProgressBar:
    """One line on stderr: epoch, step, loss and ETA (refreshed at most 10 times a second)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.total = 0
        self.steps_per_epoch = 0
        self.epochs = 0
        self.last = 0.0

    def __call__(self, event: Any) -> None:
        name = event.name
        if name == "run_started":
            self.epochs, self.steps_per_epoch = event.epochs, event.steps_per_epoch
            self.total = event.epochs * event.steps_per_epoch
            print(f"training on {event.device}: {event.parameters:,} parameters, "
                  f"{event.data}, {event.epochs} epochs x {event.steps_per_epoch} steps",
                  file=sys.stderr)
        elif name == "step_finished" and self.enabled:
            now = time.monotonic()
            if now - self.last < 0.1:
                return
            self.last = now
            done = event.step / max(self.total, 1)
            eta = event.seconds / done - event.seconds if done > 0 else 0.0
            bar = "#" * int(done * 24)
            print(f"\repoch {event.epoch}/{self.epochs} [{bar:<24}] step {event.step}/"
                  f"{self.total} loss {event.loss:.4f} ETA {_clock(eta)} ", end="",
                  file=sys.stderr, flush=True)
        elif name == "epoch_finished":
            if self.enabled:
                print("\r" + " " * 78 + "\r", end="", file=sys.stderr)
            metric = "" if event.metric == "NLL per step" and math.isclose(
                event.valid_metric, event.valid_loss) else \
                f", {event.metric} {event.train_metric:.4f} / {event.valid_metric:.4f}"
            print(f"epoch {event.epoch}: loss {event.train_loss:.4f}, valid "
                  f"{event.valid_loss:.4f}{metric} ({_clock(event.seconds)})", file=sys.stderr)
        elif name == "run_failed":
            print(f"\ntraining stopped: {event.message}", file=sys.stderr)


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _train(args: argparse.Namespace) -> int:
    from engine.data.load import load_data
    from engine.fileformat import atomic_write_text, dumps
    from engine.training.runlog import RunLogger
    from engine.training.trainer import Trainer

    design = _load(args)
    data_settings = _data_settings(args, design)
    changes = {key: value for key, value in (
        ("epochs", args.epochs), ("batch_size", args.batch_size),
        ("learning_rate", args.lr), ("device", args.device), ("seed", args.seed))
        if value is not None}
    settings = design.training.replace(data=data_settings, **changes)
    design.training = settings
    data = load_data(data_settings)
    run_dir = Path(args.out)
    rank = int(os.environ.get("RANK", "0"))
    bar = _ProgressBar(enabled=not args.quiet and sys.stderr.isatty())
    trainer = Trainer(design, data, settings, listeners=[bar])
    if rank == 0:
        run_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_text(run_dir / "design.json", dumps(design))
        atomic_write_text(run_dir / "data.json", json.dumps(data.spec.to_json(), indent=1))
        logger = RunLogger(run_dir)
        trainer.listeners.append(logger)
    if args.resume:
        trainer.load_checkpoint(args.resume)
    checkpoint = run_dir / "checkpoint.pt"
    try:
        while not trainer.done:
            trainer.advance()
            if trainer.progress.batch == 0 and trainer.progress.epoch and not trainer.done:
                trainer.save_checkpoint(checkpoint)
    except KeyboardInterrupt:
        trainer.request_stop()
        trainer.advance()
    finally:
        trainer.save_checkpoint(checkpoint)
        if rank == 0:
            logger.close()
        _close_distributed()
    result = trainer.result
    if result is None or result.name == "run_failed":
        return 1
    if rank == 0:
        test_loss, test_metric = trainer.evaluate(data.test)
        summary = (f"finished ({result.reason}) after {result.epochs} epochs, "
                   f"{result.steps} steps, {_clock(result.seconds)}")
        if not math.isnan(test_loss):
            summary += f"; test loss {test_loss:.4f}, {trainer.metric} {test_metric:.4f}"
        print(summary, file=sys.stderr)
        print(f"run written to {run_dir}/ (checkpoint.pt, epochs.csv, steps.csv); export "
              f"with: recurrente export {run_dir}", file=sys.stderr)
    return 0


def _close_distributed() -> None:
    import torch.distributed as dist

    if dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()


def _export(args: argparse.Namespace) -> int:
    from engine import export
    from engine.compiler import compile_design
    from engine.data.base import DataSpec
    from engine.fileformat import loads
    from engine.training.trainer import load_checkpoint_file

    run_dir = Path(args.run_dir)
    state = load_checkpoint_file(run_dir / "checkpoint.pt")
    design = loads(state["design"])
    model = compile_design(design)
    model.load_state_dict(state["model"])
    spec = None
    if (run_dir / "data.json").is_file():
        doc = json.loads((run_dir / "data.json").read_text(encoding="utf-8"))
        doc["input_vocab"] = tuple(doc.get("input_vocab", ()))
        doc["target_vocab"] = tuple(doc.get("target_vocab", ()))
        spec = DataSpec(**doc)
    suffix = export.EXPORT_FORMATS[args.format][0]
    output = Path(args.output) if args.output else run_dir / f"model{suffix}"
    inputs = None if args.format == "torchscript" else export.example_inputs(design)
    export.export_as(args.format, model, design, output, example_inputs=inputs, data_spec=spec)
    print(f"wrote {output}")
    return 0


def _predict(args: argparse.Namespace) -> int:
    from app.predict import predict

    for line in predict(args.model, args.input, steps=args.steps,
                        temperature=args.temperature):
        print(line)
    return 0


def run_cli(argv: list[str]) -> int:
    """Run a command-line invocation; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "examples":
            for name in list_examples():
                print(f"  {name:<14} {load_example(name).name}")
            return 0
        if args.command == "show":
            design = _load(args)
            analysis = analyze(design)
            _show(design, analysis)
            return 1 if analysis.errors else 0
        handler = {"validate": _validate, "train": _train, "export": _export,
                   "predict": _predict}[args.command]
        return handler(args)
    except RecurrenteError as exc:
        print(f"recurrente: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"recurrente: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2
