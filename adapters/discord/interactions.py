"""Every interaction, answered within Discord's deadline: run core, then show its reply.

Core is synchronous and reaches the database, so it runs in a worker thread. Discord wants a
first response within 3 seconds: when core has not answered within `budget` seconds the
interaction is deferred (a "thinking" state, or a silent acknowledgement of a click) and the
reply follows. A modal can only be a first response, so a form that comes late is offered
as a button that opens it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from dataclasses import replace
from typing import Any

import discord

from adapters.common.incident import incident_reply
from adapters.discord import ids
from adapters.discord.drafts import Drafts, Key
from adapters.discord.mentions import mentioned_user_ids
from adapters.discord.modals import (
    Person,
    ask_modal,
    form_modal,
    pages_of,
    submitted_people,
    submitted_values,
)
from adapters.discord.people import invocation, person
from adapters.discord.render import render
from core.app import Apport, Invocation, PlatformUser
from core.shared.i18n import Translator
from core.shared.ui import Action, Problem, Reply, Style

log = logging.getLogger(__name__)

BUDGET = 2.0  # seconds core may take before the interaction is deferred
MAX_MENTIONS = 10
Interaction = discord.Interaction[Any]


class Interactions:
    def __init__(self, app: Apport, budget: float = BUDGET) -> None:
        self.app = app
        self.budget = budget
        self.drafts = Drafts()  # what a refused form had, to fill it in again
        self.pages = Drafts()  # the pages of a long form submitted so far

    # Entry points (each catches everything: the user always hears back).

    async def command(
        self, interaction: Interaction, command: str, verb: str, options: Mapping[str, object]
    ) -> None:
        await self._guarded(interaction, self._command(interaction, command, verb, options))

    async def press(self, interaction: Interaction, press: ids.Press, label: str) -> None:
        await self._guarded(interaction, self._press(interaction, press, label))

    async def submit(self, interaction: Interaction) -> None:
        await self._guarded(interaction, self._submit(interaction))

    async def suggest(
        self, interaction: Interaction, command: str, param: str, typed: str
    ) -> list[tuple[str, str]]:
        """Autocomplete: Discord shows nothing rather than an error, so failures give []."""
        if interaction.guild_id is None:
            return []
        asked = invocation(interaction, str(interaction.guild_id), command)
        try:
            return await asyncio.wait_for(
                asyncio.to_thread(self.app.suggest, asked, param, typed), self.budget
            )
        except Exception:
            log.exception("autocomplete of %s %s failed", command, param)
            return []

    async def failed(self, interaction: Interaction, error: BaseException) -> None:
        """An unexpected failure: a short id for the user, the trace in the log under it."""
        what = f"interaction {interaction.id}"
        text = incident_reply(Translator(self.app.default_locale), log, what, error).text
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True)
            else:
                await interaction.response.send_message(text, ephemeral=True)
        except discord.HTTPException:
            log.exception("could not tell the user about the failure of %s", what)

    # The three kinds of interaction.

    async def _command(
        self, interaction: Interaction, command: str, verb: str, options: Mapping[str, object]
    ) -> None:
        if interaction.guild_id is None:  # commands are guild-only; a network is a guild
            await self._refuse(interaction)
            return
        key = str(interaction.guild_id)
        text = options.get("text")
        typed = {name: v for name, v in options.items() if name != "text" and v is not None}
        if isinstance(text, str) and text.strip():
            asked = invocation(interaction, key, command, text=f"{verb} {text.strip()}".strip())
            people = self._mentioned(interaction, text)
        elif typed:
            values = {name: _option_value(v) for name, v in typed.items()}
            asked = invocation(interaction, key, command, verb=verb, values=values)
            people = _ready([person(v) for v in typed.values() if isinstance(v, discord.abc.User)])
        else:
            asked = invocation(interaction, key, command, text=verb)
            people = _ready([])

        async def thinking() -> None:
            await interaction.response.defer(ephemeral=True, thinking=True)

        reply = await self._within_deadline(self._core(asked, people), thinking)
        await self._answer(interaction, reply, key, edit=False)

    async def _press(self, interaction: Interaction, press: ids.Press, label: str) -> None:
        if not _same_network(interaction, press.key):
            await self._refuse(interaction)
            return
        if press.ask is not None:
            t = Translator(await self._locale(press.key))
            name = press.ask.name
            question = t(f"param.{name}.label") if t.has(f"param.{name}.label") else name
            await interaction.response.send_modal(ask_modal(press, label or question, question))
            return
        asked = invocation(interaction, press.key, press.command, text=press.args)
        reply = await self._within_deadline(
            self._core(asked, _ready([])), self._acknowledge(interaction)
        )
        await self._answer(interaction, reply, press.key, edit=True)

    async def _submit(self, interaction: Interaction) -> None:
        data: Mapping[str, Any] = interaction.data or {}
        target = ids.read_modal(str(data.get("custom_id", "")))
        if target is None:
            return  # not one of ours
        if not _same_network(interaction, target.key):
            await self._refuse(interaction)
            return
        values = submitted_values(data)
        if isinstance(target, ids.AskSubmit):
            text = f"{target.args} {values.get(target.name, '').strip()}".strip()
            asked = invocation(interaction, target.key, target.command, text=text)
            people: list[Person] = []
        else:
            picked = submitted_people(data)
            if target.page < target.pages:
                await self._next_page(interaction, target, values, picked)
                return
            earlier = self.pages.take(_draft_key(interaction, target))
            values, picked = {**earlier.values, **values}, {**earlier.people, **picked}
            asked = invocation(
                interaction, target.key, target.command, verb=target.verb, values=values
            )
            people = [picked[v] for v in values.values() if v in picked]
        # A modal opened from a button answers on that button's message.
        edit = isinstance(target, ids.AskSubmit) and interaction.message is not None
        if edit:
            defer = self._acknowledge(interaction)
        else:

            async def defer() -> None:
                await interaction.response.defer(ephemeral=True, thinking=True)

        reply = await self._within_deadline(self._core(asked, _ready(people)), defer)
        if reply.error and isinstance(target, ids.FormSubmit):
            self.drafts.keep(_draft_key(interaction, target), values, refused=reply)
            reply = await self._with_retry(reply, target)
        await self._answer(interaction, reply, target.key, edit=edit)

    async def _next_page(
        self,
        interaction: Interaction,
        form: ids.FormSubmit,
        values: Mapping[str, str],
        picked: Mapping[str, Person],
    ) -> None:
        """Keep this page's values; a button opens the next page (a modal cannot open one)."""
        key = _draft_key(interaction, form)
        earlier = self.pages.take(key)
        values, picked = {**earlier.values, **values}, {**earlier.people, **picked}
        self.pages.keep(key, values, pages=form.page, people=picked)
        label = f"{await self._form_title(form)} ({form.page + 1}/{form.pages})"
        going_on = Action(label, form.command, form.verb, Style.PRIMARY)
        reply = Reply(text=f"✓ {form.page}/{form.pages}", actions=(going_on,))
        await self._answer(interaction, reply, form.key, edit=False)

    async def _form_title(self, form: ids.FormSubmit) -> str:
        t = Translator(await self._locale(form.key))
        title = f"form.{form.command}" + (f".{form.verb}" if form.verb else "")
        return t(title) if t.has(title) else form.command

    async def _with_retry(self, refused: Reply, form: ids.FormSubmit) -> Reply:
        """The refusal, and a button that reopens the form with what was typed."""
        retry = Action(await self._form_title(form), form.command, form.verb, Style.PRIMARY)
        return Reply(text=refused.text, actions=(retry,))

    # Running core within the deadline.

    async def _core(self, asked: Invocation, people: Awaitable[list[Person]]) -> Reply:
        named = [p for p in await people if p.id != asked.user_id and not p.bot]
        return await asyncio.to_thread(self._handle, asked, named)

    def _handle(self, asked: Invocation, named: list[Person]) -> Reply:
        """Core enrols the named users with the command, in its transaction."""
        mentions = tuple(PlatformUser(someone.id, someone.name) for someone in named)
        return self.app.handle(replace(asked, mentions=mentions))

    async def _within_deadline(
        self, work: Coroutine[Any, Any, Reply], defer: Callable[[], Awaitable[object]]
    ) -> Reply:
        task = asyncio.ensure_future(work)
        done, _ = await asyncio.wait({task}, timeout=self.budget)
        if not done:
            await defer()
        return await task

    @staticmethod
    def _acknowledge(interaction: Interaction) -> Callable[[], Awaitable[object]]:
        """A click is deferred silently: its message is edited when the reply comes."""

        async def defer() -> None:
            await interaction.response.defer()

        return defer

    async def _mentioned(self, interaction: Interaction, text: str) -> list[Person]:
        """The users an inline command mentions, so core knows them as members."""
        guild = interaction.guild
        found: list[Person] = []
        for user_id in mentioned_user_ids(text)[:MAX_MENTIONS]:
            member = guild.get_member(user_id) if guild else None
            if member is None and guild is not None:
                try:
                    member = await guild.fetch_member(user_id)
                except discord.HTTPException:
                    continue  # not in this guild: core will say so
            if member is not None:
                found.append(person(member))
        return found

    async def _locale(self, key: str) -> str:
        try:
            return await asyncio.wait_for(
                asyncio.to_thread(self.app.locale_of, key), self.budget / 2
            )
        except Exception:
            log.exception("could not read the locale of network %s", key)
            return self.app.default_locale

    # Showing the reply.

    async def _answer(self, interaction: Interaction, reply: Reply, key: str, edit: bool) -> None:
        """`edit`: the reply replaces the clicked message (its buttons go with it); errors and
        forms are told to the clicking user alone."""
        response = interaction.response
        if reply.form is not None:
            if not response.is_done():
                drafted = ids.FormSubmit(key, reply.form.command, reply.form.verb)
                form = self.drafts.fill(_draft_key(interaction, drafted), reply.form)
                page = 1 + self.pages.peek(_draft_key(interaction, drafted)).pages
                await response.send_modal(form_modal(form, key, min(page, pages_of(form))))
                return
            edit = False
        shown = render(reply, key)
        missing = discord.utils.MISSING
        files = shown.files or missing
        if edit and not reply.error:
            if response.is_done():
                await interaction.edit_original_response(
                    content=shown.content, embeds=shown.embeds, view=shown.view, attachments=files
                )
            else:
                await response.edit_message(
                    content=shown.content, embeds=shown.embeds, view=shown.view, attachments=files
                )
        elif not response.is_done():
            await response.send_message(
                content=shown.content,
                embeds=shown.embeds,
                view=shown.view or missing,
                files=files,
                ephemeral=True,
            )
        elif response.type is discord.InteractionResponseType.deferred_message_update:
            await interaction.followup.send(
                content=shown.content or missing,
                embeds=shown.embeds,
                view=shown.view or missing,
                files=files,
                ephemeral=True,
            )
        else:  # deferred with "thinking": the reply takes its place
            await interaction.edit_original_response(
                content=shown.content, embeds=shown.embeds, view=shown.view, attachments=files
            )
        for going_on in shown.more:  # a card too long for one message goes on in the next
            await interaction.followup.send(
                content=going_on.content or missing, embeds=going_on.embeds, ephemeral=True
            )

    async def _refuse(self, interaction: Interaction) -> None:
        text = Translator(self.app.default_locale)("error.not_allowed")
        refused = Reply(text=text, error=True, problem=Problem("error.not_allowed"))
        await self._answer(interaction, refused, "", edit=False)

    async def _guarded(self, interaction: Interaction, work: Awaitable[None]) -> None:
        try:
            await work
        except Exception as error:
            await self.failed(interaction, error)


async def _ready(people: list[Person]) -> list[Person]:
    return people


def _option_value(value: object) -> str:
    if isinstance(value, discord.abc.User):
        return str(value.id)
    return str(value)


def _same_network(interaction: Interaction, key: str) -> bool:
    """A click in a guild acts in that guild only (in a DM, the custom_id names the network)."""
    return interaction.guild_id is None or str(interaction.guild_id) == key


def _draft_key(interaction: Interaction, form: ids.FormSubmit) -> Key:
    return (str(interaction.user.id), form.key, form.command, form.verb)
