"""Events: one row per event a document reports, with its figures, its place's coordinates and provenance.

Stores made before this revision have no events; re-ingesting their
documents does not add them (documents are stored once), so the table
starts empty for them.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the events table."""
    op.create_table(
        "events",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("document_id", sa.String(length=80), nullable=False),
        sa.Column("local_id", sa.String(length=20), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=24), nullable=True),
        sa.Column("actor_id", sa.String(length=40), nullable=True),
        sa.Column("actor_name_id", sa.String(length=40), nullable=True),
        sa.Column("target_id", sa.String(length=40), nullable=True),
        sa.Column("target_name_id", sa.String(length=40), nullable=True),
        sa.Column("place_id", sa.String(length=40), nullable=True),
        sa.Column("place_name_id", sa.String(length=40), nullable=True),
        sa.Column("place_geonames_id", sa.Integer(), nullable=True),
        sa.Column("place_lat", sa.Float(), nullable=True),
        sa.Column("place_lon", sa.Float(), nullable=True),
        sa.Column("place_country", sa.Text(), nullable=True),
        sa.Column("place_admin1", sa.Text(), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("killed_min", sa.Integer(), nullable=True),
        sa.Column("killed_max", sa.Integer(), nullable=True),
        sa.Column("wounded_min", sa.Integer(), nullable=True),
        sa.Column("wounded_max", sa.Integer(), nullable=True),
        sa.Column("kidnapped_min", sa.Integer(), nullable=True),
        sa.Column("kidnapped_max", sa.Integer(), nullable=True),
        sa.Column("polarity", sa.String(length=10), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("source_id", sa.String(length=40), nullable=True),
        sa.Column("source_name_id", sa.String(length=40), nullable=True),
        sa.Column("via", sa.Text(), nullable=False),
        sa.Column("attribution_id", sa.String(length=40), nullable=True),
        sa.Column("claims", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("trigger_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.ForeignKeyConstraint(["actor_id"], ["entities.id"]),
        sa.ForeignKeyConstraint(["target_id"], ["entities.id"]),
        sa.ForeignKeyConstraint(["place_id"], ["entities.id"]),
        sa.ForeignKeyConstraint(["source_id"], ["entities.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("document_id", "type", "actor_name_id", "target_name_id", "place_name_id", "date", "source_name_id"):
        op.create_index(f"ix_events_{column}", "events", [column])


def downgrade() -> None:
    """Drop the events table."""
    op.drop_table("events")
