"""Search as an analyst browses: actors by any of their names, documents by their words, faceted and paged.

One query answers both halves of the workbench's search box:

* **actors** whose name, or any alias, folds to start with the text (or has
  a word that does, or shares its transliteration key), each with the
  number of documents that wrote one of its names;
* **documents** whose title or text holds every word (SQLite FTS5 or
  PostgreSQL tsvector), best first, with a snippet whose matched words are
  given as offsets (so a front end highlights them without parsing markup),
  filtered by outlet, predicate and date range and paged, newest first (a news analyst reads a story forward from its latest report).

Facet counts (actor types; outlets, predicates and years of the matching
documents) are computed over the same filtered match, each by one grouped
query, never per row.  A word held by more than ``MATCH_LIMIT`` documents
is answered from the first ``MATCH_LIMIT`` of them (``capped``, with the
exact total), so a search for "said" stays a search and not a full scan.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa

from claimgraph.names import fold, name_key
from claimgraph.store import schema as t

SNIPPET = 240  # characters of text around the first matched word
ACTOR_LIMIT = 25
MATCH_LIMIT = 2_000  # matching documents that pages and facets are computed over


@dataclass(frozen=True, slots=True)
class BrowseQuery:
    """What the search box and its facets ask for."""

    text: str = ""
    type: str | None = None
    predicate: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    offset: int = 0
    limit: int = 20


@dataclass(frozen=True, slots=True)
class ActorHit:
    id: str
    name: str
    type: str
    documents: int
    matched: str  # the alias that matched the text

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DocumentHit:
    id: str
    title: str | None
    published: str | None
    day: str | None
    publisher: str | None
    snippet: str
    highlights: list[tuple[int, int]]  # [start, end) offsets of matched words in ``snippet``

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["highlights"] = [list(h) for h in self.highlights]
        return out


@dataclass(slots=True)
class BrowseResult:
    query: BrowseQuery
    actors: list[ActorHit] = field(default_factory=list)
    actors_total: int = 0
    documents: list[DocumentHit] = field(default_factory=list)
    documents_total: int = 0
    capped: bool = False  # more than MATCH_LIMIT documents hold the words: pages and facets cover MATCH_LIMIT
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": asdict(self.query),
            "actors": [a.to_json() for a in self.actors],
            "actors_total": self.actors_total,
            "documents": [d.to_json() for d in self.documents],
            "documents_total": self.documents_total,
            "capped": self.capped,
            "facets": self.facets,
        }


def find_actors(conn: sa.Connection, text: str, type: str | None = None) -> list[ActorHit]:
    """The best ``ACTOR_LIMIT`` actors one of whose names matches ``text`` (see the module docstring)."""
    return _actors(conn, BrowseQuery(text=text, type=type))[0]


def _matching_names(conn: sa.Connection, text: str) -> dict[str, str]:
    """Name id → name for every stored name matching ``text``: a folded prefix (by the index), a word
    inside the name starting with it (one pass over the short folded names), or the same transliteration key."""
    folded, key = fold(text), name_key(text)
    n = t.names.c
    found = dict(conn.execute(sa.select(n.id, n.name).where(n.fold >= folded, n.fold < folded + "\U0010ffff")).all())
    found.update(conn.execute(sa.select(n.id, n.name).where(sa.func.instr(n.fold, " " + folded) > 0)).all())
    if key:
        found.update(conn.execute(sa.select(n.id, n.name).where(n.key == key)).all())
    return found


def _actors(conn: sa.Connection, q: BrowseQuery) -> tuple[list[ActorHit], int, list[dict[str, Any]]]:
    folded = fold(q.text)
    if not folded:
        return [], 0, []
    names = _matching_names(conn, q.text)
    a, c = t.actors.c, t.canonical.c
    matched: dict[str, str] = {}
    for chunk in _chunks(sorted(names)):
        for name_id, actor_id in conn.execute(sa.select(c.name_id, c.actor_id).where(c.name_id.in_(chunk))):
            matched[actor_id] = min(matched.get(actor_id, names[name_id]), names[name_id])
    rows: list[Any] = []
    for chunk in _chunks(sorted(matched)):
        rows.extend(conn.execute(sa.select(a.id, a.name, a.type).where(a.id.in_(chunk))).all())
    types: dict[str, int] = {}
    for r in rows:
        types[r.type] = types.get(r.type, 0) + 1
    facet = [{"value": k, "count": v} for k, v in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))]
    kept = [r for r in rows if q.type is None or r.type == q.type]
    # Exact names first, then prefixes, then the rest; among equals, the shorter name.
    kept.sort(key=lambda r: (fold(r.name) != folded, not fold(r.name).startswith(folded), len(r.name), r.name, r.id))
    page = kept[:ACTOR_LIMIT]
    counts = _document_counts(conn, [r.id for r in page])
    hits = [ActorHit(r.id, r.name, r.type, counts.get(r.id, 0), matched[r.id]) for r in page]
    return hits, len(kept), facet


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _document_counts(conn: sa.Connection, actor_ids: list[str]) -> dict[str, int]:
    if not actor_ids:
        return {}
    en, c = t.entity_names.c, t.canonical.c
    rows = conn.execute(
        sa.select(c.actor_id, sa.func.count(sa.distinct(en.document_id)))
        .join(t.entity_names, en.name_id == c.name_id)
        .where(c.actor_id.in_(actor_ids))
        .group_by(c.actor_id)
    ).all()
    return {r[0]: int(r[1]) for r in rows}


def _fts5_query(text: str) -> str:
    return " ".join('"' + w.replace('"', "") + '"' for w in re.findall(r"\w+", text))


@dataclass(frozen=True, slots=True)
class _Matches:
    """The documents holding the words: their ids (at most ``MATCH_LIMIT``) and how many there are in all."""

    ids: list[str]
    total: int

    @property
    def capped(self) -> bool:
        return self.total > len(self.ids)


def _matching(conn: sa.Connection, q: BrowseQuery) -> _Matches | None:
    """The documents holding every word (None when no words are given: every document).

    The ids are fetched once per search, and at most ``MATCH_LIMIT`` of them
    (in index order): a word nearly every document holds would otherwise make
    each count, page and facet join the whole store.  ``total`` stays exact.
    """
    if not q.text.strip():
        return None
    if conn.dialect.name == "postgresql":
        condition: Any = sa.column("search").op("@@")(sa.func.plainto_tsquery("english", q.text))
        source: Any = t.documents
        id_column: Any = t.documents.c.id
    else:
        terms = _fts5_query(q.text)
        if not terms:
            return _Matches([], 0)
        source = sa.table("documents_fts", sa.column("document_id"))
        id_column = source.c.document_id
        condition = sa.text("documents_fts MATCH :terms").bindparams(terms=terms)
    ids = list(conn.execute(sa.select(id_column).select_from(source).where(condition).limit(MATCH_LIMIT + 1)).scalars())
    total = len(ids)
    if total > MATCH_LIMIT:
        ids = ids[:MATCH_LIMIT]
        total = int(conn.execute(sa.select(sa.func.count()).select_from(source).where(condition)).scalar_one())
    return _Matches(ids, total)


def _filters(q: BrowseQuery, matched: _Matches | None, skip: str = "") -> list[sa.ColumnElement[bool]]:
    d = t.documents.c
    out: list[sa.ColumnElement[bool]] = []
    if matched is not None:
        out.append(d.id.in_(matched.ids))
    if q.outlet and skip != "outlet":
        out.append(d.publisher == q.outlet)
    if q.predicate and skip != "predicate":
        out.append(d.id.in_(sa.select(t.claims.c.document_id).where(t.claims.c.predicate == q.predicate)))
    if q.since:
        out.append(d.day >= q.since)
    if q.until:
        out.append(d.day <= q.until)
    return out


def snippet(text: str, words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around the first of ``words`` (whole words, any case) and where each one falls in it.

    Made here rather than by the index's own snippet function: it costs the
    same on both dialects, only ever reads the page's documents, and gives
    offsets instead of markup.  With no word found (a stemmed match) the
    opening of the text is shown unmarked.
    """
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE) if words else None
    first = pattern.search(text) if pattern else None
    start = 0
    if first is not None and first.start() > SNIPPET // 3:
        start = text.find(" ", first.start() - SNIPPET // 3) + 1
    end = min(len(text), start + SNIPPET)
    if end < len(text) and " " in text[start:end]:
        end = text.rfind(" ", start, end)
    window = text[start:end]
    spans = [(m.start() - start, m.end() - start) for m in pattern.finditer(text, start, end)] if pattern else []
    prefix = "…" if start > 0 else ""
    shifted = [(a + len(prefix), b + len(prefix)) for a, b in spans]
    return prefix + window + ("…" if end < len(text) else ""), shifted


def _documents(
    conn: sa.Connection, q: BrowseQuery
) -> tuple[list[DocumentHit], int, bool, dict[str, list[dict[str, Any]]]]:
    matched = _matching(conn, q)
    d = t.documents.c
    where = _filters(q, matched)
    total = int(conn.execute(sa.select(sa.func.count()).select_from(t.documents).where(*where)).scalar_one())
    capped = matched is not None and matched.capped
    if capped and matched is not None and len(where) == 1:
        total = matched.total  # no other filter: the exact count of every match
    rows = conn.execute(
        sa.select(d.id, d.title, d.published, d.day, d.publisher)
        .where(*where)
        .order_by(d.day.desc().nulls_last(), d.id)
        .offset(q.offset)
        .limit(q.limit)
    ).all()
    texts = dict(conn.execute(sa.select(d.id, d.text).where(d.id.in_([r.id for r in rows]))).all()) if rows else {}
    words = re.findall(r"\w+", q.text)
    hits = []
    for r in rows:
        text, spans = snippet(texts.get(r.id, ""), words)
        hits.append(DocumentHit(r.id, r.title, r.published, r.day, r.publisher, text, spans))
    facets = {
        "outlet": _facet(conn, d.publisher, _filters(q, matched, skip="outlet")),
        "year": _facet(conn, sa.func.substr(d.day, 1, 4), where),
        "predicate": _predicate_facet(conn, _filters(q, matched, skip="predicate")),
    }
    return hits, total, capped, facets


def _facet(conn: sa.Connection, column: Any, where: list[sa.ColumnElement[bool]]) -> list[dict[str, Any]]:
    rows = conn.execute(
        sa.select(column.label("value"), sa.func.count().label("n"))
        .select_from(t.documents)
        .where(*where, column.is_not(None))
        .group_by(column)
        .order_by(sa.desc("n"), column)
        .limit(30)
    ).all()
    return [{"value": r.value, "count": int(r.n)} for r in rows]


def _predicate_facet(conn: sa.Connection, where: list[sa.ColumnElement[bool]]) -> list[dict[str, Any]]:
    c = t.claims.c
    docs = sa.select(t.documents.c.id).where(*where)
    rows = conn.execute(
        sa.select(c.predicate, sa.func.count(sa.distinct(c.document_id)).label("n"))
        .where(c.document_id.in_(docs))
        .group_by(c.predicate)
        .order_by(sa.desc("n"), c.predicate)
    ).all()
    return [{"value": r.predicate, "count": int(r.n)} for r in rows]


def browse(conn: sa.Connection, q: BrowseQuery) -> BrowseResult:
    """Actors and documents for ``q``, with facets (see the module docstring)."""
    actors, actors_total, types = _actors(conn, q)
    documents, documents_total, capped, facets = _documents(conn, q)
    return BrowseResult(q, actors, actors_total, documents, documents_total, capped, {"type": types, **facets})
