"""Issue 16, rows 3, 4, 5, 11, 14 and 16: hostile inputs become documents or error records, never a crash."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from claimgraph.ingest import read_paths
from claimgraph.load import IngestSummary, write_results
from claimgraph.model import Document, Extraction, ExtractionError
from claimgraph.store import open_store
from claimgraph.store.read import failures

ARTICLE = "The Amber Lantern Front said on Tuesday that its fighters had left the hills near Valdris."


def read(*paths: Path) -> list[Document | ExtractionError]:
    return list(read_paths(list(paths)))


def store(url: str, results: list[Document | ExtractionError]) -> IngestSummary:
    summary = IngestSummary()
    items = [r if isinstance(r, ExtractionError) else Extraction(document=r) for r in results]
    write_results(open_store(url), items, "test", summary)
    return summary


def test_nul_characters_are_removed_with_a_warning_and_the_document_is_stored(tmp_path: Path, store_url: str) -> None:
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"text": ARTICLE.replace("Front", "Fr\u0000ont"), "title": "T\u0000"}) + "\n"
    )
    (tmp_path / "b.txt").write_bytes(
        (ARTICLE + "\n\n").encode() * 200 + b"Late in the file\x00 a NUL.\n"
    )  # past the sniffer's window
    results = read(tmp_path)
    assert [type(r) for r in results] == [Document, Document]
    assert all("\x00" not in (r.text + (r.title or "")) for r in results if isinstance(r, Document))
    warnings = [r.warnings for r in results if isinstance(r, Document)]
    messages = [tuple(w.message for w in said) for said in warnings]
    assert messages == [("2 NUL character(s) removed",), ("1 control character(s) removed",)]
    assert store(store_url, results).stored == 2


def test_a_nul_in_a_failure_message_is_stored_escaped(store_url: str) -> None:
    failure = ExtractionError("bad.warc/bad-1", None, "unreadable", "corrupt WARC record: b'\x00\x00junk'")
    assert store(store_url, [failure]).failed == 1
    with open_store(store_url).connect() as conn:
        assert [f.message for f in failures(conn)] == ["corrupt WARC record: b'\\x00\\x00junk'"]


def test_deep_json_nesting_is_an_error_record_and_the_rest_is_read(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "a.json").write_text(json.dumps({"text": ARTICLE}))
    (tmp_path / "b.json").write_text(deep)
    good = json.dumps({"text": ARTICLE + " Again."})
    (tmp_path / "c.jsonl").write_text(f"{good}\n{deep}\n{json.dumps({'text': ARTICLE + ' Once more.'})}\n")
    results = read(tmp_path)
    assert [type(r).__name__ for r in results] == [
        "Document",
        "ExtractionError",
        "Document",
        "ExtractionError",
        "Document",
    ]
    assert all("nested too deeply" in r.message for r in results if isinstance(r, ExtractionError))


def test_a_file_name_that_is_not_utf8_is_read_under_an_escaped_name(tmp_path: Path, store_url: str) -> None:
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    with open(os.path.join(folder, b"r\xe9sum\xe9-\xff.txt"), "wb") as fh:
        fh.write(ARTICLE.encode())
    results = read(Path(os.fsdecode(folder)))
    assert len(results) == 1 and isinstance(results[0], Document)
    path = results[0].source_path
    assert path.endswith("r\\xe9sum\\xe9-\\xff.txt") and path.encode("utf-8")
    json.dumps(path, ensure_ascii=False).encode("utf-8")
    assert store(store_url, results).stored == 1


def test_plain_text_named_warc_is_an_error_record(tmp_path: Path) -> None:
    (tmp_path / "notes.warc").write_text("WARC/1.0 is not what this file holds\nonly notes\n")
    (tmp_path / "requests.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
    results = read(tmp_path)
    assert len(results) == 2 and all(isinstance(r, ExtractionError) for r in results)


def test_a_warc_bomb_is_too_large_without_being_inflated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMGRAPH_MAX_BYTES", str(1024 * 1024))
    body = b"<html><body><p>" + b"a" * (64 * 1024 * 1024) + b"</p></body></html>"  # 64 MiB, 64 KiB compressed
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.test/\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    (tmp_path / "bomb.warc.gz").write_bytes(gzip.compress(head.encode() + http + b"\r\n\r\n"))
    results = read(tmp_path / "bomb.warc.gz")
    assert [(type(r).__name__, getattr(r, "code", None)) for r in results] == [("ExtractionError", "too_large")]


def test_an_unreadable_folder_is_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a" / "locked").mkdir(parents=True)
    (tmp_path / "a" / "locked" / "x.txt").write_text(ARTICLE)
    (tmp_path / "a" / "open.txt").write_text(ARTICLE)
    scandir, listdir = os.scandir, os.listdir

    def refuse(real):  # type: ignore[no-untyped-def]
        def call(path="."):  # type: ignore[no-untyped-def]
            if os.fspath(path).endswith("locked"):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path)

        return call

    # root reads any folder whatever its mode, so the refusal is what a locked folder gives a normal user
    monkeypatch.setattr(os, "scandir", refuse(scandir))
    monkeypatch.setattr(os, "listdir", refuse(listdir))
    results = read(tmp_path)
    assert [type(r).__name__ for r in results] == ["Document", "ExtractionError"]  # a folder's files, then its folders
    assert results[1].source_path.endswith("locked") and "Permission denied" in results[1].message  # type: ignore[union-attr]


def test_one_bad_file_typed_three_ways_is_one_failure(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01binary" * 20)
    monkeypatch.chdir(tmp_path)
    for spelling in ("in/bad.txt", "./in/../in/bad.txt", str(tmp_path / "in" / "bad.txt")):
        store(store_url, read(Path(spelling)))
    with open_store(store_url).connect() as conn:
        assert [f.source_path for f in failures(conn)] == [str((tmp_path / "in" / "bad.txt").resolve())]
