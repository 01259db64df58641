"""Lines in capitals (wire headlines, datelines, CoNLL-style titles) read by the model in ordinary case.

The small model finds almost no entities in "TAJIK TROOPS RETAKE TOWN" or
"BELGRADE 1996-08-22": capitals carry none of the case cues it learned.
``truecase`` rewrites such stretches as a headline would be written ("Tajik
Troops Retake Town", "Belgrade 1996-08-22") without changing the text's
length, so every character offset stays valid; ``restore`` then puts the
parse onto a ``Doc`` of the original text, so mentions, quotes and evidence
still read exactly what the document says.

What is rewritten: a line whose cased letters are (nearly) all capitals,
and a leading run of capitalised words before a comma, bracket, dash or
date (the dateline of "BEIRUT, Jan 5 (Reuters) -").
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, MORPH, POS, SPACY, TAG
from spacy.tokens import Doc, Span

_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?")
_LEADING_CAPS = re.compile(r"^((?:[A-Z][A-Z'’.-]+\s+){0,3}[A-Z][A-Z'’-]{2,})(?=\s*(?:[,(/–—-]|\d))")
_FUNCTION_WORDS_TEXT = (
    "a an the of in on at to for by and or but as with from into over after before against is are was "
    "were be has have had it its not no vs"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
_VOWELS = frozenset("AEIOUY")
CAPS_SHARE = 0.9  # share of a line's cased letters in capitals that makes it a line in capitals
MIN_CAPS_WORDS = 2
# The annotation a restored Doc takes over, in the order Doc's constructor sets it.
_PARSE = [POS, HEAD, DEP, LEMMA, TAG, MORPH]


def _word(word: str, first: bool) -> str:
    """One word in capitals as a headline would write it; same length."""
    if not word.isupper():
        return word
    if word.lower() in _FUNCTION_WORDS and not first:
        return word.lower()
    if len(word) <= 2 or (len(word) == 3 and not _VOWELS.intersection(word)):
        return word  # an acronym, most likely ("UN", "BBC"); "WIN" and "NOW" are words
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def _recase(segment: str) -> str:
    out, last = [], 0
    for n, m in enumerate(_WORD.finditer(segment)):
        out += [segment[last : m.start()], _word(m.group(), n == 0)]
        last = m.end()
    out.append(segment[last:])
    return "".join(out)


def _in_capitals(line: str) -> bool:
    cased = [c for c in line if c.isalpha() and (c.isupper() or c.islower())]
    if not cased or sum(c.isupper() for c in cased) < CAPS_SHARE * len(cased):
        return False
    return sum(1 for w in _WORD.findall(line) if len(w) > 1 and w.isupper()) >= MIN_CAPS_WORDS


def truecase(text: str) -> str:
    """``text`` with its lines in capitals and capitalised datelines in ordinary case, same length."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _in_capitals(line):
            lines[i] = _recase(line)
        elif m := _LEADING_CAPS.match(line):
            lines[i] = _recase(m.group(1)) + line[m.end(1) :]
    return "\n".join(lines)


def restore(parsed: Doc, text: str) -> Doc:
    """A ``Doc`` of the original ``text`` carrying the annotation of ``parsed`` (its truecased twin).

    All of it: the parse, the entities, every span group our components wrote
    (the event triggers, with their labels and ids) and the extension values
    kept in ``user_data``, which are keyed by character offsets, the same in
    both texts.
    """
    starts, lengths = parsed.to_array(IDX).tolist(), parsed.to_array(LENGTH).tolist()
    words = [text[start : start + length] for start, length in zip(starts, lengths, strict=True)]
    doc = Doc(parsed.vocab, words=words, spaces=[bool(s) for s in parsed.to_array(SPACY).tolist()])
    if len(doc):  # the parse as columns: what Doc(words, tags=…, heads=…) sets, without a Token a value
        annotation: Any = parsed.to_array(_PARSE)  # uint64 keys; spaCy's stubs call it floats
        doc.from_array(_PARSE, annotation)
    doc.ents = [Span(doc, e.start, e.end, label=e.label_, kb_id=e.kb_id_) for e in parsed.ents]
    for name, group in parsed.spans.items():
        doc.spans[name] = [Span(doc, s.start, s.end, label=s.label_, kb_id=s.kb_id_) for s in group]
    doc.user_data.update(parsed.user_data)
    return doc
