"""The language hfctl speaks: gettext catalogs (``hfctl/locale/<lang>/LC_MESSAGES/hfctl.mo``,
made from the ``.po`` files beside them with Babel) and the one place that knows which is chosen.

Message ids are English; ``nn``, ``nb`` and ``en`` each have a catalog. Code marks a message with
``_("…")`` (``from hfctl.core.i18n import _``) or ``ngettext`` for a plural, and formats it after
translation: ``_("{forum} has no leader").format(forum=name)``, so that a translator sees the
placeholders and may move them.
"""

from __future__ import annotations

import gettext as _gettext
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
