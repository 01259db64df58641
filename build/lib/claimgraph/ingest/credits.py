"""Credit lines: the dateline (where and when a story was filed) and the byline (who wrote it).

Both are recognised by the shape of the line, never by the outlet: a
dateline is a short run of capitalised place names ending in a date
("Baku, Azerbaijan, Nov. 24", "MOSCOW 1996-08-22"), or the wire form that
opens the first paragraph ("BEIRUT (Reuters) -", "KABUL, Afghanistan (AP) —").
A byline starts with "By" and lists people, with the outlet either glued
("Claude Salhani-Trend") or after a comma or bar ("…, Reuters").  Telling a
glued outlet from a double-barrelled surname needs knowledge, so the glued
form is split only when the part after the hyphen is a known news outlet
(``OUTLETS``) or is named like one ("… Monitor", "… News") — anything else
stays part of the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.ingest.dates import MONTH_RE, partial_date

# News agencies and outlets often glued to or named after a byline.  Facts, not style.
OUTLETS: frozenset[str] = frozenset(
    s.casefold()
    for s in (
        "AFP",
        "AP",
        "Associated Press",
        "Reuters",
        "UPI",
        "DPA",
        "EFE",
        "ANSA",
        "Xinhua",
        "Kyodo",
        "Yonhap",
        "TASS",
        "ITAR-TASS",
        "Interfax",
        "RIA Novosti",
        "Sputnik",
        "Trend",
        "APA",
        "Anadolu",
        "Anadolu Agency",
        "IRNA",
        "Fars",
        "Tasnim",
        "ISNA",
        "SANA",
        "WAFA",
        "MENA",
        "KUNA",
        "QNA",
        "WAM",
        "SPA",
        "PTI",
        "IANS",
        "Bernama",
        "Antara",
        "BBC",
        "CNN",
        "Al Jazeera",
        "Al Arabiya",
        "RFE/RL",
        "VOA",
        "Bloomberg",
    )
)
# Words that mark a byline part as an outlet rather than a person.
_OUTLET_WORDS = re.compile(
    r"\b(news|agency|press|times|post|herald|tribune|journal|gazette|daily|weekly|radio|tv|television|"
    r"media|wire|service|network|magazine|review|monitor|telegraph|guardian|observer)\b|\.(com|org|net|az|ru)\b",
    re.I,
)
# Parts of a byline that are neither people nor outlets.
_ROLE = re.compile(r"\b(staff|correspondent|reporter|editor|writer|contributor|desk|bureau|team)\b", re.I)
_NAME_PARTICLES = frozenset(
    {"al", "el", "ul", "bin", "ben", "ibn", "abu", "abd", "ould", "van", "von", "de", "da", "di"}
)

_PLACE_WORD = r"(?:[A-Z][\w'’.\-]*|of|de|del|es|al|el|la|le|du|upon|on-|am)"
_PLACE = rf"{_PLACE_WORD}(?:[ \-]{_PLACE_WORD}){{0,4}}"
_PLACES = rf"(?P<place>{_PLACE}(?:\s*,\s*{_PLACE}){{0,3}})"
_DATE = rf"(?P<date>{MONTH_RE}\s*\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{MONTH_RE}(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
_AGENCY = r"\((?P<agency>[A-Z][\w&/.\- ]{0,30})\)"
_DASH = r"[-–—]{1,2}"

# "Baku, Azerbaijan, Nov. 24", "MOSCOW 1996-08-22", "Kabul, May 3 (AP) -", "Baku, Nov. 24 / Trend /"
_STANDALONE = re.compile(
    rf"{_PLACES}\s*,?\s+{_DATE}\s*(?:{_AGENCY}|/\s*(?P<credit>[^/]{{1,60}}?)\s*/)?\s*(?:{_DASH}|:)?"
)
_WIRE = re.compile(rf"{_PLACES}(?:\s*,\s*{_DATE})?\s*{_AGENCY}\s*{_DASH}\s*")
_CAPS_WIRE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}(?:,\s*[A-Z][\w.]+(?: [A-Z][\w.]+)*)?)\s*[–—]\s*"
)
_BYLINE = re.compile(r"By\s+(?P<credit>[A-Z].{1,150}?)\s*[:.]?", re.S)


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    """A dateline found in a line: place, (month, day, year?) and how much of the line it covers."""

    place: str
    date: tuple[int, int, int | None] | None
    agency: str | None
    end: int


@dataclass(frozen=True, slots=True)
class Byline:
    """People and outlet named by a byline."""

    authors: list[str]
    publisher: str | None


def _tidy_place(place: str) -> str:
    return re.sub(r"\s*,\s*", ", ", place).strip(" ,")


def standalone_dateline(line: str) -> DatelineMatch | None:
    """A line that is nothing but a dateline ("Baku, Azerbaijan, Nov. 24", "MOSCOW 1996-08-22")."""
    if len(line) > 90:
        return None
    match = _STANDALONE.fullmatch(line.strip())
    if not match:
        return None
    agency = match["agency"]
    if match["credit"] and match["credit"].split()[0].casefold() in OUTLETS:
        agency = match["credit"].split()[0]
    return DatelineMatch(_tidy_place(match["place"]), partial_date(match["date"]), agency, len(line))


def wire_dateline(paragraph: str) -> DatelineMatch | None:
    """A wire dateline opening a paragraph: "BEIRUT (Reuters) - ", "KABUL, Afghanistan, Aug. 3 (AP) — "."""
    match = _WIRE.match(paragraph)
    if match and match.end() < len(paragraph):
        date = partial_date(match["date"]) if match["date"] else None
        return DatelineMatch(_tidy_place(match["place"]), date, match["agency"], match.end())
    match = _CAPS_WIRE.match(paragraph)
    if match and match.end() < len(paragraph) and len(match["place"].split(",")[0]) >= 3:
        return DatelineMatch(_tidy_place(match["place"]), None, None, match.end())
    return None


def byline(line: str) -> Byline | None:
    """The people and outlet of a "By …" line, or ``None`` when the line is not a byline."""
    line = line.strip()
    if len(line) > 160:
        return None
    match = _BYLINE.fullmatch(line)
    if not match:
        return None
    authors: list[str] = []
    publisher: str | None = None
    for part in re.split(r"\s*(?:,|\||/|\band\b|&|\s[-–—]\s)\s*", match["credit"]):
        part = re.sub(r"\s+(?:in|for)\s+.*$", "", part).strip(" .")
        if not part:
            continue
        person, glued = _unglue(part)
        if glued:
            publisher = publisher or glued
        if _ROLE.search(person):
            continue
        if _is_outlet(person):
            publisher = publisher or person
        elif _is_person(person):
            authors.append(person.title() if person.isupper() else person)
        else:
            return None
    if not authors and publisher is None:
        return None
    return Byline(authors, publisher)


def _unglue(part: str) -> tuple[str, str | None]:
    """Split "Claude Salhani-Trend" into the person and a known outlet glued by a hyphen."""
    head, sep, tail = part.rpartition("-")
    if sep and " " in head.strip() and (tail.strip().casefold() in OUTLETS or _OUTLET_WORDS.search(tail)):
        last = head.split()[-1].casefold()
        if last not in _NAME_PARTICLES:
            return head.strip(), tail.strip()
    return part, None


def _is_outlet(part: str) -> bool:
    if part.casefold() in OUTLETS or _OUTLET_WORDS.search(part):
        return True
    return bool(re.fullmatch(r"[A-Z]{2,6}", part))


def _is_person(part: str) -> bool:
    words = part.split()
    if not 2 <= len(words) <= 5:
        return False
    return all(w[0].isupper() or w.casefold().rstrip("-") in _NAME_PARTICLES for w in words)
