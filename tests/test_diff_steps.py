"""`hfctl diff` and `hfctl log` tell every change the commands make, and only those."""

from __future__ import annotations

from tests.conftest import Repo, run

SSU = "2026-12-10-ssu"
HLN = "2026-12-03-helseleiarnettverket"
KS = "2026-11-20-rundskriv-okonomiske-rammer-for-kommunane-i-2027"
DAY = ("--today", "2026-12-10")


def _kinds(repo: Repo, *revs: str) -> list[str]:
    result = run("diff", *revs, "--format", "json", repo=repo)
    assert result.exit_code == 0, result.stderr
    return [c["kind"] for c in result.json()]


def test_a_duplicate_title_never_reads_as_a_renumbering(repo: Repo) -> None:
    title = "Informasjon frå Statsforvaltaren"
    assert run("meeting", "case", "add", HLN, "--title", title, "--type", "orientation",
               "--commit", repo=repo).exit_code == 0  # fmt: skip
    assert run("agenda", HLN, "--issue", "--commit", repo=repo).exit_code == 0
    # a commit that touches only an information file says only that
    assert run("inform", "mark-sent", KS, "--all", "--date", "2026-11-24", "--commit",
               repo=repo).exit_code == 0  # fmt: skip
    assert _kinds(repo, "HEAD~1", "HEAD") == ["information-sent"]
    issued = _kinds(repo, "HEAD~2", "HEAD~1")
    assert "case-renumbered" not in issued and issued.count("case-numbered") == 6
    assert "agenda-issued" in issued


def test_a_retitled_case_keeps_its_identity(repo: Repo) -> None:
    rel = f"data/meetings/2026/{SSU}.md"
    repo.edit(rel, "title: Status for signering av overordna samarbeidsavtale",
              "title: Signering av samarbeidsavtalen")  # fmt: skip
    assert _kinds(repo, "HEAD") == ["case-retitled"]


def test_a_case_retitled_before_issue_is_the_same_case(repo: Repo) -> None:
    result = run("meeting", "case", "edit", HLN, "Informasjon frå Statsforvaltaren",
                 "--title", "Orientering frå Statsforvaltaren", repo=repo)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert _kinds(repo, "HEAD") == ["case-retitled"]


def test_every_step_of_a_meeting_is_told(repo: Repo) -> None:
    steps = [
        ("meeting", "attend", SSU, "--present", "harald-heggland", "--apologies",
         "ragnhild-hauge", "--deputy", "gunnhild-hjelmeland", "--for", "ragnhild-hauge"),
        ("meeting", "decide", SSU, "30", "--text", "Referatet vart godkjent."),
        ("actions", "add", SSU, "31", "--what", "Sende oppnemningane", "--responsible",
         "steinar-ostebo", "--due", "2027-01-15"),
    ]  # fmt: skip
    for step in steps:
        result = run(*step, *DAY, repo=repo)
        assert result.exit_code == 0, result.stderr
    kinds = _kinds(repo, "HEAD")
    for kind in (
        "meeting-held",
        "attendance-present",
        "attendance-apologies",
        "attendance-deputy",
        "decision",
        "minutes-approved",
        "action-added",
    ):
        assert kind in kinds, kind
    assert run("meeting", "attend", SSU, "--remove", "harald-heggland", *DAY,
               repo=repo).exit_code == 0  # fmt: skip
    assert "attendance-present" not in _kinds(repo, "HEAD")
    text = run("diff", "HEAD", "--lang", "en", repo=repo).stdout
    assert "met for" in text and "sent apologies" in text


def test_invitation_and_information_are_told_and_logged(repo: Repo) -> None:
    assert run("agenda", HLN, "--issue", repo=repo).exit_code == 0
    assert run("invite", HLN, "--mark-sent", "--date", "2026-11-24", "--commit",
               repo=repo).exit_code == 0  # fmt: skip
    kinds = _kinds(repo, "HEAD~1", "HEAD")
    assert "agenda-issued" in kinds and "invitation-sent" in kinds
    assert run("inform", "mark-sent", KS, "--party", "bokn", "--date", "2026-11-24",
               "--commit", repo=repo).exit_code == 0  # fmt: skip
    log = run("log", "--municipality", "bokn", "--json", repo=repo).json()
    assert any(e["kind"] == "information-sent" for e in log)
