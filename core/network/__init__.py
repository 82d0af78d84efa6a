"""`/network`: settings, roles, the audit trail and the ledger export (admins)."""
