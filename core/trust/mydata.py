"""`/mydata`: my personal data, exported or erased (a pseudonym replaces me everywhere).

Erasure reaches every table the name was copied into (storage/erasure.py scans them all):
- my name and platform id become the pseudonym in every text: audit trail, referral needs,
  reports, candidates' previous networks, interview and visit notes, and the outbox rows still
  waiting for someone else (a pending notice quoting me goes out with the pseudonym);
- what I wrote about myself goes: the notes on my moves of referrals (a decline's reason) and
  my feedback comments become a placeholder (the scores stay, for the figures), and so does
  what was written about me as a candidate (interviews, visit, previous networks);
- what I wrote about others stays, under my pseudonym (a report still being handled, a
  candidate I sponsored, interview notes the vote rests on, a referral's need);
- the messages still waiting for me are cancelled; a sent row keeps no text
  (storage/outbox.py clears it once sent), so nothing sent earlier quotes me.
Erasing waits until no referral of mine is open: its other party would be left with nobody to
answer. The other party of a won referral whose commission is not yet paid is told.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from core.meetings.visitors import forget_hosted_by
from core.referrals.model import OPEN_STATUSES, Referral, Status
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
    old_name, old_id = me.display_name, me.external_id
    admins = sum(m.is_admin for m in ctx.uow.members.all(ctx.network.id))
    if args.confirm == "confirm" and me.is_admin and admins <= 1:
        raise InvalidValue("error.last_admin")
    mine = ctx.uow.referrals.for_member(ctx.network.id, me.id)
    _refuse_while_open(ctx, [r for r in mine if r.status in OPEN_STATUSES])
    if args.confirm != "confirm":
        return Reply(
            text=t("mydata.erase_ask"),
            actions=(
                Action(t("action.mydata_erase_confirm"), "mydata", "erase confirm", Style.DANGER),
            ),
        )
    network_id = ctx.network.id
    pseudonym = t("mydata.pseudonym", code=uuid.uuid4().hex[:6].upper())
    placeholder = t("mydata.words_erased")
    erasure = ctx.uow.erasure
    erasure.forget_words_of(network_id, me.id, placeholder)
    erasure.forget_candidacy_of(network_id, me.id, pseudonym, placeholder)
    erasure.cancel_messages_to(network_id, me.id)
    ctx.uow.meetings.forget_reasons_of(network_id, me.id, placeholder)
    forget_hosted_by(ctx, me.id)
    ctx.uow.members.erase(me, pseudonym)
    erasure.replace_everywhere(network_id, (old_name, old_id), pseudonym)
    ctx.uow.audit.add(AuditEntry(network_id, me.id, ctx.now, "erasure", pseudonym))
    for referral in mine:
        if referral.status is Status.WON:  # a commission still to be paid: both still care
            _tell_other_party(ctx, referral, pseudonym)
    return Reply(text=t("mydata.erased", pseudonym=pseudonym))


def _client(ctx: Context, referral: Referral) -> str:
    client = ctx.uow.clients.get(ctx.network.id, referral.client_id)
    return client.name if client else "?"


def _refuse_while_open(ctx: Context, open_referrals: list[Referral]) -> None:
    """Erasing is refused while the member is a party to an open referral, listing them."""
    if not open_referrals:
        return
    t = ctx.t
    me = ctx.actor.id
    lines = []
    for referral in sorted(open_referrals, key=lambda r: r.number):
        mine_given = referral.referrer_id == me
        lines.append(
            t(
                "mydata.open_line",
                number=referral.number,
                client=_client(ctx, referral),
                other=ctx.name(referral.receiver_id if mine_given else referral.referrer_id),
                status=t(f"status.{referral.status.value}"),
            )
        )
    raise InvalidValue("mydata.erase_open", referrals="\n".join(lines))


def _tell_other_party(ctx: Context, referral: Referral, pseudonym: str) -> None:
    me = ctx.actor.id
    other = referral.receiver_id if referral.referrer_id == me else referral.referrer_id
    if other == me:
        return
    ctx.notify(
        other,
        Reply(
            text=ctx.t(
                "mydata.party_erased",
                number=referral.number,
                client=_client(ctx, referral),
                pseudonym=pseudonym,
            )
        ),
    )


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

# What this module declares, in the order /help lists it; core/commands.py collects it.
COMMANDS = (MYDATA,)
