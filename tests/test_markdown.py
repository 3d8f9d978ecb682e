"""Markdown that renders the same everywhere: every Markdown output hfctl makes from the
bundled data (agendas and minutes of every meeting, reminder letters, information digests,
secretariat handovers, signature tables, history) in every language is rendered by a
CommonMark renderer (markdown-it-py, as GitHub, GitLab and VS Code read it) and by
Python-Markdown (MkDocs), and both must give the same lists, list items and table cells."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest

from hfctl.core.errors import HfctlError
from hfctl.documents import tables
from hfctl.documents.agenda import render_agenda
from hfctl.documents.minutes import render_minutes
from hfctl.documents.reminders import letters
from hfctl.domain.agreements import rows
from hfctl.domain.information import digest
from hfctl.domain.membership import letterhead
from hfctl.domain.secretariat import handover_checklist
from hfctl.formats.render import render
from hfctl.store.loader import Dataset, load
from tests.conftest import GOLDEN, PROJECT

TODAY = dt.date(2026, 11, 24)
LANGS = ("nn", "nb", "en")


class _Structure(HTMLParser):
    """The lists (with their items' text) and the tables (with their cells' text) of HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self.open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol", "table", "tr"):
            self.found.append((tag, ""))
        if tag in ("li", "td", "th"):
            self.open.append([tag])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("li", "td", "th") and self.open:
            item = self.open.pop()
            self.found.append((item[0], " ".join("".join(item[1:]).split())))

    def handle_data(self, data: str) -> None:
        for item in self.open:
            item.append(data)


def _structure(html: str) -> list[tuple[str, str]]:
    parser = _Structure()
    parser.feed(html)
    return parser.found


def _commonmark(text: str) -> str:
    from markdown_it import MarkdownIt

    return str(MarkdownIt("commonmark").enable("table").render(text))


def _python_markdown(text: str) -> str:
    import markdown

    return markdown.markdown(text, extensions=["tables"])


def _outputs() -> Iterator[tuple[str, str]]:
    ds: Dataset = load(PROJECT, cache=False)
    for lang in LANGS:
        for meeting in sorted(ds.meetings):
            yield f"agenda {meeting} {lang}", render_agenda(ds, meeting, lang, "md", TODAY)
            with contextlib.suppress(HfctlError):  # no minutes for a meeting not yet held
                yield f"minutes {meeting} {lang}", render_minutes(ds, meeting, lang, "md", TODAY)
        for letter in letters(ds, TODAY, 0, lang):
            yield f"reminder {letter.municipality.id} {lang}", letter.markdown
        yield f"digest {lang}", digest(ds, dt.date(2026, 1, 1), "md", lang)
        # the information letter (its mail carries the plain text; the template is Markdown)
        item = next(i for i in ds.information.values() if len(i.links) >= 1)
        yield (
            f"information {lang}",
            render(
                ds.root,
                f"inform/message.{lang}.md.j2",
                party="Etne",
                title=item.title,
                source=item.source,
                received=str(item.received),
                links=[*item.links, "https://example.no/andre"],
                summary="Eit samandrag.",
                sender="Koordinator",
                sender_email="koordinator@example.no",
                **letterhead(ds, lang),
            ),
        )
        for forum in ds.forums.values():
            if forum.secretariat is not None:
                terms = forum.secretariat.terms
                yield (
                    f"handover {forum.id} {lang}",
                    handover_checklist(
                        ds,
                        forum,
                        terms[0].holder,
                        forum.secretariat.rotation.holders[-1],
                        TODAY,
                        lang,
                    ),
                )
    matrix = tables.matrix(rows(ds, TODAY, None))
    yield "agreements matrix", tables.markdown(matrix.headers, matrix.cells, matrix.footer)
    one = rows(ds, TODAY, "overordna-samarbeidsavtale")
    headers, cells = tables.detail(one)
    yield "agreement detail", tables.markdown(headers, cells, tables.summary_line(one))
    for path in sorted((GOLDEN / "diff").glob("*.md")):  # `hfctl diff --format md`
        yield f"history {path.stem}", path.read_text(encoding="utf-8")


OUTPUTS = dict(_outputs())


def test_there_is_every_kind_of_output() -> None:
    kinds = {name.split()[0] for name in OUTPUTS}
    assert kinds == {
        "agenda", "minutes", "reminder", "digest", "information", "handover", "agreements",
        "agreement", "history",
    }  # fmt: skip
    assert sum(1 for n in OUTPUTS if n.startswith("minutes")) >= 30


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_commonmark_and_python_markdown_give_the_same_lists_and_tables(name: str) -> None:
    text = OUTPUTS[name]
    common, python = _structure(_commonmark(text)), _structure(_python_markdown(text))
    assert python == common
