"""The language hfctl speaks: gettext catalogs (``hfctl/locale/<lang>/LC_MESSAGES/hfctl.mo``,
made from the ``.po`` files beside them with Babel) and the one place that knows which is chosen.

Message ids are English; ``nn``, ``nb`` and ``en`` each have a catalog. Code marks a message with
``_("…")`` (``from hfctl.core.i18n import _``) or ``ngettext`` for a plural, and formats it after
translation: ``_("{forum} has no leader").format(forum=name)``, so that a translator sees the
placeholders and may move them.
"""

from __future__ import annotations

import gettext as _gettext
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("nn", "nb", "en")
"""The languages hfctl speaks, in the order they are offered."""

DEFAULT_LANGUAGE = "nn"
"""Spoken when neither the command line, the environment nor the community chooses."""

DOMAIN = "hfctl"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_current: list[str] = [DEFAULT_LANGUAGE]


@cache
def translations(language: str) -> _gettext.NullTranslations:
    """The catalog of one language (an empty one where none is installed)."""
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def set_language(language: str) -> None:
    """Speak ``language`` from now on (one of :data:`LANGUAGES`)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: one of {', '.join(LANGUAGES)}")
    _current[0] = language


def current_language() -> str:
    """The language chosen for this run."""
    return _current[0]


def gettext(message: str) -> str:
    """``message`` in the current language."""
    return translations(_current[0]).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural of a message for ``n``, in the current language."""
    return translations(_current[0]).ngettext(singular, plural, n)


_ = gettext


def lang_argument(argv: Sequence[str]) -> str | None:
    """The value of ``--lang X`` or ``--lang=X`` on a command line (the last one given, before
    a ``--``), whether before the command or after it."""
    found: str | None = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            found = argv[index + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found


_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_LOCALE_LANGUAGE = {"nn": "nn", "nb": "nb", "no": "nb", "en": "en"}


def locale_language(env: Mapping[str, str]) -> str | None:
    """The language of the user's locale, if it is one hfctl speaks (``nn_NO.UTF-8`` is nn,
    ``nb_NO`` and ``no_NO`` are nb, ``en_GB`` is en); ``C`` and ``POSIX`` say nothing. The
    first locale variable that is set decides, as gettext reads them."""
    for name in _LOCALE_VARIABLES:
        value = env.get(name, "")
        if not value:
            continue
        first = value.split(":")[0]
        code = re.split(r"[_.@-]", first, maxsplit=1)[0].lower()
        return _LOCALE_LANGUAGE.get(code)
    return None


def choose_language(argument: str | None, env: Mapping[str, str], community: str | None) -> str:
    """The language of a run: ``--lang``, else ``$HFCTL_LANG``, else the community's default
    (``default_language`` in ``data/community.yaml``), else the locale's, else nynorsk. A
    value that is not one of :data:`LANGUAGES` is passed over here (the option itself refuses
    it, and a wrong ``HFCTL_LANG`` is refused by the command line)."""
    for candidate in (argument, env.get("HFCTL_LANG") or None, community, locale_language(env)):
        if candidate in LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE
