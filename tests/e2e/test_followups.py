"""Follow-ups seen from the console: `/clock` makes due messages fire, once."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_console import after, apport

SESSION = """\
/as alice
/charter accept
/as bob
/charter accept
/as alice
/refer @bob Acme Corp | bookkeeping for a restaurant | 5000 | 3
/as bob
/referral 1 accept
/clock +15d
/as alice
/feedback 1 5 Perfect
/as bob
/referrals
"""

ASKED = "[alice] Was Acme Corp served well by bob? (referral #1)"


def test_the_referrer_is_asked_then_the_score_shows(database_url: str, tmp_path: Path) -> None:
    out = apport(SESSION, database_url, tmp_path)
    clock = after(out, "/clock +15d")
    assert ASKED in clock
    assert "[5] /feedback 1 5  [Too early to say] /feedback 1 later" in clock
    assert "[bob] Referral reality check" in clock
    assert "bob now has 5.0/5 from 1 feedback." in after(out, "/feedback 1 5 Perfect")
    assert "My quality score: 5.0/5 from 1 feedback." in after(out, "/referrals")

    again = apport("/clock +1d\n/as alice\n/referral 1\n", database_url, tmp_path)
    assert ASKED not in again
    assert "To: bob (5.0/5, 1 feedback)" in after(again, "/referral 1")


def test_an_unanswered_referral_nudges_the_receiver_then_the_referrer(
    database_url: str, tmp_path: Path
) -> None:
    session = (
        "/as alice\n/charter accept\n/as bob\n/charter accept\n/as alice\n"
        "/refer @bob Acme Corp | audit\n/clock +4d\n/clock +3d\n"
    )
    out = apport(session, database_url, tmp_path)
    assert "[bob] Referral #1 for Acme Corp from alice has waited 3 days" in after(
        out, "/clock +4d"
    )
    assert "[alice] bob has not answered referral #1" in after(out, "/clock +3d")


def test_reminders_speak_the_network_language(database_url: str, tmp_path: Path) -> None:
    session = (
        "/as alice\n/network set locale fr\n/network set announcements-channel #annonces\n"
        "/as bob\n/clock +8d\n"
    )
    out = apport(session, database_url, tmp_path)
    week = after(out, "/clock +8d")
    assert "[#annonces] La règle de la semaine (1/" in week
    assert "[bob] Vous n'avez pas encore accepté la version 1 de la charte" in week
    assert "2 membres n'ont pas encore accepté la version 1" in week
