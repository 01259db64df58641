"""Whether two person names are one person: aligned name parts, across scripts.

A person is named with more or fewer parts (given name, father's name,
family name), in Latin or in the original script, and transliterated many
ways.  Each name becomes a list of *parts*: the folded word, its spelling
skeleton, and whether it was written in Latin letters.  Parts align when
they are the same word, a near spelling, or — when one of them was written
in another script, where short vowels are not written — the same skeleton.

Two Latin parts sharing only a skeleton must also start alike: the
skeleton of "Ahmadi" and of "Hemaida" is the same, their sound is not.

A merge needs two aligned parts and every part of the shorter name
aligned.  One part more in the longer name (the usual father's or family
name; two when the shorter name has three) merges when the first parts
align and one part is written the same (or three parts align); otherwise
the pair is only *unsure*: "Muhammad
Azami" is not "Mohammad Azim Agha".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler

from claimgraph.names import name_key, tokens
from claimgraph.resolve.clusters import MERGE_AT
from claimgraph.resolve.lexicon import PARTICLES, PERSON_GENERIC


@dataclass(frozen=True, slots=True)
class Part:
    """One name part as the aligner sees it."""

    word: str
    key: str
    latin: bool


_ABD = re.compile(r"^abd(?:ul|al|el|ur|us|ar|as|an|ir|il|u)?(?=[a-z]{3})")
_AIN = re.compile(r"['`ʿʾ]")
_ABD_WORDS = frozenset({"abd", "abdu", "abdul", "abdel", "abdal", "abdur", "abdus"})
# Arabic-script "abd" compounds transliterate without the ain and with the article: "bd lhq", "bdlmnn".
_SCRIPT_ABD = re.compile(r"^bd(?:l)?(?=[a-z]{2})")


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    return name_key(word)


_LONG_VOWEL = re.compile(r"(?<=[a-z])[wy](?=[a-z])")


def _is_latin(word: str) -> bool:
    return anyascii(word) == word


@lru_cache(maxsize=1 << 16)
def person_parts(name: str) -> tuple[Part, ...]:
    """The parts of a person's name, titles and particles left out, "abd" compounds joined.

    "Yasin, Abdul Rahman" is written family name first: the part before the
    comma goes last.  An ain transliterates as an apostrophe, which would
    cut a script word in two: it is dropped.
    """
    if "," in name:
        family, given = name.split(",", 1)
        name = f"{given} {family}"
    out: list[Part] = []
    pending = ""  # an "abd" waiting for the word it belongs to
    for raw in name.split():
        latin = _is_latin(raw)
        if not latin:
            raw = _AIN.sub("", anyascii(raw))
        for word in tokens(raw):
            if latin:
                word = _ABD.sub("abd", word)
                if word in _ABD_WORDS:
                    pending = "abd"
                    continue
                if pending and word in PARTICLES:
                    continue  # "Abd al-Hamid": the article inside the compound
            else:
                if word == "bd":
                    pending = "abd"
                    continue
                word = _SCRIPT_ABD.sub("abd", word)
                if pending and word.startswith("l") and len(word) > 2:
                    word = word[1:]  # the article after "abd": "bd lhq" → "abdhq"
            if pending:
                word, pending = pending + word, ""
            elif (word in PERSON_GENERIC) if latin else (word in _SCRIPT_GENERIC):
                continue
            elif not latin and word in _SCRIPT_COMPOUND and out and not out[-1].latin:
                word = out.pop().word + word[1:]  # "نجيب الله" is one name, Najibullah: "njyb" + "lh"
            out.append(Part(word, _key(word), latin))
    if pending:
        out.append(Part(pending, _key(pending), True))
    return tuple(out)


# Titles and particles as an Arabic-script name transliterates them (bin, abu, sayyid, sheikh, the article).
# The second halves of compound names, article included, as they transliterate: -ullah, -uddin.
_SCRIPT_COMPOUND = frozenset({"llh", "ldyn"})
_SCRIPT_GENERIC = frozenset({"bn", "bw", "bwu", "syd", "shykh", "l", "ibn", "bnt"})


@lru_cache(maxsize=1 << 16)
def _script_keys(word: str) -> frozenset[str]:
    """The skeletons a transliterated script word may stand for: ث th/s, ظ ذ dh/z, a glued article."""
    forms = {word, word.replace("dh", "z"), word.replace("th", "s")}
    for prefix in ("l", "bw"):  # the article, a glued "abu"
        if word.startswith(prefix) and len(word) >= 3 + len(prefix):
            forms |= {f[len(prefix) :] for f in forms}
    forms |= {f[:-1] for f in forms if f.endswith("h")}  # Latin drops a final -h (Allah → "alla")
    forms |= {_LONG_VOWEL.sub("", f) for f in forms}  # و and ي are long vowels inside a word (رسول Rasoul)
    return frozenset(_key(f) for f in forms)


@lru_cache(maxsize=1 << 16)
def _plain(word: str) -> str:
    """Consonants only, doubles collapsed: a skeleton without digraph rules ("taha" and "th" for طه agree)."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyw]", "", word))


@lru_cache(maxsize=1 << 16)
def _script_plain(word: str) -> frozenset[str]:
    forms = {word, word[1:] if word.startswith("l") and len(word) >= 4 else word}
    forms |= {f[:-1] for f in forms if f.endswith("h")}
    return frozenset(_plain(f) for f in forms)


def _same_part(x: Part, y: Part) -> float:
    """1.0 for the same word, 0.9 for a transliteration variant, else 0."""
    if x.word == y.word:
        return 1.0
    kx, ky = x.key, y.key
    if not (x.latin and y.latin):
        # Another script writes no short vowels: skeletons must agree, allowing its letters' usual readings.
        script, other = (y, x) if x.latin else (x, y)
        if other.latin and len(other.word) < 3:
            return 0.0
        if other.key and other.key in _script_keys(script.word):
            return 0.9
        return 0.9 if len(_plain(other.word)) >= 2 and _plain(other.word) in _script_plain(script.word) else 0.0
    if min(len(x.word), len(y.word)) < 3:
        return 0.0
    if kx == ky and len(kx) >= 2 and (x.word[0] == y.word[0] or JaroWinkler.similarity(x.word, y.word) >= 0.85):
        return 0.9
    return 0.9 if min(len(x.word), len(y.word)) >= 4 and JaroWinkler.similarity(x.word, y.word) >= 0.93 else 0.0


def _align(short: Sequence[Part], long: Sequence[Part]) -> list[float]:
    """Greedy one-to-one alignment of ``short``'s parts into ``long``'s; a score per aligned part."""
    free = list(long)
    scores = []
    for part in short:
        best = max(((_same_part(part, other), i) for i, other in enumerate(free)), default=(0.0, -1))
        if best[0] > 0:
            scores.append(best[0])
            free.pop(best[1])
    return scores


def part_keys(name: str) -> set[str]:
    """Skeletons under which ``name`` is blocked: those its parts could align on with another name's."""
    keys: set[str] = set()
    for part in person_parts(name):
        if part.latin:
            keys |= {part.key, "p" + _plain(part.word)}
        else:
            keys |= set(_script_keys(part.word)) | {"p" + f for f in _script_plain(part.word)}
    return {k for k in keys if len(k.removeprefix("p")) >= 2}


def _rejoin(parts: Sequence[Part], other: Sequence[Part]) -> tuple[Part, ...]:
    """``parts`` with two neighbours joined where ``other`` writes them as one ("Akhund Zada" / "Akhundzada")."""
    keys = {p.key for p in other}
    out: list[Part] = []
    i = 0
    while i < len(parts):
        if i + 1 < len(parts) and parts[i].latin == parts[i + 1].latin:
            word = parts[i].word + parts[i + 1].word
            joined = Part(word, _key(word), parts[i].latin)
            if joined.key in keys and parts[i].key not in keys and parts[i + 1].key not in keys:
                out.append(joined)
                i += 2
                continue
        out.append(parts[i])
        i += 1
    return tuple(out)


def compare_persons(a: str, b: str) -> tuple[str, float, str] | None:
    """``(judgement, score, reason)`` for two person names, or None when there is nothing to say."""
    pa, pb = person_parts(a), person_parts(b)
    pa, pb = _rejoin(pa, pb), _rejoin(pb, pa)
    short, long = sorted((pa, pb), key=len)
    joined = _key("".join(p.word for p in pa)), _key("".join(p.word for p in pb))
    if len(long) >= 2 and len(short) < len(long) and len(joined[0]) >= 5 and joined[0] == joined[1]:
        return "positive", 0.9, "same name written with other word breaks"
    if len(short) < 2:
        return None
    aligned = _align(short, long)
    if len(aligned) < len(short):
        return ("unsure", 0.5, "some name parts in common") if len(aligned) >= 2 else None
    extra = len(long) - len(short)
    score = sum(aligned) / len(long)
    if extra == 0:
        return "positive", score, "same name parts" if score == 1.0 else "same name parts, spelled differently"
    sure = max(aligned) == 1.0 or len(short) >= 3
    if _same_part(short[0], long[0]) and sure and (extra <= 1 or extra <= len(short) - 1):
        return "positive", MERGE_AT, f"every name part of the shorter name, {extra} more in the longer"
    return "unsure", round(score, 3), f"{extra} name part(s) more in one name"
