"""Article text cut into runs at span boundaries: nesting, overlap, clipping, nothing lost."""

from __future__ import annotations

from claimgraph.web.highlight import Span, runs

TEXT = "The Ashen Vale Front said it had left Varn Ridge."


def test_runs_cover_the_text_once_in_order() -> None:
    spans = [Span(4, 20, "mention", "e1"), Span(0, 26, "evidence", "ev"), Span(38, 48, "mention", "e2")]
    cut = runs(TEXT, spans)
    assert "".join(r.text for r in cut) == TEXT
    assert [r.start for r in cut] == sorted(r.start for r in cut)
    name = next(r for r in cut if r.text == "Ashen Vale Front")
    assert name.kinds() == ["evidence", "mention"] and name.first("mention") == spans[0]
    assert next(r for r in cut if r.text == "Varn Ridge").kinds() == ["mention"]


def test_a_span_opens_only_in_its_first_run() -> None:
    evidence = Span(4, 30, "evidence", "ev")
    cut = runs(TEXT, [evidence, Span(10, 14, "mention", "e1")])
    opening = [r for r in cut if r.first("evidence") and r.opens(evidence)]
    assert [r.text for r in opening] == ["Ashen "]


def test_spans_past_the_text_are_clipped_and_empty_ones_dropped() -> None:
    cut = runs(TEXT, [Span(40, 10_000, "mention", "e"), Span(5, 5, "cue", "a1"), Span(-3, 3, "source", "a1")])
    assert "".join(r.text for r in cut) == TEXT
    assert cut[0].text == "The" and cut[0].kinds() == ["source"]
    assert cut[-1].kinds() == ["mention"] and cut[-1].text == TEXT[40:]
    assert all("cue" not in r.kinds() for r in cut)
