"""The `/stats` chart drawn while the figures are read, and the matplotlib renderer's PNG."""

from __future__ import annotations

import io
import logging
import threading
from datetime import timedelta
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from adapters.charts.matplotlib_chart import MatplotlibCharts
from core.shared.charts_port import MonthlyChart, RenderedChart
from core.stats.model import Figures
from storage.stats import SqlStats
from tests.driver import Bot

WAIT = 10.0  # seconds; only ever reached when the drawing and the figures do not overlap


class Overlap:
    """A renderer and a stats repository that each wait for the other to have started: both
    only finish when the chart is drawn while the figures are read."""

    def __init__(self) -> None:
        self.renderer = MatplotlibCharts()
        self.drawing = threading.Event()
        self.reading = threading.Event()
        self.drawn_on: list[int] = []
        self.figures_saw_drawing: list[bool] = []
        self.drawing_saw_figures: list[bool] = []

    def monthly(self, chart: MonthlyChart) -> RenderedChart:
        self.drawn_on.append(threading.get_ident())
        self.drawing.set()
        self.drawing_saw_figures.append(self.reading.wait(WAIT))
        return self.renderer.monthly(chart)

    def patch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        original = SqlStats.figures

        def figures(stats: SqlStats, *args: Any, **kwargs: Any) -> Figures:
            self.reading.set()
            self.figures_saw_drawing.append(self.drawing.wait(WAIT))
            return original(stats, *args, **kwargs)

        monkeypatch.setattr(SqlStats, "figures", figures)


@pytest.fixture
def bot() -> Bot:
    bot = Bot()
    bot.ok("Alice", "charter", "commission 10%")
    bot.join("Alice", "Bob", "Carol")
    bot.ok("Bob", "refer", "@Carol Acme | bookkeeping")
    bot.clock.advance(timedelta(days=1))
    bot.ok("Carol", "referral", "1 accept")
    bot.ok("Carol", "referral", "1 won 10 000")
    return bot


@pytest.mark.parametrize("text", ["", "me"], ids=["stats", "stats me"])
def test_the_chart_is_drawn_while_the_figures_are_read(
    bot: Bot, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    overlap = Overlap()
    overlap.patch(monkeypatch)
    bot.app.charts = overlap
    reply = bot.ok("Bob", "stats", text)
    assert overlap.figures_saw_drawing == [True]
    assert overlap.drawing_saw_figures == [True]
    assert overlap.drawn_on != [threading.get_ident()]  # on a thread of its own
    (chart,) = reply.files
    assert Image.open(io.BytesIO(chart.content)).size == (1000, 550)
    assert [f.value for f in reply.fields][:1] == ["1"]  # referrals given, read meanwhile


class Broken:
    def monthly(self, chart: MonthlyChart) -> RenderedChart:
        raise RuntimeError("no fonts today")


def test_a_renderer_failing_on_its_thread_costs_the_chart_only(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    bot.app.charts = Broken()
    with caplog.at_level(logging.ERROR):
        reply = bot.ok("Bob", "stats", "me")
    assert reply.files == ()
    assert reply.fields[0].value == "1"
    assert "drawing the stats chart failed" in caplog.text


def test_without_a_renderer_nothing_is_drawn_on_a_thread(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    submitted: list[object] = []
    monkeypatch.setattr(bot.app.drawing, "submit", lambda *args: submitted.append(args))
    assert bot.ok("Bob", "stats").files == ()
    assert bot.ok("Bob", "stats", "me").files == ()
    assert submitted == []


def _chart(referrals: tuple[int, ...], title: str = "Referrals and business") -> MonthlyChart:
    months = tuple(f"{m} 2025" for m in ("Jan", "Feb", "Mar")[: len(referrals)])
    return MonthlyChart(
        title=title,
        months=months,
        referrals=referrals,
        business=tuple(Decimal(1_000 * n) for n in referrals),
        month_axis="Month",
        referrals_axis="Referrals given",
        business_axis="Business closed (EUR)",
    )


def test_the_png_holds_the_pixels_matplotlib_draws_as_rgb() -> None:
    renderer = MatplotlibCharts()
    chart = _chart((12, 30, 7))
    drawn = renderer.monthly(chart)
    image = Image.open(io.BytesIO(drawn.png))
    assert (image.format, image.mode, image.size) == ("PNG", "RGB", (1000, 550))
    assert (drawn.width, drawn.height, drawn.months) == (1000, 550, chart.months)
    assert round(image.info["dpi"][0]) == 100
    figure, _ = renderer.figure(chart)
    saved = io.BytesIO()
    figure.savefig(saved, format="png")  # matplotlib's own RGBA file of the same figure
    reference = np.asarray(Image.open(saved).convert("RGB"))
    assert np.array_equal(np.asarray(image), reference)


@pytest.mark.parametrize(
    "referrals",
    [(12, 30, 7), (900_000, 2_000_000)],
    ids=["counts", "past a million: the axis shows 1e6"],
)
def test_the_title_stands_above_everything_drawn_over_the_axes(
    referrals: tuple[int, ...],
) -> None:
    chart = _chart(referrals, title="Referrals and business closed, " + "A long name " * 6)
    figure, axes = MatplotlibCharts().figure(chart)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    title = axes.title.get_window_extent(renderer)
    assert title.ymin >= axes.bbox.ymax
    for twin in figure.axes:
        offset = twin.yaxis.offsetText
        if offset.get_visible() and offset.get_text():
            assert not title.overlaps(offset.get_window_extent(renderer))
