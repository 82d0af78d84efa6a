"""Long text reaches the reader whole: a charter section of 2,000 characters, in French and
full of `&`, `<` and `>` (each five times longer once escaped), is never cut, and no entity is
split between two blocks."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from adapters.common.text import split
from tests.slack.harness import SlackHarness

SENTENCE = "Pas de « débauchage » & <aucun> client détourné > la charte l'emporte ; "
SECTION = (SENTENCE * 40)[:1990].rstrip() + " FIN."


def _texts(message: dict[str, Any]) -> list[str]:
    texts: list[str] = []
    for block in message["blocks"]:
        if isinstance(block.get("text"), dict):
            texts.append(block["text"]["text"])
        texts.extend(f["text"] for f in block.get("fields") or [])
        texts.extend(e["text"] for e in block.get("elements") or [] if e.get("type") == "mrkdwn")
    return texts


def test_a_long_french_charter_section_is_shown_whole(slack: SlackHarness) -> None:
    assert len(SECTION) <= 2000 and SECTION.count("&") + SECTION.count("<") > 40
    slack.command("UALICE", "/apport network set locale fr")
    slack.command("UALICE", "/charter edit", expect_reply=False)
    view = slack.opened_view()
    initial = {b["block_id"]: b["element"]["initial_value"] for b in view["blocks"]}
    response = slack.submit(view, {**initial, "members": SECTION}, "UALICE")
    assert response.status == 200 and not json.loads(response.body or "{}").get("errors")

    shown = slack.command("UBOB", "/charter")
    texts = _texts(shown)
    assert all(len(text) <= 3000 for text in texts)
    for text in texts:  # every entity whole in its block
        assert not re.search(r"&[a-z]{0,4}$", text) and not re.match(r"^[a-z]{1,4};", text)
    read = html.unescape("\n".join(texts))
    assert " ".join(SECTION.split()) in " ".join(read.split())  # every word, in order
    assert "<aucun>" not in "".join(texts)  # still escaped: Slack shows it as typed


@given(st.text(alphabet="ab &<>;\n", max_size=400), st.integers(min_value=8, max_value=60))
def test_split_joins_back_and_keeps_entities_whole(raw: str, limit: int) -> None:
    escaped = raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    pieces = split(escaped, limit)
    assert "".join(pieces) == escaped
    assert all(len(piece) <= limit for piece in pieces)
    assert all(html.unescape(piece).count("&") == piece.count("&amp;") for piece in pieces)
