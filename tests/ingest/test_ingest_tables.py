"""CSV and TSV files are read as one record per row, with columns matched by their headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import ConfigError
from claimgraph.ingest import read_paths
from claimgraph.model import Document, ExtractionError

BODY = "KORVANA, March 3 — The Ridge Falcons said on Monday they had left the Dawn Coalition."


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_each_row_is_a_document_with_its_fields(tmp_path: Path) -> None:
    table = _write(
        tmp_path / "articles.csv",
        "Headline,Body,Date,Outlet,Link\n"
        f'Falcons leave coalition,"{BODY}",3/4/19,Harbor Wire,https://example.org/a\n'
        ",,,,\n"
        '"Second, with a comma","Police said two men were held.\nA second paragraph.",2019-03-05,Harbor Wire,\n',
    )
    docs = list(read_paths([table]))
    assert all(isinstance(d, Document) for d in docs) and len(docs) == 2
    first, second = docs
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.title, first.published, first.publisher, first.url) == (
        "Falcons leave coalition",
        "2019-03-04",
        "Harbor Wire",
        "https://example.org/a",
    )
    assert "left the Dawn Coalition" in first.text and second.title == "Second, with a comma"
    assert "A second paragraph." in second.text and first.id != second.id
    assert first.source_path != second.source_path and first.source_path.startswith(str(table))


def test_tsv_and_a_column_named_by_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMGRAPH_CSV_COLUMNS", "text=Story Text, published=when")
    table = _write(tmp_path / "a.tsv", f"when\tstory_text\tnotes\n2020-01-02\t{BODY}\tignored\n")
    [doc] = read_paths([table])
    assert isinstance(doc, Document) and doc.published == "2020-01-02" and "Ridge Falcons" in doc.text


def test_a_table_without_a_text_column_is_one_error_naming_its_headers(tmp_path: Path) -> None:
    table = _write(tmp_path / "a.csv", "name,count\nfalcons,3\n")
    [error] = read_paths([table])
    assert isinstance(error, ExtractionError) and error.code == "no_text"
    assert "name, count" in error.message


def test_a_row_without_text_is_an_error_and_the_others_go_on(tmp_path: Path) -> None:
    table = _write(tmp_path / "a.csv", f'title,text\nempty one,\nfull one,"{BODY}"\n')
    error, doc = read_paths([table])
    assert isinstance(error, ExtractionError) and error.code == "no_text"
    assert isinstance(doc, Document) and doc.title == "full one"


def test_a_malformed_column_setting_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMGRAPH_CSV_COLUMNS", "body")
    table = _write(tmp_path / "a.csv", f'text\n"{BODY}"\n')
    with pytest.raises(ConfigError, match="CLAIMGRAPH_CSV_COLUMNS"):
        list(read_paths([table]))
