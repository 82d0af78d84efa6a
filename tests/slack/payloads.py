"""Signed Slack requests as Slack sends them: slash commands, interactions, events."""

from __future__ import annotations

import json
import time
from itertools import count
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

SECRET = "test-signing-secret-0123456789"
BOT_TOKEN = "xoxb-1111-2222-testtokenvalue"
VERIFICATION_TOKEN = "legacy-verification-token-value"
_ids = count(1)


def signed(body: str, secret: str = SECRET, timestamp: int | None = None) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    assert signature is not None
    return {"x-slack-request-timestamp": stamp, "x-slack-signature": signature}


FORM = {"content-type": "application/x-www-form-urlencoded"}
JSON = {"content-type": "application/json"}


def command(
    command: str,
    text: str,
    user: str,
    response_url: str,
    team: str = "T1",
    domain: str = "",
    channel: str = "C0GENERAL",
) -> str:
    return urlencode(
        {
            "token": VERIFICATION_TOKEN,
            "team_id": team,
            "team_domain": domain or ("club" if team == "T1" else team.lower()),
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A0APPORT",
            "response_url": response_url,
            "trigger_id": f"trigger.{next(_ids)}",
        }
    )


def interaction(payload: dict[str, Any]) -> str:
    return urlencode({"payload": json.dumps(payload)})


def _team(team: str) -> dict[str, str]:
    return {"id": team, "domain": team.lower()}


def _user(user: str, team: str) -> dict[str, str]:
    return {"id": user, "username": user.lower(), "name": user.lower(), "team_id": team}


def find_button(blocks: list[dict[str, Any]], label: str) -> dict[str, Any]:
    for block in blocks:
        if block.get("type") == "actions":
            for element in block["elements"]:
                if element["text"]["text"] == label:
                    return {**element, "block_id": block["block_id"]}
    raise AssertionError(f"no button {label!r} in {json.dumps(blocks)[:600]}")


def buttons(blocks: list[dict[str, Any]]) -> list[str]:
    return [e["text"]["text"] for b in blocks if b.get("type") == "actions" for e in b["elements"]]


def press(
    blocks: list[dict[str, Any]],
    label: str,
    user: str,
    response_url: str = "",
    team: str = "T1",
    home: bool = False,
    channel: str = "D0001",
    message_ts: str = "1700000000.000001",
    thread_ts: str = "",
) -> dict[str, Any]:
    """The block_actions payload of pressing the button labelled `label` in `blocks`."""
    button = find_button(blocks, label)
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": _team(team),
        "user": _user(user, team),
        "api_app_id": "A0APPORT",
        "token": VERIFICATION_TOKEN,
        "trigger_id": f"trigger.{next(_ids)}",
        "actions": [
            {
                "type": "button",
                "action_id": button["action_id"],
                "block_id": button["block_id"],
                "text": button["text"],
                "value": button["value"],
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    if home:
        payload["container"] = {"type": "view", "view_id": "V0001"}
        payload["view"] = {"id": "V0001", "type": "home", "blocks": blocks}
    else:
        payload["container"] = {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel,
            "is_ephemeral": False,
        }
        name = "directmessage" if channel.startswith("D") else "recruiters"
        payload["channel"] = {"id": channel, "name": name}
        payload["message"] = {"ts": message_ts, "blocks": blocks}
        if thread_ts:
            payload["container"]["thread_ts"] = thread_ts
            payload["message"]["thread_ts"] = thread_ts
        payload["response_url"] = response_url
    return payload


def submit(
    view: dict[str, Any], values: dict[str, str], user: str, team: str = "T1"
) -> dict[str, Any]:
    """The view_submission payload of `view` (as opened) filled in with `values` by block id."""
    state: dict[str, dict[str, Any]] = {}
    for block in view["blocks"]:
        if block.get("type") != "input":
            continue
        element = block["element"]
        value = values.get(block["block_id"], "")
        kind = element["type"]
        if kind == "users_select":
            entry: dict[str, Any] = {"type": kind, "selected_user": value or None}
        elif kind == "static_select":
            option = next((o for o in element["options"] if o["value"] == value), None)
            entry = {"type": kind, "selected_option": option}
        else:
            entry = {"type": kind, "value": value or None}
        state[block["block_id"]] = {element["action_id"]: entry}
    return {
        "type": "view_submission",
        "team": _team(team),
        "user": _user(user, team),
        "api_app_id": "A0APPORT",
        "token": VERIFICATION_TOKEN,
        "trigger_id": f"trigger.{next(_ids)}",
        "view": {**view, "id": "V0002", "team_id": team, "state": {"values": state}},
    }


def event(event: dict[str, Any], team: str = "T1", event_id: str = "") -> str:
    return json.dumps(
        {
            "token": VERIFICATION_TOKEN,
            "team_id": team,
            "api_app_id": "A0APPORT",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(_ids):08d}",
            "event_time": int(time.time()),
        }
    )


def home_opened(user: str) -> dict[str, Any]:
    return {"type": "app_home_opened", "user": user, "channel": "D0001", "tab": "home"}
