"""Token attributes read as columns equal what each ``Token`` says (nlp/columns.py)."""

from __future__ import annotations

from entity_helpers import pipeline
from spacy.attrs import IS_TITLE, LEMMA, LOWER, ORTH, POS

from claimgraph.nlp import columns

TEXT = 'In an Interview with reporters, the Harbour Council said: "We were NOT told." Talks continued in Osterby.'


def test_columns_match_the_tokens() -> None:
    doc = pipeline()(TEXT)
    assert columns.strings(doc, ORTH) == [t.text for t in doc]
    assert columns.strings(doc, LOWER) == [t.lower_ for t in doc]
    assert columns.strings(doc, LEMMA) == [t.lemma_ for t in doc]
    assert columns.strings(doc, POS) == [t.pos_ for t in doc]
    assert columns.flags(doc, IS_TITLE) == [t.is_title for t in doc]
    assert any(columns.flags(doc, IS_TITLE)) and not all(columns.flags(doc, IS_TITLE))


def test_lemma_positions_find_a_lemma_in_any_case() -> None:
    doc = pipeline()(TEXT)
    found = columns.lemma_positions(doc, {"interview", "talk"})
    assert [doc[i].lower_ for i in found] == ["interview", "talks"]
    assert columns.lemma_positions(doc, {"absent"}) == []
