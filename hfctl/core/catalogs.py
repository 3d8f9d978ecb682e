"""hfctl's message catalogs, kept with Babel:
``python -m hfctl.core.catalogs extract|update|compile|all``.

- ``extract``: every message of the code into ``hfctl/locale/hfctl.pot`` (``pybabel extract
  -F babel.cfg --sort-output --no-location``): the ``_()`` and ``ngettext()`` calls, and the
  command line's help texts, which are written in English as ``help="…"`` and as the
  docstrings of the commands (:func:`extract_hfctl` reads those; the command line translates
  them when it builds its commands).
- ``update``: the ``.po`` of nn, nb and en from the template (``pybabel update``), sorted by
  message id so that two branches' catalogs merge line by line; English gets its message id
  as its translation where it has none.
- ``compile``: each ``.po`` to its ``.mo`` (``pybabel compile``), committed in the package.

``python -m hfctl.core.catalogs all`` runs the three in turn. A test keeps the committed
``.mo`` equal to a fresh compile of the ``.po``, and every message translated.
"""

from __future__ import annotations

import ast
import inspect
import io
import sys
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from hfctl.core.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

PROJECT = LOCALE_DIR.parent.parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
WIDTH = 100
HEADER = """\
# hfctl's messages in {language}: python -m hfctl.core.catalogs update (see its docstring).
# The message ids are English; placeholders in braces stay as they are."""


def po_path(language: str) -> Path:
    """The ``.po`` of a language."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    """The compiled ``.mo`` of a language."""
    return po_path(language).with_suffix(".mo")


Extracted = tuple[int, str | None, Any, list[str]]
"""What an extraction method yields: line, function, message (or messages), comments."""


def extract_hfctl(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: dict[str, Any],
) -> Iterator[Extracted]:
    """Babel's Python extractor, and the help texts of the command line: every ``help="…"``
    given as a literal, and (in ``hfctl/cli/commands``) the docstring of every public
    function, which typer shows as the command's help."""
    from babel.messages.extract import extract_python

    source = fileobj.read()
    found: Iterator[Any] = extract_python(io.BytesIO(source), keywords, comment_tags, options)  # type: ignore[arg-type]
    yield from found
    name = Path(getattr(fileobj, "name", "")).as_posix()
    if "/cli/" not in name:
        return
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                value = keyword.value
                if (
                    keyword.arg == "help"
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                ):
                    yield value.lineno, None, inspect.cleandoc(value.value), []
    if "/cli/commands/" in name and not name.endswith("/common.py"):
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                doc = ast.get_docstring(node)
                if doc:
                    yield node.lineno, None, doc, []
    if name.endswith("/cli/app.py"):
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == "_root":
                doc = ast.get_docstring(node)
                if doc:
                    yield node.lineno, None, doc, []


def extract(template: Path = TEMPLATE) -> None:
    """The template of every message, sorted, without source lines (they only make merges
    conflict)."""
    from babel.messages.frontend import CommandLineInterface

    CommandLineInterface().run(  # type: ignore[no-untyped-call]
        [
            "pybabel",
            "--quiet",
            "extract",
            "-F",
            str(PROJECT / "babel.cfg"),
            "--sort-output",
            "--no-location",
            # the rule table's descriptions: the fourth argument of Rule(...)
            "--keyword=Rule:4",
            f"--width={WIDTH}",
            "-o",
            str(template),
            str(PROJECT / "hfctl"),
        ]
    )
    template.write_bytes(_without_dates(template.read_bytes()))


def update() -> None:
    """Each language's ``.po`` from the template: new ids added, gone ones dropped, sorted."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    with TEMPLATE.open("rb") as f:
        template = read_po(f)
    for language in LANGUAGES:
        path = po_path(language)
        if path.exists():
            with path.open("rb") as f:
                catalog = read_po(f, locale=language)
        else:
            catalog = Catalog(locale=language, domain=DOMAIN, project="hfctl")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.fuzzy = False
        catalog.header_comment = HEADER.format(language=language)
        catalog.last_translator = "hfctl"
        catalog.language_team = language
        if language == "en":
            for message in catalog:
                if message.id and not _translated(message.string):
                    message.string = message.id
        path.parent.mkdir(parents=True, exist_ok=True)
        out = io.BytesIO()
        write_po(out, catalog, width=WIDTH, sort_output=True, no_location=True)
        path.write_bytes(_without_dates(out.getvalue()))


def _without_dates(text: bytes) -> bytes:
    """A catalog without the moments of its last extraction and update (they would change the
    file, and so conflict in a merge, at every run)."""
    lines = text.splitlines(keepends=True)
    dated = (b'"POT-Creation-Date:', b'"PO-Revision-Date:')
    return b"".join(line for line in lines if not line.startswith(dated))


def _translated(string: str | tuple[str, ...] | list[str] | None) -> bool:
    if isinstance(string, tuple | list):
        return all(string)
    return bool(string)


def compiled(language: str) -> bytes:
    """The ``.mo`` of a language's ``.po``, as ``compile`` writes it."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path(language).open("rb") as f:
        catalog = read_po(f, locale=language)
    out = io.BytesIO()
    write_mo(out, _Undated(catalog), use_fuzzy=False)  # type: ignore[arg-type]
    return out.getvalue()


class _Undated:
    """A catalog as ``write_mo`` reads it, its header without the moments of extraction and
    revision (Babel puts the moment of reading there when the ``.po`` has none), so that the
    same ``.po`` always compiles to the same bytes."""

    def __init__(self, catalog: Any) -> None:
        self.catalog = catalog
        self.charset = catalog.charset

    def __iter__(self) -> Iterator[Any]:
        from babel.messages.catalog import Message

        dated = ("POT-Creation-Date:", "PO-Revision-Date:")
        for message in self.catalog:
            if not message.id:
                lines = [x for x in str(message.string).split("\n") if not x.startswith(dated)]
                message = Message("", "\n".join(lines), flags=message.flags)
            yield message


def compile_all() -> None:
    """Each ``.po`` to its ``.mo``."""
    for language in LANGUAGES:
        mo_path(language).write_bytes(compiled(language))


def main(argv: list[str]) -> int:
    """``extract``, ``update``, ``compile`` or ``all``."""
    steps: dict[str, list[Callable[[], None]]] = {
        "extract": [extract],
        "update": [update],
        "compile": [compile_all],
    }
    steps["all"] = [extract, update, compile_all]
    if len(argv) != 1 or argv[0] not in steps:
        sys.stderr.write("usage: python -m hfctl.core.catalogs extract|update|compile|all\n")
        return 2
    for step in steps[argv[0]]:
        step()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
