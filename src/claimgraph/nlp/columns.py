"""A document's token attributes read as columns, without building a ``Token`` per token.

Every ``doc[i]`` and every step of ``for tok in doc`` makes a new Python
``Token``; a stage that scans the whole document for a few words pays that
for each token.  ``doc.to_array`` hands an attribute of all tokens over as
integers at once, and the few strings behind them (the distinct lemmas of a
document) are looked up once each.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.attrs import LEMMA
from spacy.tokens import Doc


def lemma_positions(doc: Doc, lemmas: Collection[str]) -> list[int]:
    """The indices of the tokens whose lemma, lowercased, is one of ``lemmas`` (lowercase), in order."""
    return [i for i, lemma in enumerate(strings(doc, LEMMA)) if lemma.lower() in lemmas]


def strings(doc: Doc, attr: int) -> list[str]:
    """The string attribute ``attr`` (``ORTH``, ``LOWER``, …) of every token, each distinct value looked up once."""
    column = doc.to_array(attr).tolist()
    store = doc.vocab.strings
    looked = {key: store[key] for key in set(column)}
    return [looked[key] for key in column]


def integers(doc: Doc, attr: int) -> list[int]:
    """The integer attribute ``attr`` (``IDX``, the character offsets, …) of every token."""
    values: list[int] = doc.to_array(attr).tolist()
    return values


def flags(doc: Doc, attr: int) -> list[bool]:
    """The boolean attribute ``attr`` (``IS_TITLE``, …) of every token."""
    return [bool(v) for v in doc.to_array(attr).tolist()]
