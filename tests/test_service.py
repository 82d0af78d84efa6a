"""Running as a service: `apport migrate` then `--no-migrate` replicas, the health port's
answers, and JSON log lines."""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect

from bot.cli import main
from bot.discord_main import shards
from bot.logs import JsonFormatter
from bot.metrics import Metrics
from bot.scheduler import DispatchLoop
from bot.service import HealthServer, Service
from bot.settings import Settings, SettingsError
from core.app import HANDLING
from core.dispatcher import Dispatcher
from storage.database import make_engine, migrate, unit_of_work_factory
from tests.discord.harness import TOKEN


def test_migrate_then_start_without_migrating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'apport.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)

    assert main(["discord", "--no-migrate"]) == 2
    assert "run `apport migrate` first" in capsys.readouterr().err

    assert main(["migrate"]) == 0
    assert "migrations applied" in capsys.readouterr().out
    engine = make_engine(url)
    assert "referrals" in inspect(engine).get_table_names()
    engine.dispose()
    assert main(["migrate"]) == 0
    assert "0 migrations applied" in capsys.readouterr().out


class StillClock:
    def now(self) -> datetime:
        return datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def health(database_url: str) -> Iterator[tuple[str, DispatchLoop]]:
    engine = make_engine(database_url)
    migrate(engine)
    dispatcher = Dispatcher(unit_of_work_factory(engine), _NoMessenger(), StillClock().now, "t")
    loop = DispatchLoop(dispatcher, 5.0)
    metrics = Metrics()
    metrics.watch(engine, StillClock(), loop)
    server = HealthServer(Service(engine, loop, metrics), "127.0.0.1", 0)
    server.start()
    yield f"http://127.0.0.1:{server.port}", loop
    server.stop()
    engine.dispose()


class _NoMessenger:
    def send(self, notice: object) -> None:
        raise AssertionError("nothing is due")


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_health_port_answers_once_the_loop_runs(health: tuple[str, DispatchLoop]) -> None:
    base, loop = health
    assert _get(base + "/healthz") == (200, "ok\n")
    status, page = _get(base + "/readyz")
    assert status == 503 and "dispatch loop" in page, "not ready before the loop's first run"

    loop._run()  # one tick, as the scheduler runs it

    assert _get(base + "/readyz") == (200, "ready\n")
    status, page = _get(base + "/metrics")
    assert status == 200 and "apport_outbox_depth 0.0" in page
    assert _get(base + "/elsewhere")[0] == 404


def test_a_scrape_without_the_database_says_so(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    dispatcher = Dispatcher(unit_of_work_factory(engine), _NoMessenger(), StillClock().now, "t")
    loop = DispatchLoop(dispatcher, 5.0)
    metrics = Metrics()
    gone = make_engine("sqlite:////nonexistent/dir/apport.db")
    metrics.watch(gone, StillClock(), loop)

    status, _, body = Service(gone, loop, metrics).answer("/metrics") or (0, "", b"")

    assert status == 503 and b"database unreachable" in body
    engine.dispose()


def test_json_log_lines_carry_the_network_command_and_incident() -> None:
    record = logging.LogRecord("apport", logging.ERROR, __file__, 1, "failed %s", ("x",), None)
    record.incident = "1a2b3c4d"
    token = HANDLING.set(("T1", "refer"))
    try:
        line = json.loads(JsonFormatter().format(record))
    finally:
        HANDLING.reset(token)

    assert line["message"] == "failed x" and line["level"] == "ERROR"
    assert (line["network"], line["command"], line["incident"]) == ("T1", "refer", "1a2b3c4d")
    assert line["time"].endswith("+00:00")


def test_shards_split_over_processes() -> None:
    def read(**values: object) -> tuple[int | None, list[int] | None]:
        return shards(Settings(**{"DISCORD_TOKEN": TOKEN, **values}))  # type: ignore[arg-type]

    assert read() == (None, None), "by default discord.py asks Discord for the count"
    assert read(DISCORD_SHARD_COUNT=4, DISCORD_SHARD_IDS="2, 3") == (4, [2, 3])
    for wrong in (
        {"DISCORD_SHARD_IDS": "0,1"},
        {"DISCORD_SHARD_COUNT": 2, "DISCORD_SHARD_IDS": "2"},
        {"DISCORD_SHARD_COUNT": 2, "DISCORD_SHARD_IDS": "one"},
    ):
        with pytest.raises(SettingsError, match="DISCORD_SHARD"):
            read(**wrong)
