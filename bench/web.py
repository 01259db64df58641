"""Web page latency on a SQLite store of 100,000 synthetic documents (goal: p95 ≤ 150 ms per page).

    python bench/web.py [--docs 100000] [--requests 200] [--db PATH]

The store is ``bench/show_latency.py``'s (bulk inserts straight into the
schema, no spaCy: each document names two armed groups drawn Zipf-wise from
10,000 and a person, with two claims), plus what the pages read that it
leaves out: the full-text index and each entity's mention offsets.  A real
uvicorn serves the app on a loopback port and httpx fetches whole pages
(server time, rendering and the local round trip; no browser):

* search: ``/search?q=`` one word of a group's name (drawn uniformly, so
  mostly rare words), with its facets and first page;
* actor: ``/actors/{id}`` for actors drawn uniformly (dossier, evidence,
  timeline and the capped ego graph);
* document: ``/documents/{id}?start=&end=`` for documents drawn uniformly.

Worst cases are reported beside them: the most-mentioned actor's page and a
search for a word every document holds.  Request loops are bounded and only
ever reach 127.0.0.1.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import sqlalchemy as sa
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claimgraph import Graph
from claimgraph.web import create_app
from show_latency import fill

GOAL_MS = 150.0


def complete(engine: sa.Engine) -> None:
    """Add the full-text index and mention offsets that the bulk fill leaves out, and give actors real-shaped ids."""
    with engine.begin() as conn:
        old = conn.execute(sa.text("SELECT id FROM actors ORDER BY id")).scalars().all()
        new = [{"old": a, "new": f"a{i:031x}"} for i, a in enumerate(old)]
        conn.execute(sa.text("UPDATE actors SET id = :new WHERE id = :old"), new)
        conn.execute(sa.text("UPDATE canonical SET actor_id = :new WHERE actor_id = :old"), new)
        conn.execute(sa.text("INSERT INTO documents_fts (document_id, title, text) SELECT id, '', text FROM documents"))
        rows = conn.execute(
            sa.text("SELECT e.id, e.name, d.text FROM entities e JOIN documents d ON d.id = e.document_id")
        ).all()
        mentions = []
        for entity_id, name, text in rows:
            at = text.find(name)
            if at >= 0:
                mentions.append(
                    {"entity_id": entity_id, "field": "text", "start": at, "end": at + len(name), "text": name}
                )
        for i in range(0, len(mentions), 20_000):
            conn.execute(
                sa.text(
                    'INSERT INTO mentions (entity_id, field, start, "end", text) VALUES (:entity_id, :field, :start, :end, :text)'
                ),
                mentions[i : i + 20_000],
            )


def timed(client: httpx.Client, urls: list[str]) -> list[float]:
    """Milliseconds for each GET, in order; any non-200 answer stops the benchmark."""
    out = []
    for url in urls:
        start = time.perf_counter()
        response = client.get(url)
        out.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}: {response.text[:200]}")
    return out


def report(label: str, ms: list[float]) -> float:
    ms = sorted(ms)
    p95 = ms[max(0, int(0.95 * len(ms)) - 1)]
    verdict = "OK" if p95 <= GOAL_MS else "ABOVE"
    print(
        f"{label:<10} n={len(ms):<4} p50 {statistics.median(ms):6.1f} ms  p95 {p95:6.1f} ms  max {ms[-1]:6.1f} ms  {verdict}"
    )
    return p95


def serve(url: str) -> tuple[str, Callable[[], None]]:
    graph = Graph.open(url)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(graph), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    tick = threading.Event()
    while not server.started and thread.is_alive():
        tick.wait(0.05)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=30)
        graph.close()

    return f"http://127.0.0.1:{port}", stop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per page kind")
    parser.add_argument("--db", type=Path, default=None, help="keep the store here (default: a temporary file)")
    args = parser.parse_args()
    rng = random.Random(13)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "web.db"
        url = f"sqlite:///{path}"
        start = time.perf_counter()
        with Graph.open(url) as graph:
            graph.stats()  # schema created, derived tables current
        engine = sa.create_engine(url)
        ranked = fill(engine, args.docs, rng)
        complete(engine)
        with engine.connect() as conn:
            actor_of = dict(conn.execute(sa.text("SELECT name, id FROM actors")).all())
            documents = [r[0] for r in conn.execute(sa.text("SELECT id FROM documents"))]
            evidence = dict(conn.execute(sa.text("SELECT document_id, evidence_end FROM claims")).all())
        engine.dispose()
        size = path.stat().st_size / 2**20
        print(
            f"store: {args.docs} documents, {len(actor_of)} actors, {size:.0f} MiB, filled in {time.perf_counter() - start:.0f}s"
        )
        base, stop = serve(url)
        try:
            with httpx.Client(base_url=base, timeout=120) as client:
                words = sorted({w for name in ranked for w in name.split()[:2]})
                search = [f"/search?q={rng.choice(words)}" for _ in range(args.requests)]
                actors = [f"/actors/{actor_of[n]}" for n in rng.sample(ranked, args.requests)]
                docs = [f"/documents/{d}?start=0&end={evidence[d]}" for d in rng.sample(documents, args.requests)]
                timed(client, search[:5] + actors[:5] + docs[:5])  # warm the caches
                figures = [
                    report(kind, timed(client, urls))
                    for kind, urls in (("search", search), ("actor", actors), ("document", docs))
                ]
                print("worst cases (not in the goal):")
                report("top actor", timed(client, [f"/actors/{actor_of[ranked[0]]}"] * 3))
                report("'said'", timed(client, ["/search?q=said"] * 3))
        finally:
            stop()
    print(f"goal p95 ≤ {GOAL_MS:.0f} ms on every page: {'met' if max(figures) <= GOAL_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
