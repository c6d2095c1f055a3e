"""The `trigger` command: the composition root of the project.

Each sub-command lives in its own module with a ``register(subparsers)`` function; heavy imports
(spaCy, SQLAlchemy) happen inside the command handlers so that ``trigger --help`` and
``trigger check`` start fast. Only this package exits the process.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

# Modules under app.cli that provide sub-commands, in the order `--help` lists them.
COMMAND_MODULES = (
    "extract", "check", "dates", "policies", "workdays", "db", "audit", "serve", "ingest",
    "mailbox", "users", "stats",
)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="trigger",
        description="Community Trigger intake assistant.",
    )
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="more logging (-vv: debug)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"app.cli.{name}")
        except ModuleNotFoundError as exc:  # a command still being built is simply not offered
            if exc.name != f"app.cli.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
