"""Article text cut into runs, each knowing which highlighted spans cover it.

The document page marks mentions (linked to their actor), attribution parts,
event triggers and the evidence of a claim, and these spans nest and overlap.  Rather than
splice markup into the text (and risk breaking escaping), the text is cut at
every span boundary into ``Run`` records; the template writes each run's
text escaped, wrapped in the elements its spans ask for.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted stretch of text: ``kind`` picks the markup, ``ref`` what it links to or names."""

    start: int
    end: int
    kind: str  # "mention", "evidence", "source", "cue", "content", "trigger"
    ref: str = ""


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive characters covered by the same spans."""

    text: str
    start: int
    spans: tuple[Span, ...]

    def first(self, kind: str) -> Span | None:
        """The span of that kind covering this run, if any (the outermost when several)."""
        return next((s for s in self.spans if s.kind == kind), None)

    def kinds(self) -> list[str]:
        return sorted({s.kind for s in self.spans})

    def opens(self, span: Span) -> bool:
        """Whether this run is where ``span`` begins (its anchor goes here)."""
        return span.start == self.start


def runs(text: str, spans: list[Span]) -> list[Run]:
    """``text`` cut at every boundary of the (clipped, non-empty) spans, in order."""
    kept = sorted(
        (Span(max(0, s.start), min(len(text), s.end), s.kind, s.ref) for s in spans),
        key=lambda s: (s.start, -s.end, s.kind),
    )
    kept = [s for s in kept if s.start < s.end]
    cuts = sorted({0, len(text)} | {s.start for s in kept} | {s.end for s in kept})
    out = []
    for a, b in itertools.pairwise(cuts):
        covering = tuple(s for s in kept if s.start <= a and s.end >= b)
        out.append(Run(text[a:b], a, covering))
    return out
