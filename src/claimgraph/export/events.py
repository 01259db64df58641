"""Events out of the store: PLOVER JSON lines, and GeoJSON of the events whose place is located.

PLOVER records use the field names of the PLOVER manual's data fields
(chapter 6, spelled as the PLOVER gold records spell them): ``id``,
``date``, ``actor`` and ``recipient`` (lists of entity objects), ``event``
and ``mode`` (lists), ``eventText``, ``eventLoc`` (the location object:
``extractedPlace``, ``resolvedPlace``, ``geonameid``, ``lat``, ``lon``,
``province``, ``country``), ``size`` (``dead``, ``injured``, and our
``kidnapped``; a range is ``{"min", "max"}``), ``text``, ``textInfo`` and
``citeInfo``, ``coder`` and ``codebook``.  What PLOVER has no field for
(polarity, hedge, who is cited) is added under our own names, as the
manual allows.  Each record is one document's report; reports of one event
are not merged.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from claimgraph.analyze.events import Report
from claimgraph.export.snapshot import Snapshot

CODEBOOK = "PLOVER draft 2.0 categories and modes, plus FIGHT"


def _entity(name: str | None, actor_id: str | None) -> list[dict[str, str]]:
    if name is None or actor_id is None:
        return []
    return [{"entityText": name, "identifierText": name, "identifierId": actor_id}]


def plover_record(r: Report) -> dict[str, Any]:
    """One report as a PLOVER event record."""
    casualties = r.to_json()["casualties"]
    location = None
    if r.place_name is not None:
        location = {"extractedPlace": r.place_name, "resolvedPlace": r.place_name if r.geo else None}
        if r.geo:
            location |= {
                "geonameid": r.geo["geonames_id"],
                "lat": r.geo["lat"],
                "lon": r.geo["lon"],
                "province": r.geo["admin1"],
                "country": r.geo["country"],
            }
    return {
        "id": r.id,
        "date": r.date or r.day,
        "datePrecision": r.date_precision if r.date else "day",
        "actor": _entity(r.actor_name, r.actor),
        "recipient": _entity(r.target_name, r.target),
        "event": [r.type],
        "mode": [r.mode] if r.mode else [],
        "eventText": [r.trigger],
        "eventLoc": location,
        "size": {"dead": casualties["killed"], "injured": casualties["wounded"], "kidnapped": casualties["kidnapped"]},
        "text": r.evidence,
        "textInfo": {"document": r.document_id},
        "citeInfo": {"title": r.title, "publisher": r.publisher, "date": r.day},
        "polarity": r.polarity,
        "hedged": r.hedged,
        "reportedBy": r.source_name,
        "coder": "claimgraph",
        "codebook": CODEBOOK,
    }


def write_plover(snapshot: Snapshot, out: TextIO) -> None:
    """Every stored event report as one PLOVER JSON line."""
    for report in snapshot.events:
        out.write(json.dumps(plover_record(report), ensure_ascii=False) + "\n")


def write_geojson(snapshot: Snapshot, out: TextIO) -> None:
    """A GeoJSON FeatureCollection: one Point per report whose place has coordinates."""
    features = [
        {
            "type": "Feature",
            "id": r.id,
            "geometry": {"type": "Point", "coordinates": [r.geo["lon"], r.geo["lat"]]},
            "properties": r.to_json(),
        }
        for r in snapshot.events
        if r.geo and r.geo["lat"] is not None and r.geo["lon"] is not None
    ]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
