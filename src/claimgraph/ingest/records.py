"""JSON and JSON Lines records → documents.

A record is an object with a ``text`` (already flattened) or an ``html``
field, plus optional ``title``, ``published``, ``publisher``, ``url``,
``authors`` and ``locale`` (or ``language``: how its numeric dates are written).  The record's own metadata wins over what the layout rules
find in its text: whoever wrote the record knew the page.

Ids and paths: a record's id is the sha256 of its raw bytes (its line, for
JSON Lines).  A ``.json`` file holding one record *is* that document, so its
``source_path`` is the file's path; a file holding several gives each the
path ``FILE/NAME``, NAME being the record's ``id`` (or ``name``) field when
it has a usable one, else ``STEM-N`` — so tools that match documents by the
basename of ``source_path`` can tell them apart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError
from claimgraph.ingest.article import Article, content_id, read_document, reader_failed, with_metadata
from claimgraph.ingest.dates import parse_timestamp
from claimgraph.ingest.decode import decode
from claimgraph.ingest.html import read_html
from claimgraph.ingest.locales import dates_written, from_locale, from_url
from claimgraph.ingest.text import read_layout
from claimgraph.model import Document, ExtractionError

_NAME = re.compile(r"[\w][\w\-]{0,120}")
LOCALE_FIELDS = ("locale", "language", "lang")  # a record's locale, which says how it writes numeric dates


def read_json(raw: bytes, path: Path) -> Iterator[Document | ExtractionError]:
    """The records of a ``.json`` file: one object, or a list of objects."""
    source = str(path)
    try:
        data = json.loads(decode(raw))
    except InputError as exc:
        yield ExtractionError(source, content_id(raw), exc.code, exc.message)
        return
    except ValueError as exc:
        yield ExtractionError(source, content_id(raw), "unreadable", f"not valid JSON: {exc}")
        return
    except RecursionError as exc:
        yield ExtractionError(source, content_id(raw), "unreadable", reader_failed(exc))
        return
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, list):
        yield read_document(raw, source, partial(read_record, data))
        return
    for n, record in enumerate(data, 1):
        record_raw = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield read_document(record_raw, record_path(path, record, n), partial(read_record, record))


def read_jsonl(raw: bytes, path: Path) -> Iterator[Document | ExtractionError]:
    """The records of a JSON Lines file, one per non-blank line."""
    lines = [line for line in raw.split(b"\n") if line.strip()]
    for n, line in enumerate(lines, 1):
        try:
            record = json.loads(decode(line))
        except InputError as exc:
            yield ExtractionError(f"{path}/{_stem(path)}-{n}", content_id(line), exc.code, exc.message)
            continue
        except ValueError as exc:
            message = f"line {n} is not valid JSON: {exc}"
            yield ExtractionError(f"{path}/{_stem(path)}-{n}", content_id(line), "unreadable", message)
            continue
        except RecursionError as exc:
            yield ExtractionError(f"{path}/{_stem(path)}-{n}", content_id(line), "unreadable", reader_failed(exc))
            continue
        yield read_document(line, record_path(path, record, n), partial(read_record, record))


def record_path(path: Path, record: Any, n: int) -> str:
    """``FILE/NAME`` for the ``n``-th record of a file holding several."""
    name = record.get("id") or record.get("name") if isinstance(record, dict) else None
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        name = f"{_stem(path)}-{n}"
    return f"{path}/{name}"


def _stem(path: Path) -> str:
    return path.name.split(".")[0] or path.name


def read_record(record: Any) -> Article:
    """The article one record describes (its numeric dates read by its locale or its outlet's domain)."""
    if not isinstance(record, dict):
        raise InputError("unreadable", f"a record must be a JSON object, not {type(record).__name__}")
    locale = next((v for k in LOCALE_FIELDS if (v := _string(record, k))), None)
    with dates_written(from_locale(locale), from_url(_string(record, "url"))):
        return _read_record(record)


def _read_record(record: dict[str, Any]) -> Article:
    title = _string(record, "title")
    published = parse_timestamp(_string(record, "published"))
    if _string(record, "html"):
        article = read_html(record["html"], url=_string(record, "url"))
    elif _string(record, "text"):
        article = read_layout(record["text"].replace("\r\n", "\n"), title=title, published=published)
    else:
        raise InputError("no_text", "the record has neither a 'text' nor an 'html' field with content")
    authors = record.get("authors")
    return with_metadata(
        article,
        title=title,
        published=published,
        publisher=_string(record, "publisher"),
        url=_string(record, "url"),
        authors=[a for a in authors if isinstance(a, str)] if isinstance(authors, list) else None,
    )


def _string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None
