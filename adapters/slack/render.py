"""Core replies as Block Kit: the same blocks in a message, an ephemeral reply or App Home.

Within Slack's limits: 3000 characters a section, 2000 a field and 10 fields a section, 150 a
header, 25 buttons an actions block, 75 characters a button label, 50 blocks a message. What
a member wrote is never cut: long text goes on in the next section, a long field gets its own
sections, a reply longer than a message goes over several.
"""

from __future__ import annotations

from typing import Any

from adapters.common.as_text import form_action
from adapters.common.text import cap, cap_words, split
from adapters.slack import ids
from core.shared.ui import Action, Field, Reply, Style

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
    """A plain text object; past `limit` (catalog texts are written to fit) it ends on a
    whole word."""
    return {"type": "plain_text", "text": cap_words(text, limit) or " ", "emoji": True}


def _sections(text: str) -> list[Block]:
    """Text as mrkdwn sections: over Slack's limit it goes on in the next section, cut
    between lines or words, never inside an entity, never dropped."""
    pieces = [piece.strip() for piece in split(text, SECTION_MAX)]
    return [{"type": "section", "text": {"type": "mrkdwn", "text": p}} for p in pieces if p]


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


def _title(title: str) -> list[Block]:
    """A header when it fits, else bold sections: a title may hold what a member wrote."""
    if len(title) <= HEADER_MAX:
        return [{"type": "header", "text": plain(title, HEADER_MAX)}]
    return _sections(escape(title))


def _fields(fields: tuple[Field, ...]) -> list[Block]:
    """Fields side by side, ten a section; a field too long for a column gets sections of
    its own, in its place."""
    blocks: list[Block] = []
    row: list[Block] = []
    for field in fields:
        text = f"*{escape(field.label)}*\n{escape(field.value)}"
        if len(text) <= FIELD_MAX:
            row.append({"type": "mrkdwn", "text": text})
            if len(row) == FIELDS_PER_SECTION:
                blocks.append({"type": "section", "fields": row})
                row = []
            continue
        if row:
            blocks.append({"type": "section", "fields": row})
            row = []
        blocks.extend(_sections(text))
    if row:
        blocks.append({"type": "section", "fields": row})
    return blocks


def _footer(footer: str) -> list[Block]:
    text = escape(footer)
    if len(text) <= SECTION_MAX:
        return [{"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}]
    return _sections(text)


def content(reply: Reply) -> list[Block]:
    """Every block of the reply but its buttons, however many it takes: nothing is cut."""
    blocks: list[Block] = []
    if reply.text:
        prefix = WARNING if reply.error else ""
        blocks.extend(_sections(prefix + escape(reply.text)))
    if reply.title:
        blocks.extend(_title(reply.title))
    blocks.extend(_fields(reply.fields))
    if reply.lines:
        for chunk in _chunks([f"• {escape(line)}" for line in reply.lines]):
            blocks.extend(_sections(chunk))
    if reply.footer:
        blocks.extend(_footer(reply.footer))
    return blocks


def buttons(reply: Reply) -> list[Block]:
    actions = reply.actions
    if reply.form is not None:
        # A form in a message becomes the button that opens it: the command with its verb alone.
        actions = (*actions, form_action(reply.form))
    return action_blocks(actions) if actions else []


def pages(reply: Reply, limit: int = MESSAGE_BLOCKS) -> list[list[Block]]:
    """The reply as one message, or as several when it holds more blocks than a message does;
    the buttons come last."""
    blocks = [*content(reply), *buttons(reply)]
    return [blocks[i : i + limit] for i in range(0, len(blocks), limit)] or [[]]


def render(reply: Reply, with_actions: bool = True, limit: int = MESSAGE_BLOCKS) -> list[Block]:
    """The reply's blocks in one view (App Home); past the view's block limit the last lines
    give way to `…` (the Home tab points to the commands that show them whole), never the
    buttons."""
    blocks = content(reply)
    actions = buttons(reply) if with_actions else []
    room = limit - len(actions)
    if len(blocks) > room:
        more = {"type": "context", "elements": [{"type": "mrkdwn", "text": "…"}]}
        blocks = [*blocks[: room - 1], more]
    return blocks + actions[:limit]


FALLBACK_MAX = 4000  # what Slack advises for a message's top-level text


def fallback_text(reply: Reply) -> str:
    """The top-level text of a message, which notifications and screen readers show. Slack
    parses it as mrkdwn, so it is escaped like the blocks: `<!channel>` or `<@U...>` that a
    member wrote stays literal text. The blocks carry the whole reply."""
    text = reply.text or reply.title or (reply.lines[0] if reply.lines else "") or reply.footer
    return cap(escape(text or (reply.form.title if reply.form else "")), FALLBACK_MAX)
