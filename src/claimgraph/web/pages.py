"""The HTML pages: server-rendered, whole without JavaScript, with htmx swapping parts when it is there.

State changes are plain HTML forms (``POST`` with the CSRF token as a hidden
field) answered by a redirect back to the page, so a reload never repeats
them and they work with JavaScript off.
"""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from claimgraph.graph import EventQuery, event_types
from claimgraph.web import views
from claimgraph.web.params import ACTOR_ID, EventParams, Kind, Name, SearchParams, Span
from claimgraph.web.render import page as render

router = APIRouter(include_in_schema=False)

ActorId = Annotated[str, Path(pattern=ACTOR_ID)]
DocumentId = Annotated[str, Path(min_length=1, max_length=80)]
FormName = Annotated[str, Form(min_length=1, max_length=500)]
FormToken = Annotated[str | None, Form()]


@router.get("/", response_class=HTMLResponse)
@router.get("/search", response_class=HTMLResponse)
def search(request: Request, params: Annotated[SearchParams, Query()]) -> HTMLResponse:
    graph = request.app.state.graph
    facets = params.facets()
    context = {
        "result": views.search(graph, params.q, params.page, **facets),
        "chosen": {"q": params.q, **facets},
        "stats": None if params.q else graph.stats().to_json(),
    }
    return render(request, "search.html", context, block="body")


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: ActorId) -> HTMLResponse:
    return render(request, "actor.html", views.actor(request.app.state.graph, actor_id))


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(request: Request, document_id: DocumentId, start: Span = None, end: Span = None) -> HTMLResponse:
    return render(request, "document.html", views.document(request.app.state.graph, document_id, start, end))


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, params: Annotated[EventParams, Query()]) -> HTMLResponse:
    chosen = params.chosen()
    context = {"events": views.events(request.app.state.graph, EventQuery(**chosen)), "chosen": chosen}
    return render(request, "events.html", {**context, "types": event_types()})


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts(request: Request) -> HTMLResponse:
    return render(request, "conflicts.html", {"conflicts": views.conflicts(request.app.state.graph)})


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, explain: Name = None, explain_type: Kind = None) -> HTMLResponse:
    context = {
        **views.review(request.app.state.graph, explain, explain_type or None),
        "said": dict(request.query_params),
    }
    return render(request, "review.html", context)


@router.post("/review/judgements")
def judge(
    request: Request,
    a: FormName,
    b: FormName,
    judgement: Annotated[Literal["positive", "negative"], Form()],
    csrf_token: FormToken = None,
) -> RedirectResponse:
    request.app.state.guard.check(csrf_token)
    graph = request.app.state.graph
    with request.app.state.write_lock:
        outcome = graph.merge(a, b) if judgement == "positive" else graph.split(a, b)
    said = {"said": judgement, "a": a, "b": b, "same": "yes" if outcome.same_actor else "no"}
    return RedirectResponse(f"/review?{urlencode(said)}", status_code=303)


@router.post("/review/undo/{action_id}")
def undo(request: Request, action_id: Annotated[int, Path(ge=1)], csrf_token: FormToken = None) -> RedirectResponse:
    request.app.state.guard.check(csrf_token)
    with request.app.state.write_lock:
        request.app.state.graph.undo(action_id)
    return RedirectResponse(f"/review?{urlencode({'undone': action_id})}", status_code=303)


@router.get("/errors", response_class=HTMLResponse)
def errors(request: Request) -> HTMLResponse:
    rows = views.errors(request.app.state.graph)
    failures = [r for r in rows if r["kind"] == "failure"]
    return render(
        request, "errors.html", {"failures": failures, "warnings": [r for r in rows if r["kind"] == "warning"]}
    )
