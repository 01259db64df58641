"""Claims carry their document's day and publisher, so a dossier reads no document per claim.

A dossier needs every claim's day (its order, first and last seen, a
conflict's change over time) and publisher (``reported_by``); read through
``documents`` that was an index lookup per claim, each on a page of its own
(document ids are content hashes), and at a million documents those pages
are mostly outside the server's cache: for an actor of ~550 claims about
2,200 of the claims query's ~4,800 buffers.  A document is never changed
once stored, so its day and publisher are written on its claims in the same
transaction, and copied here onto the claims stored before.

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the two nullable columns and fill them from the claims' documents."""
    op.add_column("claims", sa.Column("day", sa.String(10)))
    op.add_column("claims", sa.Column("publisher", sa.Text))
    if op.get_bind().dialect.name == "postgresql":  # one join, not a lookup per claim
        op.execute(
            "UPDATE claims SET day = documents.day, publisher = documents.publisher "
            "FROM documents WHERE documents.id = claims.document_id"
        )
    else:
        op.execute(
            "UPDATE claims SET day = (SELECT day FROM documents WHERE documents.id = claims.document_id), "
            "publisher = (SELECT publisher FROM documents WHERE documents.id = claims.document_id)"
        )


def downgrade() -> None:
    """Drop them."""
    op.drop_column("claims", "publisher")
    op.drop_column("claims", "day")
