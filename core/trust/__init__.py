"""Trust: charter breach reports, and each member's rights over their data."""
