"""The one error hierarchy of hfctl; the command line maps these to exit codes."""

from __future__ import annotations

from collections.abc import Sequence

from hfctl.core.problems import Problem


class HfctlError(Exception):
    """An expected failure with a message for the user. Exit code 1 unless a subclass says."""

    exit_code = 1

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)


class UsageError(HfctlError):
    """The command was called wrongly: a bad option value, a missing repository."""

    exit_code = 2


class RefusedError(HfctlError):
    """A command refused to act because acting would lose data or break a rule."""


class NotFoundError(HfctlError):
    """Something named on the command line does not exist in the data."""


class Interrupted(HfctlError):
    """The user interrupted a command (Ctrl-C) while it wrote; what it wrote was put back."""

    exit_code = 130


class TemplateError(HfctlError):
    """A template that cannot be read or rendered: which one, and where in it if known."""

    def __init__(self, message: str, template: str, path: str | None, line: int | None) -> None:
        super().__init__(message)
        self.template = template
        self.path = path
        """The template file's path on disk, if known."""
        self.line = line
