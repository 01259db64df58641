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
"""

from __future__ import annotations

from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from claimgraph.model import Entity
from claimgraph.nlp.aliases import Mention

_PERSON_ROLES_WORDS = (
    "expert analyst researcher scientist scholar official spokesman spokeswoman spokesperson leader "
    "president minister commander envoy adviser advisor diplomat ambassador general chief founder cleric "
    "preacher priest journalist reporter correspondent activist lawyer professor"
)
PERSON_ROLES = frozenset(_PERSON_ROLES_WORDS.split())
GROUP_NOUNS = frozenset(
    ["group", "militia", "organisation", "organization", "movement", "faction", "insurgents", "militants"]
)
_STOP_TAGS = frozenset({"VBZ", "VBD", "VBP", "VBG", "MD", "WDT", "WP", "WP$"})
_STOP_TEXT = frozenset({",", ".", ";", ":", "(", ")", '"', "“", "”", "—", "–", "that", "who", "which"})
_CLAIM_VERBS = (
    ("claims", "to", "be"),
    ("claim", "to", "be"),
    ("describes", "itself", "as"),
    ("is", "said", "to", "be"),
)


def _phrase(doc: Doc, start: int, limit: int = 14) -> str | None:
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
    return doc[start:end].text if end - start > 1 else None


def _appositive(doc: Doc, end: int) -> str | None:
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    first = doc[end + 1]
    if first.lower_ in ("a", "an", "the") or (first.is_lower and first.pos_ in ("ADJ", "NOUN")):
        return _phrase(doc, end + 1)
    return None


def _claimed(doc: Doc, end: int) -> str | None:
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


def _definite(doc: Doc) -> list[tuple[int, str, bool]]:
    """(token index, phrase, is-a-person-role) for clause-initial definite descriptions."""
    found = []
    for _, start, end in _definite_matcher(doc.vocab)(doc):
        clause_initial = doc[start].is_sent_start or doc[start - 1].text in (",", ":", '"', "“")
        if clause_initial and (end == len(doc) or doc[end].lower_ != "of"):
            found.append((start, doc[start:end].text, doc[end - 1].lower_ in PERSON_ROLES))
    return found


def describe(doc: Doc, mentions: list[Mention], groups: list[list[int]], entities: list[Entity]) -> None:
    """Add the descriptions found in ``doc`` to ``entities`` (parallel to ``groups``)."""
    owner = {i: g for g, members in enumerate(groups) for i in members}
    body = sorted((m.start, i) for i, m in enumerate(mentions) if m.field is None)
    for _, i in body:
        span = doc.char_span(mentions[i].start, mentions[i].end, alignment_mode="expand")
        if span is None:
            continue
        for phrase in (_appositive(doc, span.end), _claimed(doc, span.end)):
            if phrase and phrase not in entities[owner[i]].descriptions:
                entities[owner[i]].descriptions.append(phrase)
    for token_index, phrase, person in _definite(doc):
        char = doc[token_index].idx
        wanted = ("PERSON",) if person else ("ARMED_GROUP", "ORGANIZATION")
        before = [i for start, i in body if start < char and mentions[i].type in wanted]
        if before and phrase not in entities[owner[before[-1]]].descriptions:
            entities[owner[before[-1]]].descriptions.append(phrase)
