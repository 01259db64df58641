"""Events: who did what to whom, where and when, with the dead, wounded and kidnapped.

Two steps.  The registered component ``claimgraph_events_v1`` marks trigger
words in ``doc.spans["event_triggers"]`` (and keeps the model's date
expressions in ``doc.spans["event_dates"]``) (lemma and part of speech looked up
in lexicons/events.json, labelled with a PLOVER category); a modifier may
refine the reading ("air strike" is aerial, "hunger strike" a protest).
``find_events`` then reads each trigger's arguments off the parse once the
document's entities and attributions are known:

* the actor is the subject (the agent of a passive, the possessor or the
  name before a noun trigger: "an IS attack", "the group's offensive", the
  subject of a light verb: "X carried out an attack"); the target is the
  object, the passive subject, or the object of "on", "against", "with";
* a party noun stands for the party it belongs to: "IS fighters",
  "militants of X", "Syrian troops" are that group or country;
* the place is a place entity after "in", "near", "outside" … in the
  trigger's phrase, or the object of a seizing verb;
* casualty figures are numbers on the casualty words of the same sentence
  ("killing 12", "at least 30 were wounded", "between 10 and 15 dead");
* the date is a date expression of the sentence, resolved against the day
  the story was written (``relative_dates``).

Triggers joined by the parse in one sentence ("a car bomb killed 12") are
one event.  A trigger with no argument, no place and no figure names no
particular event ("the risk of attack") and is dropped, as is a noun with
nothing but a target ("the fight against Isis"); so is one in a
"whether"/"if" clause, and one its clause does not report as having taken
place (``EventReader.unrealized``: "may", a description, a purpose, what
another act asks for or refuses).  A town is never an actor or a target.  Polarity, hedges, source, via-chain and attribution
are read exactly as for claims.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimgraph.model import Attribution, Casualties, Claim, Document, Entity, Event, Figure, Range
from claimgraph.model import Span as TextSpan
from claimgraph.nlp.attribution.sourcing import Sourcing
from claimgraph.nlp.claims.assembly import Attributions, evidence, source_and_via
from claimgraph.nlp.claims.evidence import implied
from claimgraph.nlp.claims.polarity import is_denied, is_hedged, is_unasserted
from claimgraph.nlp.entities.coref import EntityIndex, entity_index
from claimgraph.nlp.events.event_lexicon import CASUALTY_KINDS, EventLexicon, Reading, events
from claimgraph.nlp.events.relative_dates import NUMBER_WORDS, EventDate, reference_day, resolve

TRIGGERS = "event_triggers"
# Why a trigger's clause changed its category: "negated" (a REJECT whose negation is spent on
# the category, so the event is not also denied) or "obligation" (a REQUEST: the one who must
# act is its target, the one who says so its actor).
Span.set_extension("modal", default=None, force=True)
DATES = "event_dates"
_COARSE = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}
_VIOLENT = frozenset({"ASSAULT", "FIGHT"})
_IMPLYING = frozenset({"ASSAULT", "FIGHT", "COERCE"})  # events that say where an actor is and whom it fights
_SUBJECTS = frozenset({"nsubj", "csubj"})
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_LOWER_BOUNDS = frozenset({"least", "minimum"})
_STRICT_LOWER = frozenset({"more", "over", "above"})
_UPPER_BOUNDS = frozenset({"most", "up", "many", "nearly", "almost", "under"})


# ------------------------------------------------------------------ the component


def _reading(tok: Token, lex: EventLexicon) -> Reading | None:
    pos = _COARSE.get(tok.pos_)
    if pos is None:
        return None
    return lex.reading(tok.lemma_.lower(), pos) or lex.reading(tok.lower_, pos)


def _refined(tok: Token, reading: Reading, lex: EventLexicon) -> Reading:
    """A modifier's reading: 'air strike' → aerial, 'hunger strike' → PROTEST hunger, 'car bomb' → explosives."""
    for child in tok.children:
        change = lex.modifiers.get(child.lemma_.lower()) if child.dep_ in ("compound", "amod", "nmod") else None
        if change is not None:
            type_ = change.get("type", reading.type)
            if type_ == reading.type or "type" in change:
                mode = change.get("mode")
                return Reading(type_, mode if mode in lex.categories[type_] else reading.mode)
    return reading


def _instrument(tok: Token, reading: Reading, lex: EventLexicon) -> Reading:
    """'Tanks shelled X', 'aircraft killed 40 in an attack': a conventional weapon as the doer makes it a FIGHT."""
    if reading.type not in _VIOLENT:
        return reading
    doers = [c for c in tok.children if c.dep_ in ("nsubj", "agent", "prep")]
    doers += [o for c in doers if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "with") for o in c.children]
    if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
        doers += [c for c in tok.head.head.children if c.dep_ == "nsubj"]  # "aircraft killed 40 in an attack"
    for doer in doers:
        mode = lex.instruments.get(doer.lemma_.lower())
        if mode is not None:
            return Reading("FIGHT", mode)
    return reading


def _by_object(tok: Token, reading: Reading, lex: EventLexicon) -> Reading:
    """'expelled two diplomats' is a SANCTION (relations), 'expelled two activists' a COERCE (deportation)."""
    rule = lex.object_retyping.get(reading)
    if rule is None:
        return reading
    nouns, after = rule
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return after if any(o.lemma_.lower() in nouns for o in objects) else reading


def _modal(tok: Token, reading: Reading, lex: EventLexicon) -> tuple[Reading, str | None]:
    """The category an event amounts to in its clause, and why it changed ("negated", "obligation").

    PLOVER codes a future or intended event as the category it amounts to:
    an intended cooperative act (''will release'', ''is ready to withdraw'')
    is AGREE, an intended hostile one (''will boycott'', ''would blockade''), or
    a cooperative one on a condition (''will withdraw unless''), THREATEN;
    what someone must or should do is REQUEST; a cooperative act negated or
    refused (''will not accept'', ''failed to reach agreement'') is REJECT.
    """
    m = lex.modality
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ == "dobj" else tok
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    negated = any(c.dep_ == "neg" for c in verb.children)
    head = verb.head if verb.dep_ == "xcomp" else None
    if head is not None and head.pos_ in ("ADJ",) and head.dep_ == "acomp":
        head_word = head.lemma_.lower()  # "is ready to", "is willing to"
        head_negated = any(c.dep_ == "neg" for c in head.head.children)
    else:
        head_word = head.lemma_.lower() if head is not None else ""
        head_negated = head is not None and any(c.dep_ == "neg" for c in head.children)
    if reading.type in m.cooperative and (negated or head_word in m.failure_heads or head_negated):
        return Reading("REJECT", None), "negated" if negated or head_negated else None
    if aux & m.obligation_aux:
        return Reading("REQUEST", None), "obligation"
    intended = bool(aux & m.future_aux) or head_word in m.intent_heads
    if not intended:
        return reading, None
    conditional = any(c.dep_ == "advcl" and any(g.lower_ in m.conditions for g in c.children) for c in verb.children)
    if reading.type in m.hostile or (conditional and reading.type in m.cooperative):
        return Reading("THREATEN", None), None
    if reading.type in m.cooperative:
        return Reading("AGREE", None), None
    return reading, None


class EventTriggers:
    """``claimgraph_events_v1``: marks event trigger words, labelled with their PLOVER category."""

    def __init__(self) -> None:
        self.lex = events()

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for tok in doc:
            reading = _reading(tok, self.lex)
            if reading is None or _modifies(tok) or not _has_what_it_needs(tok, self.lex):
                continue
            reading = _by_object(tok, _instrument(tok, _refined(tok, reading, self.lex), self.lex), self.lex)
            reading, why = _modal(tok, reading, self.lex)
            span = Span(doc, tok.i, tok.i + 1, label=reading.type, kb_id=reading.mode or "")
            span._.modal = why
            spans.append(span)
        doc.spans[TRIGGERS] = spans
        doc.spans[DATES] = [ent for ent in doc.ents if ent.label_ == "DATE"]
        return doc


def _has_what_it_needs(tok: Token, lex: EventLexicon) -> bool:
    """A verb read as an event only with a dependent its sense needs ("called for", "hit the town")."""
    needs = lex.needs.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
    if needs is None:
        return True
    return any(c.dep_ in needs or (c.dep_ == "prep" and f"prep:{c.lower_}" in needs) for c in tok.children)


def _modifies(tok: Token) -> bool:
    """'suicide' in 'suicide bombing', 'attack' in 'attack helicopter': the head names the event, or none does."""
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.i != tok.i


# ------------------------------------------------------------------ reading events


@dataclass(slots=True)
class _Draft:
    """One event being read: its triggers (the first is the head) and what was found so far."""

    triggers: list[Token]
    type: str
    mode: str | None
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    figures: dict[str, Figure] = field(default_factory=dict)


class EventReader:
    """Reads the events of one document off its parse, its entities and its attributions."""

    def __init__(self, doc: Doc, document: Document, entities: list[Entity], attributions: list[Attribution]):
        self.doc = doc
        self.lex = events()
        self.index: EntityIndex = entity_index(doc, entities)
        self.held = Attributions(attributions)
        self.sourcing = Sourcing(doc, self.index)
        self.reference = reference_day(document)
        # the model's dates in reading order, found by sentence with a bisection (a long document has thousands)
        self.dates = sorted(doc.spans.get(DATES, []), key=lambda e: e.start)
        self.date_starts = [e.start for e in self.dates]
        self.dated_from = document.dateline is not None

    # ---------------------------------------------------------- parties and places

    def party(self, tok: Token) -> str | None:
        """The actor a token stands for: a name, a description or pronoun, or the owner of a party noun.

        The dateline's place opening the text is no party, though the parser
        often makes it the subject ("MAIDUGURI, Nigeria, June 3 - Fighters ...
        clashed"); a capital named elsewhere may be ("Damascus threatened").
        """
        eid = self.index.named(tok)
        if eid is not None and self.dated_from and tok.left_edge.i == 0 and self.is_place(eid):
            return None
        if eid is not None:
            return eid
        if _noun_lemma(tok) in self.lex.party_nouns:
            for child in tok.children:
                if child.dep_ in ("compound", "amod", "poss", "nmod"):
                    owner = self.index.named(child) or self.index.country(child.text)
                    if child.dep_ == "poss" and owner is None:
                        owner = self.index.resolve(child, prefer=self.held.speaker(child))
                    if owner is not None:
                        return owner
                if child.dep_ == "prep" and child.lower_ in ("of", "from", "loyal"):
                    for obj in child.children:
                        owner = self.index.named(obj) if obj.dep_ == "pobj" else None
                        if owner is not None:
                            return owner
            return None
        if tok.pos_ == "PRON" or tok.tag_ in ("WDT", "WP") or any(c.dep_ == "det" for c in tok.children):
            return self.index.resolve(tok, prefer=self.held.speaker(tok))
        return None

    def owner(self, tok: Token) -> list[str]:
        """The named possessor of what an event is done to: "support Turkey's efforts" is done to Turkey."""
        for child in tok.children:
            if child.dep_ in ("poss", "compound"):
                eid = self.index.named(child)
                if eid is not None:
                    return [eid]
        return []

    def named_in_objects(self, trigger: Token, exclude: set[str]) -> list[str]:
        """The first actor named inside the trigger's objects ("sent aid to help X", "a plan for X's return").

        Not a source ("killed ..., according to X") nor a relative clause about
        something else ("sought the aid of a government the US seeks to
        overthrow").
        """
        for child in trigger.children:
            if child.dep_ not in ("dobj", "xcomp", "prep", "dative", "attr", "oprd"):
                continue
            if child.dep_ == "prep" and child.lower_ == "according":
                continue
            for tok in _outside_clauses(child):
                eid = self.index.named(tok)
                if eid is None or eid in exclude:
                    continue
                if not self.is_place(eid) or self.index.is_country(eid):
                    return [eid]  # a state is acted on; a town is where it happens
        return []

    def climbed_subject(self, trigger: Token) -> list[str]:
        """The subject of the clause an embedded trigger belongs to.

        "X is ready to withdraw", "X went on to attack", "X stormed the town,
        killing 12", "X allowed the return of …": up through complements,
        conjuncts and objects, as far as the first clause with a subject.
        """
        tok = trigger
        for _ in range(4):
            if tok.dep_ not in ("xcomp", "acomp", "conj", "advcl", "dobj", "attr", "oprd", "pobj", "prep"):
                return []
            controlled = tok.dep_ == "xcomp"
            tok = tok.head
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
                return []
            objects = [c for c in tok.children if c.dep_ == "dobj"] if controlled else []
            if objects:  # "leaving the adviser to hold talks", "forced X to withdraw": the object does it
                return self.parties(objects[0])
            for child in tok.children:
                if child.dep_ in _SUBJECTS:
                    return self.parties(child)
        return []

    def parties(self, tok: Token) -> list[str]:
        """The party ``tok`` stands for and those coordinated with it ("X and Y clashed")."""
        first = self.party(tok)
        if first is None:
            return []
        out = [first]
        for conj in tok.conjuncts:
            other = self.party(conj)
            if other is not None and other not in out:
                out.append(other)
        return out

    def is_place(self, eid: str | None) -> bool:
        return eid is not None and self.index.type_of(eid) == "PLACE"

    def place_in(self, tok: Token) -> str | None:
        """A place entity ``tok`` names, or the one it introduces ("the town of X", "the city's outskirts")."""
        eid = self.index.named(tok)
        if self.is_place(eid):
            return eid
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and self.is_place(self.index.named(obj)):
                        return self.index.named(obj)
            if child.dep_ in ("poss", "compound") and self.is_place(self.index.named(child)):
                return self.index.named(child)
        return None

    # ---------------------------------------------------------- arguments of one trigger

    def read_arguments(self, draft: _Draft, trigger: Token) -> None:
        actors: list[str] = []
        targets: list[str] = []
        places: list[str] = []
        verb = trigger.pos_ in ("VERB", "AUX")
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
        for child in trigger.children:
            dep = child.dep_
            if dep in _SUBJECTS and verb:
                actors += self.parties(child)
            elif dep == "dative" and verb:
                targets += self.parties(child)  # "gave Tanzania a grant"
            elif dep == "nsubjpass" or (dep == "dobj" and verb):
                place = self.place_in(child)
                if place is not None and draft.type in ("COERCE", "ASSAULT", "FIGHT"):
                    places.append(place)  # "seized the town of X", "attacked X" (a town)
                    if self.index.is_country(place):
                        targets.append(place)
                else:
                    targets += self.parties(child) or self.owner(child)
                for prep in child.children:  # "attacked the army in X": the parser may hang the place on the object
                    if prep.dep_ == "prep" and prep.lower_ in self.lex.place_preps:
                        places += [p for o in prep.children if o.dep_ == "pobj" and (p := self.place_in(o))]
            elif dep == "agent" or (dep == "prep" and child.lower_ == "by"):
                actors += [p for obj in child.children if obj.dep_ == "pobj" for p in self.parties(obj)]
            elif dep in ("poss", "compound", "amod", "nmod") and not verb:
                owner = self.index.named(child) or self.index.country(child.text)
                if owner is None and dep == "poss":
                    owner = self.index.resolve(child, prefer=self.held.speaker(child))
                if owner is not None and self.is_place(owner) and not self.index.is_country(owner):
                    places.append(owner)  # "a Kabul hotel bombing"
                elif owner is not None:
                    actors.append(owner)  # "an IS attack", "Russian air strikes", "the group's offensive"
            elif dep == "prep" and child.lower_ == "of" and not verb and draft.type in self.lex.modality.content_of:
                actors += [
                    p for obj in child.children if obj.dep_ == "pobj" for p in self.parties(obj)
                ]  # "the demands of X"
            elif dep == "prep":
                self._prep(child, draft, targets, places)
        if not verb and trigger.dep_ in ("dobj", "nsubjpass") and trigger.head.lemma_.lower() in self.lex.light_verbs:
            light = trigger.head  # "X carried out an attack", "X launched an offensive"
            actors += [p for c in light.children if c.dep_ in _SUBJECTS for p in self.parties(c)]
            for child in light.children:
                if child.dep_ == "prep":
                    self._prep(child, draft, targets, places)
        if not actors and not passive:
            actors += self.climbed_subject(trigger)
        if verb and trigger.dep_ in ("acl", "relcl") and not passive and trigger.head.i < trigger.i:
            actors += self.parties(trigger.head)  # "militants who attacked X"
        if trigger.i in self.obliged:  # "Y said X must withdraw": Y asks, X is asked
            targets = actors + targets
            actors = self.climbed_subject(trigger.head if trigger.dep_ != "ROOT" else trigger)
            speaker = self.held.speaker(trigger)
            actors = actors or ([speaker] if speaker else [])
        if not targets:
            targets = self.named_in_objects(trigger, exclude={*actors, *places})
        draft.actor = draft.actor or next(iter(actors), None)
        draft.target = draft.target or next((t for t in targets if t != draft.actor), None)
        if draft.actor and draft.type in _VIOLENT and draft.target is None and len(actors) > 1:
            draft.target = actors[1]  # "X and Y clashed"
        draft.place = draft.place or next(iter(places), None)

    def _prep(self, prep: Token, draft: _Draft, targets: list[str], places: list[str]) -> None:
        word = prep.lower_
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            place = self.place_in(obj)
            if place is not None and word in self.lex.place_preps:
                places.append(place)
                if word in ("on", "against") and self.index.is_country(place):
                    targets.append(place)  # "strikes on Syria": the state is hit
            elif word in self.lex.target_preps or (word == "from" and draft.type == "COERCE"):
                targets += self.parties(obj)  # "attack on X", "clashes with X", "retook the town from X"
            for inner in obj.children:  # "in the town of X near Y"
                if inner.dep_ == "prep" and inner.lower_ in self.lex.place_preps:
                    for deeper in inner.children:
                        found = self.place_in(deeper) if deeper.dep_ == "pobj" else None
                        if found is not None:
                            places.append(found)

    # ---------------------------------------------------------- casualties

    def figures(self, sent: Span) -> dict[str, Figure]:
        """Casualty figures stated in the sentence, by kind: the first figure given for each."""
        found: dict[str, Figure] = {}
        for tok in sent:
            lemma = tok.lemma_.lower()
            for kind in CASUALTY_KINDS:
                if kind in found or lemma not in self.lex.casualties[kind]:
                    continue
                figure = self._figure_for(tok)
                if figure is not None:
                    found[kind] = figure
        return found

    def _figure_for(self, word: Token) -> Figure | None:
        """The number a casualty word counts: its object or passive subject, its head noun, or its own numeral."""
        candidates: list[Token] = []
        if word.pos_ in ("NOUN", "PROPN"):
            candidates.append(word)  # "12 deaths", "the death toll rose to 12"
            candidates += [o for p in word.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
            if word.head.lemma_.lower() in ("rise", "climb", "reach", "stand", "jump", "be"):
                verb = word.head
                candidates += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
                candidates += [c for c in verb.children if c.dep_ in ("attr", "dobj", "npadvmod")]
        else:
            candidates += [c for c in word.children if c.dep_ in ("dobj", "nsubjpass", "nsubj", "attr")]
            if any(c.dep_ in ("dobj", "nsubjpass") for c in candidates):
                return next(
                    (f for c in candidates if (f := self._count(c)) is not None), None
                )  # "killing dozens": vague
            if word.dep_ in ("acl", "amod", "relcl", "appos") or word.pos_ == "ADJ":
                candidates.append(word.head)  # "12 people killed", "12 dead"
            candidates += [c for c in word.children if c.dep_ in ("npadvmod", "nummod")]
            if word.dep_ == "oprd" or (word.pos_ == "ADJ" and word.head.pos_ in ("VERB", "AUX")):
                candidates += [c for c in word.head.children if c.dep_ in ("dobj", "nsubj")]  # "left 12 dead"
        for cand in candidates:
            figure = self._count(cand)
            if figure is not None:
                return figure
        return None

    def _count(self, tok: Token) -> Figure | None:
        """The number a noun phrase gives ("at least 12 people", "between 10 and 15", "a soldier")."""
        number = tok if tok.like_num or tok.lower_ in NUMBER_WORDS else None
        if number is None:
            number = next((c for c in tok.children if c.dep_ == "nummod"), None)
        if number is None:
            if tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in tok.children):
                return 1  # "a soldier was killed"
            return None
        value = _number(number)
        if value is None:
            return None
        mods = [c for c in number.children if c.dep_ in ("quantmod", "advmod", "amod", "prep")]
        words = {w.lower_ for m in mods for w in m.subtree}
        if "between" in words:
            other = next((c for c in number.conjuncts), None) or next(
                (w for m in mods for w in m.subtree if w.like_num and w.i != number.i), None
            )
            second = _number(other) if other is not None else None
            if second is not None:
                return Range(min(value, second), max(value, second))
        if words & _LOWER_BOUNDS:
            return Range(value, None)
        if words & _STRICT_LOWER and "than" in words | {"over", "above"}:
            return Range(value + 1, None)
        if words & _UPPER_BOUNDS:
            return Range(None, value)
        return value

    # ---------------------------------------------------------- putting it together

    def drafts(self) -> list[_Draft]:
        """One draft per trigger, triggers joined by the parse in one sentence merged (violent ones)."""
        triggers = [(span[0], span.label_, span.kb_id_ or None) for span in self.doc.spans.get(TRIGGERS, [])]
        marked = self.doc.spans.get(TRIGGERS, [])
        self.spent = {span[0].i for span in marked if span._.modal == "negated"}
        self.obliged = {span[0].i for span in marked if span._.modal == "obligation"}
        self.types = {span[0].i: span.label_ for span in marked}
        out: list[_Draft] = []
        owner: dict[int, _Draft] = {}
        for tok, type_, mode in triggers:
            joined = next(
                (
                    owner[n.i]
                    for n in _neighbours(tok)
                    if n.i in owner and n.i != tok.i and owner[n.i].type in _VIOLENT and type_ in _VIOLENT
                ),
                None,
            )
            if joined is None:
                joined = _Draft([tok], type_, mode)
                out.append(joined)
            else:
                joined.triggers.append(tok)
                if type_ == "FIGHT":
                    joined.type = "FIGHT"
                    joined.mode = joined.mode if joined.mode in self.lex.categories["FIGHT"] else None
                if joined.mode is None and mode in self.lex.categories[joined.type]:
                    joined.mode = mode  # the instrument ("bomb") says more than the verb ("killed")
            owner[tok.i] = joined
        return out

    def unrealized(self, tok: Token) -> bool:
        """Whether the trigger's clause reports no event that took place (or is coded as intended, PLOVER 2.3).

        A possibility ("they may be security threats", "could lead to
        executions"); a noun that describes rather than reports ("Afrin is not
        a battle", "it would be the first meeting"); an act set out as a
        purpose ("a plan to attack", "the mission is to destroy X"); what
        another event asks for, refuses, agrees to or accuses of ("demanded
        Assad's resignation", "rejected the request") — that event is the one.
        """
        m = self.lex.modality
        noun = tok.pos_ in ("NOUN", "PROPN")
        verb = tok if not noun else tok.head if tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") else None
        if verb is not None and any(c.dep_ == "aux" and c.lower_ in m.hypothetical_aux for c in verb.children):
            return True
        if noun and tok.dep_ == "attr" and tok.head.lemma_ == "be":
            copula = tok.head
            said_of = [c for c in copula.children if c.dep_ in _SUBJECTS and self.index.named(c) is not None]
            if said_of or any(
                c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in m.future_aux) for c in copula.children
            ):
                return True
        infinitive = not noun and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if infinitive and (tok.head.pos_ in ("NOUN", "PROPN") or (tok.head.lemma_ == "be" and tok.dep_ != "ROOT")):
            return True
        outer = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "for" else tok.head
        return (
            tok.dep_ in ("dobj", "pobj", "xcomp", "ccomp")
            and outer.i != tok.i
            and self.types.get(outer.i) in m.content_of
        )

    def date_of(self, trigger: Token) -> EventDate | None:
        sent = trigger.sent
        dates = self.dates[bisect_left(self.date_starts, sent.start) : bisect_left(self.date_starts, sent.end)]
        if not dates:
            return None
        subtree = {t.i for t in trigger.head.subtree} if trigger.dep_ != "ROOT" else {t.i for t in trigger.subtree}
        dates.sort(key=lambda e: (e.root.i not in subtree, abs(e.root.i - trigger.i)))
        future = any(c.dep_ == "aux" and c.lower_ in self.lex.future_marks for c in trigger.children)
        for ent in dates:
            found = resolve(ent.text, self.reference, future=future)
            if found is not None:
                return found
        return None

    def read(self) -> list[Event]:
        out: list[Event] = []
        seen: set[tuple[object, ...]] = set()
        for draft in self.drafts():
            head = draft.triggers[0]
            if any(is_unasserted(t) for t in draft.triggers) or self.unrealized(head):
                continue
            for trigger in sorted(draft.triggers, key=lambda t: t.i):
                self.read_arguments(draft, trigger)
            figures = self.figures(head.sent) if draft.type in _VIOLENT or draft.type == "COERCE" else {}
            if draft.actor is None and draft.target is None and draft.place is None and not figures:
                continue
            verb = next((t for t in draft.triggers if t.pos_ == "VERB"), head)
            when = self.date_of(verb)
            if verb.pos_ != "VERB" and draft.actor is None and draft.place is None and not figures and when is None:
                continue  # "the fight against Isis", "demands for reform": a campaign or a cause, no particular event
            attribution = self.held.at(verb.idx)
            source, via = source_and_via(verb, attribution, self.index, self.sourcing)
            casualties = Casualties(**{k: figures.get(k) for k in CASUALTY_KINDS})
            key = (draft.type, draft.actor, draft.target, draft.place, when, source, head.sent.start)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Event(
                    id=f"ev{len(out) + 1}",
                    type=draft.type,
                    mode=draft.mode,
                    actor=draft.actor,
                    target=draft.target,
                    place=draft.place,
                    date=when.date if when else None,
                    date_precision=when.precision if when else None,
                    casualties=casualties,
                    polarity="denied" if is_denied(verb) and not {verb.i, head.i} & self.spent else "affirmed",
                    hedged=is_hedged(verb),
                    source=source,
                    via=via,
                    attribution=attribution.id if attribution is not None else None,
                    evidence=evidence(head),
                    trigger=TextSpan(head.idx, head.idx + len(head.text), head.text),
                )
            )
        return out


def _outside_clauses(top: Token) -> list[Token]:
    """``top``'s subtree without the relative clauses and sources ("according to") hanging in it."""
    out: list[Token] = []
    stack = [top]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack += [c for c in tok.children if c.dep_ != "relcl" and c.lower_ != "according"]
    return sorted(out, key=lambda t: t.i)


def _noun_lemma(tok: Token) -> str:
    """A noun's lemma, also where the tagger took a capitalised plural for a name ("Fighters of X attacked")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "PROPN" or lemma != tok.lower_:
        return lemma
    if lemma.endswith("ies"):
        return lemma[:-3] + "y"
    return lemma[:-1] if lemma.endswith("s") and not lemma.endswith("ss") else lemma


def _neighbours(tok: Token) -> list[Token]:
    """Words one or two arcs away, through a preposition: 'killed in clashes', 'the blast killed'."""
    out = [tok.head, *tok.children]
    if tok.head.dep_ == "prep":
        out.append(tok.head.head)
    out += [g for c in tok.children if c.dep_ == "prep" for g in c.children]
    return out


def _number(tok: Token) -> int | None:
    """'12', '1,200', 'twelve', 'two hundred', 'a dozen' → an int; anything vaguer → None."""
    text = tok.lower_.replace(",", "")
    if re.fullmatch(r"\d+", text):
        value = int(text)
    elif text in NUMBER_WORDS:
        value = NUMBER_WORDS[text]
    else:
        return None
    if tok.i >= 2 and tok.nbor(-1).text == "-" and NUMBER_WORDS.get(tok.nbor(-2).lower_, 0) >= 20 > value:
        value += NUMBER_WORDS[tok.nbor(-2).lower_]  # "twenty-nine", which the tokenizer splits
    after = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.lower_ in _SCALES:
        value *= _SCALES[after.lower_]
    return value


def name_implying_events(claims: list[Claim], found: list[Event], entities: list[Entity]) -> None:
    """Give each claim an event of the same sentence implies (``evidence.implied``) that event's id.

    Only claims the frames read themselves are marked: on the dev corpus,
    adding the implied relations no frame had read as claims of their own
    brought false positives and no true one ("engaged the party" is talks,
    "Iraqi forces attacked Arbil" is not Iraq operating in its own city).
    """
    types = {e.id: e.type for e in entities}
    by_relation = {(c.subject, c.predicate, c.object, c.polarity, c.evidence.start): c for c in claims}
    for event in found:
        if event.type not in _IMPLYING or event.actor is None:
            continue
        for subject, predicate, obj in implied(event.actor, event.target, event.place, types.get):
            claim = by_relation.get((subject, predicate, obj, event.polarity, event.evidence.start))
            if claim is not None and claim.event is None:
                claim.event = event.id


def find_events(doc: Doc, document: Document, entities: list[Entity], attributions: list[Attribution]) -> list[Event]:
    """Every event the document reports, with its arguments, figures, date and sourcing."""
    if TRIGGERS not in doc.spans:
        return []
    return EventReader(doc, document, entities, attributions).read()
