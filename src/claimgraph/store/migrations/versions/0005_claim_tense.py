"""Claims stated as over: an optional ``tense`` column ("past"; NULL for a relation that holds).

A relation the text states as over ("former leader", "had allied") is
stored with ``tense = 'past'``, so conflicts across documents can tell a
change over time from a contradiction.  Claims stored before this revision
keep NULL: they were read as holding.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the nullable column."""
    op.add_column("claims", sa.Column("tense", sa.String(10)))


def downgrade() -> None:
    """Drop it."""
    op.drop_column("claims", "tense")
