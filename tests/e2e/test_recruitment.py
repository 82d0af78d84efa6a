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


NO_SHORTCUT = (
    SETUP
    + """\
/as alice
/network set locale fr
/network role @dave recruiter
/network role @erin recruiter
/network role @alice recruiter
/network role @erin admin
/network set site-visit on
/candidate Zoe Martin | plumber | aucun
/candidate 1 open
/as dave
/candidate 1 open
/candidate 1 override-process | Reçue par le bureau
/as erin
/candidate 1 override-process | Reçue par le bureau avant Apport
/as dave
/candidate 1 vote yes
/as erin
/candidate 1 vote yes
/candidate 1 link @bob
/as zoe
/charter accept
/as erin
/candidate 1 link @zoe
/network audit
"""
)


def test_no_vote_opens_without_the_process_except_by_an_admin_on_record(
    database_url: str, tmp_path: Path
) -> None:
    out = apport(NO_SHORTCUT, database_url, tmp_path)
    proposed = after(out, "/candidate Zoe Martin | plumber | aucun")
    assert "[erin] Moins de deux membres peuvent recevoir en entretien Zoe Martin" in proposed
    lines = out.splitlines()
    sponsor_opens = lines.index("alice> /candidate 1 open")
    assert lines[sponsor_opens + 1].startswith("! Vous parrainez le candidat n° 1")
    recruiter_opens = lines.index("dave> /candidate 1 open")
    assert lines[recruiter_opens + 1] == (
        "! Le vote sur le candidat n° 1 ne peut pas encore s'ouvrir. Il manque : deux enquêteurs "
        "(/candidate 1 interviewers @a @b) ; une visite sur le lieu de travail du candidat "
        "(/candidate 1 visit | notes)."
    )
    assert "! Seuls les administrateurs" in after(
        out, "/candidate 1 override-process | Reçue par le bureau"
    )
    overridden = after(out, "/candidate 1 override-process | Reçue par le bureau avant Apport")
    assert "Ouvert sans le processus complet : Reçue par le bureau avant Apport" in overridden
    assert "en sautant : deux enquêteurs" in overridden
    assert "! bob est membre depuis le" in after(out, "/candidate 1 link @bob")
    assert "zoe est désormais le membre Zoe Martin, plumber" in after(out, "/candidate 1 link @zoe")
    audit = after(out, "/network audit")
    assert "erin : vote ouvert sans le processus complet" in audit
    assert "#1 Zoe Martin — Reçue par le bureau avant Apport" in audit
    assert "erin : candidat rattaché à un membre" in audit and "#1 Zoe Martin → zoe" in audit
