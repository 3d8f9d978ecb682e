"""The language of the command line: chosen once at the start of a run, before the command is
built, and spoken by hfctl's own words and by click's and typer's (Usage, Options, "Missing
option" …).

The help texts of commands and options are written in English in the code (docstrings and
``help=``) and translated when the command tree is built (:func:`translate_tree`): the catalog
extractor (:mod:`hfctl.core.catalogs`) collects them as message ids, so a help text is never
frozen in the language that happened to be chosen when its module was imported.

click and typer mark their words with the standard library's ``gettext.gettext`` (the global
domain "messages", which hfctl does not own). :func:`install_framework_words` points their
``_`` at hfctl's catalog instead, and sets typer's panel titles, which it translates once at
import, in the language of the run. Their message ids are listed in
:mod:`hfctl.cli.framework_words`, so that they are in hfctl's catalogs.
"""

from __future__ import annotations

import copy
import gettext as _stdlib_gettext
import importlib.abc
import importlib.util
import os
import re
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from hfctl.core import i18n
from hfctl.core.errors import UsageError
from hfctl.core.i18n import LANGUAGES, _

_DEFAULT_LANGUAGE = re.compile(r"""^default_language:\s*["']?([A-Za-z]+)""", re.MULTILINE)


def community_language(argv: Sequence[str], env: Mapping[str, str]) -> str | None:
    """The community's default language, read cheaply from ``data/community.yaml`` (one line,
    no load, no validation) of the repository the command line names (``--repo``), or the
    environment's (``HFCTL_REPO``), or the one found from here; None when there is none."""
    from hfctl.store.repo import MARKER, find_root

    explicit: Path | None = None
    for index, arg in enumerate(argv):
        if arg == "--repo" and index + 1 < len(argv):
            explicit = Path(argv[index + 1])
        elif arg.startswith("--repo="):
            explicit = Path(arg.partition("=")[2])
    try:
        root = explicit if explicit is not None else find_root()
        text = (root / MARKER).read_text(encoding="utf-8")
    except (UsageError, OSError, UnicodeDecodeError):
        return None
    found = _DEFAULT_LANGUAGE.search(text)
    return found.group(1) if found else None


def choose(argv: Sequence[str], env: Mapping[str, str] | None = None) -> str:
    """Choose and set the language of this run (see :func:`hfctl.core.i18n.choose_language`);
    a ``HFCTL_LANG`` that hfctl does not speak is refused."""
    env = os.environ if env is None else env
    wanted = env.get("HFCTL_LANG", "")
    argument = i18n.lang_argument(argv)
    community = None
    if argument not in LANGUAGES and wanted not in LANGUAGES:
        community = community_language(argv, env)
    language = i18n.choose_language(argument, env, community)
    i18n.set_language(language)
    if wanted and wanted not in LANGUAGES:
        raise UsageError(
            _("HFCTL_LANG: '{value}' is not one of {languages}").format(
                value=wanted, languages=", ".join(LANGUAGES)
            )
        )
    return language


# typer's words that it translates once, when rich_utils is imported
_TYPER_CONSTANTS = (
    "DEPRECATED_STRING",
    "DEFAULT_STRING",
    "ENVVAR_STRING",
    "REQUIRED_LONG_STRING",
    "ARGUMENTS_PANEL_TITLE",
    "OPTIONS_PANEL_TITLE",
    "COMMANDS_PANEL_TITLE",
    "ERRORS_PANEL_TITLE",
    "ABORTED_TEXT",
    "RICH_HELP",
)
_typer_english: dict[str, str] = {}
_patched: list[bool] = []


def install_framework_words() -> None:
    """Make typer (and the click it carries) speak the run's language.

    typer's own modules mark their words with the standard library's ``gettext.gettext``:
    their ``_`` becomes hfctl's, and the panel titles it translated at import are set anew
    from their English originals. The click typer carries (``typer._click``) writes a few
    words without gettext; those are translated where they are used: the usage line's prefix,
    the help option's help, and the message of a usage error (:mod:`hfctl.cli.framework_words`).
    typer imports its help and error formatting (``typer.rich_utils``, with rich's Markdown)
    only when it shows help or an error: that module is dealt with when it is imported, so
    that a plain run does not pay for it.
    """
    for name, module in list(sys.modules.items()):
        if name.startswith(("typer", "click")) and (
            getattr(module, "_", None) is _stdlib_gettext.gettext
        ):
            module._ = i18n.gettext  # type: ignore[attr-defined]
    if not _patched:
        _patch_carried_click()
        _patched.append(True)
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is not None:
        _speak_rich_utils(rich_utils)
    elif not any(isinstance(f, _WhenImported) for f in sys.meta_path):
        sys.meta_path.insert(0, _WhenImported())


def _speak_rich_utils(rich_utils: Any) -> None:
    """typer's help and error formatting in the run's language."""
    if getattr(rich_utils, "_", None) is _stdlib_gettext.gettext:
        rich_utils._ = i18n.gettext
    for constant in _TYPER_CONSTANTS:
        if hasattr(rich_utils, constant):
            english = _typer_english.setdefault(constant, getattr(rich_utils, constant))
            setattr(rich_utils, constant, _(english))
    if not getattr(rich_utils.rich_format_error, "_hfctl", False):
        from hfctl.cli.framework_words import error_message

        format_error = rich_utils.rich_format_error

        def error(self: Any) -> None:
            english = self.format_message
            self.format_message = lambda: error_message(english())
            format_error(self)

        error._hfctl = True  # type: ignore[attr-defined]
        rich_utils.rich_format_error = error


class _WhenImported(importlib.abc.MetaPathFinder):
    """Finds ``typer.rich_utils`` as Python would, and makes it speak once it is run."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname != "typer.rich_utils":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None:
            return spec
        run_module = spec.loader.exec_module

        def exec_module(module: Any) -> None:
            run_module(module)
            _speak_rich_utils(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _patch_carried_click() -> None:
    """Translate the words of typer's click that it writes without gettext."""
    from typer._click import core, formatting

    write_usage = formatting.HelpFormatter.write_usage

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, _("Usage:") + " " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = usage  # type: ignore[method-assign]

    get_help_option = core.Command.get_help_option

    def help_option(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = _("Show this message and exit.")
        return option

    core.Command.get_help_option = help_option  # type: ignore[method-assign]


def check_lang(value: str | None) -> str | None:
    """Refuse a ``--lang`` that hfctl does not speak."""
    if value is not None and value not in LANGUAGES:
        import typer

        raise typer.BadParameter(
            _("'{value}' is not one of {languages}.").format(
                value=value, languages=", ".join(LANGUAGES)
            )
        )
    return value


def complete_lang(incomplete: str) -> list[str]:
    """The languages, for Tab after ``--lang``."""
    return [language for language in LANGUAGES if language.startswith(incomplete)]


def lang_help() -> str:
    """The help of ``--lang`` for the messages."""
    return _("Language of the messages (default: $HFCTL_LANG, the community's, the locale's, nn).")


def lang_option(**more: Any) -> Any:
    """The ``--lang`` option of the messages (``more``: typer's other settings of it)."""
    import typer

    return typer.Option(
        None,
        "--lang",
        metavar="nn|nb|en",
        callback=check_lang,
        autocompletion=complete_lang,
        **more,
    )


@cache
def _lang_param() -> Any:
    """``--lang`` as typer builds an option (taken from a one-option command)."""
    import typer
    import typer.main

    probe = typer.Typer()

    @probe.command()
    def _probe(lang: str | None = lang_option(expose_value=False)) -> None:
        """Never run."""

    return typer.main.get_command(probe).params[0]


def translate_tree(command: Any) -> None:
    """Translate the help of ``command`` (typer's click command) and every command under it
    into the run's language, and give each command ``--lang`` (a document's own ``--lang``
    serves both)."""
    if command.help:
        command.help = _(command.help)
    if command.short_help:
        command.short_help = _(command.short_help)
    command.options_metavar = _("[OPTIONS]")
    for param in command.params:
        text = getattr(param, "help", None)
        if text:
            param.help = _(text)
    commands = getattr(command, "commands", None)
    if not any("--lang" in p.opts for p in command.params):
        param = copy.copy(_lang_param())
        param.help = lang_help()
        command.params.append(param)
    if commands is not None:
        command.subcommand_metavar = _("COMMAND [ARGS]...")
        for sub in commands.values():
            translate_tree(sub)
