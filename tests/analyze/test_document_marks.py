"""``claimgraph doc`` marks mentions, attributions and claims in the text, nested as their spans nest."""

from __future__ import annotations

from claimgraph.analyze.documents import DocumentView
from claimgraph.model import Attribution, Extraction, SourceSpan, Span
from records import claim, document, entity

TEXT = "Marek Tolvani said the Ridge Falcons are part of the Dawn Coalition. Talks went on."


def _span(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span(start, start + len(phrase), phrase)


def test_mentions_attributions_and_claims_are_marked_where_they_are() -> None:
    content = _span("the Ridge Falcons are part of the Dawn Coalition")
    said = Attribution("a1", SourceSpan(0, 13, "Marek Tolvani", "e3"), _span("said"), content, False)
    part = claim("c1", "e1", "part_of", "e2", source="e3")
    part.evidence = _span("Marek Tolvani said the Ridge Falcons are part of the Dawn Coalition.")
    ents = [
        entity("e1", "Ridge Falcons", "ARMED_GROUP", TEXT),
        entity("e2", "Dawn Coalition", "ARMED_GROUP", TEXT),
        entity("e3", "Marek Tolvani", "PERSON", TEXT),
    ]
    view = DocumentView(Extraction(document(TEXT), ents, [said], [part]), {})
    assert view.marked_text() == (
        "⟪c1 [Marek Tolvani] said ⟨a1 the [Ridge Falcons] are part of the [Dawn Coalition]⟩.⟫ Talks went on."
    )


def test_a_span_out_of_range_is_left_unmarked() -> None:
    wrong = claim("c1", "e1", "part_of", "e2")
    wrong.evidence = Span(70, 500, "past the end")
    view = DocumentView(Extraction(document(TEXT), [], [], [wrong]), {})
    assert view.marked_text() == TEXT
