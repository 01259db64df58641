"""HTML pages → ``Article``: trafilatura finds the article, our layout rules finish it.

trafilatura (with htmldate inside it for the date) is the best open
boilerplate remover we know of, but it leaves the article's own credit
lines in the text — a dateline, a byline, a repeated headline, an author's
contact line — because to the markup they are content.  So its text goes
through the same ``read_layout`` as a plain-text scrape, with the page's
title already known.  Page metadata (title, author, sitename, date) fills
what the text itself does not say; a timestamp printed in the page header
(which trafilatura drops) supplies the time and UTC offset htmldate lacks.
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from claimgraph.errors import InputError
from claimgraph.ingest.article import Article, with_metadata
from claimgraph.ingest.dates import parse_timestamp
from claimgraph.ingest.locales import current_hint, dates_written, from_locale, from_url
from claimgraph.ingest.text import read_layout, timestamp_line

# htmldate, run by trafilatura: keep the page's time and offset when it gives them.
_DATE_PARAMS: dict[str, Any] = {
    "original_date": True,
    "extensive_search": False,  # its deep search guesses (a copyright year becomes 1 January)
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}

# Fewer words (and characters, for scripts written without spaces) than this is a menu or
# a caption that trafilatura fell back on, not an article.
MIN_WORDS = 5
MIN_CHARS = 40

# Where a page prints its timestamp: small elements, among the first few thousand.
_STAMP_TAGS = ("div", "span", "p", "time", "li", "small", "header", "em", "strong", "b")
_STAMP_ELEMENTS = 3000
STAMP_CHARS = 120

# The page parsers complain about every malformed page; a NullHandler keeps that off stderr by
# default without silencing them for an application that configures logging.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())
logging.getLogger("htmldate").addHandler(logging.NullHandler())


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
    section, published = None, _page_date(found.date)
    # the page's own numeric dates, by its <html lang> or else its domain (an enclosing record's hint comes first)
    with dates_written(current_hint(), from_locale(found.language), from_url(found.url or url)):
        if published is None or len(published) == 10:
            section, published = page_stamp(html, published) or (None, published)
        article = read_layout(found.text or "", title=title, published=published)
    if len(article.text.split()) < MIN_WORDS and len(article.text) < MIN_CHARS:
        raise InputError("no_text", f"the page holds no article text (only {article.text[:40]!r})")
    return with_metadata(
        article,
        section=article.section or section,
        authors=article.authors or _authors(found.author),
        publisher=article.publisher or found.sitename,
        summary=article.summary or found.description,
        url=found.url,
        language=(found.language or "").split("-")[0].lower() or None,
    )


def _page_date(value: str | None) -> str | None:
    """htmldate's stamp as ISO; a bare midnight without offset means it only knew the day."""
    if not value:
        return None
    if value.endswith("T00:00:00"):
        value = value[:10]
    return parse_timestamp(value)


def page_stamp(html: str, day: str | None) -> tuple[str | None, str] | None:
    """(section, timestamp) of a short page element such as "Politics 24 November 2014 11:48 (UTC +04:00)".

    trafilatura drops such header elements and htmldate keeps only the day,
    so the time and the page's own offset would be lost.  The first stamp
    with a time on the same ``day`` (on any day when none is known) wins.
    """
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for element in itertools.islice(root.iter(_STAMP_TAGS), _STAMP_ELEMENTS):
        own = (element.text or "") + "".join(child.tail or "" for child in element)
        if len(element) > 6 or not any(ch.isdigit() for ch in own):
            continue  # a container, or no date of its own: not worth flattening
        text = " ".join(element.text_content().split())
        stamp = timestamp_line(text) if len(text) <= STAMP_CHARS else None
        if stamp and len(stamp[1]) > 10 and (day is None or stamp[1].startswith(day)):
            return stamp
    return None


def _authors(value: str | None) -> list[str]:
    return [name.strip() for name in (value or "").split(";") if name.strip()]
