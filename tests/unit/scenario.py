"""The scenario the permission matrix and the fuzz tests run on, built once and copied.

Network A (admin Alice): Bob gave Carol referrals #1 (offered, with a client contact), #2
(accepted) and #3 (won); Sam sponsors candidates #1 (interviews, Judy's report in), #2 (vote
open), #3 (admitted), #4 (blocked by #1's profession) and #5 (both reports in; it waited for a
site visit the network no longer asks for, so its vote is opened by hand), interviewed by Ivan
and Judy; Rita is the recruiter; Paul filed breach report #1 about Quentin. Paul and
Quentin's one-to-one #1 took place an hour ago; Bob proposed one-to-one #2 to Carol (her answer
awaited); pairing rounds are off. Network B: Xavier alone, its admin.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from core.shared.outbox import OutboxState
from core.shared.ui import Reply
from tests.database_copies import Database
from tests.driver import Bot, FakeClock
from tests.unit import permissions_matrix as matrix
from tests.unit.proof import make_strict

A, B = "T1", "T2"
# Who plays each column of the matrix.
NAMES = {
    "outsider": "Xavier",
    "newcomer": "Nora",
    "member": "Mallory",
    "experienced": "Eve",
    "recruiter": "Rita",
    "admin": "Alice",
    "referrer": "Bob",
    "receiver": "Carol",
    "sponsor": "Sam",
    "interviewer": "Ivan",
    "reporter": "Paul",
    "reported": "Quentin",
}
MEMBERS = [n for role, n in NAMES.items() if role not in ("outsider", "newcomer")]
MEMBERS += ["Judy", "Dora"]
RECRUITERS_CHANNEL, ANNOUNCEMENTS_CHANNEL = "recruiters", "general"


def build_scenario() -> Bot:
    bot = Bot(network=A)
    bot.ok("Alice", "charter", "commission 10%")
    # Paul and Quentin's one-to-one first: its time has passed when the rest happens.
    bot.ok("Alice", "network", "set pairing-weeks off")
    bot.ok("Quentin", "meets")
    bot.ok("Paul", "meet", "@Quentin tomorrow 10:00")
    bot.ok("Quentin", "meet", "1 accept")
    bot.clock.advance(timedelta(days=1, hours=1))
    bot.join(*MEMBERS)
    bot.ok("Alice", "network", f"set recruiters-channel {RECRUITERS_CHANNEL}")
    bot.ok("Alice", "network", f"set announcements-channel {ANNOUNCEMENTS_CHANNEL}")
    for name, role in (("Ivan", "experienced"), ("Judy", "experienced"), ("Rita", "recruiter")):
        bot.ok("Alice", "network", f"role @{name} {role}")
    bot.ok("Bob", "refer", f"@Carol Acme | a new website | 5 000 | 4 | {matrix.CONTACT}")
    bot.ok("Bob", "refer", "@Carol Initech | bookkeeping | 2 000")
    bot.ok("Bob", "refer", "@Carol Umbrella | a new kitchen | 12 000")
    bot.ok("Carol", "referral", "2 accept")
    bot.ok("Carol", "referral", "3 accept")
    bot.ok("Carol", "referral", "3 won 12 000")
    bot.ok("Sam", "candidate", "Zoe Martin | architect | Left BNI Lyon")
    bot.ok("Sam", "candidate", f"Yann Roux | florist | {matrix.PREVIOUS_2}")
    bot.ok("Sam", "candidate", "Xena Blum | plumber | none")
    bot.ok("Sam", "candidate", "Walt Orr | architect | none")
    bot.ok("Judy", "candidate", f"1 report admit | {matrix.JUDY_NOTES_1}")
    bot.ok("Ivan", "candidate", f"2 report admit | {matrix.NOTES_2}")
    bot.ok("Judy", "candidate", "2 report unsure | Talks a lot")
    bot.ok("Ivan", "candidate", "3 report admit | Fine")
    bot.ok("Judy", "candidate", "3 report admit | Fine")
    bot.ok("Rita", "candidate", "3 vote yes")  # the only eligible recruiter: #3 is admitted
    bot.ok("Alice", "network", "set site-visit on")
    bot.ok("Sam", "candidate", "Vera Lund | optician | none")
    bot.ok("Ivan", "candidate", "5 report admit | Fine")
    bot.ok("Judy", "candidate", "5 report admit | Fine")
    bot.ok("Alice", "network", "set site-visit off")  # #5 waits for no visit: open it by hand
    bot.ok("Alice", "network", "role @Eve experienced")  # after the interviewers were picked
    bot.ok("Paul", "report", f"@Quentin poaching | {matrix.BREACH_TEXT}")
    bot.ok("Alice", "meeting", "schedule sun 10:30 | Café du Port")
    bot.ok("Sam", "visitor", f"Tom Hale | baker | Hale & Co | {matrix.VISITOR_CONTACT} | next")
    bot.ok("Bob", "meet", "@Carol 2025-03-20 10:00 | Café de la Gare")
    bot.ok("Xavier", "charter", "accept", network=B)
    bot.ok("Xavier", "meeting", "schedule sun 10:30", network=B)
    return bot


@functools.cache
def scenario() -> tuple[Path, datetime, int, int]:
    """The committed scenario's database file, its time, and the ids of networks A and B.

    Messages already sent are history nothing here depends on: they are deleted (a thread post
    then simply opens without its first post).
    """
    bot = build_scenario()
    ids = (bot.member("Alice").network_id, bot.member("Xavier", network=B).network_id)
    bot.db.execute("DELETE FROM outbox WHERE state = :sent", sent=OutboxState.SENT.value)
    return bot.db.close(), bot.clock.now(), *ids


@functools.cache
def scenario_rows() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the scenario's database (see `Database.dump`)."""
    return Database(scenario()[0]).dump()


def fresh(strict: bool = False) -> Bot:
    """A copy of the scenario. Its dispatcher runs when a command queued something (see
    `run`), not after every commit: the same notices, without claiming an empty outbox.
    `strict`: with PostgreSQL's limits (see `proof.make_strict`)."""
    path, now, _, _ = scenario()
    bot = Bot(db=Database(path), clock=FakeClock(now), network=A)
    bot.app.after_commit = None
    return make_strict(bot) if strict else bot


class Pristine:
    """An untouched copy of the scenario, shared until a run commits (a run that only reads,
    or is refused, leaves it as it was)."""

    def __init__(self, strict: bool = False) -> None:
        self._bot: Bot | None = None
        self.strict = strict

    def get(self) -> Bot:
        if self._bot is None:
            self._bot = fresh(self.strict)
        self._bot.messenger.clear()
        return self._bot

    def check(self) -> None:
        """Forget the copy if the last run committed or sent anything."""
        bot = self._bot
        if bot is not None and (bot.messenger.sent or bot.db.commits):
            self._bot = None


def run(
    bot: Bot,
    who: str,
    command: str,
    text: str = "",
    *,
    verb: str = "",
    values: Mapping[str, str] | None = None,
    network: str = A,
) -> Reply:
    """Run one command as an adapter would, then send what it queued."""
    queued = bot.db.last_id("outbox")
    reply = bot.run(who, command, text, verb=verb, values=values, network=network)
    if bot.db.last_id("outbox") != queued:
        bot.dispatcher.run_once()
    return reply
