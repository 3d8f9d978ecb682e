"""One truth per fact: the website shows the signatures `hfctl status` shows and the members a
body has on the day it is built, read back from the HTML (not from the code that made it)."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import TODAY, Repo, run


class _Tables(HTMLParser):
    """Each table of a page: the nearest heading before it, and its body rows as cell texts
    with the class of each cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.heading = ""
        self.tables: list[tuple[str, list[list[tuple[str, str]]]]] = []
        self._in_heading = False
        self._in_body = False
        self._cell: list[str] | None = None
        self._cell_class = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2"):
            self._in_heading, self.heading = True, ""
        elif tag == "tbody":
            self._in_body = True
            self.tables.append((self.heading, []))
        elif tag == "tr" and self._in_body:
            self.tables[-1][1].append([])
        elif tag in ("td", "th") and self._in_body:
            self._cell, self._cell_class = [], dict(attrs).get("class") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2"):
            self._in_heading = False
        elif tag == "tbody":
            self._in_body = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][1][-1].append(("".join(self._cell).strip(), self._cell_class))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._in_heading:
            self.heading += data
        if self._cell is not None:
            self._cell.append(data)


def _tables(path: Path) -> list[tuple[str, list[list[tuple[str, str]]]]]:
    parser = _Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tables


def test_site_signatures_are_the_ones_status_shows(repo: Repo, tmp_path: Path) -> None:
    status = run("status", "--format", "json", repo=repo)
    assert status.exit_code == 0, status.stderr
    built = run("site", "build", "-o", str(tmp_path / "site"), repo=repo)
    assert built.exit_code == 0, built.stderr
    tables = _tables(tmp_path / "site" / "agreements.html")
    by_title = {heading: rows for heading, rows in tables}
    signing = status.json()["signing"]
    assert signing and len(tables) == len(signing)
    for agreement in signing:
        rows = by_title[agreement["title"]]
        names = [row[0][0] for row in rows]
        signed = [row[0][0] for row in rows if row[2][1] == "sig-signed"]
        assert len(rows) == agreement["total"], agreement["agreement"]
        assert len(signed) == agreement["signed"], agreement["agreement"]
        assert sorted(set(names) - set(signed)) == sorted(agreement["missing"])
        assert "Odda" not in names  # merged into Ullensvang in 2020: not in today's region


def test_site_lists_only_todays_members_as_members(repo: Repo, tmp_path: Path) -> None:
    """A seat that ended before the build day stands under "former members", never among the
    current ones (the bundled SSU has a member whose term ended in 2023)."""
    from hfctl.store.loader import load

    built = run("site", "build", "-o", str(tmp_path / "site"), repo=repo)
    assert built.exit_code == 0, built.stderr
    ds = load(repo.root, cache=False)
    today = dt.date.fromisoformat(TODAY)
    ended_somewhere = False
    for forum in ds.forums.values():
        if forum.dissolved is not None:
            continue
        tables = _tables(tmp_path / "site" / f"body-{forum.id}.html")
        current = [rows for heading, rows in tables if heading == "Medlemmer"]
        former = [rows for heading, rows in tables if heading == "Tidlegare medlemmer"]
        shown = sorted(row[0][0] for row in (current[0] if current else []))
        expected = sorted(ds.people[m.person].name for m in forum.members_on(today))
        # a person's title follows the name in the same cell
        assert [s[: len(e)] for s, e in zip(shown, expected, strict=True)] == expected, forum.id
        ended = [m for m in forum.members if m.to is not None and m.to < today]
        assert bool(former) == bool(ended), forum.id
        ended_somewhere |= bool(ended)
    assert ended_somewhere  # the control: the bundled data has a seat that has ended
