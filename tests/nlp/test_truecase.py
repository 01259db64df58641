"""Lines in capitals are read in ordinary case and mapped back to the original text."""

from __future__ import annotations

import pytest
from entity_helpers import pipeline

from claimgraph.nlp.components.truecase import restore, truecase


def test_lines_in_capitals_are_recased_without_changing_length() -> None:
    text = "MILITIA FIGHTERS SEIZE TOWN NEAR THE BORDER\nKABUL 2021-08-15\nThe UN said the BBC was told."
    cased = truecase(text)
    assert len(cased) == len(text)
    assert cased.splitlines()[0] == "Militia Fighters Seize Town Near the Border"
    assert cased.splitlines()[1] == "Kabul 2021-08-15"
    assert cased.splitlines()[2] == text.splitlines()[2]  # ordinary prose is left alone


def test_short_acronyms_keep_their_capitals() -> None:
    assert truecase("UN AND EU CONDEMN PKK ATTACK") == "UN and EU Condemn PKK Attack"


@pytest.mark.slow
def test_the_parse_of_the_recased_text_is_put_on_the_original() -> None:
    text = "FIGHTING RAGES IN KANDAHAR\nResidents fled the city on Monday."
    doc = restore(pipeline()(truecase(text)), text)
    assert doc.text == text
    assert any(e.text == "KANDAHAR" and e.label_ == "PLACE" for e in doc.ents)


@pytest.mark.slow
def test_span_groups_and_their_extension_values_survive_the_mapping_back() -> None:
    text = "KABUL, Aug. 15 - Gunmen attacked a checkpoint. The army must withdraw, the council said."
    parsed = pipeline()(truecase(text))
    doc = restore(parsed, text)
    assert parsed.spans, "the components wrote span groups to carry over"
    for name, group in parsed.spans.items():
        got = [(s.start, s.end, s.label_, s.kb_id_, s._.modal) for s in doc.spans[name]]
        assert got == [(s.start, s.end, s.label_, s.kb_id_, s._.modal) for s in group], name
    assert any(s._.modal == "obligation" for s in doc.spans["event_triggers"])


@pytest.mark.slow
def test_the_restored_doc_carries_every_token_s_parse_and_its_sentences() -> None:
    text = "REBELS RETAKE HILL TOWN\nTwo villages were shelled overnight. Aid workers left on Friday."
    parsed = pipeline()(truecase(text))
    doc = restore(parsed, text)
    assert [t.text for t in doc] == [text[t.idx : t.idx + len(t)] for t in parsed]
    assert [t.whitespace_ for t in doc] == [t.whitespace_ for t in parsed]
    for attr in ("tag_", "pos_", "dep_", "lemma_"):
        assert [getattr(t, attr) for t in doc] == [getattr(t, attr) for t in parsed], attr
    assert [str(t.morph) for t in doc] == [str(t.morph) for t in parsed]
    assert [t.head.i for t in doc] == [t.head.i for t in parsed]
    assert [(s.start, s.end) for s in doc.sents] == [(s.start, s.end) for s in parsed.sents]
    assert any(str(t.morph) for t in doc)  # the parse has morphology to carry
