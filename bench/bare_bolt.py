"""The latency floor: a Bolt app on Apport's server stack whose command handler only acks.

Same uvicorn configuration as `bot.slack_main.http_server`, same ASGI adapter
(`ThreadedSlackHandler`), same Bolt `App` options and signature check; nothing of Apport's
own is imported, so its resident memory is also the footprint's floor.

    PORT=... SLACK_API_URL=... SLACK_BOT_TOKEN=... SLACK_SIGNING_SECRET=... \\
        python -m bench.bare_bolt
"""

from __future__ import annotations

import logging
import os
import re
import sys

import uvicorn
from slack_bolt import Ack, App
from slack_sdk import WebClient

from adapters.slack.asgi import ThreadedSlackHandler

LOOPBACK = "127.0.0.1"


def build(api_url: str, token: str, secret: str) -> App:
    app = App(client=WebClient(token=token, base_url=api_url), signing_secret=secret)

    def only_ack(ack: Ack) -> None:
        ack()

    app.command(re.compile(r"^/"))(only_ack)
    return app


def main() -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    env = os.environ
    app = build(env["SLACK_API_URL"], env["SLACK_BOT_TOKEN"], env["SLACK_SIGNING_SECRET"])
    config = uvicorn.Config(
        ThreadedSlackHandler(app),
        host=LOOPBACK,
        port=int(os.environ["PORT"]),
        log_config=None,
        lifespan="off",
    )
    uvicorn.Server(config).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
