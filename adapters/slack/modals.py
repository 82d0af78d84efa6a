"""Core forms as Slack modals, and what a submitted modal holds.

Each input is one input block whose `block_id` is the input's name, so a validation error can be
shown next to the field it concerns (`response_action: errors` keyed by block id).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from adapters.slack.render import Block, plain
from core.shared.text import MAX_TEXT
from core.shared.ui import Form, Input, InputKind

FORM_CALLBACK = "apport.form"
ASK_CALLBACK = "apport.ask"
ELEMENT = "value"  # the action_id of every input element
TITLE_MAX = 24
LABEL_MAX = 2000
OPTIONS_MAX = 100


@dataclass(frozen=True)
class Origin:
    """Where a modal came from, kept in its `private_metadata` (at most 3000 characters)."""

    command: str
    verb: str = ""  # a form's verb
    args: str = ""  # an asked value's action arguments
    response_url: str = ""  # the message or command to answer once submitted
    home: bool = False  # opened from App Home: republish it afterwards
    channel: str = ""
    # The message answered is seen by the presser alone (their DM with the bot, an ephemeral
    # message): the only kind an answer may replace. A shared message is never replaced.
    private: bool = False

    def dump(self) -> str:
        return json.dumps({k: v for k, v in asdict(self).items() if v}, separators=(",", ":"))

    @classmethod
    def load(cls, text: str) -> Origin:
        data = json.loads(text or "{}")
        return cls(
            command=str(data.get("command", "")),
            verb=str(data.get("verb", "")),
            args=str(data.get("args", "")),
            response_url=str(data.get("response_url", "")),
            home=bool(data.get("home", False)),
            channel=str(data.get("channel", "")),
            private=bool(data.get("private", False)),
        )


def _option(value: str) -> dict[str, Any]:
    return {"text": plain(value, 75), "value": value}


def element(item: Input) -> Block:
    if item.kind is InputKind.MEMBER:
        picker: Block = {"type": "users_select", "action_id": ELEMENT}
        if item.initial:
            picker["initial_user"] = item.initial
        return picker
    if item.choices:
        select: Block = {
            "type": "static_select",
            "action_id": ELEMENT,
            "options": [_option(c) for c in item.choices[:OPTIONS_MAX]],
        }
        if item.initial in item.choices:
            select["initial_option"] = _option(item.initial)
        return select
    field: Block = {"type": "plain_text_input", "action_id": ELEMENT, "max_length": MAX_TEXT}
    if item.kind is InputKind.LONG_TEXT:
        field["multiline"] = True
    if item.initial:
        field["initial_value"] = item.initial[:MAX_TEXT]
    return field


def input_block(item: Input) -> Block:
    block: Block = {
        "type": "input",
        "block_id": item.name,
        "label": plain(item.label, LABEL_MAX),
        "optional": not item.required,
        "element": element(item),
    }
    if item.hint:
        block["hint"] = plain(item.hint, LABEL_MAX)
    return block


def modal(
    callback_id: str, title: str, submit: str, inputs: tuple[Input, ...], origin: Origin
) -> Block:
    return {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title, TITLE_MAX),
        "submit": plain(submit, TITLE_MAX),
        "private_metadata": origin.dump(),
        "blocks": [input_block(item) for item in inputs],
    }


def form_view(form: Form, origin: Origin, submit: str) -> Block:
    return modal(FORM_CALLBACK, form.title, form.submit_label or submit, form.inputs, origin)


def ask_view(ask: Input, title: str, origin: Origin, submit: str) -> Block:
    return modal(ASK_CALLBACK, title or ask.label, submit, (ask,), origin)


def read_values(view: dict[str, Any]) -> dict[str, str]:
    """The submitted value of each input, by input name ("" when left empty)."""
    values: dict[str, str] = {}
    for block_id, elements in view.get("state", {}).get("values", {}).items():
        state = elements.get(ELEMENT) or {}
        if state.get("type") == "users_select":
            values[block_id] = state.get("selected_user") or ""
        elif state.get("type") == "static_select":
            values[block_id] = (state.get("selected_option") or {}).get("value", "")
        else:
            values[block_id] = state.get("value") or ""
    return values


def input_labels(view: dict[str, Any]) -> dict[str, str]:
    """The modal's inputs in order (where errors can be shown): block id -> label."""
    return {
        b["block_id"]: str((b.get("label") or {}).get("text", ""))
        for b in view.get("blocks", [])
        if b.get("type") == "input"
    }
