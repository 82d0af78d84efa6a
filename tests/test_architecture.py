"""The dependency rule: core/ is platform-neutral and imports nothing from the outer layers."""

from __future__ import annotations

import ast
from pathlib import Path

FORBIDDEN = {
    "slack_bolt",
    "slack_sdk",
    "discord",
    "sqlalchemy",
    "alembic",
    "apscheduler",
    "adapters",
    "storage",
    "bot",
    "pydantic",
    "pydantic_settings",
}
CORE = Path(__file__).resolve().parent.parent / "core"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_core_imports_no_platform_orm_scheduler_or_outer_layer() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 10
    offenders = {
        str(path.relative_to(CORE)): sorted(_imports(path) & FORBIDDEN)
        for path in files
        if _imports(path) & FORBIDDEN
    }
    assert offenders == {}


def test_the_checker_would_see_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom sqlalchemy.orm import Session\nimport discord.ui\n")
    assert _imports(sample) & FORBIDDEN == {"sqlalchemy", "discord"}
