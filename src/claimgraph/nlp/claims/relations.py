"""Every relation a document states, read by each claim mechanism in turn.

A mechanism is a function of the shared ``FrameReader`` (argument lookups
and claim building) and one token with its lemma; it returns the relations
that token triggers.  Keeping them in one table lets each be measured alone
(the ``rule`` every ``RawClaim`` carries names the mechanism that read it)
and keeps the modules free of import circles: ``frames`` knows none of the
others, and each of the others needs only ``frames``.  The learned
classifier (``learned``) comes last, for the pairs the rules left alone;
before it, ``roles.carried`` reads the leaders' titles that take up the
sentence before, which needs every office the mechanisms gave.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from claimgraph.nlp.claims import evidence, nounphrases, roles, shapes
from claimgraph.nlp.claims.frames import FrameReader, RawClaim, Speaker
from claimgraph.nlp.claims.learned import RelationModel, learned_claims
from claimgraph.nlp.entities.coref import EntityIndex

Mechanism = Callable[[FrameReader, Token, str], list[RawClaim]]


def _frames(reader: FrameReader, tok: Token, lemma: str) -> list[RawClaim]:
    return reader.read(tok, lemma)


MECHANISMS: tuple[tuple[str, Mechanism], ...] = (
    ("roles", roles.read),
    ("described roles", roles.described),
    ("frames", _frames),
    ("shapes", shapes.read),
    ("nounphrases", nounphrases.read),
    ("stances", nounphrases.stance),
    ("evidence", evidence.read),
    ("departure", evidence.departure),
    ("losing", evidence.losing),
    ("taking", evidence.taking),
    ("joining", evidence.joining),
)


def read_relations(
    doc: Doc, index: EntityIndex, speaker: Speaker, model: RelationModel | None = None
) -> list[RawClaim]:
    """Every mechanism's relations over ``doc``, each tagged with its mechanism, then the ``model``'s for the rest."""
    reader = FrameReader(index, speaker)
    out: list[RawClaim] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        for name, mechanism in MECHANISMS:
            for raw in mechanism(reader, tok, lemma):
                raw.rule = raw.rule or name
                out.append(raw)
    # A role read beside a person's name is the reading of that role word: the frames' reading of it goes.
    roled = {(r.trigger.i, r.subject) for r in out if r.rule == "roles"}
    out = [r for r in out if r.rule == "roles" or (r.trigger.i, r.subject) not in roled]
    out += roles.carried(reader, out)
    if model is not None:
        out += learned_claims(reader, doc, model, out)
    # Where the document says an actor is based in a place, that it operates there says nothing more.
    based = {(r.subject, r.object, r.denied) for r in out if r.predicate == "based_in"}
    return [r for r in out if r.predicate != "operates_in" or (r.subject, r.object, r.denied) not in based]
