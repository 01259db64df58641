"""Cost of the attribution, claim and conflict stages against parsing the same documents.

Documents: the seed and dev articles and the PolNeAR dev texts (political
news, dense in reported speech), read once by our ingest.  Timed in one
process, each the best of ``--repeat``:

* ``parse``  — ``nlp.pipe`` with our pipeline over the bodies, and the entity records;
* ``claims`` — ``find_attributions``, ``find_claims`` and ``find_conflicts`` on those parses.

Reports docs/s for both and the throughput of parse + claims as a ratio of
parse alone (1.0 would mean the claim stages cost nothing).  Usage:

    .venv/bin/python bench/claims.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc

from claimgraph import settings
from claimgraph.ingest import read_paths
from claimgraph.model import Document, Entity
from claimgraph.nlp.attribution.reported import find_attributions
from claimgraph.nlp.claims.assembly import find_claims
from claimgraph.nlp.claims.conflicts import find_conflicts
from claimgraph.nlp.components.pipeline import load_language
from claimgraph.nlp.components.records import entities_from_doc

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = [
        SHARED / "corpus" / "seed" / "articles",
        SHARED / "corpus" / "dev" / "articles",
        SHARED / "eval" / "polnear" / "data" / "dev" / "text",
    ]
    if not all(p.is_dir() for p in paths):
        sys.exit(f"{SHARED} is absent: the benchmark documents are not shipped")
    docs = [d for d in read_paths(paths) if isinstance(d, Document)]
    nlp, batch = load_language(), settings.get_int("batch_size")
    parsed: list[tuple[Document, Doc, list[Entity]]] = []

    def parse() -> None:
        parsed.clear()
        for document, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch), strict=True):
            parsed.append((document, doc, entities_from_doc(doc, document)))

    def claims() -> None:
        for document, doc, entities in parsed:
            attributions = find_attributions(doc, entities)
            find_conflicts(find_claims(doc, document, entities, attributions))

    parse_s = best_of(args.repeat, parse)
    claims_s = best_of(args.repeat, claims)
    n = len(docs)
    print(f"{n} documents, {sum(len(d.text) for d in docs):,} characters, best of {args.repeat}")
    print(f"parse + entities   {n / parse_s:7.1f} docs/s")
    print(f"claim stages       {n / claims_s:7.1f} docs/s")
    print(
        f"with claims        {n / (parse_s + claims_s):7.1f} docs/s  ratio to parse alone {parse_s / (parse_s + claims_s):.2f}"
    )


if __name__ == "__main__":
    main()
