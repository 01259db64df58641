"""Claims as the analyst sees them: on canonical actors, grouped, with their support.

A stored claim names per-document entities; here each side is replaced by
its canonical actor, and claims saying the same thing (same subject,
predicate, object and polarity) are grouped.  A group's support is counted
in *independent origins*: claims from near-duplicate documents, or citing
the same upstream source (the outermost ``via``, else the claim's
``source``), are joined and count once.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from claimgraph.names import fold
from claimgraph.predicates import SYMMETRIC_PREDICATES
from claimgraph.resolve.outlets import outlet_names, spellings_of
from claimgraph.store import schema as t
from claimgraph.store.bulk import select_any
from claimgraph.unionfind import UnionFind


@dataclass(slots=True, unsafe_hash=True)
class StoredClaim:
    """One stored claim with its sides resolved to canonical actors; read-only by convention.

    Not ``frozen``: a dossier builds one per claim it shows (hundreds for a
    busy actor), and a frozen dataclass sets each of its 22 fields through
    ``object.__setattr__``, which made building one about ten times as dear
    as a plain one.  Hashed and compared by value, as a frozen one was.
    """

    id: str
    document_id: str
    day: str | None
    publisher: str | None  # the outlet that published the document, under its one name (``resolve.outlets``)
    origin_id: str
    subject: str
    subject_name: str
    predicate: str
    object: str | None
    object_name: str | None
    object_literal: str | None
    polarity: str
    hedged: bool
    source: str | None
    source_name: str | None
    via: tuple[str, ...]  # actor names, outermost first
    upstream: str | None  # the actor the claim came through first: outermost via, else source
    cue: str | None
    evidence: str
    evidence_start: int
    evidence_end: int
    tense: str = "present"  # "past": stated as over ("former leader")

    def to_json(self) -> dict[str, Any]:
        """One row of ``claimgraph claims --json``.

        ``source`` is who asserts the claim (null in the article's own voice);
        ``reported_by`` the outlet that published it, whoever asserts it.
        """
        return {
            "id": self.id,
            "document": self.document_id,
            "date": self.day,
            "subject": self.subject_name,
            "predicate": self.predicate,
            "object": self.object_name,
            "object_literal": self.object_literal,
            "polarity": self.polarity,
            "hedged": self.hedged,
            "source": self.source_name,
            "reported_by": self.publisher,
            "via": list(self.via),
            "cue": self.cue,
            "evidence": {"start": self.evidence_start, "end": self.evidence_end, "text": self.evidence},
        } | ({"tense": "past"} if self.tense == "past" else {})


@dataclass(slots=True)
class ClaimGroup:
    """Claims that say the same thing about the same actors."""

    subject: str
    subject_name: str
    predicate: str
    object: str | None
    object_name: str | None
    object_literal: str | None
    polarity: str
    claims: list[StoredClaim] = field(default_factory=list)
    tense: str = "present"

    @property
    def days(self) -> list[str]:
        return sorted(c.day for c in self.claims if c.day)

    def independent_origins(self) -> int:
        """Claims joined by a shared near-duplicate origin or upstream source count once."""
        if len(self.claims) < 2:  # most groups: nothing to join
            return len(self.claims)
        sets = UnionFind(range(len(self.claims)))
        first_of: dict[str, int] = {}
        for i, claim in enumerate(self.claims):
            for key in (f"doc:{claim.origin_id}", f"up:{claim.upstream}" if claim.upstream else None):
                if key is None:
                    continue
                if key in first_of:
                    sets.union(i, first_of[key])
                else:
                    first_of[key] = i
        return len({sets[i] for i in range(len(self.claims))})

    def to_json(self) -> dict[str, Any]:
        """The dossier's claim object (CONTRACT keys first, then provenance).

        Gathered in one pass over the claims, and for a group of one claim
        (most groups of a dossier: nearly one per claim) straight from it: a
        comprehension per field, or a set per field, cost more than the
        fields themselves.
        """
        if len(self.claims) == 1:
            (c,) = self.claims
            sources = [c.source_name or c.publisher or "the article"]
            publishers = [c.publisher] if c.publisher else []
            documents, vias, days, ids = 1, [list(c.via)] if c.via else [], [c.day] if c.day else [], [c.id]
            hedged = c.hedged
        else:
            source_set, publisher_set, document_set, via_set = set(), set(), set(), set()
            days, ids = [], []
            hedged = True
            for c in self.claims:
                hedged = hedged and c.hedged
                source_set.add(c.source_name or c.publisher or "the article")
                if c.publisher:
                    publisher_set.add(c.publisher)
                document_set.add(c.document_id)
                if c.via:
                    via_set.add(c.via)
                if c.day:
                    days.append(c.day)
                ids.append(c.id)
            days.sort()
            ids.sort()
            sources, publishers, documents = sorted(source_set), sorted(publisher_set), len(document_set)
            vias = [list(v) for v in sorted(via_set)]
        out = {
            "subject": self.subject_name,
            "predicate": self.predicate,
            "object": self.object_name,
            "object_literal": self.object_literal,
            "polarity": self.polarity,
            "sources": sources,
            "reported_by": publishers,
            "independent_origins": self.independent_origins(),
            "documents": documents,
            "via": vias,
            "hedged": hedged,
            "first_seen": days[0] if days else None,
            "last_seen": days[-1] if days else None,
            "claims": ids,
        }
        if self.tense == "past":
            out["tense"] = "past"
        return out


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims to load; actor filters are sets of actor ids."""

    subjects: frozenset[str] | None = None
    objects: frozenset[str] | None = None
    sources: frozenset[str] | None = None  # quoted sources' actors; with ``publisher``, either matches
    publisher: str | None = None  # the outlet of article-voice claims (no quoted source), any of its spellings
    involving: frozenset[str] | None = None  # as subject or object
    involving_names: frozenset[str] | None = None  # name ids as subject or object (an actor's, when they are known)
    predicate: str | None = None
    since: str | None = None
    until: str | None = None


# A side without an actor: no object, or the article's own voice.
_NO_ACTOR: tuple[None, None] = (None, None)


def _names_in(actor_ids: frozenset[str]) -> sa.Select[Any]:
    return sa.select(t.canonical.c.name_id).where(t.canonical.c.actor_id.in_(sorted(actor_ids)))


def _involving(names: Collection[str]) -> sa.ColumnElement[bool]:
    """Claims whose subject or object is one of these name ids (actors' names): one scan of the two sides' indexes.

    With the actors' name ids written out, both stores read ``subject IN
    names OR object IN names`` as the union of two index scans (SQLite's
    multi-index OR, PostgreSQL's BitmapOr), so each claim is read once,
    whichever side names the actor.  Given a subquery instead, PostgreSQL
    tests every claim against it (a scan of the whole table), and given the
    subquery as an array it estimates ten names' claims, which at a million
    documents makes it choose parallel hash joins for a few hundred rows.
    """
    c = t.claims.c
    ordered = sorted(names)
    return sa.or_(c.subject_name_id.in_(ordered), c.object_name_id.in_(ordered))


def load_claims(conn: sa.Connection, flt: ClaimFilter | None = None) -> list[StoredClaim]:
    """The stored claims matching ``flt``, resolved to canonical actors, in document order.

    The claims are read with their name ids, and every name they involve
    (subject, object, source, via) is resolved to its actor in one lookup
    afterwards: joining ``canonical`` and ``actors`` once per side made
    PostgreSQL hash both tables whole three times for a dossier of a few
    hundred claims.  A claim whose subject has no actor is left out, as the
    inner join on it did; an object or source without one reads as none.
    Each claim carries its document's day and publisher (migration 0012), so
    the documents are joined only to filter on their indexed day or publisher.
    """
    flt = flt or ClaimFilter()
    c, d, o = t.claims.c, t.documents.c, t.origins.c
    query = (
        sa.select(
            c.id,
            c.document_id,
            c.day,
            c.publisher,
            o.origin_id,
            c.subject_name_id,
            c.predicate,
            c.object_name_id,
            c.object_literal,
            c.polarity,
            c.hedged,
            c.source_name_id,
            c.via,
            c.cue,
            c.evidence_text,
            c.evidence_start,
            c.evidence_end,
            c.tense,
        )
        .select_from(t.claims)
        # Only a document whose origin is another's is looked up, in the small index of those (migration
        # 0014): the others are their own origin, as a document without a row is.
        .outerjoin(t.origins, sa.and_(o.document_id == c.document_id, t.MERGED_ORIGIN))
    )
    if flt.since or flt.until or (flt.sources is not None and flt.publisher is not None):
        query = query.join(t.documents, d.id == c.document_id)
    if flt.involving is not None:
        query = query.where(_involving(conn.execute(_names_in(flt.involving)).scalars().all()))
    if flt.involving_names is not None:
        query = query.where(_involving(flt.involving_names))
    if flt.subjects is not None:
        query = query.where(c.subject_name_id.in_(_names_in(flt.subjects)))
    if flt.objects is not None:
        query = query.where(c.object_name_id.in_(_names_in(flt.objects)))
    if flt.sources is not None:
        said: sa.ColumnElement[bool] = c.source_name_id.in_(_names_in(flt.sources))
        if flt.publisher is not None:
            spellings = [flt.publisher, *spellings_of(conn, flt.publisher)]
            own_voice = sa.and_(c.source_name_id.is_(None), d.publisher.in_(spellings))
            said = sa.or_(said, own_voice)
        query = query.where(said)
    if flt.predicate:
        query = query.where(c.predicate == flt.predicate)
    if flt.since:
        query = query.where(d.day >= flt.since)
    if flt.until:
        query = query.where(d.day <= flt.until)
    # Rows are read by position, in the order selected: looking a column up by name on each row cost
    # more than building the claim.
    rows = conn.execute(query.order_by(c.day, c.document_id, c.local_id)).all()
    vias = [() if r[12] == "[]" else json.loads(r[12]) for r in rows]  # most claims came through no one
    actor = _actors_of(conn, {n for r, via_ids in zip(rows, vias, strict=True) for n in (r[5], r[7], r[11], *via_ids)})
    outlets = outlet_names(conn, (r[3] for r in rows))
    out = []
    for row, via_ids in zip(rows, vias, strict=True):
        (
            claim_id, document_id, day, publisher, origin_id, subject_id, predicate, object_id, object_literal,
            polarity, hedged, source_id, _, cue, evidence, start, end, tense,
        ) = row  # fmt: skip
        subject = actor.get(subject_id)
        if subject is None:
            continue
        obj = actor.get(object_id, _NO_ACTOR) if object_id else _NO_ACTOR
        source = actor.get(source_id, _NO_ACTOR) if source_id else _NO_ACTOR
        via = [actor[v] for v in via_ids if v in actor]
        out.append(
            StoredClaim(  # by position, in the fields' order: passing 22 keywords cost twice building the claim
                claim_id,
                document_id,
                day,
                outlets.get(publisher, publisher) if publisher else None,  # publisher
                origin_id or document_id,
                subject[0],
                subject[1],  # subject_name
                predicate,
                obj[0],  # object
                obj[1],  # object_name
                object_literal,
                polarity,
                bool(hedged),
                source[0],  # source
                source[1],  # source_name
                tuple(name for _, name in via) if via else (),  # via
                via[0][0] if via else source[0],  # upstream
                cue,
                evidence,
                start,  # evidence_start
                end,  # evidence_end
                tense or "present",
            )
        )
    return out


def publisher_known(conn: sa.Connection, name: str) -> bool:
    """Whether some stored document's publisher is ``name`` (any of the outlet's spellings)."""
    return bool(spellings_of(conn, name))


def _actors_of(conn: sa.Connection, name_ids: set[str | None]) -> dict[str, tuple[str, str]]:
    """Name id → (actor id, actor name), for the names that have an actor."""
    query = sa.select(t.canonical.c.name_id, t.actors.c.id, t.actors.c.name).join(
        t.actors, t.actors.c.id == t.canonical.c.actor_id
    )
    wanted = {n for n in name_ids if n is not None}
    return {
        name_id: (actor_id, name) for name_id, actor_id, name in select_any(conn, query, t.canonical.c.name_id, wanted)
    }


def group_claims(claims: list[StoredClaim], focus: str | None = None) -> list[ClaimGroup]:
    """Claims grouped by what they say; symmetric predicates ignore direction.

    A symmetric group reads from the actor ``focus`` when it is one of its
    sides (a dossier shows "X allied with Y" on X's page), else as its first
    claim was written.
    """
    groups: dict[tuple[str, ...], ClaimGroup] = {}
    for c in claims:
        symmetric = c.predicate in SYMMETRIC_PREDICATES and c.object is not None
        first, second = c.subject, c.object or ""
        if symmetric and second < first:  # either direction, one key
            first, second = second, first
        key = (first, second, c.predicate, fold(c.object_literal) if c.object_literal else "", c.polarity, c.tense)
        group = groups.get(key)
        if group is None:
            flip = symmetric and c.object == focus
            subj, subj_name, obj, obj_name = (
                (c.object or "", c.object_name or "", c.subject, c.subject_name)
                if flip
                else (c.subject, c.subject_name, c.object, c.object_name)
            )
            group = groups[key] = ClaimGroup(
                subj, subj_name, c.predicate, obj, obj_name, c.object_literal, c.polarity, tense=c.tense
            )
        group.claims.append(c)
    return list(groups.values())
