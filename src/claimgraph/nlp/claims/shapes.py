"""Noun-phrase shapes that carry a relation without a relation verb.

* coalition: "Y of the Z coalition" → Y part_of Z;
* stronghold: "the X stronghold of Y", "X's stronghold Y" → X operates_in Y ("Y, the capital of X" → based_in);
* backing: "US-backed X" → X allied_with US;
* designation: "X is (considered) a terrorist organization", "X, a proscribed terrorist group";
* campaign: "Turkey launched a military campaign in Afrin", "the offensive against X",
  "the campaign to defeat X"; "X lost control of Tarsh" (operates_in, past); "X's assault on
  Tarsh" (a town attacked is a place operated in, as the verb "attacked Tarsh" says);
* forces: "US troops in Syria", "X has fighters in Y", "X militants in Y", "members of X were
  meeting in Y" → operates_in;
* government: "the Syrian government of Bashar al-Assad" → leader_of;
* located: "the YPG in Syria" → operates_in;
* described in a place: "X, the largest group in Tarsh", "X is one of the militias in Tarsh" → operates_in;
* supply: "X sent weapons to Y", "Y received funding from X" → allied_with.

Each is a function of the ``FrameReader`` (for argument lookup and claim
building) and the trigger token.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.model import Predicate
from claimgraph.nlp.claims.frames import FrameReader, RawClaim
from claimgraph.nlp.entities.coref import armed_description

_LOCATED_PREPS = frozenset({"in", "inside", "across", "throughout"})
_GROUPISH = frozenset({"ARMED_GROUP", "ORGANIZATION"})
_FIRST_PERSON = frozenset({"we", "our", "us"})


def read(reader: FrameReader, tok: Token, lemma: str) -> list[RawClaim]:
    """Every shape whose trigger ``tok`` is."""
    rel, out = reader.rel, []
    if tok.pos_ == "NOUN":
        word = tok.lower_  # surface forms in the lists cover plurals the lemmatizer misreads ("bases" → "basis")
        if lemma in rel.coalition_nouns:
            out += coalition(reader, tok)
        if lemma in rel.stronghold_nouns or word in rel.stronghold_nouns:
            out += stronghold(reader, tok)
        if lemma in rel.designation_heads:
            out += designation(reader, tok)
        if lemma in rel.campaign_nouns:
            out += campaign(reader, tok)
        if lemma in rel.government_nouns:
            out += government(reader, tok)
        if lemma in rel.generic_heads:
            out += described_in(reader, tok)
        if lemma in rel.supplies.nouns and tok.dep_ == "dobj":
            out += supply(reader, tok)
        if (lemma in rel.force_nouns or word in rel.force_nouns) and tok.tag_ == "NNS":
            out += forces(reader, tok)
        elif lemma in rel.acting_nouns and tok.tag_ == "NNS":
            out += forces(reader, tok, by_nationality=False)
    elif tok.dep_ == "amod" and tok.lower_ in rel.stronghold_nouns:
        out += stronghold(reader, tok)  # "the Front's stronghold Tarsh", the noun read as a modifier
    if lemma in rel.backing and tok.tag_ == "VBN" and _modifies(tok):
        out += backing(reader, tok, rel.backing[lemma])
    if reader.index.named(tok):
        out += located(reader, tok)
    return out


def coalition(reader: FrameReader, noun: Token) -> list[RawClaim]:
    """Y of the Z coalition → Y part_of Z."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return []
    member = reader.index.named(noun.head.head)
    names = [reader.index.named(c) for c in noun.children if c.dep_ in ("compound", "nmod", "amod")]
    whole = next((n for n in names if n), None)
    if member is None or whole is None:
        return []
    return reader.make([member], "part_of", [(whole, None)], noun)


def stronghold(reader: FrameReader, noun: Token) -> list[RawClaim]:
    """The X stronghold of Y / Y, the X stronghold → X operates_in Y (based_in for a capital or headquarters)."""
    index = reader.index
    # "the Front's stronghold Tarsh": the noun names the place right after it, which takes the possessor
    before_name = noun.dep_ in ("compound", "amod") and index.type_of(index.named(noun.head)) == "PLACE"
    owners = [*noun.children, *(c for c in noun.head.children if c.dep_ == "poss" and before_name)]
    holders = [index.resolve(c) for c in owners if c.dep_ in ("poss", "compound")]
    holder = next((h for h in holders if h), None)
    if holder is None and (noun.dep_ == "appos" or before_name):
        holder = _holder_after_of(reader, noun)  # "Tarsh, the de facto capital of the Front('s caliphate)"
    if holder is None:
        return []
    places = [o for p, o in reader.prep_objects(noun) if p in ("of", "in")]
    if noun.dep_ == "appos" or before_name:  # "Raqqa, its capital in Syria": the apposed name, not where it lies
        places = [noun.head, *(o for p, o in reader.prep_objects(noun) if p == "of")]
    objects = [item for place in places for item in reader.objects(place)]
    # "Raqqa, its de facto capital": where it is based; several bases are a presence, not a seat
    seat = noun.lemma_.lower() in reader.rel.seat_nouns and noun.tag_ != "NNS"
    out = reader.make([holder], "based_in" if seat else "operates_in", objects, noun)
    if (noun.dep_ == "appos" or before_name) and index.type_of(holder) in _GROUPISH:
        # "Raqqa, its capital in Syria": where its seat lies, it operates
        lies = [item for p, o in reader.prep_objects(noun) if p == "in" for item in reader.objects(o)]
        out += reader.make([holder], "operates_in", lies, noun)
    return out


def _holder_after_of(reader: FrameReader, noun: Token) -> str | None:
    """The group after a stronghold noun's 'of' ("the capital of the Front"), or the group owning what follows it
    ("the capital of the Front's caliphate"); a place there says where the stronghold lies, not whose it is."""
    index = reader.index
    for prep, obj in reader.prep_objects(noun):
        if prep != "of":
            continue
        owners = [obj, *(c for c in obj.children if c.dep_ == "poss")]
        groups = [e for e in map(index.resolve, owners) if e and index.type_of(e) in _GROUPISH]
        if groups:
            return groups[0]
    return None


def _modifies(participle: Token) -> bool:
    """A participle modifying a noun, alone or as the second of two ("led by X and backed by Y")."""
    return participle.dep_ in ("amod", "compound", "acl") or (
        participle.dep_ == "conj" and participle.head.dep_ == "acl"
    )


def backing(reader: FrameReader, participle: Token, predicate: Predicate) -> list[RawClaim]:
    """US-backed X, or X, an alliance (led by Y and) backed by the US → X allied_with US."""
    index = reader.index
    clause = participle.head if participle.dep_ == "conj" else participle
    backed_tok = clause.head
    if clause.dep_ == "acl" and backed_tok.dep_ == "appos":
        backed_tok = reader.before_apposition(backed_tok) or backed_tok
    backed = index.named(backed_tok) or _described_name(reader, backed_tok)
    modifiers = [c for c in participle.children if c.dep_ in ("npadvmod", "compound", "nmod")]
    agents = [o for p, o in reader.prep_objects(participle) if p == "by"] if clause.dep_ == "acl" else []
    backers = [index.named(c) or index.country(c.text) for c in modifiers + agents]  # "Turkish-backed"
    if backed is None:
        return []
    return reader.make([backed], predicate, [(b, None) for b in backers if b], participle, presupposed=True)


def _described_name(reader: FrameReader, noun: Token) -> str | None:
    """'X, a Turkish-backed militia', 'X is an Iranian-backed group': the name a generic group noun is said of.

    Only a generic head ("militia", "group", "faction"): "a US-backed
    offensive" names no one the backing is of.
    """
    if noun.lemma_.lower() not in reader.rel.generic_heads:
        return None
    named = reader.apposed(noun)
    if named is None and noun.dep_ == "attr":
        named = reader.subject_token(noun)
    return reader.index.named(named) if named is not None else None


def designation(reader: FrameReader, noun: Token) -> list[RawClaim]:
    """X is (considered) a terrorist organization / X, a proscribed terrorist group."""
    qualifiers = [
        c for c in noun.children if c.dep_ in ("amod", "compound") and c.lower_ in reader.rel.designation_qualifiers
    ]
    if not qualifiers:
        return []
    head, apposed = noun.head, reader.apposed(noun)
    if noun.dep_ == "appos" or apposed is not None:
        subject_tok: Token | None = apposed or head
    elif noun.dep_ in ("attr", "oprd", "ccomp", "dobj") and head.lemma_.lower() in reader.rel.designation_verbs:
        # "Egypt considers X a terrorist group": X is the verb's object or the small clause's subject;
        # "Y designated X a terrorist group", "X was designated a terrorist group": the parser makes the
        # designation a second object, the designated the first one or the passive subject
        roles = ("nsubj", "dobj", "nsubjpass")
        small = [c for c in (*noun.children, *head.children) if c.dep_ in roles and c.i < noun.i]
        named = [c for c in small if (c.i > head.i or c.dep_ == "nsubjpass") and reader.index.named(c)]
        fallback = reader.subject_token(noun) if noun.dep_ != "dobj" else None
        subject_tok = named[0] if named else fallback
    elif noun.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in reader.rel.designation_verbs:
        verb = head.head
        subject_tok = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if subject_tok is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
            subject_tok = verb.head  # "X, proscribed in Y as a terrorist organisation"
    else:
        # "a Jabhat al-Nusra terrorist group": the name inside the phrase is what it designates
        # ("an Isis terror cell" is a part of Isis, not Isis: the stronghold nouns' branches and cells are left out)
        named = [c for c in noun.children if c.dep_ in ("compound", "nmod", "amod") and reader.index.named(c)]
        whole = noun.lemma_.lower() not in reader.rel.stronghold_nouns
        subject_tok = named[0] if whole and named and named[0].i < min(q.i for q in qualifiers) else None
    if subject_tok is None:
        return []
    eid = reader.index.resolve(subject_tok, prefer=reader.speaker(subject_tok))
    if eid is None:
        return []
    literal = noun.doc[min(q.i for q in qualifiers) : noun.i + 1].text
    return reader.make([eid], "designated_as", [(None, literal)], noun)


def campaign(reader: FrameReader, noun: Token) -> list[RawClaim]:
    """'Turkey launched a campaign in Afrin' (operates_in), 'the offensive against X' (rival_of)."""
    rel, index = reader.rel, reader.index
    actors: list[str] = []
    for child in noun.children:
        if child.dep_ == "poss":
            eid = index.resolve(child)
            actors += [eid] if eid else []
    if not actors:
        actors = [e for e, _ in reader.modifiers(noun) if e]
    carried = noun.dep_ == "dobj" and noun.head.lemma_.lower() in rel.campaign_verbs
    # "X lost control of Tarsh", "ceded its grip on Tarsh": the loser held the place until then
    lost = noun.dep_ == "dobj" and noun.head.lemma_.lower() in rel.events.lose_verbs
    places_only = False
    if not actors and (carried or lost):
        actors = reader.subjects(noun, carried=True)
    claimed = _claimed(reader, noun)
    if not actors and claimed is not None:  # "the Front claimed responsibility for the attack in Tarsh"
        actors = reader.subjects(claimed, carried=True)
    taking_part = None if actors else _taking_part(reader, noun)
    if taking_part is not None:
        actors = reader.subjects(taking_part, carried=taking_part.dep_ == "dobj")
    phrases = list(reader.prep_objects(noun))
    if carried:  # "launched a campaign in Afrin": the phrase may hang off the verb
        phrases += [(p, o) for p, o in reader.prep_objects(noun.head) if p != "of"]
    elif taking_part is not None:  # "participated in the offensive against X": 'against' on the verb
        phrases += [(p, o) for p, o in reader.prep_objects(taking_part) if rel.campaign_preps.get(p) == "rival_of"]
    elif noun.dep_ in ("dobj", "nsubj"):
        # "strengthen Iran's presence in Syria", "took control of Raqqa", "its sway has grown across Iraq":
        # a place phrase the parser hung on the verb right after the noun, or on the verb the noun is subject of
        phrases += [(p, o) for p, o in reader.prep_objects(noun.head) if _next_to(noun, o) or noun.dep_ == "nsubj"]
        places_only = True
    out = []
    for prep, obj in phrases:
        predicate = rel.campaign_preps.get(prep)
        if predicate is not None:
            objects = list(reader.objects(obj))
            if predicate == "operates_in" or not places_only or obj.head.head.i == noun.i:
                made = reader.make(actors, predicate, objects, noun)
                for raw in made if lost and predicate == "operates_in" else ():
                    raw.past = True
                out += made
            if predicate == "rival_of":  # "the Front's attack on Tarsh": attacking a town is operating in it
                towns = [(e, t) for e, t in objects if index.type_of(e) == "PLACE" and not index.is_country(e or "")]
                out += reader.make(actors, "operates_in", towns, noun) if towns else []
    clauses = [*noun.children, *(noun.head.children if carried else ())]
    for purpose in clauses:  # "the campaign to defeat Isis", "led a campaign to oust X"
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in purpose.children)
        if infinitive and purpose.lemma_.lower() in rel.campaign_purpose_verbs:
            targets = [item for c in purpose.children if c.dep_ == "dobj" for item in reader.objects(c)]
            out += reader.make(actors, "rival_of", targets, noun)
    return out


def supply(reader: FrameReader, noun: Token) -> list[RawClaim]:
    """'X sent weapons to Y', 'Y received funding from X', 'X gave Y weapons' → the two are allied."""
    supplies, verb = reader.rel.supplies, noun.head
    lemma = verb.lemma_.lower()
    if lemma in supplies.give_verbs:
        preps = supplies.give_preps
    elif lemma in supplies.receive_verbs:
        preps = supplies.receive_preps
    else:
        return []
    others = [o for carrier in (verb, noun) for p, o in reader.prep_objects(carrier) if p in preps]
    for dative in (c for c in verb.children if c.dep_ == "dative"):  # "sent weapons to the Front"
        others += [o for o in dative.children if o.dep_ == "pobj"] if dative.lower_ in preps else [dative]
    objects = [item for other in others for item in reader.objects(other)]
    return reader.make(reader.subjects(noun, carried=True), "allied_with", objects, noun) if objects else []


def _taking_part(reader: FrameReader, noun: Token) -> Token | None:
    """'X took part in the offensive', 'X troops were deployed in the fight', 'X, a partner in the war': the word
    whose subject takes part in the campaign ``noun``, or None.

    The campaign noun follows the 'in' of a participation verb or noun
    (``participation`` in lexicons/relations.json), or of a verb whose object
    is such a noun ("took part in", "played a role in").  Being killed or
    wounded in a battle is no taking part in it.
    """
    rel = reader.rel
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    head = noun.head.head
    lemma = head.lemma_.lower()
    if head.pos_ == "VERB":
        if lemma in rel.participation_verbs:
            return head
        part = [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in rel.participation_nouns]
        return part[0] if part else None
    return head if head.pos_ == "NOUN" and lemma in rel.participation_nouns else None


def _claimed(reader: FrameReader, noun: Token) -> Token | None:
    """'claimed responsibility for the attack': the responsibility noun that a claiming verb carries, or None."""
    rel = reader.rel
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    owned = noun.head.head
    verb = owned.head
    if owned.lemma_.lower() in rel.responsibility_nouns and owned.dep_ == "dobj":
        return owned if verb.lemma_.lower() in rel.responsibility_verbs else None
    return None


def described_in(reader: FrameReader, noun: Token) -> list[RawClaim]:
    """'X, the largest group in Tarsh', 'X is one of the militias in Tarsh': X operates in the place.

    The group noun is said of a name: in apposition to it, or as the
    predicate of a clause whose subject it is (through 'one of').  Only a
    place after 'in', 'across', 'throughout' or 'inside' on the noun itself.
    """
    index = reader.index
    places = [o for p, o in reader.prep_objects(noun) if p in _LOCATED_PREPS]
    objects = [item for place in places for item in reader.objects(place)]
    objects = [o for o in objects if o[0] is not None and index.type_of(o[0]) == "PLACE"]
    if not objects or index.named(noun):
        return []
    said = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        said = noun.head.head  # "one of the militias in Tarsh"
    subject = reader.subject_token(said) if said.dep_ == "attr" else reader.apposed(said)
    eid = index.named(subject) if subject is not None else None
    if eid is None or index.type_of(eid) not in _GROUPISH:
        return []
    return reader.make([eid], "operates_in", objects, noun)


def _next_to(noun: Token, obj: Token) -> bool:
    """Does the prepositional phrase of ``obj`` open right after the phrase ``noun`` heads?"""
    return obj.head.i == noun.right_edge.i + 1


def forces(reader: FrameReader, noun: Token, *, by_nationality: bool = True) -> list[RawClaim]:
    """'US troops in Syria', 'the group has 30,000 fighters in Iraq' → the actor operates_in the place.

    The other people who act for an actor ('Front militants in Tarsh', 'the
    Front's members in Tarsh') put it there only when it is named: a
    nationality before them ('British jihadists in Syria') says where they
    come from, not which state acts.
    """
    rel, index = reader.rel, reader.index
    actors = [e for c in noun.children if c.dep_ == "poss" for e in [_first_person(reader, c) or index.resolve(c)] if e]
    if by_nationality:
        actors = actors or [e for e, _ in reader.modifiers(noun) if e]
    else:
        actors = actors or [e for e in (index.named(t) for t in noun.doc[noun.left_edge.i : noun.i]) if e]
    # "members of the Front" (a nationality word is the only reading the name before the noun may not have)
    actors = actors or [e for p, o in reader.prep_objects(noun) if p == "of" for e in [index.named(o)] if e]
    carried = noun.dep_ == "dobj" and noun.head.lemma_.lower() in rel.force_verbs
    subject = reader.subject_token(noun, carried=True) if carried and not actors else None
    # "the organisation" is too loose a guess here; "the jihadist organisation" names the kind of group it takes up
    if subject is not None and (index.named(subject) or armed_description(subject)):
        actors = reader.subjects(noun, carried=True)
    elif subject is not None and (speaking := _first_person(reader, subject)) is not None:
        actors = [speaking]  # "'We have fighters in Tarsh,' the Front's spokesman said"
    # "members of the Front were meeting in Tarsh": what the people do somewhere, they do for their group there;
    # "the Front's fighters are in Tarsh": where they are, the group is
    acted = noun.dep_ in ("nsubj", "nsubjpass") and (noun.head.pos_ == "VERB" or noun.head.lemma_ == "be")
    phrases = [*reader.prep_objects(noun), *(reader.prep_objects(noun.head) if carried or acted else ())]
    places = [o for p, o in phrases if p in _LOCATED_PREPS]
    objects = [item for place in places for item in reader.objects(place)]
    return reader.make(actors, "operates_in", objects, noun)


def _first_person(reader: FrameReader, pronoun: Token) -> str | None:
    """'we', 'our' in the words of a speaker: the body the speaker is or speaks for ("a Front spokesman said"), else
    None; without a speaker the pronoun is left to the coreference's guesses, which are too loose here."""
    speaker = reader.speaker(pronoun) if pronoun.lower_ in _FIRST_PERSON else None
    body = reader.index.resolve(pronoun, prefer=speaker) if speaker is not None else None
    return body if reader.index.type_of(body) in _GROUPISH | {"PLACE"} else None


def government(reader: FrameReader, noun: Token) -> list[RawClaim]:
    """The (Syrian) government of Bashar al-Assad → Assad leader_of the government it names or its country."""
    index = reader.index
    governed = index.named(noun) or reader.state_of(noun)
    if governed is None:
        return []
    rulers = [index.named(o) for p, o in reader.prep_objects(noun) if p == "of"]
    people = [(r, None) for r in rulers if r is not None and index.type_of(r) == "PERSON"]
    return [claim for person, _ in people[:1] for claim in reader.make([person], "leader_of", [(governed, None)], noun)]


def located(reader: FrameReader, name: Token) -> list[RawClaim]:
    """'the YPG in Syria': a group named with the place it is in."""
    index = reader.index
    group, rng = index.named(name), index.mention_range(name)
    if group is None or rng is None or index.type_of(group) not in _GROUPISH or name.i != rng[1] - 1:
        return []

    def is_place(tok: Token) -> bool:  # a named place, or a part of one ("in Turkey's south-east")
        return index.type_of(index.named(tok)) == "PLACE" or reader.place_named(tok) is not None

    places = [o for p, o in reader.prep_objects(name) if p in _LOCATED_PREPS and is_place(o)]
    after = _after_parenthesis(name)
    if not places and after is not None and after.lower_ in _LOCATED_PREPS and after.head.pos_ in ("NOUN", "PROPN"):
        # "the YPG in Syria and the PKK in Turkey", "the Front (VF) in Syria": the parser hung the phrase elsewhere
        place = next((o for o in after.children if o.dep_ == "pobj"), None)
        places += [place] if place is not None and is_place(place) else []
    located_in = [
        claim
        for place in places
        for claim in reader.make([group], "operates_in", list(reader.objects(place)), place, presupposed=True)
    ]
    return located_in + _seated_at(reader, name, group)


def _seated_at(reader: FrameReader, name: Token, body: str) -> list[RawClaim]:
    """'the Centre for Border Studies at Tallin University': an organisation named at another is a part of it."""
    index = reader.index
    if index.type_of(body) != "ORGANIZATION":
        return []
    rng = index.mention_range(name)
    words = name.doc[rng[0] : rng[1]] if rng is not None else [name]  # "the Centre for X at Y": 'at' on "Centre"
    # 'at' as prose writes it: "KANSAS CITY AT CLEVELAND" in a fixtures table is a game, not a seat
    objects = [o for word in words for _, o in reader.prep_objects(word) if o.head.text == "at"]
    after = _after_parenthesis(name)
    if not objects and after is not None and after.text == "at":  # "the Centre (CS) at Y": hung elsewhere
        objects = [o for o in after.children if o.dep_ == "pobj"]
    hosts = [
        o for o in objects if index.named(o) not in (None, body) and index.type_of(index.named(o)) == "ORGANIZATION"
    ]
    return [
        claim
        for host in hosts
        for claim in reader.make([body], "part_of", list(reader.objects(host)), host, presupposed=True)
    ]


def _after_parenthesis(name: Token) -> Token | None:
    """The token after ``name``, past a short parenthesis right after it ('the Front (VF) in Tarsh')."""
    doc, j = name.doc, name.i + 1
    if j < len(doc) and doc[j].text == "(":
        close = next((k for k in range(j + 1, min(j + 6, len(doc))) if doc[k].text == ")"), None)
        j = close + 1 if close is not None else j
    return doc[j] if j + 1 < len(doc) else None
