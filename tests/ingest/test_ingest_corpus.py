"""The reader on the shared corpus: the seed scrape field by field, and the dev JSON records.

The articles belong to their publishers, so they are read from ../shared
beside the repository and never copied here; without it these tests skip.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path

import pytest

from claimgraph.ingest import read_paths
from claimgraph.ingest.boilerplate import is_junk
from claimgraph.ingest.dates import parse_timestamp
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


def test_seed_as_a_web_page_reads_the_same(tmp_path: Path) -> None:
    """The scrape's lines as an HTML page (first line the <h1>): the HTML path must find the same fields."""
    _needs(SEED)
    for doc, gold in _pairs(SEED):
        source = Path(doc.source_path).read_text(encoding="utf-8")
        lines = [html.escape(line) for line in source.splitlines() if line.strip() and not is_junk(line)]
        paragraphs = "".join(f"<p>{line}</p>" for line in lines[1:])
        page = f"<html><head><title>{lines[0]}</title></head><body><nav><a href='/'>Home</a></nav>"
        page += f"<article><h1>{lines[0]}</h1>{paragraphs}</article></body></html>"
        (tmp_path / "page.html").write_text(page, encoding="utf-8")
        [as_page] = read_paths([tmp_path / "page.html"])
        assert isinstance(as_page, Document)
        for key in ("title", "section", "summary", "published", "dateline", "authors", "publisher"):
            assert getattr(as_page, key) == getattr(doc, key), key
        assert _f1(str(gold["text"]), as_page.text) >= 0.99


def test_dev_records_keep_their_metadata() -> None:
    _needs(DEV)
    for doc, _ in _pairs(DEV):
        record = json.loads(Path(doc.source_path).read_text(encoding="utf-8"))
        assert doc.publisher == record["publisher"]
        assert doc.published == parse_timestamp(record["published"])
        assert (doc.published is None) == (not record["published"]), "a record's date was dropped"
        assert doc.title == (record["title"] or None)
        assert _f1(record["text"], doc.text) >= 0.99
