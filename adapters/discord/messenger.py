"""Delivers outbox notices from the dispatcher's thread through the bot's event loop.

A notice that opens a thread (a candidate's card in the recruiters channel) is posted and a
thread is started from it; Discord gives the thread the id of that message, which is the
reference returned to the outbox, so the later posts of the thread land in it.

The dispatcher is synchronous and runs in the scheduler's thread; discord.py is asynchronous
and owns the event loop. `send` hands the coroutine to that loop and waits for it with a
timeout, so a slow send holds only the dispatcher, never the bot, and one row only that long.
Every message is sent with a nonce made from the outbox row's key, enforced: a row sent again
within Discord's nonce window (a few minutes) gets back the message already made, not a second
one. Discord's answers become
`DeliveryFailed`: a rate limit longer than discord.py waits by itself carries the delay; a
user who closed their DMs or blocked the bot, or a channel that is gone, is permanent.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import logging
import secrets

import aiohttp
import discord

from adapters.common.text import cap
from adapters.discord.render import Rendered, render
from core.shared.errors import DeliveryFailed
from core.shared.ui import CardInPlace, Notice, Reply

log = logging.getLogger(__name__)

THREAD_NAME = 100
# A call that has not answered by then is given up; its row is retried later. Rate limits that
# discord.py would sleep through longer are given up too, and retried the same way.
TIMEOUT = 10.0
NONCE = 25  # Discord's longest nonce
DEFAULT_RETRY_AFTER = 60.0
CANNOT_MESSAGE_USER = 50007


class DiscordMessenger:
    def __init__(self, client: discord.Client, timeout: float = TIMEOUT) -> None:
        self.client = client
        self.timeout = timeout

    def send(self, notice: Notice) -> str | None:
        loop = self.client.loop  # a placeholder until discord.py logs in
        if not isinstance(loop, asyncio.AbstractEventLoop) or loop.is_closed():
            raise DeliveryFailed("the Discord client is not running")
        future = asyncio.run_coroutine_threadsafe(self._send(notice), loop)
        try:
            return future.result(self.timeout)
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise DeliveryFailed(
                f"no answer from Discord within {self.timeout:.0f} s", in_doubt=True
            ) from None
        except discord.RateLimited as error:
            raise DeliveryFailed("rate limited by Discord", retry_after=error.retry_after) from None
        except discord.HTTPException as error:
            raise _failure(error) from None
        except (aiohttp.ClientError, OSError) as error:
            raise DeliveryFailed(f"could not reach Discord: {error!r}") from None

    async def _send(self, notice: Notice) -> str:
        card = notice.card
        if card is not None and card.ref:
            return await self._update_card(notice, card)
        message = await self._post_notice(notice, notice.reply)
        if card is not None:  # a card is edited later: its reference names its channel too
            return f"{message.channel.id}:{message.id}"
        return str(message.id)

    async def _update_card(self, notice: Notice, card: CardInPlace) -> str:
        """Edit the member's copy of the card, then say in one line what changed; when the
        copy is gone or may no longer be edited, post the card afresh (nothing is lost)."""
        channel_id, _, message_id = card.ref.partition(":")
        if not (channel_id.isdigit() and message_id.isdigit()):
            raise DeliveryFailed(f"{card.ref} is not a Discord message", permanent=True)
        shown = render(card.shown or notice.reply, notice.network_key)
        target = self.client.get_partial_messageable(int(channel_id))
        try:
            await target.get_partial_message(int(message_id)).edit(
                content=shown.content or None,
                embeds=shown.embeds,
                view=shown.view,
            )
        except (discord.NotFound, discord.Forbidden):
            log.info("the card %s of %s is gone: posted again", card.key, notice.name)
            message = await self._post_notice(notice, notice.reply)
            return f"{message.channel.id}:{message.id}"
        if card.line:
            await self._post_notice(notice, Reply(text=card.line))
        return card.ref

    async def _post_notice(self, notice: Notice, reply: Reply) -> discord.Message:
        shown = render(reply, notice.network_key)
        nonce = nonce_of(notice)
        if notice.channel:
            if notice.thread_ref:
                message = await self._in_thread(notice, shown, nonce)
            else:
                message = await _post(self._channel(notice, notice.channel), shown, nonce)
                if notice.opens_thread:
                    await self._open_thread(message, notice.thread_title)
        elif notice.external_id.isdigit():
            dm = await self.client.create_dm(discord.Object(int(notice.external_id)))
            message = await _post(dm, shown, nonce)
        else:
            raise DeliveryFailed(f"no Discord recipient for {notice.name!r}", permanent=True)
        return message

    def _channel(self, notice: Notice, channel_id: str) -> discord.PartialMessageable:
        if not channel_id.isdigit():
            raise DeliveryFailed(f"{channel_id} is not a Discord channel id", permanent=True)
        guild = int(notice.network_key) if notice.network_key.isdigit() else None
        return self.client.get_partial_messageable(int(channel_id), guild_id=guild)

    async def _open_thread(self, message: discord.Message, title: str) -> None:
        try:
            await message.create_thread(name=cap(title or "Apport", THREAD_NAME))
        except (discord.HTTPException, ValueError):  # the card is out; the thread's next post
            # tries again (ValueError: discord.py does not know the guild)
            log.exception("could not open a thread from message %s", message.id)

    async def _in_thread(self, notice: Notice, shown: Rendered, nonce: str) -> discord.Message:
        """A thread started from a message has that message's id."""
        try:
            return await _post(self._channel(notice, notice.thread_ref), shown, nonce)
        except discord.NotFound:  # the thread was never opened: open it now
            channel = self._channel(notice, notice.channel)
            root = channel.get_partial_message(int(notice.thread_ref))
            await root.create_thread(name=cap(notice.thread_title or "Apport", THREAD_NAME))
            return await _post(self._channel(notice, notice.thread_ref), shown, nonce)


def nonce_of(notice: Notice) -> str:
    """The row's key, hashed to Discord's length: the same row always sends the same nonce."""
    key = f"{notice.network_key}:{notice.key}" if notice.key else secrets.token_hex(16)
    return hashlib.sha256(key.encode()).hexdigest()[:NONCE]


async def _post(target: discord.abc.Messageable, shown: Rendered, nonce: str) -> discord.Message:
    """discord.py sends `enforce_nonce` with every nonce: a repeat gets the first message. A
    card too long for one message goes on in the next ones (each with a nonce of its own);
    the first is the one returned."""
    missing = discord.utils.MISSING
    first = await target.send(
        content=shown.content,
        embeds=shown.embeds,
        view=shown.view or missing,
        files=shown.files or missing,
        nonce=nonce,
    )
    for index, going_on in enumerate(shown.more, start=1):
        then = hashlib.sha256(f"{nonce}:{index}".encode()).hexdigest()[:NONCE]
        await target.send(content=going_on.content, embeds=going_on.embeds, nonce=then)
    return first


def _failure(error: discord.HTTPException) -> DeliveryFailed:
    what = f"Discord answered {error.status}" + (
        f" ({error.code}: {error.text})" if error.code else ""
    )
    if error.status == 429:  # a Cloudflare 429, which discord.py does not wait through
        header = error.response.headers.get("Retry-After", "")
        delay = float(header) if header.replace(".", "", 1).isdigit() else DEFAULT_RETRY_AFTER
        return DeliveryFailed(what, retry_after=delay)
    if error.code == CANNOT_MESSAGE_USER:
        return DeliveryFailed(what + ": their direct messages are closed", permanent=True)
    if isinstance(error, discord.Forbidden | discord.NotFound):
        return DeliveryFailed(what, permanent=True)
    return DeliveryFailed(what)
