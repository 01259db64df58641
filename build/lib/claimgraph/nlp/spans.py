"""Merging rule-found spans into ``doc.ents``: the one policy every component shares.

A rule that recognises a name knows more than the statistical model about
that stretch of text, so its span replaces any model entity it overlaps;
among the rule's own spans the longest wins (``filter_spans``).  A span
already tied to a gazetteer entry (it has a ``kb_id``) is the strongest
evidence there is: later rules may only extend it to a longer name
("Jabhat Ansar al-Din" around "Ansar al-Din"), never cut into it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans


def set_entities(doc: Doc, spans: Iterable[Span]) -> Doc:
    """Put ``spans`` into ``doc.ents``, dropping existing entities they overlap."""
    spans = list(spans)
    if not spans:
        return doc
    ents = doc.ents
    protected = [ent for ent in ents if ent.kb_id]
    new = filter_spans(s for s in spans if not any(_cuts(s, p) for p in protected))
    if not new:
        return doc
    taken = bytearray(len(doc))
    for span in new:
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    kept = [ent for ent in ents if not any(taken[ent.start : ent.end])]
    doc.ents = sorted([*kept, *new], key=lambda s: s.start)
    return doc


def _cuts(span: Span, protected: Span) -> bool:
    """Does ``span`` overlap ``protected`` without strictly containing it?"""
    overlaps = span.start < protected.end and protected.start < span.end
    contains = span.start <= protected.start and protected.end <= span.end and len(span) > len(protected)
    return overlaps and not contains
