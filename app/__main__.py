"""Entry point of ``recurrente``: the desktop window without arguments, else the command line.

The command-line path imports only the engine (no Qt), so it runs on a headless machine.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the program; returns the process exit status."""
    args = sys.argv[1:] if argv is None else argv
    if args:
        from app.cli import run_cli

        return run_cli(args)
    from app.cli import run_cli

    # The desktop window is built on the designer (not yet part of this program);
    # until then the command line lists what can be opened.
    print("The desktop window is not part of this build yet. Shipped examples:\n")
    return run_cli(["examples"])


if __name__ == "__main__":
    sys.exit(main())
