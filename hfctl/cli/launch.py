"""The console script's entry point: ``hfctl --version`` is answered before the command line
(typer, rich) is imported, so the commonest probe of an installation costs only Python's own
start-up; everything else goes to ``hfctl.cli.app``."""

from __future__ import annotations

import sys


def main() -> None:
    """Run hfctl."""
    if sys.argv[1:] == ["--version"]:
        from hfctl import version_line

        sys.stdout.write(version_line() + "\n")
        return
    from hfctl.cli.app import main as run

    run()
