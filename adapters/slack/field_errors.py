"""Which modal field a core refusal is about, so Slack shows it next to that field.

Core's errors carry what they refused: the `value` typed (`12abc is not a valid amount`), the
member `name`, or the `field` or `section` named by its short name or label (`The need is
too long`). Else a required field left empty (core's usage error), else the first field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from core.errors import ApportError

ERRORS_MAX = 2000


def field_for_error(
    error: ApportError | None,
    values: Mapping[str, str],
    order: Sequence[str],
    field_names: Callable[[str], set[str]],
    required: Sequence[str] = (),
) -> str:
    """The block id to attach the error to. `field_names(name)`: how core may name a field."""
    if not order:
        return ""
    params = error.params if error is not None else {}
    for key in ("value", "name"):
        refused = str(params.get(key, "")).strip()
        found = [n for n in order if refused and values.get(n, "").strip() == refused]
        if found:
            return found[0]
    for key in ("field", "section"):
        named = str(params.get(key, "")).strip().casefold()
        found = [n for n in order if named and named in {w.casefold() for w in field_names(n)}]
        if found:
            return found[0]
    empty = [n for n in order if n in required and not values.get(n, "").strip()]
    return empty[0] if empty else order[0]


def errors_for(message: str, block: str) -> dict[str, str]:
    return {block: message[:ERRORS_MAX]}
