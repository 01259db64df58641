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
   person named in full (the most recent such person before it), never
   putting two full names with different given names in one group;
8. one country or US state under two names ("UK", "Britain"; "Ga.",
   "Georgia"), and one state body under
   two ("Syrian regime", "Syrian government"); a body named for a leader
   ("Assad regime") is the one country body of its kind, or among several
   the one named with the same word ("Syrian regime", not "Turkish
   government");
9. "the Observatory" is the one organisation named with that head word;
10. an outlet's name less its media words ("Yahoo" for "Yahoo News").
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from rapidfuzz import fuzz

from claimgraph.model import EntityType
from claimgraph.names import HONORIFICS, acronym, fold, given_name, name_key, tokens
from claimgraph.nlp.entities.institutions import head_class
from claimgraph.nlp.entities.places import FACILITY_MODIFIERS, FACILITY_NOUNS, country_of, is_known_place
from claimgraph.nlp.entities.us_states import state_of
from claimgraph.unionfind import UnionFind


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
    return list(_parts(text))


# The comparisons below are of names as written, cached: a long article names the same people
# thousands of times, and step 7 would otherwise compare every mention with every full name.
@lru_cache(maxsize=65536)
def _parts(text: str) -> tuple[str, ...]:
    words = [w for w in tokens(text) if w not in HONORIFICS]
    return tuple(w for w in words if w not in ("al", "el"))


def _stated_link(a: Mention, b: Mention, text: str) -> bool:
    """Does the text between ``a`` and ``b`` say they are one name?"""
    gap = text[a.end : b.start]
    if _PAREN_OPEN.fullmatch(gap) and _PAREN_CLOSE.match(text, b.end):
        return not (a.type == "PLACE" and b.type == "PLACE")
    return bool(_ALIAS_CUE.fullmatch(gap))


def _facility_base(text: str) -> str:
    """A place name without a trailing facility noun ("al-Roj camp" → "alroj", "Shaar gas field" → "shaar")."""
    words = fold(text).split()
    while len(words) > 1 and (words[-1] in FACILITY_NOUNS or words[-1] in FACILITY_MODIFIERS):
        words.pop()
    return " ".join(words)


def _plain(text: str) -> str:
    """Folded name with a plural -s dropped from its last word."""
    key = fold(text)
    return key[:-1] if len(key) > 4 and key.endswith("s") and not key.endswith("ss") else key


def _family(etype: EntityType) -> str:
    """Types that may name one actor share a family (organisation-like ones do)."""
    return "ORG" if etype in ORG_LIKE else etype


def _join_buckets(groups: UnionFind[int], keyed: list[tuple[object, int]]) -> None:
    """Join every pair of mentions that share a key (None keys are skipped)."""
    first: dict[object, int] = {}
    for key, i in keyed:
        if key is not None:
            groups.join(first.setdefault(key, i), i)


_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an)-\w{4,}", re.IGNORECASE)


def _keyed(text: str) -> bool:
    """Is the transliteration key of ``text`` enough to join it: several words, or an article and a long word?"""
    return " " in text or _ARTICLE_NAME.fullmatch(text) is not None


def _same_written_name(groups: UnionFind[int], mentions: list[Mention]) -> None:
    """Steps 3–6: gazetteer id, fold up to a plural, transliteration key, near spelling, nationality."""
    fam = [_family(m.type) for m in mentions]
    _join_buckets(groups, [((m.gazetteer_id, fam[i]) if m.gazetteer_id else None, i) for i, m in enumerate(mentions)])
    _join_buckets(groups, [((_plain(m.text), fam[i]), i) for i, m in enumerate(mentions)])
    # "al-Roj camp" and then "al-Roj": a facility is also named without its noun
    _join_buckets(groups, [(_facility_base(m.text) if m.type == "PLACE" else None, i) for i, m in enumerate(mentions)])
    named = [i for i, m in enumerate(mentions) if m.type != "PERSON" and len(m.text) >= 8]
    # one word only with an Arabic article ("al-Rasafa", "al-Rasafeh"): its key has too few letters otherwise
    _join_buckets(
        groups, [((name_key(mentions[i].text), fam[i]) if _keyed(mentions[i].text) else None, i) for i in named]
    )
    folds: dict[tuple[str, str], int] = {}
    for i in named:
        folds.setdefault((fold(mentions[i].text), fam[i]), i)
    for i in named:
        words = mentions[i].text.split()
        if len(words) >= 3 and country_of(words[0]) is not None:
            j = folds.get((fold(" ".join(words[1:])), fam[i]))
            if j is not None:
                groups.join(j, i)
    distinct = list(folds.items())
    for x, ((fa, family_a), i) in enumerate(distinct):
        for (fb, family_b), j in distinct[:x]:
            if family_a == family_b and fuzz.ratio(fa, fb, score_cutoff=88):
                groups.join(j, i)


def _place_key(m: Mention, shortened: set[str]) -> str | None:
    """The country a place mention names, or the US state where the document writes it in short (``shortened``).

    "Georgia" is the state only in a document that also writes "Ga."; else
    it is the country, as a state's name alone is in no other step's way.
    """
    if m.type != "PLACE":
        return None
    state = state_of(m.text)
    return f"state:{state}" if state in shortened else country_of(m.text)


def _same_place_or_body(groups: UnionFind[int], mentions: list[Mention]) -> None:
    """Step 8: one country or state under two names; one state body named by country or by its leader."""
    states = [(state_of(m.text), m.text.strip()) for m in mentions if m.type == "PLACE"]
    shortened = {state for state, written in states if state is not None and state != written}
    _join_buckets(groups, [(_place_key(m, shortened), i) for i, m in enumerate(mentions)])
    persons = {p for m in mentions if m.type == "PERSON" for p in person_parts(m.text)}
    by_country: dict[str, int] = {}
    by_head: dict[str, set[str]] = {}  # the head words each country body is named with
    by_leader: list[tuple[str, int]] = []
    for i, m in enumerate(mentions):
        cls = head_class(m.text) if m.type == "ORGANIZATION" else None
        if cls is None:
            continue
        modifier = m.text.split()[0]
        country = country_of(modifier)
        if country is not None:
            groups.join(by_country.setdefault(f"{country}|{cls}", i), i)
            by_head.setdefault(f"{country}|{cls}", set()).add(fold(m.text).split()[-1])
        elif fold(modifier) in persons:
            by_leader.append((cls, i))
    for cls, i in by_leader:  # "Assad regime" is the government of the one country named with one
        bodies = {k for k in by_country if k.endswith(f"|{cls}")}
        if len(bodies) > 1:  # or, among several, the one named with the same word ("Syrian regime")
            head = fold(mentions[i].text).split()[-1]
            bodies = {k for k in bodies if head in by_head.get(k, set())}
        if len(bodies) == 1:
            groups.join(by_country[bodies.pop()], i)


def same_part(x: str, y: str) -> bool:
    """One name word up to spelling: a near spelling, a transliteration variant (Mohammed/Muhammad), a pet form."""
    if fuzz.ratio(x, y) >= 80 or given_name(x) == given_name(y):
        return True
    return min(len(x), len(y)) >= 5 and name_key(x) == name_key(y) and x[0] == y[0]


SURNAME_RATIO = 85  # rapidfuzz ratio of two spellings of one family name ("Zawahri", "Zawahiri": 93)
SURNAME_KEYED_RATIO = 75  # enough when the transliteration keys agree too ("Haniya", "Haniyeh": 77)


@lru_cache(maxsize=65536)
def surname_variant(x: str, y: str) -> bool:
    """One family name spelled two ways (folded words): "zawahri" / "zawahiri", "haniya" / "haniyeh".

    Five letters or more and the same first letter; never where one is the
    other with letters added ("Ahmad", "Ahmadi" and "Hassan", "Hassani" are
    other names); a near spelling, or a fair one with the same
    transliteration key (six letters or more: "Hamid" and "Hamad" share theirs).
    """
    if x == y:
        return True
    if min(len(x), len(y)) < 5 or x[0] != y[0] or x.startswith(y) or y.startswith(x):
        return False
    score = fuzz.ratio(x, y)
    keyed = min(len(x), len(y)) >= 6 and score >= SURNAME_KEYED_RATIO and name_key(x) == name_key(y)
    return score >= SURNAME_RATIO or keyed


@lru_cache(maxsize=65536)
def _part_of(short: str, full: str) -> bool:
    """Is the name ``short`` a surname, given name or leading part of the person ``full``?"""
    s, f = _parts(short), _parts(full)
    if not s or len(s) >= len(f):
        return False
    if len(s) == 1:  # a surname (in another spelling too), or a given name in full or as a pet form ("Tom")
        return surname_variant(s[0], f[-1]) or given_name(s[0]) == given_name(f[0])
    if s == f[-len(s) :]:  # a surname with its particle: "de Blasio" of "Bill de Blasio"
        return True
    if len(s) == 2 and same_part(s[0], f[0]) and surname_variant(s[1], f[-1]):
        return True  # the given and family names without the middle ones: "Muhammad Hadidi" of "Mohammad Qasem Hadidi"
    return all(same_part(x, y) for x, y in zip(s, f, strict=False))


@lru_cache(maxsize=65536)
def _one_person(a: str, b: str) -> bool:
    """Could these two names be one person: the same parts up to spelling, or one a part of the other?"""
    pa, pb = _parts(a), _parts(b)
    if len(pa) == len(pb):
        return all(same_part(x, y) for x, y in zip(pa, pb, strict=True))
    return _part_of(a, b) or _part_of(b, a)


def _same_person(groups: UnionFind[int], mentions: list[Mention]) -> None:
    """Step 7: a part of a name joins the most recent person named in full that it fits.

    Two full names with different given names ("Amer Matar", "Muhammad Nour
    Matar") are two people, so no join may put them in one group.  Mentions
    are read in order and a bare "Matar" first bound to one of them keeps
    that binding (writers give the second person of a surname in full); a
    later one that would pull the other person in is refused.

    Near-linear in a long article: names are compared as distinct texts,
    the full-name mentions of each text are kept in reading order so the
    ones before a mention are merged lazily (most recent or earliest first,
    as each rule wants), a group already refused is not tried again, and
    each group's full names are kept as a set updated on every join, so a
    clash check never rescans the article.
    """
    order = sorted(range(len(mentions)), key=lambda k: _order(mentions[k]))
    fulls = [i for i in order if mentions[i].type == "PERSON" and len(_parts(mentions[i].text)) > 1]
    rank = {j: k for k, j in enumerate(fulls)}  # reading order of the full names
    by_text: dict[str, list[int]] = {}
    for j in fulls:
        by_text.setdefault(mentions[j].text, []).append(j)
    starts = {t: [_order(mentions[j]) for j in js] for t, js in by_text.items()}
    ranks = {t: [rank[j] for j in js] for t, js in by_text.items()}
    names: dict[int, set[str]] = {}  # group root → the full names in it
    for j in fulls:
        names.setdefault(groups[j], set()).add(mentions[j].text)

    def clash(i: int, j: int) -> bool:
        ri, rj = groups[i], groups[j]
        return ri != rj and any(not _one_person(a, b) for a in names.get(ri, ()) for b in names.get(rj, ()))

    def join_first(i: int, tried: Iterator[int]) -> None:
        refused: set[int] = set()
        for j in tried:
            root = groups[j]
            if root in refused:
                continue  # the same group, the same verdict
            if not clash(i, j):
                ri = groups[i]
                groups.join(j, i)
                if ri != root:
                    names[root] = names.get(root, set()) | names.pop(ri, set())
                return
            refused.add(root)

    for i in fulls:  # one person spelled two ways in full ("Tom Roe", "Thomas Roe"): the earliest such name
        text, x = mentions[i].text, rank[i]
        same = [t for t in by_text if len(_parts(t)) == len(_parts(text)) and _one_person(text, t)]
        earlier = [islice(by_text[t], bisect_left(ranks[t], x)) for t in same]
        join_first(i, heapq.merge(*earlier, key=rank.__getitem__))
    for i in order:
        m = mentions[i]
        if m.type != "PERSON":
            continue
        texts = [t for t in by_text if _part_of(m.text, t)]  # never m's own text: a part is shorter
        if not texts:
            continue
        at = _order(m)
        before = [_backwards(by_text[t], bisect_left(starts[t], at)) for t in texts]
        first = min((by_text[t][0] for t in texts), key=rank.__getitem__)
        join_first(i, _nonempty(heapq.merge(*before, key=rank.__getitem__, reverse=True), first))


def _backwards(items: list[int], end: int) -> Iterator[int]:
    """``items[:end]`` from the last to the first, without copying."""
    return (items[k] for k in range(end - 1, -1, -1))


def _nonempty(items: Iterator[int], fallback: int) -> Iterator[int]:
    """``items``; ``fallback`` alone when there are none."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        yield fallback


def restore_possessives(
    mentions: list[Mention], before_noun: set[tuple[str | None, int]], text: str = ""
) -> list[Mention]:
    """ "Syrias", "Observatorys": a possessive whose apostrophe a scrape stripped is the name without its "s".

    ``before_noun`` holds the (field, end) of mentions a noun follows, as a
    possessive's is ("Syrias conflict"; "the Sahel Emirates is" is a plural
    slip).  Only then, and only when the name without the "s" is another mention's name (or a
    person's surname), or a known place while the written form is not
    ("Homs" and "United States" stay), or a person's whose family name ``text`` writes without the "s"
    elsewhere ("President Bashar al-Assads forces" beside "anti-Assad").
    """
    names = {fold(m.text): m for m in mentions}
    last_words = {fold(m.text).split()[-1]: m for m in mentions if " " in m.text and m.type == "PERSON"}
    out = []
    for m in mentions:
        shape = len(m.text) >= 5 and m.text.endswith("s") and m.text[-2].isalpha() and m.text[-2] not in "sSuU"
        if not shape or (m.field, m.end) not in before_noun or is_known_place(m.text):
            out.append(m)
            continue
        bare = m.text[:-1]
        other = names.get(fold(bare)) or (last_words.get(fold(bare).split()[-1]) if " " in bare else None)
        if other is not None and other is not m:
            out.append(replace(m, text=bare, end=m.end - 1, type=other.type if m.rank == 1 else m.type))
        elif is_known_place(bare) and not is_known_place(m.text):
            out.append(replace(m, text=bare, end=m.end - 1, type="PLACE" if m.rank == 1 else m.type))
        elif m.type == "PERSON" and " " in bare and _written_alone(re.split(r"[\s-]", bare)[-1], text):
            out.append(replace(m, text=bare, end=m.end - 1))
        else:
            out.append(m)
    return out


def _written_alone(word: str, text: str) -> bool:
    """Does ``text`` write ``word`` as a word of its own ("Assad" in "anti-Assad", not in "al-Assads")?"""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def settle_types(mentions: list[Mention]) -> list[Mention]:
    """One sense per document: the model's mentions of one name take that name's best-supported type.

    The model calls "Ankara" a place four times and a person once; a known
    place that the model reads as a place at least once stays a place; a rule
    or the gazetteer outranks the model ("YPG" known from "the Kurdish militia,
    known as the YPG" is an armed group everywhere in the article).
    """
    votes: dict[str, Counter[tuple[int, EntityType]]] = {}
    for m in mentions:
        votes.setdefault(fold(m.text), Counter())[(m.rank, m.type)] += 1
    best = {k: max(v, key=lambda rt: (rt[0], v[rt])) for k, v in votes.items() if len(v) > 1}
    for m in mentions:  # a known place the model also reads as a place stays one ("South Africa" the team)
        if (
            m.rank == 1
            and m.type == "PLACE"
            and best.get(fold(m.text), (0, "PLACE"))[0] == 1
            and is_known_place(m.text)
        ):
            best[fold(m.text)] = (1, "PLACE")
    out = []
    for m in mentions:
        rank, etype = best.get(fold(m.text), (0, m.type))
        out.append(replace(m, type=etype) if m.rank == 1 and rank >= 1 and etype != m.type else m)
    return out


def group(mentions: list[Mention], text: str, title: str = "") -> list[list[int]]:
    """Indices of ``mentions`` grouped by actor, each group in mention order."""
    n = len(mentions)
    groups = UnionFind(range(n))
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
    _same_written_name(groups, mentions)  # 3–6
    _head_short_forms(groups, mentions, text)  # 9
    _outlet_short_forms(groups, mentions)  # 10
    _same_place_or_body(groups, mentions)  # 8
    _same_person(groups, mentions)  # 7
    by_root: dict[int, list[int]] = {}
    for i in sorted(range(n), key=lambda k: _order(mentions[k])):
        by_root.setdefault(groups[i], []).append(i)
    return list(by_root.values())


# Heads too generic for "the <Head>" to name one body ("the Army" may be any army).
_GENERIC_HEADS_WORDS = (
    "army government state council party forces force group movement ministry police union committee court "
    "assembly congress parliament senate house department agency office company bank front coalition alliance "
    "brigade brigades militia navy administration authority commission"
)
GENERIC_HEADS = frozenset(_GENERIC_HEADS_WORDS.split())


def _head_short_forms(groups: UnionFind[int], mentions: list[Mention], text: str) -> None:
    """Step 9: "the Observatory" is the one organisation of the document named with that word.

    A one-word mention written after "the" joins the single organisation-like
    name of two or more words that contains the word (not a generic head such
    as "Army"); the short form takes that organisation's type.
    """
    longs: dict[str, set[int]] = {}
    for j, m in enumerate(mentions):
        if m.type in ORG_LIKE and len(m.text.split()) > 1:
            for word in fold(m.text).split()[1:]:
                longs.setdefault(word, set()).add(groups[j])
    for i, m in enumerate(mentions):
        word = fold(m.text)
        if " " in word or word in GENERIC_HEADS or m.rank > 1 or m.field is not None:
            continue
        if text[max(0, m.start - 4) : m.start].lower() != "the " or len(longs.get(word, ())) != 1:
            continue
        root = next(iter(longs[word]))
        mentions[i] = replace(m, type=mentions[root].type)
        groups.join(root, i)


# Words an outlet's name ends with that its short form leaves off ("Yahoo News" is "Yahoo" in a later quote).
OUTLET_TAILS = frozenset(["news", "tv", "television", "radio", "agency", "network", "service", "channel", "online"])


def _outlet_base(text: str) -> str:
    """An outlet's name without its trailing media words ("Sky News" → "sky"), or "" if it has none."""
    words = fold(text).split()
    kept = list(words)
    while len(kept) > 1 and kept[-1] in OUTLET_TAILS:
        kept.pop()
    return " ".join(kept) if len(kept) < len(words) else ""


def _outlet_short_forms(groups: UnionFind[int], mentions: list[Mention]) -> None:
    """Step 10: "Trump told Yahoo" names the "Yahoo News" of the same document.

    The model reads such a short form as a person or an organisation.  A
    mention equal to the one outlet's name less its media words joins that
    outlet and takes MEDIA, unless it is a known place ("Kurdistan" beside
    "Kurdistan TV") or a part of a person's full name ("Fox" beside "Liam Fox").
    """
    bases: dict[str, set[int]] = {}
    for j, m in enumerate(mentions):
        base = _outlet_base(m.text) if m.type == "MEDIA" else ""
        if base:
            bases.setdefault(base, set()).add(groups[j])
    if not bases:
        return
    persons = {p for m in mentions if m.type == "PERSON" and " " in m.text.strip() for p in person_parts(m.text)}
    for i, m in enumerate(mentions):
        outlets = bases.get(fold(m.text), set())
        if len(outlets) != 1 or m.rank > 1 or is_known_place(m.text):
            continue
        if m.type == "PERSON" and fold(m.text) in persons:
            continue
        root = next(iter(outlets))
        mentions[i] = replace(m, type="MEDIA")
        groups.join(root, i)


def _drop_article(name: str) -> str:
    return name[4:] if name[:4].lower() == "the " else name


def _order(m: Mention) -> tuple[int, int]:
    """Reading order: the title comes before the body."""
    return (0 if m.field == "title" else 1, m.start)
