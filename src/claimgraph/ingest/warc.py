"""WARC archives (``.warc``, ``.warc.gz``) → one document per archived HTML page.

Web archives are large and crawled by machines, so a damaged record is
normal: it becomes an ``unreadable`` error record and reading goes on from
the next record.  warcio cannot skip a bad record by itself, so on a
failure we look for the next record boundary (a ``WARC/1.`` line, or the
next gzip member in a ``.warc.gz``) and start a new iterator there.  The
file is memory-mapped, not read, because archives are often gigabytes; the
size limit applies to each page, not to the archive.
"""

from __future__ import annotations

import mmap
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from claimgraph import settings
from claimgraph.errors import InputError
from claimgraph.ingest.article import Article, read_document
from claimgraph.ingest.decode import decode
from claimgraph.ingest.html import read_html
from claimgraph.model import Document, ExtractionError

_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, shown: Path | None = None) -> Iterator[Document | ExtractionError]:
    """Every HTML response or resource in the archive at ``path`` (named ``shown``), in archive order.

    An archive with no HTML page at all — plain text named ``.warc``, or
    only request and metadata records — is one ``no_text`` error record, so
    it never passes in silence.
    """
    name = shown or path
    count = 0
    for result in _pages(path, name):
        count += 1
        yield result
    if count == 0:
        yield ExtractionError(str(name), None, "no_text", "no archived HTML page in the file (is it a WARC archive?)")


def _pages(path: Path, name: Path) -> Iterator[Document | ExtractionError]:
    stem = path.name.split(".")[0]
    marker = b"\x1f\x8b\x08" if path.name.lower().endswith(".gz") else b"WARC/1."
    count = 0
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        start: int | None = 0
        while start is not None and start < len(data):
            fh.seek(start)
            iterator = ArchiveIterator(fh)
            failing = start  # where the record being read begins
            try:
                for record in iterator:
                    page = _page(record)
                    # only now: warcio reads the record to its end to report where it lies
                    failing = start + iterator.get_record_offset() + iterator.get_record_length()
                    if page is not None:
                        count += 1
                        raw, charset, url = page
                        source = f"{name}/{stem}-{count}"
                        yield read_document(raw, source, partial(_read_page, raw, charset, url))
                return
            except Exception as exc:  # warcio fails in many ways (ArchiveLoadFailed, zlib, AttributeError …)
                count += 1
                # warcio quotes raw bytes, NULs included, which PostgreSQL cannot store
                why = str(exc)[:200].encode("ascii", "backslashreplace").decode("ascii").replace("\x00", "\\x00")
                message = f"corrupt WARC record at byte {failing}: {type(exc).__name__}: {why}"
                yield ExtractionError(f"{name}/{stem}-{count}", None, "unreadable", message)
                start = _next(data, marker, failing + 1)


def _read_page(raw: bytes, charset: str | None, url: str | None) -> Article:
    limit = settings.get_int("max_bytes")
    if len(raw) > limit:
        raise InputError(
            "too_large", f"the archived page is over the limit of {limit} bytes (setting CLAIMGRAPH_MAX_BYTES)"
        )
    return read_html(decode(raw, charset), url)


def _next(data: mmap.mmap, marker: bytes, after: int) -> int | None:
    found = data.find(marker, after)
    return None if found < 0 else found


def _page(record: object) -> tuple[bytes, str | None, str | None] | None:
    """(payload, declared charset, URL) of an archived HTML page; ``None`` for any other record."""
    if getattr(record, "rec_type", None) not in ("response", "resource"):
        return None
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers  # type: ignore[attr-defined]
    content_type = (headers.get_header("Content-Type") or "") if headers is not None else ""
    if not content_type.lower().startswith(_PAGE_TYPES):
        return None
    charset = None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    # Streamed against the size limit: a page that inflates to gigabytes is read one byte past it, no more.
    payload = record.content_stream().read(settings.get_int("max_bytes") + 1)  # type: ignore[attr-defined]
    return payload, charset, url
