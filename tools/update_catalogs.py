"""Bring hfctl's catalogs up to date with the code, fill in translations, compile them.

1. ``pybabel extract --sort-output`` over the whole package (keywords ``_``, ``ngettext``,
   ``N_`` and ``Rule:4``, the ``ensures`` of the rule table) into a temporary template;
2. ``pybabel update`` (or ``init`` the first time) of ``hfctl/locale/{nn,nb,en}``;
3. with ``--translations FILE`` (JSON: msgid, or the singular of a plural, to ``[nn, nb]`` or
   ``[nn one, nn many, nb one, nb many]``), set those msgstrs; the English catalog gets its msgids;
4. check that every msgstr keeps the placeholders of its msgid and lists what is untranslated;
5. ``pybabel compile``.

``python tools/update_catalogs.py [--translations FILE]``; exit 1 if something is left
untranslated or a placeholder is lost.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "hfctl" / "locale"
LANGUAGES = ("nn", "nb", "en")


def pybabel(*args: str) -> None:
    subprocess.run(["pybabel", *args], cwd=ROOT, check=True, capture_output=True)


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{([A-Za-z_][A-Za-z_0-9]*)[^{}]*\}", text.replace("{{", "")))


def fill(language: str, translations: dict[str, list[str]]) -> list[str]:
    """Set the msgstrs of one catalog; what is wrong or missing in it."""
    path = LOCALE / language / "LC_MESSAGES" / "hfctl.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    wrong: list[str] = []
    for message in catalog:
        if not message.id:
            continue
        plural = isinstance(message.id, tuple)
        ids = list(message.id) if plural else [message.id]
        if language == "en":
            message.string = tuple(ids) if plural else ids[0]
        elif ids[0] in translations:
            given = translations[ids[0]]
            forms = given[:2] if language == "nn" else given[2:]
            if not plural:
                forms = [given[0] if language == "nn" else given[1]]
            message.string = tuple(forms) if plural else forms[0]
        message.flags.discard("fuzzy")
        strings = list(message.string) if plural else [message.string]
        wanted = set().union(*(placeholders(i) for i in ids))
        for string in strings:
            if not string:
                wrong.append(f"{language}: untranslated: {ids[0]}")
            elif placeholders(string) != wanted:
                wrong.append(f"{language}: placeholders differ: {ids[0]!r} -> {string!r}")
    with path.open("wb") as handle:
        write_po(handle, catalog, sort_output=True)
    return wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--translations", type=Path, help="JSON: msgid -> [nn, nb] (or 4 forms)")
    args = parser.parse_args(argv)
    translations = json.loads(args.translations.read_text("utf-8")) if args.translations else {}
    with tempfile.TemporaryDirectory() as tmp:
        pot = str(Path(tmp) / "hfctl.pot")
        pybabel(
            *("extract", "--sort-output", "-k", "N_", "-k", "Rule:4", "--project", "hfctl"),
            *("--copyright-holder", "hfctl", "-o", pot, "hfctl"),
        )
        for language in LANGUAGES:
            exists = (LOCALE / language / "LC_MESSAGES" / "hfctl.po").exists()
            command = "update" if exists else "init"
            extra = ["--no-fuzzy-matching", "--ignore-obsolete"] if exists else []
            pybabel(command, "-i", pot, "-d", str(LOCALE), "-D", "hfctl", "-l", language, *extra)
    wrong = [line for language in LANGUAGES for line in fill(language, translations)]
    pybabel("compile", "-d", str(LOCALE), "-D", "hfctl")
    for line in wrong:
        sys.stderr.write(line + "\n")
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
