"""Deciding whether two names are one actor, with a score and a reason.

The rules are type-aware and conservative, because a wrong merge poisons
every dossier that touches it while a missed one only leaves two entries:

* different kinds of actor never merge, except a group typed as an
  organisation in one article and an armed group in another under the
  very same name;
* equal gazetteer ids merge, and so do entries the gazetteer build links
  across its two sources; different ids from one source are a weak
  negative (the clustering may still join the names on strong evidence),
  from two sources they say nothing (the sources number their entries
  independently);
* group names are compared on their *distinctive* words: not generic
  ("jabhat", "forces") and not geographic ("syrian", "iraq"), so sharing
  those proves nothing; two names whose generic words disagree ("Democratic
  Forces" / "National Coalition") are at most *unsure*; names with no
  distinctive word must agree word for word, and different countries keep
  names apart ("Ansar al-Sharia in Libya" / "in Tunisia");
* place names merge only on a close spelling (the skeleton of "China",
  "Chechnya" and "Aachen" is one);
* transliteration variants of a word (Qaida/Qaeda, Nusra/Nusrah) are
  aligned by skeleton or fuzzy ratio;
* person names are compared by ``persons``;
* an acronym that matches a full name's initials is only *unsure*: the tie
  needs evidence from a document that names both as one actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from claimgraph.model import Judgement
from claimgraph.names import acronym, name_key, tokens
from claimgraph.nlp.entities.gazetteer import shipped_gazetteer
from claimgraph.resolve.clusters import MERGE_AT, STRONG
from claimgraph.resolve.lexicon import GROUP_GENERIC, JOINERS, TRANSLATIONS, is_geographic, place_word
from claimgraph.resolve.persons import compare_persons, person_parts

# The matcher's version is in matcher_version.py (light, for the reading commands' probe): bump it
# there with any change here that alters a verdict.

WEAK_NEGATIVE = 0.5  # the score of a negative that only raises the bar for a merge
_COMPATIBLE = {frozenset({"ARMED_GROUP", "ORGANIZATION"}), frozenset({"ORGANIZATION", "MEDIA"})}


def compatible(a: str, b: str) -> bool:
    """Whether names of types ``a`` and ``b`` may be one actor."""
    return a == b or frozenset({a, b}) in _COMPATIBLE


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the matcher needs to know about one name."""

    id: str
    name: str
    fold: str
    type: str
    gazetteer_id: str | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """A judgement the matcher proposes for a pair of names."""

    judgement: Judgement
    score: float
    reason: str


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """``name_key`` of one word or name, cached: resolution asks for the same words again and again."""
    return name_key(word)


def _same_word(x: str, y: str) -> float:
    """1.0 for the same word, 0.9 for a transliteration variant, else 0.

    A shared skeleton counts only for long words or skeletons, and when the
    words start alike: short skeletons collide too often.
    """
    if x == y:
        return 1.0
    if min(len(x), len(y)) < 4:
        return 0.0
    similarity = JaroWinkler.similarity(x, y)
    kx, ky = word_key(x), word_key(y)
    if kx == ky and (len(kx) >= 3 or min(len(x), len(y)) >= 5) and (x[0] == y[0] or similarity >= 0.85):
        return 0.9
    return 0.9 if similarity >= 0.93 else 0.0


def _align(short: Sequence[str], long: Sequence[str]) -> list[float]:
    """Greedy one-to-one alignment of ``short``'s words into ``long``'s; a score per aligned word."""
    free = list(long)
    scores = []
    for word in short:
        best = max(((_same_word(word, other), i) for i, other in enumerate(free)), default=(0.0, -1))
        if best[0] > 0:
            scores.append(best[0])
            free.pop(best[1])
    return scores


@dataclass(frozen=True, slots=True)
class _Words:
    """A group name's words by what they say: which actor, where, what kind."""

    distinctive: tuple[str, ...]
    geographic: tuple[str, ...]
    generic: tuple[str, ...]


@lru_cache(maxsize=1 << 16)
def _group_words(name: str) -> _Words:
    words = [TRANSLATIONS.get(w, w) for w in tokens(name)]
    generic = tuple(w for w in words if w in GROUP_GENERIC and w not in JOINERS)
    places = [w for w in words if w not in GROUP_GENERIC and is_geographic(w)]
    distinctive = tuple(w for w in words if w not in GROUP_GENERIC and w not in places)
    return _Words(distinctive, tuple(place_word(w) for w in places), generic)


def _plain_words(name: str) -> list[str]:
    """A name's words for a word-for-word comparison: translated, country words as their country."""
    return [place_word(TRANSLATIONS.get(w, w)) for w in tokens(name) if w not in ("the", "al", "el")]


def generic_key(name: str) -> str | None:
    """For a group name without a distinctive word, its words in order, country words as their country
    ("British government" and "UK government" share one), so blocking brings such names together."""
    if _group_words(name).distinctive:
        return None
    return " ".join(sorted(_plain_words(name))) or None


def _word_for_word(a: Candidate, b: Candidate) -> Verdict | None:
    """Names without a distinctive word: one actor only when every word lines up."""
    wa, wb = _plain_words(a.name), _plain_words(b.name)
    if wa and len(wa) == len(wb) and len(_align(wa, wb)) == len(wa):
        return Verdict(Judgement.POSITIVE, 0.9, "the same words, spelled differently")
    return None


def _compare_group(a: Candidate, b: Candidate) -> Verdict | None:
    wa, wb = _group_words(a.name), _group_words(b.name)
    if not wa.distinctive or not wb.distinctive:
        return _word_for_word(a, b) if not wa.distinctive and not wb.distinctive else None
    short, long = sorted((wa.distinctive, wb.distinctive), key=len)
    aligned = _align(short, long)
    places_agree = sorted(wa.geographic) == sorted(wb.geographic)
    if len(aligned) == len(long) and places_agree:
        ga, gb = set(wa.generic), set(wb.generic)
        words = " ".join(sorted(set(wa.distinctive)))
        if ga == gb or not ga or not gb:
            score = 0.85 + 0.05 * (min(aligned) == 1.0) + 0.05 * (ga == gb)
            return Verdict(Judgement.POSITIVE, score, f"same distinctive words ({words})")
        if ga <= gb or gb <= ga:
            return Verdict(
                Judgement.POSITIVE, MERGE_AT, f"same distinctive words ({words}), one name has more generic words"
            )
        return Verdict(Judgement.UNSURE, 0.6, f"same distinctive words ({words}), other generic words")
    if len(aligned) == len(long):
        return Verdict(Judgement.UNSURE, 0.6, "same distinctive words, other places")
    if 2 * len(aligned) >= len(long):  # fewer in common is not worth a judgement
        return Verdict(Judgement.UNSURE, round(0.8 * len(aligned) / len(long), 3), "some distinctive words in common")
    return None


def specificity(name: str, etype: str) -> int:
    """How many parts a name has (a person's name parts, a group's words): a fuller name says more."""
    return len(person_parts(name)) if etype == "PERSON" else len(tokens(name))


def _compare_place(a: Candidate, b: Candidate) -> Verdict | None:
    if JaroWinkler.similarity(a.fold, b.fold) >= 0.93 and word_key(a.name) == word_key(b.name):
        return Verdict(Judgement.POSITIVE, 0.9, "same place name, spelled differently")
    return None


def _acronym_of(short: Candidate, long: Candidate) -> bool:
    letters = short.name.replace(".", "")
    return letters.isupper() and len(letters) >= 2 and " " not in letters and acronym(long.name) == letters


def _gazetteer_source(gazetteer_id: str) -> str:
    return gazetteer_id.split(":", 1)[0]


def compare(a: Candidate, b: Candidate) -> Verdict | None:
    """The matcher's judgement on ``a`` and ``b``, or None when there is nothing to say."""
    if not compatible(a.type, b.type):
        return None
    if a.gazetteer_id and b.gazetteer_id:
        if a.gazetteer_id == b.gazetteer_id:
            return Verdict(Judgement.POSITIVE, 1.0, f"same gazetteer id {a.gazetteer_id}")
        if shipped_gazetteer().linked(a.gazetteer_id, b.gazetteer_id):
            return Verdict(Judgement.POSITIVE, 0.97, f"linked gazetteer entries {a.gazetteer_id} = {b.gazetteer_id}")
        if _gazetteer_source(a.gazetteer_id) == _gazetteer_source(b.gazetteer_id):
            return Verdict(Judgement.NEGATIVE, WEAK_NEGATIVE, "different entries of one gazetteer")
    if a.fold == b.fold:
        return Verdict(Judgement.POSITIVE, STRONG, "same name, compatible types")
    if a.type != b.type:
        return None
    if a.type == "PERSON":
        verdict = compare_persons(a.name, b.name)
        return Verdict(*verdict) if verdict else None
    if a.type == "PLACE":
        return _compare_place(a, b)
    short, long = sorted((a, b), key=lambda c: len(c.name))
    if _acronym_of(short, long):
        return Verdict(Judgement.UNSURE, 0.5, "acronym of the full name; no document ties them")
    return _compare_group(a, b)
