"""The treasurer's CSV export never hands a spreadsheet a formula, whichever separator it
splits cells on (`,` `;` and the others)."""

from __future__ import annotations

import csv
import io

import pytest

from tests.driver import Bot


@pytest.mark.parametrize(
    ("client", "written"),
    [
        ("Acme;=1+1", "Acme;'=1+1"),
        ("Acme,=1+1", "Acme,'=1+1"),
        ("Acme; =1+1", "Acme;' =1+1"),
        ("Acme;@SUM(A1)", "Acme;'@SUM(A1)"),
        ("=HYPERLINK(evil)", "'=HYPERLINK(evil)"),
        ("-2+3", "'-2+3"),
        ("Jean-Pierre & Co, Lyon", "Jean-Pierre & Co, Lyon"),
    ],
)
def test_every_cell_a_spreadsheet_could_split_off_is_defused(client: str, written: str) -> None:
    bot = Bot()
    bot.join("Alice", "Bob", "Carol")
    bot.ok("Bob", "refer", f"@Carol {client} | bookkeeping")
    referrals, _, _ = bot.ok("Alice", "stats", "export").files
    rows = list(csv.reader(io.StringIO(referrals.content.decode("utf-8-sig"))))
    assert rows[0][4] == "client"
    assert rows[1][4] == written  # the whole name is kept, only `'` is added
