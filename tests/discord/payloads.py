"""Raw gateway payloads as Discord sends them: INTERACTION_CREATE of each type, GUILD_CREATE."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import discord

from tests.discord.fake_discord import APPLICATION_ID, snowflake, user_json

COMMAND, COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 2, 3, 4, 5
OPTION_TYPES = {str: 3, int: 4, "member": 6}
MEMBER_PERMISSIONS = discord.Permissions(view_channel=True, send_messages=True).value


@dataclass(frozen=True)
class User:
    id: int
    name: str
    bot: bool = False

    def json(self) -> dict[str, Any]:
        return user_json(self.id, self.name, self.bot)


@dataclass(frozen=True)
class Guild:
    id: int
    name: str
    owner: User
    channel: int  # where commands are typed

    def member(self, user: User) -> dict[str, Any]:
        admin = user == self.owner
        permissions = discord.Permissions.all().value if admin else MEMBER_PERMISSIONS
        return {
            "user": user.json(),
            "nick": None,
            "roles": [],
            "joined_at": "2026-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "permissions": str(permissions),
        }

    def create(self) -> dict[str, Any]:
        """GUILD_CREATE, as the gateway sends it after READY (no member list: no privileged
        intent)."""
        return {
            "id": str(self.id),
            "name": self.name,
            "owner_id": str(self.owner.id),
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "member_count": 3,
            "large": False,
            "unavailable": False,
            "members": [],
            "channels": [self.channel_json()],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    def channel_json(self) -> dict[str, Any]:
        return {
            "id": str(self.channel),
            "type": 0,
            "guild_id": str(self.id),
            "name": "general",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
        }


def _interaction(
    kind: int, user: User, guild: Guild | None, data: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    interaction_id = snowflake()
    payload: dict[str, Any] = {
        "id": interaction_id,
        "application_id": str(APPLICATION_ID),
        "type": kind,
        "token": f"token-{interaction_id}",
        "version": 1,
        "attachment_size_limit": 8 * 1024 * 1024,
        "app_permissions": "0",
        "locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {},
        "data": data,
        **extra,
    }
    if guild is not None:
        payload["guild_id"] = str(guild.id)
        payload["guild_locale"] = "en-US"
        payload["guild"] = {"id": str(guild.id), "locale": "en-US", "features": []}
        payload["member"] = guild.member(user)
        payload["channel"] = guild.channel_json()
        payload["context"] = 0
    else:
        payload["user"] = user.json()
        payload["channel"] = {"id": extra.get("channel_id", snowflake()), "type": 1}
        payload["context"] = 1
    return payload


def _resolved(guild: Guild, users: list[User]) -> dict[str, Any]:
    members = {}
    for user in users:
        member = guild.member(user)
        member.pop("user")
        members[str(user.id)] = member
    return {"users": {str(u.id): u.json() for u in users}, "members": members}


def _options(options: dict[str, Any], guild: Guild) -> tuple[list[dict[str, Any]], list[User]]:
    built, named = [], []
    for name, value in options.items():
        if isinstance(value, User):
            built.append({"name": name, "type": 6, "value": str(value.id)})
            named.append(value)
        else:
            built.append({"name": name, "type": OPTION_TYPES[type(value)], "value": value})
    return built, named


def slash(
    user: User,
    guild: Guild,
    command: str,
    sub: str | None = None,
    focused: str | None = None,
    **options: Any,
) -> dict[str, Any]:
    """`/command [sub] name:value ...`; with `focused`, the autocomplete request for it."""
    built, named = _options(options, guild)
    for option in built:
        if option["name"] == focused:
            option["focused"] = True
            option["value"] = str(option["value"])
    if sub is not None:
        built = [{"type": 1, "name": sub, "options": built}]
    data: dict[str, Any] = {"id": snowflake(), "name": command, "type": 1, "options": built}
    if named:
        data["resolved"] = _resolved(guild, named)
    return _interaction(AUTOCOMPLETE if focused else COMMAND, user, guild, data)


def click(
    user: User, message: dict[str, Any], custom_id: str, guild: Guild | None = None
) -> dict[str, Any]:
    """A button pressed on `message` (as Discord holds it) by `user`, in a DM unless `guild`."""
    data = {"custom_id": custom_id, "component_type": 2}
    return _interaction(
        COMPONENT, user, guild, data, message=message, channel_id=message["channel_id"]
    )


def submit(
    user: User,
    modal: dict[str, Any],
    values: dict[str, Any],
    guild: Guild | None = None,
    message: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The modal the bot opened (its callback data), filled in with `values` by input name;
    a User value answers a user picker."""
    components, picked = [], []
    for label in modal["components"]:
        inner = label["component"]
        value = values.get(inner["custom_id"])
        answered: dict[str, Any] = {"type": inner["type"], "custom_id": inner["custom_id"]}
        if inner["type"] == 4:
            answered["value"] = str(value or "")
        elif isinstance(value, User):
            answered["values"] = [str(value.id)]
            picked.append(value)
        else:
            answered["values"] = [str(value)] if value is not None else []
        components.append({"type": 18, "id": label.get("id", 0), "component": answered})
    data: dict[str, Any] = {"custom_id": modal["custom_id"], "components": components}
    if picked and guild is not None:
        data["resolved"] = _resolved(guild, picked)
    extra: dict[str, Any] = {}
    if message is not None:
        extra = {"message": message, "channel_id": message["channel_id"]}
    return _interaction(MODAL_SUBMIT, user, guild, data, **extra)
