"""Random edits of a data file's text for the property tests: a comment, a word or a date
swapped for another of the data's, a line left out, broken YAML, an empty file, another file's
text, every use of a word (an id, say) replaced."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[a-z][a-z0-9-]{2,}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Corpus:
    """The texts of some data files, and the words and dates in them: what edits draw on."""

    texts: list[str]
    words: list[str]
    dates: list[str]

    @classmethod
    def of(cls, files: dict[str, bytes]) -> Corpus:
        """The corpus of these files' bytes."""
        texts = [raw.decode("utf-8", "replace") for raw in files.values()]
        words = sorted({w for text in texts for w in WORD.findall(text)})
        dates = sorted({d for text in texts for d in DATE.findall(text)})
        return cls(texts, words, dates)

    def variant(self, text: str, how: int, a: int, b: int, kinds: int = 8) -> str:
        """Another text for a file: one of the first ``kinds`` kinds of edit, by ``how``."""
        lines = text.split("\n")
        words = list(WORD.finditer(text))
        dates = list(DATE.finditer(text))
        kind = how % kinds
        if kind == 0:
            return text + f"\n# edit {a}\n"
        if kind == 1 and words:
            m = words[a % len(words)]
            return text[: m.start()] + self.words[b % len(self.words)] + text[m.end() :]
        if kind == 2 and dates:
            m = dates[a % len(dates)]
            return text[: m.start()] + self.dates[b % len(self.dates)] + text[m.end() :]
        if kind == 3 and len(lines) > 1:
            del lines[a % len(lines)]
            return "\n".join(lines)
        if kind == 4:
            return text.replace("\n", "\n  key: [\n", 1) if a % 2 else ""
        if kind == 5:
            return self.texts[a % len(self.texts)]
        if kind == 6 and words:  # every use of a word (an id, say) becomes another
            return text.replace(words[a % len(words)].group(), self.words[b % len(self.words)])
        return text + "\n"
