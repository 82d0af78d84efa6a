"""Buttons that keep working after a restart: a `DynamicItem` matched on its custom_id.

discord.py rebuilds the item from the clicked message's component, whatever process sent it;
the action it runs is read back from the custom_id (see `ids`).
"""

from __future__ import annotations

import re
from typing import Any, Protocol, runtime_checkable

import discord

from adapters.discord import ids
from core.shared.ui import Style

STYLES = {
    Style.PRIMARY: discord.ButtonStyle.primary,
    Style.DANGER: discord.ButtonStyle.danger,
    Style.DEFAULT: discord.ButtonStyle.secondary,
}
MAX_LABEL = 80


@runtime_checkable
class PressHandler(Protocol):
    """The client that runs a pressed button (`ApportBot`)."""

    async def on_press(
        self, interaction: discord.Interaction[Any], press: ids.Press, label: str
    ) -> None: ...


class ActionButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=ids.BUTTON_TEMPLATE
):
    def __init__(self, custom_id: str, label: str, style: discord.ButtonStyle) -> None:
        super().__init__(
            discord.ui.Button(label=label[:MAX_LABEL] or "?", style=style, custom_id=custom_id)
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> ActionButton:
        if not isinstance(item, discord.ui.Button) or item.custom_id is None:
            raise TypeError(f"an Apport custom_id on a {type(item).__name__}")
        return cls(item.custom_id, item.label or "", item.style)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        press = ids.read_button(self.item.custom_id or "")
        client = interaction.client
        if press is not None and isinstance(client, PressHandler):
            await client.on_press(interaction, press, self.item.label or "")
