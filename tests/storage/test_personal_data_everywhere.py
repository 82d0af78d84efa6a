"""Personal data gone from every table it was copied into: after `/mydata erase confirm` no text
of any table holds the erased name, and after the contact retention period none holds the
client's contact (outbox included). The tables and their text columns are read from the schema,
so a table added later is searched too. Runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import JSON, Engine, String, select

from storage.database import unit_of_work_factory
from storage.tables import Base
from tests.driver import Bot, user_id

NAME = "Zebulon"
CONTACTS = ("jane@acme.fr", "+33 6 12 34 56 78", "ops@initech.fr", "+33 6 98 76 54 32")


class _On:
    """The database the bot runs on: the `engine` fixture's (SQLite copy or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.uow_factory = unit_of_work_factory(engine)


@pytest.fixture
def bot(engine: Engine) -> Iterator[Bot]:
    yield Bot(db=_On(engine))  # type: ignore[arg-type]


def found(engine: Engine, needle: str) -> list[str]:
    """`table.column #id` of every text (JSON included) holding `needle`, case ignored."""
    wanted = needle.lower()
    hits = []
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | JSON)]
            if not columns:
                continue
            key = next(iter(table.primary_key.columns))
            for row in connection.execute(select(key, *columns)):
                for column, value in zip(columns, row[1:], strict=True):
                    text = (
                        value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                    )
                    if wanted in text.lower():
                        hits.append(f"{table.name}.{column.name} #{row[0]}")
    return hits


def history(bot: Bot) -> None:
    """A club's life with Zebulon in it: referrals offered, declined with a note, won, paid,
    feedback with a comment, a report, a candidate sponsored, roles granted, cards posted."""
    bot.ok("Alice", "charter", "commission 10%")
    bot.join("Alice", NAME, "Carol", "Dave")
    bot.ok("Alice", "network", "set announcements-channel general")
    bot.ok("Alice", "network", "set recruiters-channel recruiters")
    for name in (NAME, "Carol", "Dave"):
        bot.ok("Alice", "network", f"role @{name} experienced")
    bot.ok("Alice", "refer", f"@{NAME} Acme | audit | 1000 | 3 | jane@acme.fr, +33 6 12 34 56 78")
    bot.ok(NAME, "referral", f"1 decline {NAME} is swamped this month")
    bot.ok(
        NAME, "refer", f"@Carol Initech | payroll for {NAME}'s cousin | 2000 | 2 | ops@initech.fr"
    )
    bot.ok("Carol", "referral", "2 accept")
    bot.ok("Carol", "referral", "2 won 3000")
    bot.ok(NAME, "feedback", f"2 4 Carol was great, says {NAME}")
    bot.ok(NAME, "referral", "2 paid")
    bot.ok("Carol", "refer", f"@{NAME} Umbrella | security | 500 | 3 | +33 6 98 76 54 32")
    bot.ok(NAME, "referral", "3 accept")
    bot.ok(NAME, "report", f"@Dave poaching | {NAME} saw Dave call my client")
    bot.ok(NAME, "candidate", f"Yolanda Quist | falconer | Left {NAME}'s old BNI chapter")
    for interviewer in ("Carol", "Dave"):
        bot.run(interviewer, "candidate", f"1 report admit | {NAME} vouches for her")


def test_the_erased_name_and_expired_contacts_are_in_no_table(bot: Bot, engine: Engine) -> None:
    history(bot)
    before = found(engine, NAME)
    for place in ("audit_log.detail", "referral_events.note", "feedback.comment", "breach_reports"):
        assert any(hit.startswith(place) for hit in before), (place, before)
    assert any(hit.startswith("candidates.previous_networks") for hit in before), before

    # An open referral first: the erasure lists it and says what to do; nothing changes.
    refused = bot.run(NAME, "mydata", "erase confirm")
    assert refused.error
    assert "#3 Umbrella, with Carol (accepted)" in refused.text
    assert "/referral N decline, won or lost" in refused.text
    assert found(engine, NAME) == before
    bot.ok(NAME, "referral", "3 won 800")
    bot.messenger.clear()

    done = bot.ok(NAME, "mydata", "erase confirm")
    pseudonym = done.text.removeprefix("Done: you now appear as ").split(" everywhere")[0]
    assert found(engine, NAME) == []
    assert found(engine, user_id(NAME)) == []
    assert found(engine, pseudonym)  # the records stay, under the pseudonym
    (told,) = bot.messenger.texts_to(user_id("Carol"))
    assert told.startswith("Referral #3 (Umbrella): the other party erased their personal data")
    assert pseudonym in told
    audit = bot.ok("Alice", "network", "audit")
    assert any(f"{pseudonym}: experienced" in line for line in audit.lines), audit.lines

    # Erased members are no longer members: the directory and the count leave them out.
    members = bot.ok("Alice", "members")
    assert pseudonym not in shown(members) and "Carol" in shown(members)
    network = bot.ok("Alice", "network")
    assert {f.label: f.value for f in network.fields}["Members"] == "3"

    for contact in CONTACTS:
        assert found(engine, contact), contact  # kept while the retention period runs
    bot.clock.advance(timedelta(days=25 * 31))
    bot.dispatcher.run_once()
    for contact in CONTACTS:
        assert found(engine, contact) == [], contact


def test_lowering_the_retention_reaches_referrals_already_closed(bot: Bot, engine: Engine) -> None:
    bot.ok("Alice", "charter", "commission 10%")
    bot.join("Alice", "Bob", "Carol")
    bot.ok("Alice", "refer", "@Carol Acme | audit | 1000 | 3 | jane@acme.fr")
    bot.ok("Carol", "referral", "1 accept")
    bot.ok("Carol", "referral", "1 won 2000")
    bot.ok("Alice", "refer", "@Bob Initech | payroll | 1000 | 3 | ops@initech.fr")  # still open
    bot.clock.advance(timedelta(days=70))
    assert found(engine, "jane@acme.fr")
    bot.ok("Alice", "network", "set contact-retention-months 3")
    assert found(engine, "jane@acme.fr")  # due three months after closing: not yet
    bot.clock.advance(timedelta(days=25))
    bot.dispatcher.run_once()
    assert found(engine, "jane@acme.fr") == []
    assert bot.referral(1).contact == ""
    assert bot.referral(2).contact == "ops@initech.fr"  # open: kept
    bot.ok("Alice", "network", "set contact-retention-months 1")  # nothing left to move
    assert bot.referral(2).contact == "ops@initech.fr"


def shown(reply: Any) -> str:
    parts = [reply.text, reply.title, reply.footer, *reply.lines]
    parts += [f"{f.label}: {f.value}" for f in reply.fields]
    return "\n".join(parts)


def test_a_pending_notice_quoting_a_name_keeps_going_under_the_pseudonym(engine: Engine) -> None:
    """Accents (escaped in JSON), another case, whole words only; identifiers left alone."""
    from core.shared.outbox import OutboxItem
    from core.shared.tenancy import Member

    factory = unit_of_work_factory(engine)
    start = datetime(2025, 3, 1, tzinfo=UTC)
    with factory() as uow:
        network = uow.networks.add("T9", "Net", "fr", start)
        alice = uow.members.add(Member(0, network.id, "U-alice", "Alice", joined_at=start))
        item = OutboxItem(
            network.id,
            "notice",
            start + timedelta(days=1),
            {"reply": {"text": "ZOÉ Müller vous recommande ; Zoé Müllerova aussi"}},
            member_id=alice.id,
            key="Zoé Müller",
        )
        uow.outbox.add(item)
        changed = uow.erasure.replace_everywhere(network.id, ["Zoé Müller"], "Ancien membre X")
        uow.commit()
    assert changed == 1
    with factory() as uow:
        (pending,) = uow.outbox.pending(network.id)
    assert pending.payload == {
        "reply": {"text": "Ancien membre X vous recommande ; Zoé Müllerova aussi"}
    }
    assert pending.key == "Zoé Müller"  # an identifier, never prose
