"""Name folding and transliteration-aware name keys, below every layer that compares names.

Two levels:

* ``fold`` is the comparison the scorer uses (GOLD.md): NFKC, case, quotes,
  hyphens and apostrophes removed, a leading "the" dropped, spaces squeezed.
  Two surface forms with the same fold are the same written name.
* ``name_key`` goes further for matching across spellings: ASCII
  transliteration (anyascii), Arabic article and joiner variants (al-, el-,
  wa al-, wal-), common vowel/consonant transliteration pairs
  (Qaida/Qaeda, Muhajireen/Muhajirin, Jaish/Jaysh, Qawqaz/Kavkaz) and a final
  -ah/-a (Nusrah/Nusra) reduced to one skeleton.  Two names with the same key are candidates for the same
  actor; rapidfuzz decides near spellings on top of that.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# Titles and ranks that precede a person's name but are not part of it ("Father", "Sgt").
_HONORIFICS = (
    "mr mrs ms dr prof president father sheikh shaikh imam general gen colonel col commander minister king "
    "queen prince emir mullah rev sir lord lady royal marine marines sgt sergeant captain capt lt lieutenant "
    "major senator gov governor mayor sen rep pres ambassador chancellor premier ayatollah mufti brig brigadier "
    "adm admiral maj cpl corporal envoy secretary deputy vice chairman chairwoman cardinal archbishop rabbi sayyed "
    "sayyid sheik haji hajji mawlana maulana commissioner inspector detective pvt spokesman spokeswoman crown"
)
HONORIFICS = frozenset(_HONORIFICS.split())
_TITLE_WORD = re.compile(r"[A-Z][a-z]*\.?")
_TITLE_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:[A-Z][a-z]*\.?[\s-]){1,3})$")


def is_title_word(word: str) -> bool:
    """An honorific, rank or office written before a name ("Gov.", "Sen", "Major", "Father")."""
    return _TITLE_WORD.fullmatch(word) is not None and word.rstrip(".").lower() in HONORIFICS


def strip_title(name: str) -> str:
    """A person's name without the titles before it ("Major-General Nikolai Sherbatov" → "Nikolai Sherbatov")."""
    words = re.split(r"(\s+|-)", name)
    i = 0
    while i + 2 < len(words) and is_title_word(words[i]):
        i += 2
    return "".join(words[i:]) if i else name


def title_before(text: str, start: int) -> str | None:
    """The titles written right before offset ``start`` of ``text`` ("Gov. " in "Gov. Jane Roe"), or None."""
    found = _TITLE_BEFORE.search(text, max(0, start - 40), start)
    if found is None:
        return None
    # the capitalised words before the name may begin with others ("Saudi Arabia. Dr "): keep the titles at the end
    pieces = re.split(r"(?<=[\s-])", found.group(1))
    while pieces and not all(is_title_word(w) for w in re.split(r"[\s-]+", "".join(pieces).strip())):
        pieces.pop(0)
    return "".join(pieces) or None


# Pet forms of English given names and the names they stand for ("Tom" is Thomas): facts of usage.
_HYPOCORISTICS = {
    "thomas": "tom tommy",
    "william": "bill billy will willy",
    "robert": "bob bobby rob robbie",
    "richard": "dick rick",
    "michael": "mike mick",
    "james": "jim jimmy jamie",
    "joseph": "joe joey",
    "edward": "ed eddie ted ned",
    "daniel": "dan danny",
    "david": "dave davy",
    "steven": "steve",
    "stephen": "steve",
    "christopher": "chris",
    "anthony": "tony",
    "nicholas": "nick",
    "alexander": "alex",
    "andrew": "andy drew",
    "benjamin": "ben benny",
    "samuel": "sam sammy",
    "matthew": "matt",
    "patrick": "pat paddy",
    "timothy": "tim",
    "ronald": "ron ronnie",
    "donald": "don donnie",
    "jonathan": "jon",
    "elizabeth": "liz beth betty lizzie",
    "katherine": "kate kathy katie",
    "catherine": "kate cathy",
    "susan": "sue susie",
    "jennifer": "jen jenny",
    "margaret": "peggy maggie meg",
    "gregory": "greg",
    "jeffrey": "jeff",
    "lawrence": "larry",
    "frederick": "fred freddie",
    "charles": "charlie chuck",
    "henry": "harry hank",
    "john": "jack johnny",
    "abraham": "abe",
    "kenneth": "ken kenny",
    "gerald": "gerry jerry",
    "philip": "phil",
    "raymond": "ray",
    "douglas": "doug",
    "victoria": "vicky",
    "rebecca": "becky",
    "deborah": "debbie",
}
_PET_FORMS = {pet: full for full, pets in _HYPOCORISTICS.items() for pet in pets.split()}


def given_name(word: str) -> str:
    """The full form of a given name written as a pet form ("tom" → "thomas"); other words unchanged."""
    return _PET_FORMS.get(word, word)


_QUOTES = "\"'`´‘’‚‛“”„‟′″«»"
_DASHES = "-‐‑‒–—―_"
_STRIP = str.maketrans("", "", _QUOTES + _DASHES)
_SPACE = re.compile(r"\s+")


def visible(text: str) -> str:
    """``text`` in NFKC without invisible format characters (zero-width joiners and spaces, bidi marks, soft hyphens).

    "Hez\u200dbollah" prints exactly like "Hezbollah" and must be the same name.
    """
    text = unicodedata.normalize("NFKC", text)
    return text if text.isascii() else "".join(c for c in text if unicodedata.category(c) != "Cf")


# Folds and keys remembered, each: a document folds the same few names over and over (the 242 bench
# documents fold 168,000 times, 7,300 distinct names; key 40,000 times, 2,800), and folding was some 4%
# of extraction, keying 2%.
_REMEMBERED_NAMES = 65536


@lru_cache(maxsize=_REMEMBERED_NAMES)
def fold(name: str) -> str:
    """The scorer's folding: equal folds mean the same written name."""
    text = visible(name).casefold().translate(_STRIP)
    text = _SPACE.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


# Ordered rewrites applied to an ASCII, lower-cased name to reach a spelling skeleton.
_SKELETON_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"\b(?:al|el|ul|ad|ar|as|ash|at|az|an|ad)[\s-]+", ""),  # Arabic article joined by a hyphen or space
        (r"\bwa[\s-]*(?:al|l)[\s-]+", ""),  # "wa al-", "wal-"
        (r"\bwa\b", ""),
        (r"\bof\b|\bthe\b|\band\b", ""),
        (r"[^a-z0-9 ]", ""),
        (r"(?<=[aeiou])h\b", ""),  # a final -ah/-eh (ta marbuta): Nusrah/Nusra, Jamaah/Jamaa
        (r"ph", "f"),
        (r"kh", "k"),
        (r"q", "k"),
        (r"ck", "k"),
        (r"c(?=[aou])", "k"),
        (r"dh|th", "d"),
        (r"sh|ch", "s"),
        (r"v", "w"),
        (r"[aeiouy]+", ""),  # vowels carry most transliteration noise (Qaida/Qaeda, Jaish/Jaysh)
        (r"(.)\1+", r"\1"),
        (r"\s+", " "),
    )
)


@lru_cache(maxsize=_REMEMBERED_NAMES)
def name_key(name: str) -> str:
    """A transliteration-tolerant skeleton of ``name`` for blocking and matching.

    The key is deliberately lossy (vowels dropped, common consonant variants
    merged) so spelling variants collide; callers confirm a collision with a
    finer comparison before treating two names as one actor.
    """
    text = anyascii(unicodedata.normalize("NFKC", name)).lower()
    text = re.sub(r"['`’]", "", text)
    text = re.sub(r"[-_/]", " ", text)
    for pattern, repl in _SKELETON_RULES:
        text = pattern.sub(repl, text)
    return text.strip()


def tokens(name: str) -> list[str]:
    """Folded ASCII word tokens of ``name`` (articles and joiners kept)."""
    return re.findall(r"[a-z0-9]+", anyascii(unicodedata.normalize("NFKC", name)).lower())


def acronym(name: str) -> str:
    """Initials of the capitalised words of ``name`` ("Syrian Democratic Forces" → "SDF")."""
    words = re.findall(r"[A-Za-z][\w’']*", name)
    return "".join(w[0].upper() for w in words if w[0].isupper())
