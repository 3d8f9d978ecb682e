"""Word documents (python-docx) from the same values as the templates: real headings (Heading
1-3 styles, so the navigation pane and a screen reader see the structure), real tables with a
repeated header row, the document's title and language set, and the internal mark in the
header of every page. Made to be edited by the secretariat."""

from __future__ import annotations

import io
import re
from typing import Any

LANG_TAGS = {"nn": "nn-NO", "nb": "nb-NO", "en": "en-GB"}


class Writer:
    """A Word document being written, with the text it holds kept for the leak guard."""

    def __init__(self, lang: str, title: str, internal: str | None) -> None:
        from docx import Document
        from docx.oxml.ns import qn
        from docx.oxml.parser import OxmlElement

        self.doc = Document()
        self.text: list[str] = []
        props = self.doc.core_properties
        props.title = title
        props.language = LANG_TAGS[lang]
        for style in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
            rpr = self.doc.styles[style].element.get_or_add_rPr()
            tag = OxmlElement("w:lang")
            tag.set(qn("w:val"), LANG_TAGS[lang])
            rpr.append(tag)
        if internal:
            header = self.doc.sections[0].header.paragraphs[0]
            header.text = internal
            self.text.append(internal)

    def heading(self, text: str, level: int) -> None:
        """A heading of ``level`` (0: the document's title)."""
        self.doc.add_heading(text, level)
        self.text.append(text)

    def para(self, text: str, style: str | None = None, bold: str = "") -> None:
        """A paragraph, optionally led by a bold label."""
        paragraph = self.doc.add_paragraph(style=style)
        if bold:
            paragraph.add_run(bold).bold = True
            paragraph.add_run(" ")
        paragraph.add_run(text)
        self.text.append(f"{bold} {text}")

    def markdown(self, text: str) -> None:
        """Markdown paragraphs and lists as Word paragraphs (emphasis marks dropped)."""
        for block in re.split(r"\n\s*\n", text.strip()):
            lines = [line.strip() for line in block.splitlines() if line.strip()]
            if not lines:
                continue
            if all(re.match(r"^[-*]\s", line) for line in lines):
                for line in lines:
                    self.para(_plain(line[2:]), "List Bullet")
            elif all(re.match(r"^\d+[.)]\s", line) for line in lines):
                for line in lines:
                    self.para(_plain(line.split(" ", 1)[1]), "List Number")
            else:
                self.para(_plain(" ".join(lines)))

    def table(self, headers: list[str] | None, rows: list[list[str]]) -> None:
        """A table whose first row is a header row repeated on every page (``headers``), or
        one of label and value per row (no ``headers``: the first column is bold)."""
        from docx.oxml.ns import qn
        from docx.oxml.parser import OxmlElement

        if headers is None:
            table = self.doc.add_table(rows=0, cols=len(rows[0]))
            table.style = "Table Grid"
            for row in rows:
                cells = table.add_row().cells
                cells[0].paragraphs[0].add_run(row[0]).bold = True
                for cell, text in zip(cells[1:], row[1:], strict=True):
                    cell.text = text
            self.text.extend(c for row in rows for c in row)
            return
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
        trpr = table.rows[0]._tr.get_or_add_trPr()
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        trpr.append(mark)
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
        self.text.extend(headers + [c for row in rows for c in row])

    def save(self) -> bytes:
        """The document as bytes."""
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _plain(text: str) -> str:
    return re.sub(r"[*_`]+", "", text)


def _exempt(t: dict[str, str], basis: dict[str, str] | None, title: str = "") -> str:
    if basis is None:
        return title
    return f"{title + ' – ' if title else ''}{t['exempt']}, {basis['cite']}"


def papers(v: dict[str, Any], t: dict[str, str]) -> tuple[str, bytes]:
    """The papers as a Word document, in the words ``t`` of the papers' templates (their
    ``labels.j2``); also the text it holds."""
    title = f"{t['papers']}: {v['forum_short']} {v['date']}"
    w = Writer(v["lang"], title, None if v["public"] else t["internal"])
    w.heading(title, 0)
    w.heading(f"{t['invitation']} {t['to']} {v['forum']}", 1)
    w.para(f"{v['date']}, {v['time']}", bold=f"{t['when']}:")
    w.para(v["location"], bold=f"{t['where']}:")
    if v["online"]:
        w.para(v["online"], bold=f"{t['online']}:")
    if v["secretary"]:
        w.para(v["secretary"], bold=f"{t['secretary']}:")
    if v["issued"]:
        w.para(v["issued"], bold=f"{t['issued']}:")
    if v["apologies"]:
        a = v["apologies"]
        note = f" {a['note']}" if a["note"] else ""
        w.para(
            f"{t['apologies_to']} {a['to']} {t['by']} {a['by']}.{note}", bold=f"{t['apologies']}:"
        )
    if v["called"]:
        w.heading(t["called"], 2)
        w.table([t["name"], t["represents"]], [[c["name"], c["represents"]] for c in v["called"]])
    w.heading(t["agenda"], 1)
    w.table(
        [t["case"], t["title"], t["type"]],
        [[c["label"], _exempt(t, c["exempt"], c["title"]), t[c["type"]]] for c in v["cases"]],
    )
    for c in v["cases"]:
        w.heading(f"{c['label']} {c['title'] or (t['exempt'] if c['exempt'] else '')}", 1)
        if c["exempt"]:
            w.para(f"{_exempt(t, c['exempt'])} ({c['exempt']['text']}).")
        notes = []
        if c["prepared_in"]:
            notes.append(f"{t['prepared']} {c['prepared_in']}.")
        if c["reference"]:
            notes.append(f"{t['reference']} {c['reference']}.")
        if c["presenter"]:
            notes.append(f"{t['presenter']}: {c['presenter']}.")
        if notes:
            w.para(" ".join(notes))
        if c["paper_exempt"]:
            w.para(f"{t['paper_exempt']}, {c['paper_exempt']['cite']}.")
        if c["intro"]:
            w.markdown(c["intro"])
        for s in c["sections"]:
            w.heading(s["title"], 2)
            w.markdown(s["text"])
        if c["proposal"]:
            w.heading(t["proposal"], 2)
            w.para(c["proposal"])
        for a in c["attachments"]:
            w.para(
                f"{t['attachments']} {a['number']}: {_exempt(t, a['exempt'], a['title'])}"
                + (f" ({a['url']})" if a["url"] and not a["exempt"] else ""),
                "List Bullet",
            )
    if v["attachments"]:
        w.heading(t["attachments"], 1)
        w.table(
            [t["number"], t["case"], t["title"]],
            [
                [
                    str(a["number"]),
                    a["case"],
                    _exempt(t, a["exempt"], a["title"])
                    + (f" ({a['url']})" if a["url"] and not a["exempt"] else ""),
                ]
                for a in v["attachments"]
            ],
        )
    return "\n".join(w.text), w.save()


def minutes(v: dict[str, Any], t: dict[str, str]) -> bytes:
    """The minutes (protokoll) as a Word document, in the words ``t`` of the minutes'
    templates: attendance, each case with conflicts of interest, decision and follow-up."""
    title = f"{t['title']}: {v['forum']} {v['date']}"
    w = Writer(v["lang"], title, None)
    w.heading(title, 0)
    end = f"–{v['end']}" if v["end"] else ""
    w.para(f"{v['date']}, {t['at']} {v['start']}{end}", bold=f"{t['time']}:")
    w.para(v["location"], bold=f"{t['place']}:")
    rows = [[t["present"], ", ".join(v["present"]) or t["none"]]]
    rows.append([t["apologies"], ", ".join(v["apologies"]) or t["none"]])
    if v["deputies"]:
        rows.append(
            [
                t["deputies"],
                ", ".join(f"{d['name']} ({t['for']} {d['for']})" for d in v["deputies"]),
            ]
        )
    if v["secretary"]:
        rows.append([t["secretary"], v["secretary"]])
    w.table(None, rows)
    for case in v["cases"]:
        w.heading(f"{case['label']} {case['title']}".strip(), 1)
        if case["conflicts"]:
            w.para(", ".join(case["conflicts"]), bold=f"{t['conflict']}:")
        if case["decision"]:
            w.para(case["decision"], bold=f"{t['decision']}:")
        elif case["type"] == "orientation":
            w.para(t["noted"])
        if case["actions"]:
            w.heading(t["followup"], 2)
            for a in case["actions"]:
                w.para(
                    f"{a['what']} ({t['resp']}: {a['responsible']}, {t['due']} {a['due']})",
                    "List Bullet",
                )
    return w.save()
