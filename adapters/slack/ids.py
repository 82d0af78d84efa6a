"""A button's `value`: the core action it runs (command and arguments), as compact JSON.

The value travels with the message, so a button still works after a restart or on another
process; nothing about it is kept on our side.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from core.shared.ui import Action, Input, InputKind

ACTION_PREFIX = "apport.action:"
MAX_VALUE = 2000  # Block Kit's limit for a button value


@dataclass(frozen=True)
class Pressed:
    command: str
    args: str
    label: str = ""
    ask: Input | None = None


def encode(action: Action) -> str:
    data: dict[str, Any] = {"c": action.command, "a": action.args}
    if action.ask is not None:
        data["l"] = action.label
        ask = action.ask
        data["k"] = {"n": ask.name, "l": ask.label, "t": ask.kind.value, "h": ask.hint}
        if ask.choices:
            data["k"]["o"] = list(ask.choices)
    value = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if len(value) > MAX_VALUE:
        raise ValueError(f"button value too long for {action.command} {action.args[:40]}")
    return value


def decode(value: str) -> Pressed:
    """Raise ValueError when the value is not one of ours."""
    data = json.loads(value)
    if not isinstance(data, dict) or not isinstance(data.get("c"), str):
        raise ValueError("not an Apport button value")
    ask = data.get("k")
    return Pressed(
        command=data["c"],
        args=str(data.get("a", "")),
        label=str(data.get("l", "")),
        ask=Input(
            name=str(ask["n"]),
            label=str(ask["l"]),
            kind=InputKind(ask["t"]),
            choices=tuple(str(c) for c in ask.get("o", ())),
            hint=str(ask.get("h", "")),
        )
        if isinstance(ask, dict)
        else None,
    )
