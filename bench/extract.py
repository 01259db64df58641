"""Extraction throughput against plain ``nlp.pipe`` with the same model on the same documents.

Documents: the dev articles, the seed and the CoNLL-2003 dev set exported
as one text per document (``score.py conll-export``), all read once by our
ingest so reading is not timed.  Three runs, each the best of ``--repeat``
(min/median/max seconds printed beside it):

* ``plain``    — the stock model: ``nlp.pipe`` over the bodies;
* ``entities`` — our pipeline (model + registered components) over bodies
  and titles, and the records: entities, aliases, descriptions;
* ``extract``  — the whole analysis ``claimgraph extract`` runs
  (entities, attributions, claims, conflicts), in this process;
* ``extract×N`` — the same through ``--workers N`` processes (pool started
  and models loaded before timing, as in a long run), when ``--workers`` is
  above 1.

Ratios are docs/s against ``plain`` measured in the same process, the runs
interleaved round by round; words per second per core are reported for the
one-process runs, the ratio of ``extract`` in each round (min/median/max:
the rounds are the repeated runs of the figure) by wall clock and by this
process's CPU time (the steadier figure on a shared machine), and the
speed-up of N workers over one.  ``--every K`` times every K-th document only (the
mix of long articles and short wire stories kept): a quicker run when the
machine is loaded, whose ratios still compare runs over the same documents.
Usage:

    .venv/bin/python bench/extract.py [--repeat 3] [--workers 2] [--every 1]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from claimgraph import settings
from claimgraph.ingest import read_paths
from claimgraph.model import Document
from claimgraph.nlp.components.pipeline import Analyzer, load_language, load_model
from claimgraph.nlp.components.records import entities_from_doc
from claimgraph.nlp.components.workers import ProcessAnalyzer

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


def timed(repeat: int, runs: dict[str, Callable[[], object]]) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall and CPU times of each run; rounds interleave the runs so machine load hits them alike.

    CPU time (``time.process_time``, this process only) is what a run costs
    on a shared machine, where wall time also counts other processes' turns;
    it says nothing of a worker pool's runs, whose work is in other processes.
    """
    wall: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            run()
            cpu[name].append(time.process_time() - start_cpu)
            wall[name].append(time.perf_counter() - start)
    return wall, cpu


def spread(label: str, values: list[float], digits: int = 1) -> str:
    return f"{label} min {min(values):.{digits}f} median {statistics.median(values):.{digits}f} max {max(values):.{digits}f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2, help="also time this many worker processes (1: skip)")
    parser.add_argument("--every", type=int, default=1, help="time every K-th document only (a quicker run)")
    args = parser.parse_args()
    if not (SHARED / "tools" / "score.py").is_file():
        sys.exit(f"{SHARED} is absent: the benchmark documents are not shipped")
    batch = settings.get_int("batch_size")
    with tempfile.TemporaryDirectory() as tmp:
        docs = documents(Path(tmp))[:: args.every]
    texts = [d.text for d in docs]
    plain, ours, analyzer = load_model(), load_language(), Analyzer.load()

    def run_entities() -> None:
        parsed = list(ours.pipe(texts + [d.title or "" for d in docs], batch_size=batch))
        for document, doc, title in zip(docs, parsed, parsed[len(docs) :], strict=False):
            entities_from_doc(doc, document, title if document.title else None)

    runs: dict[str, Callable[[], object]] = {
        "plain": lambda: list(plain.pipe(texts, batch_size=batch)),
        "entities": run_entities,
        "extract": lambda: list(analyzer.analyse_stream(docs)),
    }
    with ProcessAnalyzer(max(args.workers, 2), batch_size=batch) as pool:
        if args.workers > 1:
            runs[f"extract×{args.workers}"] = lambda: list(pool.analyse_stream(docs))
        for run in runs.values():  # warm up: lazy tables, first-batch allocation, worker start
            run()
        times, cpu = timed(args.repeat, runs)
    seconds = {name: min(t) for name, t in times.items()}
    words = sum(len(t.split()) for t in texts)
    print(f"{len(docs)} documents, {sum(map(len, texts)):,} characters, {words:,} words, best of {args.repeat}")
    for name, secs in seconds.items():
        per_core = "" if "×" in name else f"  {words / secs:8.0f} words/s per core"
        print(f"{name:11s} {len(docs) / secs:8.1f} docs/s  ratio to plain {seconds['plain'] / secs:.2f}{per_core}")
        print(f"{'':11s} {spread('seconds', times[name])}")
        if "×" not in name:
            print(f"{'':11s} {spread('CPU seconds', cpu[name])}, {words / min(cpu[name]):.0f} words per CPU second")
    for clock, rounds in (("wall", times), ("CPU", cpu)):
        ratios = [p / e for p, e in zip(rounds["plain"], rounds["extract"], strict=True)]
        print(spread(f"extract ratio to plain per round ({clock}):", ratios, 2))
    if args.workers > 1:
        print(f"{args.workers} workers vs 1: {seconds['extract'] / seconds[f'extract×{args.workers}']:.2f}×")


if __name__ == "__main__":
    main()
