"""`claimgraph show` cold start: a new process, one dossier, on the demo store (target: under 0.5 s); and an export's.

    python bench/cold_start.py [--db sqlite:///demo.db] [--name "Hay'at Tahrir al-Sham"] [--repeat 7]

Without ``--db`` the demo store is made first in a temporary folder by
ingesting ``examples/`` (not timed).  Each figure is the wall time of a
whole process, min / median / max of ``--repeat`` runs, and its CPU time (user
and system: what the process itself spent, which the other work on a busy
machine inflates less than the wall time), beside baselines measured in the
same run on the same machine, each run of each command in turn:

* ``python -c pass``: the interpreter alone;
* ``import sqlalchemy, typer``: the floor of any store command (the
  store's engine and the command line);
* ``import spacy, datasketch, networkx, alembic``: what a read command
  paid before these were imported only where used.

The ratio of ``show`` to the floor says what claimgraph adds to it.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CLAIMGRAPH = [sys.executable, "-c", "from claimgraph.cli import main; main()"]
# An installed claimgraph starts from compiled bytecode (pip compiles it); so does a checkout once run, unless
# PYTHONDONTWRITEBYTECODE is set, when every start would compile each module anew: the untimed first runs cache it.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(command: list[str]) -> tuple[float, float]:
    """One run of ``command``: its wall time and CPU time in seconds."""
    cpu, start = _cpu(), time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=CHILD_ENV)
    return time.perf_counter() - start, _cpu() - cpu


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
        run([*CLAIMGRAPH, "show", args.name, "--db", db])  # not timed: derived tables rebuilt, bytecode cached
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "import sqlalchemy, typer": [sys.executable, "-c", "import sqlalchemy, typer"],
            "import spacy, datasketch, networkx, alembic": [
                sys.executable,
                "-c",
                "import spacy, datasketch, networkx, alembic",
            ],
            "claimgraph --version": [*CLAIMGRAPH, "--version"],
            "claimgraph show": [*CLAIMGRAPH, "show", args.name, "--db", db],
            "claimgraph export --format stix": [*CLAIMGRAPH, "export", "--format", "stix", "--db", db],
        }
        runs: dict[str, list[tuple[float, float]]] = {what: [] for what in commands}
        for _ in range(args.repeat):  # interleaved, so a burst of load on the machine falls on every command alike
            for what, command in commands.items():
                runs[what].append(run(command))
    walls = {what: [w for w, _ in r] for what, r in runs.items()}
    cpus = {what: [c for _, c in r] for what, r in runs.items()}
    for what in commands:
        w, c = walls[what], cpus[what]
        print(
            f"{what:45s} wall min/median/max {min(w):5.2f} {statistics.median(w):5.2f} {max(w):5.2f}s"
            f"   cpu min/median/max {min(c):5.2f} {statistics.median(c):5.2f} {max(c):5.2f}s"
        )
    floor = "import sqlalchemy, typer"
    for kind, figures in (("wall", walls), ("cpu", cpus)):
        show, base = statistics.median(figures["claimgraph show"]), statistics.median(figures[floor])
        print(f"show / (sqlalchemy + typer) floor, {kind} medians: {show / base:.2f}")
    show = walls["claimgraph show"]
    verdict = "OK" if statistics.median(show) < 0.5 else "ABOVE"
    print(f"show under 0.5 s: {verdict} (wall median {statistics.median(show):.2f}s, max {max(show):.2f}s)")


if __name__ == "__main__":
    main()
