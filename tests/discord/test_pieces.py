"""The adapter's pure pieces: custom ids, mention readers, Discord's size limits, modal data."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.discord import ids
from adapters.discord.invite import application_id_from_token
from adapters.discord.layout import pieces
from adapters.discord.mentions import mentioned_user_ids, read_channel, read_mention
from adapters.discord.modals import submitted_values
from adapters.discord.render import render
from core.shared.ui import Action, Field, Input, InputKind, Reply
from tests.discord.limits import as_json, message_problems, read_whole, squeezed
from tests.discord.longest import longest

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


async def test_a_card_stays_within_discords_limits_and_shows_everything_whole() -> None:
    card = Reply(
        text=longest(2500, "texte"),
        title=longest(300, "titre"),
        fields=tuple(Field(f"f{n}", longest(2000, f"champ{n}")) for n in range(30))
        + tuple(Field(f"court{n}", "oui") for n in range(30)),
        lines=tuple(longest(100, f"ligne{n}") for n in range(100)),
        footer=longest(3000, "pied"),
    )

    messages = as_json(render(card, GUILD))

    assert [p for m in messages for p in message_problems(m)] == []
    shown = read_whole(messages)
    written = [card.text, card.title, card.footer, *card.lines, *(f.value for f in card.fields)]
    assert all(squeezed(text) in shown for text in written)
    assert len(messages) > 1


async def test_a_long_section_is_a_description_and_short_fields_stay_fields() -> None:
    section = longest(2000, "Membres")
    card = Reply(title="Charte", fields=(Field("Membres", section), Field("Règle", "10 %")))

    shown = render(card, GUILD)

    assert shown.more == []
    assert [(e.title, e.description) for e in shown.embeds] == [
        ("Charte", None),
        ("Membres", section),
        (None, None),
    ]
    assert [(f.name, f.value) for f in shown.embeds[2].fields] == [("Règle", "10 %")]


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


@given(
    st.lists(
        st.sampled_from(["Élodie", "&", "<SARL>", "<@123456789012345678>", "\n", " ", "x" * 30]),
        max_size=200,
    ).map("".join),
    st.integers(min_value=25, max_value=300),
)
def test_split_text_keeps_every_character_and_every_mention_whole(text: str, limit: int) -> None:
    parts = pieces(text, limit)

    assert all(len(part) <= limit for part in parts)
    assert squeezed("".join(parts)) == squeezed(text)
    assert sum(part.count("<@123456789012345678>") for part in parts) == text.count(
        "<@123456789012345678>"
    )
