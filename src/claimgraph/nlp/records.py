"""The only place spaCy objects are unwrapped into claimgraph records.

(Baseline: plain spaCy NER mapped to the contract's types; the entities
work replaces this with gazetteer- and rule-aware entities.)
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.model import Document, Entity, EntityType, Span

_LABELS: dict[str, EntityType] = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "PLACE", "LOC": "PLACE"}


def entities_from_doc(doc: Doc, document: Document) -> list[Entity]:
    """One ``Entity`` per distinct name, with every mention's character span."""
    by_name: dict[str, Entity] = {}
    for ent in doc.ents:
        etype = _LABELS.get(ent.label_)
        if etype is None:
            continue
        entity = by_name.get(ent.text)
        if entity is None:
            entity = by_name[ent.text] = Entity(id=f"e{len(by_name) + 1}", name=ent.text, type=etype)
        entity.mentions.append(Span(ent.start_char, ent.end_char, ent.text))
    return list(by_name.values())
