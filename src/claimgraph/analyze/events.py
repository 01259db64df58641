"""Events across articles: reports of one event grouped, and where the reports disagree.

Each stored event is one document's *report*.  Reports from different
documents are taken to describe one event when they have compatible types
(an attack and a clash are one violent event told two ways), the same
place, dates within ``WINDOW_DAYS`` of each other, and actors that do not
exclude each other (the same actor or target, or one report naming none).
Within a group every report keeps its own figures and sourcing: grouping
never averages them.  Two reports of one event disagree when their figures
for the dead, wounded or kidnapped cannot both be true (their ranges do not
meet), or when they name different actors; each disagreement names the
outlets (and the sources they cite) on both sides.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Any

import sqlalchemy as sa

from claimgraph.resolve.outlets import outlet_names
from claimgraph.store.events import KINDS, EventQuery, read_events
from claimgraph.unionfind import UnionFind

WINDOW_DAYS = 3
_FAMILIES = {"ASSAULT": "violence", "FIGHT": "violence"}


@dataclass(frozen=True, slots=True)
class Report:
    """One document's report of an event, on canonical actors."""

    id: str
    document_id: str
    day: str | None
    publisher: str | None
    title: str | None
    type: str
    mode: str | None
    actor: str | None
    actor_name: str | None
    target: str | None
    target_name: str | None
    place: str | None
    place_name: str | None
    geo: dict[str, Any] | None  # the place's GeoNames id, lat, lon, country, admin1 where it resolved
    date: str | None
    date_precision: str | None
    figures: dict[str, tuple[int | None, int | None]]
    polarity: str
    hedged: bool
    source_name: str | None
    claims: tuple[str, ...]
    evidence: str
    trigger: str
    offsets: dict[str, tuple[int, int]]  # where the evidence sentence and the trigger word are in the document text

    @property
    def when(self) -> str | None:
        return self.date or self.day

    @property
    def teller(self) -> str:
        """Who gives this report: the source it cites, as carried by its outlet."""
        outlet = self.publisher or "an unnamed outlet"
        return f"{self.source_name} (in {outlet})" if self.source_name else outlet

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document_id,
            "publisher": self.publisher,
            "published": self.day,
            "type": self.type,
            "mode": self.mode,
            "actor": self.actor_name,
            "target": self.target_name,
            "place": self.place_name,
            "actor_id": self.actor,
            "target_id": self.target,
            "place_id": self.place,
            "geo": self.geo,
            "date": self.date,
            "date_precision": self.date_precision,
            "casualties": {k: _figure_json(self.figures[k]) for k in KINDS},
            "polarity": self.polarity,
            "hedged": self.hedged,
            "source": self.source_name,
            "claims": list(self.claims),
            "evidence": self.evidence,
            "trigger": self.trigger,
            "offsets": {k: list(v) for k, v in self.offsets.items()},
        }


def _figure_json(bounds: tuple[int | None, int | None]) -> int | dict[str, int | None] | None:
    low, high = bounds
    if low is None and high is None:
        return None
    return low if low == high else {"min": low, "max": high}


def _report(row: dict[str, Any], outlets: dict[str, str]) -> Report:
    return Report(
        id=row["id"],
        document_id=row["document_id"],
        day=row["day"],
        publisher=outlets.get(row["publisher"], row["publisher"]),
        title=row["title"],
        type=row["type"],
        mode=row["mode"],
        actor=row["actor_actor"],
        actor_name=row["actor_name"],
        target=row["target_actor"],
        target_name=row["target_name"],
        place=row["place_actor"],
        place_name=row["place_name"],
        geo=None
        if row["place_geonames_id"] is None
        else {k: row[f"place_{k}"] for k in ("geonames_id", "lat", "lon", "country", "admin1")},
        date=row["date"],
        date_precision=row["date_precision"],
        figures={k: (row[f"{k}_min"], row[f"{k}_max"]) for k in KINDS},
        polarity=row["polarity"],
        hedged=bool(row["hedged"]),
        source_name=row["source_name"],
        claims=tuple(json.loads(row["claims"])),
        evidence=row["evidence_text"],
        trigger=row["trigger_text"],
        offsets={k: (row[f"{k}_start"], row[f"{k}_end"]) for k in ("evidence", "trigger")},
    )


def load_reports(conn: sa.Connection, query: EventQuery | None = None) -> list[Report]:
    """Stored event reports matching ``query``, by date; each outlet under its one name (``resolve.outlets``)."""
    rows = read_events(conn, query)
    outlets = outlet_names(conn, (r["publisher"] for r in rows))
    return [_report(r, outlets) for r in rows]


@dataclass(slots=True)
class EventGroup:
    """Reports from several documents taken to describe one event."""

    reports: list[Report] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        first = self.reports[0]
        days = sorted(r.when for r in self.reports if r.when)
        return {
            "type": first.type,
            "place": first.place_name,
            "actors": sorted({r.actor_name for r in self.reports if r.actor_name}),
            "first_reported": days[0] if days else None,
            "reports": [r.to_json() for r in self.reports],
            "disagreements": [c.explanation for c in event_conflicts([self])],
        }


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text and len(text) == 10 else None
    except ValueError:
        return None


def _same_event(a: Report, b: Report) -> bool:
    if a.document_id == b.document_id or a.place is None or a.place != b.place:
        return False
    if _FAMILIES.get(a.type, a.type) != _FAMILIES.get(b.type, b.type):
        return False
    first, second = _day(a.when), _day(b.when)
    if first is None or second is None or abs((first - second).days) > WINDOW_DAYS:
        return False
    sides_a = {x for x in (a.actor, a.target) if x}
    sides_b = {x for x in (b.actor, b.target) if x}
    return not sides_a or not sides_b or bool(sides_a & sides_b)


def group_reports(reports: list[Report]) -> list[EventGroup]:
    """Reports of one event across documents, joined transitively; single reports are groups of one."""
    sets = UnionFind(range(len(reports)))
    for i, j in combinations(range(len(reports)), 2):
        if _same_event(reports[i], reports[j]):
            sets.union(i, j)
    groups: dict[int, EventGroup] = {}
    for i, report in enumerate(reports):
        groups.setdefault(sets[i], EventGroup()).reports.append(report)
    return list(groups.values())


def _meet(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    """Can both figures be true: do the ranges [min, max] overlap (a missing bound is open)?"""
    low = max(a[0] or 0, b[0] or 0)
    high = min(float("inf") if a[1] is None else a[1], float("inf") if b[1] is None else b[1])
    return low <= high


def _stated(bounds: tuple[int | None, int | None]) -> str:
    low, high = bounds
    if low == high:
        return str(low)
    if high is None:
        return f"at least {low}"
    if low is None:
        return f"up to {high}"
    return f"{low} to {high}"


@dataclass(frozen=True, slots=True)
class EventConflict:
    """Two reports of one event that cannot both be right."""

    kind: str  # "casualties" or "actor"
    first: Report
    second: Report
    explanation: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": self.first.place_name,
            "predicate": self.first.type,
            "claims": sorted({*self.first.claims, *self.second.claims}),
            "events": [self.first.id, self.second.id],
            "outlets": [self.first.teller, self.second.teller],
            "explanation": self.explanation,
        }


def event_conflicts(groups: list[EventGroup]) -> list[EventConflict]:
    """Casualty and actor disagreements between the affirmed reports of each event."""
    out: list[EventConflict] = []
    for group in groups:
        affirmed = [r for r in group.reports if r.polarity == "affirmed"]
        for a, b in combinations(affirmed, 2):
            what = f"the {a.type.lower()} in {a.place_name} ({a.when})"
            for kind in KINDS:
                fa, fb = a.figures[kind], b.figures[kind]
                if fa == (None, None) or fb == (None, None) or _meet(fa, fb):
                    continue
                out.append(
                    EventConflict(
                        "casualties",
                        a,
                        b,
                        f"{a.teller} gives {_stated(fa)} {kind} in {what}; {b.teller} gives {_stated(fb)} {kind}.",
                    )
                )
            if a.actor and b.actor and a.actor != b.actor and b.actor != a.target and a.actor != b.target:
                out.append(
                    EventConflict(
                        "actor",
                        a,
                        b,
                        f"{a.teller} names {a.actor_name} as the one behind {what}; {b.teller} names {b.actor_name}.",
                    )
                )
    return out


def timeline_entries(conn: sa.Connection, actor_id: str, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The actor's claims (as ``claims --json`` rows) and the events it took part in, by date."""
    entries: list[dict[str, Any]] = [
        {"date": c["date"], "kind": "claim", **{k: c[k] for k in ("predicate", "object", "object_literal", "polarity")}}
        | {"subject": c["subject"], "source": c["source"], "document": c["document"]}
        | {k: c[k] for k in ("reported_by", "via", "hedged")}
        | {"evidence": c["evidence"]["text"]}
        | ({"tense": "past"} if c.get("tense") == "past" else {})
        for c in claims
    ]
    for report in load_reports(conn, EventQuery(involving=frozenset({actor_id}))):
        entries.append({"date": report.when, "kind": "event", **report.to_json()})
    return sorted(entries, key=lambda e: (e["date"] or "9999", e["kind"]))
