"""The console writes a reply's files (charts, exports) to disk and prints where."""

from __future__ import annotations

import re
from pathlib import Path

from core.shared.ui import Attachment

_UNSAFE = re.compile(r"[^\w.\-]+")


def save(files: tuple[Attachment, ...], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for item in files:
        name = _UNSAFE.sub("_", Path(item.filename).name) or "file"
        path = folder / name
        path.write_bytes(item.content)
        written.append(path.resolve())
    return written
