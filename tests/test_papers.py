"""Meeting papers, public and exempt: the checks of case documents, the public view, the leak
guard (a marker planted in every exempt field), and the PDF and Word files read back with
other implementations than the ones that wrote them (pikepdf and poppler's pdftotext for the
PDF, python-docx and the raw XML for Word)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Repo, problems, run

DEC = "data/meetings/2026/2026-12-10-ssu.md"
SSU = "data/forums/ssu.yaml"
MEETING = "2026-12-10-ssu"
MARK = "Qzmarkerqz"
"""Planted in every exempt field: must be in every internal output and in no public one."""
EXEMPT_ATTACHMENT_TEXT = "Kandidatvurdering A"
"""Text inside the exempt attachment's PDF (appended only to the internal papers)."""


def _validate(repo: Repo) -> list[dict[str, Any]]:
    result = run("validate", "--format", "json", repo=repo)
    assert result.exit_code in (0, 1), result.stderr
    return problems(result)


def _edit(repo: Repo, rel: str, old: str, new: str) -> int:
    return repo.edit(rel, old, new)


MISTAKES: dict[str, tuple[str, Callable[[Repo], int]]] = {
    "HF430": (DEC, lambda r: _edit(r, DEC, "exempt: offl-14", "exempt: offl-99")),
    "HF431": (
        DEC,
        lambda r: _edit(
            r,
            DEC,
            "    proposal: SSU tek orienteringa til vitande.",
            "    public_title: Open\n    proposal: SSU tek orienteringa til vitande.",
        ),
    ),
    "HF432": (
        DEC,
        lambda r: _edit(r, DEC, "url: https://lovdata.no", "url: ftp://lovdata.no"),
    ),
    "HF433": (
        DEC,
        lambda r: _edit(r, DEC, "samansetjing-fsu-2027-2028.pdf", "gone.pdf"),
    ),
    "HF434": (
        DEC,
        lambda r: _edit(r, DEC, "## Sak 32/26 Status", "## Sak 35/26 Status"),
    ),
    "HF435": (
        DEC,
        lambda r: _edit(r, DEC, "## Sak 32/26 Status", "## Sak 31/26 Status"),
    ),
    "HF436": (
        SSU,
        lambda r: _edit(r, SSU, "  days_before: 3", "  to: nobody-known\n  days_before: 3"),
    ),
    "HF437": (
        DEC,
        lambda r: _edit(r, DEC, "online: https://", "online: video."),
    ),
}


@pytest.mark.parametrize("code", sorted(MISTAKES))
def test_case_document_checks_find_their_mistake(repo: Repo, code: str) -> None:
    rel, make = MISTAKES[code]
    line = make(repo)
    mine = [p for p in _validate(repo) if p["code"] == code]
    assert mine, code
    assert any(p["file"] == rel and p["line"] == line for p in mine), (line, mine)


def test_the_bundled_case_documents_are_valid(repo: Repo) -> None:
    assert not [p for p in _validate(repo) if p["code"].startswith("HF43")]


def test_public_view_keeps_only_number_public_title_and_basis() -> None:
    from hfctl.domain.publication import internal_view, public_view
    from hfctl.store.loader import load
    from tests.conftest import PROJECT

    ds = load(PROJECT, cache=False)
    meeting = ds.meetings[MEETING]
    internal = {c.label: c for c in internal_view(ds, meeting).cases}
    public = {c.label: c for c in public_view(ds, meeting).cases}
    secret = public["Sak 34/26"]
    assert internal["Sak 34/26"].sections and internal["Sak 34/26"].proposal
    assert secret.title == "Avvikssak om samhandling ved utskriving"
    assert secret.exempt is not None and secret.exempt.cite.startswith("offl. § 13")
    assert (secret.proposal, secret.decision, secret.intro, secret.sections) == ("", "", "", ())
    hidden = public["Sak 31/26"].attachments[1]
    assert hidden.exempt is not None and (hidden.file, hidden.url) == (None, None)
    assert hidden.title == "Internt arbeidsnotat frå sekretariatet"
    assert public["Sak 31/26"].sections == internal["Sak 31/26"].sections


def _plant(repo: Repo) -> None:
    """The marker in every exempt field: the exempt case's title, proposal, decision, archive
    reference and saksframlegg; the exempt attachment's title and file; and a saksframlegg
    exempt on its own (case 32)."""
    repo.edit(
        DEC, "title: Avvik ved utskriving", f"reference: 2026/{MARK}-1\n    title: Avvik {MARK}"
    )
    repo.edit(
        DEC,
        "og leggje fram forslag til endringar i møtet i mars 2027.",
        f"og leggje fram forslag til endringar i møtet i mars 2027 {MARK}.\n"
        f"    decision: Vedtak {MARK} gjort.",
    )
    repo.edit(DEC, "Ein pasient over 80 år", f"{MARK} Ein pasient over 80 år")
    repo.edit(
        DEC,
        "title: Sekretariatet si vurdering av kvar kandidat",
        f"title: Sekretariatet si vurdering {MARK}",
    )
    repo.edit(
        DEC,
        "type: orientation\n    proposal:",
        "type: orientation\n    paper_exempt: offl-14\n    proposal:",
    )
    repo.edit(DEC, "Dei fleste kommunane har signert.", f"Dei fleste {MARK} kommunane har signert.")


def _papers(repo: Repo, out: Path, *args: str) -> Path:
    result = run("papers", MEETING, "-o", str(out), *args, repo=repo)
    assert result.exit_code == 0, result.stderr
    return out


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed; .ci/run installs it")
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        )
    import re

    return " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def test_public_papers_hold_no_exempt_text_and_internal_ones_all(
    repo: Repo, tmp_path: Path
) -> None:
    _plant(repo)
    for fmt in ("md", "html", "docx", "pdf"):
        public = _papers(repo, tmp_path / f"public.{fmt}", "--public", "-f", fmt)
        internal = _papers(repo, tmp_path / f"internal.{fmt}", "--internal", "-f", fmt)
        if fmt == "pdf":
            texts = _pdf_text(public), _pdf_text(internal)
        elif fmt == "docx":
            texts = _docx_text(public), _docx_text(internal)
        else:
            texts = public.read_text(encoding="utf-8"), internal.read_text(encoding="utf-8")
        open_text, members_text = texts
        assert MARK.lower() not in open_text.lower(), fmt
        assert "Unnateke offentlegheit" in open_text, fmt
        # the marker of every field: title, reference, proposal, decision is not in papers,
        # both saksframlegg, the attachment's title
        expected = 5 if fmt != "pdf" else 4  # pdftotext may join the file name's words
        assert members_text.count(MARK) >= expected, (fmt, members_text.count(MARK))
        assert "INTERNT" in members_text and "INTERNT" not in open_text
    assert EXEMPT_ATTACHMENT_TEXT in _pdf_text(tmp_path / "internal.pdf")
    assert EXEMPT_ATTACHMENT_TEXT not in _pdf_text(tmp_path / "public.pdf")


def test_the_site_holds_no_exempt_text(repo: Repo, tmp_path: Path) -> None:
    _plant(repo)
    result = run("site", "build", "-o", str(tmp_path / "site"), repo=repo)
    assert result.exit_code == 0, result.stderr
    for page in (tmp_path / "site").iterdir():
        assert MARK.lower() not in page.read_bytes().decode("utf-8", "replace").lower(), page
    meeting = (tmp_path / "site" / f"meeting-{MEETING}.html").read_text(encoding="utf-8")
    assert "Unnateke offentlegheit" in meeting and "Sak 34/26" in meeting
    assert f'href="papers-{MEETING}.html"' in meeting
    papers = (tmp_path / "site" / f"papers-{MEETING}.html").read_text(encoding="utf-8")
    assert "Unnateke offentlegheit" in papers and "Forslag til vedtak" in papers
    assert "video." not in papers  # the video link is for those called
    for page in (tmp_path / "site").glob("*.html"):
        assert 'href="accessibility.html"' in page.read_text(encoding="utf-8"), page.name
    statement = (tmp_path / "site" / "accessibility.html").read_text(encoding="utf-8")
    for needed in ("WCAG 2.1", "1.4.3", "axe-core", "Kjende manglar", "postmottak@"):
        assert needed in statement, needed


def test_the_site_publishes_public_papers_as_pdf(repo: Repo, tmp_path: Path) -> None:
    import pikepdf

    _plant(repo)
    result = run("site", "build", "--pdf", "-o", str(tmp_path / "site"), repo=repo)
    assert result.exit_code == 0, result.stderr
    meeting = (tmp_path / "site" / f"meeting-{MEETING}.html").read_text(encoding="utf-8")
    assert f'href="papers-{MEETING}.pdf"' in meeting
    path = tmp_path / "site" / f"papers-{MEETING}.pdf"
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "nn" and "/StructTreeRoot" in pdf.Root
    text = _pdf_text(path)
    assert MARK.lower() not in text.lower() and EXEMPT_ATTACHMENT_TEXT not in text
    assert "Unnateke offentlegheit" in text


def test_a_public_output_holding_exempt_text_is_refused(repo: Repo, tmp_path: Path) -> None:
    # the secretariat's note repeats a sentence of the exempt saksframlegg
    repo.edit(
        DEC,
        "Sak 34/26 vart ettersend.",
        "Sak 34/26 vart ettersend. Kommunen melde avvik til føretaket, og føretaket har gått "
        "gjennom saka saman med kommunen.",
    )
    # and the public title of a case repeats the exempt attachment's title
    repo.edit(
        DEC, "public_title: Avvikssak om samhandling ved utskriving", "public_title: Avvikssak"
    )
    repo.edit(
        DEC,
        "    proposal: Innkalling og saksliste vert godkjende.",
        "    proposal: Innkalling og saksliste vert godkjende.\n"
        "    reference: Sekretariatet si vurdering av kvar kandidat",
    )
    result = run("papers", MEETING, "--public", repo=repo)
    assert result.exit_code == 1
    assert "exempt from public access" in result.stderr
    assert run("papers", MEETING, "--internal", repo=repo).exit_code == 0
    built = run("site", "build", "-o", str(tmp_path / "site"), repo=repo)
    assert built.exit_code == 1 and "exempt" in built.stderr
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").iterdir())


def test_the_pdf_is_tagged_with_language_title_and_a_bookmark_per_case(
    repo: Repo, tmp_path: Path
) -> None:
    import pikepdf

    for public in ("--public", "--internal"):
        path = _papers(repo, tmp_path / f"p{public}.pdf", public, "-f", "pdf", "--lang", "nb")
        with pikepdf.open(path) as pdf:
            root = pdf.Root
            assert str(root.Lang) == "nb"
            assert "/StructTreeRoot" in root and bool(root.MarkInfo.Marked)
            assert bool(root.ViewerPreferences.DisplayDocTitle)
            title = str(pdf.docinfo["/Title"])
            assert title.startswith("Innkalling med saksdokumenter: SSU")
            assert ("INTERNT" in title) == (public == "--internal")
            with pdf.open_outline() as outline:
                marks: list[str] = []
                stack = list(outline.root)
                while stack:
                    item = stack.pop(0)
                    marks.append(item.title)
                    stack.extend(item.children)
            pages = len(pdf.pages)
        for number in range(29, 35):
            assert any(m.startswith(f"Sak {number}/26") for m in marks), (number, marks)
        appended = [m for m in marks if m.startswith("Vedlegg ") and "(Sak" in m]
        assert len(appended) == (1 if public == "--public" else 2), marks
        assert pages >= 6
        if public == "--public":
            assert not any("Avvik ved utskriving av ein eldre" in m for m in marks)


def test_the_docx_has_real_headings_and_tables(repo: Repo, tmp_path: Path) -> None:
    import docx

    path = _papers(repo, tmp_path / "p.docx", "--public", "-f", "docx", "--lang", "en")
    document = docx.Document(str(path))
    assert document.core_properties.title.startswith("Invitation with case documents: SSU")
    assert document.core_properties.language == "en-GB"
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    cases = [text for style, text in headings if style == "Heading 1" and text.startswith("Sak ")]
    assert [c[:9] for c in cases] == [f"Sak {n}/26" for n in range(29, 35)]
    assert ("Heading 2", "Proposed decision") in headings
    called, agenda, attachments = document.tables
    assert [c.text for c in agenda.rows[0].cells] == ["Case", "Title", "Type"]
    assert len(agenda.rows) == 7
    assert "Exempt from public access" in agenda.rows[6].cells[1].text
    assert len(attachments.rows) == 4
    assert len(called.rows) > 5


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_papers_golden(repo: Repo, lang: str, golden: Callable[[str, str], None]) -> None:
    for version in ("internal", "public"):
        result = run("papers", MEETING, f"--{version}", "--lang", lang, repo=repo)
        assert result.exit_code == 0, result.stderr
        golden(f"papers/{MEETING}.{version}.{lang}.md", result.stdout)
        assert ("video.helse-fonna" in result.stdout) == (version == "internal")


def test_minutes_as_pdf_and_docx(repo: Repo, tmp_path: Path) -> None:
    import docx
    import pikepdf

    pdf_path, docx_path = tmp_path / "m.pdf", tmp_path / "m.docx"
    for path in (pdf_path, docx_path):
        result = run("minutes", "2026-04-23-ssu", "-f", path.suffix[1:], "-o", str(path), repo=repo)
        assert result.exit_code == 0, result.stderr
    with pikepdf.open(pdf_path) as pdf:
        assert str(pdf.Root.Lang) == "nn" and "/StructTreeRoot" in pdf.Root
        assert str(pdf.docinfo["/Title"]).startswith("Protokoll: Strategisk samarbeidsutval")
    assert "Til stades" in _pdf_text(pdf_path)
    document = docx.Document(str(docx_path))
    styles = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert styles[0][0] == "Title"
    assert any(style == "Heading 1" and text.startswith("Sak ") for style, text in styles)
    assert document.tables[0].rows[0].cells[0].text == "Til stades"


def test_binary_formats_need_a_file(repo: Repo) -> None:
    result = run("papers", MEETING, "-f", "pdf", repo=repo)
    assert result.exit_code == 2 and "-o FILE" in result.stderr


def test_the_site_publishes_approved_minutes_from_the_public_view(
    repo: Repo, tmp_path: Path
) -> None:
    april = "data/meetings/2026/2026-04-23-ssu.md"
    repo.edit(
        april,
        "    title: Tilbakemelding frå FSU barn og unge\n",
        f"    title: Tilbakemelding frå FSU barn og unge\n    exempt: offl-25\n"
        f"    decision: Teke til orientering {MARK}.\n",
    )
    result = run("site", "build", "-o", str(tmp_path / "site"), repo=repo)
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "site" / "minutes-2026-04-23-ssu.html").read_text(encoding="utf-8")
    assert "Godkjend i" in page and "Sak 13/26" in page  # approved on 11 June
    assert MARK not in page and "Unnateke offentlegheit</strong>, offl. § 25" in page
    assert "Sak 08/26" in page and "Til stades" in page
    assert "Tilbakemelding frå FSU barn og unge" not in page
    assert not (tmp_path / "site" / "minutes-2026-11-19-ssu.html").exists()  # not yet approved
    meeting = (tmp_path / "site" / "meeting-2026-04-23-ssu.html").read_text(encoding="utf-8")
    assert 'href="minutes-2026-04-23-ssu.html"' in meeting


def test_the_site_minutes_say_how_a_case_was_decided_and_who_dissented(
    repo: Repo, tmp_path: Path
) -> None:
    april = "data/meetings/2026/2026-04-23-ssu.md"
    repo.edit(
        april,
        "    decision: Innkalling og saksliste vart godkjende.\n",
        "    decision: Innkalling og saksliste vart godkjende.\n    decision_kind: consensus\n",
    )
    repo.edit(
        april,
        "Avtalen gjeld frå 1. juli 2026.\n",
        "Avtalen gjeld frå 1. juli 2026.\n    decision_kind: vote\n"
        "    votes: {for: 9, against: 3, blank: 1}\n    dissent: [harald-heggland]\n",
    )
    result = run("site", "build", "-o", str(tmp_path / "site"), repo=repo)
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "site" / "minutes-2026-04-23-ssu.html").read_text(encoding="utf-8")
    page = " ".join(_text(html).split())
    assert "vart godkjende. (ved konsensus)" in page
    assert "(etter røysting (for–mot–blanke) 9–3–1)" in page
    assert "Protokolltilførsel, usemje frå: Harald Heggland" in page
    assert "harald-heggland" not in page


def _text(html: str) -> str:
    """The text of a page as a browser shows it (the standard library's parser)."""
    from html.parser import HTMLParser

    parts: list[str] = []

    class Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            parts.append(data)

    Text().feed(html)
    return "".join(parts)


def test_meeting_case_attach_adds_a_vedlegg(repo: Repo) -> None:
    repo.write("data/attachments/2026-12-10-ssu/plan.pdf", b"%PDF-1.4\n%%EOF\n")
    repo.commit("the file")
    result = run(
        "meeting", "case", "attach", MEETING, "30", "data/attachments/2026-12-10-ssu/plan.pdf",
        "--title", "Utkast til referat", "--exempt", "offl-14", "--public-title", "Utkast",
        "--commit", repo=repo,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = repo.read(DEC)
    assert "      - title: Utkast til referat\n        file: data/attachments/" in text
    assert "    refers_to: 2026-11-19-ssu\n    proposal:" in text  # nothing else moved
    papers = run("papers", MEETING, "--public", repo=repo)
    assert "Utkast – Unnateke offentlegheit, offl. § 14" in papers.stdout
    assert "Utkast til referat" not in papers.stdout
    url = run(
        "meeting", "case", "attach", MEETING, "32", "https://example.org/status",
        "--title", "Status per kommune", "--commit", repo=repo,
    )  # fmt: skip
    assert url.exit_code == 0, url.stderr
    assert not [p for p in _validate(repo) if p["severity"] == "error"]
    unknown = run(
        "meeting", "case", "attach", MEETING, "32", "https://example.org/y", "--title", "Y",
        "--exempt", "offl-99", repo=repo,
    )  # fmt: skip
    assert unknown.exit_code == 1 and "legal-bases.yaml" in unknown.stderr
    outside = run(
        "meeting", "case", "attach", MEETING, "32", "/etc/hostname", "--title", "Z", repo=repo
    )
    assert outside.exit_code == 1 and "not a file under data/" in outside.stderr


def test_reminder_letters_as_tagged_pdf(repo: Repo, tmp_path: Path) -> None:
    import pikepdf

    out = tmp_path / "letters"
    result = run("agreements", "remind", "-o", str(out), "--pdf", "--lang", "nb", repo=repo)
    assert result.exit_code == 0, result.stderr
    letters = sorted(out.glob("reminder-*.md"))
    assert letters and all(p.with_suffix(".pdf").is_file() for p in letters)
    path = out / "reminder-kvinnherad.pdf"
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "nb" and "/StructTreeRoot" in pdf.Root
        assert str(pdf.docinfo["/Title"]).startswith("Påminnelse")
    assert "Kvinnherad" in _pdf_text(path)


def test_information_messages_as_tagged_pdf(repo: Repo, tmp_path: Path) -> None:
    import pikepdf

    item = "2026-11-20-rundskriv-okonomiske-rammer-for-kommunane-i-2027"
    out = tmp_path / "outbox"
    result = run("inform", "send", item, "-o", str(out), "--pdf", repo=repo)
    assert result.exit_code == 0, result.stderr
    messages = sorted(out.glob("*.eml"))
    assert len(messages) == 17 and all(p.with_suffix(".pdf").is_file() for p in messages)
    path = out / f"{item}-helse-fonna.pdf"
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "nn" and "/StructTreeRoot" in pdf.Root
        assert "Økonomiske rammer" in str(pdf.docinfo["/Title"])
    assert "KS" in _pdf_text(path)
