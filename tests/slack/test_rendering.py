"""Block Kit rendering within Slack's limits, button values, Slack's escaped text, names."""

from __future__ import annotations

import pytest

from adapters.slack import ids
from adapters.slack.field_errors import field_for
from adapters.slack.mentions import mentioned_users, normalise, read_channel, read_member
from adapters.slack.names import command_names, split_command
from adapters.slack.render import fallback_text, pages, render
from core.shared.ui import Action, Field, Form, Input, InputKind, Problem, Reply, Style


def test_a_full_reply_renders_in_order_with_escaping() -> None:
    reply = Reply(
        text="R&D <urgent>",
        title="Referral #1: Acme",
        fields=(Field("From", "alice"),),
        lines=("one", "two"),
        footer="foot",
        actions=(Action("Accept", "referral", "1 accept", Style.PRIMARY),),
    )
    blocks = render(reply)
    assert [b["type"] for b in blocks] == [
        "section",
        "header",
        "section",
        "section",
        "context",
        "actions",
    ]
    assert blocks[0]["text"]["text"] == "R&amp;D &lt;urgent&gt;"
    assert blocks[2]["fields"][0]["text"] == "*From*\nalice"
    assert blocks[3]["text"]["text"] == "• one\n• two"
    [button] = blocks[5]["elements"]
    assert button["style"] == "primary"
    assert ids.decode(button["value"]) == ids.Pressed("referral", "1 accept")
    assert fallback_text(reply) == "R&amp;D &lt;urgent&gt;"  # Slack shows R&D <urgent>


def test_errors_are_marked() -> None:
    assert render(Reply(text="No.", error=True))[0]["text"]["text"] == ":warning: No."


def test_slack_limits_are_kept_and_nothing_is_cut() -> None:
    reply = Reply(
        title="t" * 400,
        fields=tuple(Field(f"f{i}", "v") for i in range(23)),
        lines=tuple("x" * 1000 for _ in range(200)),
        actions=tuple(Action(f"{i}" * 100, "feedback", f"1 {i}") for i in range(30)),
    )
    messages = pages(reply)
    assert len(messages) == 3 and all(len(blocks) <= 50 for blocks in messages)
    blocks = [b for page in messages for b in page]
    assert blocks[0]["text"]["text"] == "t" * 400  # too long for a header: a section
    assert [len(b["fields"]) for b in blocks if "fields" in b] == [10, 10, 3]
    texts = [b["text"]["text"] for b in blocks if b["type"] == "section" and "text" in b]
    assert all(len(text) <= 3000 for text in texts)
    assert "".join(texts).count("x") == 200 * 1000
    actions = [b for b in blocks if b["type"] == "actions"]
    assert actions == [b for b in messages[-1] if b["type"] == "actions"]  # buttons come last
    assert [len(b["elements"]) for b in actions] == [25, 5]  # the buttons are never cut
    assert all(len(e["text"]["text"]) <= 75 for b in actions for e in b["elements"])
    ids = [e["action_id"] for b in actions for e in b["elements"]]
    assert len(set(ids)) == 30
    assert len(render(reply, limit=100)) == 100  # App Home: one view


def test_a_form_in_a_message_becomes_a_button_that_opens_it() -> None:
    form = Form("charter", "Edit the charter", (), verb="edit")
    [block] = render(Reply(form=form))
    pressed = ids.decode(block["elements"][0]["value"])
    assert (pressed.command, pressed.args) == ("charter", "edit")


def test_a_button_that_asks_first_carries_its_input() -> None:
    ask = Input("amount", "Amount closed", InputKind.AMOUNT)
    value = ids.encode(Action("Won", "referral", "3 won", Style.PRIMARY, ask))
    pressed = ids.decode(value)
    assert pressed == ids.Pressed("referral", "3 won", "Won", ask)
    with pytest.raises(ValueError):
        ids.decode('{"x": 1}')


def test_slack_escaped_text_reads_as_core_expects() -> None:
    typed = "<@UBOB|bob> Acme &amp; Co | see <https://acme.example|acme.example> | 5000"
    assert normalise(typed) == "<@UBOB> Acme & Co | see acme.example | 5000"
    assert (
        normalise("<mailto:a@b.example|a@b.example>, <tel:+3312|+33 12>") == "a@b.example, +33 12"
    )
    assert normalise("<https://x.example> <!channel> <!subteam^S1|@sales>") == (
        "https://x.example @channel @sales"
    )
    assert normalise("&lt;Ltd&gt; &amp;lt; <#C1|general>") == "<Ltd> &lt; <#C1>"
    assert mentioned_users("<@UBOB|bob> and <@W2> and <@UBOB>") == {"UBOB": "bob", "W2": ""}
    assert read_member("<@UBOB|bob>") == read_member("<@UBOB>") == "UBOB"
    assert read_member("@bob") == "bob"
    assert read_channel("<#C0ANN|news>") == read_channel("<#C0ANN>") == "C0ANN"
    assert read_channel("none") == "none"


def test_command_names_on_slack() -> None:
    assert split_command("/refer", " <@U1> x ") == ("refer", "<@U1> x")
    assert split_command("/apport", "Referral 1 accept") == ("referral", "1 accept")
    assert split_command("/apport", "") == ("help", "")
    names = command_names()
    assert names["feedback"] == "apport feedback"
    assert "refer" not in names and "charter" not in names


ORDER = ["receiver", "client", "need", "value"]


@pytest.mark.parametrize(
    ("problem", "block"),
    [
        (Problem("error.invalid_amount", "value"), "value"),
        (Problem("error.text_too_long", "need"), "need"),
        (Problem("error.self_referral", "receiver"), "receiver"),
        (Problem("error.charter_not_accepted"), "receiver"),
        (Problem("error.usage", "elsewhere"), "receiver"),
        (None, "receiver"),
    ],
)
def test_errors_land_on_their_field_or_the_first(problem: Problem | None, block: str) -> None:
    assert field_for(problem, ORDER) == block
    assert field_for(problem, []) == ""
