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
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from claimgraph.names import fold
from claimgraph.predicates import SYMMETRIC_PREDICATES
from claimgraph.resolve.outlets import outlet_names, spellings_of
from claimgraph.store import schema as t
from claimgraph.unionfind import UnionFind


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """One stored claim with its sides resolved to canonical actors."""

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
        """The dossier's claim object (CONTRACT keys first, then provenance)."""
        sources = sorted({c.source_name or c.publisher or "the article" for c in self.claims})
        vias = sorted({c.via for c in self.claims if c.via})
        days = self.days
        return {
            "subject": self.subject_name,
            "predicate": self.predicate,
            "object": self.object_name,
            "object_literal": self.object_literal,
            "polarity": self.polarity,
            "sources": sources,
            "reported_by": sorted({c.publisher for c in self.claims if c.publisher}),
            "independent_origins": self.independent_origins(),
            "documents": len({c.document_id for c in self.claims}),
            "via": [list(v) for v in vias],
            "hedged": all(c.hedged for c in self.claims),
            "first_seen": days[0] if days else None,
            "last_seen": days[-1] if days else None,
            "claims": sorted(c.id for c in self.claims),
        } | ({"tense": "past"} if self.tense == "past" else {})


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims to load; actor filters are sets of actor ids."""

    subjects: frozenset[str] | None = None
    objects: frozenset[str] | None = None
    sources: frozenset[str] | None = None  # quoted sources' actors; with ``publisher``, either matches
    publisher: str | None = None  # the outlet of article-voice claims (no quoted source), any of its spellings
    involving: frozenset[str] | None = None  # as subject or object
    predicate: str | None = None
    since: str | None = None
    until: str | None = None


def _names_in(actor_ids: frozenset[str]) -> sa.Select[Any]:
    return sa.select(t.canonical.c.name_id).where(t.canonical.c.actor_id.in_(sorted(actor_ids)))


def _involving(actor_ids: frozenset[str]) -> sa.Subquery:
    """The ids of the claims whose subject or object is one of these actors, each side through its own index.

    Written as ``subject IN names OR object IN names``, PostgreSQL reads
    every claim to test the two sets (a sequential scan that grows with the
    store).  The union is the first thing the claims query reads, then each
    claim by its key: the query joins more tables than PostgreSQL reorders
    (``join_collapse_limit``), so it follows the order written.
    """
    c, n = t.claims.c, t.canonical.c
    sides = (
        sa.select(c.id).join(t.canonical, n.name_id == column).where(n.actor_id.in_(sorted(actor_ids)))
        for column in (c.subject_name_id, c.object_name_id)
    )
    return sa.union(*sides).subquery("involved")


def load_claims(conn: sa.Connection, flt: ClaimFilter | None = None) -> list[StoredClaim]:
    """The stored claims matching ``flt``, resolved to canonical actors, in document order."""
    flt = flt or ClaimFilter()
    c, d, o = t.claims.c, t.documents.c, t.origins.c
    cs, co, csrc = (t.canonical.alias(n) for n in ("cs", "co", "csrc"))
    asub, aobj, asrc = (t.actors.alias(n) for n in ("asub", "aobj", "asrc"))
    involved = None if flt.involving is None else _involving(flt.involving)
    query = (
        sa.select(
            t.claims,
            d.day,
            d.publisher,
            o.origin_id,
            cs.c.actor_id.label("subject"),
            asub.c.name.label("subject_name"),
            co.c.actor_id.label("object"),
            aobj.c.name.label("object_name"),
            csrc.c.actor_id.label("source"),
            asrc.c.name.label("source_name"),
        )
        .select_from(t.claims if involved is None else involved.join(t.claims, c.id == involved.c.id))
        .join(t.documents, d.id == c.document_id)
        .join(cs, cs.c.name_id == c.subject_name_id)
        .join(asub, asub.c.id == cs.c.actor_id)
        .outerjoin(t.origins, o.document_id == c.document_id)
        .outerjoin(co, co.c.name_id == c.object_name_id)
        .outerjoin(aobj, aobj.c.id == co.c.actor_id)
        .outerjoin(csrc, csrc.c.name_id == c.source_name_id)
        .outerjoin(asrc, asrc.c.id == csrc.c.actor_id)
    )
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
    rows = conn.execute(query.order_by(d.day, c.document_id, c.local_id)).all()
    via_ids = {v for r in rows for v in json.loads(r.via)}
    via_actor = _actors_of(conn, via_ids)
    outlets = outlet_names(conn, (r.publisher for r in rows))
    out = []
    for r in rows:
        via = [via_actor[v] for v in json.loads(r.via) if v in via_actor]
        upstream = via[0][0] if via else r.source
        out.append(
            StoredClaim(
                id=r.id,
                document_id=r.document_id,
                day=r.day,
                publisher=outlets.get(r.publisher, r.publisher),
                origin_id=r.origin_id or r.document_id,
                subject=r.subject,
                subject_name=r.subject_name,
                predicate=r.predicate,
                object=r.object,
                object_name=r.object_name,
                object_literal=r.object_literal,
                polarity=r.polarity,
                hedged=bool(r.hedged),
                source=r.source,
                source_name=r.source_name,
                via=tuple(name for _, name in via),
                upstream=upstream,
                cue=r.cue,
                evidence=r.evidence_text,
                evidence_start=r.evidence_start,
                evidence_end=r.evidence_end,
                tense=r.tense or "present",
            )
        )
    return out


def publisher_known(conn: sa.Connection, name: str) -> bool:
    """Whether some stored document's publisher is ``name`` (any of the outlet's spellings)."""
    return bool(spellings_of(conn, name))


def _actors_of(conn: sa.Connection, name_ids: set[str]) -> dict[str, tuple[str, str]]:
    """Name id → (actor id, actor name)."""
    if not name_ids:
        return {}
    rows = conn.execute(
        sa.select(t.canonical.c.name_id, t.actors.c.id, t.actors.c.name)
        .join(t.actors, t.actors.c.id == t.canonical.c.actor_id)
        .where(t.canonical.c.name_id.in_(sorted(name_ids)))
    )
    return {r.name_id: (r.id, r.name) for r in rows}


def group_claims(claims: list[StoredClaim], focus: str | None = None) -> list[ClaimGroup]:
    """Claims grouped by what they say; symmetric predicates ignore direction.

    A symmetric group reads from the actor ``focus`` when it is one of its
    sides (a dossier shows "X allied with Y" on X's page), else as its first
    claim was written.
    """
    groups: dict[tuple[str, ...], ClaimGroup] = {}
    for c in claims:
        symmetric = c.predicate in SYMMETRIC_PREDICATES and c.object is not None
        ends = sorted((c.subject, c.object or "")) if symmetric else [c.subject, c.object or ""]
        key = (*ends, c.predicate, fold(c.object_literal or ""), c.polarity, c.tense)
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
