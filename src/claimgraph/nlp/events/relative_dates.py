"""When an event happened: a date expression read against the day the story was written.

News dates events relative to the day of writing ("on Sunday", "yesterday",
"last month", "on March 3"), so an expression means nothing without that
reference day.  The reference is the dateline's date when there is one (the
reporter's local day), else the local calendar day of the publication
timestamp *in the offset the page gives* — "00:30+03:00" is already the
next day where the story was written, whatever the day is in UTC.

The answer keeps the precision the text states: a day (``YYYY-MM-DD``), a
month (``YYYY-MM``) or a year (``YYYY``).  A span with no unit of its own
("last week", "the past ten days") is reported as the smallest of those that
contains all of it, so no reader is told a day the text never gave.  A
month or day named without a year is the latest one not after the reference
day (a story of 2 January about "December 30" means the year before), unless
the sentence speaks of the future.  What cannot be read is ``None``, never a
guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from claimgraph.ingest.dates import MONTHS
from claimgraph.model import Document

Precision = Literal["day", "month", "year"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Counting words, shared with the casualty figures of ``events``.
NUMBER_WORDS: dict[str, int] = {
    word: n
    for n, word in enumerate(
        [
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
            *("twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"),
        ]
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12}
_ARTICLES = {"a": 1, "an": 1}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ABSOLUTE = (
    re.compile(rf"^{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?$"),  # March 3, March 3, 2014
    re.compile(rf"^(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?$"),  # 3 March 2014, the 3rd of March
    re.compile(rf"^{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR})?$"),  # March, March 2014
    re.compile(rf"^{_YEAR}$"),
    re.compile(r"^(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)$"),
)
_AGO = re.compile(
    r"^(?P<n>\d+|" + "|".join(NUMBER_WORDS | _ARTICLES) + r")\s+(?P<unit>day|week|month|year|fortnight)s?\s+ago$"
)
# Words around a date expression that do not change it ("on Sunday night", "early last month").
_NOISE = re.compile(
    r"\b(?:on|in|at|during|since|by|of|earlier|early|late|later|the|morning|afternoon|evening|night|overnight|dawn"
    r"|midday|noon|hours|around|about|until|till|before|after|mid)\b"
)


@dataclass(frozen=True, slots=True)
class EventDate:
    """A resolved date: ISO text at the stated precision."""

    date: str
    precision: Precision


def reference_day(document: Document) -> date | None:
    """The day the story was written: its dateline date, else the local day of its publication stamp."""
    for text in (document.dateline.date if document.dateline else None, document.published):
        if text and re.match(r"^\d{4}-\d{2}-\d{2}", text):
            try:
                return date.fromisoformat(text[:10])  # the local day, in the offset the page gives
            except ValueError:
                continue
    return None


def _day(d: date) -> EventDate:
    return EventDate(d.isoformat(), "day")


def _month(year: int, month: int) -> EventDate:
    return EventDate(f"{year:04d}-{month:02d}", "month")


def _covering(first: date, last: date) -> EventDate | None:
    """The smallest day, month or year holding the whole span ``first``..``last`` (none across a new year)."""
    if first == last:
        return _day(first)
    if (first.year, first.month) == (last.year, last.month):
        return _month(first.year, first.month)
    return EventDate(f"{first.year:04d}", "year") if first.year == last.year else None


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _weekday(ref: date, name: str, *, future: bool, last: bool, nxt: bool) -> EventDate:
    """'Sunday' in a past-tense story is the latest Sunday up to the reference day; 'last Sunday' is before it."""
    target = WEEKDAYS.index(name)
    if future or nxt:
        ahead = (target - ref.weekday()) % 7 or (7 if nxt or future else 0)
        return _day(ref + timedelta(days=ahead))
    back = (ref.weekday() - target) % 7
    if back == 0 and last:
        back = 7
    return _day(ref - timedelta(days=back))


def _relative(words: str, ref: date, future: bool) -> EventDate | None:
    """Expressions counted from the reference day."""
    if words in ("today", "tonight", "this", "now"):
        return _day(ref)
    if words in ("yesterday", "last"):  # "last night" loses "night" to the noise words
        return _day(ref - timedelta(days=1))
    if words == "tomorrow":
        return _day(ref + timedelta(days=1))
    if words == "day before yesterday":
        return _day(ref - timedelta(days=2))
    parts = words.split()
    mark = parts[0] if len(parts) == 2 else None
    unit = parts[-1]
    if unit in WEEKDAYS and len(parts) <= 2 and mark in (None, "last", "this", "next", "past"):
        return _weekday(ref, unit, future=future, last=mark in ("last", "past"), nxt=mark == "next")
    if mark in ("last", "past", "previous", "this", "next") and unit in ("week", "month", "year", "weekend"):
        step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[mark]
        if unit == "year":
            return EventDate(f"{ref.year + step:04d}", "year")
        if unit == "month":
            return _month(*_shift_month(ref.year, ref.month, step))
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        if unit == "weekend":
            return _covering(monday + timedelta(days=5), monday + timedelta(days=6))
        return _covering(monday, min(monday + timedelta(days=6), ref) if step == 0 else monday + timedelta(days=6))
    ago = _AGO.match(words)
    if ago:
        n = int(ago["n"]) if ago["n"].isdigit() else (NUMBER_WORDS | _ARTICLES)[ago["n"]]
        if ago["unit"] == "year":
            return EventDate(f"{ref.year - n:04d}", "year")
        if ago["unit"] == "month":
            return _month(*_shift_month(ref.year, ref.month, -n))
        span = n * _UNIT_DAYS[ago["unit"]]
        return _day(ref - timedelta(days=span)) if ago["unit"] == "day" else _covering_week_ago(ref, span)
    return None


def _covering_week_ago(ref: date, days: int) -> EventDate | None:
    """'two weeks ago': the week around that day, at the precision that holds it."""
    centre = ref - timedelta(days=days)
    monday = centre - timedelta(days=centre.weekday())
    return _covering(monday, monday + timedelta(days=6))


def _absolute(words: str, ref: date | None, future: bool) -> EventDate | None:
    """A named day, month or year; the year, when missing, is the one that keeps it on the right side of ``ref``."""
    for pattern in _ABSOLUTE:
        m = pattern.match(words)
        if m is None:
            continue
        groups = m.groupdict()
        month = MONTHS[groups["month"]] if groups.get("month") else int(groups["mnum"]) if groups.get("mnum") else None
        year = int(groups["year"]) if groups.get("year") else None
        day = int(groups["day"]) if groups.get("day") else None
        if month is None:
            return EventDate(f"{year:04d}", "year") if year else None
        if year is None:
            if ref is None:
                return None
            year = ref.year
            probe = (month, day or 1)
            if not future and probe > (ref.month, ref.day):
                year -= 1  # "on December 30" in a story of 2 January
            elif future and probe < (ref.month, 1 if day is None else ref.day):
                year += 1
        if day is None:
            return _month(year, month)
        try:
            return _day(date(year, month, day))
        except ValueError:
            return None
    return None


def resolve(expression: str, ref: date | None, *, future: bool = False) -> EventDate | None:
    """The date ``expression`` names, read against the reference day ``ref``; ``None`` when it cannot be read."""
    words = re.sub(r"[^\w\s-]", " ", expression.lower().replace("’", "'"))
    words = re.sub(r"'s\b", " ", words)
    words = " ".join(_NOISE.sub(" ", words).split())
    if not words:
        return None
    found = _absolute(words, ref, future)
    if found is not None or ref is None:
        return found
    return _relative(words, ref, future)
