"""`hfctl status`: true figures from the bundled data, one screen, and JSON that says the same."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.conftest import TODAY, Repo, run


def test_the_figures_are_those_of_the_data(repo: Repo) -> None:
    data = run("status", "--format", "json", repo=repo).json()
    assert data["today"] == TODAY
    (sec,) = data["secretariat"]
    assert (sec["holder"], sec["next_holder"], sec["next_from"]) == (
        "helse-fonna",
        "helseleiarnettverket",
        "2028-01-01",
    )
    assert sec["days_to_handover"] == (dt.date(2028, 1, 1) - dt.date.fromisoformat(TODAY)).days
    dates = [m["date"] for m in data["meetings"]]
    assert dates == sorted(dates) and all(d > TODAY for d in dates)
    late = {m["meeting"] for m in data["meetings"] if m["late"]}
    assert late == {
        m["meeting"]
        for m in data["meetings"]
        if m["notice_deadline"] < TODAY and m["agenda"] != "invitation sent"
    }
    assert "2026-12-03-fsu-helseberedskap" in late
    overordna = next(s for s in data["signing"] if s["agreement"] == "overordna-samarbeidsavtale")
    assert (overordna["version"], overordna["signed"], overordna["total"]) == ("2026", 9, 16)
    assert len(overordna["missing"]) == 7 and "Kvinnherad" in overordna["missing"]
    assert data["validation"] == {"errors": 0, "warnings": 14}


def test_signing_a_municipality_moves_the_figures(repo: Repo) -> None:
    before = run("status", "--format", "json", repo=repo).json()
    done = run(
        "agreements", "record", "overordna-samarbeidsavtale", "kvinnherad", "signed",
        "--date", TODAY, repo=repo,
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    after = run("status", "--format", "json", repo=repo).json()
    row = next(s for s in after["signing"] if s["agreement"] == "overordna-samarbeidsavtale")
    old = next(s for s in before["signing"] if s["agreement"] == "overordna-samarbeidsavtale")
    assert row["signed"] == old["signed"] + 1 and "Kvinnherad" not in row["missing"]


DAY = "2026-12-01"
MORE = re.compile(r"^(?:and (?P<left>\d+) more|all (?P<all>\d+)): (?P<command>hfctl .+)$")
KS = "2026-11-20-rundskriv-okonomiske-rammer-for-kommunane-i-2027"


def _sections(text: str) -> dict[str, list[str]]:
    """The dashboard's lists: title (without its count) -> the lines under it."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines()[1:-1]:
        if line.startswith("  "):
            current.append(line.strip())
        else:
            current = found.setdefault(line.split(" (")[0], [])
    return found


@pytest.mark.parametrize(("columns", "lines"), [(80, 24), (120, 40)])
def test_one_screen_the_most_urgent_first_each_list_cut_with_its_command(
    repo: Repo, columns: int, lines: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("LINES", str(lines))
    data = run("status", "--today", DAY, "--format", "json", repo=repo).json()
    text = run("status", "--today", DAY, repo=repo).stdout
    assert len(text.splitlines()) <= lines
    assert all(len(line.rstrip()) <= columns for line in text.splitlines())
    sections = _sections(text)
    assert list(sections) == [
        "Notice late",
        "Overdue actions",
        "Information not sent to every party",
        "Terms ending",
        "Signatures missing",
        "Next meetings",
        "Secretariat",
    ]
    late = [m for m in data["meetings"] if m["late"]]
    coming = [m for m in data["meetings"] if not m["late"]]
    unsigned = [s for s in data["signing"] if s["signed"] < s["total"]]
    expected = {
        "Notice late": (late, "hfctl meeting list"),
        "Overdue actions": (data["overdue_actions"], "hfctl actions --overdue"),
        "Information not sent to every party": (data["information"], "hfctl inform list"),
        "Terms ending": (data["expiring_terms"], "hfctl validate"),
        "Signatures missing": (unsigned, "hfctl agreements status"),
        "Next meetings": (coming, "hfctl meeting list"),
        "Secretariat": (data["secretariat"], "hfctl secretariat show"),
    }
    for title, (items, command) in expected.items():
        assert f"{title} ({len(items)})" in text
        cuts = [MORE.match(line) for line in sections[title]]
        cut = [m for m in cuts if m]
        if cut:  # cut: the command that shows them all, and how many it leaves out
            (found,) = cut
            assert found["command"] == command, title
            if found["all"]:
                assert int(found["all"]) == len(items) and len(sections[title]) == 1
            else:
                assert 0 < int(found["left"]) < len(items)
        else:
            assert len(sections[title]) >= len(items), title
    # the KS circular of 20 November has reached none of its 17 parties, and the screen says so
    (item,) = data["information"]
    assert (item["id"], item["sent"], item["audience"]) == (KS, 0, 17)
    flat = " ".join(text.split())
    assert f"0 of 17 {item['source']}: {item['title']}" in flat
    # names, not ids
    for ident in ("fsu-barn-og-unge", "fousam", "ssu-2026-02", "helse-fonna", "irene-hauge"):
        assert ident not in text
    for m in late[: len(sections["Notice late"])]:
        row = next(line for line in text.splitlines() if f"{m['date']} {m['start']}" in line)
        assert m["forum_name"] in row and m["notice_deadline"] in row and "LATE" in row
    sec = data["secretariat"][0]
    assert f"{sec['forum']} {sec['holder_name']} to {sec['to']}" in flat
    assert f"then {sec['next_holder_name']} from {sec['next_from']}" in flat
    v = data["validation"]
    assert text.splitlines()[-1].startswith(f"Validation: {v['errors']} errors")


def test_at_80_by_24_the_late_and_overdue_are_shown_in_full(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")
    text = run("status", "--today", DAY, repo=repo).stdout
    sections = _sections(text)
    assert len(sections["Notice late"]) == 3 and "more" not in " ".join(sections["Notice late"])
    assert len(sections["Overdue actions"]) == 2
    assert sections["Secretariat"][0].startswith("SSU  Helse Fonna HF to 2027-12-31")
    assert "and 3 more: hfctl meeting list" in sections["Next meetings"]


def test_a_short_terminal_cuts_the_least_urgent_first(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "16")
    text = run("status", "--today", DAY, repo=repo).stdout
    assert len(text.splitlines()) <= 16
    sections = _sections(text)
    assert any("LATE" in line for line in sections["Notice late"])
    assert "Secretariat" not in sections  # the least urgent went first


def test_information_sent_to_some_parties_shows_how_many(repo: Repo) -> None:
    done = run(
        "inform", "mark-sent", KS, "--party", "karmoy", "--date", DAY, "--today", DAY, repo=repo
    )
    assert done.exit_code == 0, done.stderr
    (item,) = run("status", "--today", DAY, "--format", "json", repo=repo).json()["information"]
    assert (item["sent"], item["audience"]) == (1, 17) and "Karmøy" not in item["missing"]
    assert "1 of 17 KS: Rundskriv" in " ".join(
        run("status", "--today", DAY, repo=repo).stdout.split()
    )
    done = run("inform", "mark-sent", KS, "--all", "--date", DAY, "--today", DAY, repo=repo)
    assert done.exit_code == 0, done.stderr
    data = run("status", "--today", DAY, "--format", "json", repo=repo).json()
    assert data["information"] == []
    assert "Information not sent" not in run("status", "--today", DAY, repo=repo).stdout


def test_in_a_pipe_without_lines_nothing_is_cut_and_the_text_says_what_the_json_says(
    repo: Repo,
) -> None:
    data = run("status", "--format", "json", repo=repo).json()
    text = run("status", repo=repo).stdout
    assert " more: " not in text and "all " not in text
    flat = " ".join(text.split())
    for m in data["meetings"]:
        row = next(line for line in text.splitlines() if f"{m['date']} {m['start']}" in line)
        assert m["notice_deadline"] in row and m["agenda"] in row and m["forum_name"] in row
        assert ("LATE" in row) == m["late"]
    for s in data["signing"]:
        if s["signed"] < s["total"]:
            assert f"{s['signed']}/{s['total']}" in flat
            assert all(name in flat for name in s["missing"])
    complete = sum(s["signed"] == s["total"] for s in data["signing"])
    assert f"{complete} of {len(data['signing'])} agreements signed by all" in flat
    for term in data["expiring_terms"]:
        assert f"{term['to']} {term['name']} {term['forum']}" in flat
    for action in data["overdue_actions"]:
        assert f"{action['due']} {action['what']} {action['responsible_name']}" in flat


def test_without_a_terminal_there_is_no_colour_or_escape(repo: Repo) -> None:
    text = run("status", repo=repo).stdout
    assert "\x1b" not in text


def test_on_a_colour_terminal_the_late_are_red(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("LINES", "40")
    text = run("status", "--today", DAY, repo=repo).stdout
    red = "\x1b[1;31m"
    late_rows = [line for line in text.splitlines() if "LATE" in line]
    assert late_rows and all(red in line for line in late_rows)
    assert red + "2026-10-31" in text  # the overdue action's due day
    ssu = next(line for line in text.splitlines() if "2026-12-10 10:00" in line)
    assert red not in ssu  # its invitation went out in time


def test_svg_draws_the_same_screen(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")
    svg = run("status", "--today", DAY, "--format", "svg", repo=repo).stdout
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)  # well-formed, read by another parser than the one that wrote it
    assert root.tag.endswith("svg")
    words = " ".join("".join(root.itertext()).split()).replace("\xa0", " ")
    assert "Notice late (3)" in words and "0 of 17" in words and "80×24" in words


@pytest.mark.parametrize(("columns", "lines"), [(80, 24), (120, 40)])
def test_in_nynorsk_every_late_meeting_names_its_body_and_its_day(
    repo: Repo, columns: int, lines: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nynorsk's long days take more room than ISO: the screen still fits, and no late row
    loses its body's name, the word that it is late or the notice's last day."""
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("LINES", str(lines))
    data = run("status", "--today", DAY, "--format", "json", repo=repo).json()
    text = run("status", "--today", DAY, "--lang", "nn", repo=repo).stdout
    assert len(text.splitlines()) <= lines
    assert all(cell_len(line.rstrip()) <= columns for line in text.splitlines())
    late = [m for m in data["meetings"] if m["late"]]
    assert late
    for m in late:
        deadline = dt.date.fromisoformat(m["notice_deadline"])
        days = (f"{deadline.day}.{deadline.month}.{deadline.year}", f"{deadline.day}. ")
        row = next(line for line in text.splitlines() if m["forum_name"] in line)
        assert "FOR SEINT" in row and any(d in row for d in days), row
