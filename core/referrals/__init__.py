"""Referrals: passing a client, its lifecycle, follow-ups and feedback."""
