"""What reading changed without failing a document, kept with it: a nullable ``warnings`` column.

``claimgraph errors --warnings`` lists them and the ingest summary counts
them, so a stripped control character or a date read by a guessed
convention is never lost between extraction and the store.  The column
holds a JSON list of ``{"code", "message"}`` (the contract's
``document.warnings``); NULL for a document reading changed nothing in,
and for documents stored before this revision (their warnings were not
kept).

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the nullable column."""
    op.add_column("documents", sa.Column("warnings", sa.Text()))


def downgrade() -> None:
    """Drop it."""
    op.drop_column("documents", "warnings")
