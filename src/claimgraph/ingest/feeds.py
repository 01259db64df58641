"""RSS and Atom feeds (``.xml``, ``.rss``, ``.atom``) → one document per entry.

Feeds carry the article (``content``) or its teaser (``summary``) as an
HTML fragment, with the entry's own title, link, author and an RFC 822
(RSS) or ISO (Atom) date; any other date is read by the channel's
``<language>`` or the entry link's domain (``locales``).  Fragments are too small for trafilatura's
boilerplate scoring, and a feed has no page furniture anyway, so they are
flattened to lines with lxml and go through the plain-text layout rules.

An entry has no raw bytes of its own after feedparser; its id is the
sha256 of its fields as canonical JSON, stable across re-reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from claimgraph.errors import InputError
from claimgraph.ingest.article import Article, content_id, read_document, with_metadata
from claimgraph.ingest.dates import parse_timestamp
from claimgraph.ingest.locales import dates_written, from_locale, from_url
from claimgraph.ingest.text import read_layout
from claimgraph.model import Document, ExtractionError

_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"})


def read_feed(raw: bytes, path: Path) -> Iterator[Document | ExtractionError]:
    """The entries of the feed in ``raw``, in feed order."""
    parsed = feedparser.parse(raw)
    if not parsed.entries:
        why = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
        yield ExtractionError(str(path), content_id(raw), "no_text", f"not a feed, or a feed without entries{why}")
        return
    publisher = parsed.feed.get("title") or None
    locale = parsed.feed.get("language") or None  # the channel's <language>: how its numeric dates are written
    stem = path.name.split(".")[0]
    for n, entry in enumerate(parsed.entries, 1):
        fields = {
            "title": entry.get("title"),
            "link": entry.get("link"),
            "published": entry.get("published") or entry.get("updated"),
            "author": entry.get("author"),
            "body": _body(entry),
        }
        entry_raw = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield read_document(entry_raw, f"{path}/{stem}-{n}", partial(_entry, fields, publisher, locale))


def _body(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or "")


def _entry(fields: dict[str, Any], publisher: str | None, locale: str | None) -> Article:
    if not fields["body"].strip():
        raise InputError("no_text", "the feed entry has neither content nor a summary")
    with dates_written(from_locale(locale), from_url(fields["link"])):
        published = parse_timestamp(fields["published"])
        article = read_layout(fragment_text(fields["body"]), title=fields["title"] or None, published=published)
    return with_metadata(
        article,
        published=published,
        authors=[fields["author"]] if fields["author"] else None,
        publisher=article.publisher or publisher,
        url=fields["link"],
    )


def fragment_text(fragment: str) -> str:
    """An HTML fragment as plain text, one line per block element."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    parts: list[str] = []
    _flatten(root, parts)
    return "".join(parts)


def _flatten(element: Any, parts: list[str]) -> None:
    block = element.tag in _BLOCKS if isinstance(element.tag, str) else False
    if block:
        parts.append("\n")
    if isinstance(element.tag, str) and element.tag not in ("script", "style"):
        parts.append(element.text or "")
        for child in element:
            _flatten(child, parts)
    if block:
        parts.append("\n")
    parts.append(element.tail or "")
