"""The layout of a plain-text scrape: headline, header block, body, footer.

A scraper that flattens a news page leaves the same shape whatever the
outlet: a headline (often repeated), a header block of short lines — a
section-and-timestamp line, a standfirst, a dateline, a byline — then the
body, then a footer of tags, links and contact lines.  We find the header
block by its *markers* (timestamp, headline repeat, dateline, byline): the
header ends at the last marker among the first lines, and the unmarked
lines inside it are the standfirst.  The body keeps every other line; a
line is its own paragraph unless the text is hard-wrapped (a line that
stops mid-sentence continues on the next).

A dateline on a line of its own is header and leaves the body; a wire
dateline that opens the first paragraph ("BEIRUT (Reuters) - …") is read
into ``dateline`` but stays in the text: it is part of that sentence, the
article-extraction benchmarks count it as body, and it names a place and an
outlet the entity stages should see.

A text of one line is an article of one line whenever that line holds a
sentence: the rules above look at a line's shape, and a one-line record
("… in the town. (0)") has the shape of a headline, which would leave
nothing.  Only a line without a sentence (a lone "Comments (0)") can be
all furniture.

HTML pages go through the same function after trafilatura, with the title
already known.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from claimgraph.ingest.article import Article
from claimgraph.ingest.boilerplate import footer_start, is_junk, is_noise, without_standards_notice
from claimgraph.ingest.credits import Byline, DatelineMatch, byline, standalone_dateline, wire_dateline
from claimgraph.ingest.dates import ZONES, complete_date, find_date, parse_timestamp
from claimgraph.model import Dateline

HEADLINE_MAX = 200
# Header markers are looked for among this many first content lines …
HEADER_WINDOW = 12
# … and the header holds at most this many unmarked (standfirst) lines, none longer than a teaser.
STANDFIRST_MAX = 2
STANDFIRST_CHARS = 400
WRAP_WIDTH = 80
# A sentence: at least three words, one of them in lower case (prose, not a list of names), the last ending
# in a full stop, question or exclamation mark (closing quotes or brackets may follow).
_SENTENCE_END = re.compile(r"\w[.!?…][\"'”’»)\]]*(?=\s|$)")
_PROSE_WORD = re.compile(r"\b[a-z]{2,}\b")

_TERMINAL = tuple(".!?\"'”’»)…:")
_TIMESTAMP_NOISE = re.compile(
    r"\(?\b(?:UTC|GMT)\s*(?:[+\-−]\s*\d{1,2}(?::?\d{2})?)?\)?|[+\-−]\d{2}:?\d{2}\b|"
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|(?-i:\b(?:" + "|".join(ZONES) + r")\b)|"
    r"\b(?:first|published|updated|posted|last|modified|on|at|date|time|"
    r"mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?)\b\.?:?|[|•·,/()\[\]–—:-]",
    re.I,
)


@dataclass(slots=True)
class _Header:
    """What the header block said."""

    section: str | None = None
    published: str | None = None
    summary: list[str] | None = None
    dateline: DatelineMatch | None = None
    byline: Byline | None = None


def fold(line: str) -> str:
    """A line folded for comparing headlines: NFKC, case, quotes and punctuation ignored."""
    line = unicodedata.normalize("NFKC", line).casefold()
    return " ".join(re.sub(r"[^\w\s]", "", line).split())


def timestamp_line(line: str) -> tuple[str | None, str] | None:
    """(section, ISO timestamp) of a line that is a date stamp, optionally after a section name.

    "Other News Materials 24 November 2014 11:48 (UTC +04:00)" gives
    ("Other News Materials", "2014-11-24T11:48:00+04:00").  A line with more
    than a few other words is a sentence that mentions a date, not a stamp.
    """
    if len(line) > 120:
        return None
    found = find_date(line)
    if found is None:
        return None
    _, match = found
    rest = _TIMESTAMP_NOISE.sub(" ", line[: match.start()] + " | " + line[match.end() :]).split()
    if len(rest) > 6 or any(w[0].islower() and w not in ("and", "of", "&") for w in rest):
        return None
    stamp = parse_timestamp(line)
    if stamp is None:
        return None
    return (" ".join(rest) or None), stamp


def _is_headline(line: str) -> bool:
    return (
        len(line) <= HEADLINE_MAX
        and len(line.split()) >= 2
        and not line.endswith((".", ",", ";", ":"))
        and timestamp_line(line) is None
        and standalone_dateline(line) is None
        and byline(line) is None
    )


def _read_header(lines: list[str], headline: str | None, opened: bool) -> tuple[_Header, int]:
    """The header block at the top of ``lines`` and how many lines it spans.

    A standfirst is an unmarked line the header closes over.  A dateline or
    a byline closes a header wherever it stands; a timestamp or a headline
    repeat only when the headline itself stood just above ``lines``
    (``opened``, a plain-text scrape) or a dateline or byline follows.  In a
    page's extracted text a paragraph followed by a date or by the title is
    body, not standfirst.
    """
    found = _markers(lines[:HEADER_WINDOW], headline)
    strong = [i for i, (kind, _) in enumerate(found) if kind in ("dateline", "byline")]
    last_strong = strong[-1] if strong else -1
    header, end = _Header(), 0
    unmarked: list[str] = []
    for i, (kind, value) in enumerate(found):
        if kind is None:
            unmarked.append(lines[i])
            continue
        if unmarked and not opened and i > last_strong:
            break
        if kind == "stamp":
            header.section, header.published = value
        elif kind == "dateline":
            header.dateline = value
        elif kind == "byline":
            header.byline = value
        end = i + 1
        header.summary = list(unmarked)
    return header, end


def _markers(lines: list[str], headline: str | None) -> list[tuple[str | None, Any]]:
    """Each line's marker kind ("repeat", "stamp", "dateline", "byline" or ``None``) and value.

    Stops at the first unmarked line that cannot be a standfirst (too long,
    or one too many): the header cannot reach past it.
    """
    key = fold(headline) if headline else None
    out: list[tuple[str | None, Any]] = []
    seen: set[str] = set()
    unmarked = 0
    for line in lines:
        kind, value = _marker(line, key, seen)
        if kind is None:
            unmarked += 1
            if len(line) > STANDFIRST_CHARS or unmarked > STANDFIRST_MAX:
                break
        seen.add(kind or "")
        out.append((kind, value))
    return out


def _marker(line: str, key: str | None, seen: set[str]) -> tuple[str | None, Any]:
    if key is not None and fold(line) == key:
        return "repeat", None
    if "stamp" not in seen and (stamp := timestamp_line(line)):
        return "stamp", stamp
    if "dateline" not in seen and (dateline := standalone_dateline(line)):
        return "dateline", dateline
    if "byline" not in seen and (credit := byline(line)):
        return "byline", credit
    return None, None


def read_layout(text: str, title: str | None = None, published: str | None = None) -> Article:
    """The article in the plain text ``text``; ``title`` and ``published`` when the page already gave them."""
    text = unicodedata.normalize("NFC", text)  # one spelling per character, for matching downstream
    given_title, lines = title, _lines(text)
    opened = title is None and bool(lines) and _is_headline(lines[0].text)
    if opened:
        title, lines = lines[0].text, lines[1:]
    header, end = _read_header([line.text for line in lines], title, opened)
    key = fold(title) if title else None
    body = [line for line in lines[end:] if fold(line.text) != key]
    body = body[: footer_start([line.text for line in body])]
    if not body and (sole := _sole_sentence_line(text)) is not None:
        header, title, body = _Header(), given_title, [_Line(sole, 0, False)]
    if body and (last := without_standards_notice(body[-1].text)) != body[-1].text:
        body[-1] = replace(body[-1], text=last)
    dateline = header.dateline
    if dateline is None and body:
        dateline = wire_dateline(body[0].text)
    publisher = header.byline.publisher if header.byline else None
    if publisher is None and dateline is not None:
        publisher = dateline.agency
    return Article(
        text="\n\n".join(_paragraphs(body)),
        title=title,
        section=header.section,
        summary=" ".join(header.summary) if header.summary else None,
        published=header.published or published,
        dateline=_dateline(dateline, header.published or published),
        authors=header.byline.authors if header.byline else [],
        publisher=publisher,
    )


@dataclass(frozen=True, slots=True)
class _Line:
    """A content line, the number of its blank-line-separated block, and whether that block is hard-wrapped."""

    text: str
    block: int
    wrapped: bool


def _lines(text: str) -> list[_Line]:
    """Content lines with white space squeezed, junk and noise dropped."""
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            if blocks[-1]:
                blocks.append([])
        elif not is_junk(line) and not is_noise(line):
            blocks[-1].append(line)
    out: list[_Line] = []
    for number, block in enumerate(blocks):
        wrapped = len(block) > 1 and all(len(line) <= WRAP_WIDTH for line in block[:-1])
        out.extend(_Line(line, number, wrapped) for line in block)
    return out


def has_sentence(line: str) -> bool:
    """Whether ``line`` holds a sentence of prose (see ``_SENTENCE_END``), not only a label or a list of names."""
    words = line.split()
    return len(words) >= 3 and _SENTENCE_END.search(line) is not None and _PROSE_WORD.search(line) is not None


def _sole_sentence_line(text: str) -> str | None:
    """The only non-blank line of ``text`` (white space squeezed) when it holds a sentence; else ``None``."""
    content = [" ".join(raw.split()) for raw in text.split("\n") if raw.strip()]
    return content[0] if len(content) == 1 and has_sentence(content[0]) else None


def _paragraphs(body: list[_Line]) -> list[str]:
    """Body lines as paragraphs: each line is one, unless it continues a hard-wrapped sentence."""
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in body:
        joins = (
            previous is not None
            and previous.block == line.block
            and not previous.text.endswith(_TERMINAL)
            and (line.text[:1].islower() or line.wrapped)
        )
        if joins:
            paragraphs[-1] += " " + line.text
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs


def _dateline(found: DatelineMatch | None, published: str | None) -> Dateline | None:
    if found is None:
        return None
    date = complete_date(*found.date, published) if found.date else None
    return Dateline(place=found.place, date=date)
