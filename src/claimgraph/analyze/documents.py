"""One stored document for display: the extraction as it was made, and where its entities went.

A reader of an article wants its text with every mention, attribution and
claim at its offsets (the extraction contract's object, read back from the
store) and, for each entity, the canonical actor it now belongs to, so a
mention can link to that actor's dossier.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from claimgraph.errors import NotFoundError
from claimgraph.extraction import to_json
from claimgraph.model import Extraction
from claimgraph.store import schema as t
from claimgraph.store.read import entity_actors, read_extraction

PREFIX = "sha256:"  # how every document id starts; a user may leave it out of a prefix


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A stored document as extracted, and each entity's actor (local entity id → actor id)."""

    extraction: Extraction
    actors: dict[str, str]

    def to_json(self) -> dict[str, Any]:
        """The extraction contract's object for the document, plus ``actors``."""
        return {**to_json(self.extraction), "actors": dict(self.actors)}

    def marked_text(self) -> str:
        """The body with every mention in [brackets], each attribution's content in ⟨a1 …⟩ and each claim's
        evidence in ⟪c1 …⟫, so a reader sees what was recognised and read where.

        Marks nest where the spans nest (a span that starts earlier, or at the
        same place and is longer, opens first); a mention overlapping the one
        before it, or any span out of range, is left unmarked.
        """
        text = self.extraction.document.text
        marks: list[tuple[int, int, int, str]] = []  # (offset, 0 closes / 1 opens, nesting order, mark)

        def mark(start: int, end: int, opening: str, closing: str) -> None:
            if 0 <= start < end <= len(text):
                marks.extend([(start, 1, start - end, opening), (end, 0, end - start, closing)])

        at = 0
        for start, end in sorted(
            (m.start, m.end) for e in self.extraction.entities for m in e.mentions if m.field is None
        ):
            if start >= at:
                mark(start, end, "[", "]")
                at = max(at, end)
        for a in self.extraction.attributions:
            mark(a.content.start, a.content.end, f"⟨{a.id} ", "⟩")
        for c in self.extraction.claims:
            mark(c.evidence.start, c.evidence.end, f"⟪{c.id} ", "⟫")
        out, at = [], 0
        for offset, _, _, sign in sorted(marks):
            out += [text[at:offset], sign]
            at = offset
        return "".join([*out, text[at:]])


def document_view(conn: sa.Connection, document_id: str) -> DocumentView:
    """The document ``document_id`` (or a unique prefix of it) for display; ``NotFoundError`` when none is."""
    found = find_document(conn, document_id)
    return DocumentView(read_extraction(conn, found), entity_actors(conn, found))


def find_document(conn: sa.Connection, id_or_prefix: str) -> str:
    """The id of the one stored document whose id is, or starts with, ``id_or_prefix`` (``sha256:`` optional).

    Ids are long hashes; a reader copies the first few characters, as with
    git.  Several matches are refused with the candidates listed.
    """
    d = t.documents.c
    if conn.execute(sa.select(d.id).where(d.id == id_or_prefix)).first() is not None:
        return id_or_prefix
    prefix = id_or_prefix if id_or_prefix.startswith(PREFIX) else PREFIX + id_or_prefix
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute(
        sa.select(d.id, d.title).where(d.id.like(escaped + "%", escape="\\")).order_by(d.id).limit(11)
    ).all()
    if len(rows) == 1:
        return str(rows[0].id)
    if not rows:
        raise NotFoundError(f"no document is stored with id {id_or_prefix!r}")
    listed = [f"{r.id[: len(prefix) + 8]}… {r.title or ''}".rstrip() for r in rows[:10]]
    raise NotFoundError(f"{id_or_prefix!r} starts the ids of several documents; give more of it", listed)
