"""Checks a message or view against Block Kit: slack_sdk's models (their validation raises past
a limit) and the limits Slack documents that those models do not check."""

from __future__ import annotations

import html
from typing import Any

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
MESSAGE_TEXT = 40000
MODAL_TEXT = 24  # a modal's title, submit and close
METADATA = 3000
SECTION = 3000
FIELD = 2000
FIELDS = 10
HEADER = 150
CONTEXT_ELEMENTS = 10
ACTIONS = 25
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
IDS = 255
LABEL = 2000
PLACEHOLDER = 150
OPTIONS = 100
OPTION_TEXT = 75
OPTION_VALUE = 150
INPUT = 3000


def _within(what: str, text: str, limit: int, where: list[str]) -> None:
    if len(text) > limit:
        where.append(f"{what}: {len(text)} > {limit}")


def _block(block: dict[str, Any], problems: list[str]) -> None:
    Block.parse(block).validate_json()  # type: ignore[union-attr]
    kind = block["type"]
    _within("block_id", str(block.get("block_id", "")), IDS, problems)
    if kind == "section":
        if "text" in block:
            _within("section", block["text"]["text"], SECTION, problems)
        fields = block.get("fields") or []
        _within("fields", "x" * len(fields), FIELDS, problems)
        for field in fields:
            _within("field", field["text"], FIELD, problems)
    elif kind == "header":
        _within("header", block["text"]["text"], HEADER, problems)
    elif kind == "context":
        _within("context", "x" * len(block["elements"]), CONTEXT_ELEMENTS, problems)
        for element in block["elements"]:
            _within("context text", element.get("text", ""), SECTION, problems)
    elif kind == "actions":
        _within("buttons", "x" * len(block["elements"]), ACTIONS, problems)
        for button in block["elements"]:
            _within("button text", button["text"]["text"], BUTTON_TEXT, problems)
            _within("button value", button.get("value", ""), BUTTON_VALUE, problems)
            _within("action_id", button["action_id"], IDS, problems)
    elif kind == "input":
        _within("label", block["label"]["text"], LABEL, problems)
        _within("hint", (block.get("hint") or {}).get("text", ""), LABEL, problems)
        element = block["element"]
        _within("placeholder", (element.get("placeholder") or {}).get("text", ""), 150, problems)
        if element["type"] == "plain_text_input":
            limit = min(int(element.get("max_length", INPUT)), INPUT)
            _within("initial value", element.get("initial_value", ""), limit, problems)
        options = element.get("options") or []
        _within("options", "x" * len(options), OPTIONS, problems)
        for option in options:
            _within("option text", option["text"]["text"], OPTION_TEXT, problems)
            _within("option value", option["value"], OPTION_VALUE, problems)


def check_message(message: dict[str, Any]) -> list[str]:
    """What breaks a limit in a message (chat.postMessage, a response_url answer)."""
    problems: list[str] = []
    blocks = message.get("blocks") or []
    _within("blocks in a message", "x" * len(blocks), MESSAGE_BLOCKS, problems)
    _within("message text", str(message.get("text") or ""), MESSAGE_TEXT, problems)
    for block in blocks:
        _block(block, problems)
    return problems


def check_view(view: dict[str, Any]) -> list[str]:
    """What breaks a limit in a modal or the Home tab."""
    problems: list[str] = []
    View(**view).validate_json()
    _within("blocks in a view", "x" * len(view["blocks"]), VIEW_BLOCKS, problems)
    for part in ("title", "submit", "close"):
        if view.get(part):
            _within(f"modal {part}", view[part]["text"], MODAL_TEXT, problems)
    _within("private_metadata", view.get("private_metadata", ""), METADATA, problems)
    _within("callback_id", view.get("callback_id", ""), IDS, problems)
    for block in view["blocks"]:
        _block(block, problems)
    return problems


def read(message: dict[str, Any]) -> str:
    """Every text a reader sees in a message or view, unescaped, whitespace folded."""
    parts = [str(message.get("text") or "")]
    for block in message.get("blocks") or []:
        for key in ("text", "label", "hint"):
            if isinstance(block.get(key), dict):
                parts.append(block[key]["text"])
        parts.extend(f["text"] for f in block.get("fields") or [])
        for element in block.get("elements") or []:
            text = element.get("text")
            parts.append(text["text"] if isinstance(text, dict) else str(text or ""))
        element = block.get("element") or {}
        parts.append(str(element.get("initial_value") or ""))
    return " ".join(html.unescape(" ".join(parts)).split())
