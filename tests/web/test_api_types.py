"""Every name the API takes also takes a type (and an actor id), as the CLI's name options do.

The store is ``records.orlan_world``: "Orlan" is an armed group in one
article and a town in another, so a bare "Orlan" is ambiguous everywhere.
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from records import orlan_world, store_all


def test_name_parameters_take_a_type(serve, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'orlan.db'}"
    store_all(url, orlan_world())[0].dispose()
    with httpx.Client(base_url=serve(url), timeout=60) as client:
        ambiguous = client.get("/api/events", params={"actor": "Orlan"})
        assert ambiguous.status_code == 404 and "ambiguous" in ambiguous.json()["error"]["detail"]
        raids = client.get("/api/events", params={"actor": "Orlan", "actor_type": "ARMED_GROUP"}).json()
        assert [g["type"] for g in raids] == ["ASSAULT"]
        involved = client.get("/api/events", params={"involving": "Orlan", "involving_type": "ARMED_GROUP"}).json()
        assert [g["type"] for g in involved] == ["ASSAULT"]
        town = client.get("/api/events", params={"place": "Orlan", "place_type": "PLACE"}).json()
        assert [g["type"] for g in town] == ["PROTEST"]
        assert client.get("/api/claims", params={"subject": "Orlan"}).status_code == 404
        assert client.get("/api/claims", params={"subject": "Orlan", "subject_type": "PLACE"}).json() == []
        centre = client.get("/api/graph", params={"actor": "Orlan", "type": "PLACE"}).json()["centre"]
        explained = client.get("/api/review", params={"explain": "Orlan", "explain_type": "PLACE"}).json()
        assert explained["explanation"]["id"] == centre
        assert client.get("/api/events", params={"actor": "Orlan", "actor_type": "PLACE; drop"}).status_code == 422
        token = {"X-CSRF-Token": _token(client)}
        body = {"a": "Orlan", "b": "Orlan", "judgement": "positive"}
        assert client.post("/api/judgements", json=body, headers=token).status_code == 404  # which Orlan?
        typed = {**body, "type": "PLACE", "type_b": "ARMED_GROUP"}
        merged = client.post("/api/judgements", json=typed, headers=token)
        assert merged.status_code == 200 and merged.json()["same_actor"] is True


def _token(client: httpx.Client) -> str:
    match = re.search(r'<meta name="csrf-token" content="([^"]+)">', client.get("/review").text)
    assert match
    return match.group(1)
