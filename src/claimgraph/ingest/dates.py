"""Dates and timestamps as pages print them → ISO 8601 with the page's UTC offset.

Why not dateparser or dateutil alone: both misread "(UTC +04:00)" (the sign
convention of POSIX zone names flips it) and drop zone abbreviations such as
"MSK".  The offset decides which day an event happened on in the store's
timelines, so we parse the pieces ourselves: a date (month by name, ISO,
day.month.year, or a slashed date, read by the record's convention where it
reads two ways: ``locales``), an optional time, and an optional offset or
zone abbreviation.  Anything we cannot read with confidence gives ``None``, never
a guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from claimgraph.ingest.locales import current_order
from claimgraph.ingest.notices import warn

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
MONTH_RE = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# Zone abbreviations news sites print after a time, with their offset in hours.
# Ambiguous ones (IST, CST, BST) are read the way English-language news uses them.
ZONES: dict[str, float] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "WET": 0,
    "BST": 1,
    "CET": 1,
    "WAT": 1,
    "CEST": 2,
    "EET": 2,
    "CAT": 2,
    "SAST": 2,
    "EEST": 3,
    "MSK": 3,
    "AST": 3,
    "EAT": 3,
    "IRST": 3.5,
    "GST": 4,
    "AZT": 4,
    "AFT": 4.5,
    "PKT": 5,
    "IST": 5.5,
    "ICT": 7,
    "WIB": 7,
    "HKT": 8,
    "SGT": 8,
    "JST": 9,
    "KST": 9,
    "AEST": 10,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
}

_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_RE}),?\s+(?P<year>\d{{4}})\b", re.I
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<month>{MONTH_RE})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I
)
_ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_DOTTED = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b")
# Slashes: the US wire and CMS convention is month first ("7/19/14"); a first
# number over 12 can only be a day, so "19/7/2014" reads day first.
_SLASHED = re.compile(r"(?<![\d/])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])")
_TIME = re.compile(
    r"\b(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?(?![\w.])", re.I
)
_OFFSET = re.compile(r"\b(?:UTC|GMT)\s*(?P<sign>[+\-−])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?\b", re.I)
_BARE_OFFSET = re.compile(r"(?<![\w:])(?P<sign>[+\-−])(?P<hours>\d{2}):?(?P<minutes>\d{2})\b")
_ZONE = re.compile(r"\b(?P<zone>" + "|".join(sorted(ZONES, key=len, reverse=True)) + r")\b")
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_RE})(?![\w])", re.I)
_MONTH_DAY = re.compile(rf"\b(?P<month>{MONTH_RE})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)


def _month(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


def _full_year(value: str) -> int:
    """A two-digit year as POSIX ``strptime`` reads it: 69–99 are 1969–1999, 00–68 are 2000–2068."""
    year = int(value)
    if len(value) == 4:
        return year
    return year + (1900 if year >= 69 else 2000)


def _slashed(match: re.Match[str]) -> date:
    """A slashed date; one whose numbers could both be the month is read by the record's convention (``locales``)."""
    first, second, year = int(match["first"]), int(match["second"]), _full_year(match["year"])
    if first > 12 or second > 12 or first == second:
        month, day = (second, first) if first > 12 else (first, second)
        return date(year, month, day)
    convention = current_order()
    month, day = (first, second) if convention.order == "mdy" else (second, first)
    found = date(year, month, day)
    read, other = ("month", "day") if convention.order == "mdy" else ("day", "month")
    warn(
        "ambiguous_date",
        f"the date {match[0]!r} was read {read} first ({found.isoformat()}), by {convention.reason}; "
        f"{other} first it would be another day",
    )
    return found


def find_date(text: str) -> tuple[date, re.Match[str]] | None:
    """The first full calendar date (with a year) in ``text`` and where it was found."""
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO_DATE, _DOTTED):
        match = pattern.search(text)
        if match:
            try:
                return date(int(match["year"]), _month(match["month"]), int(match["day"])), match
            except ValueError:
                continue
    match = _SLASHED.search(text)
    if match:
        try:
            return _slashed(match), match
        except ValueError:
            return None
    return None


def find_offset(text: str) -> timezone | None:
    """The UTC offset ``text`` states: "(UTC +04:00)", "GMT+3", "+0400" or a zone abbreviation."""
    match = _OFFSET.search(text) or _BARE_OFFSET.search(text)
    if match:
        minutes = int(match["hours"]) * 60 + int(match["minutes"] or 0)
        if minutes > 14 * 60:
            return None
        return timezone(timedelta(minutes=-minutes if match["sign"] in "-−" else minutes))
    zone = _ZONE.search(text)
    if zone:
        return timezone(timedelta(hours=ZONES[zone["zone"]]))
    return None


def _find_time(text: str) -> tuple[int, int, int] | None:
    match = _TIME.search(text)
    if not match:
        return None
    hour, minute, second = int(match["hour"]), int(match["minute"]), int(match["second"] or 0)
    if match["ampm"]:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def parse_timestamp(text: str | None) -> str | None:
    """``text`` as ISO 8601: with time and offset when the text gives them, else the date alone.

    ISO and RFC 822 strings are read as such; free text is searched for a
    date, a time and an offset.  A time without a stated offset stays naive
    (we never assume UTC for a page that did not say so).
    """
    if not text or not text.strip():
        return None
    text = text.strip()
    iso = _from_iso(text) or _from_rfc822(text)
    if iso:
        return iso
    found = find_date(text)
    if found is None:
        return None
    day, match = found
    rest = text[: match.start()] + " " + text[match.end() :]
    clock = _find_time(_BARE_OFFSET.sub(" ", _OFFSET.sub(" ", rest)))  # "UTC -05:30" is not a time
    if clock is None:
        return day.isoformat()
    stamp = datetime(day.year, day.month, day.day, *clock, tzinfo=find_offset(rest))
    return stamp.isoformat()


def _from_iso(text: str) -> str | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+\-]\d{2}:?\d{2})?)?", text):
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(text) == 10:
        return value.date().isoformat()
    return value.isoformat()


def _from_rfc822(text: str) -> str | None:
    if not re.match(r"(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{1,2}:\d{2}", text):
        return None
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError):
        return None


def partial_date(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a dateline date such as "Nov. 24", "24 November" or "1996-08-22"."""
    found = find_date(text)
    if found:
        return found[0].month, found[0].day, found[0].year
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        match = pattern.search(text)
        if match and 1 <= int(match["day"]) <= 31:
            return _month(match["month"]), int(match["day"]), None
    return None


def complete_date(month: int, day: int, year: int | None, published: str | None) -> str | None:
    """ISO date of a dateline, taking a missing year from ``published``.

    A story filed on "Dec. 31" and published on 2 January belongs to the year
    before; one filed "Jan. 1" and published 31 December (time zones) to the
    year after.  Without a year and without ``published`` there is no date.
    """
    if year is None:
        if not published:
            return None
        pub = date.fromisoformat(published[:10])
        year = pub.year
        if month == 12 and pub.month == 1:
            year -= 1
        elif month == 1 and pub.month == 12:
            year += 1
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
