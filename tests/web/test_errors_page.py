"""The errors page and ``/api/errors`` show what reading changed in kept documents, beside the documents that failed.

A store is ingested for the purpose with the real pipeline: one scrape with a
C1 control character in its headline (kept, with a warning), one record whose
slashed date reads two ways (kept, with a warning), and one file of page
furniture only (failed).  The page is read in Debian's Chromium.
"""

from __future__ import annotations

import json
import re

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from claimgraph import Graph

pytestmark = pytest.mark.browser

WAIT_MS = 15_000
SCRAPE = (
    "Ferry talks resume in Ostrel\u0085\n\nTalks on the ferry crossing resumed in Ostrel on Monday, officials said.\n"
)
RECORD = {"id": "quay", "published": "3/4/2021", "text": "Dock workers in Ostrel ended their strike after two weeks."}


@pytest.fixture(autouse=True)
def _bounded_waits(context: BrowserContext) -> None:
    context.set_default_timeout(WAIT_MS)


@pytest.fixture(scope="module")
def warned_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp_path = tmp_path_factory.mktemp("warned")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text(SCRAPE, encoding="utf-8")
    (corpus / "quay.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    (corpus / "dots.txt").write_text("* * *\n...\n|\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'warned.db'}"
    with Graph.open(url) as graph:
        summary = graph.ingest([corpus])
    assert (summary.stored, summary.failed, summary.warnings) == (2, 1, 2), summary
    return url


def test_errors_page_lists_failures_then_warnings_with_links_to_the_documents(
    page: Page,
    serve,  # type: ignore[no-untyped-def]
    warned_store: str,
) -> None:
    base = serve(warned_store)
    page.goto(base + "/errors")
    expect(page.locator("table.failures tbody tr")).to_have_count(1)
    expect(page.locator("table.failures tbody tr")).to_contain_text("dots.txt")
    expect(page.locator("table.failures code")).to_have_text("no_text")
    warned = page.locator("table.warnings tbody tr")
    expect(warned).to_have_count(2)
    expect(page.locator("#warnings .count")).to_have_text("2")
    assert sorted(page.locator("table.warnings code").all_inner_texts()) == ["ambiguous_date", "control_characters"]
    ferry = warned.filter(has_text="control_characters")
    expect(ferry).to_contain_text("control character(s) removed")
    ferry.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/documents/sha256:[0-9a-f]{64}$"))
    expect(page.locator("h1")).to_have_text("Ferry talks resume in Ostrel")  # the headline without the C1 character


def test_api_errors_is_the_pages_twin_and_the_failures_alone_when_asked(
    serve,  # type: ignore[no-untyped-def]
    warned_store: str,
) -> None:
    base = serve(warned_store)
    rows = httpx.get(f"{base}/api/errors", timeout=30).json()
    assert (rows[0]["kind"], rows[0]["code"]) == ("failure", "no_text")
    assert sorted((r["kind"], r["code"]) for r in rows[1:]) == [
        ("warning", "ambiguous_date"),
        ("warning", "control_characters"),
    ]
    with Graph.open(warned_store, create=False) as graph:  # the keys of `claimgraph errors --warnings --json`
        assert rows == [f.to_json() for f in graph.failures()] + [w.to_json() for w in graph.warnings()]
    alone = httpx.get(f"{base}/api/errors", params={"warnings": "false"}, timeout=30).json()
    assert [r["kind"] for r in alone] == ["failure"]
