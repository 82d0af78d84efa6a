"""The treasurer's files: every referral and the commission ledger, as CSV written the way the
network's language reads it (French: `;` between cells, decimal commas, French headers and
dates), and as one .xlsx workbook whose cells are typed (numbers, dates) for every network.

Text a spreadsheet would run as a formula is never handed over as one: in CSV it is quoted
with `'`; in the workbook it is a text cell marked as such (the member's words, unchanged).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from core.shared.i18n import Translator
from core.stats.model import LedgerLine

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZERO = Decimal("0.00")
Value = str | int | Decimal | datetime | None

# A cell, or any part of it after a separator a spreadsheet may split on (`,` `;` tab `|` or a
# line break), that starts with a formula character (spaces before it aside).
_FORMULA = re.compile(r"(^|[,;\t|\r\n])(?=[ ]*[=+\-@\t\r])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# What a column holds, which decides how each format writes it.
INT, WHEN, MONEY, TEXT, CODE = "int", "when", "money", "text", "code"

REFERRAL_COLUMNS = (
    ("number", INT),
    ("created_at", WHEN),
    ("referrer", TEXT),
    ("receiver", TEXT),
    ("client", TEXT),
    ("status", CODE),
    ("estimated_value", MONEY),
    ("closed_amount", MONEY),
    ("commission_due", MONEY),
    ("commission_paid", MONEY),
    ("currency", CODE),
    ("charter_version", INT),
    ("won_at", WHEN),
    ("paid_at", WHEN),
)
LEDGER_COLUMNS = (
    ("number", INT),
    ("won_at", WHEN),
    ("payee", TEXT),
    ("payer", TEXT),
    ("client", TEXT),
    ("closed_amount", MONEY),
    ("commission_due", MONEY),
    ("commission_paid", MONEY),
    ("outstanding", MONEY),
    ("currency", CODE),
    ("status", CODE),
    ("paid_at", WHEN),
)
# Each header's message, listed in full so a translator's tool finds them.
HEADERS = {
    "number": "export.column.number",
    "created_at": "export.column.created_at",
    "referrer": "export.column.referrer",
    "receiver": "export.column.receiver",
    "client": "export.column.client",
    "status": "export.column.status",
    "estimated_value": "export.column.estimated_value",
    "closed_amount": "export.column.closed_amount",
    "commission_due": "export.column.commission_due",
    "commission_paid": "export.column.commission_paid",
    "currency": "export.column.currency",
    "charter_version": "export.column.charter_version",
    "won_at": "export.column.won_at",
    "paid_at": "export.column.paid_at",
    "payee": "export.column.payee",
    "payer": "export.column.payer",
    "outstanding": "export.column.outstanding",
}
STATUSES = {
    "offered": "status.offered",
    "accepted": "status.accepted",
    "declined": "status.declined",
    "cancelled": "status.cancelled",
    "contacted": "status.contacted",
    "won": "status.won",
    "lost": "status.lost",
    "paid": "status.paid",
}


@dataclass(frozen=True)
class Sheet:
    title_key: str
    columns: tuple[tuple[str, str], ...]
    rows: list[tuple[Value, ...]]


def referral_sheet(t: Translator, lines: Iterable[LedgerLine], currency: str) -> Sheet:
    rows: list[tuple[Value, ...]] = [
        (
            line.number,
            line.created_at,
            line.referrer,
            line.receiver,
            line.client,
            _status(t, line.status),
            line.estimated_value,
            line.closed_amount,
            line.commission_due,
            line.commission_paid,
            line.currency or currency,
            line.charter_version,
            line.won_at,
            line.paid_at,
        )
        for line in lines
    ]
    return Sheet("export.sheet.referrals", REFERRAL_COLUMNS, rows)


def ledger_sheet(t: Translator, lines: Iterable[LedgerLine], currency: str) -> Sheet:
    rows: list[tuple[Value, ...]] = []
    for line in lines:
        if line.commission_due is None:
            continue
        due, paid = line.commission_due, line.commission_paid or ZERO
        rows.append(
            (
                line.number,
                line.won_at,
                line.referrer,
                line.receiver,
                line.client,
                line.closed_amount,
                due,
                paid,
                due - paid,
                line.currency or currency,
                _status(t, line.status),
                line.paid_at,
            )
        )
    return Sheet("export.sheet.commissions", LEDGER_COLUMNS, rows)


def _status(t: Translator, status: str) -> str:
    return t(STATUSES[status]) if status in STATUSES else status


# CSV


def _guard(value: str) -> str:
    """Quoted with `'` at the start of the cell and after every separator that could split it
    into cells of its own."""
    return _FORMULA.sub(r"\1'", value)


def _csv_writers(t: Translator, zone: ZoneInfo) -> dict[str, Callable[[Value], str]]:
    """How each kind of column is written in `t`'s language (one choice per column, not per
    cell: an export holds a few hundred thousand cells)."""
    french = t.locale == "fr"

    def when(value: Value) -> str:
        if not isinstance(value, datetime):
            return ""
        local = value.astimezone(zone)
        return f"{local:%d/%m/%Y %H:%M}" if french else local.isoformat(timespec="minutes")

    def money(value: Value) -> str:
        if value is None:
            return ""
        written = f"{value:.2f}"
        return written.replace(".", ",") if french else written

    return {
        INT: lambda value: "" if value is None else str(value),
        WHEN: when,
        MONEY: money,
        TEXT: lambda value: _guard(str(value or "")),
        CODE: lambda value: str(value or ""),
    }


def csv_file(t: Translator, zone: ZoneInfo, sheet: Sheet) -> bytes:
    """UTF-8 with a BOM (spreadsheets then read accents); `;` and decimal commas in French."""
    writers = _csv_writers(t, zone)
    columns = [writers[kind] for _, kind in sheet.columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if t.locale == "fr" else ",", lineterminator="\r\n")
    writer.writerow([t(HEADERS[name]) for name, _ in sheet.columns])
    writer.writerows(
        [write(value) for write, value in zip(columns, row, strict=True)] for row in sheet.rows
    )
    return buffer.getvalue().encode("utf-8-sig")


# XLSX


def workbook(t: Translator, zone: ZoneInfo, sheets: Sequence[Sheet]) -> bytes:
    """One worksheet per sheet: numbers and amounts as numbers, dates as dates (the network's
    local time), text as text, never a formula."""
    book = Workbook(write_only=True)
    date_format = "dd/mm/yyyy hh:mm" if t.locale == "fr" else "yyyy-mm-dd hh:mm"
    for sheet in sheets:
        page = book.create_sheet(t(sheet.title_key)[:31])  # Excel's limit for a sheet name
        _fill(page, t, zone, sheet, date_format)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill(
    page: WriteOnlyWorksheet, t: Translator, zone: ZoneInfo, sheet: Sheet, date_format: str
) -> None:
    page.append([t(HEADERS[name]) for name, _ in sheet.columns])
    kinds = [kind for _, kind in sheet.columns]
    for row in sheet.rows:
        cells: list[object] = []
        for kind, value in zip(kinds, row, strict=True):
            if value is None:
                cells.append(None)
            elif kind == WHEN and isinstance(value, datetime):
                cell = WriteOnlyCell(page, value.astimezone(zone).replace(tzinfo=None))
                cell.number_format = date_format
                cells.append(cell)
            elif kind == MONEY and isinstance(value, Decimal):
                cell = WriteOnlyCell(page, float(value))  # cents: exact in a double
                cell.number_format = "#,##0.00"
                cells.append(cell)
            elif isinstance(value, str):
                cells.append(_text_cell(page, value))
            else:
                cells.append(value)
        page.append(cells)


def _text_cell(page: WriteOnlyWorksheet, value: str) -> object:
    value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters XML cannot hold
    if not value.lstrip(" ").startswith(_FORMULA_START):
        return value
    cell = WriteOnlyCell(page, value)
    cell.data_type = "s"  # kept as the member wrote it, shown as text and never run
    cell.quotePrefix = True
    return cell
