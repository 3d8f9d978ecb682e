"""Spreadsheets read back by readers apart from the writer: CSV with a UTF-8 byte order mark
(so Excel opens æøå right on a double-click), read by Python's csv module and by an RFC 4180
reader written here; `agreements status --format xlsx` read by openpyxl in read-only mode and
as the Office Open XML it is (zipfile and ElementTree): a header row, frozen panes, column
widths, dates as dates, text never a formula."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from tests.conftest import Repo, run

BOM = b"\xef\xbb\xbf"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _rfc4180(text: str) -> list[list[str]]:
    """Records of RFC 4180 CSV: CRLF line ends, fields quoted with doubled quotes."""
    records: list[list[str]] = []
    record: list[str] = []
    field: list[str] = []
    index, quoted = 0, False
    while index < len(text):
        char = text[index]
        if quoted:
            if char == '"' and text[index + 1 : index + 2] == '"':
                field.append('"')
                index += 1
            elif char == '"':
                quoted = False
            else:
                field.append(char)
        elif char == '"':
            quoted = True
        elif char == ",":
            record.append("".join(field))
            field = []
        elif text.startswith("\r\n", index):
            record.append("".join(field))
            records.append(record)
            record, field = [], []
            index += 1
        else:
            assert char not in "\r\n", "a bare line break outside quotes"
            field.append(char)
        index += 1
    assert not quoted and not field and not record, "the last record has no CRLF"
    return records


def _json_rows(repo: Repo) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = run("agreements", "status", "-f", "json", repo=repo).json()
    return rows


def test_csv_has_a_byte_order_mark_and_two_readers_agree(repo: Repo, tmp_path: Path) -> None:
    path = tmp_path / "status.csv"
    result = run("agreements", "status", "-f", "csv", "-o", str(path), repo=repo)
    assert result.exit_code == 0, result.stderr
    raw = path.read_bytes()
    assert raw.startswith(BOM) and not raw[3:].startswith(BOM)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        by_csv = list(csv.reader(handle))
    by_hand = _rfc4180(raw[len(BOM) :].decode("utf-8"))
    assert by_csv == by_hand
    rows = _json_rows(repo)
    assert by_csv[0] == list(rows[0])
    assert by_csv[1:] == [["" if v is None else str(v) for v in r.values()] for r in rows]
    assert any(r[3] == "Tysvær" for r in by_hand[1:])
    # printed, it starts with the mark too (for `> status.csv`)
    printed = run("agreements", "status", "-f", "csv", repo=repo).stdout
    assert printed.startswith("\ufeff") and printed.encode("utf-8")[3:] == raw[3:]


def test_the_recipients_list_has_a_byte_order_mark(repo: Repo, tmp_path: Path) -> None:
    assert run("invite", "2026-12-10-ssu", "-o", str(tmp_path), repo=repo).exit_code == 0
    raw = (tmp_path / "recipients.csv").read_bytes()
    assert raw.startswith(BOM)
    records = _rfc4180(raw[len(BOM) :].decode("utf-8"))
    assert records[0] == ["person", "name", "email", "reason", "deputy"]
    with (tmp_path / "recipients.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == records
    assert any("Østebø" in r[1] for r in records)


def _xlsx(repo: Repo, tmp_path: Path) -> Path:
    path = tmp_path / "status.xlsx"
    result = run("agreements", "status", "-f", "xlsx", "-o", str(path), repo=repo)
    assert result.exit_code == 0, result.stderr
    return path


def test_xlsx_read_by_openpyxl_in_read_only_mode(repo: Repo, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    rel = "data/agreements/overordna-samarbeidsavtale.yaml"
    repo.edit(rel, 'reference: "2026/300-3"', 'reference: "=HYPERLINK(\\"http://x\\")"')
    path = _xlsx(repo, tmp_path)
    book = load_workbook(path, read_only=True)
    sheet = book.active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]  # type: ignore[union-attr]
    rows = _json_rows(repo)
    assert values[0] == list(rows[0])
    assert len(values) == len(rows) + 1
    dates = ("sent", "council_meeting", "signed")
    for got, want in zip(values[1:], rows, strict=True):
        for name, value in zip(values[0], got, strict=True):
            expected = want[name]
            if name in dates and expected is not None:
                assert value == dt.datetime.fromisoformat(expected), name
            else:
                assert value == expected, name
    assert '=HYPERLINK("http://x")' in [r[-1] for r in values]


def test_xlsx_as_office_open_xml(repo: Repo, tmp_path: Path) -> None:
    rel = "data/agreements/overordna-samarbeidsavtale.yaml"
    repo.edit(rel, 'reference: "2026/300-3"', 'reference: "=1+1"')
    with zipfile.ZipFile(_xlsx(repo, tmp_path)) as archive:
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
        shared = (
            archive.read("xl/sharedStrings.xml")
            if "xl/sharedStrings.xml" in archive.namelist()
            else b""
        )
    pane = sheet.find(f"{MAIN}sheetViews/{MAIN}sheetView/{MAIN}pane")
    assert pane is not None
    assert (pane.get("state"), pane.get("ySplit"), pane.get("topLeftCell")) == ("frozen", "1", "A2")
    widths = [float(c.get("width", "0")) for c in sheet.iter(f"{MAIN}col")]
    assert len(widths) == 11 and all(w >= 8 for w in widths)
    assert max(widths) > 20  # the agreement's id is wider than the default column
    assert not list(sheet.iter(f"{MAIN}f")), "a cell became a formula"
    formats = {
        int(f.get("numFmtId", "0")): f.get("formatCode") for f in styles.iter(f"{MAIN}numFmt")
    }
    xfs = list(styles.find(f"{MAIN}cellXfs") or [])
    row2 = sheet.find(f"{MAIN}sheetData/{MAIN}row[@r='2']")
    assert row2 is not None
    cells = {c.get("r"): c for c in row2}
    sent = cells["F2"]  # the sent day: a number with a date format, not text
    assert sent.get("t") in (None, "n")
    number_format = int(xfs[int(sent.get("s", "0"))].get("numFmtId", "0"))
    assert formats.get(number_format) == "yyyy-mm-dd"
    serial = float(sent.findtext(f"{MAIN}v") or "nan")
    rows = _json_rows(repo)
    day = dt.date(1899, 12, 30) + dt.timedelta(days=serial)
    assert day.isoformat() == rows[0]["sent"]
    header = sheet.find(f"{MAIN}sheetData/{MAIN}row[@r='1']")
    assert header is not None and len(header) == 11
    assert b"=1+1" in shared or b"=1+1" in ElementTree.tostring(sheet)


def test_xlsx_needs_an_output_file(repo: Repo) -> None:
    result = run("agreements", "status", "-f", "xlsx", repo=repo)
    assert result.exit_code == 2 and "--output" in result.stderr
