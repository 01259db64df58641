"""The reader on the shared corpus: the seed scrape field by field, and the dev JSON records.

The articles belong to their publishers, so they are read from ../shared
beside the repository and never copied here; without it these tests skip.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from claimgraph.ingest import read_paths
from claimgraph.model import Document

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "corpus" / "seed"
DEV = SHARED / "corpus" / "dev"


def _needs(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the shared corpus is not beside the repository")


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = text.casefold().split()
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def _f1(gold: str, pred: str) -> float:
    g, p = _shingles(gold), _shingles(pred)
    tp = sum((g & p).values())
    return 2 * tp / (sum(g.values()) + sum(p.values())) if tp else 0.0


def _pairs(folder: Path) -> list[tuple[Document, dict[str, object]]]:
    out = []
    for result in read_paths([folder / "articles"]):
        assert isinstance(result, Document), result
        name = Path(result.source_path).stem
        gold = json.loads((folder / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))
        out.append((result, gold.get("document", {})))
    return out


def test_seed_document_fields() -> None:
    _needs(SEED)
    pairs = _pairs(SEED)
    assert pairs
    for doc, gold in pairs:
        for key in ("title", "section", "summary", "published", "authors", "publisher", "language"):
            assert getattr(doc, key) == gold[key], key
        dateline = gold["dateline"]
        assert isinstance(dateline, dict)
        assert doc.dateline is not None
        assert (doc.dateline.place, doc.dateline.date) == (dateline["place"], dateline["date"])
        assert _f1(str(gold["text"]), doc.text) >= 0.99


def test_dev_records_keep_their_metadata() -> None:
    _needs(DEV)
    for doc, _ in _pairs(DEV):
        record = json.loads(Path(doc.source_path).read_text(encoding="utf-8"))
        assert doc.publisher == record["publisher"]
        assert doc.published == record["published"]
        assert doc.title == (record["title"] or None)
        assert _f1(record["text"], doc.text) >= 0.99
