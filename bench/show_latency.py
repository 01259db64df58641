"""`show` latency on a store of synthetic documents (targets: p95 < 100 ms on SQLite, 100,000 documents; p95 < 50 ms on PostgreSQL, 1,000,000).

    .venv/bin/python bench/show_latency.py [--docs 100000] [--queries 200] [--db PATH]
    .venv/bin/python bench/show_latency.py --postgres --docs 100000,300000,1000000

The store is filled with bulk inserts straight into the schema (no spaCy),
through the store's bulk writer (``insert_rows``: ``COPY`` on PostgreSQL):
each document names two armed groups (drawn Zipf-wise from 10,000, so a
few are in thousands of articles) and a person, and carries two claims.
Derived tables (actors, canonical names, origins) are written directly as
resolution would leave them.  Latency is the library call behind
`claimgraph show --json` (``dossier``) for actors drawn uniformly, plus
the single most-mentioned actor reported on its own; Python start-up is
not included.  ``--postgres`` uses a throwaway local PostgreSQL
(tests/postgres_server.py), and ``--docs`` may list several sizes: one
store grows through them and is measured at each, so the curve comes
from one run.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from claimgraph.analyze.dossier import dossier
from claimgraph.nodes import name_node
from claimgraph.store import open_store
from claimgraph.store import schema as t
from claimgraph.store.bulk import insert_rows
from claimgraph.store.meta import ACTORS, ORIGINS, put
from postgres_server import PostgresServer, binaries

GROUPS, PEOPLE = 10_000, 5_000
PREDICATES = ["allied_with", "rival_of", "part_of", "affiliated_with", "operates_in"]


def actor_names(rng: random.Random) -> tuple[list[str], list[str]]:
    syllables = [c + v for c in "bdfghjklmnrstvz" for v in "aeiou"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()

    groups = [f"{word()} {word()} Brigade #{i}" for i in range(GROUPS)]
    people = [f"{word()} {word()} #{i}" for i in range(PEOPLE)]
    return groups, people


def fill(engine: sa.Engine, first: int, docs: int, rng: random.Random) -> None:
    """Write documents ``first`` .. ``docs - 1`` of the synthetic store.

    The actors are written with the first document; a store grown in steps
    draws from the same ``rng`` throughout.
    """
    groups, people = actor_names(random.Random(11))
    nodes = [name_node(n, "ARMED_GROUP") for n in groups] + [name_node(n, "PERSON") for n in people]
    actors = [{"id": f"a{i:08d}", "name": n.name, "type": n.type} for i, n in enumerate(nodes)]
    weights = list(itertools.accumulate(1 / (r + 1) ** 0.8 for r in range(GROUPS)))
    with engine.begin() as conn:
        if first == 0:
            names = [
                {"id": n.id, "name": n.name, "fold": n.fold, "type": n.type, "key": n.key, "resolved": True}
                for n in nodes
            ]
            insert_rows(conn, t.names, names)
            insert_rows(conn, t.actors, actors)
            canonical = [{"name_id": n.id, "actor_id": a["id"]} for n, a in zip(nodes, actors, strict=True)]
            insert_rows(conn, t.canonical, canonical)
        for start in range(first, docs, 10_000):
            rows: dict[str, list[dict[str, Any]]] = {
                "documents": [],
                "entities": [],
                "entity_names": [],
                "claims": [],
                "origins": [],
            }
            for i in range(start, min(start + 10_000, docs)):
                doc_id = "sha256:" + hashlib.sha256(str(i).encode()).hexdigest()
                g1, g2 = rng.choices(range(GROUPS), cum_weights=weights, k=2)
                p = GROUPS + rng.randrange(PEOPLE)
                day = f"{rng.randint(2010, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                text = f"{nodes[p].name} said the {nodes[g1].name} fought the {nodes[g2].name} (story {i})."
                rows["documents"].append(
                    {
                        "id": doc_id,
                        "source_path": f"synthetic/{i}.txt",
                        "text": text,
                        "day": day,
                        "published": day,
                        "authors": "[]",
                        "extractor": "synthetic",
                    }
                )
                rows["origins"].append({"document_id": doc_id, "origin_id": doc_id})
                ents = []
                for local, actor in (("e1", g1), ("e2", g2), ("e3", p)):
                    eid = f"e{i:07d}{local}"
                    ents.append(eid)
                    node = nodes[actor]
                    rows["entities"].append(
                        {
                            "id": eid,
                            "document_id": doc_id,
                            "local_id": local,
                            "name": node.name,
                            "type": node.type,
                            "name_id": node.id,
                            "descriptions": "[]",
                        }
                    )
                    rows["entity_names"].append(
                        {"entity_id": eid, "surface": node.name, "name_id": node.id, "document_id": doc_id, "day": day}
                    )
                for k, (s, o, pred) in enumerate(((g1, g2, rng.choice(PREDICATES)), (p, g1, "member_of"))):
                    rows["claims"].append({
                        "id": f"c{i:07d}{k}", "document_id": doc_id, "local_id": f"c{k}", "subject_id": ents[0 if k == 0 else 2],
                        "subject_name_id": nodes[s].id, "predicate": pred, "object_id": ents[1 if k == 0 else 0], "object_name_id": nodes[o].id,
                        "polarity": "denied" if rng.random() < 0.15 else "affirmed", "hedged": False, "source_id": ents[2],
                        "source_name_id": nodes[p].id, "via": "[]", "evidence_start": 0, "evidence_end": len(text), "evidence_text": text,
                        "day": day, "publisher": None,
                    })  # fmt: skip
            for table in ("documents", "origins", "entities", "entity_names", "claims"):
                insert_rows(conn, t.metadata.tables[table], rows[table])
        put(conn, ACTORS, "0")
        put(conn, ORIGINS, "0")


def ranked_actors(engine: sa.Engine) -> list[str]:
    """The actors' names, most-mentioned first."""
    with engine.connect() as conn:
        counts = conn.execute(
            sa.select(t.names.c.name, sa.func.count())
            .join(t.entities, t.entities.c.name_id == t.names.c.id)
            .group_by(t.names.c.name)
        ).all()
    return [name for name, _ in sorted(counts, key=lambda r: (-r[1], r[0]))]


def stored_documents(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(t.documents)).scalar_one())


def cpu_clock(conn: sa.Connection) -> Callable[[], float]:
    """Seconds of CPU used so far by this process and, on PostgreSQL, by the connection's server process.

    On a loaded machine a show's wall time grows with everyone else's work
    and its CPU time much less, so both are reported.  The server's comes
    from the kernel's scheduler statistics (nanoseconds) of the local test
    server; a parallel worker's would not be counted.
    """
    if conn.dialect.name != "postgresql":
        return time.process_time
    stat = Path(f"/proc/{conn.exec_driver_sql('SELECT pg_backend_pid()').scalar_one()}/schedstat")
    return lambda: time.process_time() + int(stat.read_text().split()[0]) / 1e9


def measure(engine: sa.Engine, ranked: list[str], queries: int, rng: random.Random, top: bool = True) -> None:
    """Time ``dossier`` for ``queries`` actors drawn uniformly, then for the most-mentioned one; print the figures."""
    statements = 0

    def count(*_: Any) -> None:
        nonlocal statements
        statements += 1

    with engine.connect() as conn:
        dossier(conn, ranked[0]).to_json()  # warm the page cache
        timings, cpu, trips = [], [], []
        clock = cpu_clock(conn)
        sa.event.listen(conn, "before_cursor_execute", count)
        for name in rng.sample(ranked, queries):
            start, used = time.perf_counter(), clock()
            dossier(conn, name).to_json()
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((clock() - used) * 1000)
            start = time.perf_counter()  # beside each show, the floor of one statement: a round trip
            conn.exec_driver_sql("SELECT 1").scalar()
            trips.append((time.perf_counter() - start) * 1000)
        sa.event.remove(conn, "before_cursor_execute", count)
        start = time.perf_counter()
        busiest = dossier(conn, ranked[0]).to_json() if top else None
        top_ms = (time.perf_counter() - start) * 1000
    timings.sort()
    cpu.sort()
    p95 = timings[int(0.95 * len(timings)) - 1]
    per_show = (statements - len(trips)) / len(timings)
    print(
        f"  show over {len(timings)} actors drawn uniformly: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms; {per_show:.1f} statements per show, "
        f"a 'SELECT 1' round trip beside each: p50 {statistics.median(trips):.2f} ms"
    )
    print(
        f"  CPU per show (this process and its store's server process): p50 {statistics.median(cpu):.1f} ms, "
        f"p95 {cpu[int(0.95 * len(cpu)) - 1]:.1f} ms"
    )
    if busiest is not None:
        claim_docs = sum(c["documents"] for c in busiest["claims"])
        groups = len(busiest["claims"])
        print(f"  most-mentioned actor ({groups} claim groups, {claim_docs} claim-documents): {top_ms:.1f} ms")
    limit = 50 if engine.dialect.name == "postgresql" else 100
    print(f"  p95 target < {limit} ms: {'OK' if p95 < limit else 'ABOVE'}", flush=True)


def _database(server: PostgresServer) -> str:
    """The store's database: created, or in a kept cluster the one a former run left."""
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = 'show'").fetchone():
            return server.url("show")
    return server.create_database("show")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", default="100000", help="store size, or sizes to grow one store through (comma list)")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", type=Path, default=None, help="keep the SQLite store here (default: a temporary file)")
    parser.add_argument("--postgres", action="store_true", help="a throwaway local PostgreSQL instead of SQLite")
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="with --postgres, keep the cluster in this folder and reuse a store of the size asked for",
    )
    parser.add_argument(
        "--no-top",
        action="store_true",
        help="leave out the most-mentioned actor (its conflicts grow with its claims squared)",
    )
    args = parser.parse_args()
    sizes = sorted(int(n) for n in args.docs.split(","))
    server = None
    if args.postgres:
        bindir = binaries()
        if bindir is None:
            sys.exit("PostgreSQL binaries not installed (make postgres)")
        server = PostgresServer(bindir, args.keep)
        server.start()
    rng = random.Random(11)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            url = _database(server) if server else f"sqlite:///{args.db or Path(tmp) / 'show.db'}"
            engine = open_store(url)
            written = 0
            for size in sizes:
                start = time.perf_counter()
                if stored_documents(engine) == size:  # a kept store of this size: measured again, not refilled
                    written = size
                fill(engine, written, size, rng)
                ranked = ranked_actors(engine)
                if server:  # what autovacuum does after a bulk load, at once: statistics for the plans, and
                    # the pages marked all-visible, so the covering indexes answer without reading the tables
                    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                        conn.exec_driver_sql("VACUUM ANALYZE")
                print(
                    f"{engine.dialect.name}, {size} documents (written {size - written} in {time.perf_counter() - start:.1f}s)"
                )
                written = size
                measure(engine, ranked, args.queries, random.Random(size), not args.no_top)
            engine.dispose()
    finally:
        if server:
            server.stop()


if __name__ == "__main__":
    main()
