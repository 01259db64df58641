"""The relative-date reader: expressions against the day a story was written, precision kept."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.model import Dateline, Document
from claimgraph.nlp.events.relative_dates import EventDate, reference_day, resolve

# Reference days: Wednesday 2015-03-11, Friday 2015-01-02 (a year boundary), Sunday 2016-03-06.
WED = date(2015, 3, 11)
JAN2 = date(2015, 1, 2)
SUN = date(2016, 3, 6)

TABLE = [
    # weekday names: the latest such day up to the reference day; "last" is strictly before it
    ("on Sunday", WED, "2015-03-08", "day"),
    ("Tuesday night", WED, "2015-03-10", "day"),
    ("on Wednesday", WED, "2015-03-11", "day"),
    ("last Wednesday", WED, "2015-03-04", "day"),
    ("on Thursday", WED, "2015-03-05", "day"),
    ("early on Saturday", SUN, "2016-03-05", "day"),
    ("on Wednesday", JAN2, "2014-12-31", "day"),  # across the new year
    # counted from the reference day
    ("yesterday", WED, "2015-03-10", "day"),
    ("yesterday", date(2015, 3, 1), "2015-02-28", "day"),
    ("yesterday", date(2016, 3, 1), "2016-02-29", "day"),  # leap year
    ("yesterday", JAN2, "2015-01-01", "day"),
    ("last night", date(2015, 1, 1), "2014-12-31", "day"),
    ("today", WED, "2015-03-11", "day"),
    ("this morning", WED, "2015-03-11", "day"),
    ("three days ago", WED, "2015-03-08", "day"),
    ("2 days ago", JAN2, "2014-12-31", "day"),
    # spans with no unit of their own: the smallest month or year holding them
    ("last week", WED, "2015-03", "month"),
    ("last week", date(2015, 3, 4), "2015", "year"),  # 23 Feb – 1 Mar spans two months
    ("last month", WED, "2015-02", "month"),
    ("last month", JAN2, "2014-12", "month"),
    ("earlier this month", WED, "2015-03", "month"),
    ("two months ago", JAN2, "2014-11", "month"),
    ("last year", JAN2, "2014", "year"),
    ("this year", WED, "2015", "year"),
    ("a year ago", WED, "2014", "year"),
    # named days and months: the latest not after the reference day
    ("on March 3", WED, "2015-03-03", "day"),
    ("on 3 March", WED, "2015-03-03", "day"),
    ("the 3rd of March", WED, "2015-03-03", "day"),
    ("on Dec. 30", JAN2, "2014-12-30", "day"),
    ("on March 30", WED, "2014-03-30", "day"),
    ("in December", JAN2, "2014-12", "month"),
    ("in March", WED, "2015-03", "month"),
    ("March 3, 2012", WED, "2012-03-03", "day"),
    ("3 March 2012", WED, "2012-03-03", "day"),
    ("in June 2011", WED, "2011-06", "month"),
    ("in 2013", WED, "2013", "year"),
]


@pytest.mark.parametrize(("expression", "ref", "iso", "precision"), TABLE)
def test_expression_against_the_reference_day(expression: str, ref: date, iso: str, precision: str) -> None:
    assert resolve(expression, ref) == EventDate(iso, precision)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("expression", "ref", "iso"),
    [
        ("on Sunday", WED, "2015-03-15"),
        ("on Wednesday", WED, "2015-03-18"),
        ("on March 3", WED, "2016-03-03"),
        ("next week", JAN2, "2015-01"),
        ("tomorrow", date(2014, 12, 31), "2015-01-01"),
    ],
)
def test_future_sentences_look_ahead(expression: str, ref: date, iso: str) -> None:
    found = resolve(expression, ref, future=True)
    assert found is not None and found.date == iso


@pytest.mark.parametrize("expression", ["recently", "for years", "the past", "", "some time", "February 30"])
def test_unreadable_expressions_give_no_date(expression: str) -> None:
    assert resolve(expression, WED) is None


def test_a_week_across_the_new_year_is_not_given_a_year() -> None:
    assert resolve("last week", date(2015, 1, 7)) is None  # 29 Dec – 4 Jan


def test_relative_expressions_need_a_reference_day_absolute_ones_do_not() -> None:
    assert resolve("yesterday", None) is None
    assert resolve("on March 3", None) is None
    assert resolve("March 3, 2012", None) == EventDate("2012-03-03", "day")


def _document(published: str | None, dateline: Dateline | None = None) -> Document:
    return Document(text="x", published=published, dateline=dateline, id="sha256:0", source_path="x.txt")


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2015-01-01T00:30:00+03:00", date(2015, 1, 1)),  # already the 1st where it was written (UTC: 31 Dec)
        ("2014-12-31T22:30:00-05:00", date(2014, 12, 31)),  # still the 31st there (UTC: 1 Jan)
        ("2015-01-01T00:30:00Z", date(2015, 1, 1)),
        ("2015-01-01", date(2015, 1, 1)),
        (None, None),
        ("not a date", None),
    ],
)
def test_the_reference_day_is_the_local_day_of_the_stamp(published: str | None, day: date | None) -> None:
    assert reference_day(_document(published)) == day


def test_yesterday_in_a_story_stamped_just_after_local_midnight() -> None:
    ref = reference_day(_document("2015-01-01T00:30:00+03:00"))
    assert resolve("yesterday", ref) == EventDate("2014-12-31", "day")


def test_the_dateline_date_is_the_reporters_day() -> None:
    doc = _document("2015-03-12T02:00:00+00:00", Dateline("Kabul, Afghanistan", "2015-03-11"))
    assert reference_day(doc) == date(2015, 3, 11)
