"""From what a reader found in an article (``model.Article``) to its ``Document``.

Readers (plain text, HTML, records, feeds) each fill an ``Article``; the
source that holds the bytes turns it into the ``Document`` record with
``to_document``.  Keeping the two apart lets a JSON record's own metadata
(``title``, ``published`` …) take precedence over what the layout rules
guessed from its text, in one place (``with_metadata``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.language import detect_language
from claimgraph.ingest.notices import gathering, warn
from claimgraph.model import Article, Dateline, Document, ExtractionError

NUL = "\x00"


def with_metadata(article: Article, **given: object) -> Article:
    """``article`` with every non-empty value of ``given`` replacing what the reader found."""
    names = {f.name for f in fields(Article)}
    updates = {k: v for k, v in given.items() if k in names and v not in (None, "", [])}
    return replace(article, **updates)  # type: ignore[arg-type]


def content_id(raw: bytes) -> str:
    """The contract's document id: ``sha256:`` and the hex digest of the raw input bytes."""
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def to_document(article: Article, raw: bytes, source_path: str) -> Document:
    """The ``Document`` record for ``article``, read from ``raw`` at ``source_path``."""
    found = {f.name: getattr(article, f.name) for f in fields(Article)}
    # The text outranks a declared language: page templates often declare "en" for every page.
    found["language"] = detect_language(article.text) or article.language
    return Document(id=content_id(raw), source_path=source_path, **found)


def without_nul(document: Document) -> Document:
    """``document`` with NUL characters removed from its fields, and a warning when there were any.

    A NUL is never text (a JSON ``\\u0000``, a stray byte past the binary
    sniffer's window) and PostgreSQL refuses to store one in a text column,
    which once aborted a whole ingest at the same document on every rerun.
    """
    count = 0

    def clean(value: Any) -> Any:
        nonlocal count
        if isinstance(value, str) and NUL in value:
            count += value.count(NUL)
            return value.replace(NUL, "")
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, Dateline):
            return Dateline(clean(value.place), clean(value.date))
        return value

    cleaned = replace(document, **{f.name: clean(getattr(document, f.name)) for f in fields(Document)})
    if count:
        warn("nul_characters", f"{count} NUL character(s) removed")
    return cleaned


def read_document(raw: bytes, source_path: str, read: Callable[[], Article]) -> Document | ExtractionError:
    """Run the reader ``read`` over ``raw``: its ``Document``, or the error record saying why not.

    What the readers change on the way without failing the document (see
    ``notices``) becomes the document's ``warnings``.
    """
    with gathering() as warnings:
        result = _read(raw, source_path, read)
        if isinstance(result, Document):
            result = without_nul(result)
    if isinstance(result, Document) and warnings:
        result = replace(result, warnings=(*result.warnings, *warnings))
    return result


def _read(raw: bytes, source_path: str, read: Callable[[], Article]) -> Document | ExtractionError:
    try:
        article = read()
    except InputError as exc:
        return ExtractionError(source_path, content_id(raw), exc.code, exc.message)
    except ClaimgraphError:
        raise  # a setting is wrong (ConfigError): every document would fail the same way
    except Exception as exc:  # a pathological input (deep nesting, a shape no reader foresaw) fails alone
        return ExtractionError(source_path, content_id(raw), "unreadable", reader_failed(exc))
    if not article.text.strip():
        return ExtractionError(
            source_path, content_id(raw), "no_text", "no article text is left once the page furniture is removed"
        )
    return to_document(article, raw, source_path)


def reader_failed(exc: BaseException) -> str:
    """The error message for a reader that raised ``exc`` (NUL-free, and short even for a giant input)."""
    what = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:200]
    return f"the document cannot be read: {type(exc).__name__}: {what}".replace(NUL, "\\x00")
