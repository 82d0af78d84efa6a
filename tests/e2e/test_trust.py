"""Trust and safety seen from the console: private contacts, erasure, export."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.e2e.test_console import after, apport

SESSION = """\
/as alice
/charter commission 10%
/charter accept
/as bob
/charter accept
/as carol
/charter accept
/as alice
/refer @carol Acme Corp | bookkeeping | 5000 | 3 | jane@acme.fr
/as bob
/referral 1
/referrals
/as carol
/referral 1 accept
/referral 1 won 12000
/as alice
/referrals
/as carol
/mydata erase
/mydata erase confirm
/as alice
/referrals
/mydata export
"""


def test_contacts_stay_private_erasure_keeps_totals_export_is_json(
    database_url: str, tmp_path: Path
) -> None:
    out = apport(SESSION, database_url, tmp_path)
    assert "[carol]   Client contact (private): jane@acme.fr" in out
    bob_view = after(out, "/referral 1") + after(out, "/referrals")
    assert "jane@acme.fr" not in bob_view
    assert "! Referral #1 is not one of yours." in bob_view

    lines = out.splitlines()
    ledgers = [i for i, line in enumerate(lines) if line == "alice> /referrals"]
    before = "\n".join(lines[ledgers[0] + 1 : ledgers[0] + 4])
    later = "\n".join(lines[ledgers[1] + 1 : ledgers[1] + 4])
    assert "#1 to carol: Acme Corp, won" in before
    assert "carol" not in later
    assert re.search(r"#1 to Former member [0-9A-F]{6}: Acme Corp, won", later)
    total = "Commission still due to me: €1,200"
    assert total in before and total in later

    assert "cannot be undone" in after(out, "/mydata erase")
    written = after(out, "/mydata export").splitlines()[-1]
    assert written.startswith("File written: ")
    data = json.loads(Path(written.removeprefix("File written: ")).read_text(encoding="utf-8"))
    assert [r["number"] for r in data["referrals_given"]] == [1]
    assert data["referrals_given"][0]["client"] == "Acme Corp"


REPORTS_AND_CHARTER = """\
/as alice
/charter edit Be fair | Serve well | Pay on time
/charter edit Be fair | Serve well | Pay on time
/network set charter-reminder "mon 09:00"
/as bob
/report @alice unpaid | She never paid me
/reports mine
/as rita
/as alice
/network role @rita recruiter
/as bob
/report @alice unpaid | She never paid me
/reports mine
/as rita
/report 1
"""


def test_reports_reach_who_may_act_and_the_charter_edits_inline(
    database_url: str, tmp_path: Path
) -> None:
    out = apport(REPORTS_AND_CHARTER, database_url, tmp_path)
    edits = [
        i
        for i, line in enumerate(out.splitlines())
        if line.endswith("/charter edit Be fair | Serve well | Pay on time")
    ]
    assert len(edits) == 2
    lines = out.splitlines()
    assert "Version 2 of the charter is published" in lines[edits[0] + 1]
    assert "nothing was published" in lines[edits[1] + 1]
    assert "A rule of the charter is now recalled every Monday at 09:00." in out
    assert "Nobody but alice could act on this report" in out
    assert "goes to the recruiters" in out
    assert "#1 unpaid commission about alice" in out
    assert "the recruiters. alice, the member reported on, is the network's only admin." in out
