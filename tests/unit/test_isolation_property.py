"""Tenant isolation, as a property: whatever is done or asked in network A, network B neither
changes nor shows through.

Two networks share one database. B holds a referral (with a client contact and a large amount),
feedback, a candidate in its vote and a breach report, all with words found nowhere else. Zed is
B's admin and a plain member of A. Hypothesis draws sequences of realistic commands in A by
random actors (Zed, a newcomer, and names, platform ids, clients and professions of B among the
arguments), with number suggestions asked for, and the clock moved on between some of them so
that scheduled rows fall due.

After every command, B's rows are exactly as before and A's rows point to no member of B. After
every move of the clock, B's rows and the notices B's members get are those of a twin store
where nothing was done in A. No reply, suggestion or notice in A shows any of B's words (unless
A typed them itself), and A's notices go only to A's members and A's channels.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.app import Invocation
from core.shared.outbox import OutboxState
from core.shared.ui import Notice
from tests.database_copies import Database, network_tables
from tests.driver import Bot, FakeClock, user_id
from tests.unit.proof import foreign_rows, network_rows, shown

A, B = "alpha", "bravo"
A_MEMBERS = ("Alice", "Arthur", "Agnes", "Zed")  # Alice is A's admin; Zed is B's admin
A_CHANNELS = ("alpha-recruiters", "alpha-news")
B_CHANNELS = ("bravo-recruiters", "bravo-news")
B_CONTACT = "quill@zyzzyva.example"
B_NEED = "Renovate the Quixotic manor"
B_CANDIDATE = "Ulysses Vantongeren"
B_PREVIOUS = "Left the Kestrel club in 2019"
B_NOTES = "Vantongeren ships on time"
B_BREACH = "Bertrand never paid the Zyzzyva commission"
B_PITCH = "Peregrine falcons for hire"
# Words found only in B. "Zed" is in both networks, so it is not one of them.
B_PEOPLE = ("Bertrand", "Brunhilde", "U-bertrand")
B_SECRETS = (
    *B_PEOPLE,
    "Zyzzyva",
    B_CONTACT,
    B_NEED,
    B_CANDIDATE,
    "Vantongeren",
    B_PREVIOUS,
    B_NOTES,
    B_BREACH,
    "Bravo feedback",
    B_PITCH,
    "Peregrine",
    "98,765",
    "9,876.50",
    *B_CHANNELS,
)


def build_both() -> Bot:
    bot = Bot(network=B)
    bot.ok("Zed", "charter", "commission 10%", network=B)  # the first in B: its admin
    _build_b(bot)
    for name in A_MEMBERS:  # Alice is the first in A: its admin
        bot.ok(name, "charter", "accept", network=A)
    bot.ok("Alice", "network", f"set recruiters-channel {A_CHANNELS[0]}", network=A)
    bot.ok("Alice", "network", f"set announcements-channel {A_CHANNELS[1]}", network=A)
    for name, role in (
        ("Arthur", "recruiter"),
        ("Arthur", "experienced"),
        ("Agnes", "experienced"),
    ):
        bot.ok("Alice", "network", f"role @{name} {role}", network=A)
    return bot


@functools.cache
def template() -> tuple[Path, datetime, int, int]:
    """The two networks' database file, its time, and the ids of A and B."""
    bot = build_both()
    # Messages sent are history: nothing depends on them.
    bot.db.execute("DELETE FROM outbox WHERE state = :sent", sent=OutboxState.SENT.value)
    net_a = bot.member("Alice", network=A).network_id
    net_b = bot.member("Zed", network=B).network_id
    return bot.db.close(), bot.clock.now(), net_a, net_b


def _build_b(bot: Bot) -> None:
    for name in ("Zed", "Bertrand", "Brunhilde"):
        bot.ok(name, "charter", "accept", network=B)
    bot.ok("Zed", "network", f"set recruiters-channel {B_CHANNELS[0]}", network=B)
    bot.ok("Zed", "network", f"set announcements-channel {B_CHANNELS[1]}", network=B)
    for name, role in (
        ("Bertrand", "recruiter"),
        ("Bertrand", "experienced"),
        ("Brunhilde", "experienced"),
    ):
        bot.ok("Zed", "network", f"role @{name} {role}", network=B)
    bot.ok(
        "Bertrand",
        "refer",
        f"@Brunhilde Zyzzyva Holdings | {B_NEED} | 98 765 | 5 | {B_CONTACT}",
        network=B,
    )
    bot.ok("Bertrand", "refer", "@Brunhilde Zyzzyva Yachts | A second hull", network=B)
    bot.ok("Brunhilde", "referral", "1 accept", network=B)
    bot.ok("Brunhilde", "referral", "1 won 98 765", network=B)
    bot.ok("Bertrand", "feedback", "1 5 Bravo feedback", network=B)
    bot.ok("Zed", "candidate", f"{B_CANDIDATE} | falconer | {B_PREVIOUS}", network=B)
    bot.ok("Bertrand", "candidate", f"1 report admit | {B_NOTES}", network=B)
    bot.ok("Brunhilde", "candidate", "1 report admit | Vantongeren is generous", network=B)
    bot.ok("Brunhilde", "report", f"@Bertrand unpaid | {B_BREACH} | referral 1", network=B)
    bot.ok("Bertrand", "profile", f"falconer | hawks, raptors | {B_PITCH}", network=B)


def world() -> Bot:
    """A copy of the two networks; its dispatcher runs when a command queued something."""
    path, now, _, _ = template()
    bot = Bot(db=Database(path), clock=FakeClock(now), network=A)
    bot.app.after_commit = None
    return bot


# The commands Hypothesis draws, all run in network A.


@dataclass(frozen=True)
class Command:
    actor: str
    command: str
    text: str

    def __str__(self) -> str:
        return f"{self.actor}: /{self.command} {self.text}"


@dataclass(frozen=True)
class Tick:
    days: int

    def __str__(self) -> str:
        return f"(+{self.days} days)"


@dataclass(frozen=True)
class Suggest:
    """The choices offered as the actor types a number (Discord's autocomplete)."""

    actor: str
    command: str
    typed: str

    def __str__(self) -> str:
        return f"{self.actor}: suggest /{self.command} {self.typed}"


Step = Command | Tick | Suggest

actors = st.sampled_from([*A_MEMBERS, "Newbie"])
# Targets include B's people, by name and by platform id: they must not resolve in A.
targets = st.sampled_from(["Alice", "Arthur", "Agnes", "Zed", "Newbie", "Bertrand", "U-bertrand"])
numbers = st.integers(1, 3).map(str)
# A client with B's client's name is a different client in A, owned by whoever names it first.
clients = st.sampled_from(["Alpha Foods", "Apex Labs", "Zyzzyva Holdings"])
amounts = st.sampled_from(["", "300", "1 200", "4 500"])
contacts = st.sampled_from(["", "ann@alpha.example", "+33 6 12 34 56 78"])
# B's candidate is a falconer: a falconer proposed in A must not be told B's one holds the trade.
professions = st.sampled_from(["falconer", "architect", "baker"])
moves = st.sampled_from(["", "accept", "decline", "cancel", "contacted", "lost", "paid", "won"])
settings_values = st.sampled_from(
    [
        "followup-days 7",
        "locale fr",
        "locale en",
        "currency USD",
        "quorum 1/3",
        "vote-days 2",
        "site-visit on",
        "exclusivity off",
        "charter-reminder tue 10:00",
        f"recruiters-channel {A_CHANNELS[0]}",
        f"announcements-channel {A_CHANNELS[1]}",
        "contact-retention-months 1",
    ]
)


def _texts() -> st.SearchStrategy[tuple[str, str]]:
    c = st.tuples
    j = st.just
    return st.one_of(
        c(j("refer"), st.builds("@{} {} | Alpha need | {} | 3 | {}".format, targets, clients,
                                amounts, contacts)),
        c(j("referral"), st.builds(lambda n, m, a: f"{n} {m} {a if m == 'won' else ''}".strip(),
                                   numbers, moves, st.sampled_from(["800", "2 000"]))),
        c(j("referrals"), st.sampled_from(["", "given", "received", "open"])),
        c(j("clients"), j("")),
        c(j("feedback"), st.builds("{} {} Alpha comment".format, numbers,
                                   st.sampled_from(["1", "4", "later"]))),
        c(j("charter"), st.sampled_from(["", "accept", "history", "commission 10%",
                                         "edit Alpha-members | Alpha-clients | Alpha-pay"])),
        c(j("candidate"), st.builds("Anna Arc | {} | none".format, professions)),
        c(j("candidate"), st.builds("{} {}".format, numbers, st.sampled_from(
            ["", "vote yes", "vote no", "report admit | Alpha notes", "withdraw", "close",
             "open", "visit | Alpha visit", "interviewers @Arthur @Agnes",
             "override | Alpha reason"]))),
        c(j("candidate"), st.builds("{} link @{}".format, numbers, targets)),
        c(j("candidates"), j("")),
        c(j("report"), st.builds("@{} poaching | Alpha breach | referral {}".format, targets,
                                 numbers)),
        c(j("report"), st.builds("{} {}".format, numbers,
                                 st.sampled_from(["", "raise | Alpha", "resolve", "dismiss"]))),
        c(j("reports"), j("")),
        c(j("network"), st.sampled_from(["", "audit", "export"])),
        c(j("network"), settings_values.map("set {}".format)),
        c(j("network"), st.builds("role @{} {}".format, targets,
                                  st.sampled_from(["recruiter", "admin", "experienced",
                                                   "admin remove", "recruiter remove"]))),
        c(j("mydata"), st.sampled_from(["", "export", "erase", "erase confirm"])),
        c(j("profile"), st.sampled_from(["falconer | hawks | Alpha pitch", "baker | bread"])),
        c(j("members"), st.sampled_from(["", "falconer", "hawks raptors", "Zyzzyva"])),
        c(j("refer"), st.sampled_from(["? falconer with hawks", "? renovate a manor"])),
        c(j("stats"), st.sampled_from(["", "me", "activity", "export", "year", "quarter"])),
        c(j("home"), j("")),
        c(j("help"), st.sampled_from(["", "candidate"])),
    )  # fmt: skip


commands = st.builds(lambda a, ct: Command(a, *ct), actors, _texts())
ticks = st.integers(1, 10).map(Tick)
suggestions = st.builds(
    Suggest, actors, st.sampled_from(["referral", "feedback"]), st.sampled_from(["", "1", "#"])
)
# About one step in eight moves the clock on, one in eight asks for suggestions.
steps: st.SearchStrategy[Step] = st.integers(0, 7).flatmap(
    lambda k: ticks if k == 0 else suggestions if k == 1 else commands
)


# What is observed


def normalised_b_notices(notices: list[Notice], net_b: int) -> list[tuple[Any, ...]]:
    return sorted(
        (n.kind, n.external_id, n.channel, shown(n.reply)) for n in notices if n.network_id == net_b
    )


# Columns that number rows across networks: a row B gains has other values there when A
# gained rows too.
GLOBAL_COLUMNS = {"id", "key"}


def _business_queries() -> dict[str, str]:
    queries = {}
    for table in network_tables():
        kept = ", ".join(c.name for c in table.columns if c.name not in GLOBAL_COLUMNS)
        queries[table.name] = f"SELECT {kept} FROM {table.name} WHERE network_id = ?"
    return queries


BUSINESS_QUERIES = _business_queries()


def business_rows(db: Database, network_id: int) -> dict[str, list[str]]:
    """A network's rows without the columns that depend on other networks' rows, each table's
    rows sorted."""
    found = db.raws(BUSINESS_QUERIES, (network_id,))
    return {table: sorted(map(repr, rows)) for table, rows in found.items()}


def leaked(text: str, typed: str, error: bool = False) -> list[str]:
    """B's words in `text`, but for those A typed itself: a client A named Zyzzyva is A's, and
    a refusal may repeat the name it could not find. B's people are never in A otherwise."""
    return [s for s in B_SECRETS if s in text and not (s in typed and (error or s not in B_PEOPLE))]


def a_recipients(bot: Bot, net_a: int) -> set[str]:
    return {m.external_id for m in bot.db.rows("members", network_id=net_a)}


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(steps, min_size=1, max_size=12))
def test_nothing_done_in_one_network_changes_or_shows_the_other(sequence: list[Step]) -> None:
    _, _, net_a, net_b = template()
    bot, twin = world(), world()
    typed = ""
    for step in sequence:
        sent_before = len(bot.messenger.sent)
        if isinstance(step, Tick):
            for each in (bot, twin):
                each.clock.advance(timedelta(days=step.days))
                each.dispatcher.run_once()
            assert business_rows(bot.db, net_b) == business_rows(twin.db, net_b), (
                f"after {step}, B is not what it would be had nothing happened in A"
            )
            assert normalised_b_notices(bot.messenger.sent, net_b) == normalised_b_notices(
                twin.messenger.sent, net_b
            ), f"after {step}, B's members were told something A caused"
        elif isinstance(step, Suggest):
            b_before = network_rows(bot.db, net_b)
            asked = Invocation(A, f"Net {A}", user_id(step.actor), step.actor, step.command)
            offered = bot.app.suggest(asked, "number", step.typed)
            assert network_rows(bot.db, net_b) == b_before, f"{step} changed B"
            found = leaked(" ".join(label for label, _ in offered), typed)
            assert found == [], f"{step} offered B's {found}"
        else:
            typed += f"\n{step.command} {step.text}"
            b_before = network_rows(bot.db, net_b)
            queued = bot.db.last_id("outbox")
            reply = bot.run(step.actor, step.command, step.text, network=A)
            if bot.db.last_id("outbox") != queued:
                bot.dispatcher.run_once()
            assert network_rows(bot.db, net_b) == b_before, f"{step} changed B"
            found = leaked(shown(reply), typed, reply.error)
            assert found == [], f"{step} answered with B's {found}"
            assert foreign_rows(bot.db, net_a) == [], f"{step}: A points to B"
        members_of_a = a_recipients(bot, net_a)
        for notice in bot.messenger.sent[sent_before:]:
            if notice.network_id == net_b:
                continue  # checked against the twin
            assert notice.network_id == net_a and notice.network_key == A
            if notice.channel:
                assert notice.channel in A_CHANNELS, f"{step}: posted in #{notice.channel}"
            else:
                assert notice.external_id in members_of_a, f"{step}: told {notice.external_id}"
            found = leaked(shown(notice.reply), typed)
            assert found == [], f"{step}: {notice.name or notice.channel} was shown {found}"


def test_the_twin_networks_are_what_the_property_assumes() -> None:
    """B holds what the property looks for, and Zed is B's admin but a plain member of A."""
    bot = world()
    assert bot.member("Zed", network=B).is_admin
    assert not bot.member("Zed", network=A).is_admin
    assert bot.referral(1, network=B).contact == B_CONTACT
    card = bot.ok("Zed", "referral", "1", network=B)
    assert "€98,765" in shown(card) and "€9,876.50" in shown(card)
    assert bot.run("Zed", "referral", "1", network=A).error
    assert user_id("Bertrand") == "U-bertrand"


def test_a_same_named_client_and_profession_in_a_do_not_reach_b() -> None:
    """The deterministic core of the property: B's client name and B's candidate's trade, used
    in A, find nothing of B (no owner, no exclusivity holder)."""
    bot = world()
    exported = shown(bot.ok("Zed", "mydata", "export", network=A))
    assert [s for s in B_SECRETS if s in exported] == []  # Zed's B referrals are not in it
    referred = bot.ok("Zed", "refer", "@Arthur Zyzzyva Holdings | Alpha need", network=A)
    assert "Bertrand" not in shown(referred)
    proposed = bot.ok("Agnes", "candidate", "Anna Arc | falconer | none", network=A)
    assert B_CANDIDATE not in shown(proposed)
    assert bot.run("Alice", "report", "1", network=A).error  # B's report #1 is not A's


def test_the_checks_see_a_row_of_a_that_points_to_b_or_a_change_in_b() -> None:
    """The checks the property makes read every table: a reference across networks and a
    change to one of B's rows are both seen."""
    _, _, net_a, net_b = template()
    bot = world()
    assert foreign_rows(bot.db, net_a) == []
    before = network_rows(bot.db, net_b)
    bertrand = bot.member("Bertrand", network=B).id
    bot.db.execute(
        "UPDATE charter_acceptances SET member_id = :b WHERE id = "
        "(SELECT min(id) FROM charter_acceptances WHERE network_id = :a)",
        b=bertrand,
        a=net_a,
    )
    bot.db.execute("UPDATE candidate_votes SET ballot = ballot WHERE network_id = :b", b=net_b)
    assert foreign_rows(bot.db, net_a)[0].startswith("charter_acceptances #")
    assert network_rows(bot.db, net_b) == before
    bot.db.execute("UPDATE breach_events SET note = 'changed' WHERE network_id = :b", b=net_b)
    assert network_rows(bot.db, net_b) != before
