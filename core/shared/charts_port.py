"""The chart renderer port: core says what to draw, an adapter draws it (matplotlib, headless).

Core never imports a plotting library; the composition root hands a renderer to `Apport` and
to the dispatcher (for the monthly digest). Without one, replies simply carry no chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True)
class MonthlyChart:
    """Referrals (bars, left axis) and closed business (line, right axis) per month."""

    title: str
    months: tuple[str, ...]  # one label per month, oldest first
    referrals: tuple[int, ...]
    business: tuple[Decimal, ...]
    month_axis: str  # axis titles, already in the network's language
    referrals_axis: str
    business_axis: str  # names the currency


@dataclass(frozen=True)
class RenderedChart:
    png: bytes
    months: tuple[str, ...]  # the month labels drawn on the axis, read back from it
    width: int  # pixels
    height: int


class ChartRenderer(Protocol):
    def monthly(self, chart: MonthlyChart) -> RenderedChart: ...
