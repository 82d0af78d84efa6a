"""Sessions piped into the real `apport` command, as a newcomer would try it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent / "apport"

ACCEPTANCE = """\
/as alice
/charter commission 10%
/charter accept
/as bob
/charter accept
/as alice
/refer @bob Acme Corp | bookkeeping for a restaurant | 5000 | 3
/referral 1 accept
/as bob
/referral 1 accept
/referral 1 won 12000
/as alice
/referrals
"""


def apport(session: str, database_url: str, cwd: Path, **env: str) -> str:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("APPORT_", "DATABASE_URL"))
    }
    environment.update(DATABASE_URL=database_url, **env)
    done = subprocess.run(
        [str(BIN)],
        input=session,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    return done.stdout


def after(output: str, command: str) -> str:
    """What the console printed in answer to `command` (up to the next echoed command)."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.endswith("> " + command))
    rest = lines[start + 1 :]
    end = next(
        (i for i, line in enumerate(rest) if "> /" in line and not line.startswith("[")), len(rest)
    )
    return "\n".join(rest[:end])


def test_the_acceptance_session(database_url: str, tmp_path: Path) -> None:
    out = apport(ACCEPTANCE, database_url, tmp_path)
    assert "[bob] alice passes you a new referral, #1: Acme Corp." in out
    assert "[bob]   [Accept] /referral 1 accept  [Decline] /referral 1 decline" in out
    assert "! Only the member who received referral #1 can mark it accepted." in out
    assert "[alice] bob accepted your referral #1." in out
    assert "[alice] bob won referral #1 for €12,000. Commission due to you: €1,200." in out
    ledger = after(out, "/referrals")
    assert "#1 to bob: Acme Corp, won; closed €12,000, commission due €1,200" in ledger


def test_wrong_actor_and_malformed_commands_change_nothing(
    database_url: str, tmp_path: Path
) -> None:
    setup = "/as alice\n/charter accept\n/as bob\n/charter accept\n/as alice\n"
    bad = (
        "/refer @bob Acme | audit | -5\n"
        "/refer @bob Acme | audit | 10.999\n"
        "/refer @bob Acme | audit | 100 | 9\n"
        "/refer @bob Acme\n"
        "/refer @carol Acme | audit\n"
        "/refer @alice Acme | audit\n"
        f"/refer @bob Acme | {'x' * 2001}\n"
        "/referral 1 accept\n"
        "/network set currency euros\n"
        "/as bob\n/network set locale fr\n/charter commission 10%\n"
    )
    out = apport(setup + bad + "/as alice\n/referrals\n/charter history\n", database_url, tmp_path)
    errors = [line for line in out.splitlines() if line.startswith("! ")]
    assert len(errors) == 11, out
    assert "No referrals yet" in after(out, "/referrals")
    assert "Version 2" not in after(out, "/charter history")
    assert "Version 1" in after(out, "/charter history")


def test_what_was_done_survives_a_restart(database_url: str, tmp_path: Path) -> None:
    apport(ACCEPTANCE, database_url, tmp_path)
    out = apport("/as alice\n/referrals\n/referral 1\n", database_url, tmp_path)
    assert "#1 to bob: Acme Corp, won; closed €12,000" in after(out, "/referrals")
    card = after(out, "/referral 1")
    assert "Commission due: €1,200" in card
    assert "bob: won (€12,000)" in card


def test_french_network_answers_in_french(database_url: str, tmp_path: Path) -> None:
    session = "/as alice\n/network set locale fr\n" + ACCEPTANCE.replace("/as alice\n", "", 1)
    out = apport(session, database_url, tmp_path)
    assert "won referral" not in out and "Only the member" not in out
    assert "1\u202f200\xa0€" in after(out, "/referrals")
    assert "n° 1" in out.lower() or "N° 1" in out
    assert "Seul le membre qui a reçu la recommandation" in out


def test_new_networks_take_the_configured_locale(database_url: str, tmp_path: Path) -> None:
    out = apport("/as alice\n/charter\n", database_url, tmp_path, APPORT_LOCALE="fr")
    assert "Charte" in out and "apporteur" in out


def test_the_clock_moves_and_the_offset_adds_up_across_restarts(
    database_url: str, tmp_path: Path
) -> None:
    first = apport("/clock\n/clock +14d\n", database_url, tmp_path)
    second = apport("/clock +3h\n", database_url, tmp_path)
    start = after(first, "/clock").split(": ", 1)[1]
    moved = after(second, "/clock +3h").split(": ", 1)[1]
    from datetime import datetime

    fmt = "%b %d, %Y, %I:%M %p"  # Babel's English moment: Nov 30, 2026, 9:00 AM
    read = [datetime.strptime(t.splitlines()[0].strip().rstrip("."), fmt) for t in (moved, start)]
    shift = read[0] - read[1]
    assert 14 * 24 * 60 + 180 <= shift.total_seconds() / 60 <= 14 * 24 * 60 + 182


def test_help_and_unknown_input(database_url: str, tmp_path: Path) -> None:
    out = apport("/help\n/frobnicate\nhello\n/help refer\n", database_url, tmp_path)
    help_text = after(out, "/help")
    for command in ("/refer", "/referral", "/referrals", "/clients", "/charter", "/network"):
        assert command in help_text
    assert "/as NAME" in help_text
    assert "! Unknown command" in after(out, "/frobnicate")
    assert "! Commands start with /" in after(out, "hello")
    assert "agreed to be contacted" in after(out, "/help refer")
