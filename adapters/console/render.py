"""Core replies as plain text; an action becomes the command that does the same."""

from __future__ import annotations

from adapters.common.as_text import action_text, form_lines
from core.shared.i18n import Translator
from core.shared.ui import Reply


def render(reply: Reply, t: Translator) -> list[str]:
    if reply.card and reply.text:
        # A change to a card the member was shown once (their copy is updated in place, which
        # a terminal cannot do): the change is said in its line, with what comes next (the
        # footer); `/referral N` shows the card.
        return reply.text.splitlines() + reply.footer.splitlines()
    lines: list[str] = []
    if reply.text:
        lines.extend(reply.text.splitlines())
    if reply.title:
        lines.append(reply.title)
    separator = t("ui.field_separator")
    for item in reply.fields:
        value_lines = item.value.splitlines() or [""]
        if len(value_lines) == 1:
            lines.append(f"  {item.label}{separator}{value_lines[0]}")
        else:
            lines.append(f"  {item.label}")
            lines.extend(f"    {line}" for line in value_lines)
    lines.extend(f"  - {line}" for line in reply.lines)
    if reply.footer:
        lines.extend(reply.footer.splitlines())
    if reply.actions:
        lines.append("  " + "  ".join(action_text(a, t.locale) for a in reply.actions))
    if reply.form is not None:
        lines.extend(form_lines(reply.form, t))
    if reply.error and lines:
        lines[0] = "! " + lines[0]
    return lines
