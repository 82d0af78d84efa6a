"""A referral's life in the real `apport` console: each party's card is printed once; every
move after that prints one line for the member who made it and one for the other party (a win
adds the thanks line to each)."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_console import after, apport

LIFECYCLE = """\
/as alice
/charter commission 10%
/charter accept
/as bob
/charter accept
/as alice
/refer @bob Acme Corp | bookkeeping for a restaurant | 5000 | 3
/as bob
/referral 1 accept
/referral 1 contacted
/referral 1 won 12000
/as alice
/referral 1 paid
"""


def test_each_move_prints_one_line_per_party_and_the_card_once(
    database_url: str, tmp_path: Path
) -> None:
    out = apport(LIFECYCLE, database_url, tmp_path)

    assert out.count("Referral #1: Acme Corp") == 2  # bob's card, alice's card
    assert "[bob] alice passes you a new referral, #1: Acme Corp." in out
    assert "[alice] You passed Acme Corp to bob: referral #1." in out
    moves = {
        "/referral 1 accept": "[alice] bob accepted your referral #1.",
        "/referral 1 contacted": "[alice] bob contacted the client of referral #1.",
        "/referral 1 won 12000": "[alice] bob won referral #1 for €12,000. Commission due "
        "to you: €1,200.",
        "/referral 1 paid": "[bob] alice confirmed the commission of €1,200 for referral #1 "
        "was received.",
    }
    for command, told in moves.items():
        printed = after(out, command).splitlines()
        assert printed[0] == told
        assert "Referral #1: Acme Corp" not in "\n".join(printed), "no card printed again"
        theirs = [line for line in printed if line.startswith("[")]
        mine = [line for line in printed if not line.startswith("[")]
        # A win also thanks the referrer, and tells the receiver how to thank them publicly.
        assert len(theirs) == len(mine) == (2 if "won" in command else 1), printed


def test_a_mistyped_verb_suggests_the_closest(database_url: str, tmp_path: Path) -> None:
    session = LIFECYCLE.replace("/referral 1 contacted", "/referral 1 contactd")
    out = apport(session, database_url, tmp_path)
    assert "! Did you mean /referral 1 contacted?" in after(out, "/referral 1 contactd")
