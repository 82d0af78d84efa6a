"""`/network audit`: recent role, setting and charter changes, exports and erasures."""

from __future__ import annotations

from core.shared.context import Context
from core.shared.declare import NoArgs
from core.shared.ui import Reply

SHOWN = 50


def audit(ctx: Context, args: NoArgs) -> Reply:
    ctx.require_admin()
    t = ctx.t
    entries = ctx.uow.audit.recent(ctx.network.id, SHOWN)
    if not entries:
        return Reply(text=t("audit.none"))
    lines = tuple(
        t(
            "audit.line_detail" if e.detail else "audit.line",
            at=ctx.moment(e.at),
            who=ctx.name(e.actor_id) if e.actor_id else "Apport",
            what=t(f"audit.{e.what}"),
            detail=e.detail,
        )
        for e in entries
    )
    return Reply(title=t("audit.title"), lines=lines)
