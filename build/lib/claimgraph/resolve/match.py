"""Deciding whether two names are one actor, with a score and a reason.

The rules are type-aware and conservative, because a wrong merge poisons
every dossier that touches it while a missed one only leaves two entries:

* different kinds of actor never merge, except a group typed as an
  organisation in one article and an armed group in another under the
  very same name;
* equal gazetteer ids merge, different ones keep names apart;
* group names are compared on their *distinctive* words (``lexicon``), so
  sharing "jabhat" or "ansar" proves nothing; transliteration variants of
  a word (Qaida/Qaeda, Nusra/Nusrah) are aligned by skeleton or fuzzy ratio;
* person names need at least two aligned words besides titles and
  particles, with every word of the shorter name aligned;
* an acronym that matches a full name's initials is only *unsure*: the tie
  needs evidence from a document that names both as one actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from claimgraph.nlp.names import acronym, name_key, tokens
from claimgraph.resolve.lexicon import GROUP_GENERIC, PERSON_GENERIC, TRANSLATIONS

MERGE_AT = 0.85  # a positive judgement needs at least this score
_COMPATIBLE = {frozenset({"ARMED_GROUP", "ORGANIZATION"}), frozenset({"ORGANIZATION", "MEDIA"})}


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

    judgement: str  # positive | negative | unsure
    score: float
    reason: str


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """``name_key`` of one word or name, cached: resolution asks for the same words again and again."""
    return name_key(word)


def _same_word(x: str, y: str) -> float:
    """1.0 for the same word, 0.9 for a transliteration variant, else 0."""
    if x == y:
        return 1.0
    if min(len(x), len(y)) < 4:
        return 0.0
    kx, ky = word_key(x), word_key(y)
    if kx == ky and (len(kx) >= 3 or min(len(x), len(y)) >= 5):
        return 0.9
    return 0.9 if JaroWinkler.similarity(x, y) >= 0.93 else 0.0


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


@lru_cache(maxsize=1 << 16)
def _group_words(name: str) -> tuple[list[str], list[str]]:
    words = [TRANSLATIONS.get(w, w) for w in tokens(name)]
    return [w for w in words if w not in GROUP_GENERIC], [w for w in words if w in GROUP_GENERIC]


def _compare_group(a: Candidate, b: Candidate) -> Verdict | None:
    da, ga = _group_words(a.name)
    db, gb = _group_words(b.name)
    if not da or not db:
        if word_key(a.name) == word_key(b.name) and JaroWinkler.similarity(a.fold, b.fold) >= 0.93:
            return Verdict("positive", 0.9, "same spelling skeleton of a generic name")
        return None
    short, long = sorted((da, db), key=len)
    aligned = _align(short, long)
    if len(aligned) == len(long):
        exact = min(aligned) == 1.0
        same_kind = sorted(ga) == sorted(gb)
        score = 0.85 + 0.05 * exact + 0.05 * same_kind
        words = " ".join(sorted(set(da)))
        return Verdict(
            "positive", score, f"same distinctive words ({words}){'' if same_kind else ', other generic words'}"
        )
    if 2 * len(aligned) >= len(long):  # fewer in common is not worth a judgement
        return Verdict("unsure", round(0.8 * len(aligned) / len(long), 3), "some distinctive words in common")
    return None


def _acronym_of(short: Candidate, long: Candidate) -> bool:
    letters = short.name.replace(".", "")
    return letters.isupper() and len(letters) >= 2 and " " not in letters and acronym(long.name) == letters


_ABD = re.compile(r"^abd(?:ul|al|el|ur|us|ar|as|an|ir|il|u)?(?=[a-z]{3})")


@lru_cache(maxsize=1 << 16)
def person_words(name: str) -> tuple[str, ...]:
    """A person's name words without titles and particles; "Abdul Salam" and "Abdussalam" both → "abdsalam"."""
    words = [_ABD.sub("abd", w) for w in tokens(name)]
    out: list[str] = []
    for i, word in enumerate(words):
        if word in _ABD_WORDS and i + 1 < len(words):
            words[i + 1] = "abd" + words[i + 1]
        elif word not in PERSON_GENERIC:
            out.append(word)
    return tuple(out)


_ABD_WORDS = frozenset({"abd", "abdu", "abdul", "abdel", "abdal", "abdur", "abdus"})


def _compare_person(a: Candidate, b: Candidate) -> Verdict | None:
    wa, wb = person_words(a.name), person_words(b.name)
    short, long = sorted((wa, wb), key=len)
    joined = word_key("".join(wa)), word_key("".join(wb))
    if len(long) >= 2 and len(short) < len(long) and len(joined[0]) >= 5 and joined[0] == joined[1]:
        return Verdict("positive", 0.9, "same name written with other word breaks")
    if len(short) < 2:
        return None
    aligned = _align(short, long)
    if len(aligned) < len(short):
        return Verdict("unsure", 0.5, "some name parts in common") if len(aligned) >= 2 else None
    extra = len(long) - len(short)
    score = sum(aligned) / len(long)
    if extra == 0:
        return Verdict("positive", score, "same name parts" if score == 1.0 else "same name parts, spelled differently")
    if _same_word(short[0], long[0]) and extra <= 2:
        return Verdict("positive", MERGE_AT, f"every name part of the shorter name, {extra} more in the longer")
    return Verdict("unsure", round(score, 3), f"{extra} name part(s) more in one name")


def compare(a: Candidate, b: Candidate) -> Verdict | None:
    """The matcher's judgement on ``a`` and ``b``, or None when there is nothing to say."""
    if a.type != b.type and frozenset({a.type, b.type}) not in _COMPATIBLE:
        return None
    if a.gazetteer_id and b.gazetteer_id:
        if a.gazetteer_id == b.gazetteer_id:
            return Verdict("positive", 1.0, f"same gazetteer id {a.gazetteer_id}")
        return Verdict("negative", 1.0, "different gazetteer ids")
    if a.fold == b.fold:
        return Verdict("positive", 0.95, "same name, compatible types")
    if a.type != b.type:
        return None
    if a.type == "PERSON":
        return _compare_person(a, b)
    short, long = sorted((a, b), key=lambda c: len(c.name))
    if _acronym_of(short, long):
        return Verdict("unsure", 0.5, "acronym of the full name; no document ties them")
    return _compare_group(a, b)
