"""`hfctl site build`: the website from the bundled data, checked without a browser (the
browser and axe-core checks are in tests/browser/)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import Repo, git, run


class _Page(HTMLParser):
    """Links, ids, headings, tables and text of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.headings: list[int] = []
        self.lang = ""
        self.th_without_scope = 0
        self.tables = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang") or ""
        if found.get("id"):
            self.ids.add(str(found["id"]))
        for name in ("href", "src"):
            if found.get(name):
                self.links.append(str(found[name]))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "table":
            self.tables += 1
        if tag == "th" and "scope" not in found:
            self.th_without_scope += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _build(repo: Repo, out: Path, *args: str) -> None:
    result = run("site", "build", "-o", str(out), *args, repo=repo)
    assert result.exit_code == 0, result.stderr
    assert (out / "index.html").is_file()
    lang = args[args.index("--lang") + 1] if "--lang" in args else "en"
    assert {"en": "built", "nb": "bygget"}[lang] in result.stdout  # said in the run's language


def test_the_site_is_whole_and_accessible_in_structure(repo: Repo, tmp_path: Path) -> None:
    out = tmp_path / "site"
    _build(repo, out)
    pages = sorted(out.glob("*.html"))
    names = {p.name for p in out.iterdir()}
    from hfctl.store.loader import load

    ds = load(repo.root)
    active = [f for f in ds.forums.values() if f.dissolved is None]
    assert {"index.html", "agreements.html", "meetings.html", "site.css"} <= names
    assert {f"body-{f.id}.html" for f in active} <= names
    assert {f"meeting-{m}.html" for m in ds.meetings} <= names
    assert {f"calendar-{f.id}.ics" for f in active} <= names
    for path in pages:
        page = _parse(path)
        assert page.lang == "nn", path.name
        assert page.headings[0] == 1 and page.headings.count(1) == 1, path.name
        steps = zip(page.headings, page.headings[1:], strict=False)
        assert all(b <= a + 1 for a, b in steps), (path.name, page.headings)  # none skipped
        assert page.th_without_scope == 0, path.name
        assert "main" in page.ids and "#main" in page.links, path.name  # the skip link
        # the empty icon makes no request; a mailto (the public contact) loads nothing
        for link in (x for x in page.links if x != "data:," and not x.startswith("mailto:")):
            target, _, anchor = link.partition("#")
            if re.match(r"[a-z]+:", target):  # nothing external, but the papers' sources and
                # the accessibility statement's contact and supervisory authority
                assert path.name.startswith("papers-") or path.name == "accessibility.html"
                assert target.startswith(("https://", "mailto:")), (path.name, link)
                continue
            if target:
                assert (out / target).is_file(), (path.name, link)
            if anchor:
                assert anchor in (_parse(out / target).ids if target else page.ids), link


def test_only_the_secretariats_work_contacts_are_published(repo: Repo, tmp_path: Path) -> None:
    out = tmp_path / "site"
    _build(repo, out)
    from hfctl.store.loader import load

    ds = load(repo.root)
    # public work contacts: the holder's contact point and the coordinator role's work e-mail
    public = {"postmottak@helse-fonna.no", ds.people["trond-espeland"].email}
    emails = {p.email for p in ds.people.values() if p.email} | {
        p.contact.email for p in ds.parties.values() if p.contact
    }
    phones = {p.phone for p in ds.people.values() if getattr(p, "phone", None)}
    assert len(emails) > len(public)
    functional = ds.community.accessibility_contact if ds.community else None
    # the one address: no one's own (the trust's contact point, a public one, is it here)
    assert functional and functional not in {p.email for p in ds.people.values()}
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8")
        if path.name == "accessibility.html":  # feedback goes to a functional address
            text = text.replace(f"mailto:{functional}", "").replace(functional, "")
        without_uids = re.sub(r"^UID:.*$", "", text, flags=re.M)  # a uid is not an address
        found = set(re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", without_uids))
        if path.name == "index.html":
            assert found == public, found
        else:
            assert not found, path.name
        assert not any(e in text for e in emails - public), path.name
        assert not any(str(p) in text for p in phones), path.name
        assert "ATTENDEE" not in text and "ORGANIZER" not in text


def test_the_front_page_answers_a_visitor(repo: Repo, tmp_path: Path) -> None:
    out = tmp_path / "site"
    _build(repo, out, "--today", "2026-12-01")
    page = _parse(out / "index.html")
    text = " ".join(" ".join(page.text).split())
    assert "Neste møte" in text and "Kontakt" in text
    # the next meeting of every body that has one, each linked to its page
    assert "meeting-2026-12-10-ssu.html" in page.links
    assert "meeting-2026-12-17-fousam.html" in page.links
    assert "meeting-2026-11-19-ssu.html" not in page.links  # held: not coming
    assert "Sekretariatet for SSU er hos Helse Fonna HF til 31. desember 2027" in text
    assert "Interkommunal samhandlingskoordinator: Trond Espeland" in text
    day = git(repo.root, "log", "-1", "--format=%ad", "--date=short", "--", "data").strip()
    y, _, d = (int(x) for x in day.split("-"))  # the day of the fixture's commit
    assert f"Dataa er frå {d}. " in text and str(y) in text
    # grouped by kind: the FSUs together under their heading, before the competence groups
    fsu = text.index("Faglege samarbeidsutval")
    assert (
        fsu
        < text.index("Fagleg samarbeidsutval for barn og unge")
        < text.index("Kompetansegrupper")
    )


def test_the_body_page_lists_the_leader_first_and_deputies_with_whom(
    repo: Repo, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    _build(repo, out)
    html = (out / "body-ssu.html").read_text(encoding="utf-8")
    current, _, _ = html.partition("Tidlegare medlemmer")
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td>", current)
    assert rows[0][1].startswith("leiar") and rows[1][1].startswith("nestleiar")
    assert "Gunnhild Hjelmeland" in current and "(vara for Ragnhild Hauge)" in current
    seats = {re.sub(r"<.*", "", name): role for name, role in rows}
    assert "(fastlegerepresentant)" in seats["Sindre Brekke"]  # the GP's seat says so
    assert "(brukarrepresentant)" in seats["Magnus Bakke"]
    assert "fastlege" not in seats["Harald Heggland"]
    from hfctl.store.loader import load

    ssu = load(repo.root).forums["ssu"]
    import datetime as dt

    ended = {m.person for m in ssu.members if m.to and m.to < dt.date(2026, 11, 24)}
    held = {m.person for m in ssu.members_on(dt.date(2026, 11, 24))}
    people = load(repo.root).people
    for person in ended - held:
        assert people[person].name not in current


def test_a_held_meetings_page_has_attendance_follow_up_and_its_approved_minutes(
    repo: Repo, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    _build(repo, out)
    page = _parse(out / "meeting-2026-11-19-ssu.html")
    text = " ".join(" ".join(page.text).split())
    assert "Til stades Harald Heggland" in text and "Forfall: Svein Totland" in text
    assert "Oppfølging" in text and "Revidere tenesteavtale 2" in text and "FOUSAM" in text
    # held, its minutes not yet approved: no minutes published, no link (issue 21's one page)
    assert not any(link.startswith("minutes-") for link in page.links)
    assert not (out / "minutes-2026-11-19-ssu.html").exists()
    approved = _parse(out / "meeting-2026-09-17-ssu.html")
    assert "minutes-2026-09-17-ssu.html" in approved.links
    assert "Til stades" in " ".join(approved.text)
    coming = _parse(out / "meeting-2026-12-10-ssu.html")
    assert not any(link.startswith("minutes-") for link in coming.links)
    assert "Til stades" not in " ".join(coming.text)


def test_the_member_table_shows_role_and_party(repo: Repo, tmp_path: Path) -> None:
    out = tmp_path / "site"
    _build(repo, out)
    text = " ".join(_parse(out / "body-ssu.html").text)
    assert "Harald Heggland" in text and "leiar" in text and "Haugesund" in text
    agreements = " ".join(_parse(out / "agreements.html").text)
    assert "Kvinnherad" in agreements and "Signert" in agreements


def test_calendar_feeds_parse_and_hold_every_meeting(repo: Repo, tmp_path: Path) -> None:
    from icalendar import Calendar

    from hfctl.store.loader import load

    out = tmp_path / "site"
    _build(repo, out)
    ds = load(repo.root)
    cal = Calendar.from_ical((out / "calendar-ssu.ics").read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == sum(1 for m in ds.meetings.values() if m.forum == "ssu")
    assert str(cal["method"]) == "PUBLISH"
    assert all(str(e["dtstart"].params.get("TZID")) == "Europe/Oslo" for e in events)


def test_a_rebuild_is_byte_identical_and_removes_what_is_gone(repo: Repo, tmp_path: Path) -> None:
    out = tmp_path / "site"
    _build(repo, out)
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    _build(repo, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first
    repo.path("data/meetings/2026/2026-12-10-ssu.md").unlink()
    result = run("site", "build", "-o", str(out), repo=repo)
    assert result.exit_code == 0, result.stderr
    assert "removed meeting-2026-12-10-ssu.html" in result.stdout
    assert not (out / "meeting-2026-12-10-ssu.html").exists()


def test_a_folder_with_other_files_is_refused(repo: Repo, tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = run("site", "build", "-o", str(out), repo=repo)
    assert result.exit_code == 1 and "did not make" in result.stderr
    assert (out / "notes.txt").read_text() == "mine"
    result = run("site", "build", "-o", str(repo.root / "data" / "site"), repo=repo)
    assert result.exit_code == 2 and "outside data/" in result.stderr


@pytest.mark.parametrize(("lang", "word"), [("nb", "Møter"), ("en", "Meetings")])
def test_other_languages(repo: Repo, tmp_path: Path, lang: str, word: str) -> None:
    out = tmp_path / lang
    _build(repo, out, "--lang", lang)
    page = _parse(out / "meetings.html")
    assert page.lang == lang and word in page.text


def test_broken_data_builds_nothing(repo: Repo, tmp_path: Path) -> None:
    repo.write("data/people/anne-rod.yaml", "id: anne-rod\nname: [x\n")
    result = run("site", "build", "-o", str(tmp_path / "site"), repo=repo)
    assert result.exit_code == 1
    assert "data/people/anne-rod.yaml:3:1" in result.stderr
    assert not (tmp_path / "site").exists()
