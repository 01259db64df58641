"""Claims over the contract's predicate set, with who asserts them and through whom.

``relations`` reads the relations off the parse; this module attaches what
the rest of the article says about each one: the attribution whose content
holds it (its source, cue and id), the via-chain (``sourcing``), the
evidence sentence, and stable ids.  A claim in the article's own voice has
no source.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from typing import Literal

from spacy.tokens import Doc, Token

from claimgraph.model import Attribution, Claim, Document, Entity, Span
from claimgraph.nlp import lexicon
from claimgraph.nlp.attribution.sourcing import Sourcing
from claimgraph.nlp.claims.frames import RawClaim
from claimgraph.nlp.claims.learned import RelationModel, shipped_model
from claimgraph.nlp.claims.rebuttals import rebuttals
from claimgraph.nlp.claims.relations import read_relations
from claimgraph.nlp.entities.coref import EntityIndex, entity_index
from claimgraph.predicates import SYMMETRIC_PREDICATES

_RELAYS = frozenset({"according to"})
_NOUN_MODIFIERS = frozenset({"acl", "relcl", "appos"})


class Attributions:
    """The innermost attribution whose content holds a character offset (the shorter content, then the earlier).

    Every event and claim asks, and a long document has tens of thousands of
    attributions, so the answer is computed once for each stretch between
    two content boundaries (it cannot change inside one) in a sweep that
    keeps the open contents in a heap, innermost first; a lookup is then a
    bisection.
    """

    def __init__(self, attributions: list[Attribution]) -> None:
        ranked = sorted(attributions, key=lambda a: a.content.end - a.content.start)
        opening: dict[int, list[int]] = {}
        for rank, a in enumerate(ranked):
            opening.setdefault(a.content.start, []).append(rank)
        self._bounds = sorted({p for a in ranked for p in (a.content.start, a.content.end)})
        self._answers: list[Attribution | None] = []
        open_ranks: list[int] = []
        for bound in self._bounds:
            for rank in opening.get(bound, ()):
                heapq.heappush(open_ranks, rank)
            while open_ranks and ranked[open_ranks[0]].content.end <= bound:
                heapq.heappop(open_ranks)  # closed (a closed one lower in the heap goes when it comes up)
            self._answers.append(ranked[open_ranks[0]] if open_ranks else None)

    def at(self, char: int) -> Attribution | None:
        k = bisect_right(self._bounds, char) - 1
        return self._answers[k] if k >= 0 else None

    def speaker(self, tok: Token) -> str | None:
        found = self.at(tok.idx)
        return found.source.entity if found is not None and found.source is not None else None


def find_claims(
    doc: Doc,
    document: Document,
    entities: list[Entity],
    attributions: list[Attribution],
    *,
    model: RelationModel | Literal["shipped"] | None = "shipped",
) -> list[Claim]:
    """Every claim in ``doc`` with its polarity, hedge, source and via-chain.

    ``model`` is the learned relation classifier run after the rules: the
    one the package ships by default, another (cross-validation trains its
    own), or ``None`` for the rules alone.
    """
    index = entity_index(doc, entities)
    held = Attributions(attributions)
    sourcing = Sourcing(doc, index)
    learned = shipped_model() if model == "shipped" else model
    raws = read_relations(doc, index, held.speaker, learned)
    raws = sorted([*raws, *rebuttals(raws, index)], key=lambda r: r.trigger.i)
    claims: list[Claim] = []
    seen: set[tuple[object, ...]] = set()
    for raw in raws:
        attribution = None if raw.background else held.at(raw.trigger.idx)
        source, via = source_and_via(raw.trigger, attribution, index, sourcing)
        held_by = viewer(raw.trigger, index, held) if not (raw.background or raw.holder) else None
        if raw.holder is not None:
            source = raw.holder  # "X thinks otherwise" is X's claim, whoever reports it
        elif source is None and held_by is not None:
            source = held_by if held_by != raw.subject else None
        # "Turkey considers the YPG a wing of the PKK": a view held is a claim hedged, whoever reports it
        hedged = raw.hedged or held_by is not None
        source = index.government(source) if source is not None else None  # "Ankara says": Turkey asserts
        # One claim per relation, speaker and polarity in a document: a repeat adds no statement.
        pair = (raw.subject, raw.object)
        if raw.predicate in SYMMETRIC_PREDICATES and raw.object is not None:
            pair = (min(pair[0], raw.object), max(pair[0], raw.object))  # "A fights B" repeats "B fights A"
        key = (*pair, raw.predicate, _literal_key(raw), raw.denied, source, raw.past)
        if key in seen:
            continue
        seen.add(key)
        claims.append(
            Claim(
                id="",
                subject=raw.subject,
                predicate=raw.predicate,
                object=raw.object,
                object_literal=raw.literal,
                polarity="denied" if raw.denied else "affirmed",
                hedged=hedged,
                source=source,
                via=via,
                cue=attribution.cue.text if attribution is not None else None,
                attribution=attribution.id if attribution is not None else None,
                evidence=evidence(raw.trigger),
                tense="past" if raw.past else "present",
            )
        )
    kept = _without_past_twins(claims)
    for n, claim in enumerate(kept, 1):
        claim.id = f"c{n}"
    return kept


def _without_past_twins(claims: list[Claim]) -> list[Claim]:
    """A relation the article states as holding now is not restated by a 'used to' or 'former' mention of it.

    "X used to control parts of Y" beside "X's fighters in Y" says that X
    operates in Y, whoever speaks: kept as well, the past one would read as
    a second claim (and a change of state where there is none).
    """

    def key(c: Claim) -> tuple[object, ...]:
        pair = (c.subject, c.object)
        if c.predicate in SYMMETRIC_PREDICATES and c.object is not None:
            pair = (min(c.subject, c.object), max(c.subject, c.object))
        return (*pair, c.predicate, c.object_literal, c.polarity)

    present = {key(c) for c in claims if c.tense != "past"}
    return [c for c in claims if c.tense != "past" or key(c) not in present]


def source_and_via(
    trigger: Token, attribution: Attribution | None, index: EntityIndex, sourcing: Sourcing
) -> tuple[str | None, list[str]]:
    """Who asserts a claim (or reports an event), and the outlets and reporters it came through.

    An outlet cited with "according to" relays rather than asserts: it goes
    in ``via`` and the claim stays in the article's voice.
    """
    via = sourcing.via(trigger)
    if attribution is None or attribution.source is None:
        return None, via
    speaker = attribution.source.entity
    if attribution.cue.text.lower() in _RELAYS and index.type_of(speaker) == "MEDIA" and speaker is not None:
        return None, [speaker, *(v for v in via if v != speaker)]
    return speaker, [v for v in via if v != speaker]


def viewer(trigger: Token, index: EntityIndex, held: Attributions) -> str | None:
    """'Turkey considers the YPG a wing of the PKK', 'For Turkey, the YPG is …': who holds the view asserts it."""
    verbs = lexicon.relations().viewing_verbs
    tok, modifier = trigger, False
    for step in range(7):
        if step:
            if tok.head.i == tok.i:
                return None
            modifier = modifier or tok.dep_ in _NOUN_MODIFIERS
            tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in verbs:
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            return index.resolve(subject, prefer=held.speaker(subject)) if subject is not None else None
        # "For X, the groups are part of Y, proscribed as …": the frame holds its clause, not what a modifier adds
        framed = viewpoint(tok, index) if tok.pos_ in ("VERB", "AUX") and not modifier else None
        if framed is not None:
            return framed
    return None


def viewpoint(verb: Token, index: EntityIndex) -> str | None:
    """The actor a fronted phrase puts the clause of ``verb`` in the view of: "For X, …", "To X, …", "In X's view, …".

    Only a phrase before the clause's subject and closed by a comma frames the
    clause ("for years" or "fought for Tarsh" name no actor or are no frame);
    its actor is a person, a body or a country, never a town.
    """
    words = lexicon.polarity()
    subject = next((c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    doc = verb.doc
    for prep in verb.children:
        after = prep.right_edge.i + 1
        if prep.dep_ != "prep" or subject is None or after > subject or doc[after].text != ",":
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ in words.viewpoint_preps:
                holder = index.resolve(obj)
            elif prep.lower_ == "in" and obj.lemma_.lower() in words.viewpoint_nouns:
                holders = [c for c in obj.children if c.dep_ == "poss"]
                holders += [o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
                holder = index.resolve(holders[0]) if len(holders) == 1 else None
            else:
                continue
            kind = index.type_of(holder)
            if kind is not None and (kind != "PLACE" or index.is_country(holder or "")):
                return holder
    return None


def _literal_key(raw: RawClaim) -> str | None:
    """Designations compare by their head noun ("terrorist group" and "terror group" are one designation)."""
    if not raw.literal:
        return None
    words = raw.literal.lower().split()
    return words[-1] if raw.predicate == "designated_as" else " ".join(words)


def evidence(trigger: Token) -> Span:
    """The sentence holding the trigger, without its surrounding white space."""
    sent = trigger.sent
    text = sent.text
    stripped = text.strip()
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return Span(start, start + len(stripped), stripped)
