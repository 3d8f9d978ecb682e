"""A validation report in the formats machines read: JSON, GitHub Actions annotations and
GitLab Code Quality."""

from __future__ import annotations

import hashlib
from typing import Any

from hfctl.checks.validation import Report
from hfctl.core.problems import Problem, Severity


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


def report_gitlab(report: Report) -> list[dict[str, Any]]:
    """A GitLab Code Quality report: one issue per problem. The fingerprint is the problem's
    code, file and message with its ordinal among the problems that share all three (counted
    in order of place in the file): unique per problem, so GitLab shows every one, and stable
    when lines move, so an unchanged problem is not reported as fixed and new."""

    def place(p: Problem) -> tuple[int, int]:
        return (p.location.line or 0, p.location.column or 0)

    ordinal: dict[int, int] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for index, p in sorted(enumerate(report.problems), key=lambda item: place(item[1])):
        same = (p.code, p.location.file, p.message)
        ordinal[index] = seen.get(same, 0)
        seen[same] = ordinal[index] + 1
    out: list[dict[str, Any]] = []
    for index, p in enumerate(report.problems):
        text = f"{p.code}|{p.location.file}|{p.message}|{ordinal[index]}"
        out.append(
            {
                "description": f"{p.code} {p.message}",
                "check_name": p.code,
                "fingerprint": hashlib.sha256(text.encode()).hexdigest(),
                "severity": "major" if p.severity is Severity.ERROR else "minor",
                "location": {"path": p.location.file, "lines": {"begin": p.location.line or 1}},
            }
        )
    return out
