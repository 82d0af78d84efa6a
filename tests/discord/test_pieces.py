"""The adapter's pure pieces: custom ids, mention readers, Discord's size limits, modal data."""

from __future__ import annotations

import pytest

from adapters.discord import ids
from adapters.discord.invite import application_id_from_token
from adapters.discord.mentions import mentioned_user_ids, read_channel, read_mention
from adapters.discord.modals import submitted_values
from adapters.discord.render import render
from core.shared.ui import Action, Field, Input, InputKind, Reply

GUILD = "200000000000000001"


async def test_a_button_id_carries_network_command_args_and_what_to_ask() -> None:
    won = Action("Won", "referral", "12 won", ask=Input("amount", "Amount", InputKind.AMOUNT))

    custom_id = ids.button_id(GUILD, won)

    assert len(custom_id) <= ids.MAX_LENGTH
    assert ids.read_button(custom_id) == ids.Press(
        GUILD, "referral", "12 won", ids.Ask("amount", InputKind.AMOUNT)
    )
    assert ids.read_button("someone-elses:button") is None


async def test_an_action_too_long_for_a_custom_id_is_written_as_its_command() -> None:
    long = Action("Note", "referral", "1 lost " + "x" * 100)

    shown = render(
        Reply(text="Done.", actions=(long, Action("Accept", "referral", "1 accept"))), GUILD
    )

    assert shown.content == "Done.\nNote: `/referral 1 lost " + "x" * 100 + "`"
    assert shown.view is not None
    assert [b.item.label for b in shown.view.children] == ["Accept"]  # type: ignore[attr-defined]


async def test_more_than_25_actions_keep_25_buttons() -> None:
    many = tuple(Action(str(n), "feedback", f"{n} 5") for n in range(30))

    shown = render(Reply(text="Scores", actions=many), GUILD)

    assert shown.view is not None and len(shown.view.children) == 25
    assert shown.content is not None and shown.content.count("/feedback") == 5


async def test_a_card_stays_within_discords_embed_limits() -> None:
    card = Reply(
        title="T" * 300,
        fields=tuple(Field(f"f{n}", "v" * 2000) for n in range(30)),
        lines=tuple("l" * 100 for _ in range(100)),
        footer="f" * 3000,
    )

    [embed] = render(card, GUILD).embeds

    assert len(embed) <= 6000 and len(embed.fields) <= 25
    assert all(len(f.value or "") <= 1024 for f in embed.fields)


async def test_an_error_is_text_alone() -> None:
    shown = render(Reply(text="No.", error=True, actions=(Action("x", "help", ""),)), GUILD)

    assert (shown.content, shown.embeds, shown.view) == ("No.", [], None)


@pytest.mark.parametrize(
    ("token", "read"),
    [("<@123>", "123"), ("<@!123>", "123"), ("@bob", "bob"), ("bob", "bob"), ("<#9>", "<#9>")],
)
def test_mentions_read_as_user_ids_or_names(token: str, read: str) -> None:
    assert read_mention(token) == read


def test_channels_read_as_ids() -> None:
    assert read_channel("<#300>") == "300"
    assert mentioned_user_ids("<@1> and <@!2> and <@1> <#3>") == [1, 2]


def test_a_bot_token_names_its_application() -> None:
    assert application_id_from_token("OTAwMDAwMDAwMDAwMDAwMDAx.G1a2b3.xyz") == 900000000000000001
    assert application_id_from_token("not-a-token") is None
    assert application_id_from_token("bm90IGRpZ2l0cw.G1a2b3.xyz") is None


def test_modal_values_read_from_labels_and_legacy_rows() -> None:
    data = {
        "components": [
            {"type": 18, "component": {"type": 4, "custom_id": "client", "value": "Acme"}},
            {"type": 18, "component": {"type": 5, "custom_id": "receiver", "values": ["42"]}},
            {"type": 18, "component": {"type": 3, "custom_id": "temperature", "values": []}},
            {"type": 1, "components": [{"type": 4, "custom_id": "need", "value": "audit"}]},
        ]
    }

    assert submitted_values(data) == {
        "client": "Acme",
        "receiver": "42",
        "temperature": "",
        "need": "audit",
    }
