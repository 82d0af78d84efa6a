"""`/mydata`: my personal data, exported or erased (a pseudonym replaces me everywhere)."""

from __future__ import annotations

import uuid

from core.audit import AuditEntry
from core.errors import InvalidValue
from core.services.context import Context
from core.services.exports import my_data
from core.ui import Action, Reply, Style


def explain(ctx: Context, args: dict[str, str]) -> Reply:
    t = ctx.t
    return Reply(
        text=t("mydata.explain"),
        actions=(
            Action(t("action.mydata_export"), "mydata", "export"),
            Action(t("action.mydata_erase"), "mydata", "erase", Style.DANGER),
        ),
    )


def export(ctx: Context, args: dict[str, str]) -> Reply:
    return my_data(ctx, args)


def erase(ctx: Context, args: dict[str, str]) -> Reply:
    t = ctx.t
    me = ctx.actor
    if args.get("confirm") != "confirm":
        return Reply(
            text=t("mydata.erase_ask"),
            actions=(
                Action(t("action.mydata_erase_confirm"), "mydata", "erase confirm", Style.DANGER),
            ),
        )
    if me.is_admin and sum(m.is_admin for m in ctx.uow.members.all(ctx.network.id)) <= 1:
        raise InvalidValue("error.last_admin")
    pseudonym = t("mydata.pseudonym", code=uuid.uuid4().hex[:6].upper())
    ctx.uow.members.erase(me, pseudonym)
    ctx.uow.audit.add(AuditEntry(ctx.network.id, me.id, ctx.now, "erasure", pseudonym))
    return Reply(text=t("mydata.erased", pseudonym=pseudonym))
