"""Replies as plain JSON-able dicts, so a message can wait in the outbox and be sent later."""

from __future__ import annotations

import base64
from dataclasses import replace
from typing import Any

from core.shared.text import MAX_TEXT, neutralise_mass_mentions
from core.shared.ui import Action, Attachment, Field, Form, Input, InputKind, Reply, Style


def _input(data: dict[str, Any]) -> Input:
    return Input(
        name=data["name"],
        label=data["label"],
        kind=InputKind(data["kind"]),
        required=data.get("required", True),
        choices=tuple(data.get("choices", ())),
        initial=data.get("initial", ""),
        hint=data.get("hint", ""),
        max_length=data.get("max_length", MAX_TEXT),
    )


def _input_dict(item: Input) -> dict[str, Any]:
    return {
        "name": item.name,
        "label": item.label,
        "kind": item.kind.value,
        "required": item.required,
        "choices": list(item.choices),
        "initial": item.initial,
        "hint": item.hint,
        "max_length": item.max_length,
    }


def encode_reply(reply: Reply) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in ("text", "title", "footer", "card"):
        if getattr(reply, name):
            data[name] = getattr(reply, name)
    if reply.fields:
        data["fields"] = [[f.label, f.value] for f in reply.fields]
    if reply.lines:
        data["lines"] = list(reply.lines)
    if reply.actions:
        data["actions"] = [
            {
                "label": a.label,
                "command": a.command,
                "args": a.args,
                "style": a.style.value,
                **({"ask": _input_dict(a.ask)} if a.ask else {}),
            }
            for a in reply.actions
        ]
    if reply.form is not None:
        form = reply.form
        data["form"] = {
            "command": form.command,
            "verb": form.verb,
            "title": form.title,
            "submit_label": form.submit_label,
            "inputs": [_input_dict(i) for i in form.inputs],
        }
    if reply.error:
        data["error"] = True
    if reply.files:
        data["files"] = [
            {
                "filename": f.filename,
                "mime": f.mime,
                "content": base64.b64encode(f.content).decode("ascii"),
            }
            for f in reply.files
        ]
    return data


def decode_reply(data: dict[str, Any]) -> Reply:
    form = data.get("form")
    return Reply(
        text=data.get("text", ""),
        title=data.get("title", ""),
        footer=data.get("footer", ""),
        card=data.get("card", ""),
        fields=tuple(Field(label, value) for label, value in data.get("fields", ())),
        lines=tuple(data.get("lines", ())),
        actions=tuple(
            Action(
                a["label"],
                a["command"],
                a["args"],
                Style(a.get("style", "default")),
                _input(a["ask"]) if "ask" in a else None,
            )
            for a in data.get("actions", ())
        ),
        form=Form(
            command=form["command"],
            verb=form.get("verb", ""),
            title=form["title"],
            submit_label=form.get("submit_label", ""),
            inputs=tuple(_input(i) for i in form["inputs"]),
        )
        if form
        else None,
        error=bool(data.get("error", False)),
        files=tuple(
            Attachment(f["filename"], base64.b64decode(f["content"]), f["mime"])
            for f in data.get("files", ())
        ),
    )


def neutralised(reply: Reply) -> Reply:
    """The reply with every mass mention made inert (for posts to a channel)."""
    clean = neutralise_mass_mentions
    return replace(
        reply,
        text=clean(reply.text),
        title=clean(reply.title),
        footer=clean(reply.footer),
        fields=tuple(Field(clean(f.label), clean(f.value)) for f in reply.fields),
        lines=tuple(clean(line) for line in reply.lines),
    )
