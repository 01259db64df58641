"""Issue 16, rows 7 and 9: long documents are parsed in pieces, offsets intact; a slow document fails alone."""

from __future__ import annotations

import pytest
from entity_helpers import pipeline
from hypothesis import given, settings
from hypothesis import strategies as st
from slow_pipelines import SLOW
from spacy.language import Language

from claimgraph.model import Document, Extraction, ExtractionError
from claimgraph.nlp.components.chunks import RUN, needs_pieces, pieces
from claimgraph.nlp.components.pipeline import Analyzer, load_language

PARAGRAPHS = [
    "Fighters of the Amber Lantern Front attacked positions near Valdris on Monday, said Ilse Marrow, a researcher.",
    "The Gray Heron Brigade denied that it works with the Amber Lantern Front, its commander Tomas Ekwall said.",
    "Residents of Korvana said the Copper Valley Movement had left the town before the army arrived.",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline()  # the session's one loaded model; the slow test below loads its own


def _doc(n: int, text: str) -> Document:
    return Document(id=f"sha256:{n}", source_path=f"d{n}.txt", text=text, language="en")


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(st.sampled_from(["word ", "end. ", "\n", "\n\n", "x" * 700, '"' * 1500, " "]), max_size=300),
    limit=st.sampled_from([1000, 3000, 10_000]),
)
def test_pieces_give_the_text_back_and_stay_bounded(parts: list[str], limit: int) -> None:
    text = "".join(parts)
    cut = pieces(text, limit)
    assert "".join(cut) == text
    assert all(len(p) <= limit for p in cut) and all(max(map(len, p.split()), default=0) <= RUN for p in cut)


def test_a_document_parsed_in_pieces_keeps_its_names_and_offsets(nlp: Language) -> None:
    text = "\n\n".join(PARAGRAPHS * 12)
    assert needs_pieces(text, 1000)
    (whole,) = Analyzer(nlp, chunk_chars=len(text) + 1).analyse_stream([_doc(1, text)])
    (cut,) = Analyzer(nlp, chunk_chars=1000).analyse_stream([_doc(1, text)])
    assert isinstance(whole, Extraction) and isinstance(cut, Extraction)
    assert {e.name for e in cut.entities} == {e.name for e in whole.entities}
    for entity in cut.entities:
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text
    assert len(cut.claims) >= len(whole.claims) - 1


def test_a_long_run_of_quote_marks_is_analysed(nlp: Language) -> None:
    text = PARAGRAPHS[0] + "\n\n" + '"' * 50_000 + "\n\n" + PARAGRAPHS[1]
    (result,) = Analyzer(nlp).analyse_stream([_doc(1, text)])
    assert isinstance(result, Extraction) and result.document.text == text
    assert "Amber Lantern Front" in {e.name for e in result.entities}


def test_a_document_over_its_time_budget_fails_alone() -> None:
    slow_nlp = load_language()
    slow_nlp.add_pipe("test_slow_v1", first=True)
    analyzer = Analyzer(slow_nlp, batch_size=8, seconds=2)
    items = [_doc(1, PARAGRAPHS[0]), _doc(2, f"{PARAGRAPHS[1]} {SLOW}"), _doc(3, PARAGRAPHS[2])]
    results = list(analyzer.analyse_stream(items))
    assert [type(r) for r in results] == [Extraction, ExtractionError, Extraction]
    failed = results[1]
    assert isinstance(failed, ExtractionError) and failed.code == "analysis_failed"
    assert "CLAIMGRAPH_DOC_SECONDS" in failed.message
