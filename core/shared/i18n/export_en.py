"""English: the headers and sheet names of the treasurer's files."""

MESSAGES: dict[str, str] = {
    "export.sheet.referrals": "Referrals",
    "export.sheet.commissions": "Commissions",
    "export.column.number": "number",
    "export.column.created_at": "created_at",
    "export.column.referrer": "referrer",
    "export.column.receiver": "receiver",
    "export.column.client": "client",
    "export.column.status": "status",
    "export.column.estimated_value": "estimated_value",
    "export.column.closed_amount": "closed_amount",
    "export.column.commission_due": "commission_due",
    "export.column.commission_paid": "commission_paid",
    "export.column.currency": "currency",
    "export.column.charter_version": "charter_version",
    "export.column.won_at": "won_at",
    "export.column.paid_at": "paid_at",
    "export.column.payee": "payee",
    "export.column.payer": "payer",
    "export.column.outstanding": "outstanding",
}
