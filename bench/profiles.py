"""How big each section runs: the full suite, `--quick` (under two minutes), and `tiny` (the
smoke test: seconds, for checking that the suite works, not for its figures).

`--quick` keeps the full network sizes but shortens the console session and the outbox: on a
2-core machine a console command costs tens of milliseconds, so 2,000 lines alone would take
the whole two minutes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str
    members: int  # the latency network (and the stats network's members)
    referrals: int  # referrals in the latency network
    requests: int  # timed /refer requests, to Apport and to the bare Bolt app each
    warmup: int  # untimed requests before them
    console_lines: int
    dispatch_rows: int
    stats_referrals: int
    runs: int  # timed runs of the short measurements (stats, start-up), medians kept


FULL = Profile("full", 2_000, 100_000, 300, 30, 10_000, 10_000, 1_000_000, 9)
QUICK = Profile("quick", 2_000, 100_000, 100, 10, 500, 500, 100_000, 5)
TINY = Profile("tiny", 20, 200, 4, 2, 30, 40, 200, 2)
PROFILES = {profile.name: profile for profile in (FULL, QUICK, TINY)}
