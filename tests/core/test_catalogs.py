"""The message catalogs: complete in nn, nb and en, placeholders kept, the committed .mo the
compile of the .po, and the template the messages of the code as they are now."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from hfctl.core import catalogs
from hfctl.core.i18n import LANGUAGES

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=language)


def _ids(catalog: Catalog) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def _forms(message: Message) -> list[tuple[str, str]]:
    """Each translation beside the id it translates (for a plural: the plural id)."""
    if isinstance(message.id, str):
        return [(message.id, str(message.string))]
    singular, plural = message.id[0], message.id[1]
    assert not isinstance(message.string, str)
    strings = list(message.string or ())
    return [(singular if i == 0 else plural, s) for i, s in enumerate(strings)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    template = _read(catalogs.TEMPLATE)
    catalog = _read(catalogs.po_path(language), language)
    assert _ids(catalog) == _ids(template)
    untranslated = [m.id for m in catalog if m.id and not all(s for _, s in _forms(m))]
    assert not untranslated, untranslated
    assert not [m.id for m in catalog if m.id and m.fuzzy]


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_are_kept(language: str) -> None:
    catalog = _read(catalogs.po_path(language), language)
    changed = [
        (source, string)
        for m in catalog
        if m.id
        for source, string in _forms(m)
        if sorted(set(PLACEHOLDER.findall(source))) != sorted(set(PLACEHOLDER.findall(string)))
    ]
    assert not changed, changed


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_mo_is_the_compiled_po(language: str) -> None:
    assert catalogs.mo_path(language).read_bytes() == catalogs.compiled(language)


def test_nynorsk_and_bokmal_have_two_plural_forms() -> None:
    for language in ("nn", "nb"):
        catalog = _read(catalogs.po_path(language), language)
        assert catalog.num_plurals == 2
        assert catalog.plural_expr == "(n != 1)"


def test_the_template_has_every_message_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "hfctl.pot"
    catalogs.extract(fresh)
    assert _ids(_read(fresh)) == _ids(_read(catalogs.TEMPLATE)), (
        "run python -m hfctl.core.catalogs all and translate the new messages"
    )
