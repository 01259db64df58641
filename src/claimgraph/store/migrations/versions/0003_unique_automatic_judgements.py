"""One automatic judgement per pair of names and reason.

Two ingests at once could each find a pair of names unjudged and both
store the same verdict; a unique partial index lets the second insert skip it
(``ON CONFLICT DO NOTHING``).  Copies an older store already holds are
removed first, keeping the earliest.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Drop repeated automatic judgements, then make them impossible."""
    op.execute(
        "DELETE FROM judgements WHERE by_hand = false AND id NOT IN "
        "(SELECT min(id) FROM judgements WHERE by_hand = false GROUP BY left_id, right_id, reason)"
    )
    where = sa.column("by_hand").is_(False)
    op.create_index(
        "ux_judgements_auto",
        "judgements",
        ["left_id", "right_id", "reason"],
        unique=True,
        sqlite_where=where,
        postgresql_where=where,
    )


def downgrade() -> None:
    """Allow repeated automatic judgements again."""
    op.drop_index("ux_judgements_auto", table_name="judgements")
