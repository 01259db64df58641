"""Descriptive phrases that characterise an actor without naming it.

"Ahmet Yarlykapov, a senior scientist of the RAS Institute …", "the group
claims to be a Caucasus mujahid group", "The Russian expert adds …": these
are not names, so they are not aliases, but attribution needs them to know
who "the Russian expert" is.  Three shapes are read:

* an appositive right after a name: ", a/an/the …" or ", former …" up to
  the next punctuation, finite verb or relative pronoun;
* "<name> claims to be / is said to be / describes itself as <phrase>";
* a definite description starting a clause ("The Russian expert",
  "the Turkish leader", "the militia"), which refers back to the most recent
  actor of the matching kind (people for roles, groups for group nouns).

A description must fit its entity's type: its head noun says what kind of
thing it describes (a spokesman or a mother is a person, a militia or a
coalition a group, a report or a paper the work of an organisation or an
outlet, a city a place), so ", the paper says" after "Syria" or ", the
spokesman said" after "Raqqa" describe neither.  An appositive that is a
role right before a person's name ("told the Guardian, official YPG
spokesman Nuri Mahmud said") describes that person, not the name before
the comma, and so does a title right before the name ("former Royal
Marine Kosta Scurfield", "Turkish foreign minister Mevlüt Çavuşoğlu").  A
clause-initial definite description followed by a comma and a name ("The
Turkish leader, Recep Tayyip Erdoğan, said") is that person's; one already
given to an actor stays with that actor later in the article.
"""

from __future__ import annotations

from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claimgraph.model import Entity, EntityType
from claimgraph.names import HONORIFICS, fold
from claimgraph.nlp.entities.aliases import Mention

_PERSON_ROLES_WORDS = (
    "expert analyst researcher scientist scholar official spokesman spokeswoman spokesperson leader "
    "president minister commander envoy adviser advisor diplomat ambassador general chief founder cleric "
    "preacher priest journalist reporter correspondent activist lawyer professor"
)
PERSON_ROLES = frozenset(_PERSON_ROLES_WORDS.split())
GROUP_NOUNS = frozenset(
    ["group", "militia", "organisation", "organization", "movement", "faction", "insurgents", "militants"]
)
_PERSON_NOUNS_WORDS = (
    "mother father stepfather stepmother son daughter wife husband widow brother sister cousin uncle aunt "
    "grandfather grandmother child man woman boy girl filmmaker member fellow volunteer student doctor "
    "surgeon teacher worker resident citizen victim prisoner detainee deputy secretary head director officer "
    "soldier marine author writer poet photographer candidate counterpart spokesperson negotiator"
)
PERSON_NOUNS = PERSON_ROLES | frozenset(_PERSON_NOUNS_WORDS.split())
_ORG_GROUP_NOUNS = GROUP_NOUNS | frozenset(
    ["coalition", "alliance", "network", "party", "wing", "rebels", "proxies", "forces", "front", "body"]
)
WORK_NOUNS = frozenset(
    ["report", "paper", "study", "document", "survey", "analysis", "book", "article", "dossier", "briefing"]
)
_PLACE_NOUNS_WORDS = (
    "city town village capital region province country enclave area district territory stronghold border "
    "island port neighbourhood neighborhood"
)
PLACE_NOUNS = frozenset(_PLACE_NOUNS_WORDS.split())
# Which entity types a head noun may describe; a head in none of these lists may describe any type.
_FITS: tuple[tuple[frozenset[str], frozenset[EntityType]], ...] = (
    (PERSON_NOUNS, frozenset({"PERSON"})),
    (_ORG_GROUP_NOUNS, frozenset({"ARMED_GROUP", "ORGANIZATION", "MEDIA"})),
    (WORK_NOUNS, frozenset({"ORGANIZATION", "MEDIA"})),
    (PLACE_NOUNS, frozenset({"PLACE"})),
)
_COURTESY = frozenset(["mr", "mrs", "ms", "miss", "sir", "dr", "lord", "lady"])
TITLE_HEADS = (PERSON_NOUNS | HONORIFICS) - _COURTESY
_QUANTIFIERS = frozenset(["none", "all", "some", "many", "most", "few", "both", "each", "one", "several"])
_STOP_TAGS = frozenset({"VBZ", "VBD", "VBP", "VBG", "MD", "WDT", "WP", "WP$"})
_STOP_TEXT = frozenset({",", ".", ";", ":", "(", ")", '"', "“", "”", "—", "–", "that", "who", "which"})
_CLAIM_VERBS = (
    ("claims", "to", "be"),
    ("claim", "to", "be"),
    ("describes", "itself", "as"),
    ("is", "said", "to", "be"),
)


def fits(phrase: Span, etype: EntityType) -> bool:
    """Can ``phrase`` describe an entity of type ``etype``?  Its head noun decides; pronouns describe nothing."""
    head = phrase.root
    if head.pos_ not in ("NOUN", "PROPN") or head.lower_ in _QUANTIFIERS:
        return False
    return all(etype in types for nouns, types in _FITS if head.lower_ in nouns or head.lemma_.lower() in nouns)


def _phrase(doc: Doc, start: int, limit: int = 14) -> Span | None:
    """The descriptive phrase starting at token ``start``, or None when there is none.

    It runs to the next punctuation, relative pronoun or finite verb ("…
    Anthropology reports that"), or a participle ("… group aiming to").
    """
    end = start + 1
    while end < len(doc) and end - start < limit:
        tok: Token = doc[end]
        if tok.text in _STOP_TEXT or tok.tag_ in _STOP_TAGS:
            break
        end += 1
    return doc[start:end] if end - start > 1 else None


def _appositive(doc: Doc, end: int) -> Span | None:
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    first = doc[end + 1]
    if first.lower_ in ("a", "an", "the") or (first.is_lower and first.pos_ in ("ADJ", "NOUN")):
        return _phrase(doc, end + 1)
    return None


def _claimed(doc: Doc, end: int) -> Span | None:
    words = [t.lower_ for t in doc[end : end + 5]]
    for verb in _CLAIM_VERBS:
        after = end + len(verb)
        if tuple(words[: len(verb)]) == verb and after < len(doc) and doc[after].lower_ in ("a", "an", "the"):
            return _phrase(doc, after)
    return None


@cache
def _definite_matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    matcher.add(
        "definite",
        [
            [
                {"LOWER": "the", "ENT_IOB": "O"},
                {"POS": {"IN": ["ADJ", "PROPN"]}, "OP": "{,4}"},
                {"LOWER": {"IN": sorted(PERSON_ROLES | GROUP_NOUNS)}},
            ]
        ],
        greedy="LONGEST",
    )
    return matcher


def _definite(doc: Doc) -> list[tuple[Span, bool]]:
    """(phrase, is-a-person-role) for clause-initial definite descriptions."""
    found = []
    for _, start, end in _definite_matcher(doc.vocab)(doc):
        clause_initial = doc[start].is_sent_start or doc[start - 1].text in (",", ":", '"', "“")
        if clause_initial and (end == len(doc) or doc[end].lower_ != "of"):
            found.append((doc[start:end], doc[end - 1].lower_ in PERSON_ROLES))
    return found


def _title_before(doc: Doc, k: int) -> Span | None:
    """The title right before the name starting at token ``k`` ("former Royal Marine"), or None."""
    if k == 0 or doc[k - 1].lower_ not in TITLE_HEADS:
        return None
    start = k - 1
    while start > 0 and k - start < 6:
        tok = doc[start - 1]
        if tok.is_punct or tok.ent_type_ == "PERSON" or tok.pos_ not in ("ADJ", "NOUN", "PROPN", "DET"):
            break
        start -= 1
        if tok.pos_ == "DET":
            break
    return doc[start:k]


def _role_before_name(phrase: Span, people: dict[int, int]) -> tuple[Span, int] | None:
    """ "official YPG spokesman Nuri Mahmud": the role and the index of the person mention it introduces."""
    for tok in phrase[1:]:
        i = people.get(tok.idx)
        if i is not None:
            role = phrase.doc[phrase.start : tok.i]  # "the mother of former Royal Marine X" is the mother's
            return (role, i) if role[-1].lower_ in PERSON_NOUNS and not any(t.pos_ == "ADP" for t in role) else None
    return None


def _add(entity: Entity, phrase: str) -> None:
    if phrase not in entity.descriptions:
        entity.descriptions.append(phrase)


def describe(doc: Doc, mentions: list[Mention], groups: list[list[int]], entities: list[Entity]) -> None:
    """Add the descriptions found in ``doc`` to ``entities`` (parallel to ``groups``)."""
    owner = {i: g for g, members in enumerate(groups) for i in members}
    body = sorted((m.start, i) for i, m in enumerate(mentions) if m.field is None)
    people = {start: i for start, i in body if mentions[i].type == "PERSON"}
    for _, i in body:
        span = doc.char_span(mentions[i].start, mentions[i].end, alignment_mode="expand")
        if span is None:
            continue
        for phrase in (_appositive(doc, span.end), _claimed(doc, span.end)):
            if phrase is None:
                continue
            target, text = i, phrase.text
            if (introduced := _role_before_name(phrase, people)) is not None:
                phrase, target = introduced
                text = phrase.text
            if fits(phrase, mentions[target].type):
                _add(entities[owner[target]], text)
        if mentions[i].type == "PERSON" and (title := _title_before(doc, span.start)) is not None:
            _add(entities[owner[i]], title.text)
    for phrase, person in _definite(doc):
        wanted = ("PERSON",) if person else ("ARMED_GROUP", "ORGANIZATION")
        named = (
            people.get(doc[phrase.end + 1].idx) if phrase.end + 1 < len(doc) and doc[phrase.end].text == "," else None
        )
        given = [
            g for g, e in enumerate(entities) if e.type in wanted and fold(phrase.text) in map(fold, e.descriptions)
        ]
        before = [owner[i] for start, i in body if start < phrase.start_char and mentions[i].type in wanted]
        if person and named is not None:
            _add(entities[owner[named]], phrase.text)
        elif given or before:
            _add(entities[(given or before)[-1]], phrase.text)
