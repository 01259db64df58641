"""Claim frames: trigger words and the dependency shapes that carry a relation.

Every rule starts from a trigger found by its lemma (lexicons/relations.json)
and reads the subject and object off the parse around it.  This module owns
the argument lookups every mechanism shares (``FrameReader``) and the verb
and role-noun frames; ``relations`` runs it with the other mechanisms
(``shapes``, ``nounphrases``, ``evidence``):

* ``frame``: verbs, adjectives and role nouns with an object after a
  preposition, a direct object, a possessor or a name inside the phrase
  ("affiliated with Y", "operate out of Y", "part of Y", "a senior
  scientist of Y", "the YPG's political wing", "official YPG spokesman");
* ``link noun``: "X has links with Y", "X denies any links to Y", "the links
  between X and Y", "Belgian support for Y";
* ``inclusion``: "X counts Y among its affiliates".

The subject of a trigger is found by climbing to the clause that holds it
("not to be part of" → "claims" → its subject), through appositions, and
through relative pronouns to their antecedent; what a viewing verb takes
'as' something ("X regards Y as part of Z", "Y, which X sees as its foe") is
said of the verb's object and is its subject's view, hedged, wherever it
sits.  A country's government, state or army stands for the country.
Coordinated arguments give one claim each.  Types are checked against the predicate: an argument of the
wrong kind means the reading was wrong, so the claim is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimgraph.model import Predicate
from claimgraph.nlp import lexicon
from claimgraph.nlp.attribution.speakers import misparsed_subject
from claimgraph.nlp.claims.polarity import (
    intention,
    is_denied,
    is_hedged,
    is_hedged_phrase,
    is_past,
    is_prospective,
    is_unasserted,
)
from claimgraph.nlp.entities.coref import EntityIndex, after_stance_prefix
from claimgraph.nlp.entities.countries import is_demonym
from claimgraph.nlp.lexicon import Frame
from claimgraph.predicates import STATE_ONLY, SYMMETRIC_PREDICATES  # a place allies, fights or is led only as a state

_CLIMB = frozenset({"attr", "oprd", "acomp", "xcomp", "conj"})
_COORD = frozenset({"and", "or", ",", "as well as", "nor"})
_CONTRAST = frozenset({"instead", "rather", "not"})  # a conjunct set against the other is not coordinated with it
_MISPARSED_OBJECTS = frozenset({"advmod", "npadvmod"})
_NOT_SUBJECTS = frozenset({"there", "what"})
_PARTICLES = frozenset({"away", "off", "out"})
_LOCATED: frozenset[Predicate] = frozenset({"operates_in", "based_in"})
# What a person is to a body: an aim or a prospect of one is not holding it.
OFFICES: frozenset[Predicate] = frozenset({"leader_of", "works_for", "member_of", "spokesperson_of"})
_COMPANY = frozenset({"alongside", "beside"})
_STATE_BODIES = frozenset({"state", "government", "regime", "army", "military", "authorities", "forces", "troops"})


@dataclass(slots=True)
class RawClaim:
    """A relation read off the parse, before sources and ids are attached."""

    subject: str
    predicate: Predicate
    object: str | None
    literal: str | None
    trigger: Token
    denied: bool
    hedged: bool
    background: bool = False  # presupposed or parenthetical: the article's voice, whoever is quoted around it
    past: bool = False  # stated as over: "former leader", "had allied"
    rule: str = ""  # the mechanism that read it (``relations.MECHANISMS``), for measuring each alone
    holder: str | None = None  # who holds it, where the mechanism reads that off its own verb ("X thinks otherwise")


Speaker = Callable[[Token], "str | None"]


class FrameReader:
    """Applies every frame of the relations lexicon to one document."""

    def __init__(self, index: EntityIndex, speaker: Speaker) -> None:
        self.index = index
        self.speaker = speaker  # entity speaking where a token sits, for pronouns in reported speech
        self.rel = lexicon.relations()

    def read(self, tok: Token, lemma: str) -> list[RawClaim]:
        """The verb and role-noun frames, link nouns and inclusions triggered by ``tok``."""
        rel, out = self.rel, []
        if (lemma in rel.link_nouns and tok.pos_ == "NOUN") or _between_gerund(tok, rel.link_nouns):
            # A link noun is read once, as a noun: the verb frame of the same
            # lemma ("linked to") would miss "severed its links" as a denial.
            out += self._link_noun(tok, rel.link_nouns.get(lemma) or rel.link_nouns[tok.lower_])
        else:
            for frame in rel.frames.get(lemma, ()) or rel.frames.get(tok.lower_, ()):
                out += self._frame(tok, frame)
        if lemma in rel.inclusion_verbs and tok.pos_ == "VERB":
            out += self._inclusion(tok)
        if tok.pos_ == "VERB" and (lemma in rel.reciprocal_verbs or lemma in rel.each_other_verbs):
            out += self._reciprocal(tok, lemma)
        return out

    # ----------------------------------------------------------------- arguments

    def subject_token(self, trigger: Token, carried: bool = False) -> Token | None:
        """The token naming what ``trigger`` is said of (``carried``: a noun carried by "have", "deny" …)."""
        if trigger.pos_ in ("NOUN", "PROPN"):
            for child in trigger.children:
                if child.dep_ == "appos" and self.index.named(child):
                    return child  # "its head, Salih Muslim"
        seen = self.viewed_as(trigger)
        if seen is not None:
            return seen[0]  # "X regards Y as part of Z": what the view is of
        tok = trigger
        for _ in range(8):
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in _NOT_SUBJECTS:
                    return child
            misparsed = misparsed_subject(tok)
            if misparsed is not None:
                return misparsed
            if tok.dep_ == "appos":
                if _clause_subject_misread(tok):
                    return None  # "After talks with X, the Chilean president asked …": not X's title
                return self.before_apposition(tok) or tok.head
            if tok.dep_ == "compound" and self.index.named(tok.head):
                return tok.head
            if tok.dep_ in ("acl", "relcl") and tok.pos_ in ("VERB", "ADJ", "AUX"):
                return tok.head
            if tok.dep_ in _CLIMB or (carried and tok is trigger and tok.dep_ == "dobj"):
                tok = tok.head
                continue
            if tok is trigger and _predicative(tok):
                tok = tok.head.head  # "X is at war with Y": the copula's subject
                continue
            if tok is trigger and _complement_as(tok):
                tok = tok.head.head  # "X emerged as a splinter of Y", "X, known as the armed wing of Y"
                continue
            return self.controller(tok)
        return None

    def controller(self, gerund: Token) -> Token | None:
        """'X accused Y of shelling Z', 'Y was blamed for attacking Z': the object that does what the gerund says.

        The gerund after the preposition of an object-control verb has no
        subject of its own: it is the verb's object, or its passive subject.
        """
        prep = gerund.head
        if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or prep.lower_ not in self.rel.control_preps:
            return None
        verb = prep.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.rel.control_verbs:
            return None
        return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)

    def viewed_as(self, noun: Token) -> tuple[Token, Token] | None:
        """(what is viewed, who views it) for a noun after the 'as' of a viewing verb: "X regards Y as a foe"."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "as":
            return None
        verb = noun.head.head
        viewed = verb if verb.dep_ == "dobj" else None  # the parser may hang 'as' on the object
        verb = verb.head if viewed is not None else verb
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.rel.viewing_verbs:
            return None
        viewed = viewed or next((c for c in verb.children if c.dep_ == "dobj"), None)
        viewer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return (viewed, viewer) if viewed is not None and viewer is not None else None

    def before_apposition(self, appos: Token) -> Token | None:
        """The name just before ", an affiliate of …": the parser often hangs an apposition on the wrong conjunct."""
        j = appos.left_edge.i - 1
        doc = appos.doc
        while j >= 0 and doc[j].text in (",", "(", ")", "–", "—"):
            j -= 1
        return doc[j] if j >= 0 and self.index.named(doc[j]) else None

    def apposed(self, noun: Token) -> Token | None:
        """The name ``noun`` stands in apposition to: "X, a terrorist group", also when parsed as a clause."""
        if noun.dep_ == "appos":
            return self.before_apposition(noun)
        edge = noun.left_edge.i
        return self.before_apposition(noun) if edge > 0 and noun.doc[edge - 1].text == "," else None

    def _apposed_name(self, noun: Token) -> str | None:
        """'X and its ally, Y': the one name in apposition to a common noun, which the noun stands for."""
        if noun.pos_ != "NOUN":
            return None
        named = [self.index.named(c) for c in noun.children if c.dep_ == "appos"]
        return named[0] if len(named) == 1 else None

    def partitive(self, tok: Token) -> Token:
        """'dozens of Front fighters', 'three of its members': the phrase after a quantity's 'of' names who acts.

        People named by whom they belong to ('fighters loyal to the Front') stand for that actor.
        """
        if self.index.named(tok) or not (tok.tag_ == "CD" or tok.lower_ in self.rel.partitives):
            return self.followed(tok)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return self.followed(next((o for o in child.children if o.dep_ == "pobj"), tok))
        return tok

    def followed(self, tok: Token) -> Token:
        """'fighters loyal to the Front', 'militants who joined it': the name they follow, else ``tok``."""
        rel = self.rel
        if self.index.named(tok) or tok.lemma_.lower() not in rel.acting_nouns:
            return tok
        for modifier in tok.children:
            if modifier.dep_ in ("amod", "acl") and modifier.lower_ in rel.follower_modifiers:
                followed = [o for p, o in self.prep_objects(modifier) if p in rel.follower_preps]
            elif modifier.dep_ == "relcl" and modifier.lemma_.lower() in rel.follower_clauses:
                followed = self._clause_objects(modifier, rel.follower_clauses[modifier.lemma_.lower()])
            else:
                continue
            for obj in followed:
                if self.index.resolve(obj, prefer=self.speaker(obj)) is not None:
                    return obj
        return tok

    def _clause_objects(self, verb: Token, prep: str) -> list[Token]:
        """The objects of ``verb`` after ``prep`` ('' for its direct objects)."""
        if not prep:
            return [c for c in verb.children if c.dep_ == "dobj"]
        return [o for p, o in self.prep_objects(verb) if p == prep]

    def subjects(self, trigger: Token, carried: bool = False) -> list[str]:
        tok = self.subject_token(trigger, carried)
        if tok is None:
            return []
        tok = self.partitive(tok)
        if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":
            tok = _described_by_apposition(tok.head.head) or tok
        if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" and not self.index.named(tok.head.head):
            tok = self.apposed(tok.head.head) or tok  # "X, a group that has fought …": the relative names X
        if not self.index.named(tok):
            named = [c for c in tok.children if c.dep_ == "appos" and self.index.named(c)]
            tok = named[0] if named else tok  # "the Belgian president, Amina Yusuf, was …"
        return self.named_at(tok)

    def named_at(self, tok: Token) -> list[str]:
        """The entity ``tok`` stands for (a name, a country's institution, a description, "X fighters") and those
        coordinated with it."""
        tok = self.partitive(tok)
        eid = self.state_of(tok) or self.index.resolve(tok, prefer=self.speaker(tok))
        return self.index.members(tok) if eid is None else [eid, *self.coordinated(tok)]

    def coordinated(self, tok: Token) -> list[str]:
        """Entities coordinated with ``tok``: conjuncts in the parse, or names joined by 'and'/','."""
        out: list[str] = []
        first = self.index.named(tok)
        for conj in tok.conjuncts:
            eid = self.index.named(conj) or self._apposed_name(conj)
            possessor = any(c.dep_ == "case" or c.tag_ == "POS" for c in conj.children)
            lo, hi = sorted((tok.i, conj.i))
            contrasted = any(t.lower_ in _CONTRAST for t in tok.doc[lo + 1 : hi])  # "X instead of Y", "X, not Y"
            if eid and eid != first and eid not in out and not possessor and not contrasted:
                out.append(eid)
        for child in tok.children:  # "seized Tarsh and Bel Harra" parsed as Tarsh modifying Harra, its "and" on Tarsh
            eid = self.index.named(child)
            joined = child.dep_ in ("nmod", "compound") and any(c.dep_ == "cc" for c in child.children)
            if (
                joined
                and eid
                and eid != first
                and eid not in out
                and self.index.type_of(eid) == self.index.type_of(first)
            ):
                out.append(eid)
        doc, rng = tok.doc, self.index.mention_range(tok)
        while rng is not None:
            j = rng[1]
            while j < len(doc) and doc[j].lower_ in _COORD:
                j += 1
            if j == rng[1] or j >= len(doc) or not self.index.named(doc[j]):
                break
            eid = self.index.named(doc[j])
            after = self.index.mention_range(doc[j])
            if (
                after is not None
                and after[1] < len(doc)
                and (doc[after[1]].tag_ == "POS" or doc[after[1]].lower_ in ("'s", "’s"))
            ):
                break  # "Turkey and Syria's Kurds": a possessor, not a coordinate
            if eid and eid != first and eid not in out and self.index.type_of(eid) == self.index.type_of(first):
                out.append(eid)
            rng = self.index.mention_range(doc[j])
        return out

    def objects(self, tok: Token) -> Iterator[tuple[str | None, str | None]]:
        """(entity, None) for a named object and its coordinates, or (None, literal) for a generic one."""
        relative = self.antecedent(tok)
        tok = self.partitive(relative or tok)
        eid = self.index.named(tok)
        if eid is not None:
            yield eid, None
            for other in self.coordinated(tok):
                # "the Front in Tarsh and the Brigade, with whom …": a relative takes up names of one kind
                if relative is None or self.index.type_of(other) == self.index.type_of(eid):
                    yield other, None
            return
        named = [self.index.named(c) for c in tok.children if c.dep_ == "compound"]
        if tok.lemma_.lower() in self.rel.generic_heads and any(named):
            yield next(e for e in named if e), None  # "the Islamic State group"
            return
        place = self.place_named(tok)
        if place is not None:
            yield place, None
            return
        examples = self.examples(tok)
        if examples:
            yield from examples
            return
        acting = self.index.acting_for(tok)
        if acting is not None:
            yield acting, None  # "Assad's forces", "Isis fighters"
            return
        holder = self.holder(tok)
        if holder is not None:
            yield holder, None
            return
        state = self.state_of(tok)
        if state is not None:
            yield state, None
            return
        literal = self.generic(tok)
        if literal is not None:
            yield None, literal

    def antecedent(self, tok: Token) -> Token | None:
        """'Tarsh, which the Front seized', 'the Front, with whom Norland fought': the noun a relative pronoun stands for.

        Only a pronoun that is an object inside its clause (directly, or after
        a preposition); an antecedent that is a description in apposition to a
        name ('Tarsh, a town that …') gives way to the name.
        """
        if tok.tag_ not in ("WDT", "WP") or tok.dep_ not in ("dobj", "pobj"):
            return None
        clause = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        if clause.dep_ != "relcl" or clause.head.i > tok.i:
            return None
        animate = self.index.animate_before(tok)  # "the Front in Tarsh, with whom …": not Tarsh
        if animate is not None:
            return animate
        noun = clause.head
        return noun if self.index.named(noun) else self.apposed(noun) or noun

    def examples(self, tok: Token) -> list[tuple[str | None, str | None]]:
        """'areas including Tarsh and Bel Harra', 'groups such as the Front': a class noun stands for the names it lists."""
        lemma = tok.lemma_.lower()
        if self.index.named(tok) or not (
            lemma in self.rel.place_nouns or lemma in self.rel.generic_heads or tok.lower_ in self.rel.place_parts
        ):
            return []
        such = any(c.lower_ == "such" for c in tok.children)
        out: list[tuple[str | None, str | None]] = []
        for prep in tok.children:
            listing = prep.lower_ in _EXAMPLE_PREPS or (
                prep.lower_ == "as" and (such or any(c.lower_ == "such" for c in prep.children))
            )
            if prep.dep_ == "prep" and listing:
                objs = [o for o in prep.children if o.dep_ == "pobj"]
                out += [item for o in objs for item in self.objects(o) if item[0] is not None]
        return out

    def holder(self, tok: Token) -> str | None:
        """'positions held by the Front', 'areas controlled by X': what is held stands for its holder as a target.

        Only where a verb or noun reads it as a party (the predicate's types
        decide): a place the phrase names is read first, by ``place_named``.
        """
        if self.index.named(tok):
            return None
        # "shelled Front positions", "raided the Front's bases" (which the lemmatizer reads as "basis")
        if tok.lemma_.lower() in self.rel.target_nouns or tok.lower_ in self.rel.target_nouns:
            owners = {
                eid
                for c in tok.children
                if c.dep_ in ("compound", "poss")
                for eid in (self.index.named(c),)
                if eid is not None and self.index.type_of(eid) != "PLACE"  # a town's checkpoints are in the town
            }
            if len(owners) == 1:
                return owners.pop()
        holding = self.rel.modifier_participles
        for clause in tok.children:
            held = holding.get(clause.lemma_.lower())
            if clause.dep_ != "acl" or clause.tag_ != "VBN" or held is None or not held[1]:
                continue
            agents = [o for p, o in self.prep_objects(clause) if p == "by"]
            named = self.index.named(agents[0]) if agents else None
            if named is not None and self.index.type_of(named) != "PLACE":
                return named
        return None

    def place_named(self, tok: Token) -> str | None:
        """'the town of Tarsh', 'the province, Tarsh', 'Tarsh province': a place noun a name identifies.

        The name comes after 'of' (itself maybe a place noun: 'areas of Tarsh
        province'), in apposition, or else right before the noun.  A part of
        a place stands for the place ('Syria's north-east', 'the north of
        Syria', 'parts of Iraq', 'the Tarsh countryside'): what is in the
        part is in the place.
        """
        if tok.lower_ in self.rel.place_parts or tok.lemma_.lower() in self.rel.place_parts:
            return self.place_of_part(tok)
        if tok.lemma_.lower() not in self.rel.place_nouns:
            return None
        for child in tok.children:
            named = None
            if child.dep_ == "prep" and child.lower_ == "of":
                named = next(
                    (self.index.named(o) or self.place_named(o) for o in child.children if o.dep_ == "pobj"), None
                )
            elif child.dep_ == "appos":
                named = self.index.named(child)
            if named is not None and self.index.type_of(named) == "PLACE":
                return named
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        named = self.index.named(before) if before is not None and before.head.i == tok.i else None
        return named if named is not None and self.index.type_of(named) == "PLACE" else None

    def place_of_part(self, part: Token) -> str | None:
        """The place whose part ``part`` is: a name before it, its possessor, or the name after 'of'.

        The name before it is the narrower place ('the Ghouta suburbs of Damascus': Ghouta).
        """
        for child in sorted(part.children, key=lambda c: c.dep_ == "prep"):
            if child.dep_ == "prep" and child.lower_ == "of":
                named = [self.index.named(o) for o in child.children if o.dep_ == "pobj"]
            elif child.dep_ in ("poss", "compound", "nmod", "amod"):
                named = [self.index.named(child)]
            else:
                continue
            place = next((e for e in named if e is not None and self.index.type_of(e) == "PLACE"), None)
            if place is not None:
                return place
        return None

    def state_of(self, tok: Token) -> str | None:
        """'the Turkish state', 'the Syrian army', 'the government of Chile', "Chile's government": the country.

        A country's institutions stand for the country when it is named by a
        nationality word or name before the noun, its possessor or its 'of'
        phrase ('the government of Bashar al-Assad' names a ruler, not a country).
        """
        if tok.lemma_.lower() not in _STATE_BODIES or self.index.named(tok):
            return None
        for child in tok.children:
            if child.dep_ in ("amod", "compound"):
                country = self.index.country(child.text)
            elif child.dep_ == "poss":
                country = self.index.named(child)
            elif child.dep_ == "prep" and child.lower_ == "of":
                country = next((self.index.named(o) for o in child.children if o.dep_ == "pobj"), None)
            else:
                continue
            if country is not None and self.index.is_country(country):
                return country
        return None

    def generic(self, tok: Token) -> str | None:
        """'other Islamist groups in Syria or the region', 'any group': a class of actors, as literal text."""
        words = lexicon.polarity()
        if tok.lemma_.lower() not in self.rel.generic_heads:
            return None
        determiners = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "predet")}
        if not determiners & words.generic_determiners:
            return None
        span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
        if span[0].lower_ in ("a", "an", "the", "any", "no"):
            span = span[1:]
        return span.text or None

    def modifiers(self, noun: Token) -> list[tuple[str | None, str | None]]:
        """Names and nationality words before a role noun: "YPG spokesman", "the Turkish foreign minister"."""
        out: list[tuple[str | None, str | None]] = []
        if self.destination_after_unknown(list(noun.doc[noun.left_edge.i : noun.i])):
            return out
        for tok in noun.doc[noun.left_edge.i : noun.i]:
            eid = self.index.named(tok) or (self.index.country(tok.text) if tok.dep_ in ("amod", "compound") else None)
            if eid is not None and self.index.type_of(eid) != "PERSON" and (eid, None) not in out:
                out.append((eid, None))
        return out

    def destination_after_unknown(self, tokens: list[Token]) -> bool:
        """'the UN Syria envoy' with no UN entity: the first place named comes after a body we do not know.

        That place is where the role is exercised, not who holds it, and the
        body is unknown: the phrase names no employer we can give.
        """
        for tok in tokens:
            eid = self.index.named(tok) or self.index.country(tok.text)
            if eid is not None:
                return False
            if tok.pos_ == "PROPN" and not is_demonym(tok.text):
                return any(self.index.type_of(self.index.named(t)) == "PLACE" for t in tokens if t.i > tok.i)
        return False

    def prep_objects(self, trigger: Token) -> Iterator[tuple[str, Token]]:
        """(preposition, its object) for each prepositional phrase on ``trigger``; two-word ones joined."""
        for child in trigger.children:
            if child.dep_ in ("prt", "advmod") and child.lower_ in _PARTICLES:  # "broke away from X"
                for prep, obj in self.prep_objects(child):
                    yield f"{child.lower_} {prep}", obj
            if child.dep_ not in ("prep", "agent"):
                continue
            for grand in child.children:
                if grand.dep_ == "pobj":
                    yield child.lower_, grand
                elif grand.dep_ == "prep":
                    for obj in grand.children:
                        if obj.dep_ == "pobj":
                            yield f"{child.lower_} {grand.lower_}", obj

    # ----------------------------------------------------------------- building

    def make(
        self,
        subjects: list[str],
        predicate: Predicate,
        objects: list[tuple[str | None, str | None]],
        trigger: Token,
        *,
        negative: bool = False,
        frame: Frame | None = None,
        presupposed: bool = False,
    ) -> list[RawClaim]:
        """Claims for every subject × object that fit the predicate's types.

        ``presupposed`` relations ("the YPG in Syria") are taken as stated,
        whatever negation governs the phrase they sit in.  They and relations
        told in a parenthesis (an apposition, a non-restrictive relative
        clause) are background the article supplies, not what a quoted
        speaker asserts.
        """
        out: list[RawClaim] = []
        if not presupposed and (is_unasserted(trigger) or _unrealized(trigger, predicate)):
            return out
        if predicate in OFFICES and is_prospective(trigger):
            return out  # presupposed or not, "the would-be leader of X" leads nothing
        denied = not presupposed and is_denied(trigger) != negative
        seen = self.viewed_as(trigger)
        # a view is its holder's claim, also in a parenthesis ("Y, which X sees as …")
        holder = self.index.resolve(seen[1], prefer=self.speaker(seen[1])) if seen is not None else None
        hedged = holder is not None or (is_hedged_phrase(trigger) if presupposed else is_hedged(trigger))
        background = presupposed or self.parenthetical(trigger)
        past = is_past(trigger)
        for subject in dict.fromkeys(self.index.government(s) for s in subjects):
            pred = self.choose(predicate, subject, frame)
            for named, literal in objects:
                # A capital as the place where one is based, operates or governs is the city; as a party, its state.
                obj = named if named is None or pred in _SEAT_ROLES else self.index.government(named)
                if obj == subject or not self.types_fit(pred, subject, obj, literal, frame):
                    continue
                out.append(
                    RawClaim(subject, pred, obj, literal, trigger, denied, hedged, background, past, holder=holder)
                )
        return out

    def parenthetical(self, trigger: Token) -> bool:
        """Is ``trigger`` inside an apposition or a ", which …" clause below any speech verb?"""
        speech_verbs = lexicon.speech().verbs
        tok = trigger
        while tok.head.i != tok.i and tok.lemma_.lower() not in speech_verbs:
            edge = tok.left_edge.i
            after_comma = edge > 0 and tok.doc[edge - 1].text == ","
            if (tok.dep_ == "appos" and not _object_complement(tok)) or (tok.dep_ == "relcl" and after_comma):
                return True
            if tok.pos_ == "NOUN" and after_comma and self.apposed(tok) is not None:
                return True
            tok = tok.head
        return False

    def choose(self, predicate: Predicate, subject: str, frame: Frame | None) -> Predicate:
        kind = self.index.type_of(subject)
        if frame is not None and kind == "PERSON" and frame.person_predicate:
            return frame.person_predicate
        if frame is not None and kind != "PERSON" and frame.group_predicate:
            return frame.group_predicate
        return predicate

    def types_fit(
        self, predicate: Predicate, subject: str, obj: str | None, literal: str | None, frame: Frame | None
    ) -> bool:
        subject_types, object_types = self.rel.types[predicate]
        if frame is not None and frame.subject_types is not None:
            subject_types = subject_types & frame.subject_types
        if frame is not None and frame.object_types is not None:
            object_types = object_types & frame.object_types
        if self.index.type_of(subject) not in subject_types:
            return False
        if obj is None:
            return literal is not None and (predicate == "designated_as" or predicate in _GENERIC_OK)
        local = frame is not None and frame.any_place
        places = [e for e in (subject, obj) if self.index.type_of(e) == "PLACE"]
        if predicate in STATE_ONLY and not local and not all(self.index.is_country(e) for e in places):
            return False
        return self.index.type_of(obj) in object_types

    # ----------------------------------------------------------------- rules

    def _frame(self, trigger: Token, frame: Frame) -> list[RawClaim]:
        objects: list[tuple[str | None, str | None]] = []
        subjects: list[str] | None = None
        relation_noun = trigger.pos_ == "NOUN" and not (frame.poss or frame.compound or frame.direct)
        if trigger.dep_ in ("compound", "amod") and trigger.head.lemma_.lower() in self.rel.generic_heads:
            trigger = trigger.head  # "a splinter group of X": the phrase's head carries the arguments
        if frame.preps:
            # "is active in X", "pledged allegiance to X": the preposition may hang off the governing verb
            carriers = [trigger, trigger.head] if trigger.dep_ in ("acomp", "attr") or relation_noun else [trigger]
            if trigger.pos_ == "NOUN" and trigger.dep_ == "conj" and trigger.head.pos_ == "NOUN":
                carriers.append(trigger.head)  # "the terrorism and security researcher at X": 'at' on the first noun
            if trigger.pos_ == "VERB":
                carriers += self._places_carrying(trigger, frame)  # "patrol Tarsh alongside X": 'alongside' on Tarsh
            for prep, obj in (item for carrier in carriers for item in self.prep_objects(carrier)):
                if prep in frame.preps:
                    objects += self.objects(obj)
            if trigger.dep_ == "relcl" and any(c.lower_ == "where" for c in trigger.children):
                objects += self.objects(trigger.head)  # "Dagestan, where the group is based"
        if frame.direct:
            agent = [o for p, o in self.prep_objects(trigger) if p == "by"]
            passive = [c for c in trigger.children if c.dep_ == "nsubjpass"]
            if agent and passive:  # "X is led by Y", "Tarsh, which is held by Y"
                subjects = self.named_at(agent[0])
                target = passive[0]
                if target.tag_ in ("WDT", "WP") and trigger.dep_ == "relcl":
                    target = self.apposed(trigger.head) or trigger.head
                objects += self.objects(target)
            elif agent and trigger.tag_ == "VBN" and trigger.dep_ in ("acl", "advcl"):  # "a town held by Y"
                head = trigger.head
                if trigger.dep_ == "advcl":  # "… in Tarsh, held by Y": the parse hung it on the clause's verb
                    before = self.before_apposition(trigger)
                    if before is None or trigger.left_edge.i == 0 or trigger.doc[trigger.left_edge.i - 1].text != ",":
                        return []
                    head = before
                subjects = self.named_at(agent[0])
                said_of = [o for o in self.objects(head) if o[0] not in subjects]  # not the holder it names
                apposed = self.apposed(head) if not said_of else None
                if apposed is None and not said_of and head.dep_ == "attr":
                    apposed = self.subject_token(head)  # "Tarsh is a town held by Y"
                objects += said_of or (list(self.objects(apposed)) if apposed is not None else [])
            for child in trigger.children:
                if frame.inverse and child.dep_ == "dobj":
                    objects += [(e, None) for e in self.named_at(child)]  # what it is said of: "disowned it"
                elif child.dep_ == "dobj" or (child.dep_ in _MISPARSED_OBJECTS and child.i > trigger.i):
                    objects += self.objects(child)  # "backs Assad" may come out as an adverbial
        if frame.poss:
            for child in trigger.children:
                eid = self.index.resolve(child) if child.dep_ == "poss" else None
                if eid is not None and self.index.type_of(eid) != "PERSON":
                    objects.append((eid, None))
        if frame.compound and not objects:
            objects += self.modifiers(trigger)
        if frame.predicate == "leader_of" and trigger.pos_ in ("NOUN", "PROPN"):
            objects = [o for o in objects if o[0] is None or not self.leads_within(trigger, o[0])]
        seen = self.viewed_as(trigger)
        own_side = any(p == "of" for p, _ in self.prep_objects(trigger)) or any(
            self.index.named(c) for c in trigger.children if c.dep_ == "poss"
        )
        named_view = seen is not None and (self.index.named(seen[0]) is not None or seen[0].pos_ == "PRON")
        if seen is not None and named_view and frame.predicate in SYMMETRIC_PREDICATES and not own_side:
            # "X views Y as a mortal foe", "X sees Y as its ally": the view's holder is the other side
            # ("X regards Y as the enemy of Z" names both sides itself; "those groups" is too loose a guess)
            subjects, objects = self.named_at(seen[0]), [(e, None) for e in self.named_at(seen[1])]
        if not objects:
            return []
        linker = self._linked_by(trigger, frame) if subjects is None else None
        if linker is not None:  # "Y links X with Z": X's link to Z, in Y's view
            subjects = self.named_at(linker[0])
        if subjects is None:
            subjects = self.subjects(trigger, carried=relation_noun)
            subjects = self._title_holders(trigger, subjects)
        if frame.inverse:  # "X disowned Y": the relation is Y's, towards X
            subjects, objects = [o for o, _ in objects if o is not None], [(s, None) for s in subjects]
        # A role told beside a name ("Y's foreign minister, X", "President X") is the article's presupposition.
        named_role = trigger.pos_ in ("NOUN", "PROPN") and (
            (trigger.dep_ in ("appos", "compound") and self.index.type_of(self.index.named(trigger.head)) == "PERSON")
            or any(c.dep_ == "appos" and self.index.type_of(self.index.named(c)) == "PERSON" for c in trigger.children)
        )
        made = self.make(
            subjects, frame.predicate, objects, trigger, negative=frame.negative, frame=frame, presupposed=named_role
        )
        holders = self.named_at(linker[1]) if linker is not None and linker[1] is not None else []
        for raw in made if holders else ():
            raw.holder, raw.hedged = holders[0], True
        return made

    def leads_within(self, role: Token, state: str) -> bool:
        """'the Belgian opposition leader', 'Belgian tribal leader X': a word between the state and its leader's title.

        It names the part of the state's people the person leads (a party, a
        tribe, the rebels), so the title says nothing of leading the state; a
        status or a time ('interim', 'former') does not (``state_title_qualifiers``).
        """
        index = self.index
        if not index.is_country(state):
            return False
        allowed = self.rel.roles.state_title_qualifiers | lexicon.polarity().past_modifiers
        qualified = False
        start = role.i - 1 if (role.doc[role.i - 1].lower_, role.lower_) in self.rel.roles.compounds else role.i
        for tok in reversed(role.doc[role.sent.start : start]):
            if state in (index.named(tok), index.country(tok.text)):
                return qualified
            if tok.pos_ not in ("ADJ", "NOUN", "PROPN", "PUNCT", "PART") or tok.text in (",", "(", ")"):
                return False
            qualified = qualified or (tok.pos_ != "PUNCT" and tok.pos_ != "PART" and tok.lower_ not in allowed)
        return False

    def _title_holders(self, trigger: Token, subjects: list[str]) -> list[str]:
        """Who of ``subjects`` (a name and its coordinates) holds ``trigger``, a singular title of a person's name.

        A title right before the name ("Belgian President X"), or with the
        name in apposition ("his counterpart X"), is not the title of a
        coordinate that has one of its own: "French President X and Belgian
        Foreign Minister Y" gives neither the other's office ("the group's
        leadership, X and Y" is both's).  An apposition after the name is that
        name's alone: "X and Y, the Council's envoy" makes Y the envoy.
        """
        if trigger.tag_ in ("NNS", "NNPS") or len(subjects) < 2:
            return subjects
        index = self.index
        of_person = index.type_of(index.named(trigger.head)) == "PERSON"
        if trigger.dep_ == "appos" and of_person:
            return subjects[:1]
        naming = any(c.dep_ == "appos" and index.type_of(index.named(c)) == "PERSON" for c in trigger.children)
        if (trigger.dep_ == "compound" and of_person) or naming:
            return subjects[:1] + [e for e in subjects[1:] if not self._titled_in(trigger.sent, e)]
        return subjects

    def _titled_in(self, sentence: Span, eid: str) -> bool:
        """Does a title of its own stand right before a mention of ``eid`` in ``sentence`` ("and President X")?"""
        doc = sentence.doc
        for tok in sentence:
            rng = self.index.mention_range(tok) if self.index.named(tok) == eid else None
            before = doc[rng[0] - 1] if rng is not None and rng[0] > sentence.start else None
            if before is not None and before.pos_ in ("NOUN", "PROPN") and self.index.named(before) is None:
                return True
        return False

    def _linked_by(self, verb: Token, frame: Frame) -> tuple[Token, Token | None] | None:
        """'Y links X with Z', 'Y has tied X to Z': (X, Y) for a link verb in the active voice with an object.

        Whoever links two others holds a view of them: the link is the
        object's, and its subject says so (hedged), as a viewing verb's would.
        """
        if (
            frame.predicate != "linked_to"
            or verb.pos_ != "VERB"
            or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))
        ):
            return None
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return None  # "X is linked to Z"
        linked = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
        if linked is None or not self.named_at(linked):
            return None
        return linked, self.subject_token(verb)

    def _places_carrying(self, verb: Token, frame: Frame) -> list[Token]:
        """The places named right after ``verb`` (its object, or after its 'in') for a company preposition of ``frame``.

        The parser hangs "alongside X" on the place before it ("operating in
        Tarsh alongside X"); a place keeps no company, so the phrase is the verb's.
        """
        if not any(p in _COMPANY for p in frame.preps):
            return []
        heads = [c for c in verb.children if c.dep_ == "dobj"]
        heads += [o for p, o in self.prep_objects(verb) if p == "in"]
        return [h for h in heads if self.index.type_of(self.index.named(h)) == "PLACE"]

    def _link_noun(self, noun: Token, predicate: Predicate) -> list[RawClaim]:
        sides = [(p, o) for p, o in self.prep_objects(noun) if p in self.rel.link_preps]
        between = [o for p, o in sides if p == "between"]
        if between:  # "the links between X and Y"
            named = [e for e, _ in self.objects(between[0]) if e]
            return self.make(named[:1], predicate, [(e, None) for e in named[1:2]], noun)
        objects = [item for p, o in sides for item in self.objects(o)]
        if not objects:
            return []
        subjects: list[str] = []
        poss = [c for c in noun.children if c.dep_ == "poss"]
        if poss:
            eid = self.index.resolve(poss[0], prefer=self.speaker(poss[0]))
            subjects = [eid] if eid else []
        elif (holder := self._link_modifier(noun)) is not None:
            subjects = [holder]
        elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.rel.carrier_verbs:
            subjects = self.subjects(noun, carried=True)
        elif _predicative(noun):  # "X is in conflict with Y"
            subjects = self.subjects(noun)
        ending = noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.rel.ending_verbs and predicate != "rival_of"
        return self.make(subjects, predicate, objects, noun, negative=ending)

    def _link_modifier(self, noun: Token) -> str | None:
        """'French support for X', 'Front cooperation with Y': the one actor a modifier of the link noun names.

        A nationality word stands for its country, as a possessor would
        ("France's support"); a stance ("anti-Front cooperation") names the
        other side, and two actors ("Franco-Belgian cooperation") are both
        sides of a link the phrase does not order: neither is read.
        """
        if self.index.named(noun) is not None:
            return None  # "the Peace Alliance" is a name, not a link
        found: list[str] = []
        for child in noun.children:
            if child.dep_ not in ("amod", "compound", "nmod") or child.i > noun.i or _stanced(child):
                continue
            eid = self.index.named(child) or self.index.country(child.text)
            if eid is not None and eid not in found:
                found.append(eid)
        return found[0] if len(found) == 1 else None

    def _reciprocal(self, verb: Token, lemma: str) -> list[RawClaim]:
        """'X and Y clashed', 'X and Y fought each other': the first subject towards the others.

        Only when the verb names no other side: "X and Y clashed with Z" is the frames' reading.
        """
        words = {c.lower_ for c in verb.subtree if c.dep_ in ("dobj", "pobj", "det", "amod") and c.i > verb.i}
        each_other = ("other" in words and "each" in words) or ("another" in words and "one" in words)
        predicate = self.rel.reciprocal_verbs.get(lemma) or (
            self.rel.each_other_verbs.get(lemma) if each_other else None
        )
        sides = [c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("with", "against"))]
        if predicate is None or (sides and not each_other):
            return []
        subjects = self.subjects(verb)
        return self.make(subjects[:1], predicate, [(s, None) for s in subjects[1:]], verb) if len(subjects) > 1 else []

    def _inclusion(self, verb: Token) -> list[RawClaim]:
        """X counts Y among its affiliates → Y affiliated_with X (the 'among' phrase may hang off Y)."""
        for role in verb.subtree:
            if role.i < verb.i or role.dep_ != "pobj" or role.head.lower_ not in self.rel.inclusion_preps:
                continue
            frames = [f for f in self.rel.frames.get(role.lemma_.lower(), ()) if "of" in f.preps]
            if not frames:
                continue
            owners: list[tuple[str | None, str | None]] = [(o, None) for o in self.subjects(verb)]
            members = dict.fromkeys(
                self.index.named(c) for c in verb.children if c.dep_ in ("dobj", "ccomp", "dep", "attr", "oprd")
            )
            out = []
            for member in members:
                if member is not None:
                    out += self.make([member], frames[0].predicate, owners, verb, frame=frames[0])
            return out
        return []


_SEAT_ROLES = frozenset({"based_in", "operates_in", "leader_of"})
_EXAMPLE_PREPS = frozenset({"including", "like"})
_GENERIC_OK = frozenset({"affiliated_with", "linked_to", "part_of", "allied_with", "member_of", "rival_of"})


def _described_by_apposition(agent: Token) -> Token | None:
    """'X, an alliance led by A and backed by B, which took Tarsh': the name the apposition describes, or None.

    The parser hangs the relative clause on B, the agent closing the
    apposition's participle; a ", which" there goes on describing X.
    """
    verb = agent.head.head if agent.dep_ == "pobj" and agent.head.dep_ == "agent" else None
    while verb is not None and verb.dep_ == "conj":
        verb = verb.head
    if verb is None or verb.dep_ != "acl" or verb.head.dep_ != "appos":
        return None
    return verb.head.head


def _stanced(tok: Token) -> bool:
    """'anti-Front', 'pro-Assad': a name after a stance prefix (or holding one), which says whom the phrase is
    for or against."""
    prefixes = lexicon.relations().stance_prefixes
    return after_stance_prefix(tok.doc[tok.left_edge.i]) or any(c.lower_ in prefixes for c in tok.children)


def _clause_subject_misread(appos: Token) -> bool:
    """An 'apposition' that governs a finite verb of its own is the subject of that verb, misparsed.

    "After talks with X, the Chilean president asked for help": the parser
    hangs "the Chilean president" on X and "asked" on it; a relative clause
    ("X, the leader who founded Y") has its pronoun and is no such verb.
    """
    return any(
        c.dep_ == "acl" and c.tag_ in ("VBD", "VBZ", "VBP") and not any(g.tag_ in ("WDT", "WP") for g in c.children)
        for c in appos.children
    )


def _predicative(noun: Token) -> bool:
    """'at war with Y', 'in conflict with Y' after 'is': a prepositional phrase that is what the copula says of its subject."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.lemma_ == "be" and prep.head.i != prep.i


def _object_complement(appos: Token) -> bool:
    """'Norland considers the Front the wing of the Movement': the parser's apposition on a viewing verb's object.

    With no comma or bracket before it, it is what the view makes the object,
    not a parenthesis the article adds, so the viewer holds it.
    """
    head, edge = appos.head, appos.left_edge.i
    verbs = lexicon.relations().viewing_verbs
    return head.dep_ == "dobj" and head.head.lemma_.lower() in verbs and not appos.doc[edge - 1].is_punct


def _unrealized(trigger: Token, predicate: Predicate) -> bool:
    """An aim puts no one anywhere ('vowed to capture Tarsh'), though a hostile one makes rivals ('seeks to topple
    X'); a refusal ('refused to back X') asserts no relation at all."""
    aim = intention(trigger)
    return aim is not None and (predicate in _LOCATED | OFFICES or aim in lexicon.polarity().refusals)


def _complement_as(noun: Token) -> bool:
    """'X emerged as a splinter of Y', 'X serves as the armed wing of Y': a noun after a verb's 'as' is said of its subject.

    What a viewing verb takes 'as' something is its object's (``viewed_as``,
    asked first).
    """
    prep = noun.head
    return noun.dep_ == "pobj" and noun.pos_ == "NOUN" and prep.lower_ == "as" and prep.head.pos_ in ("VERB", "AUX")


def _between_gerund(tok: Token, link_nouns: dict[str, Predicate]) -> bool:
    """'Fighting between X and Y killed 12': a gerund the parser took for a verb, used as its link noun."""
    return (
        tok.tag_ == "VBG"
        and tok.lower_ in link_nouns
        and any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children)
    )
