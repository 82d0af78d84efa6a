"""A referral's card on a real database: where each party's copy is, kept with the mark of its
row; a change waits for the card's earlier change, so two dispatchers never post it twice."""

from __future__ import annotations

import itertools
import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select

from core.app import Apport, FirstAdmin, Invocation
from core.dispatcher import Dispatcher
from core.shared.ui import Notice
from storage.database import unit_of_work_factory
from storage.tables import CardRow

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.at = START

    def now(self) -> datetime:
        return self.at


class Platform:
    """Posts get a reference; a card's later changes edit the message it names."""

    def __init__(self) -> None:
        self.posted: list[tuple[str, Notice]] = []
        self.edited: list[str] = []
        self.refs = (f"D1:{n}" for n in itertools.count(1))
        self.lock = threading.Lock()

    def send(self, notice: Notice) -> str:
        with self.lock:
            if notice.card is not None and notice.card.ref:
                self.edited.append(notice.card.ref)
                return notice.card.ref
            ref = next(self.refs)
            self.posted.append((ref, notice))
            return ref

    def cards_to(self, name: str) -> list[str]:
        return [ref for ref, n in self.posted if n.name == name and n.card is not None]


def _say(app: Apport, who: str, line: str) -> None:
    command, _, text = line.removeprefix("/").partition(" ")
    reply = app.handle(Invocation("team", "Team", who, who, command, text))
    assert not reply.error, reply.text


def _network(engine: Engine, clock: Clock) -> Apport:
    app = Apport(unit_of_work_factory(engine), clock, first_admin=FirstAdmin.FIRST_MEMBER)
    for who in ("alice", "bob"):
        _say(app, who, "/charter accept")
    return app


def test_each_party_has_one_card_and_its_place_is_stored(engine: Engine) -> None:
    clock = Clock()
    app = _network(engine, clock)
    platform = Platform()
    dispatcher = Dispatcher(unit_of_work_factory(engine), platform, clock.now, "w")
    _say(app, "alice", "/refer @bob Acme Corp | bookkeeping")
    dispatcher.run_once()
    for line in ("/referral 1 accept", "/referral 1 contacted"):
        _say(app, "bob", line)
        dispatcher.run_once()

    assert len(platform.cards_to("bob")) == 1 and len(platform.cards_to("alice")) == 1
    assert sorted(set(platform.edited)) == sorted(
        platform.cards_to("bob") + platform.cards_to("alice")
    )
    with engine.connect() as connection:
        stored = connection.execute(select(CardRow.card, CardRow.ref)).all()
    assert sorted(ref for _, ref in stored) == sorted(set(platform.edited))
    assert {card for card, _ in stored} == {"referral:1"}


def test_a_change_waits_for_the_cards_first_post_held_by_another_dispatcher(
    engine: Engine,
) -> None:
    clock = Clock()
    app = _network(engine, clock)
    _say(app, "alice", "/refer @bob Acme Corp | bookkeeping")
    _say(app, "alice", "/referral 1 cancel")  # bob's card, then its change, both waiting
    uows = unit_of_work_factory(engine)
    slow = Dispatcher(uows, Platform(), clock.now, "slow")
    with uows() as uow:  # another dispatcher holds bob's first post, not sent yet
        slow._renew(uow, clock.now())
        first, *others = uow.outbox.claim(clock.now(), "slow", 10)
        for item in others:  # it keeps only bob's first post
            uow.outbox.retry(item.id, clock.now(), "", 0)
        uow.commit()
    assert first.payload["line"] == "alice passes you a new referral, #1: Acme Corp."

    platform = Platform()
    fast = Dispatcher(uows, platform, clock.now, "fast")
    report = fast.run_once()
    assert platform.cards_to("bob") == [], "the change did not post a second card"
    assert report.retried == 1 and report.sent == 2  # alice's copy is posted, then updated

    slow._holding = True  # its run ends: what it held goes back, in doubt
    clock.at += timedelta(seconds=31)
    fast.run_once()
    [card] = platform.cards_to("bob")
    assert platform.edited.count(card) == 1, "the change updated the one card"
