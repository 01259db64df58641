"""Entity names carry their document's day, in the covering index, so a dossier's aliases read no document.

A dossier's aliases come with the first and last day any of the actor's
names was written: one row per written name, and through ``documents`` an
index lookup of that row's document for its day, each on a page of its own
(document ids are content hashes).  At a million documents that was 1,644
of the 1,829 buffers the aliases of an actor with ~370 written names read.
A document is never changed once stored, so its day is written on its
entity names in the same transaction (as 0012 does for claims), copied here
onto the names stored before, and added to the covering index
``(name_id, surface, document_id, day)``, which answers the aliases alone.

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_entity_names_name_surface"


def upgrade() -> None:
    """Add the nullable column, fill it from the names' documents, and put it in the covering index."""
    op.add_column("entity_names", sa.Column("day", sa.String(10)))
    if op.get_bind().dialect.name == "postgresql":  # one join, not a lookup per name
        op.execute(
            "UPDATE entity_names SET day = documents.day FROM documents WHERE documents.id = entity_names.document_id"
        )
    else:
        op.execute(
            "UPDATE entity_names SET day = (SELECT day FROM documents WHERE documents.id = entity_names.document_id)"
        )
    op.drop_index(INDEX, table_name="entity_names")
    op.create_index(INDEX, "entity_names", ["name_id", "surface", "document_id", "day"])


def downgrade() -> None:
    """Back to the index without the day, and drop the column."""
    op.drop_index(INDEX, table_name="entity_names")
    op.create_index(INDEX, "entity_names", ["name_id", "surface", "document_id"])
    op.drop_column("entity_names", "day")
