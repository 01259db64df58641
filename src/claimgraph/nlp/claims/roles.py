"""Roles told beside a person's name: the title before it and the apposition after it.

"the Chilean vice-president, Ana Soto", "Norwegian Pres. Ola Berg", "Karl
Moss, a Tallin University expert on insurgency", "Maria Holt, co-chair of the
Peace Council": the role noun says which relation the person holds, and the
name, nationality word or possessor inside the phrase (or, failing those, the
object of 'of', 'at', 'for' or 'with' after the role) says towards whom.

These phrases are read from the tokens around the name rather than from the
parse, which often tears them apart ("the US vice - president , X" comes out
as three attributes of the verb).  The phrase is bounded the way people write
it: a title runs from a determiner or possessor up to the name; an apposition
sits between commas (or the sentence's edge) and is headed by the role, the
last word before its first preposition.  The vocabulary is data
(``roles`` in lexicons/relations.json): role words by predicate, professions
that work only for organisations, multi-word roles, abbreviations, the
deputies' words that make a leader's title a subordinate one, and the
prepositions that name a destination ("ambassador to Chile") rather than an
employer.

Copy that lost its commas runs the apposition on after the name ("said X
Peace Council deputy director"): a body's name right after the person's, then
the role, is read as the apposition would be.

A leader's title with no name beside it ("remarks by X, saying that the
Chilean president …") is read by ``described`` when the sentence names
exactly one person it can stand for, and by ``carried`` when it opens the
next sentence as its subject ("X refused to meet Y. The Chilean president
said …") and takes up the one person there it can stand for.

A role beside a name is the article's presupposition: negation around it does
not deny it, but "former" makes it past and "suspected" hedges it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.model import Predicate
from claimgraph.nlp.claims.frames import OFFICES, FrameReader, RawClaim
from claimgraph.nlp.lexicon import Frame, Roles

_BOUNDARY = frozenset({",", ";", ":", "(", ")", '"', "“", "”", "—", "–"})
_HYPHENS = frozenset({"-", "‐", "‑"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_TITLE_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD", "WDT", "WP", "WP$"})
_PHRASE_LIMIT = 14
_LEADER: Predicate = "leader_of"
_OTHER_PERSON = frozenset({"him", "her"})


def read(reader: FrameReader, tok: Token, lemma: str) -> list[RawClaim]:
    """The roles beside the person mention that ends at ``tok`` (read once per mention)."""
    index = reader.index
    person = index.named(tok)
    rng = index.mention_range(tok)
    if person is None or rng is None or index.type_of(person) != "PERSON" or tok.i != rng[1] - 1:
        return []
    out: list[RawClaim] = []
    titled = (*_title(reader, rng[0]), _of_after(reader, rng[1]))
    for phrase, role, after in (
        titled,
        (*_apposition_before(reader, rng[0]), []),
        (*_apposition_after(reader, rng[1]), []),
        (*_run_on_after(reader, rng[1]), []),
    ):
        if phrase is not None and role is not None:
            out += _claims(reader, person, phrase, role, after)
    return out or _affiliation_after(reader, person, rng[1])


def described(reader: FrameReader, tok: Token, lemma: str) -> list[RawClaim]:
    """'comments by Ana Soto, saying that the Chilean president …': a leader's title with no name beside it.

    A definite title ("the Chilean president", "Chile's president") whose
    country or body is said in the phrase stands for a person the same
    sentence has already named outside the title's own clause; the title is
    then that person's role.  A person named in the title's clause is someone
    else ("X contradicted the Chilean president", "In a letter to X, the
    Chilean president asked"), and so is the speaker of the words it sits in.
    The antecedent must be the only one: two, or none, and the title is left
    unread (refuse to guess), since who holds an office is world knowledge and
    the sentences before are no safer a guide than the article's topic
    (``carried`` reads the one case they are: a title opening the next sentence).
    """
    index, doc = reader.index, tok.doc
    led = _untitled_leader(reader, tok)
    if led is None:
        return []
    clause = tok.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    own = range(clause.left_edge.i, clause.right_edge.i + 1)
    if any(t.lower_ in _OTHER_PERSON for t in doc[own.start : own.stop]):
        return []  # "X arrived, and the Chilean president welcomed him": the pronoun is X, the title someone else
    before = [t for t in doc[tok.sent.start : tok.left_edge.i] if t.i not in own]
    people = [e for e in index.entities_in(before) if index.type_of(e) == "PERSON" and e != reader.speaker(tok)]
    if len(people) != 1:
        return []
    return reader.make(people, _LEADER, [(led, None)], tok, presupposed=True)


def carried(reader: FrameReader, found: list[RawClaim]) -> list[RawClaim]:
    """'X refused to meet Y. The Chilean president said …': a leader's title taking up the sentence before.

    A title that is the subject of its sentence, with no person named before
    it there, continues the topic: it stands for the subject of the sentence
    before when that is a person and the only person named there whom the
    article gives no other office or allegiance (``found``: what the other
    mechanisms read), such as
    an envoy's, a minister's, a group's membership or the leadership of
    somewhere else (``EntityIndex.continued_subject`` abstains otherwise).
    """
    index = reader.index
    offices: dict[str, set[tuple[Predicate, str | None]]] = {}
    for raw in found:
        if raw.predicate in OFFICES and index.type_of(raw.subject) == "PERSON":
            offices.setdefault(raw.subject, set()).add((raw.predicate, raw.object))
    out: list[RawClaim] = []
    for tok in index.doc:
        led = _untitled_leader(reader, tok) if tok.dep_ in ("nsubj", "nsubjpass") else None
        if led is None:
            continue
        before = index.doc[tok.sent.start : tok.left_edge.i]
        if any(index.type_of(e) == "PERSON" for e in index.entities_in(before)):
            continue  # ``described`` reads the sentence's own people
        office = (_LEADER, led)

        def free(person: str, office: tuple[Predicate, str | None] = office) -> bool:
            return not offices.get(person, set()) - {office}

        holder = index.continued_subject(tok, frozenset({"PERSON"}), free)
        if holder is not None and holder != reader.speaker(tok):
            out += reader.make([holder], _LEADER, [(led, None)], tok, presupposed=True)
    for raw in out:
        raw.rule = "carried roles"
    return out


def _untitled_leader(reader: FrameReader, tok: Token) -> str | None:
    """The country or body of a definite leader's title with no name beside it ("the Chilean president"), else None."""
    index, doc = reader.index, tok.doc
    read_role = _role(reader.rel.roles, tok) if tok.pos_ == "NOUN" and index.named(tok) is None else None
    if read_role is None or read_role[0] != _LEADER or tok.dep_ in ("appos", "attr", "oprd", "compound"):
        return None
    if any(c.dep_ == "appos" for c in tok.children) or not any(
        c.dep_ == "poss" or c.lower_ == "the" for c in tok.children
    ):
        return None  # "the president, X": the apposition says who; "a president": no one in particular
    phrase = list(doc[tok.left_edge.i : tok.i + 1])
    if _subordinate(reader, phrase, tok, reader.rel.roles):
        return None
    objects = [e for e in _modifier_objects(reader, phrase, tok, "") if index.type_of(e) != "PERSON"]
    return objects[0] if len(objects) == 1 else None


def _of_after(reader: FrameReader, end: int) -> list[str]:
    """'President X of Chile', 'Foreign Minister X of Chile': the name after 'of' right after the titled name.

    The name must close its phrase ("of Chile's ruling party" names the
    party's owner, not the title's object).
    """
    index, doc = reader.index, reader.index.doc
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return []
    body = doc[end + 2] if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else doc[end + 1]
    eid, rng = index.named(body), index.mention_range(body)
    if eid is None or rng is None or rng[0] != body.i or index.type_of(eid) == "PERSON":
        return []
    following = doc[rng[1]] if rng[1] < len(doc) else None
    closes = following is None or following.is_punct or following.pos_ in ("VERB", "AUX", "ADP", "CCONJ")
    return [eid] if closes and (following is None or following.tag_ != "POS") else []


def _affiliation_after(reader: FrameReader, person: str, end: int) -> list[RawClaim]:
    """'Ana Soto from the Peace Council said', 'Karl Moss of Radio Tallin': the body right after the name employs them.

    Only an organisation, an outlet or (with 'from') an armed group: a place
    after the name is where they are from, and 'of' an armed group may name
    its leader as well as a member.
    """
    index, doc = reader.index, reader.index.doc
    if end + 1 >= len(doc) or doc[end].lower_ not in reader.rel.roles.affiliation_preps:
        return []
    if index.named(doc[end].head) != person:
        return []  # "the release of X from the Front": the phrase says where from, not whose
    body = doc[end + 2] if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else doc[end + 1]
    eid, rng = index.named(body), index.mention_range(body)
    if eid is None or rng is None or rng[0] != body.i:
        return []
    following = doc[rng[1]] if rng[1] < len(doc) else None
    if following is not None and not (following.is_punct or following.pos_ in ("VERB", "AUX", "ADP", "CCONJ")):
        return []  # "Ana Soto of the Council's youth wing": a part of the body, not the body
    kind = index.type_of(eid)
    if kind in ("ORGANIZATION", "MEDIA"):
        predicate: Predicate = "works_for"
    elif kind == "ARMED_GROUP" and doc[end].lower_ == "from":
        predicate = "member_of"
    else:
        return []
    return reader.make([person], predicate, [(eid, None)], doc[end], presupposed=True)


def _claims(reader: FrameReader, person: str, phrase: list[Token], role: Token, after: list[str]) -> list[RawClaim]:
    """The relation the role word holds, towards what its phrase names, else towards ``after`` (the title's 'of X')."""
    roles = reader.rel.roles
    read_role = _role(roles, role)
    if read_role is None or reader.index.named(role) is not None:
        return []  # a role word inside a name ("the Peace President Foundation") is no role
    predicate, frame = read_role
    objects = _modifier_objects(reader, phrase, role, person) or _prep_objects(reader, phrase, role, roles) or after
    subordinate = predicate == _LEADER and _subordinate(reader, phrase, role, roles)
    if predicate == _LEADER and not subordinate and objects and reader.leads_within(role, objects[0]):
        return []
    if not objects and predicate == _LEADER and not subordinate:
        objects, frame = _ruled_locality(reader, role), roles.locality_frame
    if not objects:
        return []
    if subordinate:
        predicate = "member_of" if reader.index.type_of(objects[0]) == "ARMED_GROUP" else "works_for"
        frame = None
    return reader.make([person], predicate, [(objects[0], None)], role, frame=frame, presupposed=True)


def _role(roles: Roles, role: Token) -> tuple[Predicate, Frame | None] | None:
    """The predicate a role word holds, and a frame narrowing its object types (professions)."""
    word = roles.abbreviations.get(role.lower_.rstrip("."), role.lower_)
    doc = role.doc
    before = doc[role.i - 1].lower_ if role.i > 0 else ""
    if (before, word) in roles.compounds:
        return roles.compounds[(before, word)], None
    if word in roles.professions or role.lemma_.lower() in roles.professions:
        return "works_for", roles.profession_frame
    predicate = roles.words.get(word) or roles.words.get(role.lemma_.lower())
    return (predicate, None) if predicate is not None else None


def _ruled_locality(reader: FrameReader, role: Token) -> list[str]:
    """'Mayor X', 'the governor, X': the one town, province or federal state named nearby.

    The title says what kind of place it rules but not which; news names it
    in the same sentence ("Tarsh has welcomed them, Mayor X said") or the one
    before.  The sentence is read first and the one before only when the
    sentence names no such place; two of them in the sentence read leave it
    unknown rather than guessed.  A country is never the object: a state's
    ruler ("President X") is often named beside a foreign one.
    """
    index, doc = reader.index, role.doc
    title = reader.rel.roles.abbreviations.get(role.lower_.rstrip("."), role.lemma_.lower())
    if title not in reader.rel.roles.locality_frame.lemmas:
        return []
    sentence = role.sent
    for span in (sentence, doc[sentence.start - 1].sent if sentence.start > 0 else None):
        if span is None:
            break
        places = {e for e in index.entities_in(span) if index.type_of(e) == "PLACE" and not index.is_country(e)}
        if places:
            return sorted(places) if len(places) == 1 else []
    return []


def _subordinate(reader: FrameReader, phrase: list[Token], role: Token, roles: Roles) -> bool:
    """'vice-president', 'deputy leader', 'emergencies director': a title under the leader's, not the leader's.

    A prefix joined by a hyphen subordinates only when it is a deputy's ("vice-", not "co-"); a plain
    noun before the role names the part of the body the person leads ("the media director").
    """
    start = phrase.index(role)
    before = phrase[:start]
    if any(t.lower_ in roles.deputies for t in before[-4:]):
        return True
    if not before or before[-1].text in _HYPHENS:
        return False
    last = before[-1]
    plain_noun = last.pos_ == "NOUN" and reader.index.named(last) is None and reader.index.country(last.text) is None
    return plain_noun and last.lemma_.lower() not in reader.rel.generic_heads


def _modifier_objects(reader: FrameReader, phrase: list[Token], role: Token, person: str) -> list[str]:
    """Names, nationality words and possessors before the role noun, the leftmost first ('UN Syria envoy': the UN)."""
    index, out = reader.index, []
    before = phrase[: phrase.index(role)]
    if reader.destination_after_unknown(before):
        return []
    for tok in before:
        eid = index.named(tok) or (index.country(tok.text) if tok.pos_ in ("ADJ", "PROPN", "NOUN") else None)
        if eid is not None and eid != person and index.type_of(eid) != "PERSON" and eid not in out:
            out.append(eid)
    return out


def _prep_objects(reader: FrameReader, phrase: list[Token], role: Token, roles: Roles) -> list[str]:
    """The first name after 'of', 'at', 'for' or 'with' that ends its phrase ('director at X', not 'head of X's office')."""
    index = reader.index
    after = phrase[phrase.index(role) + 1 :]
    if not after or after[0].pos_ != "ADP" or after[0].lower_ not in roles.employer_preps:
        return []
    for tok in after[1:]:
        eid = index.named(tok)
        if eid is None:
            if tok.pos_ in ("DET", "ADJ", "NOUN", "PROPN") or tok.text in _HYPHENS:
                continue
            return []
        rng = index.mention_range(tok)
        end = rng[1] if rng is not None else tok.i + 1
        following = tok.doc[end] if end < len(tok.doc) else None
        closes = following is None or following.i > after[-1].i or following.pos_ in ("ADP", "CCONJ", "PUNCT")
        ok = closes and (following is None or following.text not in _POSSESSIVE)
        return [eid] if ok and index.type_of(eid) != "PERSON" else []
    return []


def _title(reader: FrameReader, start: int) -> tuple[list[Token] | None, Token | None]:
    """'Chilean President X', 'Tallin University historian X', 'Pres. X': the title right before the name."""
    doc = reader.index.doc
    if start == 0:
        return None, None
    role = doc[start - 1]
    abbreviated = role.text == "." and start >= 2 and doc[start - 2].lower_ in reader.rel.roles.abbreviations
    if abbreviated:
        role = doc[start - 2]  # "Pres ." split by the tokenizer
    if not _is_role_word(reader, role):
        return None, None
    phrase = [role]
    j = role.i - 1
    while j >= 0 and len(phrase) < 7:
        tok = doc[j]
        if tok.is_sent_end and not abbreviated:
            break
        owner = reader.index.named(tok)
        if owner is not None and reader.index.type_of(owner) == "PERSON":
            break
        if tok.pos_ == "DET" or tok.tag_ == "PRP$":
            break
        if tok.pos_ in _TITLE_POS or tok.text in _HYPHENS or tok.text in _POSSESSIVE or tok.tag_ == "POS":
            phrase.insert(0, tok)
            j -= 1
            continue
        break
    return phrase, role


def _apposition_before(reader: FrameReader, start: int) -> tuple[list[Token] | None, Token | None]:
    """'the Chilean vice-president, X', 'Norway's envoy to the UN, X': a role phrase, a comma, then the name.

    The phrase opens at a determiner, a boundary, or a preposition whose
    object is the role ("praised by Norway's envoy to the UN, X").
    """
    doc = reader.index.doc
    if start < 2 or doc[start - 1].text != ",":
        return None, None
    j = start - 2
    phrase: list[Token] = []
    role_prep = False
    while j >= 0 and len(phrase) < _PHRASE_LIMIT:
        tok = doc[j]
        if tok.text in _BOUNDARY or tok.tag_ in _FINITE or tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
            break
        # "called alarming by Chile's envoy to the UN, X": a preposition whose object is the role opens its phrase
        role_prep = tok.pos_ == "ADP" and any(c.dep_ == "pobj" and _is_role_word(reader, c) for c in tok.children)
        if role_prep:
            break
        phrase.insert(0, tok)
        # "envoy to the UN, X": the determiner opens an inner phrase; "met with the UN envoy, X": it opens the role's
        inner = j > 0 and doc[j - 1].pos_ == "ADP" and tok.head.i != start - 2
        if (tok.pos_ == "DET" and not inner) or tok.is_sent_start:
            break
        j -= 1
    opened = bool(phrase) and (
        phrase[0].pos_ == "DET" or phrase[0].is_sent_start or _after_boundary(doc, phrase[0]) or role_prep
    )
    if not opened:
        return None, None
    return phrase, _head(reader, phrase)


def _apposition_after(reader: FrameReader, end: int) -> tuple[list[Token] | None, Token | None]:
    """'X, a spokesman for the Front,', 'X, Chile's deputy speaker of parliament': a comma, then the role phrase."""
    doc = reader.index.doc
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None, None
    phrase: list[Token] = []
    j = end + 1
    while j < len(doc) and len(phrase) < _PHRASE_LIMIT:
        tok = doc[j]
        if tok.text in _BOUNDARY or tok.tag_ in _FINITE or (tok.is_punct and tok.text not in _HYPHENS):
            break
        if tok.lower_ in ("who", "which", "that") or tok.pos_ == "VERB":
            break
        phrase.append(tok)
        j += 1
    closed = j >= len(doc) or doc[j].text in _BOUNDARY or doc[j].is_punct
    return (phrase, _head(reader, phrase)) if phrase and closed else (None, None)


def _run_on_after(reader: FrameReader, end: int) -> tuple[list[Token] | None, Token | None]:
    """'said X Peace Council deputy director.': a body's name and a role run on after the name, with no comma.

    Copy that lost its commas writes the apposition straight after the name;
    it is read only when a name of a body (not a person) follows the name at
    once and the role closes the phrase (punctuation, a preposition or a
    verb after it), with nothing but nouns and adjectives between.
    """
    index, doc = reader.index, reader.index.doc
    body = index.named(doc[end]) if end < len(doc) else None
    rng = index.mention_range(doc[end]) if body is not None else None
    if body is None or rng is None or index.type_of(body) in (None, "PERSON"):
        return None, None
    j = rng[1]
    while j < len(doc) and j - end < _PHRASE_LIMIT and (doc[j].pos_ in ("NOUN", "ADJ") or doc[j].text in _HYPHENS):
        j += 1
    role = doc[j - 1]
    closed = j >= len(doc) or doc[j].is_punct or doc[j].pos_ in ("ADP", "VERB", "AUX")
    if j == rng[1] or not closed or index.named(role) is not None or not _is_role_word(reader, role):
        return None, None
    return list(doc[end:j]), role


def _after_boundary(doc: Doc, tok: Token) -> bool:
    return tok.i > 0 and doc[tok.i - 1].text in _BOUNDARY


def _head(reader: FrameReader, phrase: list[Token]) -> Token | None:
    """The phrase's head: the last word before its first preposition, when that word is a role."""
    first_prep = next((k for k, t in enumerate(phrase) if t.pos_ == "ADP" and t.text not in _POSSESSIVE), len(phrase))
    if first_prep == 0:
        return None
    head = phrase[first_prep - 1]
    return head if _is_role_word(reader, head) else None


def _is_role_word(reader: FrameReader, tok: Token) -> bool:
    return _role(reader.rel.roles, tok) is not None
