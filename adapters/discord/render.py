"""Core replies as Discord messages: text as content, cards as an embed, actions as buttons.

Discord's limits are met here without cutting anything (`layout`: a long card goes on in more
embeds and messages); an action that cannot be a button is written as the command that does
the same, and buttons past 25 too.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import discord

from adapters.common.as_text import command_line, form_action
from adapters.common.text import cap as cap
from adapters.discord import ids
from adapters.discord.buttons import STYLES, ActionButton
from adapters.discord.layout import CONTENT, Box, boxes, by_message, pieces
from core.shared.ui import Action, Form, Reply, Style

MAX_CONTENT = CONTENT
MAX_BUTTONS = 25
MAX_FILES = 10


@dataclass
class Rendered:
    content: str | None
    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None
    files: list[discord.File] = field(default_factory=list)  # charts, exports
    more: list[Rendered] = field(default_factory=list)  # what goes on in the next messages


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


def _embed(box: Box) -> discord.Embed:
    embed = discord.Embed(
        title=box.title or None,
        description=box.description or None,
        colour=discord.Colour.blurple(),
    )
    for name, value, inline in box.fields:
        embed.add_field(name=name, value=value, inline=inline)
    if box.footer:
        embed.set_footer(text=box.footer)
    return embed


def render(reply: Reply, key: str) -> Rendered:
    """`key` is the network's (the guild id): buttons carry it into direct messages. What one
    message cannot hold goes on in the messages of `more`, sent right after it."""
    if reply.error:
        return _messages(pieces(reply.text, MAX_CONTENT), [])
    if reply.form is not None:
        reply = form_prompt(reply.form)
    view, leftovers = _buttons(reply.actions, key)
    text = "\n".join([reply.text, *(action_command(a) for a in leftovers)]).strip()
    shown = _messages(pieces(text, MAX_CONTENT), by_message(boxes(reply)))
    shown.view = view
    shown.files = [
        discord.File(io.BytesIO(item.content), filename=item.filename)
        for item in reply.files[:MAX_FILES]
    ]
    return shown


def _messages(texts: list[str], embedded: list[list[Box]]) -> Rendered:
    """The texts in order, the last carrying the first embeds, then the other embeds."""
    made = [Rendered(text or None) for text in texts]
    if embedded:
        made[-1].embeds = [_embed(box) for box in embedded[0]]
        made += [Rendered(None, [_embed(box) for box in group]) for group in embedded[1:]]
    first, *more = made
    first.more = more
    return first
