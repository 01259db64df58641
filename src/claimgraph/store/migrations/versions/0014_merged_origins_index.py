"""The origins of near-duplicate documents indexed alone, so a dossier reads the origin of few claims.

A dossier reads every claim's origin, to count independent origins: a
lookup in ``origins`` per claim, each on a page of its own (document ids
are content hashes), in a covering index of every document (0011).  Most
documents are their own origin, which a document without an entry reads as
already.  A partial index holds only the documents whose origin is another
one; the dossier looks up claims' documents there, so a document that is
its own origin costs a probe of a small index that stays in the cache.  At
a million documents none of them near-duplicates, an actor of ~560 claims:
the claims query 2,631 -> 1,510 buffers.  The covering index on every
document serves nothing else (lookups by document use the primary key) and
is dropped.

Revision ID: 0014
Revises: 0013
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the partial index, then drop the covering one it replaces."""
    merged = sa.column("origin_id") != sa.column("document_id")
    op.create_index(
        "ix_origins_merged",
        "origins",
        ["document_id", "origin_id"],
        sqlite_where=merged,
        postgresql_where=merged,
    )
    op.drop_index("ix_origins_document_origin", table_name="origins")


def downgrade() -> None:
    """Back to the covering index of every document."""
    op.create_index("ix_origins_document_origin", "origins", ["document_id", "origin_id"])
    op.drop_index("ix_origins_merged", table_name="origins")
