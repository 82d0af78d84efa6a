"""The suite's results: rows of a table, rendered as Markdown and written to PERFORMANCE.md.

Every row compares Apport with its floor measured in the same run: `ratio` is Apport's time
divided by the floor's time (above 1: slower than the floor). Goals are checked, never asserted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

HEADER = ("Section", "Measure", "Apport", "Floor", "Ratio", "Goal", "Note")
SECTIONS = ("1. Latency", "2. Console", "3. Dispatch", "4. Stats", "5. Footprint")
MISSING = "—"


@dataclass(frozen=True)
class Goal:
    text: str  # "ratio ≤ 1.5", "< 50 ms"
    met: bool

    def cell(self) -> str:
        return f"{self.text}: {'met' if self.met else '**not met**'}"


@dataclass(frozen=True)
class Row:
    section: str  # one of SECTIONS
    measure: str
    value: str = MISSING  # Apport's median (or rate), formatted with its unit
    floor: str = MISSING  # the floor's, and what the floor is
    ratio: float | None = None
    goals: tuple[Goal, ...] = ()
    note: str = ""

    @property
    def skipped(self) -> bool:
        return self.note.startswith("skipped")

    @property
    def failed(self) -> bool:
        return self.note.startswith("failed")

    def cells(self) -> tuple[str, ...]:
        ratio = MISSING if self.ratio is None else f"{self.ratio:.2f}"
        goals = "; ".join(goal.cell() for goal in self.goals) or MISSING
        return (self.section, self.measure, self.value, self.floor, ratio, goals, self.note)


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)

    def add(self, *rows: Row) -> None:
        self.rows.extend(rows)

    def skip(self, section: str, measure: str, why: str) -> None:
        self.rows.append(Row(section, measure, note=f"skipped: {why}"))

    def fail(self, section: str, error: BaseException) -> None:
        text = " ".join(str(error).split())[:200]
        self.rows.append(Row(section, "(section)", note=f"failed: {type(error).__name__}: {text}"))


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def table(rows: Sequence[Row]) -> str:
    lines = [
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join("---" for _ in HEADER) + "|",
    ]
    lines += ["| " + " | ".join(_escape(c) for c in row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def us(seconds: float) -> str:
    return f"{seconds * 1e6:.0f} µs" if seconds < 1e-3 else ms(seconds)


def ratio(value: float, floor: float) -> float | None:
    return value / floor if floor > 0 else None
