"""FollowTheMoney entities (JSON lines), made and validated with followthemoney.

Groups, organisations and outlets are ``Organization``, people ``Person``,
places ``Address``; articles are ``Article`` linked to the actors they name
by ``Documentation``.  Claims use the closest link schema — ``Membership``
(member_of), ``Directorship`` (leader_of), ``Employment`` (works_for) —
and ``UnknownLink`` (role = the predicate) otherwise.  Denied claims are
always an ``UnknownLink`` with ``status="denied"`` so no tool reads a
denial as a membership.  Claims with a literal object become a ``Note``.
"""

from __future__ import annotations

import json
from typing import Any, TextIO, cast

from followthemoney import model

from claimgraph.analyze.claims import ClaimGroup
from claimgraph.export.snapshot import Snapshot
from claimgraph.predicates import facts

_SCHEMA = {
    "ARMED_GROUP": "Organization",
    "ORGANIZATION": "Organization",
    "MEDIA": "Organization",
    "PERSON": "Person",
    "PLACE": "Address",
}


def _entity(schema: str, key: str, props: dict[str, Any]) -> dict[str, Any]:
    proxy = model.make_entity(schema)
    proxy.make_id("claimgraph", key)
    for prop, values in props.items():
        for value in values if isinstance(values, list) else [values]:
            if value not in (None, ""):
                proxy.add(prop, value)
    data = proxy.to_dict()
    if (error := proxy.schema.validate(cast(Any, data))) is not None:
        raise ValueError(f"invalid {schema} entity {key}: {error}")
    return data


def _claim(g: ClaimGroup, ids: dict[str, str], types: dict[str, str]) -> dict[str, Any]:
    data = g.to_json()
    summary = f"{g.polarity}{' (hedged)' if data['hedged'] else ''}; sources: {', '.join(data['sources'])}"
    common = {"summary": summary, "description": [c.evidence for c in g.claims[:3]], "date": data["first_seen"]}
    key = f"{g.subject}|{g.predicate}|{g.object or g.object_literal}|{g.polarity}"
    if g.object is None:
        note = f"{g.subject_name} {g.predicate.replace('_', ' ')} {g.object_literal} ({summary})"
        return _entity("Note", key, {"entity": ids[g.subject], "name": note, "description": common["description"]})
    link = facts(g.predicate).ftm  # for affirmed claims whose types fit
    fits = link and types[g.subject] == "PERSON" and types[g.object] != "PERSON" and types[g.object] != "PLACE"
    if g.polarity == "affirmed" and link and fits:
        schema, subj, obj = link.schema, link.subject, link.object
        return _entity(schema, key, {subj: ids[g.subject], obj: ids[g.object], "role": g.predicate, **common})
    props = {"subject": ids[g.subject], "object": ids[g.object], "role": g.predicate, **common}
    if g.polarity == "denied":
        props["status"] = "denied"
    return _entity("UnknownLink", key, props)


def ftm_entities(snap: Snapshot) -> list[dict[str, Any]]:
    """Every actor, claim, article and documentation link as FtM entity dicts."""
    out, ids = [], {}
    types = {a.id: a.type for a in snap.actors}
    for a in snap.actors:
        if a.type == "PLACE":
            entity = _entity("Address", a.id, {"full": a.name, "summary": a.aliases})
        else:
            entity = _entity(_SCHEMA[a.type], a.id, {"name": a.name, "alias": a.aliases})
        ids[a.id] = entity["id"]
        out.append(entity)
    out += [_claim(g, ids, types) for g in snap.groups]
    for d in snap.documents:
        article = _entity(
            "Article",
            d.id,
            {
                "title": d.title or d.source_path,
                "publishedAt": d.day,
                "publisher": d.publisher,
                "sourceUrl": d.url,
                "contentHash": d.id.split(":")[-1][:40],
            },
        )
        out.append(article)
        out += [
            _entity("Documentation", f"{d.id}|{a}", {"document": article["id"], "entity": ids[a], "role": "names"})
            for a in d.actors
        ]
    return out


def write_ftm(snap: Snapshot, out: TextIO) -> None:
    """FtM entities, one JSON object per line."""
    for entity in ftm_entities(snap):
        out.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
