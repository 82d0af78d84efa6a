"""Discord's documented limits, checked on messages, modals and commands as Discord receives
them (JSON), and what a member reads of a reply spread over several messages."""

from __future__ import annotations

import re
from typing import Any

from adapters.discord.render import Rendered

# https://discord.com/developers/docs/resources/message#embed-object-embed-limits and the
# component, interaction and application command references.
EMBED_TITLE, EMBED_DESCRIPTION, FIELD_NAME, FIELD_VALUE = 256, 4096, 256, 1024
FIELDS, FOOTER, EMBEDS_TOTAL, EMBEDS, CONTENT = 25, 2048, 6000, 10, 2000
MODAL_TITLE, LABEL, LABEL_DESCRIPTION, PLACEHOLDER, ROWS = 45, 45, 100, 100, 5
BUTTON_LABEL, BUTTONS_PER_ROW, SELECT_OPTIONS, OPTION_LABEL, CUSTOM_ID = 80, 5, 25, 100, 100
TEXT_INPUT_MAX = 4000
COMMAND_NAME, DESCRIPTION, CHOICES, OPTIONS, STRING_OPTION_MAX = 32, 100, 25, 25, 6000
NAME = re.compile(r"^[-_\w]{1,32}$")


def as_json(shown: Rendered) -> list[dict[str, Any]]:
    """The messages Discord receives for one rendered reply, first to last."""
    messages = []
    for index, one in enumerate([shown, *shown.more]):
        message: dict[str, Any] = {
            "content": one.content or "",
            "embeds": [embed.to_dict() for embed in one.embeds],
        }
        if index == 0 and shown.view is not None:
            message["components"] = shown.view.to_components()
        messages.append(message)
    return messages


def message_problems(message: dict[str, Any]) -> list[str]:
    """What in one message Discord would refuse."""
    problems: list[str] = []

    def over(what: str, text: str | None, limit: int) -> None:
        if text is not None and len(text) > limit:
            problems.append(f"{what}: {len(text)} > {limit}")

    over("content", message.get("content"), CONTENT)
    embeds = message.get("embeds") or []
    if len(embeds) > EMBEDS:
        problems.append(f"{len(embeds)} embeds")
    total = 0
    for embed in embeds:
        over("title", embed.get("title"), EMBED_TITLE)
        over("description", embed.get("description"), EMBED_DESCRIPTION)
        fields = embed.get("fields") or []
        if len(fields) > FIELDS:
            problems.append(f"{len(fields)} fields")
        for item in fields:
            over("field name", item["name"], FIELD_NAME)
            over("field value", item["value"], FIELD_VALUE)
            if not item["name"].strip() or not item["value"].strip():
                problems.append("an empty field")
        footer = (embed.get("footer") or {}).get("text")
        over("footer", footer, FOOTER)
        total += sum(len(embed.get(k) or "") for k in ("title", "description"))
        total += sum(len(f["name"]) + len(f["value"]) for f in fields) + len(footer or "")
    if total > EMBEDS_TOTAL:
        problems.append(f"embeds total {total} > {EMBEDS_TOTAL}")
    rows = message.get("components") or []
    if len(rows) > ROWS:
        problems.append(f"{len(rows)} component rows")
    for row in rows:
        if len(row.get("components", [])) > BUTTONS_PER_ROW:
            problems.append("a row of more than 5 buttons")
        for button in row.get("components", []):
            over("button label", button.get("label"), BUTTON_LABEL)
            over("custom_id", button.get("custom_id"), CUSTOM_ID)
    return problems


def modal_problems(modal: dict[str, Any]) -> list[str]:
    """What in a modal (an interaction's type 9 data) Discord would refuse."""
    problems: list[str] = []
    if len(modal["title"]) > MODAL_TITLE:
        problems.append(f"title {modal['title']!r}")
    if len(modal["custom_id"]) > CUSTOM_ID:
        problems.append("custom_id")
    if len(modal["components"]) > ROWS:
        problems.append(f"{len(modal['components'])} inputs")
    for label in modal["components"]:
        if len(label["label"]) > LABEL:
            problems.append(f"label {label['label']!r}")
        if len(label.get("description") or "") > LABEL_DESCRIPTION:
            problems.append(f"description {label['description']!r}")
        inner = label["component"]
        if len(inner.get("placeholder") or "") > PLACEHOLDER:
            problems.append(f"placeholder {inner['placeholder']!r}")
        if inner["type"] == 4:
            value, most = inner.get("value") or "", inner.get("max_length", TEXT_INPUT_MAX)
            if most > TEXT_INPUT_MAX or len(value) > most:
                problems.append(f"{inner['custom_id']}: {len(value)} in {most}")
        options = inner.get("options") or []
        if len(options) > SELECT_OPTIONS:
            problems.append(f"{len(options)} options")
        problems += [f"option {o['label']!r}" for o in options if len(o["label"]) > OPTION_LABEL]
    return problems


def command_problems(command: dict[str, Any], path: str = "") -> list[str]:
    """What in a synced application command (and its options) Discord would refuse."""
    where = f"{path}/{command['name']}"
    problems: list[str] = []
    if not NAME.match(command["name"]) or command["name"] != command["name"].lower():
        problems.append(f"{where}: name")
    descriptions = [
        command.get("description", ""),
        *command.get("description_localizations", {}).values(),
    ]
    problems += [f"{where}: {d!r}" for d in descriptions if not 1 <= len(d) <= DESCRIPTION]
    options = command.get("options") or []
    if len(options) > OPTIONS:
        problems.append(f"{where}: {len(options)} options")
    if len(command.get("choices") or []) > CHOICES:
        problems.append(f"{where}: choices")
    if "max_length" in command and not 0 < command["max_length"] <= STRING_OPTION_MAX:
        problems.append(f"{where}: max_length {command['max_length']}")
    for option in options:
        problems += command_problems(option, where)
    return problems


def read_whole(messages: list[dict[str, Any]]) -> str:
    """What a member reads of the messages, in order, spaces aside (a split falls on one)."""
    parts: list[str] = []
    for message in messages:
        parts.append(message.get("content") or "")
        for embed in message.get("embeds") or []:
            parts += [embed.get("title") or "", embed.get("description") or ""]
            for item in embed.get("fields") or []:
                parts += [item["name"], item["value"]]
            parts.append((embed.get("footer") or {}).get("text") or "")
    return squeezed(" ".join(parts))


def squeezed(text: str) -> str:
    return "".join(text.split())
