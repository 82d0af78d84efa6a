"""Six simulated weeks of club life in the console, moved on with `/clock`: a weekly meeting,
check-ins, an absence, a substitute, the absence rule reached, a visitor invited, reminded,
proposed as a candidate, admitted through the recruitment rules and linked, and the engagement
lights that follow. In English, then in French.

The console runs on the real time: the session is written from it, the meeting two days from
now at noon in Paris, and each `/clock` jump lands five minutes into a meeting's check-in or
just after it closes (computed in UTC, so a change of summer time is followed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.e2e.test_console import after, apport

PARIS = ZoneInfo("Europe/Paris")
EN_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
FR_MONTHS = (
    "", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip
MEMBERS = ("alice", "bob", "carol", "dave", "erin")


@dataclass(frozen=True)
class Weeks:
    """The six meetings to come, and where the clock stands while the session is written."""

    now: datetime
    starts: tuple[datetime, ...]

    @staticmethod
    def from_now() -> Weeks:
        now = datetime.now(UTC)
        first = (now.astimezone(PARIS) + timedelta(days=2)).date()
        starts = tuple(
            datetime.combine(first + timedelta(weeks=k), time(12, 0), PARIS).astimezone(UTC)
            for k in range(6)
        )
        return Weeks(now, starts)


class Session:
    """Lines of a console session, with `/clock` jumps to absolute moments."""

    def __init__(self, weeks: Weeks) -> None:
        self.at = weeks.now
        self.lines: list[str] = []

    def add(self, text: str) -> None:
        self.lines += [line for line in text.strip().splitlines() if line.strip()]

    def clock_to(self, moment: datetime) -> None:
        minutes = int((moment - self.at).total_seconds() // 60) + 1
        self.lines.append(f"/clock +{minutes}m")
        self.at += timedelta(minutes=minutes)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _day(moment: datetime, french: bool) -> str:
    local = moment.astimezone(PARIS)
    if french:
        return f"{local.day} {FR_MONTHS[local.month]}"
    return local.strftime("%Y-%m-%d")


def session_for(weeks: Weeks, french: bool) -> str:
    s = Session(weeks)
    first = weeks.starts[0].astimezone(PARIS)
    s.add("".join(f"/as {n}\n/charter accept\n" for n in MEMBERS))
    s.add("/as alice")
    if french:
        s.add("/network set locale fr")
    s.add(
        f"""
/network set grace-days 7
/network role @bob experienced
/network role @carol experienced
/network role @dave recruiter
/network role @erin recruiter
/network role @erin secretary
/meeting schedule {
            "chaque " + FR_DAYS[first.weekday()] + " 12h"
            if french
            else "weekly " + EN_DAYS[first.weekday()] + " 12:00"
        } | Café du Port
/as carol
/stats me
"""
    )
    for week, starts in enumerate(weeks.starts):
        day = _day(starts, french)
        if week == 0:
            why = "rendez-vous client" if french else "client visit"
            s.add(f"/as carol\n/meeting absent {day} | {why}")
        if week == 1:
            trade = "architecte" if french else "architect"
            s.add(f"/as dave\n/meeting substitute {day} Paul Roy | {trade}")
            third = _day(weeks.starts[2], french)
            guest = "Jean Dupont | plumber | Dupont SARL | jean@dupont.example"
            s.add(f"/as alice\n/visitor {guest} | {third}")
        s.clock_to(starts + timedelta(minutes=5))
        for member in ("alice", "bob", "erin") + (("dave",) if week != 1 else ()):
            s.add(f"/as {member}\n/meeting here")
        if week >= 3:
            s.add("/as carol\n/meeting here")
        s.add("/as bob\n/refer @erin Client " + str(week) + " | a need | 1000")
        s.clock_to(starts + timedelta(minutes=65))
        if week == 2:
            s.add(
                f"""
/as alice
/visitor 1 propose
/candidate Jean Dupont | plumber | {"Visite de notre réunion" if french else "Visited our meeting"}
/as bob
/candidate 1 report admit | Generous
/as carol
/candidate 1 report admit | Careful
/as dave
/candidate 1 vote yes
/as erin
/candidate 1 vote yes
/as jean
/charter accept
/as alice
/candidate 1 link @jean
"""
            )
    first_day = weeks.starts[0].astimezone(PARIS).strftime("%Y-%m-%d")
    s.add(
        f"""
/as erin
/meeting {first_day} mark @dave late
/as alice
/visitors
/stats activity
/as bob
/stats me
/as carol
/stats me
/quit
"""
    )
    return s.text()


def _checks(out: str, weeks: Weeks, french: bool) -> None:
    assert "Traceback" not in out
    lines = out.splitlines()
    text = "\n".join(lines)
    if french:
        assert "vous serez absent le" in text
        assert "Paul Roy vous remplace le" in text
        assert "[carol] Vous nous avez manqué !" in text
        assert "[alice] carol a atteint la limite d'absences du club : 3 sur 6 mois." in text
        assert "[alice] Rappel : votre visiteur Jean Dupont (plumber)" in text
        assert "[alice] Comment s'est passée la visite ? Jean Dupont (plumber)" in text
        assert "[Proposer comme candidat] /visitor 1 propose" in text
        assert "Jean Dupont (candidat n° 1) est admis." in text
        assert "désormais membre (jean)" in text
        assert "Réunion de demain" in text
        assert "Règle de la semaine" in text
        assert "⚪ gris (nouveau)" in after(out, "/stats me")
        bob, carol = _last_two_stats(lines)
        assert "🟢 vert" in bob and "assiduité 100% ✓" in bob
        assert "🔴 rouge" in carol and "assiduité 50% ~" in carol
        return
    assert "Noted: you will be absent on" in text
    assert "Paul Roy stands in for you on" in text
    assert "[dave] The meeting of" in text and "Are you here?" in text
    assert "[carol] We missed you! Absences counted over 6 months: 2" in text
    assert "[alice] carol has reached the club's limit of absences: 3 over 6 months." in text
    assert "[alice] Reminder: your visitor Jean Dupont (plumber)" in text
    assert "[alice] How did the visit of Jean Dupont (plumber) go?" in text
    assert "[Propose as candidate] /visitor 1 propose" in text
    assert "Jean Dupont (candidate #1) is admitted." in text
    assert "now a member (jean)" in text
    assert "jean@dupont.example" in after(out, "/visitors")  # alice hosted him
    assert "[#announcements] Tomorrow's meeting" in text
    assert "Rule of the week" in text
    assert "⚪ grey (new)" in after(out, "/stats me")
    bob, carol = _last_two_stats(lines)
    assert "🟢 green" in bob and "attendance 100% ✓" in bob
    assert "🔴 red" in carol and "attendance 50% ~" in carol
    assert "visitors 0 (goal 1 per quarter) ✗" in carol


def _last_two_stats(lines: list[str]) -> tuple[str, str]:
    starts = [i for i, line in enumerate(lines) if line.endswith("> /stats me")]
    bob, carol = starts[-2], starts[-1]
    return "\n".join(lines[bob:carol]), "\n".join(lines[carol:])


def test_six_weeks_of_club_life(database_url: str, tmp_path: Path) -> None:
    weeks = Weeks.from_now()
    out = apport(session_for(weeks, french=False), database_url, tmp_path)
    _checks(out, weeks, french=False)


def test_six_weeks_of_club_life_in_french(database_url: str, tmp_path: Path) -> None:
    weeks = Weeks.from_now()
    out = apport(session_for(weeks, french=True), database_url, tmp_path)
    _checks(out, weeks, french=True)
