"""Covering indexes for what a dossier reads per row, so ``show`` reads no table page for them.

A dossier looks up, for every claim and every written name of its actor, a
document's day and publisher and its near-duplicate origin, and it reads a
name's spellings with their documents and its entities' gazetteer entries.
Each lookup read an index page and then a table page; with the columns in
the index it reads the index page alone (an index-only scan once the table's
pages are marked all-visible, which autovacuum does after a bulk load):

* ``documents (id, day, publisher)`` and ``origins (document_id, origin_id)``;
* ``entity_names (name_id, surface, document_id)`` and ``entities (name_id,
  gazetteer_id)``, which replace the indexes on ``name_id`` alone (they
  serve the same lookups).

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REPLACED = (("entities", "ix_entities_name_id"), ("entity_names", "ix_entity_names_name_id"))


def upgrade() -> None:
    """Create the covering indexes, then drop the two they replace."""
    op.create_index("ix_documents_id_day", "documents", ["id", "day", "publisher"])
    op.create_index("ix_origins_document_origin", "origins", ["document_id", "origin_id"])
    op.create_index("ix_entities_name_gazetteer", "entities", ["name_id", "gazetteer_id"])
    op.create_index("ix_entity_names_name_surface", "entity_names", ["name_id", "surface", "document_id"])
    for table, index in REPLACED:
        op.drop_index(index, table_name=table)


def downgrade() -> None:
    """Back to the indexes on ``name_id`` alone, without the covering ones."""
    for table, index in REPLACED:
        op.create_index(index, table, ["name_id"])
    op.drop_index("ix_entity_names_name_surface", table_name="entity_names")
    op.drop_index("ix_entities_name_gazetteer", table_name="entities")
    op.drop_index("ix_origins_document_origin", table_name="origins")
    op.drop_index("ix_documents_id_day", table_name="documents")
