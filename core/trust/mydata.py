"""`/mydata`: my personal data, exported or erased (a pseudonym replaces me everywhere)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from core.shared.audit import AuditEntry
from core.shared.context import Context
from core.shared.declare import Command, NoArgs, Param, Verb
from core.shared.errors import InvalidValue
from core.shared.ui import Action, Reply, Style
from core.shared.ui import InputKind as K
from core.stats.exports import my_data


def explain(ctx: Context, args: NoArgs) -> Reply:
    t = ctx.t
    return Reply(
        text=t("mydata.explain"),
        actions=(
            Action(t("action.mydata_export"), "mydata", "export"),
            Action(t("action.mydata_erase"), "mydata", "erase", Style.DANGER),
        ),
    )


def export(ctx: Context, args: NoArgs) -> Reply:
    return my_data(ctx, args)


@dataclass(frozen=True)
class EraseArgs:
    confirm: str


def erase(ctx: Context, args: EraseArgs) -> Reply:
    t = ctx.t
    me = ctx.actor
    if args.confirm != "confirm":
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


MYDATA = Command(
    "mydata",
    (
        Verb("", handler=explain),
        Verb("export", handler=export),
        Verb(
            "erase",
            (Param("confirm", K.CHOICE, required=False, choices=("confirm",)),),
            handler=erase,
            args=EraseArgs,
        ),
    ),
)
