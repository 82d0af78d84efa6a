"""A payload's fields read into core's `Invocation`, the same way on every platform."""

from __future__ import annotations

from collections.abc import Mapping

from core.app import Invocation


def invocation(
    network_key: str,
    network_name: str,
    user_id: str,
    user_name: str,
    command: str,
    *,
    text: str = "",
    verb: str = "",
    values: Mapping[str, str] | None = None,
    platform_admin: bool = False,
) -> Invocation:
    """A network the platform gives no name keeps its key as a name."""
    return Invocation(
        network_key=network_key,
        network_name=network_name or network_key,
        user_id=user_id,
        user_name=user_name,
        command=command,
        text=text,
        verb=verb,
        values=values,
        platform_admin=platform_admin,
    )
