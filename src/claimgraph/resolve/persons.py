"""Whether two person names are one person: aligned name parts, across scripts.

A person is named with more or fewer parts (given name, father's name,
family name), in Latin or in the original script, and transliterated many
ways.  Each name becomes a list of *parts*: the folded word, its spelling
skeleton, and whether it was written in Latin letters.  Parts align when
they are the same word, a near spelling, or — when one of them was written
in another script, where short vowels are not written — the same skeleton.

Two Latin parts sharing only a skeleton must also start alike: the
skeleton of "Ahmadi" and of "Hemaida" is the same, their sound is not.
Latin parts are also near spellings when one letter differs in a long word
("Gatdet" / "Gadet"), one vowel stands for another ("Omar" / "Umar"), a
short syllable is romanized two ways ("Pong" / "Bong", "Cho" / "Jo"), or
the article is written into the word ("AlNasim" / "Al Nasim"); an initial
aligns with a part it starts ("Raed M. Hijazi"), but does not count as one
of the two aligned parts a merge needs.

A merge needs two aligned parts and every part of the shorter name
aligned; with parts more in the longer name, only where the shorter
name's parts stand as a full name has them (``_more_parts``); otherwise
the pair is only *unsure*: "Muhammad Azami" is not "Mohammad Azim Agha".
A one-part name is the same one-part name spelled otherwise, or a long
family name alone ("Shekau"; five letters will do when the article or an
English title marks it as one: "Al Tolbazi", "President Harbi"), a weak link the clustering takes only when no
other actor carries that family name (``clusters``).

Where the plain reading does not make two names one, other readings are
tried (``_readings_of``): titles that are also given names kept; the
kunya (the X of "Abu X") one name carries and the other does not left out;
a leading Muhammad, the first of a compound given name that is commonly
dropped, left out likewise.  Each must leave two parts to compare.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler, Levenshtein

from claimgraph.model import Judgement
from claimgraph.names import name_key, tokens
from claimgraph.resolve.clusters import MERGE_AT, STRONG
from claimgraph.resolve.lexicon import PARTICLES, PERSON_GENERIC, SURNAME_TITLES, TITLE_NAMES


@dataclass(frozen=True, slots=True)
class Part:
    """One name part as the aligner sees it."""

    word: str
    key: str
    latin: bool
    kunya: bool = False  # the X of "Abu X" (father of X): an epithet a name may carry or leave out


INITIAL = 0.8  # a single letter standing for a part that starts with it ("Raed M. Hijazi")
# "abd" and the article: "l" as written (Abdul Haq), a sun letter doubled where it assimilates the article
# (Abdur Rahman, "abdurrahman"); undoubled, the letter begins the name ("abdurahman" is Abdu Rahman).
_ABD = re.compile(r"^abd(?:ul|al|el|il|[uai]([rsntdz])(?=\1)|u|i)?(?=[a-z]{3})")
_GLUED_ARTICLE = re.compile(r"^[ae]l(?=[a-z]{3})")
_AIN = re.compile(r"['`ʿʾ’‘ʼ]")
_ASIDE = re.compile(r"\([^)]*\)")
_KUNYA = frozenset({"abu", "abou", "abo", "umm"})
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
def person_parts(name: str, titles: bool = False) -> tuple[Part, ...]:
    """The parts of a person's name, titles and particles left out, "abd" compounds joined.

    "Yasin, Abdul Rahman" is written family name first: the part before the
    comma goes last.  An ain transliterates as an apostrophe, which would
    cut a script word in two: it is dropped.  A parenthesised aside (the
    name in its own script, a title) is not a part when a name stands outside it.
    With ``titles``, titles that are also given names (``TITLE_NAMES``) are kept as parts.
    """
    if (bare := _ASIDE.sub(" ", name)).strip(" ,"):
        name = bare
    if "," in name:
        family, given = name.split(",", 1)
        name = f"{given} {family}"
    out: list[Part] = []
    pending = ""  # an "abd" waiting for the word it belongs to
    kunya = False  # an "abu" waiting for the word it belongs to
    for raw in name.split():
        raw = _AIN.sub("", raw)  # an ain or hamza inside a word ("Sa'd", "Ch'o'l") does not cut it in two
        latin = _is_latin(raw)
        if not latin:
            raw = _AIN.sub("", anyascii(raw))  # the ain transliterates as an apostrophe too
        for word in tokens(raw):
            if word in (_KUNYA if latin else _SCRIPT_KUNYA):
                kunya = True
                continue
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
                if latin and _GLUED_ARTICLE.match(word):
                    word = word[2:]  # the article glued to the word after "abd": "Abd Allah" is "Abdallah"
                word, pending = pending + word, ""
            elif titles and word in (TITLE_NAMES if latin else _SCRIPT_TITLE_NAMES):
                pass
            elif (word in PERSON_GENERIC) if latin else (word in _SCRIPT_GENERIC):
                continue
            elif not latin and word in _SCRIPT_COMPOUND and out and not out[-1].latin:
                word = out.pop().word + word[1:]  # "نجيب الله" is one name, Najibullah: "njyb" + "lh"
            out.append(Part(word, _key(word), latin, kunya))
            kunya = False
    if pending:
        out.append(Part(pending, _key(pending), True, kunya))
    return tuple(out)


# Titles and particles as an Arabic-script name transliterates them (bin, abu, sayyid, sheikh, the article).
# The second halves of compound names, article included, as they transliterate: -ullah, -uddin.
_SCRIPT_COMPOUND = frozenset({"llh", "ldyn"})
_SCRIPT_TITLE_NAMES = frozenset({"syd"})
_SCRIPT_GENERIC = frozenset({"bn", "syd", "shykh", "l", "ibn", "bnt", "wld"})
_SCRIPT_KUNYA = frozenset({"bw", "bwu"})


@lru_cache(maxsize=1 << 16)
def _script_keys(word: str) -> frozenset[str]:
    """The skeletons a transliterated script word may stand for: ث th/s, ظ ذ dh/z, ж zh/j/z, ځ dz/z/j, a glued article."""
    forms = {word, word.replace("dh", "z"), word.replace("th", "s")}
    forms |= {word.replace(two, one) for two in ("zh", "dz") for one in ("z", "j") if two in word}
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
    if not (x.latin and y.latin):
        # Another script writes no short vowels: skeletons must agree, allowing its letters' usual readings.
        script, other = (y, x) if x.latin else (x, y)
        if other.latin and len(other.word) < 3:
            return 0.0
        if other.key and other.key in _script_keys(script.word):
            return 0.9
        return 0.9 if len(_plain(other.word)) >= 2 and _plain(other.word) in _script_plain(script.word) else 0.0
    return _latin_variant(x.word, y.word) if x.word <= y.word else _latin_variant(y.word, x.word)


@lru_cache(maxsize=1 << 18)
def _latin_variant(x: str, y: str) -> float:
    """``_same_part`` of two different Latin words (cached: the same common words meet again and again)."""
    shortest = min(len(x), len(y))
    if x.startswith("abd") and y.startswith("abd") and shortest >= 6:
        rx, ry = x[3:], y[3:]  # "abd" compounds are told apart by the word after it, spelled alike
        return 0.9 if rx[0] == ry[0] and (_key(rx) == _key(ry) or Levenshtein.distance(rx, ry) <= 1) else 0.0
    if max(len(x), len(y)) <= 4 and _syllable(x) == _syllable(y):
        return 0.9  # a syllable romanized two ways: "Pong" / "Bong", "Cho" / "Jo", "U" / "Woo"
    if shortest == 1:
        return INITIAL if max(len(x), len(y)) >= 3 and x[0] == y[0] else 0.0
    if shortest < 3:
        return 0.0
    kx, ky = _key(x), _key(y)
    if kx == ky and len(kx) >= 2 and (x[0] == y[0] or JaroWinkler.similarity(x, y) >= 0.85):
        return 0.9
    if shortest >= 4 and JaroWinkler.similarity(x, y) >= 0.93:
        return 0.9
    if shortest >= 5 and x[0] == y[0] and Levenshtein.distance(x, y) == 1:
        return 0.9  # one letter more, less or other in a long word: "Gatdet" / "Gadet"
    if shortest >= 4 and len(x) == len(y) and _vowel_for_vowel(x, y):
        return 0.9  # "Omar" / "Umar", "Oman" / "Aman"
    for glued, plain in ((x, y), (y, x)):  # an article written into the word: "AlNasim" / "Nasim"
        if glued[:2] in ("al", "el") and len(glued) >= len(plain) + 2 >= 7:
            rest = glued[2:]
            if rest == plain or _key(rest) == _key(plain) or JaroWinkler.similarity(rest, plain) >= 0.93:
                return 0.9
    return 0.0


_VOWELS = frozenset("aeiou")


def _vowel_for_vowel(x: str, y: str) -> bool:
    """The same letters but for one vowel written as another (words of one length)."""
    diff = [(a, b) for a, b in zip(x, y, strict=True) if a != b]
    return len(diff) == 1 and diff[0][0] in _VOWELS and diff[0][1] in _VOWELS


# How a short syllable's romanizations differ (Korean McCune-Reischauer and revised, Wade-Giles and pinyin):
# aspirated and plain consonants, "oo" and "u", "eo" and "o", a leading "w" before a rounded vowel.
_SYLLABLE = ((re.compile(r"^w(?=[ou])"), ""), (re.compile(r"oo"), "u"), (re.compile(r"eo"), "o"),
             (re.compile(r"ch|j"), "c"), (re.compile(r"[pb]"), "b"), (re.compile(r"[kg]"), "g"),
             (re.compile(r"[td]"), "d"), (re.compile(r"[rl]"), "l"))  # fmt: skip


@lru_cache(maxsize=1 << 16)
def _syllable(word: str) -> str:
    for pattern, repl in _SYLLABLE:
        word = pattern.sub(repl, word)
    return word


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


@lru_cache(maxsize=1 << 16)
def _deletions(word: str) -> frozenset[str]:
    """A long word's consonant skeletons with one inner consonant left out.

    Filed beside the skeleton itself, they bring together words one letter
    apart ("Rusdjan" / "Rusjan", "Sadruddin" / "Saduddin") whose skeletons
    differ (a deletion neighbourhood); the first and last consonants stay,
    as near spellings start alike.  Short words get none: they would fill a
    few huge blocks.
    """
    plain = _plain(word)
    if len(word) < 5 or len(plain) < 4:
        return frozenset()
    return frozenset(re.sub(r"(.)\1+", r"\1", plain[:i] + plain[i + 1 :]) for i in range(1, len(plain) - 1))


def part_keys(name: str) -> set[str]:
    """Skeletons under which ``name`` is blocked: those its parts could align on with another name's."""
    keys: set[str] = set()
    for part in person_parts(name):
        if part.latin:
            keys |= {part.key, "p" + _plain(part.word), "h" + _plain(part.word).replace("h", "")}
            keys |= {"p" + k for k in _deletions(part.word)}
            if part.word[:2] in ("al", "el") and len(part.word) >= 7:
                keys.add(_key(part.word[2:]))  # the article written into the word
        else:
            keys |= set(_script_keys(part.word)) | {"p" + f for f in _script_plain(part.word)}
    return {k for k in keys if len(k.removeprefix("p")) >= 2}


def _readings(part: Part) -> frozenset[str]:
    """The skeletons a part may stand for: its own, or every reading of a word in another script."""
    return frozenset((part.key,)) if part.latin else _script_keys(part.word)


def _rejoin(parts: Sequence[Part], other: Sequence[Part]) -> tuple[Part, ...]:
    """``parts`` with two or three neighbours joined where ``other`` writes them as one
    ("Akhund Zada" / "Akhundzada", "Bashir-ud-Din" / "Bashiruddin")."""
    longest = max((len(p.word) for p in other), default=0)
    sizes = [len(p.word) for p in parts]
    keys: set[str] | None = None
    out: list[Part] = []
    i = 0
    while i < len(parts):
        for n in (3, 2):
            # no part of the other name is long enough to be these words joined: the usual case, decided cheaply
            if i + n > len(parts) or sum(sizes[i : i + n]) > longest + 2:
                continue
            run = parts[i : i + n]
            if any(p.latin != run[0].latin for p in run):
                continue
            keys = {p.key for p in other} if keys is None else keys
            word = "".join(p.word for p in run)
            joined = Part(word, _key(word), run[0].latin)
            if _readings(joined) & keys and not any(_readings(p) & keys for p in run):
                out.append(joined)
                i += n
                break
        else:
            out.append(parts[i])
            i += 1
    return tuple(out)


def _one_part(name: str, part: Part, long: Sequence[Part]) -> tuple[Judgement, float, str] | None:
    """A name of one part against another: the same name spelled otherwise, or the family name alone.

    A family name alone ("Shekau") must be long and spelled as in the full
    name (short ones are mostly given names written last, as a father's
    name is), and is a link the clustering takes only when no other actor
    carries that family name as strongly (``clusters``).  A kunya ("Abu
    Hamza", father of Hamza) names a son, not a family: never a family name.
    """
    if len(part.word) < 4 or not part.latin:
        return None
    if len(long) == 1:
        if _MUHAMMAD.match(part.word) or (long[0].latin and _MUHAMMAD.match(long[0].word)):
            return None  # Muhammad alone (what "Hafiz Mohammad" or "Sayed Muhammad" leave) names nobody in particular
        score = _same_part(part, long[0])
        if score >= 0.9 and min(len(part.word), len(long[0].word)) >= 5:
            return Judgement.POSITIVE, 0.9 if score < 1.0 else STRONG, "the same one-part name"
        return None
    family = long[-1]
    if tokens(name)[0] in _KUNYA or part.word.startswith("abd") or not family.latin:
        return None  # "Abd Allah" (servant of God) is a given name
    # written with the article ("Al Tolbazi", "AlTolbazi"), a name is a family name or a nisba, not a given name;
    # after an English title ("President Tolbaz") it is a family name
    words = tokens(name)
    article = words[0] in ("al", "el") or _GLUED_ARTICLE.match(part.word) is not None
    titled = len(words) >= 2 and words[-2] in SURNAME_TITLES and words[-1] == part.word
    if min(len(part.word), len(family.word)) < (5 if article or titled else 6):
        return None
    if Levenshtein.distance(part.word, family.word) <= 1 or (article and _same_part(part, family) >= 0.9):
        return Judgement.POSITIVE, MERGE_AT, "the family name alone"
    return None


def _in_order(x: Sequence[Part], y: Sequence[Part]) -> bool:
    """Whether two names of as many parts align part by part, in the order written."""
    return all(_same_part(a, b) > 0 for a, b in zip(x, y, strict=True))


def _one_exact(x: Sequence[Part], y: Sequence[Part]) -> bool:
    """Whether a part of 5+ letters is written the same in both: what two names in the other order need."""
    return bool({p.word for p in x if len(p.word) >= 5} & {p.word for p in y})


def _more_parts(short: Sequence[Part], long: Sequence[Part], aligned: Sequence[float]) -> str | None:
    """Why a name with fewer parts, every one aligned, is the longer one's person (None: it may not be).

    The shorter name is a rare enough name (8 letters or more: "Jo Chol" is
    not "Jo Chol Song") whose parts stand where a full name has them: the
    same first part with one part more (two when it has three), the same
    given and family names with up to two in between, both written the
    other way round (family name first, without a comma), or the first
    parts of the chain of given, father's and grandfather's names (however
    long the chain), with or without the family name after them (three parts
    at least).  Never the last parts alone: a father's and family name are also his son's.
    """
    extra = len(long) - len(short)
    first = _same_part(short[0], long[0]) > INITIAL
    rare = sum(len(p.word) for p in short) >= 8
    if first and rare and (max(aligned) == 1.0 or len(short) >= 3) and (extra <= 1 or extra <= len(short) - 1):
        return f"every name part of the shorter name, {extra} more in the longer"
    prefix = [_same_part(x, y) for x, y in zip(short, long, strict=False)]
    if rare and min(prefix) > INITIAL and max(prefix) == 1.0:
        return f"the first {len(short)} name parts of the longer name"
    if rare and len(short) >= 3 and min(prefix[:-1]) > INITIAL and _same_part(short[-1], long[-1]) > INITIAL:
        return f"the first {len(short) - 1} name parts and the family name of the longer name"
    if extra > 2:
        return None
    if first and _same_part(short[-1], long[-1]) > INITIAL:
        return f"the same given and family names, {extra} more in between"
    swapped = (_same_part(short[0], long[-1]), short[0]), (_same_part(short[-1], long[0]), short[-1])
    if all(s > INITIAL for s, _ in swapped) and any(s == 1.0 and len(p.word) >= 5 for s, p in swapped):
        return "the same given and family names, in the other order"
    return None


def compare_persons(a: str, b: str) -> tuple[Judgement, float, str] | None:
    """``(judgement, score, reason)`` for two person names, or None when there is nothing to say.

    Titles are left out first; a title that is also a given name is then
    kept when the names are not one without it: "Amir Ali Chaudry" is
    "Aamir Ali Chaudhry", "Hafiz Saeed" is "Hafiz Muhammad Saeed".
    """
    pa, pb = person_parts(a), person_parts(b)
    verdict = _compare_parts(a, b, pa, pb)
    if verdict is not None and verdict[0] == Judgement.POSITIVE:
        return verdict
    for xa, xb, why, cap in _readings_of(a, b, pa, pb):
        other = _compare_parts(a, b, xa, xb)
        if other is not None and other[0] == Judgement.POSITIVE:
            return (other[0], min(other[1], cap), f"{other[2]}, {why}") if why else other
    return verdict


_Parts = tuple[Part, ...]


def _readings_of(a: str, b: str, pa: _Parts, pb: _Parts) -> Iterator[tuple[_Parts, _Parts, str, float]]:
    """Other readings of two names' parts, tried when the plain ones do not make them one.

    Each with what it leaves out and the most its verdict may score.
    Titles that are also given names kept; then, where one name has the
    form and the other not, and two parts remain in each: the kunya left out
    ("Abu Hamid Kamil Tolbaz" is Kamil Tolbaz; two kunyas are
    never left out); a leading Muhammad, the first of a compound given name
    commonly dropped ("Muhammad Kamil Tolbaz" is Kamil Tolbaz); the "Abd" of
    a compound, the short form of a name such as Abd al-Hamid ("Hamid
    Tolbaz"), a weak link only (``MERGE_AT``), which the clustering weighs
    against the name's other links.
    """
    ta, tb = person_parts(a, titles=True), person_parts(b, titles=True)
    if (ta, tb) != (pa, pb):
        yield ta, tb, "", 1.0
    for strip, why, cap in (
        (_without_kunya, "the kunya left out", 0.9),
        (_without_muhammad, "the leading Muhammad left out", 0.9),
        (_without_abd, "Abd left out", MERGE_AT),
    ):
        ka, kb = strip(pa), strip(pb)
        if (ka != pa) != (kb != pb) and min(len(ka), len(kb)) >= 2:
            yield ka, kb, why, cap


# Muhammad as written in Latin letters (not Mahmud, whose skeleton is the same), its short forms, in script.
_MUHAMMAD = re.compile(r"^(?:m[aeiou]h[aeiou]mm?[aeiou][dt]|mehmet|mohd|muh|md)$")


def _without_muhammad(parts: _Parts) -> _Parts:
    first = parts[0] if parts else None
    if first and (_MUHAMMAD.match(first.word) if first.latin else first.word == "mhmd"):
        return parts[1:]
    return parts


def _without_abd(parts: _Parts) -> _Parts:
    return tuple(
        Part(p.word[3:], _key(p.word[3:]), p.latin, p.kunya) if p.word.startswith("abd") and len(p.word) >= 6 else p
        for p in parts
    )


def _without_kunya(parts: _Parts) -> _Parts:
    return tuple(p for p in parts if not p.kunya)


def _compare_parts(a: str, b: str, pa: tuple[Part, ...], pb: tuple[Part, ...]) -> tuple[Judgement, float, str] | None:
    """``compare_persons`` on the parts of ``a`` and ``b`` as given."""
    pa, pb = _rejoin(pa, pb), _rejoin(pb, pa)
    short, long = sorted((pa, pb), key=len)
    joined = _key("".join(p.word for p in pa)), _key("".join(p.word for p in pb))
    if len(long) >= 2 and len(short) < len(long) and len(joined[0]) >= 5 and joined[0] == joined[1]:
        return Judgement.POSITIVE, 0.9, "same name written with other word breaks"
    if not short:
        return None
    if len(short) == 1:
        return _one_part(a if len(pa) == 1 else b, short[0], long)
    aligned = _align(short, long)
    whole = sum(1 for s in aligned if s > INITIAL)  # an initial aligns, but proves little
    if len(aligned) < len(short) or whole < 2:
        return (Judgement.UNSURE, 0.5, "some name parts in common") if whole >= 2 else None
    extra = len(long) - len(short)
    score = sum(aligned) / len(long)
    if extra == 0:
        if len(short) == 2 and not _in_order(short, long) and not _one_exact(short, long):
            return Judgement.UNSURE, round(score, 3), "same name parts in the other order, none spelled the same"
        return Judgement.POSITIVE, score, "same name parts" if score == 1.0 else "same name parts, spelled differently"
    reason = _more_parts(short, long, aligned)
    if reason:
        return Judgement.POSITIVE, MERGE_AT, reason
    return Judgement.UNSURE, round(score, 3), f"{extra} name part(s) more in one name"
