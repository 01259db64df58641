"""``/api/``: the JSON twin of every page, with the CLI's ``--json`` keys (documented in the README).

Reads are GETs; the one state change, a hand judgement (and undoing one),
is a POST that needs the CSRF token in the ``X-CSRF-Token`` header and is
refused under ``--read-only``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request

from claimgraph.graph import ClaimQuery, EventQuery
from claimgraph.web import views
from claimgraph.web.params import (
    ACTOR_ID,
    Actor,
    Day,
    Depth,
    EventParams,
    Facet,
    JudgementRequest,
    Kind,
    Name,
    SearchParams,
    Text,
)
from claimgraph.web.safety import CSRF_HEADER

router = APIRouter(prefix="/api", tags=["api"])

ActorId = Annotated[str, Path(pattern=ACTOR_ID, description="An actor id (as /api/actors lists them).")]
DocumentId = Annotated[str, Path(min_length=1, max_length=80)]
Token = Annotated[str | None, Header(alias=CSRF_HEADER)]


@router.get("/actors")
def actors(request: Request, q: Text = "") -> list[dict[str, Any]]:
    """Actors any of whose names starts with (or has a word starting with) ``q``: ``{id, name, type, documents}``."""
    return [
        {"id": a.id, "name": a.name, "type": a.type, "documents": a.documents}
        for a in request.app.state.graph.actors(q)
    ]


@router.get("/actors/{actor_id}")
def actor(request: Request, actor_id: ActorId) -> dict[str, Any]:
    """The dossier (the keys of ``claimgraph show --json``)."""
    return dict(request.app.state.graph.dossier(actor_id).to_json())


@router.get("/actors/{actor_id}/reports")
def reports(request: Request, actor_id: ActorId) -> dict[str, Any]:
    """Documents writing one of the actor's names, counted by publication day."""
    graph = request.app.state.graph
    return dict(graph.reports(graph.dossier(actor_id).id).to_json())


@router.get("/claims")
def claims(
    request: Request,
    subject: Name = None,
    predicate: Facet = None,
    object: Name = None,
    source: Name = None,
    since: Day = None,
    until: Day = None,
    subject_type: Kind = None,
    object_type: Kind = None,
    source_type: Kind = None,
) -> list[dict[str, Any]]:
    """Stored claims on canonical actors (the keys of ``claimgraph claims --json``), filtered."""
    sides = {"subject": subject, "object": object, "source": source, "predicate": predicate}
    types = {"subject_type": subject_type, "object_type": object_type, "source_type": source_type}
    chosen = {k: v or None for k, v in {**sides, **types, "since": since, "until": until}.items()}
    query = ClaimQuery(**chosen)
    return [c.to_json() for c in request.app.state.graph.claims(query)]


@router.get("/events")
def events(request: Request, params: Annotated[EventParams, Query()]) -> list[dict[str, Any]]:
    """Event groups (the keys of ``claimgraph events --json``): reports of one event across documents, filtered."""
    return [g.to_json() for g in request.app.state.graph.events(EventQuery(**params.chosen()))]


@router.get("/actors/{actor_id}/timeline")
def timeline(request: Request, actor_id: ActorId) -> list[dict[str, Any]]:
    """The actor's claims and events by date (the keys of ``claimgraph timeline --json``)."""
    return request.app.state.graph.timeline(actor_id)


@router.get("/conflicts")
def conflicts(request: Request) -> list[dict[str, Any]]:
    """Conflicts across the store (the keys of ``claimgraph conflicts --json``)."""
    return [c.to_json() for c in request.app.state.graph.conflicts()]


@router.get("/search")
def search(request: Request, params: Annotated[SearchParams, Query()]) -> dict[str, Any]:
    """Actors and documents for ``q``, with facet counts, one page of documents (newest first)."""
    return views.search(request.app.state.graph, params.q, params.page, **params.facets())


@router.get("/documents/{document_id}")
def document(request: Request, document_id: DocumentId) -> dict[str, Any]:
    """One document: its fields and text, its mentions, attributions, claims and events with offsets."""
    return dict(request.app.state.graph.document(document_id).to_json())


@router.get("/graph")
def graph(request: Request, actor: Actor, depth: Depth = 1, type: Kind = None) -> dict[str, Any]:
    """The actors within ``depth`` claim steps of ``actor`` (at most 150), edges with predicate and polarity."""
    return dict(request.app.state.graph.neighbourhood(actor, depth=depth, type=type or None).to_json())


@router.get("/review")
def review(request: Request, explain: Name = None, explain_type: Kind = None) -> dict[str, Any]:
    """Pairs worth a look, every judgement made by hand, and ``explain`` for one actor when asked."""
    return views.review(request.app.state.graph, explain, explain_type or None)


@router.get("/errors")
def errors(
    request: Request,
    warnings: Annotated[bool, Query(description="Also what reading changed in stored documents (as the page).")] = True,
) -> list[dict[str, Any]]:
    """Documents that could not be read, then what reading changed in stored ones (``claimgraph errors --warnings
    --json``: ``kind`` is ``failure`` or ``warning``); ``warnings=false``: the failures alone (``errors --json``)."""
    return views.errors(request.app.state.graph, warnings)


@router.get("/stats")
def stats(request: Request) -> dict[str, Any]:
    """The store's figures (the keys of ``claimgraph stats --json``)."""
    return dict(request.app.state.graph.stats().to_json())


@router.post("/judgements")
def judge(request: Request, body: JudgementRequest, token: Token = None) -> dict[str, Any]:
    """A hand judgement that ``a`` and ``b`` are one actor (``positive``) or two (``negative``)."""
    request.app.state.guard.check(token)
    graph = request.app.state.graph
    with request.app.state.write_lock:
        judge = graph.merge if body.judgement == "positive" else graph.split
        outcome = judge(body.a, body.b, body.type or None, body.type_b or None)
    return dict(outcome.to_json())


@router.post("/judgements/{action_id}/undo")
def undo(request: Request, action_id: Annotated[int, Path(ge=1)], token: Token = None) -> dict[str, Any]:
    """Take back the hand judgement ``action_id`` (as ``/api/review`` lists it)."""
    request.app.state.guard.check(token)
    with request.app.state.write_lock:
        return dict(request.app.state.graph.undo(action_id).to_json())
