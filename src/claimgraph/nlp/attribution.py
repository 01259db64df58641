"""Reported speech: source, cue and content. (Being written: claims work.)"""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.model import Attribution, Entity


def find_attributions(doc: Doc, entities: list[Entity]) -> list[Attribution]:
    """Every attribution in ``doc``, its source resolved to ``entities`` where possible."""
    return []
