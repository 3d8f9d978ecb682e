"""The command line's language: how it is chosen, and that nynorsk and bokmål read as written
in those languages (help, typer's words, refusals, the dashboard; plurals; days)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest

from hfctl.core import i18n
from tests.conftest import Repo, run

# words of English sentences that a Norwegian text never has (a word on its own: "on",
# "to" and "for" are left out, as they are Norwegian too)
ENGLISH = re.compile(
    r"\b(the|is|not|and|of|with|from|which|this|that|are|has|was|been|Usage|Options|"
    r"Commands|Arguments|Error|Missing|Try|help|Show|message|exit|warnings?|errors?|days?|"
    r"meetings?|default|required|file|files|day|late|LATE|notice|Next|written|"
    r"nothing|recorded|give|only|every|each)\b"
)


def english_words(text: str) -> set[str]:
    """The English words of a text, leaving out option names, ids, paths and commands (they
    are the same in every language)."""
    text = re.sub(r"^│ {1,2}[a-z-]+ ", " ", text, flags=re.MULTILINE)  # a command listed
    text = re.sub(r"--?[a-z][a-z-]*", " ", text)  # options
    text = re.sub(r"\{[a-z_]+\}", " ", text)  # an argument's name in the usage line
    text = re.sub(r"\$?[A-Z_]{4,}", " ", text)  # environment variables, metavars
    text = re.sub(r"'[^'\n]*'|«[^»\n]*»|`[^`\n]*`", " ", text)  # quoted names and commands
    text = re.sub(r"\bhfctl [a-z]+( [a-z-]+)?", " ", text)  # a command named
    text = re.sub(r"[\w./-]*[/.][\w./-]+", " ", text)  # files and paths
    return set(ENGLISH.findall(text))


def test_the_language_is_chosen_in_order() -> None:
    env: dict[str, str] = {}
    assert i18n.choose_language(None, env, None) == "nn"
    assert i18n.choose_language(None, {"LANG": "nb_NO.UTF-8"}, None) == "nb"
    assert i18n.choose_language(None, {"LANG": "no_NO.UTF-8"}, None) == "nb"
    assert i18n.choose_language(None, {"LANG": "C.UTF-8"}, None) == "nn"
    assert i18n.choose_language(None, {"LANG": "nb_NO.UTF-8"}, "en") == "en"
    assert i18n.choose_language(None, {"HFCTL_LANG": "nb", "LANG": "en_GB"}, "en") == "nb"
    assert i18n.choose_language("en", {"HFCTL_LANG": "nb"}, "nn") == "en"
    assert i18n.lang_argument(["status", "--lang", "nb"]) == "nb"
    assert i18n.lang_argument(["--lang=en", "status"]) == "en"
    assert i18n.lang_argument(["inform", "new", "--", "--lang", "nb"]) is None


@pytest.fixture
def speaking(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., str]]:
    """Run a command without HFCTL_LANG (the tests' English), its output and errors as text."""
    monkeypatch.delenv("HFCTL_LANG")
    monkeypatch.setenv("LANG", "C.UTF-8")

    def say(*args: str, repo: Repo) -> str:
        result = run(*args, repo=repo)
        return result.stdout + result.stderr

    yield say
    i18n.set_language("en")


def test_nynorsk_by_the_community_and_bokmal_or_english_on_request(
    repo: Repo, speaking: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "åtvaringar i" in speaking("validate", repo=repo)  # community.yaml: nn
    assert "advarsler i" in speaking("--lang", "nb", "validate", repo=repo)
    assert "advarsler i" in speaking("validate", "--lang", "nb", repo=repo)
    assert "warnings in" in speaking("validate", "--lang=en", repo=repo)
    monkeypatch.setenv("HFCTL_LANG", "nb")
    assert "advarsler i" in speaking("validate", repo=repo)
    assert "åtvaringar i" in speaking("validate", "--lang", "nn", repo=repo)


def test_the_locale_speaks_when_the_community_does_not(
    repo: Repo, speaking: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.edit("data/community.yaml", "default_language: nn\n", "")
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    assert "advarsler i" in speaking("validate", repo=repo)
    repo.edit("data/community.yaml", "trust: helse-fonna\n", "trust: x\ndefault_language: en\n")
    repo.edit("data/community.yaml", "trust: x\n", "trust: helse-fonna\n")
    assert "warnings in" in speaking("validate", repo=repo)


def test_a_language_hfctl_does_not_speak_is_refused(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run("status", "--lang", "de", repo=repo)
    assert result.exit_code == 2
    assert "'de' is not one of nn, nb, en" in result.stderr
    monkeypatch.setenv("HFCTL_LANG", "sv")
    result = run("status", repo=repo)
    assert result.exit_code == 2
    assert "HFCTL_LANG: 'sv'" in result.stderr


def test_typer_speaks_nynorsk_and_bokmal(repo: Repo, speaking: Callable[..., str]) -> None:
    missing = speaking("agenda", repo=repo)
    assert "Bruk: hfctl agenda [VAL] {meeting}" in missing
    assert "Sjå 'hfctl agenda -h' for hjelp." in missing
    assert "Manglar argumentet 'meeting'." in missing
    assert "Ukjent val: --bogus" in speaking("status", "--bogus", repo=repo)
    unknown = speaking("--lang", "nb", "bogus", repo=repo)
    assert "Ingen kommando med navnet 'bogus'." in unknown
    assert "Se 'hfctl -h' for hjelp." in unknown
    assert "Feil" in unknown
    text = speaking("status", "--help", repo=repo)
    assert "╭─ Val " in text
    assert "Vis denne meldinga og avslutt." in text
    assert not english_words(missing + unknown + text)


def test_plurals_and_days_the_norwegian_way(repo: Repo, speaking: Callable[..., str]) -> None:
    i18n.set_language("nn")
    assert i18n.ngettext("{n} day left", "{n} days left", 1).format(n=1) == "1 dag att"
    assert i18n.ngettext("{n} day left", "{n} days left", 2).format(n=2) == "2 dagar att"
    assert i18n.ngettext("{n} error", "{n} errors", 2).format(n=2) == "2 feil"
    i18n.set_language("nb")
    assert i18n.ngettext("{n} day left", "{n} days left", 2).format(n=2) == "2 dager igjen"
    status = speaking("status", repo=repo)
    assert "Helsefellesskapet i Helse Fonna — 24. november 2026" in status
    assert "10. desember 2026 kl. 10.00" in status
    assert "0 feil, 14 åtvaringar" in status
    shown = speaking("secretariat", "show", "--lang", "nb", repo=repo)
    assert "dager igjen" in shown
    assert "31. desember 2027" in shown


# the read-only commands, as a coordinator runs them on the bundled data
READ_ONLY: list[tuple[str, ...]] = [
    ("status",),
    ("validate",),
    ("meeting", "list"),
    ("meeting", "list", "--all"),
    ("actions",),
    ("agreements", "status"),
    ("agreements", "status", "overordna-samarbeidsavtale"),
    ("secretariat", "show"),
    ("secretariat", "history"),
    ("inform", "list"),
    ("agenda", "2026-12-10-ssu"),
    ("agenda", "2026-12-10-nowhere"),
    ("person", "update", "nobody"),
]


@pytest.mark.parametrize("lang", ["nn", "nb"])
@pytest.mark.parametrize("args", READ_ONLY, ids=" ".join)
def test_no_english_sentence_in_norwegian(
    repo: Repo, speaking: Callable[..., str], args: tuple[str, ...], lang: str
) -> None:
    text = speaking(*args, "--lang", lang, repo=repo)
    assert not english_words(text), text


def test_no_english_in_the_command_lines_own_words(
    repo: Repo, speaking: Callable[..., str]
) -> None:
    """What hfctl/cli says itself, apart from the problems of the lower layers."""
    for lang in ("nn", "nb"):
        text = speaking("status", "--lang", lang, repo=repo)
        own = "\n".join(line for line in text.splitlines() if not re.search(r"HF\d{3}", line))
        # the agenda states (draft, invitation sent) come from the lower layers: issue-22b
        own = re.sub(r"\b(draft|invitation sent|issued)\b", " ", own)
        assert not english_words(own), own


def test_help_words_are_not_english_in_nynorsk(speaking: Callable[..., str]) -> None:
    result = run("--help")  # the community of the checkout's own data speaks nynorsk
    text = result.stdout
    assert "Styringa av eit norsk helsefellesskap" in text
    assert not english_words(text)


def test_json_is_the_same_in_every_language(repo: Repo, speaking: Callable[..., str]) -> None:
    """Keys, values, ISO days and problem codes do not change with the language (a problem's
    message is said in it, beside its code)."""
    import json

    status = {
        lang: speaking("status", "--format", "json", "--lang", lang, repo=repo)
        for lang in i18n.LANGUAGES
    }
    assert status["nn"] == status["nb"] == status["en"]
    assert json.loads(status["nn"])["today"] == "2026-11-24"
    reports = {
        lang: json.loads(speaking("validate", "--format", "json", "--lang", lang, repo=repo))
        for lang in i18n.LANGUAGES
    }
    for report in reports.values():
        for problem in report["problems"]:
            problem.pop("message")
    assert reports["nn"] == reports["nb"] == reports["en"]


def test_lang_after_a_group_too(repo: Repo, speaking: Callable[..., str]) -> None:
    assert "møter fra" in speaking("meeting", "--lang", "nb", "list", repo=repo)
    assert "møte frå" in speaking("meeting", "list", repo=repo)
