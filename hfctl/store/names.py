"""What a data file's name may be: the one place that says (HF115)."""

from __future__ import annotations

import unicodedata

from hfctl.core import unicode
from hfctl.core.i18n import _

# names Windows cannot create: a repository holding one cannot be checked out there
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(10)}


def check_name(parts: tuple[str, ...]) -> str | None:
    """What is wrong with a data file's path (its parts below ``data/``), or None. The
    message never repeats a name that holds a character of the Unicode policy list."""
    name = parts[-1]
    for part in parts:
        bad = unicode.first_refused(part)
        if bad:  # a line break or an escape sequence in a name would speak to terminals and CI
            said = (
                _(
                    "the folder name holds {describe}: rename it "
                    "(lower-case letters, digits, hyphens)"
                )
                if part != name
                else _(
                    "the file name holds {describe}: rename it "
                    "(lower-case letters, digits, hyphens)"
                )
            )
            return said.format(describe=unicode.describe(bad.group()))
    if unicodedata.normalize("NFC", name) != name or not name.isascii():
        return _("file name must be plain ASCII (lower-case letters, digits, hyphens)")
    if name.split(".")[0].lower() in _RESERVED or name.endswith((".", " ")):
        return _(
            "'{name}' cannot be a file name on Windows, so the repository could "
            "not be checked out there: choose another id"
        ).format(name=name)
    return None
