"""Issue 16, row 9: lookups every attribution, event or claim makes are bisections, not scans (a long
document has tens of thousands of each), and answer exactly what a scan answers."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from claimgraph.model import Attribution, Span
from claimgraph.nlp.attribution.hybrid import refine_cues
from claimgraph.nlp.attribution.tagger import LearnedCue
from claimgraph.nlp.claims.assembly import Attributions

DOC = Doc(spacy.blank("en").vocab, words=[f"w{i}" for i in range(60)])


def widened_by_scanning(cue: TokenSpan, learned: list[LearnedCue]) -> TokenSpan:
    """The plain way: the first learned span, in reading order, that overlaps the cue."""
    for lc in learned:
        if lc.span.start < cue.end and cue.start < lc.span.end:
            return cue.doc[min(lc.span.start, cue.start) : max(lc.span.end, cue.end)]
    return cue


@st.composite
def tagged(draw: st.DrawFn) -> tuple[list[TokenSpan], list[LearnedCue]]:
    """Learned spans as a BIO tagger marks them (in order, never overlapping) and rule cues anywhere."""
    learned, at = [], 0
    for gap, length in draw(st.lists(st.tuples(st.integers(0, 4), st.integers(1, 4)), max_size=12)):
        start = at + gap
        if start + length > len(DOC):
            break
        learned.append(LearnedCue(DOC[start : start + length], 9.0))
        at = start + length
    cues = [DOC[s : s + n] for s, n in draw(st.lists(st.tuples(st.integers(0, 58), st.integers(1, 2)), max_size=20))]
    return cues, learned


@settings(max_examples=200, deadline=None)
@given(tagged())
def test_bisection_widens_every_cue_as_scanning_does(case: tuple[list[TokenSpan], list[LearnedCue]]) -> None:
    cues, learned = case
    refined = refine_cues(cues, learned)
    assert [(c.start, c.end) for c in refined] == [
        (w.start, w.end) for w in (widened_by_scanning(c, learned) for c in cues)
    ]


def innermost_by_scanning(attributions: list[Attribution], char: int) -> Attribution | None:
    """The plain way: the shortest content holding ``char``, the earliest of equally short ones."""
    ranked = sorted(attributions, key=lambda a: a.content.end - a.content.start)
    return next((a for a in ranked if a.content.start <= char < a.content.end), None)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 80), st.integers(0, 30)), max_size=25))
def test_the_innermost_attribution_at_each_offset_is_the_one_a_scan_finds(contents: list[tuple[int, int]]) -> None:
    """Nested, overlapping, equal and empty contents alike."""
    attributions = [
        Attribution(f"a{n}", None, Span(start, start, ""), Span(start, start + length, "x" * length), False)
        for n, (start, length) in enumerate(contents)
    ]
    held = Attributions(attributions)
    for char in range(-1, 115):
        assert held.at(char) is innermost_by_scanning(attributions, char), char
