"""A person named in full and later by surname alone: the surname is that person wherever it stands.

News names a person in full once ("Britain's foreign secretary, Jeremy Hunt")
and then by surname ("Hunt said", "Britain's Hunt").  The small model often
misses the lone surname, above all where the surname is also an English
word ("Waters pulled off ...") or the sentence gives it no context.
``claimgraph_surnames_v1`` runs last and marks each capitalised token that
is the last word of a PERSON of two or more words, outside every other
span, as a PERSON mention (alias grouping then ties it to the full name).

Left alone: a token inside a longer capitalised run (another name), a
sentence-initial word the tagger does not call a proper noun and no verb
follows ("Hunt for the gunmen ..."), and a surname that is also a country or
known place.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimgraph.names import HONORIFICS
from claimgraph.nlp.entities.places import is_known_place

MIN_LETTERS = 3


def _name_word(tok: Token) -> bool:
    return tok.is_title and tok.pos_ == "PROPN"


def _alone(doc: Doc, tok: Token) -> bool:
    """Not part of a longer capitalised name on either side."""
    before = doc[tok.i - 1] if tok.i > 0 else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and (_name_word(after) or after.text == "-"):
        return False
    return before is None or before.is_sent_end or not (_name_word(before) or before.text == "-")


def _subject(doc: Doc, tok: Token) -> bool:
    """A sentence-initial word a verb follows ("Waters pulled out"), whatever the tagger called it."""
    return tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("VERB", "AUX")


class SurnameMentions:
    """Adds PERSON spans for lone surnames of people the document names in full."""

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        surnames = {
            e[-1].text
            for e in ents
            if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_title and len(e[-1].text) >= MIN_LETTERS
        }
        surnames = {s for s in surnames if s.lower() not in HONORIFICS and not is_known_place(s)}
        if not surnames:
            return doc
        taken = {i for e in ents for i in range(e.start, e.end)}
        found = [
            Span(doc, tok.i, tok.i + 1, label="PERSON")
            for tok in doc
            if tok.text in surnames
            and tok.i not in taken
            and (tok.pos_ == "PROPN" or not tok.is_sent_start or _subject(doc, tok))
            and _alone(doc, tok)
        ]
        if found:
            doc.ents = sorted([*ents, *found], key=lambda s: s.start)
        return doc
