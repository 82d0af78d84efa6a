"""A candidate proposed, interviewed, voted on and linked, piped into `apport`."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_console import after, apport

SETUP = "".join(f"/as {n}\n/charter accept\n" for n in ("alice", "bob", "carol", "dave", "erin"))
SESSION = (
    SETUP
    + """\
/as alice
/network role @bob experienced
/network role @carol experienced
/network role @dave recruiter
/network role @erin recruiter
/network role @alice recruiter
/candidate Zoe Martin | plumber | Left BNI Lyon: too much pressure on attendance
/as bob
/candidate 1 report admit | Generous, already passes work to electricians
/as carol
/candidate 1
/candidate 1 report admit | Honest about her previous network
/as alice
/candidate 1 vote yes
/as dave
/candidate 1 vote yes
/as erin
/candidate 1 vote yes
"""
)

THREAD = "[#recruiters > Candidate #1: Zoe Martin (plumber)]"


def test_zoe_is_interviewed_voted_on_and_admitted(database_url: str, tmp_path: Path) -> None:
    out = apport(SESSION, database_url, tmp_path)
    proposed = after(
        out, "/candidate Zoe Martin | plumber | Left BNI Lyon: too much pressure on attendance"
    )
    assert "Interviewers: bob, carol" in proposed
    assert "[bob] You are asked to interview Zoe Martin (plumber)" in proposed
    assert f"{THREAD} Proposed by alice." in proposed

    carol_looks = after(out, "/candidate 1")
    assert "bob filed a report: hidden until both reports are in." in carol_looks
    assert "Generous" not in carol_looks

    both_in = after(out, "/candidate 1 report admit | Honest about her previous network")
    assert f"{THREAD}   - Report by bob: admit" in both_in
    assert f"{THREAD} The vote on Zoe Martin is open" in both_in

    assert "! You sponsor candidate #1" in after(out, "/candidate 1 vote yes")
    lines = out.splitlines()
    first_vote = lines.index("dave> /candidate 1 vote yes")
    last_vote = lines.index("erin> /candidate 1 vote yes")
    assert not any("Tally" in line for line in lines[:last_vote]), "no tally while open"
    assert f"{THREAD} dave has voted (1 of 2)." in lines[first_vote:last_vote]
    closing = "\n".join(lines[last_vote:])
    assert f"{THREAD} Zoe Martin (candidate #1) is admitted." in closing
    assert "Tally: yes 2, no 0, abstain 0; 2 of 2 recruiters voted" in closing
    assert "[alice] Zoe Martin (candidate #1) is admitted." in closing


def test_recruitment_speaks_french(database_url: str, tmp_path: Path) -> None:
    session = "/as alice\n/network set locale fr\n" + SESSION
    out = apport(session, database_url, tmp_path)
    assert (
        "[#recruiters > Candidat n° 1 : Zoe Martin (plumber)] Zoe Martin (candidat n° 1) est "
        "admis." in out
    )
    assert "! Vous parrainez le candidat n° 1" in out
