"""A real PostgreSQL server for the store tests, from Debian's package.

``make test`` installs the ``postgresql`` package when it is missing; this
module runs ``initdb`` in a temporary directory owned by the ``postgres``
user (initdb refuses to run as root), starts the server on 127.0.0.1 on a
free port, and stops it and removes the directory at the end (the folder is in
memory where a RAM file system is mounted: see THROWAWAY).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

# A throwaway cluster needs no durability, and it lives in memory where there is a RAM file system:
# on a disk that discards freed blocks as it deletes (ext4 ``discard``), removing a cluster whose files
# were written back took about 4 ms a file, and the suite's session teardown (70-odd databases of some
# 300 files each) took minutes.  Its write-ahead log is kept to a few segments, so it stays small.
SHM = Path("/dev/shm")
THROWAWAY = (
    "fsync=off",
    "full_page_writes=off",
    "wal_level=minimal",
    "max_wal_senders=0",
    "min_wal_size=32MB",
    "max_wal_size=64MB",
)


def binaries() -> Path | None:
    """The newest installed PostgreSQL bin directory, if any."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _memory_folder() -> str | None:
    """A RAM file system to put the cluster in, else None (the default temporary folder)."""
    return str(SHM) if SHM.is_dir() and os.access(SHM, os.W_OK) else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    """One throwaway cluster; ``url(db)`` gives a SQLAlchemy URL for a database in it."""

    def __init__(self, bindir: Path, root: Path | None = None) -> None:
        """A throwaway cluster, or with ``root`` one kept there across runs (created on its first start)."""
        self.bindir = bindir
        self.port = _free_port()
        self.kept = root is not None
        self.root = root or Path(tempfile.mkdtemp(prefix="claimgraph-pg-", dir=_memory_folder()))
        self.data = self.root / "data"
        self.as_root = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True)

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        if not (self.data / "PG_VERSION").exists():
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 " + " ".join(
            f"-c {setting}" for setting in THROWAWAY
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast" if self.kept else "immediate", "-w", "stop")
        finally:
            if not self.kept:
                shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A fresh, empty database; its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" STRATEGY = FILE_COPY')  # a file copy: no WAL of the template
        return self.url(name)
