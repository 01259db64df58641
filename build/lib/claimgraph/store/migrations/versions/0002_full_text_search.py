"""Full-text search over document titles and text.

SQLite gets an FTS5 table filled alongside each document; PostgreSQL gets a
generated ``tsvector`` column with a GIN index.  Documents stored before
this revision are indexed here, so an older store gains search on upgrade.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the dialect's search index and fill it from stored documents."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED"
        )
        op.execute("CREATE INDEX ix_documents_search ON documents USING gin (search)")
    else:
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(document_id UNINDEXED, title, text)")
        op.execute(
            "INSERT INTO documents_fts (document_id, title, text) SELECT id, coalesce(title, ''), text FROM documents"
        )


def downgrade() -> None:
    """Drop the search index."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_documents_search")
        op.execute("ALTER TABLE documents DROP COLUMN search")
    else:
        op.execute("DROP TABLE documents_fts")
