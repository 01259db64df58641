"""The eval gate's fixtures: one real extraction per corpus, scored by ../shared/tools/score.py.

The extractor runs once per test run, whichever pytest-xdist worker asks first (the same Python API ``claimgraph
extract`` uses, so the model loads once for both corpora), its JSON Lines go
to a session temporary directory, and score.py's ``--json`` report is parsed.
Gates for any stage (entities here, claims elsewhere) read the same fixtures:

* ``predictions`` — ``{"seed": Path, "dev": Path, "check": Path}`` of the JSON Lines written;
* ``extractions`` — ``{"seed": [obj, ...], "dev": [...], "check": [...]}`` parsed back;
* ``corpus_scores`` — ``{corpus: report}``, score.py's ``articles --json`` report per corpus;
* ``scorer`` — any score.py command's ``--json`` report, for gates with their own predictions;
* ``extract_to`` — ``write_extraction``, for gates that extract with their own analyzer or inputs.

``check`` is scored only: its articles and gold are never read to tune
anything (it measures how the rules and models generalize), so its floors
are the one figure here nobody fitted to.

Everything skips with its reason when ../shared (the corpora and the
scorer, which belong to their publishers and are not shipped) is absent.
"""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from claimgraph.extraction import extract_paths, to_json
from claimgraph.nlp.components.pipeline import Analyzer

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPORA = ("seed", "dev", "check")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared next to the checkout, or a skip saying it is missing."""
    if not (SHARED / "tools" / "score.py").is_file():
        pytest.skip(f"{SHARED} with tools/score.py is absent: the eval corpora are not shipped with the project")
    return SHARED


def write_extraction(inputs: list[Path], analyzer: Analyzer, path: Path, *, stances: bool = False) -> Path:
    """Extract ``inputs`` into the JSON Lines file ``path`` as ``claimgraph extract`` writes it
    (with ``stances`` as ``extract --attributions all`` does: PolNeAR counts stances and intentions)."""
    with path.open("w", encoding="utf-8") as out:
        for result in extract_paths(inputs, analyzer):
            out.write(json.dumps(to_json(result, stances=stances), ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="session")
def extract_to() -> Callable[..., Path]:
    """``write_extraction``, for gates whose analyzer or inputs differ from ``predictions``'."""
    return write_extraction


def run_directory(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A directory every process of this pytest run shares: under pytest-xdist each worker has a
    base temporary directory of its own inside one the run's workers share; alone, its own."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


@pytest.fixture(scope="session")
def predictions(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> dict[str, Path]:
    """One extraction per corpus, written as ``claimgraph extract`` writes it.

    Made once per test run, not once per process: the entity and the claim gates are different
    files, so ``--dist loadfile`` runs them on different workers, and each extracting the 43
    articles itself cost the run a core for minutes. The first worker to take the lock extracts;
    the others wait and read its files, which the ``done`` marker says are complete."""
    articles = {corpus: shared_dir / "corpus" / corpus / "articles" for corpus in CORPORA}
    for directory in articles.values():
        if not directory.is_dir():
            pytest.skip(f"{directory} is absent")
    out_dir = run_directory(tmp_path_factory, worker_id) / "eval-predictions"
    out_dir.mkdir(exist_ok=True)
    paths = {corpus: out_dir / f"{corpus}.jsonl" for corpus in CORPORA}
    done = out_dir / "done"
    with (out_dir / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            analyzer = Analyzer.load()
            for corpus in CORPORA:
                write_extraction([articles[corpus]], analyzer, paths[corpus])
            done.touch()
    return paths


@pytest.fixture(scope="session")
def extractions(predictions: dict[str, Path]) -> dict[str, list[dict[str, Any]]]:
    """The extraction objects per corpus, parsed back from the JSON Lines."""
    return {
        c: [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()] for c, p in predictions.items()
    }


def run_scorer(shared_dir: Path, command: str, gold: Path, prediction: Path) -> dict[str, Any]:
    """score.py's ``--json`` report for one of its commands (``articles``, ``polnear`` …)."""
    scorer = shared_dir / "tools" / "score.py"
    done = subprocess.run(
        [sys.executable, str(scorer), command, str(gold), str(prediction), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    report: dict[str, Any] = json.loads(done.stdout)
    return report


@pytest.fixture(scope="session")
def scorer(shared_dir: Path) -> Callable[[str, Path, Path], dict[str, Any]]:
    """``run_scorer`` bound to ../shared: ``scorer("polnear", gold_dir, prediction)``."""
    return partial(run_scorer, shared_dir)


def score_articles(shared_dir: Path, corpus: str, prediction: Path) -> dict[str, Any]:
    """score.py's ``articles --json`` report for one corpus."""
    return run_scorer(shared_dir, "articles", shared_dir / "corpus" / corpus, prediction)


@pytest.fixture(scope="session")
def corpus_scores(shared_dir: Path, predictions: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """score.py's ``articles --json`` report for every corpus, keyed by corpus name."""
    return {corpus: score_articles(shared_dir, corpus, path) for corpus, path in predictions.items()}
