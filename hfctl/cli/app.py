"""The command line: registers the commands and maps errors to exit codes. No logic here."""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from hfctl import version_line
from hfctl.cli.lang import install_framework_words, lang_option, translate_tree

# Every command: its name, where it lives, and whether it is a group of subcommands. A run
# imports and registers only the command it names (typer inspects every registered function's
# signature when it starts, which for all of them costs more than most commands' own work).
COMMANDS: dict[str, tuple[str, str, bool]] = {
    "init": ("hfctl.cli.commands.init", "init", False),
    "status": ("hfctl.cli.commands.status", "status", False),
    "validate": ("hfctl.cli.commands.validate", "validate", False),
    "secretariat": ("hfctl.cli.commands.secretariat", "app", True),
    "agreements": ("hfctl.cli.commands.agreements", "app", True),
    "meeting": ("hfctl.cli.commands.meeting", "app", True),
    "agenda": ("hfctl.cli.commands.invite", "agenda", False),
    "invite": ("hfctl.cli.commands.invite", "invite", False),
    "minutes": ("hfctl.cli.commands.minutes", "minutes", False),
    "papers": ("hfctl.cli.commands.papers", "papers", False),
    "actions": ("hfctl.cli.commands.minutes", "actions_app", True),
    "inform": ("hfctl.cli.commands.inform", "app", True),
    "person": ("hfctl.cli.commands.person", "app", True),
    "member": ("hfctl.cli.commands.member", "app", True),
    "diff": ("hfctl.cli.commands.diff", "diff", False),
    "log": ("hfctl.cli.commands.log", "log", False),
    "schema": ("hfctl.cli.commands.schema", "schema", False),
    "site": ("hfctl.cli.commands.site", "app", True),
    "plan": ("hfctl.cli.commands.plan", "plan", False),
    "templates": ("hfctl.cli.commands.templates", "app", True),
}


def _version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit()


def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    no_cache: bool = typer.Option(
        False,
        "--no-cache",
        help="Parse every data file afresh; do not read or write .hfctl-cache/.",
    ),
    lang: str | None = lang_option(
        help="Language of the messages (default: $HFCTL_LANG, the community's, the locale's, nn).",
    ),
) -> None:
    """Governance of a Norwegian health community (helsefellesskap), kept as code."""
    if no_cache:
        from hfctl.cli.context import current

        current().use_cache = False


class _Root(TyperGroup):
    """hfctl's command tree, in the language of the run: built by typer, then translated."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        install_framework_words()
        translate_tree(self)

    def get_params(self, ctx: Any) -> Any:
        """The parameters, with the help of typer's completion options (added after the tree
        was built) in the run's language."""
        from hfctl.core.i18n import _

        params = super().get_params(ctx)
        for param in params:
            text = getattr(param, "help", None)
            if param.name in ("install_completion", "show_completion") and text:
                param.help = _(text)  # type: ignore[attr-defined]
        return params


def build_app(names: Sequence[str] | None = None) -> typer.Typer:
    """The command line with the commands ``names`` (default: all of them)."""
    app = typer.Typer(
        name="hfctl",
        help="Governance of a Norwegian health community (helsefellesskap), kept as code.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        cls=_Root,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    for name in COMMANDS if names is None else names:
        module, attribute, group = COMMANDS[name]
        target = getattr(importlib.import_module(module), attribute)
        if group:
            app.add_typer(target, name=name)
        else:
            app.command(name)(target)
    return app


def command_named(argv: Sequence[str]) -> str | None:
    """The command a command line names, if it is one of hfctl's (the global options before
    it are all flags, so the first word that is not an option is the command)."""
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def completion_args(env: Mapping[str, str]) -> list[str] | None:
    """When the shell asks for completions (``_HFCTL_COMPLETE``), the words already complete
    on its command line after ``hfctl`` (as typer reads them for bash, zsh and fish): they
    name the command to register and the language; None when no shell is asking."""
    import shlex

    wanted = env.get("_HFCTL_COMPLETE", "")
    if not wanted:
        return None

    def split(text: str) -> list[str]:
        try:
            return shlex.split(text)
        except ValueError:
            return text.split()

    if wanted.startswith("complete_bash"):
        words = split(env.get("COMP_WORDS", ""))
        try:
            return words[1 : int(env.get("COMP_CWORD", "0"))]
        except ValueError:
            return words[1:]
    line = env.get("_TYPER_COMPLETE_ARGS", "")
    words = split(line)[1:]
    return words if line.endswith(" ") or not words else words[:-1]


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        return build_app()
    raise AttributeError(name)


_OUTPUT_ERRORS = {errno.ENOSPC, errno.EIO, errno.EBADF, errno.EPIPE, errno.EDQUOT, errno.EFBIG}
"""Errors of writing the output (a full disk, a closed descriptor): said, never a traceback."""


def _prepare_streams() -> None:
    """Output that any terminal or file can take: a closed stdout or stderr writes nowhere,
    and a character the stream's encoding lacks (ASCII) is written as an escape."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None or _closed(stream):
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _closed(stream: Any) -> bool:
    """Whether the stream's descriptor is closed (``>&-``); a stream without one (a test's
    buffer) is open."""
    if getattr(stream, "closed", False):
        return True
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return False
    try:
        os.fstat(descriptor)
    except OSError:
        return True
    return False


def _silence_stdout() -> None:
    """Point stdout at nowhere, so that Python's own flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def main() -> None:
    """Entry point: run the app; turn hfctl's errors into messages and exit codes."""
    from hfctl.cli.context import begin
    from hfctl.core.errors import HfctlError
    from hfctl.core.i18n import _

    run = begin()
    _prepare_streams()
    try:
        try:
            from hfctl.cli.coercion import defer_option_coercion
            from hfctl.cli.lang import choose

            defer_option_coercion()
            completing = completion_args(os.environ)
            argv = sys.argv[1:] if completing is None else completing
            choose(argv)
            named = command_named(argv)
            build_app(None if named is None else [named])(prog_name="hfctl")
        except SystemExit as done:
            sys.stdout.flush()  # a full or closed output fails here, inside the handlers
            if done.code == 130:  # typer turns Ctrl-C into a silent exit 130
                raise KeyboardInterrupt from None
            unreadable = run.unreadable_once()
            if done.code in (0, None) and unreadable:
                from hfctl.cli.output import print_unreadable

                print_unreadable(unreadable)
                sys.exit(1)
            raise
    except HfctlError as exc:
        from hfctl.cli.output import print_error

        print_error(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write(_("hfctl: interrupted") + "\n")
        sys.exit(130)
    except BrokenPipeError:
        # the reader went away (| head -1): stop quietly, with click's code for it
        _silence_stdout()
        sys.exit(1)
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRORS:
            raise
        _silence_stdout()
        sys.stderr.write(
            _("hfctl: cannot write the output: {reason}").format(reason=exc.strerror) + "\n"
        )
        sys.exit(1)
    except Exception as exc:
        if os.environ.get("HFCTL_DEBUG"):
            raise
        sys.stderr.write(
            _(
                "hfctl: internal error: {kind}: {error}\n"
                "This is a bug in hfctl; run again with HFCTL_DEBUG=1 for details."
            ).format(kind=type(exc).__name__, error=exc)
            + "\n"
        )
        sys.exit(3)
