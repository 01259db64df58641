"""`show` latency on a SQLite store of 100,000 synthetic documents (target: p95 < 100 ms).

    python bench/show_latency.py [--docs 100000] [--queries 200] [--db PATH]

The store is filled with bulk inserts straight into the schema (no spaCy):
each document names two armed groups (drawn Zipf-wise from 10,000, so a
few are in thousands of articles) and a person, and carries two claims.
Derived tables (actors, canonical names, origins) are written directly as
resolution would leave them.  Latency is the library call behind
`claimgraph show --json` (``dossier``) for actors drawn uniformly, plus
the single most-mentioned actor reported on its own; Python start-up is
not included.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from claimgraph.analyze.dossier import dossier
from claimgraph.nodes import name_node
from claimgraph.store import open_store
from claimgraph.store import schema as t
from claimgraph.store.meta import ACTORS, ORIGINS, put

GROUPS, PEOPLE = 10_000, 5_000
PREDICATES = ["allied_with", "rival_of", "part_of", "affiliated_with", "operates_in"]


def actor_names(rng: random.Random) -> tuple[list[str], list[str]]:
    syllables = [c + v for c in "bdfghjklmnrstvz" for v in "aeiou"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()

    groups = [f"{word()} {word()} Brigade #{i}" for i in range(GROUPS)]
    people = [f"{word()} {word()} #{i}" for i in range(PEOPLE)]
    return groups, people


def fill(engine: sa.Engine, docs: int, rng: random.Random) -> list[str]:
    """Write the synthetic store; returns the actors' names, most-mentioned first."""
    groups, people = actor_names(rng)
    nodes = [name_node(n, "ARMED_GROUP") for n in groups] + [name_node(n, "PERSON") for n in people]
    actors = [{"id": f"a{i:08d}", "name": n.name, "type": n.type} for i, n in enumerate(nodes)]
    weights = list(itertools.accumulate(1 / (r + 1) ** 0.8 for r in range(GROUPS)))
    with engine.begin() as conn:
        conn.execute(
            t.names.insert(),
            [
                {"id": n.id, "name": n.name, "fold": n.fold, "type": n.type, "key": n.key, "resolved": True}
                for n in nodes
            ],
        )
        conn.execute(t.actors.insert(), actors)
        conn.execute(
            t.canonical.insert(), [{"name_id": n.id, "actor_id": a["id"]} for n, a in zip(nodes, actors, strict=True)]
        )
        for start in range(0, docs, 10_000):
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
                        {"entity_id": eid, "surface": node.name, "name_id": node.id, "document_id": doc_id}
                    )
                for k, (s, o, pred) in enumerate(((g1, g2, rng.choice(PREDICATES)), (p, g1, "member_of"))):
                    rows["claims"].append({
                        "id": f"c{i:07d}{k}", "document_id": doc_id, "local_id": f"c{k}", "subject_id": ents[0 if k == 0 else 2],
                        "subject_name_id": nodes[s].id, "predicate": pred, "object_id": ents[1 if k == 0 else 0], "object_name_id": nodes[o].id,
                        "polarity": "denied" if rng.random() < 0.15 else "affirmed", "hedged": False, "source_id": ents[2],
                        "source_name_id": nodes[p].id, "via": "[]", "evidence_start": 0, "evidence_end": len(text), "evidence_text": text,
                    })  # fmt: skip
            for table in ("documents", "origins", "entities", "entity_names", "claims"):
                conn.execute(t.metadata.tables[table].insert(), rows[table])
        put(conn, ACTORS, "0")
        put(conn, ORIGINS, "0")
        counts = conn.execute(sa.select(t.entities.c.name_id, sa.func.count()).group_by(t.entities.c.name_id)).all()
    by_id = {n.id: n.name for n in nodes}
    return [by_id[name_id] for name_id, _ in sorted(counts, key=lambda r: -r[1])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", type=Path, default=None, help="keep the store here (default: a temporary file)")
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "show.db"
        engine = open_store(f"sqlite:///{path}")
        start = time.perf_counter()
        ranked = fill(engine, args.docs, rng)
        print(f"filled {args.docs} documents in {time.perf_counter() - start:.1f}s")
        with engine.connect() as conn:
            dossier(conn, ranked[0]).to_json()  # warm the page cache
            timings = []
            for name in rng.sample(ranked, args.queries):
                start = time.perf_counter()
                dossier(conn, name).to_json()
                timings.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            top = dossier(conn, ranked[0]).to_json()
            top_ms = (time.perf_counter() - start) * 1000
        engine.dispose()
    timings.sort()
    p95 = timings[int(0.95 * len(timings)) - 1]
    print(
        f"show over {len(timings)} actors drawn uniformly: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms"
    )
    print(
        f"most-mentioned actor ({len(top['claims'])} claim groups, {sum(c['documents'] for c in top['claims'])} claim-documents): {top_ms:.1f} ms"
    )
    print(f"p95 target < 100 ms: {'OK' if p95 < 100 else 'ABOVE'}")


if __name__ == "__main__":
    main()
