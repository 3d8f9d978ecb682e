"""`hfctl agreements`: status matrix and detail, --on across versions, recording steps."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from tests.conftest import Repo, git, problems, run

OSA = "overordna-samarbeidsavtale"
OSA_FILE = f"data/agreements/{OSA}.yaml"


def _rows(repo: Repo, *args: str) -> list[dict[str, Any]]:
    result = run("agreements", "status", *args, "--format", "json", repo=repo)
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, Any]] = result.json()
    return rows


def _first(rows: list[dict[str, Any]], status: str) -> dict[str, Any]:
    return next(r for r in rows if r["status"] == status)


def test_overarching_agreement_shows_all_sixteen_in_a_real_round(repo: Repo) -> None:
    rows = _rows(repo, OSA)
    assert len(rows) == 16
    assert len({r["municipality"] for r in rows}) == 16
    statuses = {r["status"] for r in rows}
    assert {"signed", "sent", "council-meeting"} <= statuses
    assert all(r["version"] == rows[0]["version"] for r in rows)
    signed = [r for r in rows if r["status"] == "signed"]
    assert all(r["signed"] and r["signed_by"] for r in signed)


def test_matrix_has_a_summary_per_agreement(repo: Repo) -> None:
    result = run("agreements", "status", repo=repo)
    assert result.exit_code == 0
    signed = sum(1 for r in _rows(repo, OSA) if r["status"] == "signed")
    assert f"{signed} of 16 signed" in result.stdout
    assert "Haugesund" in result.stdout and "TA 13" in result.stdout


@pytest.mark.parametrize("columns", [80, 120, 34])
def test_matrix_never_cuts_a_name_or_a_total(
    repo: Repo, columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    rows = _rows(repo)
    text = run("agreements", "status", repo=repo).stdout
    assert "…" not in text
    words = set(text.replace(",", " ").split())
    osa = [r for r in rows if r["agreement"] == OSA]
    names = {r["municipality_name"] for r in rows}
    if columns == 34:  # turned: the municipalities that have not signed, by agreement
        names = {r["municipality_name"] for r in osa if r["status"] != "signed"}
    assert len(names) >= 7 and names <= words  # every municipality name whole
    signed = sum(r["status"] == "signed" for r in osa)
    assert f"{signed}/16" in words
    # the thirteen every municipality has signed fold into one line, with their labels
    done = [f"TA {n}" for n in range(1, 14)]
    assert f"Signed by all 16: {', '.join(done)} (13 agreements)" in text
    if columns == 34:  # too narrow even for one column per agreement: agreements are rows
        assert "not yet" in text and "Overordna" in text
    else:
        assert " municipality " in text and "TA 1 " not in text.splitlines()[1]


def test_a_wide_terminal_shows_the_whole_matrix(repo: Repo) -> None:
    text = run("agreements", "status", repo=repo).stdout  # COLUMNS=200
    header = text.splitlines()[1]
    assert all(f"TA {n} " in header for n in range(1, 14)) and "Signed by all" not in text


def test_markdown_matrix_for_ssu_papers(repo: Repo) -> None:
    result = run("agreements", "status", "--format", "md", repo=repo)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("| no. | municipality |")
    assert sum(1 for line in lines if line.startswith("| 11") or line.startswith("| 46")) == 16


def test_status_on_an_earlier_day_crosses_the_version_change(repo: Repo) -> None:
    now = _rows(repo, OSA)
    current = now[0]["version"]
    adopted = run("validate", repo=repo)  # smoke: data valid
    assert adopted.exit_code == 0
    from hfctl.store.loader import load

    agreement = load(repo.root).agreements[OSA]
    version = next(v for v in agreement.versions if v.version == current)
    before = version.adopted.toordinal() - 1
    import datetime as dt

    day_before = dt.date.fromordinal(before).isoformat()
    earlier = _rows(repo, OSA, "--on", day_before)
    assert {r["version"] for r in earlier} != {current}
    assert all(r["status"] == "signed" for r in earlier)
    on_adoption = _rows(repo, OSA, "--on", version.adopted.isoformat())
    assert {r["version"] for r in on_adoption} == {current}
    assert all(r["status"] == "not-sent" for r in on_adoption)


def test_record_changes_only_that_record(repo: Repo) -> None:
    target = _first(_rows(repo, OSA), "sent")
    result = run(
        "agreements",
        "record",
        OSA,
        target["municipality_name"].upper(),
        "council-meeting",
        "--date",
        "2026-11-20",
        "--reference",
        "2026/999-1",
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    assert git(repo.root, "diff", "--name-only").split() == [OSA_FILE]
    changed = [
        line
        for line in git(repo.root, "diff", "-U0").splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    added = sorted(line[1:].strip() for line in changed if line.startswith("+"))
    removed = [line[1:].strip() for line in changed if line.startswith("-")]
    assert added == ["council_decision: 2026/999-1", "council_meeting: 2026-11-20"]
    assert removed == []
    after = {r["municipality"]: r for r in _rows(repo, OSA)}
    assert after[target["municipality"]]["status"] == "council-meeting"
    assert after[target["municipality"]]["council_meeting"] == "2026-11-20"
    assert after[target["municipality"]]["council_decision"] == "2026/999-1"
    assert run("validate", repo=repo).exit_code == 0


def test_record_signature_with_commit(repo: Repo) -> None:
    target = _first(_rows(repo, OSA), "council-meeting")
    result = run(
        "agreements",
        "record",
        OSA,
        target["municipality"],
        "signed",
        "--date",
        "2026-11-23",
        "--signed-by",
        "Ordførar Test",
        "--commit",
        repo=repo,
    )
    assert result.exit_code == 0, result.stderr
    message = git(repo.root, "log", "-1", "--format=%s").strip()
    assert message.startswith(target["municipality_name"] + " signed the ")
    assert "on 2026-11-23" in message


@pytest.mark.parametrize(
    ("status", "step", "date", "reason"),
    [
        ("signed", "sent", "2026-11-01", "already signed"),
        ("council-meeting", "sent", "2026-11-20", "step back"),
        ("sent", "council-meeting", "2030-01-01", "in the future"),
        ("sent", "council-meeting", "2000-01-01", "before version"),
    ],
)
def test_refused_steps_leave_the_file_unchanged(
    repo: Repo, status: str, step: str, date: str, reason: str
) -> None:
    before = repo.read(OSA_FILE)
    target = _first(_rows(repo, OSA), status)
    result = run(
        "agreements", "record", OSA, target["municipality"], step, "--date", date, repo=repo
    )
    assert result.exit_code == 1
    assert reason in result.stderr
    assert repo.read(OSA_FILE) == before


def test_step_dated_before_the_previous_step_is_refused(repo: Repo) -> None:
    before = repo.read(OSA_FILE)
    target = _first(_rows(repo, OSA), "sent")
    sent = target["sent"]
    import datetime as dt

    day = (dt.date.fromisoformat(sent) - dt.timedelta(days=1)).isoformat()
    result = run(
        "agreements",
        "record",
        OSA,
        target["municipality"],
        "council-meeting",
        "--date",
        day,
        repo=repo,
    )
    assert result.exit_code == 1
    assert "previous step" in result.stderr or "before version" in result.stderr
    assert repo.read(OSA_FILE) == before


def test_unknown_municipality_suggests_a_name(repo: Repo) -> None:
    result = run(
        "agreements", "record", OSA, "Kvinherad", "sent", "--date", "2026-11-01", repo=repo
    )
    assert result.exit_code == 1
    assert "did you mean Kvinnherad" in result.stderr


def test_municipality_matches_without_accents(repo: Repo) -> None:
    from hfctl.domain.lookup import find_municipality
    from hfctl.store.loader import load

    ds = load(repo.root)
    assert find_municipality(ds, "bomlo").name == "Bømlo"
    assert find_municipality(ds, "TYSVÆR").name == "Tysvær"
    assert find_municipality(ds, "1224").name == "Kvinnherad"


def test_csv_neutralises_formulas(repo: Repo) -> None:
    repo.edit("data/parties/haugesund.yaml", "name: Haugesund", 'name: "=HYPERLINK(1)"')
    result = run("agreements", "status", OSA, "--format", "csv", repo=repo)
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    names = [row["municipality_name"] for row in table]
    assert "'=HYPERLINK(1)" in names
    assert not any(n.startswith(("=", "+", "-", "@")) for n in names)


def test_json_shape(repo: Repo) -> None:
    row = _rows(repo, OSA)[0]
    assert list(row) == [
        "agreement",
        "version",
        "municipality",
        "municipality_name",
        "status",
        "sent",
        "council_meeting",
        "council_decision",
        "signed",
        "signed_by",
        "reference",
    ]
    assert isinstance(row["municipality"], str) and len(row["municipality"]) == 4


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_remind_writes_a_letter_per_waiting_municipality(
    repo: Repo, tmp_path: Any, golden: Any, lang: str
) -> None:
    from email import message_from_bytes, policy

    out = tmp_path / "letters"
    result = run("agreements", "remind", "-o", str(out), "--lang", lang, repo=repo)
    assert result.exit_code == 0, result.stderr
    waiting = [r for r in _rows(repo, OSA) if r["status"] in ("sent", "council-meeting")]
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2 * len(waiting)
    golden(f"reminders/kvinnherad.{lang}.md", (out / "reminder-kvinnherad.md").read_text())
    message = message_from_bytes(
        (out / "reminder-kvinnherad.eml").read_bytes(), policy=policy.default
    )
    assert message["To"] == "Postmottak Kvinnherad kommune <postmottak@kvinnherad.kommune.no>"
    assert message["Subject"] and "\n" not in message["Subject"]
    body = message.get_body(("plain",))
    assert body is not None and "2026" in body.get_content()


def test_remind_older_than_filters(repo: Repo, tmp_path: Any) -> None:
    out = tmp_path / "letters"
    run("agreements", "remind", "-o", str(out), "--older-than", "10000", repo=repo)
    assert not out.exists() or list(out.iterdir()) == []


def test_remind_refuses_to_write_into_data(repo: Repo) -> None:
    result = run("agreements", "remind", "-o", str(repo.root / "data" / "x"), repo=repo)
    assert result.exit_code == 2
    assert not (repo.root / "data" / "x").exists()


def test_each_step_says_one_thing(repo: Repo) -> None:
    from hfctl.models.agreement import SIGNATURE_STEPS

    assert [(s.status, s.field, s.reference) for s in SIGNATURE_STEPS] == [
        ("sent", "sent", None),
        ("council-meeting", "council_meeting", "council_decision"),
        ("signed", "signed", "reference"),
        ("declined", "declined", None),
    ]
    # the old step is gone from the data and refused in it
    assert not any("in_council" in p.read_text() for p in (repo.root / "data").rglob("*.yaml"))
    repo.edit(OSA_FILE, "council_meeting: 2012-03-15", "in_council: 2012-03-15")
    found = [
        p for p in problems(run("validate", "--format", "json", repo=repo)) if p["code"] == "HF201"
    ]
    assert [p["file"] for p in found] == [OSA_FILE]
    # a step without a reference takes none
    sent = run(
        "agreements",
        "record",
        OSA,
        "Utsira",
        "sent",
        "--date",
        "2026-11-20",
        "--reference",
        "x",
        repo=repo,
    )
    assert sent.exit_code == 2 and "has no reference" in sent.stderr
