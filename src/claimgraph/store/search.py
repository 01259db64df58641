"""Full-text search over documents: SQLite FTS5 or PostgreSQL tsvector.

The index itself is created by migration 0002; this module is the only
place that queries it, so no caller needs to know which dialect it talks to.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import sqlalchemy as sa


@dataclass(frozen=True, slots=True)
class Hit:
    """One document matching a search, best first."""

    document_id: str
    title: str | None
    published: str | None
    source_path: str
    snippet: str

    def to_json(self) -> dict[str, str | None]:
        return asdict(self)


def index_documents(conn: sa.Connection, documents: list[tuple[str, str | None, str]]) -> None:
    """Add ``(id, title, text)`` documents to the search index (PostgreSQL indexes its generated column by itself)."""
    if conn.dialect.name == "sqlite" and documents:
        conn.execute(
            sa.text("INSERT INTO documents_fts (document_id, title, text) VALUES (:id, :title, :text)"),
            [{"id": d, "title": title or "", "text": text} for d, title, text in documents],
        )


def _fts5_query(text: str) -> str:
    """Each word as a quoted FTS5 term, so user text is never read as query syntax."""
    return " ".join('"' + w.replace('"', "") + '"' for w in re.findall(r"\w+", text))


def search(conn: sa.Connection, text: str, limit: int = 20) -> list[Hit]:
    """Documents whose title or text contains every word of ``text``, best first."""
    if conn.dialect.name == "postgresql":
        sql = sa.text(
            "SELECT id, title, published, source_path, "
            "ts_headline('english', text, q, 'MaxWords=20, MinWords=8') AS snippet "
            "FROM documents, plainto_tsquery('english', :q) AS q WHERE search @@ q "
            "ORDER BY ts_rank(search, q) DESC, id LIMIT :limit"
        )
        params = {"q": text, "limit": limit}
    else:
        query = _fts5_query(text)
        if not query:
            return []
        sql = sa.text(
            "SELECT d.id, d.title, d.published, d.source_path, "
            "snippet(documents_fts, 2, '[', ']', '…', 16) AS snippet "
            "FROM documents_fts JOIN documents d ON d.id = documents_fts.document_id "
            "WHERE documents_fts MATCH :q ORDER BY rank, d.id LIMIT :limit"
        )
        params = {"q": query, "limit": limit}
    return [Hit(r.id, r.title, r.published, r.source_path, r.snippet) for r in conn.execute(sql, params)]
