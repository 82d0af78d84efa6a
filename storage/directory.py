"""The directory repository: member profiles (columns of `members`) and their standing."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from core.directory.model import Profile, Standing
from core.referrals.model import Status
from storage.tables import FeedbackRow, MemberRow, ReferralRow
from storage.tenancy import present


class SqlDirectory:
    def __init__(self, session: Session) -> None:
        self.session = session

    def profiles(self, network_id: int, member_id: int | None = None) -> list[Profile]:
        query = (
            select(
                MemberRow.id,
                MemberRow.external_id,
                MemberRow.display_name,
                MemberRow.profession,
                MemberRow.keywords,
                MemberRow.pitch,
                MemberRow.joined_at,
            )
            .where(MemberRow.network_id == network_id)
            .order_by(MemberRow.id)
        )
        if member_id is not None:
            query = query.where(MemberRow.id == member_id)
        else:
            query = query.where(present())
        return [Profile(*row) for row in self.session.execute(query)]

    def standings(self, network_id: int, member_ids: Collection[int]) -> dict[int, Standing]:
        wanted = list(member_ids)
        if not wanted:
            return {}
        counted = self.session.execute(
            select(ReferralRow.referrer_id, func.count())
            .where(
                ReferralRow.network_id == network_id,
                ReferralRow.referrer_id.in_(wanted),
                ReferralRow.status != Status.CANCELLED.value,
            )
            .group_by(ReferralRow.referrer_id)
        )
        given = {int(member): int(count) for member, count in counted}
        quality = {
            member: (float(average), int(count))
            for member, average, count in self.session.execute(
                select(FeedbackRow.member_id, func.avg(FeedbackRow.score), func.count())
                .where(FeedbackRow.network_id == network_id, FeedbackRow.member_id.in_(wanted))
                .group_by(FeedbackRow.member_id)
            )
        }
        return {
            member: Standing(
                quality.get(member, (None, 0))[0],
                quality.get(member, (None, 0))[1],
                int(given.get(member, 0)),
            )
            for member in set(given) | set(quality)
        }

    def save(
        self, network_id: int, member_id: int, profession: str, keywords: str, pitch: str
    ) -> None:
        result = self.session.execute(
            update(MemberRow)
            .where(MemberRow.network_id == network_id, MemberRow.id == member_id)
            .values(profession=profession, keywords=keywords, pitch=pitch)
            .execution_options(synchronize_session="fetch")
        )
        if not getattr(result, "rowcount", 0):
            raise LookupError(f"no member {member_id} in network {network_id}")
