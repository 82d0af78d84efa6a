"""Where a modal shows a refusal: beside the input core's problem names, else the first one."""

from __future__ import annotations

from collections.abc import Sequence

from core.shared.ui import Problem

ERRORS_MAX = 2000


def field_for(problem: Problem | None, order: Sequence[str]) -> str:
    """The block id to attach the error to, among the modal's inputs in `order`."""
    if not order:
        return ""
    if problem is not None and problem.field in order:
        return problem.field
    return order[0]


def errors_for(message: str, block: str) -> dict[str, str]:
    return {block: message[:ERRORS_MAX]}
