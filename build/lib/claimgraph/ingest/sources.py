"""Input paths → documents: walking directories and choosing a reader per file.

Order is part of the contract (output follows input order), so directories
are walked depth-first with names sorted; hidden files and folders (editor
and VCS droppings) are skipped.  In a walk, a file whose extension no reader
claims is skipped silently — a corpus folder holds READMEs and gold files
too; a file named explicitly is the user's intent, so an unknown extension
is read as plain text.  Every per-file failure becomes an ``ExtractionError``
record and the batch goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.ingest.article import read_document
from claimgraph.ingest.decode import check_size, decode
from claimgraph.ingest.feeds import read_feed
from claimgraph.ingest.html import read_html
from claimgraph.ingest.records import read_json, read_jsonl
from claimgraph.ingest.tables import read_csv, read_tsv
from claimgraph.ingest.text import read_layout
from claimgraph.ingest.warc import read_warc
from claimgraph.model import Document, ExtractionError

Result = Document | ExtractionError
Reader = Callable[[bytes, Path], Iterator[Result]]


def _read_text(raw: bytes, path: Path) -> Iterator[Result]:
    yield read_document(raw, str(path), lambda: read_layout(decode(raw)))


def _read_html(raw: bytes, path: Path) -> Iterator[Result]:
    yield read_document(raw, str(path), lambda: read_html(decode(raw)))


READERS: dict[str, Reader] = {
    ".txt": _read_text,
    ".text": _read_text,
    ".html": _read_html,
    ".htm": _read_html,
    ".xhtml": _read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".tsv": read_tsv,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}


def is_warc(path: Path) -> bool:
    """``.warc`` or ``.warc.gz``."""
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz"))


def read_paths(paths: Sequence[str | Path]) -> Iterator[Result]:
    """Every document under ``paths``, in the order given and, inside directories, sorted."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in walk(path):
                yield from read_file(file)
        else:
            yield from read_file(path, explicit=True)


def walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` that some reader claims, depth-first in sorted order, hidden ones skipped."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            file = Path(folder) / name
            if not name.startswith(".") and (is_warc(file) or file.suffix.lower() in READERS):
                yield file


def read_file(path: Path, explicit: bool = False) -> Iterator[Result]:
    """The documents in one file; unknown extensions are read as text when ``explicit``."""
    if is_warc(path):
        try:
            if path.stat().st_size == 0:
                raise InputError("empty", "the file is empty")
        except (OSError, InputError) as exc:
            yield _failure(path, exc)
            return
        yield from read_warc(path)
        return
    reader = READERS.get(path.suffix.lower(), _read_text if explicit else None)
    if reader is None:
        return
    try:
        check_size(path.stat().st_size)
        raw = path.read_bytes()
    except (OSError, InputError) as exc:
        yield _failure(path, exc)
        return
    yield from reader(raw, path)


def _failure(path: Path, exc: Exception) -> ExtractionError:
    if isinstance(exc, InputError):
        return ExtractionError(str(path), None, exc.code, exc.message)
    return ExtractionError(str(path), None, "unreadable", f"cannot read the file: {exc}")
