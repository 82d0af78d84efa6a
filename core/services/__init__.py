"""The service layer: one small function per thing a member can do."""
