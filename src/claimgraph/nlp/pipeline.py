"""Loading the spaCy pipeline and running it over documents.

The ``Analyzer`` owns one loaded ``Language``; it streams documents through
``nlp.pipe`` in batches and hands each parsed ``Doc`` to ``records`` (the
only place spaCy objects become our records).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph import settings
from claimgraph.errors import ModelError
from claimgraph.model import Document, Extraction, ExtractionError
from claimgraph.nlp.attribution import find_attributions
from claimgraph.nlp.claims import find_claims
from claimgraph.nlp.conflicts import find_conflicts
from claimgraph.nlp.records import entities_from_doc


def load_language(model: str | None = None) -> Language:
    """Load the configured spaCy model (a package name or a path)."""
    name = model or settings.get("model")
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: {exc}") from exc


class Analyzer:
    """A loaded pipeline that turns ``Document``s into ``Extraction``s."""

    def __init__(self, nlp: Language, batch_size: int = 32) -> None:
        self.nlp = nlp
        self.batch_size = batch_size

    @classmethod
    def load(cls, model: str | None = None) -> Analyzer:
        return cls(load_language(model), settings.get_int("batch_size"))

    def analyse_stream(self, items: Iterable[Document | ExtractionError]) -> Iterator[Extraction | ExtractionError]:
        """Analyse documents in input order; errors pass straight through."""
        # Documents are parsed a chunk at a time with nlp.pipe; the chunk is then
        # emitted in input order with its read errors in place.
        for chunk in batched(items, self.batch_size):
            documents = [item for item in chunk if isinstance(item, Document)]
            parsed = iter(self.nlp.pipe((d.text for d in documents), batch_size=self.batch_size))
            for item in chunk:
                yield item if isinstance(item, ExtractionError) else analyse_doc(next(parsed), item)


def batched(items: Iterable[Document | ExtractionError], size: int) -> Iterator[list[Document | ExtractionError]]:
    """Successive lists of ``size`` items (itertools.batched arrives in 3.12)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def analyse_doc(doc: Doc, document: Document) -> Extraction:
    """Entities, then attributions, then claims over them, then conflicts among the claims."""
    entities = entities_from_doc(doc, document)
    attributions = find_attributions(doc, entities)
    claims = find_claims(doc, document, entities, attributions)
    return Extraction(
        document=document,
        entities=entities,
        attributions=attributions,
        claims=claims,
        conflicts=find_conflicts(claims),
    )
