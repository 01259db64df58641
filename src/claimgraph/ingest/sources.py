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

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.article import read_document, reader_failed
from claimgraph.ingest.decode import check_size, decode
from claimgraph.ingest.feeds import read_feed
from claimgraph.ingest.html import read_html
from claimgraph.ingest.records import read_json, read_jsonl
from claimgraph.ingest.tables import read_csv, read_tsv
from claimgraph.ingest.text import read_layout
from claimgraph.ingest.warc import read_warc
from claimgraph.model import Document, ExtractionError

log = logging.getLogger(__name__)

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
    """Files under ``root`` that some reader claims, depth-first in sorted order, hidden ones skipped.

    A folder that cannot be listed is yielded itself, in its place in the
    walk, so that ``read_file`` records it instead of it vanishing unseen.
    """
    unreadable: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=unreadable.append):
        yield from _unlisted(unreadable)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            file = Path(folder) / name
            if not name.startswith(".") and (is_warc(file) or file.suffix.lower() in READERS):
                yield file
    yield from _unlisted(unreadable)


def _unlisted(errors: list[OSError]) -> Iterator[Path]:
    while errors:
        error = errors.pop(0)
        if error.filename is not None:
            yield Path(os.fsdecode(error.filename))


def read_file(path: Path, explicit: bool = False) -> Iterator[Result]:
    """The documents in one file; unknown extensions are read as text when ``explicit``.

    Whatever a reader raises becomes the file's error record (after the
    documents it gave before failing): one file never stops the batch.
    """
    shown = printable(path)
    if path.is_dir():
        try:
            os.listdir(path)
            return  # a folder walk() listed after all (it became readable): nothing to report
        except OSError as exc:
            yield _failure(shown, exc, "cannot list the folder")
            return
    if is_warc(path):
        try:
            if path.stat().st_size == 0:
                raise InputError("empty", "the file is empty")
        except (OSError, InputError) as exc:
            yield _failure(shown, exc)
            return
        yield from _guarded(read_warc(path, shown), shown)
        return
    reader = READERS.get(path.suffix.lower(), _read_text if explicit else None)
    if reader is None:
        return
    try:
        check_size(path.stat().st_size)
        raw = path.read_bytes()
    except (OSError, InputError) as exc:
        yield _failure(shown, exc)
        return
    yield from _guarded(reader(raw, shown), shown)


def printable(path: Path) -> Path:
    """``path`` with bytes that are not UTF-8 written as ``\\xNN`` (a warning says so); else ``path`` itself.

    A file name is bytes; one that is not UTF-8 reaches Python as lone
    surrogates, which no JSON output or database column accepts.
    """
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(text).decode("utf-8", "backslashreplace")
        log.warning("%s: the file name is not valid UTF-8; its documents are named with \\x escapes", shown)
        return Path(shown)
    return path


def _guarded(results: Iterator[Result], path: Path) -> Iterator[Result]:
    try:
        yield from results
    except ClaimgraphError:
        raise  # a setting is wrong (ConfigError): not this file's fault
    except Exception as exc:  # a reader's bug or a pathological file: recorded, and the batch goes on
        yield ExtractionError(str(path), None, "unreadable", reader_failed(exc))


def _failure(path: Path, exc: Exception, what: str = "cannot read the file") -> ExtractionError:
    if isinstance(exc, InputError):
        return ExtractionError(str(path), None, exc.code, exc.message)
    return ExtractionError(str(path), None, "unreadable", f"{what}: {getattr(exc, 'strerror', None) or exc}")
