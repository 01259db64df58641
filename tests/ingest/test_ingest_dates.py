"""Timestamps with the page's own UTC offset, and dateline years completed from ``published``."""

from __future__ import annotations

import pytest

from claimgraph.ingest.dates import complete_date, find_offset, parse_timestamp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24 November 2014 11:48 (UTC +04:00)", "2014-11-24T11:48:00+04:00"),
        ("Nov. 24, 2014 11:48 GMT+3", "2014-11-24T11:48:00+03:00"),
        ("24.11.2014 11:48 MSK", "2014-11-24T11:48:00+03:00"),
        ("March 2, 2015 at 4:05 pm EST", "2015-03-02T16:05:00-05:00"),
        ("Tue, 14 Jan 2025 08:00:00 +0000", "2025-01-14T08:00:00+00:00"),
        ("Mon, 16 Jun 2025 07:05:00 +0300", "2025-06-16T07:05:00+03:00"),
        ("2019-03-05T14:20:00+0300", "2019-03-05T14:20:00+03:00"),
        ("2019-03-05T14:20:00Z", "2019-03-05T14:20:00+00:00"),
        ("2017-08-20", "2017-08-20"),
        ("5 May 2020", "2020-05-05"),
        # a time without a stated offset stays naive: we never assume UTC
        ("5 May 2020 09:15", "2020-05-05T09:15:00"),
        ("UTC -05:30 on 1 January 2020 at 10:00", "2020-01-01T10:00:00-05:30"),
        # slashed numbers: month first as US records write them, day first when it cannot be a month
        ("3/9/21", "2021-03-09"),
        ("12/31/99", "1999-12-31"),
        ("25/12/2003", "2003-12-25"),
        ("10/2/2019 14:30", "2019-10-02T14:30:00"),
    ],
)
def test_parse_timestamp(text: str, expected: str) -> None:
    assert parse_timestamp(text) == expected


@pytest.mark.parametrize(
    "text", [None, "", "yesterday", "31 February 2020", "no date here", "13/13/2020", "1/2/3/2020"]
)
def test_unreadable_timestamps_give_none(text: str | None) -> None:
    assert parse_timestamp(text) is None


def test_offset_signs_are_not_flipped() -> None:
    offset = find_offset("(UTC +04:00)")
    assert offset is not None and offset.utcoffset(None).total_seconds() == 4 * 3600
    offset = find_offset("GMT-3")
    assert offset is not None and offset.utcoffset(None).total_seconds() == -3 * 3600


def test_dateline_year_comes_from_published() -> None:
    assert complete_date(11, 24, None, "2014-11-24T11:48:00+04:00") == "2014-11-24"
    assert complete_date(8, 22, 1996, None) == "1996-08-22"
    assert complete_date(11, 24, None, None) is None


def test_dateline_year_rolls_over_new_year() -> None:
    assert complete_date(12, 31, None, "2015-01-02T08:00:00+00:00") == "2014-12-31"
    assert complete_date(1, 1, None, "2014-12-31T23:30:00-05:00") == "2015-01-01"
