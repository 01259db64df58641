"""Relations told inside a noun phrase by a hyphenated participle: "the Paris-based X", "X-held villages".

The participle's modifier (before the hyphen) and the noun it modifies are
the two sides; which is the subject depends on the participle
(``modifier_participles`` in lexicons/relations.json): "based" says the
modified noun is based in the modifier, "held" says the modifier operates in
the modified place.  The relation is presupposed, so it holds in the
article's voice whatever verb governs the phrase.

A stance prefix says the same of the two sides ("the anti-Isis Front": the
Front is Isis's rival; "pro-Assad militias"), and an "X-led" leader of the
phrase takes the stance too ("the US-led anti-Isis coalition").

Reduced and relative clauses ("a town held by X", "Y, which is controlled by
X") are read by the verb frames themselves (``frames``), and "US-backed X" by
``shapes.backing``.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.nlp.claims.frames import FrameReader, RawClaim


def _hyphenated(reader: FrameReader, tok: Token) -> bool:
    """Is ``tok`` one of the participles after a hyphen that tell a relation ("-based", "-held")?"""
    return (
        tok.lemma_.lower() in reader.rel.modifier_participles
        and tok.tag_ == "VBN"
        and tok.dep_ in ("amod", "compound", "nmod")
        and any(c.dep_ == "punct" and c.text in ("-", "–") for c in tok.children)
    )


def _modified_stretch(reader: FrameReader, tok: Token) -> set[str]:
    """The names a hyphenated participle can modify: those after it, up to the next such participle.

    "The Paris-based X and the Tarsh-based Y": the parse gives both
    participles the whole coordination, so each would say both are based in
    both places; a modifier modifies what follows it, and only until another
    modifier of its kind takes over.
    """
    sent = tok.sent
    end = next((t.i for t in tok.doc[tok.i + 1 : sent.end] if _hyphenated(reader, t)), sent.end)
    return {e for t in tok.doc[tok.i + 1 : end] if (e := reader.index.named(t))}


def read(reader: FrameReader, tok: Token, lemma: str) -> list[RawClaim]:
    """'the Paris-based X' (X based_in Paris), 'X-held Tarsh' (X operates_in Tarsh)."""
    participle = reader.rel.modifier_participles.get(lemma)
    if participle is None or not _hyphenated(reader, tok):
        return []
    index = reader.index
    modifiers = [c for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod") and c.i < tok.i]
    sides = [index.named(m) or index.country(m.text) for m in modifiers]
    modifier = next((s for s in sides if s), None)
    stretch = _modified_stretch(reader, tok)
    modified = [e for e, _ in reader.objects(tok.head) if e in stretch]
    if modifier is None or not modified:
        return []
    predicate, subject_is_modifier = participle
    if subject_is_modifier:
        return reader.make([modifier], predicate, [(m, None) for m in modified], tok, presupposed=True)
    return reader.make(modified, predicate, [(modifier, None)], tok, presupposed=True)


def stance(reader: FrameReader, tok: Token, lemma: str) -> list[RawClaim]:
    """'the anti-Isis Front' (the Front rival_of Isis), 'the US-led anti-Isis coalition' (the US rival_of Isis)."""
    predicate = reader.rel.stance_prefixes.get(tok.lower_)
    doc, index = tok.doc, reader.index
    if predicate is None or tok.i + 2 >= len(doc) or doc[tok.i + 1].text not in ("-", "–"):
        return []
    target = index.named(doc[tok.i + 2])
    head = tok.head
    if target is None or head.i == tok.i or index.named(head) == target:
        return []
    apposed = reader.apposed(head)  # "Jaysh, an anti-Isis militia"
    holders = [e for e in (index.named(head) or index.acting_for(head) or (apposed and index.named(apposed)),) if e]
    for child in head.children:  # "the US-led anti-Isis coalition": who leads the phrase holds its stance
        if child.lemma_.lower() == "lead" and child.tag_ == "VBN":
            holders += [
                e for m in child.children if m.i < child.i for e in (index.named(m) or index.country(m.text),) if e
            ]
    return reader.make(list(dict.fromkeys(holders)), predicate, [(target, None)], tok, presupposed=True)
