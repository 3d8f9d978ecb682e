"""Signature rows as an Excel workbook (openpyxl), for the SSU's papers: a header row, frozen
panes, columns as wide as their text, dates as dates and numbers as numbers.

The columns are those of `agreements status --format json` (``tables.fields``), each cell the
row's own value: a date stays a date, text stays text (never a formula, whatever it starts
with).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from hfctl.documents.tables import fields
from hfctl.domain.agreements import Row

DATE_FORMAT = "yyyy-mm-dd"


def rows_xlsx(rows: Sequence[Row], written: dt.datetime, title: str = "Status") -> bytes:
    """The rows as a one-sheet workbook; ``written`` is its creation time."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    names = fields(rows)
    sheet.append(names)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(name) for name in names]
    for number, row in enumerate(rows, start=2):
        for column, name in enumerate(names, start=1):
            value = getattr(row, name)
            cell = sheet.cell(row=number, column=column)
            if isinstance(value, dt.date):
                cell.value = value
                cell.number_format = DATE_FORMAT
                shown = 10
            elif isinstance(value, int):
                cell.value = value
                shown = len(str(value))
            elif value is None:
                shown = 0
            else:
                cell.value = str(value)
                cell.data_type = "s"  # text, even "=..." (openpyxl would make it a formula)
                shown = len(str(value))
            widths[column - 1] = max(widths[column - 1], shown)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, 60)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    moment = written.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    book.properties.creator = "hfctl"
    book.properties.created = moment
    book.properties.modified = moment
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
