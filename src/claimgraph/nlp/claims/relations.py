"""Every relation a document states, read by each claim mechanism in turn.

A mechanism is a function of the shared ``FrameReader`` (argument lookups
and claim building) and one token with its lemma; it returns the relations
that token triggers.  A mechanism that reads only tokens whose lemma is in
some lexicon list declares those lemmas beside it in the table (``Gate``):
it is called for those tokens only, instead of for each of a document's
tokens (most mechanisms' calls returned nothing, and the calls were most of
their cost).  Keeping them in one table lets each be measured alone
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
from claimgraph.nlp.lexicon import Relations

Mechanism = Callable[[FrameReader, Token, str], list[RawClaim]]
# The lemmas (in lower case) outside which a mechanism reads nothing, from the lexicon it reads them from;
# None: it may read any token.
Gate = Callable[[Relations], frozenset[str]] | None


def _frames(reader: FrameReader, tok: Token, lemma: str) -> list[RawClaim]:
    return reader.read(tok, lemma)


MECHANISMS: tuple[tuple[str, Mechanism, Gate], ...] = (
    ("roles", roles.read, None),
    ("described roles", roles.described, None),
    ("frames", _frames, None),
    ("shapes", shapes.read, None),
    ("nounphrases", nounphrases.read, lambda rel: frozenset(rel.modifier_participles)),
    ("stances", nounphrases.stance, None),
    ("evidence", evidence.read, lambda rel: rel.events.verbs),
    (
        "departure",
        evidence.departure,
        lambda rel: rel.events.expel_verbs | rel.events.leave_words | rel.events.leave_objects,
    ),
    ("losing", evidence.losing, lambda rel: rel.events.lose_verbs | rel.events.fall_verbs),
    ("taking", evidence.taking, lambda rel: rel.events.take_verbs),
    ("joining", evidence.joining, lambda rel: rel.events.join_verbs),
)


def _gated(rel: Relations) -> list[tuple[str, Mechanism, frozenset[str] | None]]:
    """The mechanisms in their order, each with the lemmas it reads (None: every token's) from ``rel``."""
    return [(name, mechanism, None if gate is None else gate(rel)) for name, mechanism, gate in MECHANISMS]


def read_relations(
    doc: Doc, index: EntityIndex, speaker: Speaker, model: RelationModel | None = None
) -> list[RawClaim]:
    """Every mechanism's relations over ``doc``, each tagged with its mechanism, then the ``model``'s for the rest."""
    reader = FrameReader(index, speaker)
    mechanisms = _gated(reader.rel)
    out: list[RawClaim] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        for name, mechanism, lemmas in mechanisms:
            if lemmas is not None and lemma not in lemmas:
                continue
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
