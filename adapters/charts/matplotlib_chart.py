"""Stats charts drawn with matplotlib's Agg canvas: headless, and no pyplot global state, so
threads serving different networks can draw at the same time.

matplotlib is imported at the first chart, not when the bot starts (it takes about a second,
which every `apport` start would otherwise pay).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from core.shared.charts_port import MonthlyChart, RenderedChart

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

REFERRALS_COLOUR = "#4C72B0"
BUSINESS_COLOUR = "#DD8452"
MULTIPLIED = 1_000_000  # from this tick on, matplotlib writes counts as multiples of "1e6"


def _thousands(value: float, _position: object) -> str:
    return f"{value:,.0f}".replace(",", "\u202f")  # a thin space reads in every language


class MatplotlibCharts:
    """Implements core's `ChartRenderer` port."""

    def __init__(self, width: float = 10.0, height: float = 5.5, dpi: int = 100) -> None:
        self.size = (width, height)
        self.dpi = dpi

    def monthly(self, chart: MonthlyChart) -> RenderedChart:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from PIL import Image

        figure, referrals = self.figure(chart)
        canvas = FigureCanvasAgg(figure)
        figure.canvas.draw()
        # The canvas is RGBA on an opaque background: the PNG is written as RGB (the same
        # pixels, a seventh smaller and quicker to compress than savefig's RGBA); light
        # compression halves the time for a few more kB.
        width, height = canvas.get_width_height()
        pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]  # backend_agg has no stubs
        image = Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, format="png", compress_level=1, dpi=(self.dpi, self.dpi))
        labels = tuple(label.get_text() for label in referrals.get_xticklabels())
        return RenderedChart(buffer.getvalue(), labels, width, height)

    def figure(self, chart: MonthlyChart) -> tuple[Figure, Axes]:
        """The chart's figure, not drawn yet, and its referrals axes (the months' axis)."""
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        figure = Figure(figsize=self.size, dpi=self.dpi)
        referrals = figure.add_subplot()
        positions = list(range(len(chart.months)))
        bars = referrals.bar(
            positions, chart.referrals, color=REFERRALS_COLOUR, label=chart.referrals_axis
        )
        referrals.set_xlabel(chart.month_axis)
        referrals.set_ylabel(chart.referrals_axis, color=REFERRALS_COLOUR)
        referrals.set_xticks(positions, list(chart.months), rotation=45, ha="right")
        referrals.yaxis.set_major_locator(MaxNLocator(integer=True))
        top = max([*chart.referrals, 1]) * 1.15
        referrals.set_ylim(bottom=0, top=top)
        if top < MULTIPLIED:
            # Where matplotlib would place it: nothing stands above the axes (the months are
            # below, and the counts' axis shows no multiplier under a million). Left to
            # itself, matplotlib measures every tick label of both y axes to find that out.
            referrals.set_title(chart.title, y=1.0)
        else:
            referrals.set_title(chart.title)  # above the "1e6" if it reaches it
        referrals.grid(axis="y", alpha=0.3)
        business = referrals.twinx()
        (line,) = business.plot(
            positions,
            [float(amount) for amount in chart.business],
            color=BUSINESS_COLOUR,
            marker="o",
            linewidth=2,
            label=chart.business_axis,
        )
        business.set_ylabel(chart.business_axis, color=BUSINESS_COLOUR)
        business.yaxis.set_major_formatter(FuncFormatter(_thousands))
        business.set_ylim(bottom=0, top=max([float(a) for a in chart.business] + [1.0]) * 1.15)
        referrals.legend(handles=[bars, line], loc="upper left", fontsize="small")
        # Fixed margins fit the rotated month labels and both axis titles (tight_layout would
        # measure every text first, a third of the drawing time).
        figure.subplots_adjust(left=0.07, right=0.88, top=0.92, bottom=0.2)
        return figure, referrals
