"""Issue 16, row 2: concurrent writers into one store end equal to a sequential run, losing nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from concurrent_writer import KINDS, WORDS

from claimgraph.resolve.refresh import refresh
from claimgraph.store import open_store
from claimgraph.store import schema as t

WRITER = Path(__file__).with_name("concurrent_writer.py")


def writers(url: str, *ranges: tuple[int, int]) -> list[dict[str, int]]:
    """Run one writer process per range, all at once; their summaries."""
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), url, str(a), str(b)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for a, b in ranges
    ]
    return summaries(procs)


def contents(url: str) -> dict[str, object]:
    """What a store holds, independent of the order rows were written in."""
    engine = open_store(url)
    refresh(engine)
    with engine.connect() as conn:
        j = t.judgements.c
        judgements = conn.execute(sa.select(j.left_id, j.right_id, j.judgement, j.by_hand)).all()
        found = {
            "documents": set(conn.execute(sa.select(t.documents.c.id)).scalars()),
            "names": set(conn.execute(sa.select(t.names.c.id)).scalars()),
            "entities": conn.execute(sa.select(sa.func.count()).select_from(t.entities)).scalar(),
            "judgements": sorted(tuple(r) for r in judgements),
            "actors": set(conn.execute(sa.select(t.canonical.c.name_id, t.canonical.c.actor_id)).all()),
        }
    engine.dispose()
    return found


def another_store(store_url: str, request: pytest.FixtureRequest, name: str) -> str:
    """A second empty store on the same backend as ``store_url``."""
    if store_url.startswith("sqlite"):
        return store_url.replace("store.db", f"{name}.db")
    return request.getfixturevalue("postgres").create_database(f"{name}_{abs(hash(store_url))}")


@pytest.mark.slow
def test_two_writers_at_once_equal_one_after_the_other(store_url: str, request: pytest.FixtureRequest) -> None:
    sequential = another_store(store_url, request, "sequential")
    writers(sequential, (0, 150))
    writers(sequential, (100, 250))
    expected = contents(sequential)
    assert len(expected["documents"]) == 250  # type: ignore[arg-type]
    runs = 5 if store_url.startswith("postgresql") else 2  # the race the issue found was PostgreSQL's
    for run in range(runs):
        url = store_url if run == 0 else another_store(store_url, request, f"run{run}")
        # 0..150 and 100..250 at once: documents 100..149 are written by both
        summaries = writers(url, (0, 150), (100, 250))
        assert sum(s["stored"] for s in summaries) == 250, summaries
        assert sum(s["duplicates"] for s in summaries) == 50, summaries
        assert contents(url) == expected, f"run {run}"


def corpus(folder: Path, numbers: range) -> Path:
    """Short invented articles; article ``i`` is the same file in whichever folder it is written."""
    folder.mkdir()
    for i in numbers:
        group = f"{WORDS[i % 8]} {KINDS[i % 4]}"
        text = (
            f"Clashes near Valdris (report {i})\n\n"
            f"Fighters of the {group} attacked positions near Valdris on day {i}, said Ilse Marrow, "
            f"a researcher. The {group} denied that it works with the {WORDS[(i + 3) % 8]} Movement.\n"
        )
        (folder / f"article-{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def ingest(url: str, *folders: Path) -> list[subprocess.Popen[str]]:
    command = [sys.executable, "-c", "from claimgraph.cli import main; main()", "ingest", "--json", "--db", url]
    return [
        subprocess.Popen([*command, str(f)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in folders
    ]


def summaries(procs: list[subprocess.Popen[str]]) -> list[dict[str, int]]:
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=900)
        assert proc.returncode == 0, stderr
        out.append(json.loads(stdout))
    return out


@pytest.mark.slow
@pytest.mark.postgres
def test_two_ingest_commands_at_once_equal_one_after_the_other(tmp_path: Path, postgres) -> None:  # type: ignore[no-untyped-def]
    # six of each command's ten documents are the other's too: both write them, and their names, at once
    first, second = corpus(tmp_path / "a", range(0, 10)), corpus(tmp_path / "b", range(4, 14))
    sequential = postgres.create_database("cli_sequential")
    summaries(ingest(sequential, first))
    summaries(ingest(sequential, second))
    expected = contents(sequential)
    # Three runs of two commands (five before, with four shared documents), each process paying a model load
    # (~10 s CPU): the PostgreSQL race itself is hunted five times by the writers test above, through the same
    # write path without the model.
    for run in range(3):
        url = postgres.create_database(f"cli_run{run}")
        done = summaries(ingest(url, first, second))
        assert sum(s["stored"] for s in done) == 14 and sum(s["duplicates"] for s in done) == 6, done
        assert contents(url) == expected, f"run {run}"
