"""``claimgraph extract`` end to end on a mixed folder: the contract's records, streams and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLAIMGRAPH = Path(sys.executable).with_name("claimgraph")


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    if not CLAIMGRAPH.exists():
        pytest.skip(f"{CLAIMGRAPH} is not installed (run `make install`)")
    return subprocess.run(
        [str(CLAIMGRAPH), "extract", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "a.txt").write_text("Ceasefire holds\n\nThe ceasefire held for a third day, residents said.")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    (folder / "d.jsonl").write_text(
        json.dumps({"title": "Talks resume", "text": "Negotiators met again on Tuesday in Doha."}) + "\n{broken\n"
    )
    (folder / "e.txt").write_text("Army advances\n\nThe army said it had taken two villages.")
    (folder / "README.md").write_text("skipped in a walk")
    return folder


def test_mixed_folder(mixed: Path) -> None:
    result = run(mixed)
    assert result.returncode == 1, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    names = [Path(o["document"]["source_path"]).name for o in objects]
    assert names == ["a.txt", "b.txt", "c.html", "d-1", "d-2", "e.txt"]
    errors = {Path(o["document"]["source_path"]).name: o["error"]["code"] for o in objects if "error" in o}
    assert errors == {"b.txt": "empty", "c.html": "binary", "d-2": "unreadable"}
    for o in objects:
        if "error" in o:
            assert set(o) == {"document", "error"} and set(o["document"]) == {"source_path", "id"}
            assert o["error"]["message"]
            assert f"{o['document']['source_path']}: {o['error']['code']}" in result.stderr
        else:
            assert o["document"]["id"].startswith("sha256:") and o["document"]["text"]
            assert set(o) >= {"entities", "attributions", "claims", "conflicts"}
    assert objects[0]["document"]["title"] == "Ceasefire holds"


def test_all_good_exits_zero(mixed: Path) -> None:
    result = run(mixed / "a.txt", mixed / "e.txt")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["document"]["title"] for line in result.stdout.splitlines()] == [
        "Ceasefire holds",
        "Army advances",
    ]


def test_usage_errors_exit_two(mixed: Path) -> None:
    missing = run(mixed / "no-such-file.txt")
    assert missing.returncode == 2 and missing.stdout == ""
    flag = run(mixed, "--no-such-flag")
    assert flag.returncode == 2 and flag.stdout == ""
