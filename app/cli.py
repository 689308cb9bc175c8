"""The command line: ``recurrente validate|show|examples`` (no Qt is imported on this path).

Every failure is one located message on stderr and a non-zero exit status, never a
traceback: 1 when a design has problems, 2 when a file cannot be read or an argument is
wrong.
"""

from __future__ import annotations

import argparse
import sys

from engine.design import Design
from engine.errors import RecurrenteError
from engine.examples import list_examples, load_example
from engine.fileformat import load
from engine.validation import Analysis, analyze


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recurrente",
        description="Design, train and understand recurrent neural networks. "
        "Without arguments, opens the desktop window.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_ in (("validate", "check a design; exit 1 when it has problems"),
                        ("show", "print a design's blocks, wire shapes and parameter counts")):
        cmd = sub.add_parser(name, help=help_, description=help_)
        source = cmd.add_mutually_exclusive_group(required=True)
        source.add_argument("design", nargs="?", help="a design file (.json)")
        source.add_argument("--example", choices=list_examples(), help="a shipped example")
    sub.add_parser("examples", help="list the shipped example designs")
    return parser


def _load(args: argparse.Namespace) -> Design:
    return load_example(args.example) if args.example else load(args.design)


def _print_problems(analysis: Analysis, out: object = sys.stdout) -> None:
    for problem in analysis.problems:
        print(f"  {problem}", file=out)  # type: ignore[call-overload]


def _show(design: Design, analysis: Analysis) -> None:
    print(f"{design.name}: {analysis.network_shape or 'incomplete'}, "
          f"{analysis.total_params:,} parameters")
    from engine.catalogue import get_kind

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
    if analysis.problems:
        print("problems:")
        _print_problems(analysis)


def run_cli(argv: list[str]) -> int:
    """Run a command-line invocation; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "examples":
            for name in list_examples():
                design = load_example(name)
                print(f"  {name:<14} {design.name}")
            return 0
        design = _load(args)
        analysis = analyze(design)
        if args.command == "show":
            _show(design, analysis)
        elif analysis.problems:
            print(f"{design.name}: {len(analysis.errors)} error(s), "
                  f"{len(analysis.problems) - len(analysis.errors)} warning(s)",
                  file=sys.stderr)
            _print_problems(analysis, sys.stderr)
        else:
            print(f"{design.name}: valid, {analysis.network_shape}, "
                  f"{analysis.total_params:,} parameters")
        return 1 if analysis.errors else 0
    except RecurrenteError as exc:
        print(f"recurrente: {exc}", file=sys.stderr)
        return 2
