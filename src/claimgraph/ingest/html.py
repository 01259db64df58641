"""HTML pages → ``Article``: trafilatura finds the article, our layout rules finish it.

trafilatura (with htmldate inside it for the date) is the best open
boilerplate remover we know of, but it leaves the article's own credit
lines in the text — a dateline, a byline, a repeated headline, an author's
contact line — because to the markup they are content.  So its text goes
through the same ``read_layout`` as a plain-text scrape, with the page's
title already known.  Page metadata (title, author, sitename, date) fills
what the text itself does not say.
"""

from __future__ import annotations

import logging
from typing import Any

import trafilatura

from claimgraph.errors import InputError
from claimgraph.ingest.article import Article, with_metadata
from claimgraph.ingest.dates import parse_timestamp
from claimgraph.ingest.text import read_layout

# htmldate, run by trafilatura: keep the page's time and offset when it gives them.
_DATE_PARAMS: dict[str, Any] = {
    "original_date": True,
    "extensive_search": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}

# Fewer words (and characters, for scripts written without spaces) than this is a menu or
# a caption that trafilatura fell back on, not an article.
MIN_WORDS = 5
MIN_CHARS = 40

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def read_html(html: str, url: str | None = None) -> Article:
    """The article in the page ``html``; ``InputError`` ``no_text`` when it holds none."""
    try:
        found = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds of errors on hostile markup
        raise InputError("unreadable", f"the HTML could not be parsed: {type(exc).__name__}: {exc}") from exc
    if not isinstance(found, trafilatura.settings.Document) or not (found.text or "").strip():
        raise InputError("no_text", "the page holds no article text")
    title = (found.title or "").strip() or None
    article = read_layout(found.text or "", title=title, published=_page_date(found.date))
    if len(article.text.split()) < MIN_WORDS and len(article.text) < MIN_CHARS:
        raise InputError("no_text", f"the page holds no article text (only {article.text[:40]!r})")
    return with_metadata(
        article,
        authors=article.authors or _authors(found.author),
        publisher=article.publisher or found.sitename,
        summary=article.summary or found.description,
        url=found.url,
        language=found.language or "en",
    )


def _page_date(value: str | None) -> str | None:
    """htmldate's stamp as ISO; a bare midnight without offset means it only knew the day."""
    if not value:
        return None
    if value.endswith("T00:00:00"):
        value = value[:10]
    return parse_timestamp(value)


def _authors(value: str | None) -> list[str]:
    return [name.strip() for name in (value or "").split(";") if name.strip()]
