"""The benchmark suite in its tiniest configuration: every section runs and the table it writes
is well formed. Benchmarks report and this test asserts, so it never looks at a timing.

PostgreSQL parts run with TEST_DATABASE_URL and are skipped (as rows saying so) without it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from bench import document, stats_section, suite
from bench.__main__ import main
from bench.profiles import TINY
from bench.report import HEADER, MISSING, SECTIONS, Row, table

PG_URL = os.environ.get("TEST_DATABASE_URL", "")
CELL = re.compile(r"(?<!\\)\|")


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    return suite.run(TINY, PG_URL).results.rows


def test_every_section_reports_and_none_failed(rows: list[Row]) -> None:
    assert {row.section for row in rows} == set(SECTIONS)
    assert [row for row in rows if row.failed] == []


def test_measured_rows_carry_both_medians_and_a_ratio(rows: list[Row]) -> None:
    measured = [row for row in rows if not row.skipped]
    assert len(measured) >= 8
    for row in measured:
        assert row.value != MISSING and row.floor != MISSING, row
        assert row.ratio is not None and row.ratio > 0, row


def test_postgresql_parts_run_only_with_a_server(rows: list[Row]) -> None:
    on_postgresql = [row for row in rows if "PostgreSQL" in row.measure]
    assert len(on_postgresql) == 2
    assert all(row.skipped for row in on_postgresql) is not bool(PG_URL)


def test_every_message_was_dispatched_exactly_once(rows: list[Row]) -> None:
    dispatched = [row for row in rows if row.section == SECTIONS[2] and not row.skipped]
    assert dispatched
    assert all(row.note.startswith("exactly once") for row in dispatched), dispatched


def test_the_document_holds_a_well_formed_table(rows: list[Row], tmp_path: Path) -> None:
    path = tmp_path / "PERFORMANCE.md"
    path.write_text("# old\n\n## Findings\n\nKept by hand.\n")
    text = document.render(rows, [("CPU", "test")], "python -m bench --tiny", 1.0, path)
    assert text.startswith("# Performance\n")
    for heading in ("## How to run", "## Latest results", "### Machine", "## The floors"):
        assert f"\n{heading}\n" in text
    assert text.rstrip().endswith("## Findings\n\nKept by hand.")
    lines = table(rows).splitlines()
    assert lines[0] == "| " + " | ".join(HEADER) + " |"
    assert len(lines) == len(rows) + 2
    for line in lines:
        assert line.startswith("| ") or line.startswith("|---"), line
        assert len(CELL.findall(line)) == len(HEADER) + 1, line
    assert "\n".join(lines) in text


def test_stats_skips_cleanly_where_core_has_no_stats(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stats_section, "missing", lambda: "/stats is not in core yet")
    [row] = stats_section.run(TINY)
    assert row.skipped and row.section == SECTIONS[3]
    assert "/stats is not in core yet" in row.note


def test_the_command_prints_and_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "PERFORMANCE.md"
    status = main(
        ["--profile", "tiny", "--only", "footprint", "--pg-url", "", "--output", str(path)]
    )
    assert status == 0
    assert "| 5. Footprint | start-up of apport --help |" in capsys.readouterr().out
    assert "| 5. Footprint | start-up of apport --help |" in path.read_text()
