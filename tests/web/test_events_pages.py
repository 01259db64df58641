"""Events in the workbench: the actor's event timeline, triggers marked in the document, the events list.

The session store holds fixtures/events.jsonl: two outlets' reports, written
for these tests, of one attack whose death tolls cannot both be true (four
against at least twenty).  Browser tests drive Debian's Chromium; the JSON
routes are checked with httpx against the same live server.
"""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

WAIT_MS = 15_000


@pytest.fixture(autouse=True)
def _bounded_waits(request: pytest.FixtureRequest) -> None:
    if "page" in request.fixturenames:
        context: BrowserContext = request.getfixturevalue("context")
        context.set_default_timeout(WAIT_MS)


def actor_id(base: str, name: str) -> str:
    hits = httpx.get(f"{base}/api/actors", params={"q": name}).json()
    return next(h["id"] for h in hits if h["name"] == name)


@pytest.mark.browser
def test_actor_page_lists_the_event_with_each_outlets_figures_and_leads_to_its_trigger(
    page: Page, shared_server: str
) -> None:
    page.goto(f"{shared_server}/actors/{actor_id(shared_server, 'Kestrel Brigade')}")
    page.get_by_role("navigation", name="On this page").get_by_role("link", name="Events").click()
    expect(page).to_have_url(re.compile("#events$"))
    group = page.locator("#events li.event-group").filter(has_text="Raqqa")
    expect(group).to_have_count(1)
    expect(group.locator(".event-type")).to_have_text("ASSAULT")
    expect(group.locator(".event-head")).to_contain_text("2 reports")
    expect(group.locator(".geo")).to_contain_text("Syria")
    disagreement = group.locator(".disagreement")
    expect(disagreement).to_contain_text("Lowland Post")
    expect(disagreement).to_contain_text("Channel Nine Wire")
    rows = group.locator("table.reports tbody tr")
    expect(rows.filter(has_text="Lowland Post").locator(".figures")).to_have_text("4 killed")
    expect(rows.filter(has_text="Channel Nine Wire").locator(".figures")).to_have_text("at least 20 killed")
    link = rows.filter(has_text="Lowland Post").locator(".evidence-text a")
    sentence = link.inner_text()
    link.click()
    expect(page).to_have_url(re.compile(r"/documents/sha256:[0-9a-f]+\?start=\d+&end=\d+#ev$"))
    evidence = page.locator(".body mark.evidence")
    assert "".join(evidence.all_inner_texts()) == sentence
    trigger = page.locator(".body mark.evidence mark.trigger")  # the event's word, inside its sentence
    expect(trigger).to_have_text("attacked")
    expect(trigger).to_have_attribute("title", re.compile("^ASSAULT"))
    expect(page.locator("#ev")).to_be_in_viewport()


@pytest.mark.browser
def test_every_event_row_of_a_document_jumps_to_its_marked_trigger(page: Page, shared_server: str) -> None:
    found = httpx.get(f"{shared_server}/api/events", params={"place": "Raqqa", "type": "ASSAULT"}).json()
    document = next(r["document"] for r in found[0]["reports"] if r["publisher"] == "Channel Nine Wire")
    page.goto(f"{shared_server}/documents/{document}")
    rows = page.locator("table.events tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() == page.locator(".body mark.trigger[id^='event-']").count()
    for i in range(rows.count()):
        link = rows.nth(i).locator("a.trigger-link")
        word = link.inner_text()
        link.click()
        target = page.locator(link.get_attribute("href") or "")
        expect(target).to_have_text(word)
        expect(target).to_be_in_viewport()
    killed = rows.filter(has=page.locator("a.trigger-link", has_text="killed"))
    expect(killed.locator(".figures")).to_have_text("at least 20 killed")
    expect(killed).to_contain_text("Ember Valley Monitor")  # the source it cites


@pytest.mark.browser
def test_events_page_filters_with_a_plain_form(browser: Browser, shared_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # the filters are a GET form: no script needed
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.goto(shared_server + "/")
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Events").click()
    everything = int(page.locator("h1 .count").inner_text())
    page.get_by_label("Type").select_option("ASSAULT")
    page.get_by_label("Place").fill("Raqqa")
    page.get_by_role("button", name="Show events").click()
    expect(page).to_have_url(re.compile(r"/events\?.*type=ASSAULT.*place=Raqqa|/events\?.*place=Raqqa.*type=ASSAULT"))
    assert 1 <= int(page.locator("h1 .count").inner_text()) < everything
    assert set(page.locator(".event-head .event-type").all_inner_texts()) == {"ASSAULT"}
    expect(page.locator("li.event-group .disagreement")).to_contain_text("at least 20 killed")
    page.goto(shared_server + "/conflicts")
    page.get_by_role("link", name="The reports of this event").first.click()
    expect(page).to_have_url(re.compile(r"/events\?"))
    expect(page.locator("li.event-group").first).to_be_visible()
    context.close()


def test_events_and_timeline_routes_answer_with_the_cli_keys(shared_server: str) -> None:
    with httpx.Client(base_url=shared_server, timeout=30) as api:
        groups = api.get("/api/events", params={"involving": "Kestrel Brigade"}).json()
        assert groups and all("Kestrel Brigade" in {r["actor"], r["target"]} for g in groups for r in g["reports"])
        attack = next(g for g in groups if g["place"] == "Raqqa")
        assert {"type", "place", "actors", "first_reported", "reports", "disagreements"} <= set(attack)
        for report in attack["reports"]:
            text = api.get(f"/api/documents/{report['document']}").json()["document"]["text"]
            start, end = report["offsets"]["trigger"]
            assert text[start:end] == report["trigger"]
        later = api.get("/api/events", params={"involving": "Kestrel Brigade", "since": "2022-09-12"}).json()
        assert all(g["place"] != "Raqqa" for g in later)  # the attack was on the 11th
        assert api.get("/api/events", params={"involving": "Kestrel Brigade", "until": "2022-09-10"}).json() == []
        bad_type = api.get("/api/events", params={"type": "PICNIC"})
        assert bad_type.status_code == 400 and "unknown event type" in bad_type.json()["error"]["detail"]
        assert api.get("/api/events", params={"since": "last week"}).status_code == 422
        kestrel = actor_id(shared_server, "Kestrel Brigade")
        timeline = api.get(f"/api/actors/{kestrel}/timeline").json()
        assert [e["kind"] for e in timeline].count("event") == len(attack["reports"])
        assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)
