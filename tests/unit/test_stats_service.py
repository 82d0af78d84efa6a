"""`/stats`, `/stats me`, `/stats activity`, `/stats export`, the chart and the monthly digest,
through the facade on SQLite (tests/storage/test_stats_sql.py holds the stats repository to
direct SQL)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image

from adapters.charts.matplotlib_chart import MatplotlibCharts
from core.shared.charts_port import MonthlyChart, RenderedChart
from core.shared.outbox import OutboxState
from core.shared.ui import Reply
from core.stats import digest
from tests.driver import Bot

PNG = b"\x89PNG\r\n\x1a\n"


@dataclass
class Recorder:
    """The matplotlib renderer, remembering what it was asked to draw and what it drew."""

    drawn: list[tuple[MonthlyChart, RenderedChart]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.renderer = MatplotlibCharts()

    def monthly(self, chart: MonthlyChart) -> RenderedChart:
        rendered = self.renderer.monthly(chart)
        self.drawn.append((chart, rendered))
        return rendered


class Broken:
    def monthly(self, chart: MonthlyChart) -> RenderedChart:
        raise RuntimeError("no fonts today")


def values(reply: Reply) -> dict[str, str]:
    return {f.label: f.value for f in reply.fields}


def later(bot: Bot, days: float) -> None:
    bot.clock.advance(timedelta(days=days))


@pytest.fixture
def bot() -> Bot:
    """March 2025 in network T1 (created Saturday March 1st, 10:00 in Paris):

    #1 Bob -> Carol: accepted, contacted 2 days after, won 10 000 (commission 10%), paid.
    #2 Carol -> Bob: declined.        #3 Dave -> Carol: accepted, lost 4 days after.
    #4 Bob -> Dave: still offered.    Feedback: Bob gave 5 on #1, Dave gave 3 on #3.
    """
    bot = Bot()
    bot.ok("Alice", "charter", "commission 10%")
    bot.join("Alice", "Bob", "Carol", "Dave")
    bot.ok("Bob", "refer", "@Carol Acme | bookkeeping")
    later(bot, 1)
    bot.ok("Carol", "referral", "1 accept")
    bot.ok("Carol", "refer", "@Bob Initech | audit")
    bot.ok("Dave", "refer", "@Carol Globex | payroll")
    later(bot, 1)
    bot.ok("Carol", "referral", "1 contacted")
    bot.ok("Bob", "referral", "2 decline")
    bot.ok("Carol", "referral", "3 accept")
    later(bot, 4)
    bot.ok("Carol", "referral", "1 won 10 000")
    bot.ok("Carol", "referral", "3 lost")
    bot.ok("Bob", "refer", "@Dave Umbrella | plumbing")
    later(bot, 2)
    bot.ok("Bob", "referral", "1 paid")
    bot.ok("Bob", "feedback", "1 5")
    bot.ok("Dave", "feedback", "3 3")
    bot.messenger.clear()
    return bot


def test_the_network_figures_for_the_month(bot: Bot) -> None:
    reply = bot.ok("Bob", "stats")
    assert reply.title == "Net T1: March 2025 so far"
    assert values(reply) == {
        "Referrals given": "4",
        "Accepted": "2",
        "Won / lost": "1 / 1",
        "Business closed (before tax)": "€10,000",
        "Commissions due / paid": "€1,000 / €1,000",
        "Conversion": "50% won (1 of 2 decided referrals)",
        # #1 first contacted 2 days after, #3 reached (lost) 5 days after: median 3.5.
        "Days to first contact (median)": "3.5 days (over 2 referrals)",
        "Average feedback": "4.0/5 (2 scores)",
        "Most generous members": "Bob (2), Carol (1), Dave (1)",
    }
    assert reply.footer == "/stats quarter or /stats year for longer; /stats me for yours."
    assert reply.files == ()  # no renderer wired


def test_quarter_and_year_take_the_longer_period(bot: Bot) -> None:
    later(bot, 40)  # April
    assert values(bot.ok("Bob", "stats"))["Referrals given"] == "0"
    quarter = bot.ok("Bob", "stats", "quarter")
    assert quarter.title == "Net T1: Q2 2025 so far"
    assert values(quarter)["Referrals given"] == "0"
    year = bot.ok("Bob", "stats", "year")
    assert year.title == "Net T1: 2025 so far"
    assert values(year)["Referrals given"] == "4"


def test_my_figures(bot: Bot) -> None:
    reply = bot.ok("Carol", "stats", "me")
    assert reply.title == "Carol: March 2025 so far"
    figures = values(reply)
    light = figures.pop("Activity light (six months)")
    # With whom Carol exchanges, all time; Dave gave her #3 and got nothing back yet.
    assert figures.pop("Who I exchange with (all time)") == (
        "Bob: given 1 (business closed €0); received 1 (business closed €10,000)\n"
        "Dave: given 0 (business closed €0); received 1 (business closed €0)"
    )
    assert figures.pop("Give first: they gave me referrals I never returned") == (
        "Dave, who gave me 1: no current ask (see their profile with /members)"
    )
    engagement = figures.pop("Engagement over 6 months")
    assert engagement == (
        "⚪ grey (new): attendance: no meeting held yet, referrals 1 per month (goal 1) ✓, "
        "visitors 0 (goal 1 per quarter) ✗, quality 4/5 (goal 4) ✓"
    )
    assert figures == {
        "Referrals given": "1",
        "Referrals received": "2",
        "Accepted": "2",
        "Won / lost": "1 / 1",
        "Business I closed (before tax)": "€10,000",
        "Commissions I owe: due / paid": "€1,000 / €1,000",
        "Commissions owed to me: due / paid": "€0 / €0",
        "Conversion": "50% won (1 of 2 decided referrals)",
        "Days to first contact (median)": "3.5 days (over 2 referrals)",
        "Feedback received": "4.0/5 (2 scores)",
    }
    # Joined this month: one referral is what is expected of her; she answered both received.
    assert light == (
        "🟢 green: referrals given 1 (1 expected), received referrals answered 2/2, feedback "
        "given when asked 0/0, feedback received 4.0"
    )
    assert "The light weighs the last six months" in reply.footer
    earned = values(bot.ok("Bob", "stats", "me"))["Commissions owed to me: due / paid"]
    assert earned == "€1,000 / €1,000"


def test_the_activity_lights_admins_see_everyone_members_themselves(bot: Bot) -> None:
    everyone = bot.ok("Alice", "stats", "activity")
    assert everyone.title == "Net T1: activity over six months"
    lights, engagement = everyone.lines[:4], everyone.lines[4:]
    assert [line.split(":")[0] for line in lights] == ["Alice", "Bob", "Carol", "Dave"]
    assert everyone.lines[0].startswith("Alice: 🔴 red: referrals given 0 (1 expected)")
    assert engagement[0] == "Engagement over 6 months"
    assert [line.split(":")[0] for line in engagement[1:]] == ["Alice", "Bob", "Carol", "Dave"]
    assert everyone.footer.startswith("3 green, 0 amber, 1 red")
    mine = bot.ok("Dave", "stats", "activity")
    assert mine.title == "Dave: activity over six months"
    assert mine.text.startswith("🟢 green: referrals given 1 (1 expected)")
    assert not mine.lines


def test_feedback_asked_and_not_given_turns_the_light(bot: Bot) -> None:
    later(bot, 30)  # #4, offered to Dave, is still unanswered
    bot.ok("Dave", "referral", "4 accept")
    later(bot, 15)  # Bob was asked about #4 and did not answer
    line = bot.ok("Bob", "stats", "activity").text
    assert "feedback given when asked 1/2" in line


def test_the_chart_is_a_png_of_the_months_so_far(bot: Bot) -> None:
    recorder = Recorder()
    bot.app.charts = recorder
    reply = bot.ok("Bob", "stats")
    (file,) = reply.files
    assert (file.filename, file.mime) == ("apport-stats-network-2025-03.png", "image/png")
    assert file.content.startswith(PNG)
    assert Image.open(io.BytesIO(file.content)).size == (1000, 550)
    spec, drawn = recorder.drawn[-1]
    assert drawn.png == file.content
    # The network began in March: one month so far, then three in May.
    assert drawn.months == ("Mar 2025",)
    assert (spec.referrals, spec.business) == ((4,), (10_000,))
    assert spec.title == "Referrals and business closed, Net T1 (2025-03 to 2025-03)"
    assert spec.business_axis == "Business closed (EUR, before tax)"
    later(bot, 70)
    bot.ok("Carol", "refer", "@Dave Hooli | leak")
    (file,) = bot.ok("Bob", "stats").files
    spec, drawn = recorder.drawn[-1]
    assert drawn.months == ("Mar 2025", "Apr 2025", "May 2025")
    assert spec.referrals == (4, 0, 1)
    assert Image.open(io.BytesIO(file.content)).format == "PNG"


def test_my_chart_and_a_french_one(bot: Bot) -> None:
    recorder = Recorder()
    bot.app.charts = recorder
    bot.ok("Carol", "stats", "me")
    spec, _ = recorder.drawn[-1]
    assert (spec.referrals, spec.business) == ((1,), (10_000,))  # given by her, closed by her
    bot.ok("Alice", "network", "set locale fr")
    bot.ok("Bob", "stats")
    spec, drawn = recorder.drawn[-1]
    assert drawn.months == ("mars 2025",)
    assert spec.business_axis == "Affaires conclues (EUR, HT)"
    assert spec.month_axis == "Mois"


def test_a_broken_renderer_costs_the_chart_not_the_figures(bot: Bot) -> None:
    bot.app.charts = Broken()
    reply = bot.ok("Bob", "stats")
    assert reply.files == () and values(reply)["Referrals given"] == "4"


def _csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_export_gives_the_treasurer_two_csv_files(bot: Bot) -> None:
    bot.ok("Dave", "refer", "@Bob =HYPERLINK(evil) | website")
    assert bot.refused("Bob", "stats", "export").text == "Only network admins can do that."
    reply = bot.ok("Alice", "stats", "export")
    assert reply.text.endswith("Referrals: 5; commission lines: 1.")
    referrals, commissions, _workbook = reply.files
    assert referrals.filename == "apport-referrals-20250309.csv"
    assert referrals.mime == "text/csv" and referrals.content.startswith(b"\xef\xbb\xbf")
    rows = _csv(referrals.content)
    assert rows[0][:6] == ["number", "created_at", "referrer", "receiver", "client", "status"]
    assert rows[1] == [
        "1",
        "2025-03-01T10:00+01:00",
        "Bob",
        "Carol",
        "Acme",
        "paid",
        "",
        "10000.00",
        "1000.00",
        "1000.00",
        "EUR",
        "2",
        "2025-03-07T10:00+01:00",
        "2025-03-09T10:00+01:00",
    ]
    assert rows[5][4] == "'=HYPERLINK(evil)"  # a spreadsheet shows it, never runs it
    ledger = _csv(commissions.content)
    assert ledger == [
        [
            "number",
            "won_at",
            "payee",
            "payer",
            "client",
            "closed_amount",
            "commission_due",
            "commission_paid",
            "outstanding",
            "currency",
            "status",
            "paid_at",
        ],
        [
            "1",
            "2025-03-07T10:00+01:00",
            "Bob",
            "Carol",
            "Acme",
            "10000.00",
            "1000.00",
            "1000.00",
            "0.00",
            "EUR",
            "paid",
            "2025-03-09T10:00+01:00",
        ],
    ]


def test_stats_speak_french(bot: Bot) -> None:
    bot.ok("Alice", "network", "set locale fr")
    reply = bot.ok("Bob", "stats")
    assert reply.title == "Net T1 : mars 2025, à ce jour"
    assert values(reply)["Affaires conclues (HT)"] == "10\u202f000\xa0€"
    assert values(reply)["Taux de transformation"] == (
        "50\xa0% de réussite (1 sur 2 recommandations tranchées)"
    )
    assert values(reply)["Jours avant le premier contact (médiane)"].startswith("3,5 jours")
    assert bot.refused("Bob", "stats", "export").text.startswith("Seuls les administrateurs")


def test_usage_errors_name_the_choices(bot: Bot) -> None:
    assert "/stats [month|quarter|year]" in bot.refused("Bob", "stats", "decade").text


# The monthly digest


def digests(bot: Bot) -> list[tuple[datetime, str, OutboxState]]:
    return sorted(
        (item.due_at, item.key.removeprefix(f"{digest.SUBJECT}:"), OutboxState(item.state))
        for item in bot.db.rows("outbox", kind=digest.KIND)
    )


def at(bot: Bot, moment: datetime) -> None:
    bot.clock.set(moment)
    bot.dispatcher.run_once()


def test_a_new_network_gets_its_first_digest_scheduled() -> None:
    bot = Bot()
    bot.join("Alice")  # Saturday March 1st: the first working day is Monday the 3rd
    assert digests(bot) == [
        (datetime(2025, 3, 3, 8, tzinfo=UTC), "2025-02", OutboxState.PENDING),
    ]


def test_the_digest_posts_last_month_and_schedules_the_next(bot: Bot) -> None:
    recorder = Recorder()
    bot.dispatcher.charts = recorder
    bot.ok("Alice", "network", "set announcements-channel general")
    at(bot, datetime(2025, 3, 3, 8, tzinfo=UTC))  # about February: before the network
    assert [n for n in bot.messenger.sent if n.kind == digest.KIND] == []
    at(bot, datetime(2025, 4, 1, 6, 59, tzinfo=UTC))
    assert [n for n in bot.messenger.sent if n.kind == digest.KIND] == []
    at(bot, datetime(2025, 4, 1, 7, tzinfo=UTC))  # 09:00 in Paris, summer time
    (posted,) = [n for n in bot.messenger.sent if n.kind == digest.KIND]
    assert posted.channel == "general"
    assert posted.reply.title == "Net T1: March 2025 in figures"
    assert posted.reply.text == (
        "Thank you to our most generous members: Bob (2), Carol (1), Dave (1). Givers gain!"
    )
    assert values(posted.reply)["Business closed (before tax)"] == "€10,000"
    (chart,) = posted.reply.files
    assert chart.content.startswith(PNG)
    assert recorder.drawn[-1][1].months == ("Mar 2025",)
    assert digests(bot) == [
        (datetime(2025, 3, 3, 8, tzinfo=UTC), "2025-02", OutboxState.SKIPPED),
        (datetime(2025, 4, 1, 7, tzinfo=UTC), "2025-03", OutboxState.SENT),
        (datetime(2025, 5, 1, 7, tzinfo=UTC), "2025-04", OutboxState.PENDING),
    ]
    bot.dispatcher.run_once()
    assert len([n for n in bot.messenger.sent if n.kind == digest.KIND]) == 1


def test_a_month_without_referrals_says_so_in_french(bot: Bot) -> None:
    bot.ok("Alice", "network", "set announcements-channel general")
    bot.ok("Alice", "network", "set locale fr")
    at(bot, datetime(2025, 4, 1, 7, tzinfo=UTC))
    at(bot, datetime(2025, 5, 1, 7, tzinfo=UTC))
    posted = [n for n in bot.messenger.sent if n.kind == digest.KIND][-1]
    assert posted.reply.title == "Net T1 : avril 2025 en chiffres"
    assert posted.reply.text.startswith("Aucune recommandation le mois dernier")


def test_without_an_announcements_channel_the_digest_waits_for_next_month(bot: Bot) -> None:
    at(bot, datetime(2025, 4, 1, 7, tzinfo=UTC))
    assert [n for n in bot.messenger.sent if n.kind == digest.KIND] == []
    assert digests(bot)[-1] == (datetime(2025, 5, 1, 7, tzinfo=UTC), "2025-04", OutboxState.PENDING)


def test_a_network_without_a_scheduled_digest_gets_one_at_its_first_stats(bot: Bot) -> None:
    # as for a network created before the digest existed
    bot.db.execute("DELETE FROM outbox WHERE kind = :kind", kind=digest.KIND)
    bot.ok("Bob", "stats")
    assert digests(bot)[-1] == (datetime(2025, 4, 1, 7, tzinfo=UTC), "2025-03", OutboxState.PENDING)
    bot.ok("Bob", "stats", "me")
    assert len(digests(bot)) == 1
