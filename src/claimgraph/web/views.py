"""Each page's value, built from ``Graph`` answers once and shared by the HTML page and its ``/api/`` twin.

A page shows a little more than its API route returns (the actor page puts
each claim's evidence sentence under its group, which the API offers at
``/api/claims``), but never something computed differently: both come from
the functions here.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from claimgraph.graph import EventQuery
from claimgraph.web.highlight import Span, runs
from claimgraph.web.params import PAGE_SIZE

if TYPE_CHECKING:
    from claimgraph.graph import Graph


def claim_row(c: Any) -> dict[str, Any]:
    """One stored claim as the pages show it: the CLI's ``claims --json`` keys plus the actor ids to link."""
    row = dict(c.to_json())
    row.update(
        subject_id=c.subject,
        object_id=c.object,
        source_id=c.source,
        tense=getattr(c, "tense", None),
    )
    return row


EVENTS_SHOWN = 100  # event groups on a page (the actor's timeline, the events list); all are in /api/events
EVIDENCE_SHOWN = 5  # evidence sentences under a claim group; the rest are one link away (/api/claims)
GROUPS_SHOWN = 25  # claim groups per predicate on the page, best attested first; all are in /api/actors/{id}


def search(graph: Graph, q: str, page: int, **facets: str | None) -> dict[str, Any]:
    """The search page's value: actors and documents for ``q`` with facets, one page of documents."""
    result = graph.browse(q, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE, **facets).to_json()
    result["page"] = page
    result["pages"] = max(1, -(-result["documents_total"] // PAGE_SIZE))
    return result


def actor(graph: Graph, actor_id: str) -> dict[str, Any]:
    """The actor page: the dossier, each claim group's claims with evidence, the timeline.

    The ego graph is fetched by the page from ``/api/graph``; without JavaScript the claim groups
    themselves list the connections.
    """
    found = graph.dossier(actor_id)
    dossier = found.to_json()
    by_predicate: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for group, value in zip(found.claims, dossier["claims"], strict=True):
        earliest = sorted(group.claims, key=lambda c: (c.day or "", c.id))[:EVIDENCE_SHOWN]
        ids = {"subject_id": group.subject, "object_id": group.object}
        by_predicate[group.predicate].append({**value, **ids, "rows": [claim_row(c) for c in earliest]})
    shown = {
        predicate: sorted(groups, key=lambda g: (-g["documents"], g["subject"], g["object"] or ""))[:GROUPS_SHOWN]
        for predicate, groups in by_predicate.items()
    }
    hidden = {predicate: len(groups) - len(shown[predicate]) for predicate, groups in by_predicate.items()}
    reports = graph.reports(dossier["id"]).to_json()
    peak = max((d["documents"] for d in reports["days"]), default=0)
    return {
        "dossier": dossier,
        "by_predicate": sorted(shown.items()),
        "hidden": hidden,
        "evidence_shown": EVIDENCE_SHOWN,
        "reports": reports,
        "peak": peak,
        "events": events(graph, EventQuery(involving=dossier["id"]), newest_first=False),
    }


def events(graph: Graph, query: EventQuery, newest_first: bool = True) -> dict[str, Any]:
    """Event groups matching ``query`` (each with its reports and their disagreements), by date, at most a page.

    A group's date is its first report's; undated groups come last either way.
    """
    groups = [g.to_json() for g in graph.events(query)]
    dated = sorted((g for g in groups if g["first_reported"]), key=lambda g: g["first_reported"], reverse=newest_first)
    ordered = dated + [g for g in groups if not g["first_reported"]]
    return {"groups": ordered[:EVENTS_SHOWN], "total": len(ordered), "shown": min(len(ordered), EVENTS_SHOWN)}


def document(graph: Graph, document_id: str, start: int | None, end: int | None) -> dict[str, Any]:
    """The document page: its fields, title and body cut into highlighted runs, attributions, claims and events.

    Every event's trigger word is marked (anchor ``event-<id>``). ``start``/``end`` (an evidence
    link's span) mark a claim's or an event's sentence; its run carries the ``ev`` anchor the
    link's fragment scrolls to.
    """
    doc = graph.document(document_id).to_json()
    fields = doc["document"]
    actors: dict[str, str] = doc.get("actors", {})
    entities = {e["id"]: {**e, "actor_id": actors.get(e["id"])} for e in doc["entities"]}
    body: list[Span] = []
    title: list[Span] = []
    for e in doc["entities"]:
        for mention in e["mentions"]:
            span = Span(mention["start"], mention["end"], "mention", e["id"])
            (title if mention.get("field") == "title" else body).append(span)
    for a in doc["attributions"]:
        for part in ("source", "cue", "content"):
            if a.get(part):
                body.append(Span(a[part]["start"], a[part]["end"], part, a["id"]))
    for event in doc["events"]:
        trigger = event["trigger"]
        (title if trigger.get("field") == "title" else body).append(
            Span(trigger["start"], trigger["end"], "trigger", event["id"])
        )
    if start is not None and end is not None and start < end:
        body.append(Span(start, end, "evidence", "ev"))
    return {
        "document": fields,
        "entities": entities,
        "attributions": doc["attributions"],
        "claims": doc["claims"],
        "events": {e["id"]: e for e in doc["events"]},
        "conflicts": doc.get("conflicts", []),
        "runs": runs(fields["text"], body),
        "title_runs": runs(fields.get("title") or "", title),
        "selected": [start, end] if start is not None and end is not None else None,
    }


def errors(graph: Graph, warnings: bool = True) -> list[dict[str, Any]]:
    """The errors page's rows: each failed document, then (with ``warnings``) what reading changed in stored ones.

    The keys of ``claimgraph errors --json`` (``--warnings``); ``kind`` tells a failure from a warning.
    """
    rows = [f.to_json() for f in graph.failures()]
    return rows + [w.to_json() for w in graph.warnings()] if warnings else rows


def conflicts(graph: Graph) -> list[dict[str, Any]]:
    """Every conflict across the store, each side's claims with their sources, dates and documents."""
    found = [c.to_json() for c in graph.conflicts()]
    if not found:
        return []
    wanted = {i for c in found for i in c["claims"]}
    rows = {c.id: claim_row(c) for c in graph.claims() if c.id in wanted}
    return [{**c, "rows": [rows[i] for i in c["claims"] if i in rows]} for c in found]


def review(graph: Graph, explain: str | None, explain_type: str | None = None) -> dict[str, Any]:
    """The review page: candidates, the riskiest merges, the judgements made by hand, ``explain`` (of
    ``explain_type``) if asked."""
    return {
        "candidates": [c.to_json() for c in graph.candidates()],
        "risky": [r.to_json() for r in graph.review(limit=20)],
        "actions": [a.to_json() for a in graph.hand_actions()],
        "explanation": graph.explain(explain, explain_type).to_json() if explain else None,
    }
