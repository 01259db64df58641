"""CSV and TSV files → one document per row, read as JSON records are.

A spreadsheet of articles is a list of records, not one document: each row
becomes a record whose fields come from the header, matched by name
(case and spacing folded) against the record fields and their common
synonyms — ``body``/``content``/``article`` for ``text``, ``headline`` for
``title``, ``date``/``pubdate`` for ``published``, ``outlet``/``source``
for ``publisher``, ``link`` for ``url``.  The ``csv_columns`` setting
overrides the match (``text=story,published=when``).  A file with no
column for ``text`` or ``html`` is one error record that lists the headers
it has, so the user can map them; each row is then read by the JSON
record reader, so both inputs give the same documents for the same
fields.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from claimgraph import settings
from claimgraph.errors import ConfigError, InputError
from claimgraph.ingest.article import content_id, read_document
from claimgraph.ingest.decode import decode
from claimgraph.ingest.records import read_record, record_path
from claimgraph.model import Document, ExtractionError

FIELDS = ("text", "html", "title", "published", "publisher", "url", "id", "locale")
SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "article text", "full text", "story"),
    "html": ("html", "raw html", "page"),
    "title": ("title", "headline", "heading"),
    "published": ("published", "date", "pubdate", "publication date", "published at", "timestamp"),
    "publisher": ("publisher", "outlet", "source", "newspaper", "media"),
    "url": ("url", "link", "address"),
    "id": ("id", "name", "identifier"),
    "locale": ("locale", "language", "lang"),
}


def _fold(header: str) -> str:
    return re.sub(r"[\s_\-]+", " ", header.strip().casefold())


def column_overrides(value: str) -> dict[str, str]:
    """The ``csv_columns`` setting (``field=header,...``, or ``auto``) as field → folded header."""
    overrides: dict[str, str] = {}
    if value.strip() == "auto":
        return overrides
    for pair in filter(None, (p.strip() for p in value.split(","))):
        field, sep, header = pair.partition("=")
        if not sep or field.strip() not in FIELDS or not header.strip():
            fields = ", ".join(FIELDS)
            raise ConfigError(f"CLAIMGRAPH_CSV_COLUMNS: {pair!r} is not FIELD=HEADER with FIELD one of {fields}")
        overrides[field.strip()] = _fold(header)
    return overrides


def column_map(headers: list[str]) -> dict[str, str]:
    """Record field → the header that holds it."""
    folded = {_fold(h): h for h in headers}
    overrides = column_overrides(settings.get("csv_columns"))
    mapping: dict[str, str] = {}
    for field in FIELDS:
        wanted = (overrides[field],) if field in overrides else SYNONYMS[field]
        header = next((folded[w] for w in wanted if w in folded), None)
        if header is not None:
            mapping[field] = header
    return mapping


def read_table(raw: bytes, path: Path, delimiter: str) -> Iterator[Document | ExtractionError]:
    """One document (or error record) per data row of a CSV or TSV file."""
    source = str(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article body is longer than csv's 128 KB default
    try:
        rows = csv.reader(io.StringIO(decode(raw), newline=""), delimiter=delimiter)
        headers = next(rows, None)
        if headers is None:
            raise InputError("empty", "the table has no header row")
        mapping = column_map(headers)
        if "text" not in mapping and "html" not in mapping:
            raise InputError("no_text", f"no column holds the text (headers: {', '.join(headers) or 'none'})")
        for n, row in enumerate(rows, 1):
            if not any(cell.strip() for cell in row):
                continue
            cells = dict(zip(headers, row, strict=False))
            record = {field: cells.get(header, "") for field, header in mapping.items()}
            record_raw = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
            yield read_document(record_raw, record_path(path, record, n), partial(read_record, record))
    except InputError as exc:
        yield ExtractionError(source, content_id(raw), exc.code, exc.message)
    except csv.Error as exc:
        yield ExtractionError(source, content_id(raw), "unreadable", f"not a readable table: {exc}")


def read_csv(raw: bytes, path: Path) -> Iterator[Document | ExtractionError]:
    return read_table(raw, path, ",")


def read_tsv(raw: bytes, path: Path) -> Iterator[Document | ExtractionError]:
    return read_table(raw, path, "\t")
