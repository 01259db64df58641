"""Walking input paths into documents. (Being written: ingest helper.)"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from claimgraph.model import Document, ExtractionError


def read_paths(paths: Sequence[str | Path]) -> Iterator[Document | ExtractionError]:
    """Every document under ``paths`` in a stable order."""
    for p in paths:
        for f in sorted(Path(p).rglob("*")) if Path(p).is_dir() else [Path(p)]:
            raw = f.read_bytes()
            yield Document(id="sha256:" + hashlib.sha256(raw).hexdigest(), source_path=str(f), text=raw.decode())
