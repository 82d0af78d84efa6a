"""A post to a channel from a command or a job, through the outbox like every message."""

from __future__ import annotations

import uuid

from core.shared.context import Context
from core.shared.outbox import OutboxItem
from core.shared.ui import Reply
from core.shared.ui_codec import encode_reply


def post(ctx: Context, channel: str, reply: Reply, kind: str) -> None:
    ctx.schedule(
        OutboxItem(
            ctx.network.id,
            kind,
            ctx.now,
            {"reply": encode_reply(reply)},
            channel=channel,
            key=f"{kind}:{uuid.uuid4().hex}",
        )
    )
