"""Client contacts, breach reports, personal data and the audit trail, through the facade."""

import csv
import io
import json
from datetime import timedelta

import pytest

from core.referrals.contact import add_months, parse_contact
from core.shared.errors import InvalidValue
from core.trust.breaches import BreachState
from tests.driver import Bot, user_id


@pytest.fixture
def bot() -> Bot:
    """Alice (admin), Bob, Carol accepted the charter; Alice referred Acme to Carol with a
    contact."""
    bot = Bot()
    bot.ok("Alice", "charter", "commission 10%")
    bot.join("Alice", "Bob", "Carol")
    bot.ok("Alice", "refer", "@Carol Acme | audit | 1000 | 3 | jane@acme.fr, +33 6 12 34 56 78")
    bot.messenger.clear()
    return bot


def shown(reply: object) -> str:
    parts = [getattr(reply, "text", ""), getattr(reply, "title", ""), getattr(reply, "footer", "")]
    parts += [f"{f.label}: {f.value}" for f in getattr(reply, "fields", ())]
    parts += list(getattr(reply, "lines", ()))
    return "\n".join(parts)


# Client contacts


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("jane@acme.fr", "jane@acme.fr"),
        ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("jane@acme.fr; 01.23.45.67.89", "jane@acme.fr, 01.23.45.67.89"),
    ],
)
def test_valid_contacts(text: str, stored: str) -> None:
    assert parse_contact(text) == stored


@pytest.mark.parametrize(
    "text", ["jane", "jane@", "12", "call me", "a@b.fr, c@d.fr, e@f.fr", "+33 6 <script>"]
)
def test_invalid_contacts(text: str) -> None:
    with pytest.raises(InvalidValue):
        parse_contact(text)


def test_the_contact_is_shown_to_the_parties_and_admins_only(bot: Bot) -> None:
    contact = "jane@acme.fr, +33 6 12 34 56 78"
    assert contact in shown(bot.ok("Alice", "referral", "1"))
    assert contact in shown(bot.ok("Carol", "referral", "1"))
    assert "not one of yours" in bot.refused("Bob", "referral", "1").text
    bot.ok("Alice", "network", "role @Bob admin")
    assert contact in shown(bot.ok("Bob", "referral", "1"))


def test_the_receiver_gets_the_contact_privately(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Carol Beta | audit | | | beta@beta.fr")
    (offer,) = bot.messenger.to(user_id("Carol"))
    assert "beta@beta.fr" in shown(offer.reply)
    assert not offer.channel


def test_contacts_are_erased_after_the_retention_period(bot: Bot) -> None:
    bot.ok("Carol", "referral", "1 accept")
    bot.ok("Carol", "referral", "1 won 5000")
    bot.clock.advance(timedelta(days=729))  # 24 months after closing is 730 days here
    bot.dispatcher.run_once()
    assert bot.referral(1).contact
    bot.clock.advance(timedelta(days=2))
    bot.dispatcher.run_once()
    referral = bot.referral(1)
    assert referral.contact == ""
    assert referral.commission_due is not None and str(referral.commission_due) == "500.00"


def test_add_months_keeps_the_day_or_the_month_end() -> None:
    from datetime import UTC, datetime

    assert add_months(datetime(2026, 1, 31, tzinfo=UTC), 1).day == 28
    assert add_months(datetime(2026, 11, 15, tzinfo=UTC), 24).year == 2028


# Breach reports


def test_a_report_is_confidential_and_followed_through(bot: Bot) -> None:
    received = bot.ok("Bob", "report", "@Carol poaching | She called my client directly | 1")
    assert received.text.startswith("Your report #1 is received.")
    assert bot.messenger.texts_to(user_id("Carol")) == []
    assert any("confidential report (#1" in t for t in bot.messenger.texts_to(user_id("Alice")))
    assert "Only network admins" in bot.refused("Bob", "reports").text
    assert "Only network admins" in bot.refused("Carol", "report", "1").text

    listing = shown(bot.ok("Alice", "reports"))
    assert "#1 poaching: Bob about Carol (open)" in listing
    assert "#1 Acme, from Alice to Carol" in listing
    assert "client owned by Alice" in listing
    assert "Part one: rules between members" in listing

    bot.ok("Alice", "report", "1 raise | Let us talk on Monday")
    assert (
        "raises a report concerning you (poaching). Please get in touch with them. "
        "Their note: Let us talk on Monday"
        in (bot.messenger.texts_to(user_id("Carol"))[-1])
    )
    bot.ok("Alice", "report", "1 resolve | Carol apologised; the client stays with Alice")
    assert bot.messenger.texts_to(user_id("Bob"))[-1] == (
        "Your report #1 is resolved: Carol apologised; the client stays with Alice"
    )
    history = bot.ok("Alice", "report", "1").lines
    assert [line.split(": ")[1].split(" (")[0] for line in history] == [
        "open",
        "raised with the member",
        "resolved",
    ]
    assert bot.ok("Alice", "reports").text == "No open reports."
    stored = bot.db.rows("breach_reports")
    assert [BreachState(b.state) for b in stored] == [BreachState.RESOLVED]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("@Bob poaching | myself", "You cannot report yourself."),
        ("@Carol stealing | what", "Usage: /report"),
        ("@Carol poaching", "Usage: /report"),
        ("@Zed poaching | who?", "Zed is not a member"),
        ("@Carol unpaid | never paid | 99", "There is no referral #99"),
        ("@Carol unpaid | never paid | soon", "is not a number such as 3"),
    ],
)
def test_malformed_reports_are_refused(bot: Bot, text: str, says: str) -> None:
    assert says in bot.refused("Bob", "report", text).text


# Personal data


def test_my_data_export_is_json_with_my_referrals_only_for_me(bot: Bot) -> None:
    bot.ok("Carol", "referral", "1 accept")
    bot.ok("Alice", "feedback", "1 4 Good")
    bot.messenger.clear()
    reply = bot.ok("Alice", "mydata", "export")
    (attachment,) = reply.files
    assert attachment.mime == "application/json"
    data = json.loads(attachment.content)
    assert data["profile"]["name"] == "Alice"
    assert [r["client"] for r in data["referrals_given"]] == ["Acme"]
    assert data["referrals_given"][0]["client_contact"] == "jane@acme.fr, +33 6 12 34 56 78"
    assert data["feedback_given"][0]["score"] == 4
    assert [a["version"] for a in data["charter_acceptances"]] == [2]
    assert bot.messenger.sent == []  # given in the reply to Alice alone


def test_erasure_asks_then_replaces_me_with_a_pseudonym_and_keeps_totals(bot: Bot) -> None:
    bot.ok("Carol", "referral", "1 accept")
    bot.ok("Carol", "referral", "1 won 2000")
    before = bot.ok("Alice", "referrals").footer
    asked = bot.ok("Carol", "mydata", "erase")
    assert "cannot be undone" in asked.text
    assert [a.args for a in asked.actions] == ["erase confirm"]
    assert bot.member("Carol").display_name == "Carol"  # nothing done yet
    done = bot.ok("Carol", "mydata", "erase confirm")
    assert done.text.startswith("Done: you now appear as Former member ")
    ledger = bot.ok("Alice", "referrals")
    assert "Carol" not in shown(ledger)
    assert "Former member" in ledger.lines[0]
    assert ledger.footer == before
    audit = shown(bot.ok("Alice", "network", "audit"))
    assert "personal data erased" in audit


def test_the_last_admin_cannot_erase_themself(bot: Bot) -> None:
    assert "at least one admin" in bot.refused("Alice", "mydata", "erase confirm").text


def test_the_ledger_export_has_no_contacts_and_is_for_admins(bot: Bot) -> None:
    assert "Only network admins" in bot.refused("Bob", "network", "export").text
    csv_file, _workbook = bot.ok("Alice", "network", "export").files
    text = csv_file.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("number,created_at,referrer,receiver,client,status")
    assert "Acme" in text and "jane@acme.fr" not in text


def test_the_ledger_export_shows_each_referral_with_its_commission(bot: Bot) -> None:
    bot.ok("Carol", "referral", "1 accept")
    bot.ok("Carol", "referral", "1 won 2400")
    csv_file, _workbook = bot.ok("Alice", "network", "export").files
    header, row = list(csv.reader(io.StringIO(csv_file.content.decode("utf-8-sig"))))
    at = {"created_at": "", "won_at": ""}
    assert dict(zip(header, row, strict=True)) | at == at | {
        "number": "1",
        "referrer": "Alice",
        "receiver": "Carol",
        "client": "Acme",
        "status": "won",
        "estimated_value": "1000.00",
        "closed_amount": "2400.00",
        "commission_due": "240.00",
        "commission_paid": "0.00",
        "currency": "EUR",
        "charter_version": "2",
        "paid_at": "",
    }


def test_the_ledger_export_defuses_what_a_spreadsheet_would_run(bot: Bot) -> None:
    bot.ok("Alice", "refer", '@Carol =HYPERLINK("http://x") | audit')
    csv_file, _workbook = bot.ok("Alice", "network", "export").files
    rows = list(csv.reader(io.StringIO(csv_file.content.decode("utf-8-sig"))))
    assert rows[2][4] == '\'=HYPERLINK("http://x")'


def test_the_audit_trail_records_roles_settings_charter_and_exports(bot: Bot) -> None:
    bot.ok("Alice", "network", "role @Bob recruiter")
    bot.ok("Alice", "network", "set currency CHF")
    bot.ok("Alice", "network", "export")
    lines = bot.ok("Alice", "network", "audit").lines
    whats = [line.split(": ", 1)[1] for line in lines]
    assert whats[:3] == [
        "ledger exported",
        "setting changed: currency = CHF",
        "role granted: Bob: recruiter",
    ]
    assert any(w.startswith("charter version published: 2") for w in whats)
    assert "Only network admins" in bot.refused("Bob", "network", "audit").text


def test_channel_posts_never_ping_everyone(bot: Bot) -> None:
    bot.ok("Alice", "network", "set recruiters-channel #recruiters")
    bot.ok("Alice", "candidate", "Eve <!channel> @everyone | @here plumber | none")
    posts = [n for n in bot.messenger.sent if n.channel]
    assert posts
    for post in posts:
        text = shown(post.reply)
        for mass in ("<!channel>", "@everyone", "@here"):
            assert mass not in text
