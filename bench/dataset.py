"""Generated networks on SQLite, cached in a temporary folder keyed by size and schema.

Generating 100,000 referrals takes a while; the file is made once (by `bench.generate`, bulk
inserts), then each run works on a copy. The key holds a digest of the migrations, the tables
and the generator, so a schema change makes a new file rather than a stale one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "apport-bench"
SIDECARS = ("-wal", "-shm", "-journal")
TEAM = "T1"  # the network's key: the Slack team id the fake Web API answers for


@dataclass(frozen=True)
class Dataset:
    path: Path
    network_id: int
    key: str
    members: int
    referrals: int
    now: str  # ISO time the generated history ends at
    admin_external_id: str

    @property
    def generated_until(self) -> datetime:
        return datetime.fromisoformat(self.now)

    def copy_to(self, folder: Path, name: str = "apport.db") -> str:
        """A SQLite URL to a fresh copy of the network, which the run may change."""
        target = folder / name
        shutil.copyfile(self.path, target)
        return f"sqlite:///{target}"


def schema_stamp() -> str:
    digest = hashlib.sha256()
    sources = sorted((ROOT / "storage" / "migrations" / "versions").glob("*.py"))
    sources += [ROOT / "storage" / "tables.py", ROOT / "bench" / "generate.py"]
    for source in sources:
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def cached(members: int, referrals: int, key: str = TEAM) -> Dataset:
    """The generated network of this size, made now if the cache does not hold it."""
    CACHE.mkdir(parents=True, exist_ok=True)
    name = f"network-{key}-{members}m-{referrals}r-{schema_stamp()}"
    path, meta = CACHE / f"{name}.db", CACHE / f"{name}.json"
    if path.exists() and meta.exists():
        return _read(path, meta)
    partial = CACHE / f"{name}.{os.getpid()}.partial"
    try:
        made = _generate(partial, members, referrals, key)
        os.replace(partial, path)
    finally:
        for leftover in (partial, *(partial.with_name(partial.name + s) for s in SIDECARS)):
            leftover.unlink(missing_ok=True)
    meta.write_text(json.dumps({k: v for k, v in asdict(made).items() if k != "path"}))
    for stale in CACHE.glob(f"network-{key}-{members}m-{referrals}r-*"):
        if not stale.name.startswith(name):  # the same network for an older schema
            stale.unlink(missing_ok=True)
    return replace(made, path=path)


def _read(path: Path, meta: Path) -> Dataset:
    data = json.loads(meta.read_text())
    return Dataset(
        path=path,
        network_id=int(data["network_id"]),
        key=str(data["key"]),
        members=int(data["members"]),
        referrals=int(data["referrals"]),
        now=str(data["now"]),
        admin_external_id=str(data["admin_external_id"]),
    )


def _generate(path: Path, members: int, referrals: int, key: str) -> Dataset:
    from bench.generate import generate
    from core.charter.services import install_default
    from storage.database import make_engine, migrate, unit_of_work_factory

    path.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{path}")
    try:
        migrate(engine)
        made = generate(engine, members, referrals, key=key)
        with unit_of_work_factory(engine)() as uow:  # what a network made by Apport has
            network = uow.networks.get(made.network_id)
            assert network is not None
            install_default(uow, network, made.now)
            uow.commit()
    finally:
        engine.dispose()
    with closing(sqlite3.connect(path)) as connection:  # everything in the one file
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Dataset(
        path=path,
        network_id=made.network_id,
        key=key,
        members=members,
        referrals=referrals,
        now=made.now.isoformat(),
        admin_external_id=made.admin_external_id,
    )
