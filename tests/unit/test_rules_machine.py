"""The rules nobody can bypass, held by a Hypothesis state machine.

Eight members with their roles (an admin, two recruiters, two experienced members, one of them
who never accepted the charter) type random commands, right and wrong ones (the wrong actor, the
wrong stage, bad amounts, bypasses: opening a vote too early, a sponsor voting, `won 0`,
`won $500`, a client referred to its owner, a report naming an unrelated referral, commands
that do not exist yet), while the clock moves. After every step:

- a refused command changed no row, committed nothing and told no one;
- the rules in tests/unit/rules_invariants.py hold, read from the database alone.

Rules not yet enforced in core are listed in OPEN_RULES with the smallest counterexample
Hypothesis found; a listed rule is not checked. Once core enforces it, delete its entry.

The same machine runs on PostgreSQL in the PostgreSQL run (fewer examples).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import Engine, event, select, text

from core.referrals.model import MOVES
from storage.database import unit_of_work_factory
from tests.database_copies import Database, tables
from tests.driver import Bot, FakeClock
from tests.unit.rules_invariants import (
    INVARIANTS,
    History,
    Snapshot,
    read_all,
    reports_for_recruiters,
)

Step = tuple[str, dict[str, Any]]  # a rule of RulesMachine and its arguments

# A rule core does not enforce yet -> the counterexample Hypothesis found, shrunk: the machine's
# steps from the club set up by `set_up`. While listed, the rule is not checked, and
# test_an_open_rule_still_fails_on_its_counterexample replays the steps to prove it still fails.
OPEN_RULES: dict[str, tuple[Step, ...]] = {}

# The members, with the professions they give at setup.
PROFESSIONS = {
    "Alice": "lawyer",  # the admin (the first member)
    "Rita": "banker",  # recruiter
    "Remy": "notary",  # recruiter
    "Ivan": "architect",  # experienced
    "Judy": "plumber",  # experienced
    "Nora": "dentist",  # experienced, never accepted the charter
    "Bob": "baker",
    "Carol": "florist",
}
MEMBERS = tuple(PROFESSIONS)
NEWCOMER = "Newt"  # joins during the run, to be linked to an admitted candidate
EVERYONE = (*MEMBERS, NEWCOMER)
CANDIDATES = ("Zoe Martin", "Yann Roux", "Lea Blum")
CANDIDATE_PROFESSIONS = ("architect", "gardener", "plumber", "web designer", "dentist")
CLIENTS = ("Acme", "Initech", "Umbrella")
# Amounts typed after `won` (and `correct`): good ones, and ones to refuse.
AMOUNTS = ("1000", "12 000", "20", "0", "$500", "500 USD", "€300", "-5", "abc")
RULES = ("10% min 50", "10%", "150", "5% max 40", "none")
STEP = timedelta(seconds=1)  # between two commands, so each change has its own moment


def who(*likely: str) -> st.SearchStrategy[str]:
    """Anyone, the members most likely to act first."""
    return (
        st.one_of(st.sampled_from(likely), st.sampled_from(EVERYONE))
        if likely
        else (st.sampled_from(EVERYONE))
    )


picks = st.one_of(st.just(0), st.integers(0, 4))  # see RulesMachine.number, newest first
# Who acts on a record: half the time the member whose move it is ("own", or "own2" where two
# may make it: the second interviewer, the other recruiter), read from the database; else
# another party, an admin, or anyone.
REFERRAL_PARTS = st.one_of(
    st.just("own"), st.sampled_from(("receiver", "referrer", "admin", *EVERYONE))
)
CANDIDATE_PARTS = st.one_of(
    st.sampled_from(("own", "own2")),
    st.sampled_from(("recruiter", "sponsor", "admin", "first", *EVERYONE)),
)
# Whose move each candidate verb is.
CANDIDATE_OWNERS = {
    "interviewers": ("recruiter", "other recruiter"),
    "report": ("first", "second"),
    "visit": ("Bob", "Carol"),
    "open": ("recruiter", "other recruiter"),
    "close": ("recruiter", "other recruiter"),
    "vote": ("recruiter", "other recruiter"),
    "withdraw": ("sponsor", "admin"),
    "override": ("recruiter", "admin"),
    "override-process": ("admin", "admin"),
    "link": ("admin", "admin"),
}


def set_up(bot: Bot) -> None:
    """The club the machine starts from: roles, professions, a commission with a minimum."""
    bot.ok("Alice", "charter", "commission 10% min 50")
    bot.join(*(m for m in MEMBERS if m != "Nora"))
    bot.join("Nora", accept_charter=False)
    bot.ok("Alice", "network", "set experienced-days 365")
    bot.ok("Alice", "network", "set recruiters-channel recruiters")
    for name, role in (
        ("Rita", "recruiter"),
        ("Remy", "recruiter"),
        ("Ivan", "experienced"),
        ("Judy", "experienced"),
        ("Nora", "experienced"),
    ):
        bot.ok("Alice", "network", f"role @{name} {role}")
    for name, profession in PROFESSIONS.items():
        bot.ok(name, "profile", profession)
    bot.clock.advance(timedelta(days=1))


@functools.cache
def sqlite_club() -> tuple[Path, datetime]:
    """The club set up once a run, kept as a file each example copies."""
    bot = Bot()
    set_up(bot)
    return bot.db.close(), bot.clock.now()


def sqlite_bot() -> Bot:
    path, now = sqlite_club()
    return Bot(db=Database(path), clock=FakeClock(now))


class RulesMachine(RuleBasedStateMachine):
    """Random commands by random members; the checks after each step."""

    make_bot: Callable[[], Bot] = staticmethod(sqlite_bot)

    def __init__(self) -> None:
        super().__init__()
        self.bot = self.make_bot()
        # Notices wait in the outbox until time passes (`time_passes` delivers them): the same
        # rows, fewer deliveries to run.
        self.bot.app.after_commit = None
        self.snapshot: Snapshot = read_all(self.bot.db.engine)
        self.previous: Snapshot | None = None
        self.wrong_currency_accepted = ""
        self.skip = frozenset(OPEN_RULES)

    # One step

    def act(self, actor: str, command: str, typed: str = "") -> bool:
        """Run a command; a refusal must leave every row, the commit count and the
        messenger as they were. True when the command was accepted."""
        bot = self.bot
        commits, sent = bot.db.commits, len(bot.messenger.sent)
        reply = bot.run(actor, command, typed)
        bot.clock.advance(STEP)
        self.previous, self.snapshot = self.snapshot, read_all(bot.db.engine)
        if reply.error:
            assert reply.text, "a refusal says why"
            assert bot.db.commits == commits, f"refused /{command} {typed} committed"
            changed = self.snapshot.changed_tables(self.previous)
            assert not changed, f"refused /{command} {typed} changed rows of {changed}"
            assert len(bot.messenger.sent) == sent, f"refused /{command} {typed} told someone"
        self.check()
        return not reply.error

    # Who and what, read from the database

    def name(self, member_id: int) -> str:
        return str(next(m.display_name for m in self.snapshot["members"] if m.id == member_id))

    def with_role(self, role: str) -> list[str]:
        return [m.display_name for m in self.snapshot["members"] if role in m.roles.split(",")]

    def number(self, table: str, pick: int) -> int:
        """One of the newest records of `table` (pick 0 is the newest), or one that does not
        exist (pick 4, or when there is none)."""
        numbers = [row.number for row in self.snapshot[table]]
        if pick >= 4 or not numbers:
            return len(numbers) + 1
        return int(numbers[-1 - pick % len(numbers)])

    def one(self, names: list[str], fallback: str) -> str:
        return names[0] if names else fallback

    def referral_actor(self, number: int, part: str, verb: str = "won") -> str:
        found = [r for r in self.snapshot["referrals"] if r.number == number]
        if part == "own":
            part = MOVES[verb].party.value if verb in MOVES else "receiver"
        if part in ("referrer", "receiver") and found:
            return self.name(getattr(found[0], f"{part}_id"))
        if part == "admin":
            return self.one(self.with_role("admin"), "Alice")
        return part if part in EVERYONE else "Carol"

    def candidate_actor(self, number: int, part: str, verb: str) -> str:
        found = [c for c in self.snapshot["candidates"] if c.number == number]
        if part in ("own", "own2"):
            part = CANDIDATE_OWNERS[verb][part == "own2"]
        if part == "sponsor" and found:
            return self.name(found[0].sponsor_id)
        if part in ("first", "second") and found:
            assigned = [
                i.interviewer_id
                for i in self.snapshot["candidate_interviews"]
                if i.candidate_id == found[0].id and i.active
            ]
            index = 0 if part == "first" else 1
            if len(assigned) > index:
                return self.name(assigned[index])
        if part in ("recruiter", "other recruiter"):
            recruiters = self.with_role("recruiter")
            if recruiters:
                return recruiters[0 if part == "recruiter" else -1]
        if part == "admin":
            return self.one(self.with_role("admin"), "Alice")
        return part if part in EVERYONE else "Rita"

    # Referrals and money

    @rule(
        referrer=who("Bob"),
        receiver=who("Carol"),
        client=st.sampled_from(CLIENTS),
        amount=st.sampled_from(AMOUNTS),
    )
    def deal(self, referrer: str, receiver: str, client: str, amount: str) -> None:
        """A referral taken to `won` by its parties, three commands in one step."""
        if self.act(referrer, "refer", f"@{receiver} {client} | a new kitchen"):
            number = self.number("referrals", 0)
            self.act(receiver, "referral", f"{number} accept")
            self.won(0, "own", amount)

    @rule(
        referrer=who("Bob", "Carol"),
        receiver=who("Carol", "Bob", "Alice"),
        client=st.sampled_from(CLIENTS),
        value=st.sampled_from(("", " | 5 000", " | 0")),
    )
    def refer(self, referrer: str, receiver: str, client: str, value: str) -> None:
        self.act(referrer, "refer", f"@{receiver} {client} | a new website{value}")

    @rule(
        pick=picks,
        part=REFERRAL_PARTS,
        verb=st.sampled_from(("accept", "decline", "cancel", "contacted", "lost", "paid")),
    )
    def move(self, pick: int, part: str, verb: str) -> None:
        number = self.number("referrals", pick)
        self.act(self.referral_actor(number, part, verb), "referral", f"{number} {verb}")

    @rule(pick=picks, part=REFERRAL_PARTS, amount=st.sampled_from(AMOUNTS))
    def won(self, pick: int, part: str, amount: str) -> None:
        number = self.number("referrals", pick)
        currency = self.snapshot["networks"][0].currency
        actor = self.referral_actor(number, part)
        if self.act(actor, "referral", f"{number} won {amount}") and _foreign(amount, currency):
            self.wrong_currency_accepted = f"won {amount} accepted in {currency}"

    @rule(pick=picks, part=REFERRAL_PARTS, amount=st.sampled_from(AMOUNTS))
    def correct(self, pick: int, part: str, amount: str) -> None:
        number = self.number("referrals", pick)
        currency = self.snapshot["networks"][0].currency
        typed = f"{number} correct {amount} | the invoice said so"
        actor = self.referral_actor(number, part)
        if self.act(actor, "referral", typed) and _foreign(amount, currency):
            self.wrong_currency_accepted = f"correct {amount} accepted in {currency}"

    # Recruitment

    @rule(
        sponsor=who("Bob", "Rita"),
        name=st.sampled_from(CANDIDATES),
        profession=st.sampled_from(CANDIDATE_PROFESSIONS),
    )
    def propose(self, sponsor: str, name: str, profession: str) -> None:
        self.act(sponsor, "candidate", f"{name} | {profession} | none")

    @rule(
        sponsor=who("Bob", "Rita"),
        name=st.sampled_from(CANDIDATES),
        profession=st.sampled_from(CANDIDATE_PROFESSIONS),
    )
    def interviewed(self, sponsor: str, name: str, profession: str) -> None:
        """A candidate proposed, then reported on by the interviewers Apport picked."""
        if self.act(sponsor, "candidate", f"{name} | {profession} | none"):
            for part in ("own", "own2"):
                self.report(0, part, "admit")

    @rule(
        pick=picks,
        part=CANDIDATE_PARTS,
        first=st.sampled_from(MEMBERS),
        second=st.sampled_from(MEMBERS),
    )
    def interviewers(self, pick: int, part: str, first: str, second: str) -> None:
        number = self.number("candidates", pick)
        actor = self.candidate_actor(number, part, "interviewers")
        self.act(actor, "candidate", f"{number} interviewers @{first} @{second}")

    @rule(
        pick=picks,
        part=CANDIDATE_PARTS,
        recommendation=st.sampled_from(("admit", "reject", "unsure")),
    )
    def report(self, pick: int, part: str, recommendation: str) -> None:
        number = self.number("candidates", pick)
        actor = self.candidate_actor(number, part, "report")
        self.act(actor, "candidate", f"{number} report {recommendation} | met them")

    @rule(pick=picks, part=CANDIDATE_PARTS)
    def visit(self, pick: int, part: str) -> None:
        number = self.number("candidates", pick)
        self.act(self.candidate_actor(number, part, "visit"), "candidate", f"{number} visit | tidy")

    @rule(pick=picks, part=CANDIDATE_PARTS)
    def open_vote(self, pick: int, part: str) -> None:
        number = self.number("candidates", pick)
        self.act(self.candidate_actor(number, part, "open"), "candidate", f"{number} open")

    @rule(
        pick=picks,
        part=CANDIDATE_PARTS,
        verb=st.sampled_from(("close", "withdraw")),
    )
    def candidate_move(self, pick: int, part: str, verb: str) -> None:
        number = self.number("candidates", pick)
        self.act(self.candidate_actor(number, part, verb), "candidate", f"{number} {verb}")

    @rule(
        pick=picks,
        part=CANDIDATE_PARTS,
        ballot=st.sampled_from(("yes", "no", "abstain")),
    )
    def vote(self, pick: int, part: str, ballot: str) -> None:
        number = self.number("candidates", pick)
        self.act(self.candidate_actor(number, part, "vote"), "candidate", f"{number} vote {ballot}")

    @rule(
        pick=picks,
        part=CANDIDATE_PARTS,
        verb=st.sampled_from(("override", "override-process")),
    )
    def override(self, pick: int, part: str, verb: str) -> None:
        number = self.number("candidates", pick)
        actor = self.candidate_actor(number, part, verb)
        self.act(actor, "candidate", f"{number} {verb} | known to everyone")

    @rule(pick=picks, part=CANDIDATE_PARTS, member=st.sampled_from(EVERYONE))
    def link(self, pick: int, part: str, member: str) -> None:
        number = self.number("candidates", pick)
        self.act(
            self.candidate_actor(number, part, "link"), "candidate", f"{number} link @{member}"
        )

    @rule()
    def newcomer_joins(self) -> None:
        self.act(NEWCOMER, "charter", "accept")

    # Roles, settings, the charter

    @rule(
        actor=who("Alice"),
        member=st.sampled_from(MEMBERS),
        role=st.sampled_from(("admin", "recruiter", "experienced")),
        remove=st.booleans(),
    )
    def role(self, actor: str, member: str, role: str, remove: bool) -> None:
        self.act(actor, "network", f"role @{member} {role}{' remove' if remove else ''}")

    @rule(
        actor=who("Alice"),
        setting=st.sampled_from(
            ("site-visit on", "site-visit off", "currency USD", "currency EUR", "exclusivity off")
        ),
    )
    def setting(self, actor: str, setting: str) -> None:
        self.act(actor, "network", f"set {setting}")

    @rule(actor=who("Alice"), commission=st.sampled_from(RULES))
    def publish(self, actor: str, commission: str) -> None:
        self.act(actor, "charter", f"commission {commission}")

    @rule(actor=who())
    def accept_charter(self, actor: str) -> None:
        self.act(actor, "charter", "accept")

    # Breach reports

    @rule(
        reporter=who("Bob", "Carol"),
        reported=who("Alice", "Carol", "Bob"),
        pick=st.one_of(st.none(), picks),
    )
    def file_report(self, reporter: str, reported: str, pick: int | None) -> None:
        referral = "" if pick is None else f" | referral {self.number('referrals', pick)}"
        self.act(reporter, "report", f"@{reported} poaching | took my client{referral}")

    @rule(
        actor=who("Alice"),
        pick=picks,
        verb=st.sampled_from(("raise", "resolve", "dismiss")),
    )
    def handle_report(self, actor: str, pick: int, verb: str) -> None:
        number = self.number("breach_reports", pick)
        self.act(actor, "report", f"{number} {verb} | talked to them")

    # Time

    @rule(delta=st.sampled_from((timedelta(hours=5), timedelta(days=1), timedelta(days=8))))
    def time_passes(self, delta: timedelta) -> None:
        self.bot.clock.advance(delta)
        self.bot.dispatcher.run_once()
        self.previous, self.snapshot = self.snapshot, read_all(self.bot.db.engine)
        self.check()

    # The checks

    def check(self) -> None:
        """The rules that are not listed as open hold (run after every command)."""
        found = {
            name: wrong for name in CHECKS if name not in self.skip and (wrong := self.broken(name))
        }
        assert not found, found

    def broken(self, name: str) -> list[str]:
        """What breaks rule `name` now (nothing when it holds)."""
        if name == "foreign-currency":
            return [self.wrong_currency_accepted] if self.wrong_currency_accepted else []
        history = History(self.snapshot, PROFESSIONS)
        wrong = INVARIANTS[name](self.previous, self.snapshot, history)
        if name == "report-reaches-someone" and not wrong:
            wrong = self.unseen_reports(history)
        return wrong

    def unseen_reports(self, history: History) -> list[str]:
        """The reports about the only admin that none of the recruiters can open."""
        wrong = []
        for number, recruiters in reports_for_recruiters(self.snapshot, history).items():
            replies = [self.bot.run(r, "report", str(number)) for r in recruiters]
            if all(reply.error for reply in replies):
                wrong.append(f"report #{number}: no recruiter can open it ({recruiters})")
        assert read_all(self.bot.db.engine) == self.snapshot, "opening a report wrote"
        return wrong

    def teardown(self) -> None:
        # Dropping the bot frees its database copy's slot, whose engine keeps the SQL it
        # compiled, for the next example.
        del self.bot


_FOREIGN = {"$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP"}


def _foreign(amount: str, currency: str) -> bool:
    """Does `amount` name a currency other than the network's?"""
    return any(mark in amount and code != currency for mark, code in _FOREIGN.items())


# The rules checked: those of rules_invariants.py, and one about what a command accepts.
CHECKS = (*INVARIANTS, "foreign-currency")
# Steps per example: a step is one to three commands (`deal`, `interviewed`). 300 examples of
# up to 15 steps take about 20 s of one core on SQLite.
STEPS = 15


def test_the_rules_hold_whatever_anyone_types() -> None:
    run_state_machine_as_test(
        RulesMachine,
        settings=settings(
            max_examples=300,
            stateful_step_count=STEPS,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )


# On PostgreSQL


class PostgresDatabase:
    """What the driver's `Bot` and the machine use of a database, on a PostgreSQL engine: its
    units of work and its commit count; and the club, set up once and written back into the
    emptied tables before each example."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.uow_factory = unit_of_work_factory(engine)
        self.commits = 0
        self.club: dict[str, list[dict[str, Any]]] = {}
        self.club_time = FakeClock().now()
        event.listen(engine, "commit", self._committed)
        # The tests wait for no disk: a commit returns before its log reaches it.
        event.listen(engine, "connect", self._connected)
        engine.dispose()  # connections open so far were made without it

    @staticmethod
    def _connected(connection: Any, record: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("SET synchronous_commit TO off")
        cursor.close()

    def _committed(self, connection: Any) -> None:
        self.commits += 1

    def _empty(self) -> None:
        # DELETE is quicker than TRUNCATE on tables this small.
        with self.engine.begin() as connection:
            for table in reversed(tables()):
                connection.execute(table.delete())

    def fresh_bot(self) -> Bot:
        self._empty()
        if not self.club:
            bot = Bot(db=self, clock=FakeClock(self.club_time))  # type: ignore[arg-type]
            set_up(bot)
            self.club_time = bot.clock.now()
            with self.engine.connect() as connection:
                self.club = {
                    t.name: [dict(r._mapping) for r in connection.execute(select(t))]
                    for t in tables()
                }
            return bot
        with self.engine.begin() as connection:
            for table in tables():
                rows = self.club[table.name]
                if rows:
                    connection.execute(table.insert(), rows)
            for table in tables():
                if "id" in table.c:  # the next id follows the club's, as after set_up
                    connection.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"coalesce(max(id), 0) + 1, false) FROM {table.name}"
                        )
                    )
        self.commits = 0
        return Bot(db=self, clock=FakeClock(self.club_time))  # type: ignore[arg-type]


@pytest.mark.postgresql
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_the_rules_hold_on_postgresql(engine: Engine) -> None:
    database = PostgresDatabase(engine)

    class OnPostgres(RulesMachine):
        make_bot = staticmethod(database.fresh_bot)

    run_state_machine_as_test(
        OnPostgres,
        settings=settings(
            max_examples=30,
            stateful_step_count=STEPS,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )


@pytest.mark.parametrize("name", sorted(OPEN_RULES))
def test_an_open_rule_still_fails_on_its_counterexample(name: str) -> None:
    """Once core enforces a listed rule, this fails: delete the rule from OPEN_RULES."""
    machine = RulesMachine()
    for step, arguments in OPEN_RULES[name]:
        getattr(machine, step)(**arguments)
    assert machine.broken(name), f"{name} holds now: delete it from OPEN_RULES"


def test_every_open_rule_is_a_rule() -> None:
    assert set(OPEN_RULES) <= set(CHECKS)


def test_the_machine_sees_a_refusal_that_writes() -> None:
    """The refusal check is not vacuous: a command refused after writing is caught."""
    machine = RulesMachine()
    bot = machine.bot
    original = bot.run

    def writes_then_refuses(*args: Any, **kwargs: Any) -> Any:
        bot.db.execute("UPDATE networks SET vote_days = 9")
        return original("Bob", "candidate", "1 open")

    bot.run = writes_then_refuses  # type: ignore[method-assign]
    with pytest.raises(AssertionError, match=r"committed|changed rows"):
        machine.act("Bob", "candidate", "1 open")


def test_the_invariants_catch_a_vote_opened_too_early() -> None:
    """The process invariant is not vacuous: a vote forced open in the database is caught."""
    machine = RulesMachine()
    assert machine.act("Bob", "candidate", "Zoe Martin | gardener | none")
    at = machine.bot.clock.now().isoformat(sep=" ")
    machine.bot.db.execute("UPDATE candidates SET stage = 'vote', vote_opened_at = :at", at=at)
    snap = read_all(machine.bot.db.engine)
    wrong = INVARIANTS["vote-after-reports"](None, snap, History(snap, PROFESSIONS))
    assert wrong and re.search("0 report", wrong[0])
