"""A visitor proposed as a candidate: the candidacy is tied to the visit, which keeps the
visitor's contact (the recruitment file holds it now) and counts them in the figures."""

from __future__ import annotations

from core.recruitment.model import Candidate, profession_key
from core.shared.context import Context
from core.shared.text import fold


def tie_candidate(ctx: Context, candidate: Candidate) -> None:
    """The sponsor's visitor of that name and profession, not yet proposed, is this candidate."""
    for visitor in ctx.uow.visitors.hosted_by(ctx.network.id, candidate.sponsor_id):
        if (
            visitor.candidate_number is None
            and not visitor.erased
            and fold(visitor.name) == fold(candidate.name)
            and profession_key(visitor.profession) == profession_key(candidate.profession)
        ):
            visitor.candidate_number = candidate.number
            visitor.came = True
            ctx.uow.visitors.update(visitor)
            return
