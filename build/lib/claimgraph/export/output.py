"""Writing an export to a file without ever harming the store or another database.

``export --out`` once opened its target with ``open(path, "w")``: pointed at
the store's own SQLite file it truncated the store to nothing before a byte
was exported, and the next command silently made a new, empty store.  So
the target is checked first (not the store nor one of its side files, not
any SQLite database, not a directory, a parent that exists) and the export
is written to a temporary file beside it that replaces the target only once
it is complete: a full disk or a crash leaves the old target as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from claimgraph.errors import ConfigError, OutputError

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_target(path: Path, protected: Sequence[Path] = ()) -> Path:
    """The resolved ``path`` if an export may replace it; ``ConfigError`` saying why not otherwise."""
    target = path.expanduser().resolve()
    if any(target == p.expanduser().resolve() for p in protected):
        raise ConfigError(f"--out {path}: that is the store itself; choose another file")
    if target.is_dir():
        raise ConfigError(f"--out {path}: is a directory; give a file name")
    if not target.parent.is_dir():
        raise ConfigError(f"--out {path}: the folder {target.parent} does not exist")
    if target.exists():
        try:
            with target.open("rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise ConfigError(f"--out {path}: cannot be read to check it: {exc.strerror}") from exc
        if head == SQLITE_MAGIC:
            raise ConfigError(f"--out {path}: is a SQLite database; an export never overwrites one")
    return target


@contextmanager
def export_file(path: Path, protected: Sequence[Path] = ()) -> Iterator[TextIO]:
    """A text file that becomes ``path`` only when the ``with`` block completes."""
    target = check_target(path, protected)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"--out {path}: cannot create a file in {target.parent}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)
    except OSError as exc:
        raise OutputError(f"--out {path}: cannot write the export: {exc.strerror or exc}") from exc
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
