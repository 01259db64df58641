"""Layout rules of plain-text scrapes, each on a fixture written for it."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.ingest.boilerplate import footer_start, is_noise, photo_credits
from claimgraph.ingest.credits import byline, standalone_dateline, wire_dateline
from claimgraph.ingest.text import read_layout, timestamp_line
from claimgraph.model import Dateline

SCRAPE = """\
* * *
...

Militia leader says talks with army have stalled

World News 3 February 2023 18:05 (UTC +03:00)
A militia leader in eastern Congo says talks with the army have stalled over disarmament
Militia leader says talks with army have stalled

Goma, DR Congo, Feb. 3

By Amani Mukendi-Lakes News:

A militia leader in eastern Congo says talks with the army have stalled over disarmament, according to a statement read on local radio.

The M23 rebels, who the United Nations says are backed by Rwanda, deny receiving any outside help.
Kigali has repeatedly rejected the accusation.

"We will not give up our weapons while our people are threatened," the statement said.

Share on Facebook
For any questions or feedback, follow the author on Twitter: @amani_m

Tags:
Congo, M23
Latest

Latest
"""


def test_scrape_header_fields() -> None:
    article = read_layout(SCRAPE)
    assert article.title == "Militia leader says talks with army have stalled"
    assert article.section == "World News"
    assert article.published == "2023-02-03T18:05:00+03:00"
    assert article.summary == "A militia leader in eastern Congo says talks with the army have stalled over disarmament"
    assert article.dateline == Dateline(place="Goma, DR Congo", date="2023-02-03")
    assert article.authors == ["Amani Mukendi"]
    assert article.publisher == "Lakes News"


def test_scrape_body_keeps_every_sentence_and_nothing_else() -> None:
    paragraphs = read_layout(SCRAPE).text.split("\n\n")
    assert paragraphs[0].startswith("A militia leader in eastern Congo says talks")
    assert paragraphs[0].endswith("read on local radio.")
    # a line that ends its sentence is its own paragraph, as the scrape laid it out
    assert (
        paragraphs[1]
        == "The M23 rebels, who the United Nations says are backed by Rwanda, deny receiving any outside help."
    )
    assert paragraphs[2] == "Kigali has repeatedly rejected the accusation."
    assert paragraphs[-1] == '"We will not give up our weapons while our people are threatened," the statement said.'
    text = "\n\n".join(paragraphs)
    for furniture in ("Share on", "For any questions", "Tags", "Latest", "* * *", "...", "Goma, DR Congo", "By Amani"):
        assert furniture not in text


def test_headline_repeats_are_dropped_anywhere() -> None:
    body = "The rebels entered the town at dawn.\n\nShops stayed shut.\n\nThe army said it would retake it."
    text = f"Rebels seize border town\n\nRebels seize border town\n\n{body}\n\nRebels Seize Border Town\n"
    article = read_layout(text)
    assert article.title == "Rebels seize border town"
    assert article.text == body


def test_text_without_headline_keeps_its_first_paragraph() -> None:
    text = "The group said on Monday that it had withdrawn from the talks.\n\nIts leader did not comment."
    article = read_layout(text)
    assert article.title is None
    assert article.text.startswith("The group said on Monday")


def test_a_date_after_a_body_paragraph_is_not_a_header() -> None:
    text = "Convoy attacked\n\nGunmen attacked a convoy on the main road.\n\n12 March 2021\n\nThree vehicles burned."
    article = read_layout(text, title="Convoy attacked")
    assert article.summary is None
    assert article.text.startswith("Gunmen attacked a convoy")


def test_hard_wrapped_text_is_unwrapped_into_sentences() -> None:
    text = (
        "Fighting resumed near the airport on\n"
        "Sunday after a week of calm, residents said,\n"
        "and the army sent reinforcements.\n\n"
        "The ceasefire had been agreed in May."
    )
    article = read_layout(text, title="t")
    assert article.text == (
        "Fighting resumed near the airport on Sunday after a week of calm, residents said, "
        "and the army sent reinforcements.\n\nThe ceasefire had been agreed in May."
    )


def test_timestamp_lines() -> None:
    assert timestamp_line("Other News Materials 24 November 2014 11:48 (UTC +04:00)") == (
        "Other News Materials",
        "2014-11-24T11:48:00+04:00",
    )
    assert timestamp_line("Published: 5 May 2020 | 09:15 GMT+3") == (None, "2020-05-05T09:15:00+03:00")
    assert timestamp_line("Politics | Monday, March 2, 2015, 11:48 MSK") == ("Politics", "2015-03-02T11:48:00+03:00")
    assert timestamp_line("Last modified on Mon 20 Aug 2017 09.00 BST") == (None, "2017-08-20T09:00:00+01:00")
    assert timestamp_line("First published on Sun 19 Aug 2017 17.00 BST") == (None, "2017-08-19T17:00:00+01:00")
    assert timestamp_line("The group was founded on 24 November 2014 in the mountains.") is None


def test_standalone_datelines() -> None:
    baku = standalone_dateline("Baku, Azerbaijan, Nov. 24")
    assert baku is not None and baku.place == "Baku, Azerbaijan" and baku.date == (11, 24, None)
    moscow = standalone_dateline("MOSCOW 1996-08-22")
    assert moscow is not None and moscow.place == "MOSCOW" and moscow.date == (8, 22, 1996)
    spaced = standalone_dateline("AL-AIN , United Arab Emirates 1996-12-06")
    assert spaced is not None and spaced.place == "AL-AIN, United Arab Emirates"
    slashed = standalone_dateline("Baku, Azerbaijan, Nov.24 / Trend A.Jones /")
    assert slashed is not None and slashed.place == "Baku, Azerbaijan" and slashed.agency == "Trend"
    assert slashed.date == (11, 24, None)
    assert standalone_dateline("The talks ended on March 3") is None


def test_wire_datelines_are_read_but_stay_in_the_body() -> None:
    found = wire_dateline("BEIRUT (Reuters) - Hezbollah said on Friday it had fired rockets.")
    assert found is not None and found.place == "BEIRUT" and found.agency == "Reuters"
    dated = wire_dateline("KABUL, Afghanistan, Aug. 3 (AP) — The Taliban said ...")
    assert dated is not None and dated.place == "KABUL, Afghanistan" and dated.date == (8, 3, None)
    assert wire_dateline("Hezbollah said on Friday it had fired rockets.") is None

    article = read_layout(
        "Rockets fired\n\nBEIRUT (Reuters) - Hezbollah said it fired rockets.", published="2024-01-05"
    )
    assert article.dateline == Dateline(place="BEIRUT", date=None)
    assert article.publisher == "Reuters"
    assert article.text == "BEIRUT (Reuters) - Hezbollah said it fired rockets."


def test_bylines() -> None:
    glued = byline("By Claude Salhani-Trend:")
    assert glued is not None and glued.authors == ["Claude Salhani"] and glued.publisher == "Trend"
    pair = byline("By Jane Doe and John Roe, Reuters")
    assert pair is not None and pair.authors == ["Jane Doe", "John Roe"] and pair.publisher == "Reuters"
    # a hyphenated surname is not an outlet
    hyphen = byline("By Anna Smith-Jones")
    assert hyphen is not None and hyphen.authors == ["Anna Smith-Jones"] and hyphen.publisher is None
    particle = byline("By Ahmed Al-Tamimi in Baghdad")
    assert particle is not None and particle.authors == ["Ahmed Al-Tamimi"]
    caps = byline("By SARAH KLEIN | Staff Writer")
    assert caps is not None and caps.authors == ["Sarah Klein"]
    assert byline("By the end of the week the fighting had stopped.") is None


def test_noise_lines() -> None:
    for line in (
        "Advertisement",
        "Photograph: Jane Doe/Example Agency",
        "Share on Twitter",
        "Read more: Army retakes town",
        "Subscribe to our newsletter",
        "5 min read",
        "Slideshow (4 Images)",
        "REUTERS/Jane Roe",
        "AFP/Getty Images",
        "The Thomson Reuters Trust Principles.",
    ):
        assert is_noise(line), line
    assert not is_noise("Read the statement carefully, the spokesman told reporters.")
    assert not is_noise("Reuters reported the attack on Sunday.")


def test_photo_credits_are_found_inside_caption_lines() -> None:
    text = (
        "Boys play in the rubble of the old market, May 2, 2024. REUTERS/Lena Vossberg/File Photo\n"
        "Smoke rises over the ridge (AP Photo/Karim Haddou). Image: EPA-EFE/STRINGER\n"
        "Reuters reported the raid; the map/chart shows the front line."
    )
    found = [text[start:end] for start, end in photo_credits(text)]
    assert found == ["REUTERS/Lena Vossberg/File Photo", "(AP Photo/Karim Haddou)", "Image: EPA-EFE/STRINGER"]


def test_a_standards_notice_glued_to_the_last_paragraph_is_cut() -> None:
    article = read_layout("A first paragraph.\n\nThe war goes on. Editing by Jane Roe Our Standards:The Principles.")
    assert article.text.endswith("The war goes on. Editing by Jane Roe")


def test_footer_is_cut_only_when_what_follows_is_a_list() -> None:
    lines = ["First paragraph of the story.", "Second paragraph.", "Tags:", "Syria", "Latest", "© 2024 Some Outlet"]
    assert footer_start(lines) == 2
    long_paragraph = "This paragraph is long enough to be prose rather than a footer item. " * 3
    assert footer_start(["Story.", "Latest", long_paragraph]) == 3
    assert footer_start(["Story.", "Copyright 2024 News Agency. All rights reserved."]) == 1
    assert footer_start(["Story.", "Follow the author on Twitter: @someone"]) == 1
    # reporting credits are part of the story (the extraction benchmarks count them as body)
    assert footer_start(["Story.", "Reporting by Jane Doe; Editing by John Roe", "Our Standards: The Principles."]) == 2


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=30))
def test_layout_never_raises_and_never_invents_words(lines: list[str]) -> None:
    text = "\n".join(lines)
    article = read_layout(text)
    source = set(unicodedata.normalize("NFC", text).split())
    assert set(article.text.split()) <= source
    assert article.title is None or set(article.title.split()) <= source


def test_a_dateline_or_byline_closes_a_standfirst_even_without_a_headline_above() -> None:
    text = "Teaser that stops short\nBaku, Azerbaijan, Nov. 24\nBy Jane Doe-Example News:\nThe body starts here."
    article = read_layout(text, title="Known title", published="2014-11-24T11:48:00+04:00")
    assert article.summary == "Teaser that stops short"
    assert article.dateline == Dateline(place="Baku, Azerbaijan", date="2014-11-24")
    assert (article.authors, article.publisher) == (["Jane Doe"], "Example News")
    assert article.text == "The body starts here."


def test_a_one_line_text_with_a_sentence_is_never_all_furniture() -> None:
    # A lone line ending in a counter has a headline's shape (no full stop at its end); it was taken for the
    # title and the document failed as no_text.
    for line in (
        "Shelling damaged the grain store in Tavrin on Friday, the district head said. (0)",
        "Three ferries were turned back at the border post. (12)",
        "BRESK (Example Wire) - Gunmen stopped a bus near the quarry. [1]",
        "Did the convoy ever reach the camp?",
    ):
        article = read_layout(line)
        assert (article.title, article.text) == (None, line), line
    assert read_layout("BRESK (Example Wire) - Gunmen stopped a bus near the quarry. [1]").dateline is not None
    assert read_layout("  Three ferries were  turned back. (2)\n\n").text == "Three ferries were turned back. (2)"
    assert read_layout("Ferries turned back. (2)", title="Border post").title == "Border post"
    # a line without a sentence can still be all furniture, and a headline above a body is still a headline
    for furniture in ("Comments (0)", "Share on Facebook", "Latest", "* * *", "By Jane Roe, Example Wire."):
        assert read_layout(furniture).text == "", furniture
    article = read_layout("Ferries turned back at the border post\n\nThe ferries were sent back on Friday. (0)")
    assert (article.title, article.text) == (
        "Ferries turned back at the border post",
        "The ferries were sent back on Friday. (0)",
    )
