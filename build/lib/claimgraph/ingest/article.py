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

from claimgraph.errors import InputError
from claimgraph.ingest.language import detect_language
from claimgraph.model import Article, Document, ExtractionError


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


def read_document(raw: bytes, source_path: str, read: Callable[[], Article]) -> Document | ExtractionError:
    """Run the reader ``read`` over ``raw``: its ``Document``, or the error record saying why not."""
    try:
        article = read()
    except InputError as exc:
        return ExtractionError(source_path, content_id(raw), exc.code, exc.message)
    if not article.text.strip():
        return ExtractionError(
            source_path, content_id(raw), "no_text", "no article text is left once the page furniture is removed"
        )
    return to_document(article, raw, source_path)
