"""The plain text of a Markdown letter, as a mail reader shows it: no Markdown source.

A message's text/plain part is read as it stands, so ``**Tid:**`` would show its asterisks and
``# Innkalling`` its hash. hfctl's templates write a small, known part of Markdown (headings,
strong text, lists, hard line breaks, links, tables, backslash escapes); each becomes what a
reader of plain text expects: a heading underlined, emphasis and escapes dropped, a link as
``text <address>``, a table as aligned columns. Lists and paragraphs read as they are.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_CODE = re.compile(r"`([^`]+)`")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _inline(text: str) -> str:
    text = _CODE.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _LINK.sub(lambda m: m[1] if m[1] == m[2] else f"{m[1]} <{m[2]}>", text)
    text = _STRONG.sub(r"\2", text)
    return _ESCAPE.sub(r"\1", text)


def _cells(line: str) -> list[str]:
    inner = line.strip().removeprefix("|").removesuffix("|")
    return [_inline(cell.strip()) for cell in re.split(r"(?<!\\)\|", inner)]


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) if i < len(row) else 0 for row in rows) for i in range(len(rows[0]))]
    out = []
    for index, row in enumerate(rows):
        out.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip())
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def from_markdown(markdown: str) -> str:
    """``markdown`` as plain text: see the module's description."""
    lines: list[str] = []
    table: list[list[str]] = []
    for line in markdown.splitlines():
        if line.lstrip().startswith("|"):
            if not _TABLE_RULE.match(line):
                table.append(_cells(line))
            continue
        if table:
            lines += _table(table)
            table = []
        heading = _HEADING.match(line)
        if heading:
            text = _inline(heading[2])
            lines += [text, ("=" if len(heading[1]) == 1 else "-") * len(text)]
            continue
        lines.append(_inline(line).rstrip())
    if table:
        lines += _table(table)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n"
