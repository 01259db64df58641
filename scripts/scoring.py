"""What the training scripts share: the scorer in ../shared/tools and the gold's way of folding names.

A training script runs from scripts/ (``python scripts/train_….py``), which
puts this folder on ``sys.path``; a test that loads a script by its file
path puts it there first.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def fold(name: str | None) -> str:
    """GOLD.md's folding: NFKC, case, quotes, hyphens and apostrophes removed, a leading 'the' dropped."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    text = re.sub(r"[\"'‘’“”`´\-‐‑–—]", "", text)
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def score(command: str, gold: Path, objs: list[dict[str, Any]]) -> dict[str, Any]:
    """``score.py COMMAND GOLD --json`` over ``objs`` (extraction JSON objects): its report."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for obj in objs:
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    try:
        report = subprocess.run(
            [sys.executable, str(SHARED / "tools" / "score.py"), command, str(gold), out.name, "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        Path(out.name).unlink()
    result: dict[str, Any] = json.loads(report.stdout)
    return result
