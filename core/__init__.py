"""Apport's platform-neutral domain: no I/O, no platform, ORM or scheduler imports."""
