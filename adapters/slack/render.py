"""Core replies as Block Kit: the same blocks in a message, an ephemeral reply or App Home.

Within Slack's limits: 3000 characters a section, 10 fields a section, 150 a header,
25 buttons an actions block, 75 characters a button label.
"""

from __future__ import annotations

from typing import Any

from adapters.common.as_text import form_action
from adapters.common.text import cap
from adapters.slack import ids
from core.shared.ui import Action, Reply, Style

Block = dict[str, Any]

SECTION_MAX = 3000
FIELD_MAX = 2000
HEADER_MAX = 150
BUTTON_TEXT_MAX = 75
FIELDS_PER_SECTION = 10
BUTTONS_PER_BLOCK = 25
WARNING = ":warning: "


def escape(text: str) -> str:
    """Slack's mrkdwn escaping: `&`, `<` and `>` would otherwise be read as links and mentions."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain(text: str, limit: int = SECTION_MAX) -> dict[str, Any]:
    return {"type": "plain_text", "text": cap(text, limit) or " ", "emoji": True}


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": cap(text, SECTION_MAX)}}


def _chunks(lines: list[str], limit: int = SECTION_MAX) -> list[str]:
    """Join lines into texts of at most `limit` characters, never splitting a line if it fits."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit and current:
            chunks.append(current)
            candidate = line
        current = candidate
    if current:
        chunks.append(current)
    return chunks


def button(action: Action, index: int) -> Block:
    element: Block = {
        "type": "button",
        "action_id": f"{ids.ACTION_PREFIX}{index}",
        "text": plain(action.label, BUTTON_TEXT_MAX),
        "value": ids.encode(action),
    }
    if action.style is not Style.DEFAULT:
        element["style"] = action.style.value
    return element


def action_blocks(actions: tuple[Action, ...]) -> list[Block]:
    buttons = [button(action, i) for i, action in enumerate(actions)]
    return [
        {
            "type": "actions",
            "block_id": f"apport.actions.{n}",
            "elements": buttons[i : i + BUTTONS_PER_BLOCK],
        }
        for n, i in enumerate(range(0, len(buttons), BUTTONS_PER_BLOCK))
    ]


MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100


def render(reply: Reply, with_actions: bool = True, limit: int = MESSAGE_BLOCKS) -> list[Block]:
    """The reply's blocks; past Slack's block limit, the last lines are cut, never the buttons."""
    blocks: list[Block] = []
    if reply.text:
        prefix = WARNING if reply.error else ""
        blocks.extend(_section(chunk) for chunk in _chunks([prefix + escape(reply.text)]))
    if reply.title:
        blocks.append({"type": "header", "text": plain(reply.title, HEADER_MAX)})
    fields = [
        {"type": "mrkdwn", "text": cap(f"*{escape(f.label)}*\n{escape(f.value)}", FIELD_MAX)}
        for f in reply.fields
    ]
    for i in range(0, len(fields), FIELDS_PER_SECTION):
        blocks.append({"type": "section", "fields": fields[i : i + FIELDS_PER_SECTION]})
    if reply.lines:
        blocks.extend(_section(c) for c in _chunks([f"• {escape(line)}" for line in reply.lines]))
    if reply.footer:
        footer = {"type": "mrkdwn", "text": cap(escape(reply.footer), SECTION_MAX)}
        blocks.append({"type": "context", "elements": [footer]})
    actions = reply.actions
    if reply.form is not None:
        # A form in a message becomes the button that opens it: the command with its verb alone.
        actions = (*actions, form_action(reply.form))
    buttons = action_blocks(actions) if with_actions and actions else []
    room = limit - len(buttons)
    if len(blocks) > room:
        more = {"type": "context", "elements": [{"type": "mrkdwn", "text": "…"}]}
        blocks = [*blocks[: room - 1], more]
    return blocks + buttons[:limit]


def fallback_text(reply: Reply) -> str:
    """The top-level text of a message, which notifications and screen readers show. Slack
    parses it as mrkdwn, so it is escaped like the blocks: `<!channel>` or `<@U...>` that a
    member wrote stays literal text."""
    text = reply.text or reply.title or (reply.lines[0] if reply.lines else "") or reply.footer
    return cap(escape(text or (reply.form.title if reply.form else "")), SECTION_MAX)
