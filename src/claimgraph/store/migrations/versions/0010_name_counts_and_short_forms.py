"""Per-name counters and short forms, so an actor is recomputed without reading one row per document.

* ``name_documents`` (documents behind each name) and ``name_spellings``
  (entities per name, spelling and type) are kept by the writer in each
  document's transaction; this revision fills them from the stored
  statements once.
* ``short_forms``: a person's short name scoped to one document whose only
  evidence is that document naming it as one actor with one full name.  It
  takes that full name's actor instead of being clustered.  It is derived,
  filled by the next refresh (the ``derived_version`` layout changed).

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the three tables and count the stored statements."""
    op.create_table(
        "name_documents",
        sa.Column("name_id", sa.String(length=40), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["name_id"], ["names.id"]),
        sa.PrimaryKeyConstraint("name_id"),
    )
    op.create_table(
        "name_spellings",
        sa.Column("name_id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("entities", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["name_id"], ["names.id"]),
        sa.PrimaryKeyConstraint("name_id", "name", "type"),
    )
    op.create_table(
        "short_forms",
        sa.Column("name_id", sa.String(length=40), nullable=False),
        sa.Column("full_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["name_id"], ["names.id"]),
        sa.ForeignKeyConstraint(["full_id"], ["names.id"]),
        sa.PrimaryKeyConstraint("name_id"),
    )
    op.create_index("ix_short_forms_full_id", "short_forms", ["full_id"])
    op.execute(
        "INSERT INTO name_documents (name_id, documents) "
        "SELECT name_id, count(DISTINCT document_id) FROM entity_names GROUP BY name_id"
    )
    op.execute(
        "INSERT INTO name_spellings (name_id, name, type, entities) "
        "SELECT name_id, name, type, count(*) FROM entities GROUP BY name_id, name, type"
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_table("short_forms")
    op.drop_table("name_spellings")
    op.drop_table("name_documents")
