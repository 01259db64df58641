"""The workbench in a real browser: Debian's Chromium through Playwright, a live uvicorn, a real store.

Every wait is on a condition (an element, a URL, a JavaScript predicate),
never a fixed sleep.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 15_000  # the longest any condition may take to come true before the test fails


@pytest.fixture(autouse=True)
def _bounded_waits(context: BrowserContext) -> None:
    context.set_default_timeout(WAIT_MS)


def actor_id(base: str, name: str) -> str:
    hits = httpx.get(f"{base}/api/actors", params={"q": name}).json()
    return next(h["id"] for h in hits if h["name"] == name)


def test_alias_search_leads_to_the_evidence_sentence_in_its_document(page: Page, shared_server: str) -> None:
    page.goto(shared_server + "/")
    page.get_by_label("Actor name or words in documents").fill("Hizbullah")  # an alias, not the canonical name
    page.get_by_label("Actor name or words in documents").press("Enter")
    page.locator("ul.actors a", has_text="Hezbollah").click()
    expect(page.locator("h1")).to_have_text("Hezbollah")
    link = page.locator("table.claims .evidence-text a").first
    sentence = link.inner_text()
    link.click()
    expect(page).to_have_url(re.compile(r"/documents/sha256:[0-9a-f]+\?start=\d+&end=\d+#ev$"))
    marks = page.locator(".body mark.evidence")
    expect(marks.first).to_be_visible()
    assert "".join(marks.all_inner_texts()) == sentence
    expect(page.locator("#ev")).to_be_in_viewport()
    # names in the body link to their actors
    expect(page.locator(".body a.mention", has_text="Hezbollah").first).to_have_attribute(
        "href", re.compile("^/actors/")
    )


def test_merge_on_the_review_page_then_undo(page: Page, serve, fresh_store: str) -> None:  # type: ignore[no-untyped-def]
    base = serve(fresh_store)

    def aliases_of(name: str) -> list[str]:
        page.goto(base + "/search?" + urlencode({"q": name}))
        page.locator("ul.actors li a", has_text=name).first.click()
        return page.locator("#names .aliases li").all_inner_texts()

    assert not any("Ashen Vale Front" in a for a in aliases_of("Grey Lantern Movement"))  # two actors
    page.goto(base + "/review")
    page.get_by_label("First name or actor id").fill("Ashen Vale Front")
    page.get_by_label("Second name or actor id").fill("Grey Lantern Movement")
    page.get_by_role("button", name="Same actor", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("they are now one actor")
    merged = aliases_of("Grey Lantern Movement")
    assert any("Ashen Vale Front" in a for a in merged) and any("Grey Lantern Movement" in a for a in merged)

    page.goto(base + "/review")
    page.get_by_role("button", name=re.compile(r"^Undo judgement .*Ashen Vale Front")).click()
    expect(page.get_by_role("status")).to_contain_text("was undone")
    expect(page.get_by_text("No judgement has been made by hand.")).to_be_visible()
    assert not any("Ashen Vale Front" in a for a in aliases_of("Grey Lantern Movement"))
    assert not any("Grey Lantern Movement" in a for a in aliases_of("Ashen Vale Front"))


def test_ego_graph_renders_and_a_click_expands_it(page: Page, shared_server: str) -> None:
    page.goto(f"{shared_server}/actors/{actor_id(shared_server, 'Ashen Vale Front')}")
    page.wait_for_function("() => window.cgGraph && window.cgGraph.nodes().length >= 2")
    before = page.evaluate("window.cgGraph.elements().length")
    # a real mouse click on the neighbour's drawn position
    page.locator("#ego").scroll_into_view_if_needed()
    target = actor_id(shared_server, "Grey Lantern Movement")
    x, y = page.evaluate(
        """(id) => { const n = window.cgGraph.getElementById(id); const p = n.renderedPosition();
                     const box = document.getElementById('ego').getBoundingClientRect();
                     return [box.left + p.x, box.top + p.y]; }""",
        target,
    )
    page.mouse.click(x, y)
    page.wait_for_function("(n) => window.cgGraph.elements().length > n", arg=before)
    names = page.evaluate("window.cgGraph.nodes().map(n => n.data('label'))")
    assert "Tarn Hollow Brigade" in names  # reached only through Grey Lantern Movement
    labels = page.evaluate("window.cgGraph.edges().map(e => e.data('label'))")
    assert "not linked to" in labels and "allied with" in labels  # predicate and polarity on the edges


def test_hostile_article_renders_as_text_and_runs_nothing(page: Page, shared_server: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(shared_server + "/search?q=Varn+Ridge")
    hit = page.locator("ul.documents li a").first
    expect(hit).to_contain_text("<script>window.__pwned = 'title';</script>Clashes at")
    expect(page.locator(".facets")).to_contain_text("Ridge <svg onload=")  # the outlet's name, as text
    hit.click()
    expect(page.locator("h1")).to_contain_text("<img src=x onerror=")
    expect(page.locator(".meta")).to_contain_text("<svg onload=")
    expect(page.locator(".body")).to_contain_text("<script>window.__pwned='name'</script>")
    page.locator(".body").hover()
    page.locator(".body a.mention").first.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('main img, main svg, main b, main script').length") == 0
    assert not page.evaluate("[...document.scripts].some(s => s.text.includes('__pwned'))")
    assert not dialogs


def test_pages_work_with_javascript_disabled(browser: Browser, shared_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.goto(shared_server + "/")
    page.get_by_label("Actor name or words in documents").fill("Sahel")
    page.get_by_label("Actor name or words in documents").press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q=Sahel"))
    total = int(page.locator("h2", has_text="Documents").locator(".count").inner_text())
    assert total >= 2
    page.locator(".facets label", has_text="split from").locator("input").check()
    page.get_by_role("button", name="Apply filters").click()  # the <noscript> button submits the facets
    expect(page).to_have_url(re.compile(r"predicate=split_from"))
    assert int(page.locator("h2", has_text="Documents").locator(".count").inner_text()) < total
    page.goto(f"{shared_server}/actors/{actor_id(shared_server, 'Boko Haram')}")
    expect(page.locator("ul.neighbours")).to_contain_text("Islamic State West Africa Province")
    page.locator("table.claims .evidence-text a").first.click()
    expect(page.locator(".body mark.evidence").first).to_be_visible()
    context.close()


def test_keyboard_only_pass_over_the_actor_page(page: Page, shared_server: str) -> None:
    page.goto(f"{shared_server}/actors/{actor_id(shared_server, 'Hezbollah')}")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    seen: list[dict[str, object]] = []
    for _ in range(60):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                """() => { const el = document.activeElement;
                   const label = (el.labels && el.labels.length ? el.labels[0].innerText : '')
                               || el.getAttribute('aria-label') || el.innerText || '';
                   const box = el.getBoundingClientRect();
                   return {tag: el.tagName, name: label.trim(), top: box.top + window.scrollY,
                           evidence: !!el.closest('.evidence-text'), visible: box.width > 0 && box.height > 0}; }"""
            )
        )
        if seen[-1]["evidence"]:
            break
    assert all(s["name"] for s in seen), [s for s in seen if not s["name"]]  # every stop says what it is
    assert all(s["visible"] for s in seen)
    tops = [float(str(s["top"])) for s in seen]
    assert tops == sorted(tops), "focus moves down the page in reading order"
    assert seen[0]["name"] == "Names" and seen[-1]["evidence"], seen  # on-page contents first, evidence reachable
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/documents/.*#ev$"))


def test_screenshot_of_the_actor_page(page: Page, shared_server: str, tmp_path: Path) -> None:
    """The README's picture: made here, so it shows what the tests saw (refresh with CLAIMGRAPH_SCREENSHOT=1)."""
    page.set_viewport_size({"width": 1200, "height": 900})
    hts = actor_id(shared_server, "Hay'at Tahrir al-Sham")
    page.goto(f"{shared_server}/actors/{hts}")
    page.wait_for_function("() => window.cgGraph && window.cgGraph.nodes().length >= 2")
    out = ROOT / "docs" / "actor-page.png" if os.environ.get("CLAIMGRAPH_SCREENSHOT") else tmp_path / "actor.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out), full_page=True)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
