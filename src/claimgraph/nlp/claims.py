"""Claims over the contract's predicate set. (Being written: claims work.)"""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.model import Attribution, Claim, Document, Entity


def find_claims(doc: Doc, document: Document, entities: list[Entity], attributions: list[Attribution]) -> list[Claim]:
    """Every claim in ``doc`` with its polarity, hedge, source and via-chain."""
    return []
