"""The model's rule lemmatizer run over a document's columns, with a bounded memory of the lemmas it gave.

spaCy's ``Lemmatizer`` builds a ``Token`` for every word, reads its part of
speech and morphology through it and, for most words (a singular noun, a
verb in its base form: "base forms", which it never caches), works the
lemma out again every time: some 5% of our extraction.  A rule lemma
depends on the word, its part of speech and its morphology alone (spaCy's
own cache is keyed by those three), so here the three are read as columns
of the document, a lemma is worked out by the lemmatizer itself the first
time a triple is met, and the document's new lemmas are written back as one
column: the same lemmas, in the same tokens, as before.

Both memories are bounded: ours and the lemmatizer's own cache (which spaCy
never empties, so it grew with every new word of a long run) are emptied
together when ours holds ``REMEMBERED`` triples.  A token without a part of
speech is left to the lemmatizer each time, which warns about it as before.
"""

from __future__ import annotations

from typing import Any, cast

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

# Triples remembered before both memories are emptied: some 10 MB.
REMEMBERED = 50_000


class ColumnLemmas(Lemmatizer):
    """A rule lemmatizer's ``__call__`` over columns; mixed into the model's own lemmatizer class."""

    remembered: dict[tuple[int, int, int], str]  # (word, part of speech, morphology) → its lemma

    def __call__(self, doc: Doc) -> Doc:
        """The lemmas of ``doc``; an error reaches the pipeline's error handler through ``nlp`` and ``pipe``."""
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas: Any = table[:, 3].copy()
        memory = self.remembered
        add = self.vocab.strings.add
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not self.overwrite:
                continue  # the attribute ruler's lemma stands
            key = (orth, pos, morph)
            form = memory.get(key)
            if form is None:
                form = self.lemmatize(doc[i])[0]
                if pos:
                    if len(memory) >= REMEMBERED:
                        memory.clear()
                        self.cache.clear()
                    memory[key] = form
            lemmas[i] = add(form)
        return doc.from_array([LEMMA], lemmas)


_CLASSES: dict[type[Lemmatizer], type[Lemmatizer]] = {}  # a lemmatizer class → itself with ColumnLemmas mixed in


def _with_columns(cls: type[Lemmatizer]) -> type[Lemmatizer]:
    if cls not in _CLASSES:
        _CLASSES[cls] = type(f"Column{cls.__name__}", (ColumnLemmas, cls), {})
    return _CLASSES[cls]


def lemmatize_by_columns(nlp: Language) -> None:
    """Give the model's lemmatizer, when it is a rule lemmatizer, the column reading of ``ColumnLemmas``."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule" and not isinstance(lemmatizer, ColumnLemmas):
        lemmatizer.__class__ = _with_columns(type(lemmatizer))
        cast(ColumnLemmas, lemmatizer).remembered = {}
