"""One stored document for display: the extraction as it was made, and where its entities went.

A reader of an article wants its text with every mention, attribution and
claim at its offsets (the extraction contract's object, read back from the
store) and, for each entity, the canonical actor it now belongs to, so a
mention can link to that actor's dossier.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from claimgraph.extraction import to_json
from claimgraph.model import Extraction
from claimgraph.store.read import entity_actors, read_extraction


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A stored document as extracted, and each entity's actor (local entity id → actor id)."""

    extraction: Extraction
    actors: dict[str, str]

    def to_json(self) -> dict[str, Any]:
        """The extraction contract's object for the document, plus ``actors``."""
        return {**to_json(self.extraction), "actors": dict(self.actors)}


def document_view(conn: sa.Connection, document_id: str) -> DocumentView:
    """The document ``document_id`` for display; ``NotFoundError`` when no such document is stored."""
    return DocumentView(read_extraction(conn, document_id), entity_actors(conn, document_id))
