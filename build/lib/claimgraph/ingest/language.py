"""A document's language, told from its script and its commonest words.

The contract's ``document.language`` must not say "en" for a Russian page:
the English pipeline's entities and claims mean little there, and analysts
filter on it.  No language-identification model ships offline here, so the
script decides Cyrillic, Arabic, Hebrew, Greek and CJK text, and for Latin
script the share of each language's function words among the first words
decides, or the answer is ``None`` when none stands out.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_WORDS = 400
_MIN_SHARE = 0.12  # of sampled words that must be one language's function words

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to in a is that for on with as was by it he said are from at his an be has have",
        "fr": "le la les de des du et en un une est que qui dans pour pas sur au aux il par avec",
        "de": "der die das und in den von zu mit ist des sich nicht auf ein eine dem im für",
        "es": "el la los las de del y en un una que es por con para se al su lo como",
        "it": "il la le di che e un una per del della non con sono gli nel alla",
        "pt": "o a os as de do da dos das e em um uma que para com não por no na",
        "tr": "ve bir bu da de ile için olarak çok daha gibi olan ama ya",
    }.items()
}


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    for script in ("CYRILLIC", "ARABIC", "HEBREW", "GREEK", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "LATIN"):
        if name.startswith(script):
            return script
    return None


def _cyrillic_language(text: str) -> str:
    """Ukrainian and Belarusian have letters Russian lacks."""
    if re.search(r"[іїєґ]", text, re.I):
        return "uk"
    if re.search(r"ў", text, re.I):
        return "be"
    return "ru"


def _arabic_language(text: str) -> str:
    """Persian and Urdu add letters to the Arabic alphabet."""
    if re.search(r"[ٹڈڑںھے]", text):
        return "ur"
    if re.search(r"[پچژگ]", text):
        return "fa"
    return "ar"


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``None`` when it cannot be told."""
    letters = [s for s in (_script(c) for c in text[:5000] if c.isalpha()) if s]
    if not letters:
        return None
    script = max(set(letters), key=letters.count)
    if script == "CYRILLIC":
        return _cyrillic_language(text)
    if script == "ARABIC":
        return _arabic_language(text)
    if script != "LATIN":
        return {"HEBREW": "he", "GREEK": "el", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko"}.get(script, "zh")
    words = [w.lower() for w in _WORD.findall(text)[:_SAMPLE_WORDS]]
    if not words:
        return None
    shares = {lang: sum(w in vocab for w in words) / len(words) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(shares, key=lambda lang: shares[lang])
    return best if shares[best] >= _MIN_SHARE else None
