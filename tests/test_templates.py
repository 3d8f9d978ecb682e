"""`hfctl templates export`: a community's own templates override hfctl's and are validated."""

from __future__ import annotations

from tests.conftest import Repo, problems, run

MEETING = "2026-02-12-ssu"


def test_export_override_and_validation(repo: Repo) -> None:
    result = run("templates", "export", str(repo.root))
    assert result.exit_code == 0, result.stderr
    assert repo.path("templates/agenda/agenda.md.j2").is_file()
    assert repo.path("templates/site/base.html.j2").is_file()
    assert not repo.path("templates/init").exists()  # starting a repository is not a document
    before = run("validate", "--format", "json", repo=repo).json()
    assert (before["errors"], before["warnings"]) == (0, 14)

    # the repository's template is the one used
    repo.edit("templates/agenda/agenda.md.j2", "## {{ t.agenda }}", "## Sakene våre")
    agenda = run("agenda", MEETING, repo=repo)
    assert agenda.exit_code == 0 and "## Sakene våre" in agenda.stdout

    # a template that does not parse is an error at its line
    text = repo.read("templates/minutes/minutes.md.j2")
    line = text.count("\n") + 1
    repo.write("templates/minutes/minutes.md.j2", text + "{% if %}")
    found = problems(run("validate", "--format", "json", repo=repo))
    assert [(p["code"], p["file"], p["line"]) for p in found if p["code"] == "HF130"] == [
        ("HF130", "templates/minutes/minutes.md.j2", line)
    ]


def test_a_template_that_fails_on_the_data_is_an_error(repo: Repo) -> None:
    assert run("templates", "export", str(repo.root)).exit_code == 0
    line = repo.edit(
        "templates/site/index.html.j2", "<h1>{{ community }}</h1>", "<h1>{{ no_such.value }}</h1>"
    )
    handover = "templates/secretariat/handover.nb.md.j2"
    repo.write(handover, repo.read(handover) + "{{ outgoing.no_such_field.x }}\n")
    result = run("validate", "--format", "json", repo=repo)
    assert result.exit_code == 1
    found = [p for p in problems(result) if p["code"] == "HF131"]
    site = [p for p in found if p["file"] == "templates/site/index.html.j2"]
    assert len(site) == 3 and {p["line"] for p in site} == {line}  # nn, nb and en
    assert "'no_such' is undefined" in site[0]["message"]
    assert [p["file"] for p in found if "handover" in p["message"]] == [handover]  # nb only


def test_export_never_overwrites(repo: Repo) -> None:
    assert run("templates", "export", str(repo.root)).exit_code == 0
    repo.edit("templates/agenda/agenda.md.j2", "## {{ t.agenda }}", "## Mine")
    again = run("templates", "export", str(repo.root))
    assert again.exit_code == 1 and "already in" in again.stderr
    assert "## Mine" in repo.read("templates/agenda/agenda.md.j2")
