"""Loading the spaCy pipeline and running it over documents.

The ``Analyzer`` owns one loaded ``Language``; it streams documents through
``nlp.pipe`` in batches and hands each parsed ``Doc`` to ``records`` (the
only place spaCy objects become our records).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language

from claimgraph import settings
from claimgraph.errors import ModelError
from claimgraph.model import Document, Extraction, ExtractionError


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
        for item in items:
            if isinstance(item, ExtractionError):
                yield item
            else:
                yield Extraction(document=item)
