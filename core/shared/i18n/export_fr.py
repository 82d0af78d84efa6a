"""Français : les en-têtes et les noms de feuilles des fichiers du trésorier."""

MESSAGES: dict[str, str] = {
    "export.sheet.referrals": "Recommandations",
    "export.sheet.commissions": "Commissions",
    "export.column.number": "Numéro",
    "export.column.created_at": "Créée le",
    "export.column.referrer": "Recommandeur",
    "export.column.receiver": "Destinataire",
    "export.column.client": "Client",
    "export.column.status": "Statut",
    "export.column.estimated_value": "Valeur estimée HT",
    "export.column.closed_amount": "Montant conclu HT",
    "export.column.commission_due": "Commission due",
    "export.column.commission_paid": "Commission payée",
    "export.column.currency": "Devise",
    "export.column.charter_version": "Version de la charte",
    "export.column.won_at": "Gagnée le",
    "export.column.paid_at": "Payée le",
    "export.column.payee": "Bénéficiaire",
    "export.column.payer": "Payeur",
    "export.column.outstanding": "Reste dû",
}
