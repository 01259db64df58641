"""Where each place is, and one name per outlet.

* ``entities`` gains the place's GeoNames id, coordinates, country and
  first-level region (the contract's ``entities[].geo``), so exports locate
  places as extraction did instead of guessing again from the name.
  Entities stored before this revision have none; a re-ingest does not add
  them (documents are stored once).
* ``outlets`` (derived, rebuilt with the near-duplicate origins whenever
  documents change) maps every spelling of a publisher to one key and one
  name: "Reuters" and "reuters" are one outlet.  It is filled at the first
  read after this revision (origins are marked stale here).

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GEO = ("geonames_id", "lat", "lon", "country", "admin1")


def upgrade() -> None:
    """Add the place columns and the outlets table; have the next read fill it."""
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("geonames_id", sa.Integer()))
        batch.add_column(sa.Column("lat", sa.Float()))
        batch.add_column(sa.Column("lon", sa.Float()))
        batch.add_column(sa.Column("country", sa.Text()))
        batch.add_column(sa.Column("admin1", sa.Text()))
    op.create_table(
        "outlets",
        sa.Column("spelling", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("spelling"),
    )
    op.create_index("ix_outlets_key", "outlets", ["key"])
    op.execute("DELETE FROM meta WHERE key = 'stale_origins'")
    op.execute("INSERT INTO meta (key, value) VALUES ('stale_origins', '1')")


def downgrade() -> None:
    """Drop them.

    The columns are dropped in place (SQLite has ``DROP COLUMN`` since 3.35):
    batch mode would copy ``entities`` to a new table and drop the old one,
    which SQLite refuses while mentions and claims point at its rows (the
    store keeps foreign keys on, and a migration runs inside one transaction,
    where they cannot be turned off).
    """
    op.drop_index("ix_outlets_key", table_name="outlets")
    op.drop_table("outlets")
    for column in GEO:
        op.drop_column("entities", column)
