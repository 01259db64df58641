"""Within-document alias grouping: which mentions name the same actor.

One article names an actor many ways: "Syrian Democratic Forces (SDF)"
then "SDF"; "The Caucus Soldier's Group, (Jamaat Jund al-Qawqaz,)"; a
headline that misspells the body ("Caucacus"); "Ahmet Yarlykapov" then
"Yarlykapov"; "Caucasus Emirate" and "Caucasus Emirates".  ``group``
joins mentions (union–find) on the evidence below, strongest first, and
never across incompatible types (a person is not a place):

1. the text between two mentions says they are one name: parentheses and
   appositive parentheses, "known as", "also called", "calling itself",
   "formerly", "a.k.a.";
2. a bare acronym equals the initials of a longer name in the document;
3. both mentions carry the same gazetteer id;
4. the same folded name, up to a plural -s;
5. the same transliteration key, or a near spelling (rapidfuzz);
6. a name minus a leading nationality ("Kurdish People's Protection Units");
7. a surname or given name alone, or a name without its last part, for a
   person named in full (the most recent such person before it);
8. one country under two names ("UK", "Britain"), and one state body under
   two ("Syrian regime", "Syrian government").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from claimgraph.model import EntityType
from claimgraph.nlp.institutions import head_class
from claimgraph.nlp.names import acronym, fold, name_key, tokens
from claimgraph.nlp.places import country_of


@dataclass(frozen=True, slots=True)
class Mention:
    """One recognised name in the body (``field`` None) or the title (``field`` "title")."""

    start: int
    end: int
    text: str
    type: EntityType
    field: str | None = None
    gazetteer_id: str | None = None
    rank: int = 1  # evidence for the type: 3 gazetteer, 2 our rules, 1 the model


ORG_LIKE = frozenset({"ARMED_GROUP", "ORGANIZATION", "MEDIA"})
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "president",
        "father",
        "sheikh",
        "shaikh",
        "imam",
        "general",
        "gen",
        "colonel",
        "col",
        "commander",
        "minister",
        "king",
        "queen",
        "prince",
        "emir",
        "mullah",
        "rev",
        "sir",
        "lord",
        "lady",
    ]
)
_PAREN_OPEN = re.compile(r"\s*,?\s*\(\s*(?:the\s+)?", re.IGNORECASE)
_PAREN_CLOSE = re.compile(r"\s*,?\s*\)")
_ALIAS_CUE = re.compile(
    r"\s*,?\s*(?:(?:also|formerly|previously|now|sometimes|widely|commonly|better)\s+)?"
    r"(?:known\s+as|called|named|dubbed|calling\s+itself|calls\s+itself|a\.?k\.?a\.?|f\.?k\.?a\.?|"
    r"renamed(?:\s+as)?|rebranded\s+as)\s*,?\s*(?:the\s+)?",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")


def compatible(a: EntityType, b: EntityType) -> bool:
    """Can two mentions of these types name one actor?"""
    return a == b or (a in ORG_LIKE and b in ORG_LIKE)


def person_parts(text: str) -> list[str]:
    """Name words of a person without honorifics or Arabic articles ("al-Assad" → "assad")."""
    words = [w for w in tokens(text) if w not in HONORIFICS]
    return [w for w in words if w not in ("al", "el")]


class _Groups:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(j)] = self.find(i)


def _stated_link(a: Mention, b: Mention, text: str) -> bool:
    """Does the text between ``a`` and ``b`` say they are one name?"""
    gap = text[a.end : b.start]
    if _PAREN_OPEN.fullmatch(gap) and _PAREN_CLOSE.match(text, b.end):
        return not (a.type == "PLACE" and b.type == "PLACE")
    return bool(_ALIAS_CUE.fullmatch(gap))


def _plain(m: Mention) -> str:
    """Folded name with a plural -s dropped from its last word."""
    key = fold(m.text)
    return key[:-1] if len(key) > 4 and key.endswith("s") and not key.endswith("ss") else key


def _strip_nationality(m: Mention) -> str | None:
    words = m.text.split()
    if len(words) >= 3 and country_of(words[0]) is not None:
        return fold(" ".join(words[1:]))
    return None


def _same_name(a: Mention, b: Mention) -> bool:
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    if _plain(a) == _plain(b):
        return True
    if a.type == "PERSON" or b.type == "PERSON" or min(len(a.text), len(b.text)) < 8:
        return False
    if " " in a.text and name_key(a.text) == name_key(b.text):
        return True
    fa, fb = fold(a.text), fold(b.text)
    return fuzz.ratio(fa, fb) >= 88 or fa == _strip_nationality(b) or fb == _strip_nationality(a)


def _same_place_or_body(a: Mention, b: Mention, persons: set[str]) -> bool:
    if a.type == "PLACE":
        country = country_of(a.text)
        return country is not None and country == country_of(b.text)
    if a.type != "ORGANIZATION":
        return False
    cls = head_class(a.text)
    if cls is None or cls != head_class(b.text):
        return False
    ma, mb = a.text.split()[0], b.text.split()[0]
    ca, cb = country_of(ma), country_of(mb)
    return (
        (ca is not None and ca == cb)
        or (ca is not None and fold(mb) in persons)
        or (cb is not None and fold(ma) in persons)
    )


def _person_part_of(short: Mention, full: Mention) -> bool:
    """Is ``short`` a surname, given name or leading part of the person ``full``?"""
    s, f = person_parts(short.text), person_parts(full.text)
    if not s or len(s) >= len(f):
        return False
    if len(s) == 1:
        return s[0] in (f[0], f[-1])
    return all(fuzz.ratio(x, y) >= 80 for x, y in zip(s, f, strict=False))


def settle_types(mentions: list[Mention]) -> list[Mention]:
    """One sense per document: the model's mentions of one name take that name's best-supported type.

    The model calls "Ankara" a place four times and a person once; a rule or
    the gazetteer outranks the model ("YPG" known from "the Kurdish militia,
    known as the YPG" is an armed group everywhere in the article).
    """
    votes: dict[str, Counter[tuple[int, EntityType]]] = {}
    for m in mentions:
        votes.setdefault(fold(m.text), Counter())[(m.rank, m.type)] += 1
    best = {k: max(v, key=lambda rt: (rt[0], v[rt])) for k, v in votes.items() if len(v) > 1}
    out = []
    for m in mentions:
        rank, etype = best.get(fold(m.text), (0, m.type))
        out.append(replace(m, type=etype) if m.rank == 1 and rank >= 1 and etype != m.type else m)
    return out


def group(mentions: list[Mention], text: str, title: str = "") -> list[list[int]]:
    """Indices of ``mentions`` grouped by actor, each group in mention order."""
    n = len(mentions)
    groups = _Groups(n)
    for i in range(n - 1):  # 1. stated links between neighbours in the same field
        a, b = mentions[i], mentions[i + 1]
        fits = compatible(a.type, b.type) or (a.type in ORG_LIKE and bool(_ACRONYM.match(b.text)))
        if a.field == b.field and fits and _stated_link(a, b, title if a.field == "title" else text):
            groups.join(i, i + 1)
    longs = [(acronym(_drop_article(m.text)), j) for j, m in enumerate(mentions) if len(m.text.split()) > 1]
    for i, m in enumerate(mentions):  # 2. acronyms of longer names
        if not _ACRONYM.match(m.text):
            continue
        for initials, j in longs:
            long_type = mentions[j].type
            if initials == m.text and (compatible(m.type, long_type) or (long_type in ORG_LIKE and m.type == "PERSON")):
                groups.join(j, i)
                break
    persons = {p for m in mentions if m.type == "PERSON" for p in person_parts(m.text)}
    for i in range(n):  # 3–6, 8. same actor under two written forms
        for j in range(i):
            a, b = mentions[j], mentions[i]
            if compatible(a.type, b.type) and (_same_name(a, b) or _same_place_or_body(a, b, persons)):
                groups.join(j, i)
    fulls = [i for i, m in enumerate(mentions) if m.type == "PERSON" and len(person_parts(m.text)) > 1]
    for i, m in enumerate(mentions):  # 7. people by part of their name
        if m.type != "PERSON":
            continue
        candidates = [j for j in fulls if j != i and _person_part_of(m, mentions[j])]
        before = [j for j in candidates if _order(mentions[j]) < _order(m)]
        if before or candidates:
            groups.join((before or candidates)[-1 if before else 0], i)
    by_root: dict[int, list[int]] = {}
    for i in sorted(range(n), key=lambda k: _order(mentions[k])):
        by_root.setdefault(groups.find(i), []).append(i)
    return list(by_root.values())


def _drop_article(name: str) -> str:
    return name[4:] if name[:4].lower() == "the " else name


def _order(m: Mention) -> tuple[int, int]:
    """Reading order: the title comes before the body."""
    return (0 if m.field == "title" else 1, m.start)
