"""Two weeks of pairing rounds and one one-to-one, proposed, moved, accepted and done, in the
real `apport` console, in English and in French.

The console's clock starts at the real time, so the session's dates and `/clock` steps are
computed from it: the one-to-one falls nine days ahead, and the clock lands a day before it,
an hour before it and two hours after it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.e2e.test_console import after, apport

PARIS = ZoneInfo("Europe/Paris")
PROFILES = """\
/as alice
/charter accept
{locale}/profile Accountant | restaurants, payroll | I keep the books of restaurants
/as bob
/charter accept
/profile Caterer | restaurants, weddings | Fresh food for your events
/as carol
/charter accept
/profile Lawyer | divorce, inheritance
/as dave
/charter accept
/profile Plumber | bathrooms, boilers
/meets
/clock +7d
"""


def _minutes(delta: timedelta) -> str:
    """A `/clock` step a little past `delta` (whole minutes, plus one for the seconds the
    session takes)."""
    return f"+{-int(-delta.total_seconds() // 60) + 1}m"


def session(french: bool) -> tuple[str, dict[str, str]]:
    """The session, and the steps whose answers the test reads, by name."""
    start = datetime.now(UTC)
    meeting = (start + timedelta(days=9)).replace(minute=0, second=0, microsecond=0)
    meeting += timedelta(hours=1)
    first = meeting + timedelta(days=1)
    if french:
        booked, moved = (f"{m.astimezone(PARIS):%d/%m/%Y à %Hh%M}" for m in (first, meeting))
        move, accept, done = "déplacer", "accepter", "fait"
    else:
        booked, moved = (f"{m.astimezone(PARIS):%Y-%m-%d %H:%M}" for m in (first, meeting))
        move, accept, done = "move", "accept", "done"
    steps = {
        "day": f"/clock {_minutes(meeting - timedelta(hours=23) - start - timedelta(days=7))}",
        "hour": "/clock +1320m",  # 22 hours later: an hour before
        "after": "/clock +180m",
        "round2": "/clock +14d",
        "book": f"/meet 1 {move} {booked} | Café de la Gare",
        "move": f"/meet 1 {move} {moved}",
        "accept": f"/meet 1 {accept}",
        "done": f"/meet 1 {done} | She keeps the books of twelve restaurants",
    }
    text = PROFILES.format(locale="/network set locale fr\n" if french else "")
    text += f"""\
/as alice
{steps["book"]}
/as bob
{steps["move"]}
/as alice
{steps["accept"]}
{steps["day"]}
{steps["hour"]}
{steps["after"]}
/as bob
/meet 1 done
/as alice
{steps["done"]}
/meets
{steps["round2"]}
/stats pairs
"""
    return text, steps


def test_two_weeks_of_pairing_and_a_one_to_one(database_url: str, tmp_path: Path) -> None:
    text, steps = session(french=False)
    out = apport(text, database_url, tmp_path)
    round1 = after(out, "/clock +7d")
    assert "[alice] Pairing round 1: you are paired with bob, as you both serve restaurants." in (
        round1
    )
    assert "[Book with bob] /meet 1 move WHEN" in round1
    assert "[carol] Pairing round 1: you are paired with dave" in round1
    assert "[bob] One-to-one #1 with alice" in after(out, steps["book"])
    assert "[alice] bob proposes another time for one-to-one #1" in after(out, steps["move"])
    assert "One-to-one #1 accepted" in after(out, steps["accept"])
    assert "[bob] Reminder: one-to-one #1 with alice tomorrow" in after(out, steps["day"])
    assert "[alice] In an hour: one-to-one #1 with bob" in after(out, steps["hour"])
    assert "[alice] Did your one-to-one #1 with bob take place?" in after(out, steps["after"])
    assert "[alice] bob says one-to-one #1 took place." in after(out, "/meet 1 done")
    assert "My note (private): She keeps the books" in after(out, steps["done"])
    listed = after(out[out.index(steps["done"]) :], "/meets")
    assert "#1 with bob" in listed and "(done)" in listed
    round2 = after(out, steps["round2"])
    assert "[alice] Pairing round 2: you are paired with" in round2
    assert "paired with bob" not in round2.split("Pairing round 2")[1].split("\n")[0]
    stats = after(out, "/stats pairs")
    assert "Pairing round 2" in stats and "Pairs: 2" in stats


def test_the_same_in_french(database_url: str, tmp_path: Path) -> None:
    text, steps = session(french=True)
    out = apport(text, database_url, tmp_path)
    round1 = after(out, "/clock +7d")
    assert (
        "[alice] Tour de binômes n° 1 : vous êtes en binôme avec bob, car vous servez tous deux "
        "restaurants." in round1
    )
    assert "[Réserver avec bob] /meet 1 déplacer WHEN" in round1
    assert "[alice] bob propose une autre heure pour le tête-à-tête n° 1" in after(
        out, steps["move"]
    )
    assert "Tête-à-tête n° 1 accepté" in after(out, steps["accept"])
    assert "[bob] Rappel : tête-à-tête n° 1 avec alice demain" in after(out, steps["day"])
    assert "[alice] Dans une heure : tête-à-tête n° 1 avec bob" in after(out, steps["hour"])
    assert "[alice] Votre tête-à-tête n° 1 avec bob a-t-il eu lieu ?" in after(out, steps["after"])
    assert "Ma note (privée) : She keeps the books" in after(out, steps["done"]) or (
        "Ma note (privée): She keeps the books" in after(out, steps["done"])
    )
    assert "[alice] Tour de binômes n° 2 : vous êtes en binôme avec" in after(out, steps["round2"])
    assert "Tour de binômes n° 2" in after(out, "/stats pairs")
