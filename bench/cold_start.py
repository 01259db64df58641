"""`claimgraph show` cold start: a new process, one dossier, on the demo store (target: under 0.5 s).

    python bench/cold_start.py [--db sqlite:///demo.db] [--name "Hay'at Tahrir al-Sham"] [--repeat 7]

Without ``--db`` the demo store is made first in a temporary folder by
ingesting ``examples/`` (not timed).  Each figure is the wall time of a
whole process, min and median of ``--repeat`` runs, beside baselines
measured in the same run on the same machine:

* ``python -c pass``: the interpreter alone;
* ``import sqlalchemy, typer``: the floor of any store command (the
  store's engine and the command line);
* ``import spacy, datasketch, networkx, alembic``: what a read command
  paid before these were imported only where used.

The ratio of ``show`` to the floor says what claimgraph adds to it.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CLAIMGRAPH = [sys.executable, "-c", "from claimgraph.cli import main; main()"]


def wall(command: list[str], repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=None)
    parser.add_argument("--name", default="Hay'at Tahrir al-Sham")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or f"sqlite:///{Path(tmp) / 'demo.db'}"
        if args.db is None:
            subprocess.run([*CLAIMGRAPH, "ingest", str(EXAMPLES), "--db", db], check=True, capture_output=True)
        subprocess.run([*CLAIMGRAPH, "show", args.name, "--db", db], check=True, capture_output=True)  # rebuilt
        figures = {
            "python -c pass": wall([sys.executable, "-c", "pass"], args.repeat),
            "import sqlalchemy, typer": wall([sys.executable, "-c", "import sqlalchemy, typer"], args.repeat),
            "import spacy, datasketch, networkx, alembic": wall(
                [sys.executable, "-c", "import spacy, datasketch, networkx, alembic"], args.repeat
            ),
            "claimgraph --version": wall([*CLAIMGRAPH, "--version"], args.repeat),
            "claimgraph show": wall([*CLAIMGRAPH, "show", args.name, "--db", db], args.repeat),
        }
    for what, runs in figures.items():
        print(f"{what:45s} min {min(runs):5.2f}s  median {statistics.median(runs):5.2f}s")
    show, floor = (statistics.median(figures[k]) for k in ("claimgraph show", "import sqlalchemy, typer"))
    print(f"show / (sqlalchemy + typer) floor (medians): {show / floor:.2f}")
    print(f"show under 0.5 s: {'OK' if show < 0.5 else 'ABOVE'} (median {show:.2f}s)")


if __name__ == "__main__":
    main()
