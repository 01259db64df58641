"""Extraction throughput against plain ``nlp.pipe`` with the same model on the same documents.

Documents: the dev articles, the seed and the CoNLL-2003 dev set exported
as one text per document (``score.py conll-export``), all read once by our
ingest so reading is not timed.  Three runs, each the best of ``--repeat``:

* ``plain``    — the stock model: ``nlp.pipe`` over the bodies;
* ``entities`` — our pipeline (model + registered components) over bodies
  and titles, and the records: entities, aliases, descriptions;
* ``extract``  — the whole analysis ``claimgraph extract`` runs
  (entities, attributions, claims, conflicts).

Ratios are docs/s against ``plain`` measured in the same process, the runs
interleaved round by round.  Usage:

    .venv/bin/python bench/extract.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from claimgraph import settings
from claimgraph.ingest import read_paths
from claimgraph.model import Document
from claimgraph.nlp.pipeline import Analyzer, load_language, load_model
from claimgraph.nlp.records import entities_from_doc

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def documents(conll_dir: Path) -> list[Document]:
    subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score.py"),
            "conll-export",
            str(SHARED / "eval" / "conll2003" / "eng.testa"),
            str(conll_dir),
        ],
        check=True,
        capture_output=True,
    )
    paths = [SHARED / "corpus" / "dev" / "articles", SHARED / "corpus" / "seed" / "articles", conll_dir]
    return [d for d in read_paths(paths) if isinstance(d, Document)]


def best_of(repeat: int, runs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Best wall time of each run; rounds interleave the runs so machine load hits them alike."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: min(t) for name, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (SHARED / "tools" / "score.py").is_file():
        sys.exit(f"{SHARED} is absent: the benchmark documents are not shipped")
    batch = settings.get_int("batch_size")
    with tempfile.TemporaryDirectory() as tmp:
        docs = documents(Path(tmp))
    texts = [d.text for d in docs]
    plain, ours, analyzer = load_model(), load_language(), Analyzer.load()

    def run_entities() -> None:
        parsed = list(ours.pipe(texts + [d.title or "" for d in docs], batch_size=batch))
        for document, doc, title in zip(docs, parsed, parsed[len(docs) :], strict=False):
            entities_from_doc(doc, document, title if document.title else None)

    runs = {
        "plain": lambda: list(plain.pipe(texts, batch_size=batch)),
        "entities": run_entities,
        "extract": lambda: list(analyzer.analyse_stream(docs)),
    }
    for run in runs.values():  # warm up: lazy tables, first-batch allocation
        run()
    seconds = best_of(args.repeat, runs)
    print(f"{len(docs)} documents, {sum(map(len, texts)):,} characters, best of {args.repeat}")
    for name, secs in seconds.items():
        print(f"{name:9s} {len(docs) / secs:8.1f} docs/s  ratio to plain {seconds['plain'] / secs:.2f}")


if __name__ == "__main__":
    main()
