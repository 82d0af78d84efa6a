"""One-to-ones, their private notes, pairing pauses, and the pairs the measures compare."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from core.meets.model import Meet, MeetState
from core.meets.pairing import Met, Pair
from core.referrals.model import Status
from storage.counters import take_next
from storage.inserts import insert_or_skip
from storage.locks import locked
from storage.tables import MeetNoteRow, MeetRow, NetworkRow, PairingPauseRow, ReferralRow


def _pair(a: int, b: int) -> Pair:
    return frozenset((int(a), int(b)))


class SqlMeets:
    def __init__(self, session: Session) -> None:
        self.session = session

    def next_number(self, network_id: int) -> int:
        return take_next(self.session, network_id, NetworkRow.next_meet_number)

    def add(self, meet: Meet) -> Meet:
        row = MeetRow(network_id=meet.network_id, number=meet.number, created_at=meet.created_at)
        self._fill(row, meet)
        row.proposer_id, row.partner_id = meet.proposer_id, meet.partner_id
        self.session.add(row)
        self.session.flush()
        meet.id = row.id
        return meet

    @staticmethod
    def _fill(row: MeetRow, meet: Meet) -> None:
        row.state = meet.state.value
        row.at = meet.at
        row.place = meet.place
        row.waiting_on = meet.waiting_on
        row.round = meet.round
        row.done_at = meet.done_at

    def _meet(self, row: MeetRow, notes: dict[int, str]) -> Meet:
        return Meet(
            row.id,
            row.network_id,
            row.number,
            row.proposer_id,
            row.partner_id,
            MeetState(row.state),
            row.created_at,
            row.at,
            row.place,
            row.waiting_on,
            row.round,
            row.done_at,
            notes,
        )

    def _notes(self, meet_ids: list[int], author: int | None = None) -> dict[int, dict[int, str]]:
        found: dict[int, dict[int, str]] = {}
        if not meet_ids:
            return found
        query = select(MeetNoteRow).where(MeetNoteRow.meet_id.in_(meet_ids))
        if author is not None:
            query = query.where(MeetNoteRow.member_id == author)
        for note in self.session.scalars(query):
            found.setdefault(note.meet_id, {})[note.member_id] = note.note
        return found

    def get(self, network_id: int, number: int) -> Meet | None:
        query = select(MeetRow).where(MeetRow.network_id == network_id, MeetRow.number == number)
        row = self.session.scalars(locked(query, MeetRow)).one_or_none()
        if row is None:
            return None
        return self._meet(row, self._notes([row.id]).get(row.id, {}))

    def update(self, meet: Meet) -> None:
        row = self.session.get_one(MeetRow, meet.id)
        self._fill(row, meet)
        kept = {
            n.member_id: n
            for n in self.session.scalars(select(MeetNoteRow).where(MeetNoteRow.meet_id == meet.id))
        }
        for author, text in meet.notes.items():
            if author in kept:
                kept[author].note = text
            else:
                self.session.add(
                    MeetNoteRow(
                        network_id=meet.network_id, meet_id=meet.id, member_id=author, note=text
                    )
                )
        self.session.flush()

    def _many(self, *where: object, author: int | None = None) -> list[Meet]:
        rows = list(
            self.session.scalars(
                select(MeetRow).where(*where).order_by(MeetRow.number.desc())  # type: ignore[arg-type]
            )
        )
        notes = self._notes([r.id for r in rows], author)
        return [self._meet(row, notes.get(row.id, {})) for row in rows]

    def of_member(self, network_id: int, member_id: int) -> list[Meet]:
        return self._many(
            MeetRow.network_id == network_id,
            or_(MeetRow.proposer_id == member_id, MeetRow.partner_id == member_id),
            author=member_id,
        )

    def open_between(self, network_id: int, a: int, b: int) -> Meet | None:
        open_states = [s.value for s in MeetState if s.open]
        found = self._many(
            MeetRow.network_id == network_id,
            MeetRow.state.in_(open_states),
            or_(
                (MeetRow.proposer_id == a) & (MeetRow.partner_id == b),
                (MeetRow.proposer_id == b) & (MeetRow.partner_id == a),
            ),
            author=-1,
        )
        return found[0] if found else None

    def history(self, network_id: int, since: datetime) -> list[Met]:
        rows = self.session.execute(
            select(MeetRow.proposer_id, MeetRow.partner_id, MeetRow.created_at).where(
                MeetRow.network_id == network_id, MeetRow.created_at >= since
            )
        )
        return [Met(int(a), int(b), at) for a, b, at in rows]

    def last_round(self, network_id: int) -> int:
        found = self.session.scalar(
            select(func.max(MeetRow.round)).where(MeetRow.network_id == network_id)
        )
        return int(found or 0)

    def of_round(self, network_id: int, round_number: int) -> list[Meet]:
        return self._many(
            MeetRow.network_id == network_id, MeetRow.round == round_number, author=-1
        )

    def paused(self, network_id: int, at: datetime) -> dict[int, datetime]:
        rows = self.session.execute(
            select(PairingPauseRow.member_id, PairingPauseRow.until).where(
                PairingPauseRow.network_id == network_id, PairingPauseRow.until > at
            )
        )
        return {int(member): until for member, until in rows}

    def pause(self, network_id: int, member_id: int, until: datetime | None) -> None:
        where = (PairingPauseRow.network_id == network_id, PairingPauseRow.member_id == member_id)
        if until is None:
            self.session.execute(delete(PairingPauseRow).where(*where))
            return
        row = self.session.scalars(locked(select(PairingPauseRow).where(*where), PairingPauseRow))
        found = row.one_or_none()
        if found is not None:
            found.until = until
        elif not insert_or_skip(
            self.session, PairingPauseRow(network_id=network_id, member_id=member_id, until=until)
        ):  # another command paused them first: this one's end wins
            self.session.scalars(select(PairingPauseRow).where(*where)).one().until = until
        self.session.flush()

    def met_pairs(self, network_id: int, before: datetime) -> set[Pair]:
        rows = self.session.execute(
            select(MeetRow.proposer_id, MeetRow.partner_id).where(
                MeetRow.network_id == network_id,
                MeetRow.state == MeetState.DONE.value,
                MeetRow.done_at < before,
            )
        )
        return {_pair(a, b) for a, b in rows}

    def referral_pairs(self, network_id: int, start: datetime, end: datetime) -> Counter[Pair]:
        rows = self.session.execute(
            select(ReferralRow.referrer_id, ReferralRow.receiver_id, func.count())
            .where(
                ReferralRow.network_id == network_id,
                ReferralRow.created_at >= start,
                ReferralRow.created_at < end,
                ReferralRow.status != Status.CANCELLED.value,
            )
            .group_by(ReferralRow.referrer_id, ReferralRow.receiver_id)
        )
        counted: Counter[Pair] = Counter()
        for referrer, receiver, count in rows:
            if referrer != receiver:
                counted[_pair(referrer, receiver)] += int(count)
        return counted

    def shared_clients(self, network_id: int) -> Counter[Pair]:
        involved: dict[int, set[int]] = {}
        rows = self.session.execute(
            select(ReferralRow.client_id, ReferralRow.referrer_id, ReferralRow.receiver_id).where(
                ReferralRow.network_id == network_id,
                ReferralRow.status != Status.CANCELLED.value,
            )
        )
        for client, referrer, receiver in rows:
            involved.setdefault(int(client), set()).update((int(referrer), int(receiver)))
        counted: Counter[Pair] = Counter()
        for members in involved.values():
            ordered = sorted(members)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    counted[_pair(a, b)] += 1
        return counted
