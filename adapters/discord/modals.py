"""Core forms as Discord modals, and the values a submitted modal carries.

Each input is a labelled component, five per modal (a longer form takes several): a member
is a user picker, a choice a select menu, text a text input. A modal's custom_id says what
submitting it runs, so submissions are routed by it (`ApportBot.on_interaction`), not by
discord.py's in-memory modal store: a modal opened before a restart still works after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import discord

from adapters.discord import ids
from adapters.discord.render import cap
from core.shared.ui import Form, Input, InputKind

MAX_INPUTS = 5
TEXT_INPUT_MAX = 4000  # Discord's longest text input


@dataclass(frozen=True)
class Person:
    """A Discord user a command or a form names."""

    id: str
    name: str
    bot: bool = False


def _component(item: Input) -> discord.ui.Item[Any]:
    if item.kind is InputKind.MEMBER:
        initial = [discord.Object(int(item.initial))] if item.initial.isdigit() else []
        return discord.ui.UserSelect(
            custom_id=item.name,
            min_values=1 if item.required else 0,
            required=item.required,
            default_values=initial,
        )
    if item.choices:
        options = [
            discord.SelectOption(label=cap(c, 100), value=c, default=c == item.initial)
            for c in item.choices[:25]
        ]
        return discord.ui.Select(
            custom_id=item.name,
            options=options,
            min_values=1 if item.required else 0,
            required=item.required,
        )
    long = item.kind is InputKind.LONG_TEXT
    # Core's limit for this input. What it holds already was accepted by core, so it fits; were
    # it ever longer, the field grows to show it whole and core's refusal says what to shorten.
    limit = min(max(item.max_length, len(item.initial)), TEXT_INPUT_MAX)
    return discord.ui.TextInput(
        custom_id=item.name,
        style=discord.TextStyle.paragraph if long else discord.TextStyle.short,
        required=item.required,
        default=item.initial or None,
        max_length=limit,
    )


def _label(item: Input) -> discord.ui.Label[Any]:
    return discord.ui.Label(
        text=cap(item.label, 45),
        description=cap(item.hint, 100) or None,
        component=_component(item),
    )


def _modal(title: str, custom_id: str, inputs: tuple[Input, ...]) -> discord.ui.Modal:
    modal = discord.ui.Modal(title=cap(title, 45), custom_id=custom_id, timeout=None)
    for item in inputs:
        modal.add_item(_label(item))
    # A finished modal is not kept in discord.py's modal store (see the module docstring).
    modal.stop()
    return modal


def pages_of(form: Form) -> int:
    return max(1, -(-len(form.inputs) // MAX_INPUTS))


def form_modal(form: Form, key: str, page: int = 1) -> discord.ui.Modal:
    """Page `page` of the form: a modal holds five inputs, a longer form takes several."""
    pages = pages_of(form)
    inputs = form.inputs[(page - 1) * MAX_INPUTS : page * MAX_INPUTS]
    title = form.title if pages == 1 else f"{cap(form.title, 38)} ({page}/{pages})"
    return _modal(title, ids.form_id(key, form, page, pages), inputs)


def ask_modal(press: ids.Press, title: str, label: str) -> discord.ui.Modal:
    if press.ask is None:
        raise ValueError("this button asks nothing")
    item = Input(press.ask.name, label, press.ask.kind)
    return _modal(title, ids.ask_id(press), (item,))


def submitted_values(data: Mapping[str, Any]) -> dict[str, str]:
    """Input name -> value from a MODAL_SUBMIT's `data` (labels, or legacy action rows)."""
    values: dict[str, str] = {}

    def walk(components: list[Mapping[str, Any]]) -> None:
        for component in components:
            if "component" in component:
                walk([component["component"]])
            elif "components" in component:
                walk(component["components"])
            elif component.get("custom_id"):
                chosen = component.get("values")
                value = chosen[0] if chosen else component.get("value", "")
                values[component["custom_id"]] = str(value or "")

    walk(data.get("components", []))
    return values


def submitted_people(data: Mapping[str, Any]) -> dict[str, Person]:
    """The users picked in a submitted modal, by id, with the name the guild shows."""
    resolved = data.get("resolved", {})
    members = resolved.get("members", {})
    people: dict[str, Person] = {}
    for user_id, user in resolved.get("users", {}).items():
        nick = members.get(user_id, {}).get("nick")
        name = nick or user.get("global_name") or user.get("username") or user_id
        people[user_id] = Person(user_id, name, bool(user.get("bot", False)))
    return people
