"""The matcher version on automatic judgements: a ``matcher`` column on ``judgements``.

An improved matcher should re-decide what an older one decided, so each
judgement the matcher makes records its version and a refresh forgets the
older ones and judges again.  Judgements stored before this revision get
version 0 (older than any matcher), except hand judgements and the ones a
document made by naming two names as one actor: those stay NULL, because
they are not the matcher's to revisit.  The reason text written for a
document's judgement at the time of this revision is spelled out here, as
a migration must not depend on code that may change later.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the column, date the matcher's old judgements as version 0, index it."""
    with op.batch_alter_table("judgements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("matcher", sa.Integer()))
        batch_op.create_index(batch_op.f("ix_judgements_matcher"), ["matcher"], unique=False)
    op.execute("UPDATE judgements SET matcher = 0 WHERE by_hand = false AND reason NOT LIKE 'named as one actor in %'")


def downgrade() -> None:
    """Drop the index and the column."""
    with op.batch_alter_table("judgements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_judgements_matcher"))
        batch_op.drop_column("matcher")
