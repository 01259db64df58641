"""Relations told inside a noun phrase by a hyphenated participle: "the Paris-based X", "X-held villages".

The participle's modifier (before the hyphen) and the noun it modifies are
the two sides; which is the subject depends on the participle
(``modifier_participles`` in lexicons/relations.json): "based" says the
modified noun is based in the modifier, "held" says the modifier operates in
the modified place.  The relation is presupposed, so it holds in the
article's voice whatever verb governs the phrase.

Reduced and relative clauses ("a town held by X", "Y, which is controlled by
X") are read by the verb frames themselves (``frames``), and "US-backed X" by
``shapes.backing``.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.nlp.frames import FrameReader, RawClaim


def read(reader: FrameReader, tok: Token, lemma: str) -> list[RawClaim]:
    """'the Paris-based X' (X based_in Paris), 'X-held Tarsh' (X operates_in Tarsh)."""
    participle = reader.rel.modifier_participles.get(lemma)
    if participle is None or tok.tag_ != "VBN" or tok.dep_ not in ("amod", "compound", "nmod"):
        return []
    if not any(c.dep_ == "punct" and c.text in ("-", "–") for c in tok.children):
        return []
    index = reader.index
    modifiers = [c for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod") and c.i < tok.i]
    sides = [index.named(m) or index.country(m.text) for m in modifiers]
    modifier = next((s for s in sides if s), None)
    modified = [e for e, _ in reader.objects(tok.head) if e]
    if modifier is None or not modified:
        return []
    predicate, subject_is_modifier = participle
    if subject_is_modifier:
        return reader.make([modifier], predicate, [(m, None) for m in modified], tok, presupposed=True)
    return reader.make(modified, predicate, [(modifier, None)], tok, presupposed=True)
