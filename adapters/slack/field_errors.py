"""Which modal field a core error is about, so Slack shows it next to that field.

Core returns a localised error reply, not the parameter at fault, so this reads the message:
the field whose submitted value the message quotes (`abc is not a valid amount`), else the field
it names (`The need is too long`), else the first field. Core errors quote the value they
refuse, which makes the first rule reliable; a `param` on core's errors would make it exact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

ERRORS_MAX = 2000


def _mentions(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def field_for_error(
    message: str,
    values: Mapping[str, str],
    order: Sequence[str],
    field_word: Callable[[str], str],
) -> str:
    """The block id to attach `message` to. `field_word(name)` is how messages name a field."""
    quoted = [name for name in order if values.get(name, "").strip()]
    quoted.sort(key=lambda name: len(values[name].strip()), reverse=True)
    for name in quoted:
        if _mentions(message, values[name].strip()):
            return name
    for name in order:
        word = field_word(name)
        if word and _mentions(message, word):
            return name
    return order[0] if order else ""


def errors_for(message: str, block: str) -> dict[str, str]:
    return {block: message[:ERRORS_MAX]}
