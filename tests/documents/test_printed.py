"""The agenda and minutes as printed documents: A4 with page numbers, the community's letterhead,
the people they go to (``Til:``), how to send apologies, names and never ids, the time and place
as a list. Read back with the standard library's HTML parser, not the templates that wrote them."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tests.conftest import Repo, run

DEC = "2026-12-10-ssu"
SEP = "2026-09-17-ssu"


class _Doc(HTMLParser):
    """The text of each element with a class, and the style sheet."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.by_class: dict[str, str] = {}
        self.style = ""
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        cls = dict(attrs).get("class")
        self.stack.append(cls or "")
        if cls:
            self.by_class.setdefault(cls, "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
            return
        self.text.append(data)
        for cls in {c for c in self.stack if c}:
            self.by_class[cls] += data


def _doc(repo: Repo, *args: str) -> tuple[_Doc, str]:
    result = run(*args, "--format", "html", "--today", "2026-12-01", repo=repo)
    assert result.exit_code == 0, result.stderr
    doc = _Doc()
    doc.feed(result.stdout)
    return doc, result.stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


def _person_ids(repo: Repo) -> set[str]:
    from hfctl.store.loader import load

    return set(load(repo.root).people)


@pytest.mark.parametrize(("args", "to"), [(("agenda", DEC), "Til"), (("minutes", SEP), "Til")])
def test_a_printed_document_is_a4_numbered_with_letterhead_and_recipients(
    repo: Repo, args: tuple[str, str], to: str
) -> None:
    doc, html = _doc(repo, *args)
    page = re.search(r"@page\s*{(.*?)\n}", doc.style, re.S)
    assert page and "size: A4" in page.group(1)
    assert 'counter(page) " av " counter(pages)' in page.group(1)  # "Side 1 av 2" at the foot
    assert "@media print" in doc.style
    assert _flat(doc.by_class["org"]) == "Helsefellesskapet i Helse Fonna"  # community.yaml
    assert _flat(doc.by_class["web"]) == "https://helse-fonna.no/samhandling/helsefellesskap"
    recipients = _flat(doc.by_class["to"])
    assert recipients.startswith(f"{to}: ")
    # the members called, by name with the party they represent; no deputy (Gunnhild
    # Hjelmeland stands in for Ragnhild Hauge only when called in)
    assert "Harald Heggland (Haugesund)" in recipients and "Ragnhild Hauge (Karmøy)" in recipients
    assert "Gunnhild Hjelmeland" not in recipients
    facts_list = re.search(r'<dl class="facts">(.*?)</dl>', html, re.S)
    assert facts_list  # the time and place as a list of their own, not indented text
    facts = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", facts_list.group(1)))
    assert "Haugesund sjukehus" in facts["Stad"] and "kl. 10.00" in facts.get("Tid", "")
    words = set(re.findall(r"[\w-]+", " ".join(doc.text)))
    assert not words & _person_ids(repo), "a person's id where a name belongs"


def test_the_agenda_says_how_to_send_apologies_and_names_the_responsible(repo: Repo) -> None:
    doc, _ = _doc(repo, "agenda", DEC)
    apologies = _flat(doc.by_class["apologies"])
    assert apologies.startswith(
        "Forfall: Meld forfall til Steinar Østebø seinast måndag 7. desember 2026."
    )
    text = _flat(" ".join(doc.text))
    assert "(ansvarleg: FOUSAM, forfall laurdag 31. oktober 2026)" in text
    assert "(fousam," not in text


def test_the_printed_words_follow_the_language(repo: Repo) -> None:
    doc, _ = _doc(repo, "agenda", DEC, "--lang", "en")
    assert _flat(doc.by_class["to"]).startswith("To: ")
    assert _flat(doc.by_class["apologies"]).startswith("Apologies: Send apologies to ")
    assert 'counter(page) " of " counter(pages)' in doc.style
