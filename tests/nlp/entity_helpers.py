"""Run the real entity pipeline over our own sentences (the model loads once per session)."""

from __future__ import annotations

from functools import cache

from spacy.language import Language

from claimgraph.model import Dateline, Document, Entity
from claimgraph.names import fold
from claimgraph.nlp.components.pipeline import load_language
from claimgraph.nlp.components.records import entities_from_doc


@cache
def pipeline(ner_model: str | None = None) -> Language:
    """The extraction pipeline; with ``ner_model``, that model's recognizer in place of the configured one."""
    return load_language(ner_model=ner_model)


def entities(
    text: str,
    title: str | None = None,
    authors: list[str] | None = None,
    publisher: str | None = None,
    dateline: str | None = None,
    ner_model: str | None = None,
) -> list[Entity]:
    """The entities ``claimgraph extract`` would report for a document with this body and metadata."""
    document = Document(
        id="sha256:test",
        source_path="test.txt",
        text=text,
        title=title,
        authors=authors or [],
        publisher=publisher,
        dateline=Dateline(dateline, None) if dateline else None,
    )
    nlp = pipeline(ner_model)
    return entities_from_doc(nlp(text), document, nlp(title) if title else None)


def by_name(found: list[Entity], name: str) -> Entity:
    """The entity that has ``name`` as its name or one of its aliases (compared as the scorer does)."""
    for entity in found:
        if fold(name) in {fold(n) for n in (entity.name, *entity.aliases)}:
            return entity
    raise AssertionError(f"no entity named {name!r} among {[(e.name, e.type, e.aliases) for e in found]}")
