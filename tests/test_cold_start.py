"""A read command starts without the heavy libraries: they are imported only where they are used.

``claimgraph show`` once took 1.3 s, 1.2 of it importing the near-duplicate
library; ``bench/cold_start.py`` measures the start, this checks the cause
cannot come back: a fresh interpreter runs ``show`` on a real store and
lists what it imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from records import falcons_world, store_all

HEAVY = (
    *("spacy", "thinc", "datasketch", "scipy", "numpy", "networkx", "sklearn", "alembic", "trafilatura", "stix2"),
    "pydantic",  # what typer 0.29 imports to coerce each parameter (pyproject.toml pins typer below it)
    "rapidfuzz",  # fuzzy matching: only for a name not known exactly, and for the matcher
    "followthemoney",  # the FollowTheMoney export's model
)
# Modules of libraries the read path needs, that it must not load: another dialect, and the matcher
# (a read asks only the matcher's version).
HEAVY_MODULES = ("sqlalchemy.dialects.postgresql", "claimgraph.resolve.match", "claimgraph.resolve.store")
PROBE = """
import json, sys
from claimgraph.cli import main
sys.argv = ["claimgraph", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _imported(*args: str) -> set[str]:
    run = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120)
    return set(json.loads(run.stderr.strip().splitlines()[-1]))


def test_show_claims_and_doc_import_no_heavy_library(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'f.db'}"
    store_all(url, falcons_world())[0].dispose()
    for command in (["show", "Ridge Falcons"], ["claims"], ["stats"], ["errors", "--warnings"], ["--version"]):
        loaded = _imported(*command, "--db", url) if command != ["--version"] else _imported(*command)
        heavy = {m.split(".")[0] for m in loaded} & set(HEAVY) | loaded & set(HEAVY_MODULES)
        assert not heavy, (command, sorted(heavy))


def test_an_export_imports_only_what_its_own_format_needs(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'f.db'}"
    store_all(url, falcons_world())[0].dispose()
    for fmt in ("jsonl", "csv", "stix", "plover"):
        loaded = _imported("export", "--format", fmt, "--db", url)
        heavy = {m.split(".")[0] for m in loaded} & set(HEAVY)
        assert not heavy, (fmt, sorted(heavy))
    assert "networkx" in {m.split(".")[0] for m in _imported("export", "--format", "graphml", "--db", url)}
