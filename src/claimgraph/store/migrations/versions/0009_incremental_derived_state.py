"""Incremental derived state: what changed since the last refresh, resolution blocks, MinHash bands, publishers.

``touched`` lists the names and documents written or judged since the
derived rows were brought up to date; ``name_blocks`` and ``minhash_bands``
let a new name or document find its neighbours without re-keying or
re-signing the store.  A store made before this revision has neither
index: its first refresh rebuilds everything once and fills them (the
``meta`` key ``derived_version`` says which index layout a store holds).

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the three tables and index the documents' publishers (outlets are recounted by publisher)."""
    op.create_table(
        "touched",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("item_id", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_table(
        "name_blocks",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("name_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["name_id"], ["names.id"]),
        sa.PrimaryKeyConstraint("key", "name_id"),
    )
    op.create_index("ix_name_blocks_name_id", "name_blocks", ["name_id"])
    op.create_table(
        "minhash_bands",
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.LargeBinary(), nullable=False),
        sa.Column("document_id", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.PrimaryKeyConstraint("band", "bucket", "document_id"),
    )
    op.create_index("ix_minhash_bands_document_id", "minhash_bands", ["document_id"])
    op.create_index("ix_documents_publisher", "documents", ["publisher"])


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_documents_publisher", table_name="documents")
    op.drop_table("minhash_bands")
    op.drop_table("name_blocks")
    op.drop_table("touched")
