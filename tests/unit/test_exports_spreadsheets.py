"""The treasurer's files open well in a French spreadsheet (`;`, decimal commas, French
headers, a BOM), and every network also gets an .xlsx workbook whose cells are typed."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from decimal import Decimal

from openpyxl import load_workbook

from tests.driver import Bot


def _club(locale: str) -> Bot:
    bot = Bot()
    bot.ok("Alice", "network", f"set locale {locale}")
    bot.ok("Alice", "charter", "commission 10 % min 50")
    bot.join("Alice", "Bob", "Carol")
    bot.ok("Bob", "refer", "@Carol Acme | bookkeeping | 1 500")
    bot.ok("Bob", "refer", "@Carol =HYPERLINK(evil) | website")
    bot.ok("Carol", "referral", "1 accepter")
    bot.ok("Carol", "referral", "1 gagné 12 345,50")
    return bot


def test_a_french_network_gets_csv_french_excel_reads() -> None:
    bot = _club("fr")
    referrals, commissions, workbook = bot.ok("Alice", "stats", "export").files

    assert referrals.content.startswith(b"\xef\xbb\xbf")
    text = referrals.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:6] == ["Numéro", "Créée le", "Recommandeur", "Destinataire", "Client", "Statut"]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Valeur estimée HT"] == "1500,00"
    assert first["Montant conclu HT"] == "12345,50"
    assert first["Commission due"] == "1234,55"
    assert first["Statut"] == "gagnée"
    assert first["Créée le"] == "01/03/2025 10:00"  # the network's time, the French way
    assert rows[2][4] == "'=HYPERLINK(evil)"
    ledger = list(csv.reader(io.StringIO(commissions.content.decode("utf-8-sig")), delimiter=";"))
    assert ledger[0][-4:] == ["Reste dû", "Devise", "Statut", "Payée le"]
    assert ledger[1][8] == "1234,55"
    assert workbook.filename.endswith(".xlsx")


def test_the_workbook_holds_numbers_and_dates_never_formulas() -> None:
    bot = _club("fr")
    *_, workbook = bot.ok("Alice", "stats", "export").files
    assert workbook.mime.endswith("spreadsheetml.sheet")

    book = load_workbook(io.BytesIO(workbook.content))
    assert book.sheetnames == ["Recommandations", "Commissions"]
    sheet = book["Recommandations"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Numéro", "Créée le", "Recommandeur"]
    acme = {name: cell for name, cell in zip(header, sheet[2], strict=True)}
    assert acme["Numéro"].value == 1 and acme["Numéro"].data_type == "n"
    assert acme["Montant conclu HT"].value == 12345.5
    assert acme["Montant conclu HT"].data_type == "n"
    assert Decimal(str(acme["Commission due"].value)) == Decimal("1234.55")
    assert acme["Créée le"].value == datetime(2025, 3, 1, 10, 0)  # Paris time, as a date
    assert acme["Créée le"].is_date
    assert acme["Payée le"].value is None
    evil = sheet.cell(row=3, column=5)
    assert evil.value == "=HYPERLINK(evil)" and evil.data_type == "s"  # text, never run
    assert evil.quotePrefix
    ledger = book["Commissions"]
    assert [cell.value for cell in ledger[2]][8] == 1234.55  # outstanding, a number


def test_an_english_network_keeps_its_csv_and_gets_the_workbook_too() -> None:
    bot = _club("en")
    referrals, _, workbook = bot.ok("Alice", "stats", "export").files
    rows = list(csv.reader(io.StringIO(referrals.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["number", "created_at", "referrer"]
    assert rows[1][7] == "12345.50"
    book = load_workbook(io.BytesIO(workbook.content))
    assert book.sheetnames == ["Referrals", "Commissions"]
    assert book["Referrals"].cell(row=2, column=8).value == 12345.5

    csv_file, ledger_book = bot.ok("Alice", "network", "export").files
    assert csv_file.filename.endswith(".csv") and ledger_book.filename.endswith(".xlsx")
    assert load_workbook(io.BytesIO(ledger_book.content)).sheetnames == ["Referrals"]


def test_a_control_character_a_member_typed_does_not_break_the_workbook() -> None:
    bot = Bot()
    bot.join("Alice", "Bob")
    bot.ok("Alice", "refer", "@Bob Acme\x07 Corp | audit")
    *_, workbook = bot.ok("Alice", "stats", "export").files
    sheet = load_workbook(io.BytesIO(workbook.content))["Referrals"]
    assert sheet.cell(row=2, column=5).value == "Acme Corp"
