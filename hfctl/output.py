"""Printing for the command line: reports, JSON and errors. Data text is never markup."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from itertools import groupby
from typing import Any

from rich.console import Console
from rich.text import Text

from hfctl.errors import HfctlError
from hfctl.problems import Problem, Severity
from hfctl.validation import Report

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def console(stderr: bool = False) -> Console:
    """A console that colours only on a terminal and never reads markup or emoji from data."""
    return Console(stderr=stderr, highlight=False, markup=False, emoji=False, soft_wrap=True)


def print_json(value: Any) -> None:
    """Print a value as JSON (UTF-8, not ASCII-escaped)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def print_lines(lines: Iterable[str]) -> None:
    """Print plain lines."""
    for line in lines:
        sys.stdout.write(line + "\n")


def report_json(report: Report, strict: bool = False) -> dict[str, Any]:
    """The JSON shape of a validation report."""
    return {
        "ok": not report.failed(strict),
        "errors": report.errors,
        "warnings": report.warnings,
        "problems": [p.to_json() for p in report.problems],
    }


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github_line(problem: Problem) -> str:
    """A GitHub Actions workflow command that shows the problem on the pull request."""
    loc = problem.location
    props = [f"file={_gh_escape(loc.file, True)}"]
    if loc.line is not None:
        props.append(f"line={loc.line}")
    if loc.column is not None:
        props.append(f"col={loc.column}")
    props.append(f"title={_gh_escape(problem.code, True)}")
    return f"::{problem.severity.value} {','.join(props)}::{_gh_escape(problem.message)}"


def report_github(report: Report) -> list[str]:
    """Every problem as a workflow command."""
    return [github_line(p) for p in report.problems]


def summary(report: Report) -> str:
    """``3 errors, 1 warning in 142 files``."""

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return (
        f"{plural(report.errors, 'error')}, {plural(report.warnings, 'warning')} "
        f"in {plural(report.files, 'file')}"
    )


def print_report(report: Report, strict: bool = False) -> None:
    """Problems grouped by file, then a count; coloured on a terminal."""
    out = console()
    for file, problems in groupby(report.problems, key=lambda p: p.location.file):
        out.print(Text(file, style="bold underline"))
        for p in problems:
            loc = p.location
            where = (
                f"{loc.line}:{loc.column}"
                if loc.line and loc.column
                else (str(loc.line) if loc.line else "-")
            )
            line = Text("  ")
            line.append(f"{where:>8}  ", style="dim")
            line.append(f"{p.severity.value:<7} ", style=_STYLE[p.severity])
            line.append(f"{p.code}  ", style="bold")
            line.append(p.message)
            out.print(line)
        out.print()
    status = "failed" if report.failed(strict) else "ok"
    style = "bold red" if report.failed(strict) else "bold green"
    text = Text(f"{status}: ", style=style)
    text.append(summary(report))
    out.print(text)


def print_error(exc: HfctlError) -> None:
    """An error message on stderr, with any problems that explain it."""
    err = console(stderr=True)
    err.print(Text(f"hfctl: {exc.message}", style="bold red"))
    for p in exc.problems:
        err.print(Text(f"  {p.location}: {p.severity.value} {p.code} {p.message}"))
