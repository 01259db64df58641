"""Which entity a token stands for: by name, by description, or by pronoun.

Attributions and claims both need to turn a source or an argument token into
one of the document's entities.  Names are found through the entities'
mention offsets; descriptions ("the group's media representative", "The
Russian expert") and pronouns are resolved to the nearest earlier entity of
a compatible type, which is how news prose refers back.  When nothing
compatible is near, the answer is ``None``: the callers drop what they cannot
resolve rather than guess.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from claimgraph.model import Entity, EntityType
from claimgraph.names import fold
from claimgraph.nlp import lexicon
from claimgraph.nlp.entities.countries import capital_of, is_demonym
from claimgraph.nlp.entities.gender import PRONOUNS, genders
from claimgraph.nlp.entities.places import country_of

GROUPISH: frozenset[EntityType] = frozenset({"ARMED_GROUP", "ORGANIZATION", "MEDIA"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_GROUP_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "theirs", "we", "our", "us"})
_RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_ANIMATE_RELATIVES = frozenset({"who", "whom"})
_ANIMATE: frozenset[EntityType] = GROUPISH | {"PERSON"}
# "these groups", "both militias", "the two factions": a plural description that takes up the groups just named.
_PLURAL_DETERMINERS = frozenset({"the", "these", "those", "both"})
_COUNTS = {"both": 2, "two": 2, "three": 3}
_SET_KINDS: frozenset[EntityType] = frozenset({"ARMED_GROUP", "ORGANIZATION"})
# A non-finite verb with no subject of its own, and how it hangs on the clause whose subject it takes.
_NON_FINITE = frozenset({"VB", "VBG", "VBN"})
_CONTROLLED = frozenset({"xcomp", "pcomp", "acl", "advcl", "prep", "pobj", "dobj", "conj", "ccomp"})
_BINDING_CLIMB = 12
# How far back (in tokens) a description or pronoun may look for its entity.
_WINDOW = 400


class EntityIndex:
    """Token → entity lookups for one parsed document.

    Built once per document in time linear in its mentions; every lookup is a
    dictionary access or a binary search, so the claim rules can ask freely.
    """

    def __init__(self, doc: Doc, entities: list[Entity]) -> None:
        self.doc = doc
        self.by_id = {e.id: e for e in entities}
        self.token_entity: dict[int, str] = {}
        self.spans: dict[int, tuple[int, int]] = {}  # token index → (start, end) token range of its mention
        order: list[tuple[int, str]] = []
        self._subjects: set[int] = set()  # starts of mentions that are a clause subject
        for entity in entities:
            for mention in entity.mentions:
                if mention.field is not None:
                    continue
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                for tok in span:
                    self.token_entity.setdefault(tok.i, entity.id)
                    self.spans.setdefault(tok.i, (span.start, span.end))
                order.append((span.start, entity.id))
                if any(t.dep_ in ("nsubj", "nsubjpass") or _names_subject(t) for t in span):
                    self._subjects.add(span.start)
        order.sort()
        self._starts = [s for s, _ in order]
        self._ids = [e for _, e in order]
        self._descriptions = {fold(d): e.id for e in entities for d in e.descriptions if d.strip()}
        self.gender = genders(doc, entities, self.token_entity, self.spans)
        self._name_words = {e.id: set(fold(" ".join((e.name, *e.aliases))).split()) for e in entities}
        self._speaks_for = _affiliations(entities)
        self._countries: dict[str, str] = {}
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                country = country_of(name) if entity.type == "PLACE" else None
                if country is not None:
                    self._countries.setdefault(country, entity.id)
        # "Ankara launched an offensive": a capital that acts is its country, where the article names the country.
        self._governments: dict[str, str] = {}
        for entity in entities:
            for name in (entity.name, *entity.aliases) if entity.type == "PLACE" else ():
                seat_of = self._countries.get(capital_of(name) or "")
                if seat_of is not None and seat_of != entity.id:
                    self._governments.setdefault(entity.id, seat_of)

    def country(self, word: str) -> str | None:
        """The document's entity for the country a name or nationality word stands for ("Turkish" → Turkey)."""
        country = country_of(word)
        return self._countries.get(country) if country is not None else None

    def government(self, entity_id: str) -> str:
        """Who acts when ``entity_id`` is said to act: a capital's country ("Washington's support" is the US's)."""
        return self._governments.get(entity_id, entity_id)

    def is_country(self, entity_id: str) -> bool:
        return entity_id in self._countries.values()

    def type_of(self, entity_id: str | None) -> EntityType | None:
        entity = self.by_id.get(entity_id) if entity_id else None
        return entity.type if entity else None

    def named(self, tok: Token) -> str | None:
        """The entity whose name covers ``tok``."""
        return self.token_entity.get(tok.i)

    def mention_range(self, tok: Token) -> tuple[int, int] | None:
        return self.spans.get(tok.i)

    def entities_in(self, tokens: Iterable[Token]) -> list[str]:
        """Distinct entities named among ``tokens``, in order."""
        out: list[str] = []
        for tok in tokens:
            eid = self.token_entity.get(tok.i)
            if eid is not None and eid not in out:
                out.append(eid)
        return out

    def nearest_before(
        self, i: int, types: frozenset[EntityType], subjects_first: bool = False, skip: frozenset[str] = frozenset()
    ) -> str | None:
        """The entity of one of ``types`` mentioned last before token ``i`` (within the window).

        With ``subjects_first``, the last one that was a clause subject wins
        over later mentions in other roles: "the group" usually continues the
        topic, not the last object named.
        """
        fallback = None
        k = bisect_left(self._starts, i) - 1
        while k >= 0 and i - self._starts[k] <= _WINDOW:
            eid = self._ids[k]
            if self.type_of(eid) in types and eid not in skip:
                if not subjects_first or self._starts[k] in self._subjects:
                    return eid
                fallback = fallback or eid
            k -= 1
        return fallback

    def named_like(self, i: int, words: set[str], types: frozenset[EntityType]) -> str | None:
        """The nearest earlier entity whose name shares a word with the description.

        "the network" → "Syrian Network for Human Rights"; "the rights group" → the same.
        """
        k = bisect_left(self._starts, i) - 1
        while k >= 0 and i - self._starts[k] <= _WINDOW:
            eid = self._ids[k]
            if self.type_of(eid) in types and words & self._name_words[eid]:
                return eid
            k -= 1
        return None

    def continued_subject(self, tok: Token, types: frozenset[EntityType], fits: Callable[[str], bool]) -> str | None:
        """'X refused to meet Y. The Turkish leader said …': whom a description opening a sentence takes up.

        A sentence's subject carries its topic into the next one, where a
        definite description in subject position most often continues it.
        The answer is the subject of the sentence before ``tok``'s, when that
        names an entity of ``types`` and it is the only one of those named
        there that ``fits`` (the caller's test of who can be what the
        description says); another that fits, or a subject of another kind,
        and the answer is ``None`` (refuse to guess).
        """
        start = tok.sent.start
        if start == 0:
            return None
        before = tok.doc[start - 1].sent
        named = [e for e in self.entities_in(before) if self.type_of(e) in types and fits(e)]
        subjects = {
            self._ids[k]
            for k in range(bisect_left(self._starts, before.start), bisect_left(self._starts, before.end))
            if self._starts[k] in self._subjects
        }
        return named[0] if len(named) == 1 and named[0] in subjects else None

    def person_named(self, words: set[str]) -> str | None:
        """The one person whose name or aliases hold all of the folded ``words`` ("pence" → Mike Pence), else None."""
        people = [e for e, names in self._name_words.items() if words <= names and self.type_of(e) == "PERSON"]
        return people[0] if len(people) == 1 and words else None

    def salient_before(self, i: int, types: frozenset[EntityType]) -> str | None:
        """The entity of ``types`` named most often in the window before token ``i``; none on a tie.

        "The group" in a news story is its main group, not whichever group
        was named last: a story about one group mentions it most, and most
        often as a subject.  Two equally salient candidates are a guess, so
        the answer is ``None``.
        """
        counts: dict[str, int] = {}
        subjects: dict[str, int] = {}
        last: dict[str, int] = {}
        k = bisect_left(self._starts, i) - 1
        while k >= 0 and i - self._starts[k] <= _WINDOW:
            eid = self._ids[k]
            if self.type_of(eid) in types:
                counts[eid] = counts.get(eid, 0) + 1
                subjects[eid] = subjects.get(eid, 0) + (self._starts[k] in self._subjects)
                last.setdefault(eid, self._starts[k])
            k -= 1
        ranked = sorted(counts, key=lambda e: (counts[e], subjects[e]), reverse=True)
        if len(ranked) > 1 and (counts[ranked[0]], subjects[ranked[0]]) == (counts[ranked[1]], subjects[ranked[1]]):
            return None  # two antecedents fit equally well: refuse to guess
        return ranked[0] if ranked else None

    def resolve(self, tok: Token, *, prefer: str | None = None) -> str | None:
        """The entity ``tok`` (the head of a noun phrase) stands for, or ``None``.

        ``prefer`` is the entity the context makes most likely for a pronoun
        (the speaker of the attribution it sits in); it wins when its type fits.
        """
        named = self.token_entity.get(tok.i)
        if named is not None:
            return named
        if tok.lower_ in _RELATIVE and tok.head.dep_ in ("relcl", "acl") and tok.head.head.i != tok.i:
            return self.resolve(tok.head.head, prefer=prefer)
        if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
            return self._pronoun(tok, prefer)
        acting = self.acting_for(tok) or self.named_group(tok)
        if acting is None:
            plural, count = _set_description(tok)
            if plural and (count is not None or len(self._groups_just_named(tok)) > 1):
                return None  # "these groups", "both groups" stand for several: no one of them is the answer
        return acting or self.describe(tok)

    def animate_before(self, relative: Token) -> Token | None:
        """'the Front in Tarsh, with whom Norland fought': the person or group a 'who' or 'whom' takes up.

        'Who' stands for people or bodies, never for a place or a thing, yet
        the parser often hangs the clause on the nearest noun ("Tarsh") or on
        the noun governing the whole phrase ("no distinction between …").
        When the noun it hangs on names no person or body, the answer is the
        last word of the last one named before the clause, if nothing but
        places, prepositions, determiners and the comma stand between; else
        ``None`` (the parse's reading stands).
        """
        clause = relative.head.head if relative.head.dep_ == "prep" else relative.head
        if relative.lower_ not in _ANIMATE_RELATIVES or clause.dep_ != "relcl":
            return None
        if self.type_of(self.token_entity.get(clause.head.i)) in _ANIMATE:
            return None
        doc = relative.doc
        j = clause.left_edge.i - 1
        while j >= relative.sent.start:
            eid = self.token_entity.get(j)
            kind = self.type_of(eid)
            if kind in _ANIMATE:
                return doc[j]
            if kind is None and not (doc[j].is_punct or doc[j].pos_ in ("ADP", "DET")):
                return None
            j -= 1
        return None

    def members(self, tok: Token) -> list[str]:
        """'these groups', 'both militias', 'the two factions' → the groups named just before, or none.

        A plural description with nothing but a determiner or a count takes up
        the list of groups the nearest sentence naming any named.  Fewer than
        two, more than three, or not as many as the count says: that sentence
        is not the list, and the description stays unresolved (refuse to guess).
        """
        plural, count = _set_description(tok)
        named = self._groups_just_named(tok) if plural else []
        fits = 2 <= len(named) <= 3 and (count is None or len(named) == count)
        return named if fits else []

    def _groups_just_named(self, tok: Token) -> list[str]:
        """The groups named before ``tok`` in its own sentence, or else in the sentence before it."""
        sent = tok.sent
        stretches = [(sent.start, tok.i)]
        if sent.start > 0:
            before = tok.doc[sent.start - 1].sent
            stretches.append((before.start, before.end))
        for start, end in stretches:
            named = [e for e in self.entities_in(tok.doc[start:end]) if self.type_of(e) in _SET_KINDS]
            if named:
                return named
        return []

    def named_group(self, tok: Token) -> str | None:
        """'the Kurdish YPG militia', 'the Islamic State group': a group noun whose name sits inside its phrase."""
        if tok.lemma_.lower() not in lexicon.speech().group_nouns:
            return None
        named = {self.token_entity[c.i] for c in tok.children if c.dep_ == "compound" and c.i in self.token_entity}
        named = {e for e in named if self.type_of(e) in GROUPISH}
        return next(iter(named)) if len(named) == 1 else None

    def acting_for(self, tok: Token) -> str | None:
        """'Isis fighters', 'the Front's militants', 'Turkish troops', 'fighters of (from) the Front': whom they act for.

        Only plural nouns of people or arms (``acting_nouns``) stand for their
        actor; "a Front official" is a person, not the Front.
        """
        if tok.lemma_.lower() not in lexicon.relations().acting_nouns or tok.tag_ not in ("NNS", "NNPS", "NN"):
            return None
        if tok.tag_ == "NN" and tok.lemma_.lower() not in ("police", "army", "artillery", "aircraft", "personnel"):
            return None
        found: list[str] = []
        for child in tok.children:
            eid = None
            if child.dep_ == "poss":
                eid = self.token_entity.get(child.i) or (self._pronoun(child, None) if child.tag_ == "PRP$" else None)
            elif child.dep_ in ("compound", "nmod", "amod"):
                eid = self.token_entity.get(child.i) or (self.country(child.text) if child.dep_ != "nmod" else None)
            elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
                eid = next((self.token_entity.get(o.i) for o in child.children if o.dep_ == "pobj"), None)
                if child.lower_ == "from" and self.type_of(eid) == "PLACE":
                    eid = None  # "fighters from Tarsh", "recruits from Belgium": where they come from, not whose
            if eid is not None and eid not in found and self.type_of(eid) != "MEDIA":
                found.append(eid)
        return found[0] if len(found) == 1 else None  # two actors named on one noun: refuse to guess

    def describe(self, tok: Token) -> str | None:
        """A definite description headed by ``tok`` → the entity it describes."""
        words = lexicon.speech()
        lemma = tok.lemma_.lower()
        kinds: frozenset[EntityType] | None = None
        if lemma in words.person_nouns and tok.tag_ in ("NNS", "NNPS"):
            if not _holds_office(lemma):
                return None  # "the activists", "the residents" belong to no body named in the article
            kinds = frozenset({"ARMED_GROUP", "ORGANIZATION"})  # "the militants", "the officials": their body
            body = self._of_group(tok)
            if body is not None:
                return body  # "leaders of the Front"
        elif lemma in words.person_nouns:
            kinds = frozenset({"PERSON"})
        elif lemma in words.group_nouns:
            kinds = frozenset({"ARMED_GROUP"}) if armed_description(tok) else frozenset({"ARMED_GROUP", "ORGANIZATION"})
        elif lemma in words.outlet_nouns:
            kinds = frozenset({"ORGANIZATION", "MEDIA"})
        phrase = phrase_of(tok)
        by_text = self._descriptions.get(fold(phrase)) or self._descriptions.get(fold(_without_article(phrase)))
        if by_text is not None and (kinds is None or self.type_of(by_text) in kinds):
            return by_text
        if kinds is None or not _is_definite(tok) or any(after_stance_prefix(c) for c in tok.children):
            return None  # "the anti-Isis coalition" is not Isis, nor the last group named
        proper = self._unlinked_proper_words(tok)
        if proper:  # "the Hadar militia" is the group those words name, if an earlier one bears them, else its own
            return self.named_like(tok.i, proper, kinds)
        cues = {lemma} | {
            c.lower_
            for c in tok.children
            if c.dep_ in ("amod", "compound") and len(c.text) > 3 and not after_stance_prefix(c)
        }
        named = self.named_like(tok.i, cues, kinds)
        if named is not None:
            return named
        if "PERSON" in kinds:
            return self.nearest_before(tok.i, kinds)
        return self.salient_before(tok.i, kinds)

    def _of_group(self, tok: Token) -> str | None:
        """The group named by the 'of' phrase on ``tok`` ("leaders of the Front", "officials of the Council")."""
        objects = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        named = [self.token_entity.get(o.i) for o in objects if o.dep_ == "pobj"]
        return named[0] if len(named) == 1 and self.type_of(named[0]) in _SET_KINDS else None

    def _unlinked_proper_words(self, tok: Token) -> set[str]:
        """The proper-name words on ``tok`` that are no mention of ours ("Hadar" in "the Hadar militia").

        Such words make the phrase a name: it can only be an earlier entity whose
        name has them (a mention the model missed), never just the last group.
        """
        return {
            c.lower_
            for c in tok.children
            if c.dep_ == "compound"
            and c.pos_ == "PROPN"
            and c.text[:1].isupper()  # "the jihadist organisation": a lower-case word the tagger called proper
            and c.i not in self.token_entity
            and not is_demonym(c.text)
        }

    def _pronoun(self, tok: Token, prefer: str | None) -> str | None:
        lower = tok.lower_
        if lower in _PERSON_PRONOUNS:
            types: frozenset[EntityType] = frozenset({"PERSON"})
        elif lower in _GROUP_PRONOUNS:
            types = GROUPISH | {"PLACE"} if lower in ("it", "its", "itself") else GROUPISH
        else:
            return None
        wanted = PRONOUNS.get(lower)
        skip = frozenset(e for e, g in self.gender.items() if wanted is not None and g != wanted)
        if tok.dep_ == "dobj" and not lower.endswith(("self", "selves")):
            # "the Front disowned it": an object pronoun is not its own clause's subject (that would be "itself")
            subject = _clause_subject_entity(self, tok)
            skip = skip | {subject} if subject is not None else skip
        if lower == "their" and self._unnamed_people_before(tok):
            return None  # "the Front arrested the militants after capturing their leader": two antecedents fit
        if tok.dep_ == "poss":
            # "Erdoğan repeated his insistence": a possessive binds to its own clause's subject first.
            subject = _clause_subject_entity(self, tok)
            if subject is not None and self.type_of(subject) in types and subject not in skip:
                return subject
        fits = prefer is not None and self.type_of(prefer) in types and prefer not in skip
        if prefer is not None and fits and (wanted is None or self.gender.get(prefer) == wanted):
            return prefer
        if wanted is not None:  # a person the article marks with this gender beats an unmarked one
            unmarked = frozenset(e for e in self.by_id if self.gender.get(e) != wanted)
            marked = self.nearest_before(tok.i, types, skip=unmarked)
            if marked is not None:
                return marked
        if fits:
            return prefer
        if lower in ("we", "our", "us"):
            # "we" in a person's words is the body the article says they speak for or belong to
            own = self._speaks_for.get(prefer) if prefer is not None else None
            return own or self.salient_before(tok.i, GROUPISH)
        kinds = types - {"PLACE"} if lower in ("they", "their") else types
        return self.nearest_before(tok.i, kinds, subjects_first=True, skip=skip)

    def _unnamed_people_before(self, tok: Token) -> bool:
        """Does the sentence name, before ``tok``, plural people or a group no one is said to own ("the militants")?

        A "their" after them may be theirs as well as a named actor's: the
        possessive is then left unresolved (refuse to guess).
        """
        rel = lexicon.relations()
        nouns = rel.acting_nouns | rel.generic_heads | lexicon.speech().group_nouns
        return any(
            t.tag_ in ("NNS", "NNPS")
            and t.lemma_.lower() in nouns
            and self.token_entity.get(t.i) is None
            and self.acting_for(t) is None
            and not any(c.dep_ in ("poss", "prep", "compound") for c in t.children)  # "members of the group"
            for t in tok.doc[tok.sent.start : tok.i]
        )


def _affiliations(entities: list[Entity]) -> dict[str, str]:
    """Person → the one group or organisation named in their descriptions ("a spokesman for the Front")."""
    groups = [(e.id, fold(n)) for e in entities if e.type in GROUPISH for n in (e.name, *e.aliases) if len(n) > 2]
    out: dict[str, str] = {}
    for person in (e for e in entities if e.type == "PERSON"):
        text = f" {fold(' '.join(person.descriptions))} "
        named = {g for g, name in groups if f" {name} " in text}
        if len(named) == 1:
            out[person.id] = named.pop()
    return out


def armed_description(tok: Token) -> bool:
    """'the jihadist organisation', 'the terrorist group': a group noun whose qualifier says it is an armed group."""
    qualifiers = lexicon.relations().designation_qualifiers
    return tok.lemma_.lower() in lexicon.speech().group_nouns and any(
        c.dep_ in ("amod", "compound") and c.lower_ in qualifiers for c in tok.children
    )


def _holds_office(lemma: str) -> bool:
    """Do people called ``lemma`` act for a body: its members, officials, leaders, spokesmen (not its activists)?"""
    rel = lexicon.relations()
    return lemma in rel.acting_nouns or (lemma in rel.roles.words and lemma not in rel.roles.professions)


def _set_description(tok: Token) -> tuple[bool, int | None]:
    """Is ``tok`` a plural group noun with only a definite determiner or a count ("these groups", "both
    militias"), and the count it says, if any?  Anything else on it ("the armed groups in the north") makes
    it a kind, not a list just named."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in lexicon.speech().group_nouns:
        return False, None
    count, definite = None, False
    for child in tok.children:
        lower = child.lower_
        if child.dep_ in ("det", "predet") and lower in _PLURAL_DETERMINERS:
            definite = True
            count = _COUNTS.get(lower, count)
        elif child.dep_ == "nummod" and lower in _COUNTS:
            count = _COUNTS[lower]
        elif child.dep_ in ("amod", "compound", "nmod", "poss", "nummod", "det", "predet", "prep", "relcl", "acl"):
            return False, None
    return definite, count


def _names_subject(tok: Token) -> bool:
    """'Isis fighters have taken …', "the Front's militants attacked …": the actor named on a subject is its topic."""
    return (
        tok.dep_ in ("compound", "poss")
        and tok.head.dep_ in ("nsubj", "nsubjpass")
        and tok.head.lemma_.lower() in lexicon.relations().acting_nouns
    )


def after_stance_prefix(tok: Token) -> bool:
    """'anti-Isis', 'pro-Assad': the name after the prefix is whom the phrase is for or against, not what it is."""
    doc = tok.doc
    prefixes = lexicon.relations().stance_prefixes
    return tok.i >= 2 and doc[tok.i - 1].text in ("-", "–") and doc[tok.i - 2].lower_ in prefixes


def _clause_subject_entity(index: EntityIndex, tok: Token) -> str | None:
    """The entity of the subject of the clause ``tok`` sits in, for binding its pronoun.

    A verb without a subject of its own ("aimed at ending its conflict", "vowed to disown it") takes
    the subject of the clause that governs it; a subject that names no entity stands for its possessor
    ("Norland's approach would be to end its conflict": Norland's).
    """
    verb = tok
    for _ in range(_BINDING_CLIMB):
        while verb.dep_ != "ROOT" and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
        if subject is not None:
            owners = [c for c in subject.children if c.dep_ == "poss" and c.tag_ != "PRP$"]
            owner = index.named(owners[0]) if len(owners) == 1 else None
            return index.named(subject) or owner
        if verb.dep_ == "ROOT" or verb.tag_ not in _NON_FINITE or verb.dep_ not in _CONTROLLED:
            return None
        verb = verb.head
    return None


def _is_definite(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in tok.children) or any(
        c.dep_ == "poss" for c in tok.children
    )


def _without_article(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return rest if first.lower() in ("a", "an", "the") else phrase


def core_span(tok: Token) -> Span:
    """The core noun phrase headed by ``tok``: determiners, modifiers, coordination and prepositional complements.

    Clauses, appositions and parentheses hanging off the head are left out,
    so "the group's media representative speaking to the author" gives "the
    group's media representative".
    """
    left, right = tok.left_edge.i, tok.i
    for child in tok.rights:
        if child.dep_ not in ("prep", "compound", "amod", "nmod", "nummod", "case", "cc", "conj"):
            break
        right = max(right, child.right_edge.i)
    doc = tok.doc
    while left < tok.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > tok.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return doc[left : right + 1]


def phrase_of(tok: Token) -> str:
    return core_span(tok).text


def entity_index(doc: Doc, entities: list[Entity]) -> EntityIndex:
    """The ``EntityIndex`` of ``doc`` over ``entities``, built once and shared by attributions and claims."""
    cached = doc.user_data.get("claimgraph.entity_index")
    if cached is not None and cached[0] is entities:
        index: EntityIndex = cached[1]
        return index
    index = EntityIndex(doc, entities)
    doc.user_data["claimgraph.entity_index"] = (entities, index)
    return index
