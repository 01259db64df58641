"""Direct quotations in running text, found at the character level.

Quotes are found before parsing matters: the parser splits sentences inside
quotes and attaches quote marks unpredictably, while the marks themselves are
reliable.  Curly quotes say which way they face; a straight quote faces by
its neighbours (after a space it opens, before a space it closes).  A quote
still open at the end of a paragraph continues only when the next paragraph
opens with a quote mark (the news convention for quotes that run over
several paragraphs); otherwise it is dropped, like textacy drops an unclosed
quote, rather than guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

_OPEN = "“„«"
_CLOSE = "”»"
_STRAIGHT = '"'
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[“”\"])")


@dataclass(frozen=True, slots=True)
class Quote:
    """The quoted text between ``start`` and ``end`` (marks excluded); ``open_at`` is the opening mark."""

    open_at: int
    start: int
    end: int
    close_at: int


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _facing(text: str, i: int, inside: bool) -> str | None:
    """'open' or 'close' for the quote mark at ``i`` (None: a stray mark to ignore)."""
    ch = text[i]
    if ch in _OPEN:
        return "open"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in _CLOSE:
        # a closing mark typed for an opening one ('”We will …' at a line's start): nothing is open and a word follows
        return "open" if not inside and before.isspace() and not after.isspace() else "close"
    if inside:
        return "close"
    if after.isspace() and not before.isspace():
        return None  # a closing mark with nothing open
    return "open"


def find_quotes(text: str, min_words: int = 1) -> list[Quote]:
    """Every closed quotation in ``text``, quotes over several paragraphs as one."""
    marks = _OPEN + _CLOSE + _STRAIGHT
    quotes: list[Quote] = []
    pending: int | None = None  # opening mark of a quote carried over from the previous paragraph
    for p_start, p_end in _paragraphs(text):
        open_at: int | None = None
        first_mark = True
        for i in range(p_start, p_end):
            if text[i] not in marks:
                continue
            facing = _facing(text, i, open_at is not None)
            if facing == "open":
                if pending is not None and first_mark and not text[p_start:i].strip():
                    open_at, pending = pending, None  # the running quote goes on
                elif open_at is None:
                    open_at = i
                first_mark = False
            elif facing == "close" and open_at is not None:
                body = text[open_at + 1 : i]
                if len(body.split()) >= min_words:
                    quotes.append(Quote(open_at, open_at + 1, i, i))
                open_at = None
                first_mark = False
        pending = open_at
    return quotes


def quoted_tokens(doc: Doc, quotes: list[Quote]) -> set[int]:
    """Indices of the tokens of ``doc`` inside ``quotes`` (marks included)."""
    inside: set[int] = set()
    for q in quotes:
        span = doc.char_span(q.open_at, q.close_at + 1, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside
