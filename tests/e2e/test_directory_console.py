"""The directory, suggestions and stats in the real `apport` console, as a newcomer tries them."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from tests.e2e.test_console import after, apport

PROFILES = """\
/as alice
/charter commission 10%
/charter accept
/profile Business coach | management, teams | Teams that move
/as bob
/charter accept
/profile Accountant | bookkeeping, payroll, tax returns | I keep the books of restaurants
/as carol
/charter accept
/profile Caterer | buffets, restaurant overflow | Fresh food for your events
/as dave
/charter accept
/profile Insurance broker | business insurance, liability | The right cover
"""

SESSION = (
    PROFILES
    + """\
/as carol
/refer ? bookkeeping for a restaurant
/members restaurant
/refer @bob Acme | bookkeeping for a restaurant | 5000
/as bob
/referral 1 accept
/referral 1 won 12000
/stats
/stats me
/as alice
/stats export
/stats activity
"""
)


def written(output: str, command: str) -> list[Path]:
    return [Path(p) for p in re.findall(r"File written: (\S+)", after(output, command))]


def test_suggestions_members_stats_and_export(database_url: str, tmp_path: Path) -> None:
    out = apport(SESSION, database_url, tmp_path)
    suggested = after(out, "/refer ? bookkeeping for a restaurant")
    assert "Who fits “bookkeeping for a restaurant”" in suggested
    lines = [line.strip() for line in suggested.splitlines() if line.strip().startswith("- ")]
    # carol asked: her own profile (restaurant overflow) is never suggested to her.
    assert lines == ["- 1. bob: Accountant (matched: bookkeeping, restaurants)"]
    assert "To pass the client: /refer @bob CLIENT | NEED" in suggested

    directory = after(out, "/members restaurant")
    assert "carol: Caterer" in directory and "bob: Accountant" in directory

    stats = after(out, "/stats")
    assert "Referrals given: 1" in stats
    assert "Business closed (before tax): €12,000" in stats
    assert "Commissions due / paid: €1,200 / €0" in stats
    (chart,) = written(out, "/stats")
    assert chart.parent == tmp_path / "apport-files"
    assert chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    mine = after(out, "/stats me")
    assert "Business I closed (before tax): €12,000" in mine
    assert "Activity light (six months)" in mine

    referrals, commissions, _workbook = written(out, "/stats export")
    rows = list(csv.reader(io.StringIO(referrals.read_text("utf-8-sig"))))
    assert rows[1][:6] == ["1", rows[1][1], "carol", "bob", "Acme", "won"]
    ledger = list(csv.reader(io.StringIO(commissions.read_text("utf-8-sig"))))
    assert ledger[1][5:9] == ["12000.00", "1200.00", "0.00", "1200.00"]

    lights = after(out, "/stats activity")
    assert "alice: 🔴 red" in lights and "carol: 🟢 green" in lights


def test_members_may_not_export_and_everything_speaks_french(
    database_url: str, tmp_path: Path
) -> None:
    session = "/as alice\n/network set locale fr\n" + PROFILES.replace("/as alice\n", "", 1)
    session += "/as carol\n/refer ? comptabilité pour un restaurant\n/stats export\n/stats\n"
    out = apport(session, database_url, tmp_path)
    assert "Qui correspond à « comptabilité pour un restaurant »" in out
    assert "! Seuls les administrateurs" in after(out, "/stats export")
    assert "Recommandations données : 0" in after(out, "/stats")
    assert "apport-files/apport-stats-network-" in after(out, "/stats")
