"""Command text as Slack sends it with `should_escape` on: users and channels as
`<@U123|bob>` and `<#C123|general>`, e-mails and domains auto-linked (`<mailto:…|…>`,
`<http://…|…>`), `&`, `<` and `>` as entities. Core reads what the member typed."""

from __future__ import annotations

import json

from tests.slack.harness import SlackHarness, shown

# What Slack sends for `/refer @bob Smith & Sons <Ltd> | bookkeeping & payroll | 5000 | 3 |
# ceo@smith.example`.
SMITH = (
    "<@UBOB|bob> Smith &amp; Sons &lt;Ltd&gt; | bookkeeping &amp; payroll | 5000 | 3 | "
    "<mailto:ceo@smith.example|ceo@smith.example>"
)
# What Slack sends for `/refer @bob initech.fr | payroll`.
INITECH = "<@UBOB|bob> <http://initech.fr|initech.fr> | payroll"


def test_an_auto_linked_email_is_the_contact_the_member_typed(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    reply = slack.command("UALICE", f"/refer {SMITH}")
    assert "Referral #1 for Smith &amp; Sons &lt;Ltd&gt; sent to bob." in shown(reply)
    slack.deliver()
    [dm] = slack.fake.dms_to("UBOB")
    seen = shown(dm)
    assert "ceo@smith.example" in seen and "mailto:" not in seen
    assert "Smith &amp; Sons &lt;Ltd&gt;" in seen  # shown by Slack as typed, never as markup
    assert "bookkeeping &amp; payroll" in seen


def test_an_auto_linked_domain_is_the_client_the_form_names(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB", "UCAROL")
    assert "for initech.fr sent to bob" in shown(slack.command("UALICE", f"/refer {INITECH}"))
    clients = shown(slack.command("UALICE", "/apport clients"))
    assert "initech.fr" in clients and "http://" not in clients
    # Carol names the same client in the form, as typed there: it is alice's client, and
    # alice cannot be passed her own client.
    slack.command("UCAROL", "/refer", expect_reply=False)
    view = slack.opened_view()
    values = {"receiver": "UALICE", "client": "initech.fr", "need": "audit"}
    ack = json.loads(slack.submit(view, values, "UCAROL").body)
    assert ack["response_action"] == "errors"
    assert "initech.fr" in ack["errors"]["receiver"] and "alice" in ack["errors"]["receiver"]


def test_a_labelled_link_and_a_bare_url_read_as_typed(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    line = "/refer <@UBOB> <https://globex.example> | see <#C0GENERAL|general> &amp; <!here>"
    assert "for https://globex.example sent to bob" in shown(slack.command("UALICE", line))
    slack.deliver()
    [dm] = slack.fake.dms_to("UBOB")
    assert "see &lt;#C0GENERAL&gt; &amp; @here" in shown(dm)  # inert: no ping, no link


def test_the_notification_text_is_escaped_like_the_blocks(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    # Typed `Smith & Sons <Ltd> <!channel> | audit`, as Slack sends it.
    typed = "<@UBOB|bob> Smith &amp; Sons &lt;Ltd&gt; &lt;!channel&gt; | audit"
    reply = slack.command("UALICE", f"/refer {typed}")
    literal = "Smith &amp; Sons &lt;Ltd&gt; &lt;!channel&gt;"
    assert literal in reply["text"]
    slack.deliver()
    [dm] = slack.fake.dms_to("UBOB")
    assert literal in dm["text"]  # the push notification shows it as typed
    mrkdwn = [
        dm["text"],
        *(b["text"]["text"] for b in dm["blocks"] if b["type"] == "section" and "text" in b),
    ]  # plain_text (the header) is never parsed: it may hold `<`
    assert not any("<!channel>" in text or "<Ltd>" in text for text in mrkdwn)
