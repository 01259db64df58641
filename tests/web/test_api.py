"""The JSON API with httpx against a live server: the routes the issue names, their keys, and their refusals."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import httpx
import pytest

from claimgraph import Graph

VENDOR = Path(__file__).resolve().parents[2] / "src" / "claimgraph" / "web" / "static" / "vendor"


@pytest.fixture(scope="module")
def api(shared_server: str) -> httpx.Client:
    with httpx.Client(base_url=shared_server, timeout=30) as client:
        yield client  # type: ignore[misc]


def token_of(client: httpx.Client) -> str:
    match = re.search(r'<meta name="csrf-token" content="([^"]+)">', client.get("/review").text)
    assert match, "the review page carries the CSRF token"
    return match.group(1)


def actor_named(client: httpx.Client, name: str) -> dict[str, object]:
    return next(a for a in client.get("/api/actors", params={"q": name}).json() if a["name"] == name)


def test_actor_search_lists_ids_names_types_and_document_counts(api: httpx.Client) -> None:
    hits = api.get("/api/actors", params={"q": "hizbullah"}).json()  # an alias, folded
    assert [h["name"] for h in hits] == ["Hezbollah"]
    assert set(hits[0]) == {"id", "name", "type", "documents"} and hits[0]["documents"] >= 1


def test_actor_route_is_the_dossier_the_library_gives(api: httpx.Client, store_file: Path) -> None:
    hezbollah = actor_named(api, "Hezbollah")
    body = api.get(f"/api/actors/{hezbollah['id']}").json()
    with Graph.open(f"sqlite:///{store_file}") as graph:
        assert body == json.loads(json.dumps(graph.dossier("Hezbollah").to_json()))
    assert {"id", "name", "type", "aliases", "claims", "conflicts", "first_seen", "last_seen"} <= set(body)


def test_claims_filter_and_reject_bad_parameters_cleanly(api: httpx.Client) -> None:
    allied = api.get("/api/claims", params={"predicate": "allied_with"}).json()
    assert allied and all(c["predicate"] == "allied_with" for c in allied)
    dated = api.get("/api/claims", params={"since": "2025-01-01"}).json()
    assert dated and all(c["date"] >= "2025-01-01" for c in dated)
    bad_day = api.get("/api/claims", params={"since": "last week"})
    assert bad_day.status_code == 422 and "since" in bad_day.json()["error"]["detail"]
    bad_predicate = api.get("/api/claims", params={"predicate": "likes"})
    assert bad_predicate.status_code == 400 and "likes" in bad_predicate.json()["error"]["detail"]
    for response in (bad_day, bad_predicate):
        assert "Traceback" not in response.text


def test_conflicts_search_document_and_graph_routes(api: httpx.Client) -> None:
    conflicts = api.get("/api/conflicts").json()
    assert conflicts and {"kind", "subject", "predicate", "claims", "explanation"} <= set(conflicts[0])
    found = api.get("/api/search", params={"q": "ISWAP"}).json()
    assert "Islamic State West Africa Province" in [a["name"] for a in found["actors"]]
    hit = found["documents"][0]
    assert all(hit["snippet"][a:b] == "ISWAP" for a, b in hit["highlights"]) and hit["highlights"]
    document = api.get(f"/api/documents/{hit['id']}").json()
    text = document["document"]["text"]
    mention = document["entities"][0]["mentions"][0]
    assert mention.get("field") == "title" or text[mention["start"] : mention["end"]] == mention["text"]
    assert all(text[c["evidence"]["start"] : c["evidence"]["end"]] == c["evidence"]["text"] for c in document["claims"])
    boko = actor_named(api, "Boko Haram")
    ego = api.get("/api/graph", params={"actor": boko["id"], "depth": 1}).json()
    assert boko["id"] in [n["id"] for n in ego["nodes"]] and len(ego["nodes"]) <= 150
    assert all({"predicate", "polarity", "source", "target"} <= set(e) for e in ego["edges"]) and ego["edges"]


def test_unknown_things_are_404_and_bad_shapes_422(api: httpx.Client) -> None:
    assert api.get("/api/documents/sha256:0000").status_code == 404
    missing = api.get("/api/actors/nobody-by-this-name")
    assert missing.status_code == 404 and missing.json()["error"]["detail"]
    assert api.get("/api/graph", params={"actor": "x", "depth": 9}).status_code == 422
    assert api.get("/api/search", params={"q": "a", "page": 0}).status_code == 422
    page = api.get("/actors/nobody")
    assert (
        page.status_code == 404
        and page.headers["content-type"].startswith("text/html")
        and "Traceback" not in page.text
    )


def test_judgements_need_the_page_token_and_can_be_undone(serve, fresh_store: str) -> None:  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=serve(fresh_store), timeout=60) as client:
        body = {"a": "Ashen Vale Front", "b": "Grey Lantern Movement", "judgement": "positive"}
        apart = {
            a["id"] for name in (body["a"], body["b"]) for a in client.get("/api/actors", params={"q": name}).json()
        }
        assert len(apart) == 2
        assert client.post("/api/judgements", json=body).status_code == 403
        assert client.post("/api/judgements", json=body, headers={"X-CSRF-Token": "guess"}).status_code == 403
        token = {"X-CSRF-Token": token_of(client)}
        assert client.post("/api/judgements", json={**body, "judgement": "maybe"}, headers=token).status_code == 422
        assert client.post("/api/judgements", json={**body, "extra": 1}, headers=token).status_code == 422
        done = client.post("/api/judgements", json=body, headers=token)
        assert done.status_code == 200 and done.json()["same_actor"] is True
        one = {a["id"] for name in (body["a"], body["b"]) for a in client.get("/api/actors", params={"q": name}).json()}
        assert len(one) == 1
        action = client.get("/api/review").json()["actions"][0]
        assert client.post(f"/api/judgements/{action['id']}/undo").status_code == 403
        assert client.post(f"/api/judgements/{action['id']}/undo", headers=token).status_code == 200
        again = {
            a["id"] for name in (body["a"], body["b"]) for a in client.get("/api/actors", params={"q": name}).json()
        }
        assert again == apart
        assert client.post(f"/api/judgements/{action['id']}/undo", headers=token).status_code == 404


def test_read_only_server_refuses_every_change(serve, fresh_store: str) -> None:  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=serve(fresh_store, read_only=True), timeout=60) as client:
        token = {"X-CSRF-Token": token_of(client)}
        body = {"a": "Ashen Vale Front", "b": "Grey Lantern Movement", "judgement": "positive"}
        refused = client.post("/api/judgements", json=body, headers=token)
        assert refused.status_code == 403 and "read-only" in refused.json()["error"]["detail"]
        form = client.post("/review/judgements", data={**body, "csrf_token": token["X-CSRF-Token"]})
        assert form.status_code == 403
        assert client.get("/api/review").json()["actions"] == []


def test_pages_are_locked_down_and_load_nothing_from_elsewhere(api: httpx.Client) -> None:
    page = api.get("/")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert api.get("/docs").status_code == 404 and api.get("/redoc").status_code == 404
    assert api.get("/api/openapi.json").json()["paths"]["/api/judgements"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith(("/", "#", "data:")) for s in sources), sources


def test_vendored_assets_match_their_manifest_and_carry_licences(api: httpx.Client) -> None:
    manifest = json.loads((VENDOR / "MANIFEST.json").read_text(encoding="utf-8"))
    assert {a["package"] for a in manifest["assets"]} == {"htmx.org", "cytoscape"}
    for asset in manifest["assets"]:
        served = api.get(f"/static/vendor/{asset['file']}")
        assert served.status_code == 200
        assert hashlib.sha256(served.content).hexdigest() == asset["sha256"]
        assert (VENDOR / asset["licence"]).read_text(encoding="utf-8").strip()
    htmx = next(a for a in manifest["assets"] if a["package"] == "htmx.org")
    assert htmx["version"].startswith("2.")
