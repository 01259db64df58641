"""A numeric date that reads two ways is read by its record's convention: locale, then outlet domain, then setting."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from claimgraph.errors import ConfigError
from claimgraph.ingest import read_paths
from claimgraph.ingest.locales import from_locale, from_url
from claimgraph.model import Document

BODY = "The Ridge Falcons said they had left the Dawn Coalition after a dispute over Korvana."


@pytest.mark.parametrize(
    ("locale", "order"),
    [
        ("en-GB", "dmy"),
        ("en_US", "mdy"),
        ("en-PH", "mdy"),
        ("fr", "dmy"),
        ("ar-SY", "dmy"),
        ("pt-BR", "dmy"),
        ("es-419", "dmy"),  # a numeric region: the language decides
        ("zh-Hant-TW", "dmy"),
        ("en", None),  # English alone is written both ways
        ("fr-CA", None),  # Canada writes both
        ("", None),
        ("not a locale", None),
    ],
)
def test_a_locale_names_a_convention_or_none(locale: str, order: str | None) -> None:
    found = from_locale(locale)
    assert (found.order if found else None) == order


@pytest.mark.parametrize(
    ("url", "order"),
    [
        ("https://www.example.co.uk/news/1", "dmy"),
        ("https://news.example.com.au/a", "dmy"),
        ("http://example.de/x", "dmy"),
        ("https://example.us/x", "mdy"),
        ("https://example.com/x", None),
        ("https://example.io/x", None),  # a country code sold as a generic name
        ("https://example.ca/x", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_an_outlet_domain_names_a_convention_or_none(url: str | None, order: str | None) -> None:
    found = from_url(url)
    assert (found.order if found else None) == order


def _read(tmp_path: Path, *records: dict[str, str]) -> list[Document]:
    path = tmp_path / "r.jsonl"
    path.write_text(
        "".join(
            json.dumps({"text": f"{BODY} It was report number {i + 1}.", **r}) + "\n" for i, r in enumerate(records)
        )
    )
    docs = list(read_paths([path]))
    assert all(isinstance(d, Document) for d in docs), docs
    return docs  # type: ignore[return-value]


def test_records_are_read_by_their_locale_then_their_domain_then_month_first(tmp_path: Path) -> None:
    british, by_domain, american, unhinted, clear = _read(
        tmp_path,
        {"published": "4/5/17", "locale": "en-GB"},
        {"published": "4/5/17", "url": "https://www.example.co.uk/story"},
        {"published": "4/5/17", "language": "en-US", "url": "https://www.example.co.uk/story"},
        {"published": "4/5/17"},
        {"published": "25/12/17", "locale": "en-US"},  # only one reading: no convention needed, no warning
    )
    assert [d.published for d in (british, by_domain, american, unhinted, clear)] == [
        "2017-05-04",
        "2017-05-04",
        "2017-04-05",
        "2017-04-05",
        "2017-12-25",
    ]
    [said] = british.warnings
    assert said.code == "ambiguous_date" and "day first" in said.message and "'en-GB'" in said.message
    assert "domain .uk" in by_domain.warnings[0].message
    assert "month first" in unhinted.warnings[0].message and "date_order setting" in unhinted.warnings[0].message
    assert clear.warnings == ()


def test_the_setting_decides_when_the_record_says_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMGRAPH_DATE_ORDER", "dmy")
    [doc] = _read(tmp_path, {"published": "4/5/17"})
    assert doc.published == "2017-05-04" and "day first" in doc.warnings[0].message
    monkeypatch.setenv("CLAIMGRAPH_DATE_ORDER", "ymd")
    with pytest.raises(ConfigError, match="CLAIMGRAPH_DATE_ORDER"):
        _read(tmp_path, {"published": "4/5/17"})


def test_a_table_row_carries_its_locale(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Story", "Date", "Language"])
        writer.writerow([BODY, "3/4/2016", "de-DE"])
        writer.writerow([BODY + " Again.", "3/4/2016", ""])
    german, unhinted = read_paths([path])
    assert isinstance(german, Document) and isinstance(unhinted, Document)
    assert (german.published, unhinted.published) == ("2016-04-03", "2016-03-04")


def test_a_feed_entry_is_read_by_its_channel_language(tmp_path: Path) -> None:
    feed = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valley Courier</title><language>en-gb</language>
<item><title>Falcons leave coalition</title><link>https://example.com/a</link><pubDate>4/5/2017</pubDate>
<description>The Ridge Falcons said they had left the Dawn Coalition after a dispute over Korvana.</description></item>
</channel></rss>"""
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    [doc] = list(read_paths([tmp_path / "feed.xml"]))
    assert isinstance(doc, Document) and doc.published == "2017-05-04", doc
    assert "'en-gb'" in doc.warnings[0].message
