"""Exports: my data as JSON (`/mydata export`), the ledger as CSV and .xlsx (`/network export`)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from core.meetings.visitors import export_of as visitors_hosted
from core.referrals.model import Referral
from core.shared.audit import AuditEntry
from core.shared.context import Context
from core.shared.declare import NoArgs
from core.shared.ui import Attachment, Reply
from core.stats import ledger_files
from core.stats.services import referrals_csv


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _referral(ctx: Context, referral: Referral, mine: bool) -> dict[str, Any]:
    client = ctx.uow.clients.get(ctx.network.id, referral.client_id)
    data: dict[str, Any] = {
        "number": referral.number,
        "created_at": referral.created_at.isoformat(),
        "referrer": ctx.name(referral.referrer_id),
        "receiver": ctx.name(referral.receiver_id),
        "client": client.name if client else None,
        "need": referral.need,
        "status": referral.status.value,
        "estimated_value": _amount(referral.estimated_value),
        "closed_amount": _amount(referral.closed_amount),
        "commission_due": _amount(referral.commission_due),
        "commission_paid": _amount(referral.commission_paid),
        "currency": referral.currency,
    }
    if mine and referral.contact:
        data["client_contact"] = referral.contact
    return data


def my_data(ctx: Context, args: NoArgs) -> Reply:
    """Everything Apport holds about me, sent to me alone."""
    me = ctx.actor
    uow, net = ctx.uow, ctx.network.id
    referrals = uow.referrals.for_member(net, me.id)
    data: dict[str, Any] = {
        "network": ctx.network.name,
        "exported_at": ctx.now.isoformat(),
        "profile": {
            "name": me.display_name,
            "platform_id": me.external_id,
            "roles": sorted(r.value for r in me.roles),
            "joined_at": me.joined_at.isoformat() if me.joined_at else None,
            "profession": me.profession,
        },
        "referrals_given": [_referral(ctx, r, True) for r in referrals if r.referrer_id == me.id],
        "referrals_received": [
            _referral(ctx, r, True) for r in referrals if r.receiver_id == me.id
        ],
        "clients_owned": [
            {"name": c.name, "since": c.created_at.isoformat()}
            for c in uow.clients.owned_by(net, me.id)
        ],
        "feedback_given": [
            {"referral": n, "score": f.score, "comment": f.comment, "at": f.at.isoformat()}
            for n, f in uow.feedback.given_by(net, me.id)
        ],
        "feedback_received": [
            {"referral": n, "score": f.score, "comment": f.comment, "at": f.at.isoformat()}
            for n, f in uow.feedback.received_by(net, me.id)
        ],
        "charter_acceptances": [
            {"version": version, "at": at.isoformat()}
            for version, at in uow.charters.acceptances_of(net, me.id)
        ],
        "votes_cast": [
            {"candidate": number, "ballot": ballot, "at": at.isoformat()}
            for number, ballot, at in uow.candidates.votes_of(net, me.id)
        ],
        "meeting_marks": [
            {"meeting": at.isoformat(), "mark": a.mark.value, "reason": a.reason,
             "substitute": a.substitute_name}
            for at, a in uow.meetings.marks_of(net, me.id, datetime.min.replace(tzinfo=UTC))
        ],
        "visitors_hosted": visitors_hosted(ctx, me.id),
        "breach_reports_filed": [
            {
                "report": b.number,
                "kind": b.kind.value,
                "text": b.text,
                "at": b.created_at.isoformat(),
                "state": b.state.value,
            }
            for b in uow.breaches.filed_by(net, me.id)
        ],
    }
    content = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    uow.audit.add(AuditEntry(net, me.id, ctx.now, "export.mydata"))
    return Reply(
        text=ctx.t("mydata.exported"),
        files=(Attachment(f"apport-my-data-{ctx.now:%Y%m%d}.json", content, "application/json"),),
    )


def network_ledger(ctx: Context, args: NoArgs) -> Reply:
    """Every referral with its commission, for the treasurer (no client contacts): the same
    file as `/stats export`'s referrals, read in one query."""
    ctx.require_admin()
    t, network = ctx.t, ctx.network
    lines = ctx.uow.stats.ledger(network.id)
    content = referrals_csv(ctx, lines)
    sheet = ledger_files.referral_sheet(t, lines, network.currency)
    book = ledger_files.workbook(t, ZoneInfo(network.timezone), (sheet,))
    ctx.uow.audit.add(AuditEntry(network.id, ctx.actor.id, ctx.now, "export.ledger"))
    return Reply(
        text=t("network.exported"),
        files=(
            Attachment(f"apport-ledger-{ctx.now:%Y%m%d}.csv", content, ledger_files.CSV_MIME),
            Attachment(f"apport-ledger-{ctx.now:%Y%m%d}.xlsx", book, ledger_files.XLSX_MIME),
        ),
    )
