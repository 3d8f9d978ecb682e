"""The words of typer and of the click it carries, in hfctl's catalogs.

typer marks its words with gettext (``_("Options")``), and :func:`marked` lists them here so
that the catalog extractor finds them. The click typer carries writes its error messages as
English text without gettext: :func:`error_message` recognises each of them by its English
shape and says it with a message of hfctl's, keeping the names and values it quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hfctl.core.i18n import _


def marked() -> list[str]:
    """typer's words as it marks them (never called for its value: it is what the extractor
    reads, and a test checks that each is in the catalogs)."""
    return [
        _("(deprecated) "),
        _("[default: {}]"),
        _("[env var: {}]"),
        _("[required]"),
        _("Arguments"),
        _("Options"),
        _("Commands"),
        _("Error"),
        _("Aborted."),
        _("Aborted!"),
        _("Try [blue]'{command_path} {help_option}'[/] for help."),
        _("default: {default}"),
        _("env var: {var}"),
        _("required"),
        _("(dynamic)"),
        _("Usage:"),
        _("Show this message and exit."),
        _("[OPTIONS]"),
        _("COMMAND [ARGS]..."),
        _("Missing command."),
        _("No such command {name!r}."),
        _("Install completion for the current shell."),
        _("Show completion for the current shell, to copy it or customize the installation."),
    ]


def _missing(found: re.Match[str]) -> str:
    kind, name = found.group("kind"), found.group("name")
    if kind == "argument":
        return _("Missing argument {name}.").format(name=name)
    if kind == "option":
        return _("Missing option {name}.").format(name=name)
    return _("Missing parameter {name}.").format(name=name)


def _invalid(found: re.Match[str]) -> str:
    return _("Invalid value for {name}: {message}").format(
        name=found.group("name"), message=error_message(found.group("message"))
    )


def _choice(found: re.Match[str]) -> str:
    return _("{value} is not one of {choices}.").format(
        value=found.group("value"), choices=found.group("choices")
    )


# the English shapes of the messages of typer's click, and how each is said
_SHAPES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"No such option: (?P<name>\S+) \(Possible options: (?P<options>.*)\)"),
        lambda m: _("No such option: {name} (did you mean {options}?)").format(
            name=m.group("name"), options=m.group("options")
        ),
    ),
    (
        re.compile(r"No such option: (?P<name>.+)"),
        lambda m: _("No such option: {name}").format(name=m.group("name")),
    ),
    (
        re.compile(r"No such command (?P<name>.+)\."),
        lambda m: _("No such command {name}.").format(name=m.group("name")),
    ),
    (re.compile(r"Missing (?P<kind>argument|option|parameter) ?(?P<name>.*)\."), _missing),
    (re.compile(r"Missing command\."), lambda m: _("Missing command.")),
    (
        re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)"),
        lambda m: _("Got unexpected extra argument(s) ({args})").format(args=m.group("args")),
    ),
    (
        re.compile(r"Option (?P<name>'[^']*') requires an argument\."),
        lambda m: _("Option {name} requires an argument.").format(name=m.group("name")),
    ),
    (
        re.compile(r"Option (?P<name>'[^']*') does not take a value\."),
        lambda m: _("Option {name} does not take a value.").format(name=m.group("name")),
    ),
    (re.compile(r"Invalid value for (?P<name>'[^']*'(?: / '[^']*')*): (?P<message>.*)"), _invalid),
    (re.compile(r"(?P<value>'[^']*') is not one of (?P<choices>.*)\."), _choice),
    (
        re.compile(r"(?P<value>'[^']*') is not a valid (?P<kind>integer|float)\."),
        lambda m: _("{value} is not a number.").format(value=m.group("value")),
    ),
]


def error_message(english: str) -> str:
    """A usage error of typer's click in the run's language (an unknown shape as it is)."""
    text = english.strip()
    for shape, say in _SHAPES:
        found = shape.fullmatch(text)
        if found:
            return say(found)
    return _(text)
