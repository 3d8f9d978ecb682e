"""The messages of the checks, the store and the domain speak nynorsk and bokmål: `hfctl
validate` and a refusal on a broken copy of the bundled data carry no English word, a run in
another language does not show the cached messages of the first, and every catalog keeps the
placeholders of its msgids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from hfctl.core.i18n import LANGUAGES, LOCALE_DIR, set_language
from tests.conftest import Repo, problems, run

ENGLISH = [
    "the",
    "a",
    "an",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "not",
    "no",
    "and",
    "or",
    "but",
    "with",
    "which",
    "who",
    "whose",
    "before",
    "after",
    "already",
    "yet",
    "still",
    "should",
    "must",
    "cannot",
    "could",
    "would",
    "does",
    "did",
    "than",
    "then",
    "there",
    "this",
    "that",
    "these",
    "those",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "into",
    "outside",
    "meeting",
    "meetings",
    "case",
    "cases",
    "member",
    "members",
    "agreement",
    "term",
    "secretariat",
    "holds",
    "unknown",
    "missing",
    "nobody",
    "give",
    "record",
    "issued",
    "sent",
    "signed",
    "date",
    "day",
    "days",
    "file",
]
"""Words that are English and not Norwegian ("for", "i", "er", "men" are both or neither)."""
ENGLISH = [w for w in ENGLISH if w not in {"for", "a", "at", "to", "in", "no", "on", "be"}]

BREAKAGES = [
    # (file, old, new): each makes validate say something in its own words
    ("data/forums/ssu.yaml", "  - person: harald-heggland", "  - person: ukjend-person"),
    ("data/forums/ssu.yaml", "      to: 2025-12-31", "      to: 2025-06-30"),
    ("data/meetings/2026/2026-12-10-ssu.md", 'end: "14:00"', 'end: "09:00"'),
    ("data/meetings/2026/2026-12-10-ssu.md", "secretary: steinar-ostebo", "secretary: ukjend"),
    (
        "data/meetings/2026/2026-12-10-ssu.md",
        "online: https://video.helse-fonna.example/ssu-2026-12-10",
        "online: videolenkje",
    ),
    ("data/meetings/2026/2026-12-10-ssu.md", "  - number: 30\n", "  - number: 29\n"),
]


def english_in(message: str) -> list[str]:
    """The English words of ``message``, leaving out what it quotes from the data or the
    command line: 'values', `commands`, hfctl commands, --options, METAVARS, paths and ids."""
    text = re.sub(r"'[^']*'|`[^`]*`|\"[^\"]*\"|hfctl [^);]*", " ", message)
    words = [
        w
        for w in text.split()
        if not re.search(r"[-/_.:@]|\d", w.strip("(),;")) and not w.strip("(),;…").isupper()
    ]
    found = {w.strip("(),;:.").lower() for w in words}
    return sorted(found & set(ENGLISH))


def broken(repo: Repo) -> None:
    for rel, old, new in BREAKAGES:
        repo.edit(rel, old, new)


@pytest.mark.parametrize("language", ["nn", "nb"])
def test_validate_and_a_refusal_speak_no_english(
    repo: Repo, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken(repo)
    english = run("validate", "--format", "json", repo=repo)  # fills the cache in English
    assert english.exit_code == 1
    said = {p["code"]: p["message"] for p in problems(english)}
    assert any(english_in(m) for m in said.values())  # the words list does see English
    monkeypatch.setenv("HFCTL_LANG", language)
    set_language(language)
    result = run("validate", "--format", "json", repo=repo)
    assert result.exit_code == 1
    found = problems(result)
    codes = {p["code"] for p in found}
    assert "HF310" in codes, codes  # an unknown person
    assert len(codes) >= 5, codes
    for p in found:
        assert english_in(p["message"]) == [], p
    # the breakage is not committed: refused; with --allow-dirty, a held meeting is not cancelled
    refusals = [run("meeting", "cancel", "2026-12-10-ssu", repo=repo)]
    refusals.append(run("meeting", "cancel", "2026-02-12-ssu", "--allow-dirty", repo=repo))
    expected = {
        "nn": ("ikkje er gjorde av hfctl", "berre eit planlagt møte"),
        "nb": ("ikke er gjort av hfctl", "bare et planlagt møte"),
    }
    for refused, sentence in zip(refusals, expected[language], strict=True):
        assert refused.exit_code != 0
        lines = [line for line in refused.stderr.splitlines() if sentence in line]
        assert lines, refused.stderr
        assert english_in(lines[0].split(":", 1)[-1]) == [], lines[0]


def test_the_english_words_are_caught() -> None:
    assert english_in("'Kari' is not a member of SSU on 2026-12-10") == [
        "is",
        "member",
        "not",
        "of",
    ]
    assert english_in("'Kari' er ikkje medlem av SSU (--forum ssu, data/x.yaml)") == []
    assert english_in("forleng ho (hfctl member renew ssu kari --to DATE)") == []


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{([A-Za-z_][A-Za-z_0-9]*)[^{}]*\}", text.replace("{{", "")))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_msgstr_keeps_the_placeholders_of_its_msgid(language: str) -> None:
    path = Path(LOCALE_DIR) / language / "LC_MESSAGES" / "hfctl.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    checked = 0
    for message in catalog:
        if not message.id:
            continue
        ids = [str(i) for i in message.id] if isinstance(message.id, tuple) else [str(message.id)]
        strings = [str(i) for i in message.string] if isinstance(message.string, tuple) else []
        strings = strings or [str(message.string)]
        wanted: set[str] = set().union(*(_placeholders(i) for i in ids))
        for string in strings:
            assert string, f"{language}: no translation of {ids[0]!r}"
            assert _placeholders(string) == wanted, (language, ids[0], string)
        checked += 1
    assert checked > 300
