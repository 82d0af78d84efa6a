"""Core replies as Discord messages: text as content, cards as an embed, actions as buttons.

Discord's limits are applied here (2,000 characters of content, the embed's sizes, 25 buttons);
an action that cannot be a button is written as the command that does the same.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import discord

from adapters.common.as_text import command_line, form_action
from adapters.common.text import cap as cap
from adapters.discord import ids
from adapters.discord.buttons import STYLES, ActionButton
from core.shared.ui import Action, Form, Reply, Style

MAX_CONTENT = 2000
MAX_BUTTONS = 25
MAX_FILES = 10
EMBED_TOTAL = 6000
INLINE_UP_TO = 40  # short field values sit side by side


@dataclass
class Rendered:
    content: str | None
    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None
    files: list[discord.File] = field(default_factory=list)  # charts, exports


def form_prompt(form: Form) -> Reply:
    """A form that cannot be opened now (the answer came late, or in a direct message): a
    button that opens it."""
    return Reply(text=form.title, actions=(form_action(form, Style.PRIMARY),))


def action_command(action: Action) -> str:
    return f"{action.label}: `{command_line(action)}`"


def _buttons(actions: tuple[Action, ...], key: str) -> tuple[discord.ui.View | None, list[Action]]:
    view = discord.ui.View(timeout=None)  # never times out: a timeout would unregister it
    leftovers: list[Action] = []
    seen: set[str] = set()
    for action in actions:
        try:
            custom_id = ids.button_id(key, action)
        except ids.TooLong:
            leftovers.append(action)
            continue
        if custom_id in seen:
            continue
        if len(view.children) >= MAX_BUTTONS:
            leftovers.append(action)
            continue
        seen.add(custom_id)
        view.add_item(ActionButton(custom_id, action.label, STYLES[action.style]))
    return (view if view.children else None), leftovers


def _embed(reply: Reply) -> discord.Embed | None:
    if not (reply.title or reply.fields or reply.lines or reply.footer):
        return None
    description = "\n".join(f"- {line}" for line in reply.lines)
    embed = discord.Embed(
        title=cap(reply.title, 256) or None,
        description=cap(description, 4096) or None,
        colour=discord.Colour.blurple(),
    )
    for item in reply.fields[:25]:
        value = cap(item.value, 1024) or "-"
        inline = len(value) <= INLINE_UP_TO and "\n" not in value
        embed.add_field(name=cap(item.label, 256) or "-", value=value, inline=inline)
    if reply.footer:
        embed.set_footer(text=cap(reply.footer, 2048))
    excess = len(embed) - EMBED_TOTAL
    if excess > 0 and embed.description:
        embed.description = cap(embed.description, max(len(embed.description) - excess, 1))
    while len(embed) > EMBED_TOTAL and embed.fields:
        embed.remove_field(-1)
    return embed


def render(reply: Reply, key: str) -> Rendered:
    """`key` is the network's (the guild id): buttons carry it into direct messages."""
    if reply.error:
        return Rendered(cap(reply.text, MAX_CONTENT) or None)
    if reply.form is not None:
        reply = form_prompt(reply.form)
    view, leftovers = _buttons(reply.actions, key)
    text = "\n".join([reply.text, *(action_command(a) for a in leftovers)]).strip()
    embed = _embed(reply)
    files = [
        discord.File(io.BytesIO(item.content), filename=item.filename)
        for item in reply.files[:MAX_FILES]
    ]
    return Rendered(cap(text, MAX_CONTENT) or None, [embed] if embed else [], view, files)
