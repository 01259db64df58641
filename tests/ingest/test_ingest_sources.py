"""Reading paths: walking order, every input form, and per-document failures that let the batch go on."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.ingest import read_paths
from claimgraph.model import Document, ExtractionError

STORY = (
    "Al-Shabaab fighters attacked an army base in southern Somalia on Monday, officials said. "
    "The group, which is linked to al-Qaeda, claimed the attack on its radio station. "
    "The army said the attackers were repelled after a long battle near the river."
)


def page(title: str, body: str = STORY, extra: str = "") -> str:
    return (
        f"<html><head><title>{title}</title>{extra}</head><body>"
        f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1><p>{body}</p><p>{body}</p></article>"
        f"<footer>© 2024 Example Outlet. All rights reserved.</footer></body></html>"
    )


def read(*paths: Path) -> list[Document | ExtractionError]:
    return list(read_paths(list(paths)))


def errors(results: list[Document | ExtractionError]) -> dict[str, str]:
    return {Path(r.source_path).name: r.code for r in results if isinstance(r, ExtractionError)}


def test_walk_is_sorted_recursive_and_skips_unknown_and_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second story\n\nThe second story is here.")
    (tmp_path / "a.txt").write_text("First story\n\nThe first story is here.")
    (tmp_path / "c.txt").write_text("Third story\n\nThe third story is here.")
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNot read.")
    results = read(tmp_path)
    assert [Path(r.source_path).name for r in results] == ["a.txt", "c.txt", "z.txt"]
    assert [r.title for r in results if isinstance(r, Document)] == ["First story", "Third story", "Second story"]


def test_explicit_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("Headline here\n\nThe body of the story.")
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.text == "The body of the story."


def test_document_id_is_sha256_of_raw_bytes(tmp_path: Path) -> None:
    raw = b"Headline here\n\nThe body of the story."
    (tmp_path / "s.txt").write_bytes(raw)
    [doc] = read(tmp_path / "s.txt")
    assert doc.id == "sha256:" + hashlib.sha256(raw).hexdigest()


def test_bad_files_become_error_records_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMGRAPH_MAX_BYTES", "5000")
    (tmp_path / "a_good.txt").write_text("Good one\n\nThis story reads fine.")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "d_paper.html").write_bytes(b"%PDF-1.4\n1 0 obj")
    (tmp_path / "e_big.txt").write_text("word " * 2000)
    (tmp_path / "f_garbage.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)
    (tmp_path / "g_nothing.html").write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    (tmp_path / "h_utf16.txt").write_bytes("Headline in UTF-16\n\nThe body survives the BOM.".encode("utf-16"))
    (tmp_path / "i_good.txt").write_text("Good two\n\nThis story reads fine too.")
    results = read(tmp_path)
    assert errors(results) == {
        "b_empty.txt": "empty",
        "c_image.txt": "binary",
        "d_paper.html": "binary",
        "e_big.txt": "too_large",
        "f_garbage.txt": "undecodable",
        "g_nothing.html": "no_text",
    }
    good = [r for r in results if isinstance(r, Document)]
    assert [d.title for d in good] == ["Good one", "Headline in UTF-16", "Good two"]
    assert all(e.message for e in results if isinstance(e, ExtractionError))


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    [error] = read(tmp_path / "gone.txt")
    assert isinstance(error, ExtractionError) and error.code == "unreadable"


def test_russian_pages_in_legacy_encodings(tmp_path: Path) -> None:
    body = "Группировка заявила, что не связана с другими группами в Сирии. " * 5
    for name, encoding in (("cp1251.txt", "cp1251"), ("koi8.txt", "koi8_r")):
        (tmp_path / name).write_bytes(f"Новости Кавказа\n\n{body}".encode(encoding))
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>'
    html += f"<body><article><h1>Новости</h1><p>{body}</p></article></body></html>"
    (tmp_path / "page.html").write_bytes(html.encode("cp1251"))
    results = read(tmp_path)
    assert all(isinstance(r, Document) for r in results), results
    assert all("Группировка заявила" in r.text for r in results if isinstance(r, Document))


def test_latin1_text(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_bytes(
        "Attaque au Sahel\n\nLe groupe a revendiqué l'attaque, selon l'armée.".encode("latin_1")
    )
    [doc] = read(tmp_path)
    assert isinstance(doc, Document) and doc.text == "Le groupe a revendiqué l'attaque, selon l'armée."


def test_html_page_metadata_and_body(tmp_path: Path) -> None:
    meta = (
        '<meta property="article:published_time" content="2024-05-07T14:10:00+03:00">'
        '<meta property="og:site_name" content="Example Outlet"><meta name="author" content="Jane Doe">'
    )
    (tmp_path / "p.html").write_text(page("Attack on army base", extra=meta))
    [doc] = read(tmp_path)
    assert isinstance(doc, Document)
    assert doc.title == "Attack on army base"
    assert doc.published == "2024-05-07T14:10:00+03:00"
    assert doc.authors == ["Jane Doe"] and doc.publisher == "Example Outlet"
    assert "Al-Shabaab fighters attacked" in doc.text
    assert "Home" not in doc.text and "All rights reserved" not in doc.text


def test_hostile_and_truncated_html_never_crash(tmp_path: Path) -> None:
    hostile = page("Scripts everywhere", body=STORY + "<script>document.write('<p>injected text</p>')</script>")
    hostile = hostile.replace("<head>", "<head><script>while(true){}</script><style>p{display:none}</style>")
    (tmp_path / "hostile.html").write_text(hostile + "<iframe src='x'><object data='y'>")
    (tmp_path / "truncated.html").write_text(page("Cut short")[:400])
    (tmp_path / "junk.html").write_text("<<<>>><div<p></x></y><!-- unclosed comment")
    results = {Path(r.source_path).name: r for r in read(tmp_path)}
    hostile_doc = results["hostile.html"]
    assert (
        isinstance(hostile_doc, Document)
        and "injected" not in hostile_doc.text
        and "while(true)" not in hostile_doc.text
    )
    truncated = results["truncated.html"]
    assert isinstance(truncated, Document) and truncated.text.startswith("Al-Shabaab fighters attacked")
    junk = results["junk.html"]
    assert isinstance(junk, ExtractionError) and junk.code == "no_text"


def test_single_record_json_is_the_file(tmp_path: Path) -> None:
    record = {"title": "", "published": "2017-08-20", "publisher": "The Outlet", "text": STORY}
    raw = json.dumps(record).encode()
    (tmp_path / "article_7.json").write_bytes(raw)
    [doc] = read(tmp_path)
    assert isinstance(doc, Document)
    assert doc.source_path == str(tmp_path / "article_7.json")
    assert doc.id == "sha256:" + hashlib.sha256(raw).hexdigest()
    assert (doc.title, doc.published, doc.publisher, doc.text) == (None, "2017-08-20", "The Outlet", STORY)


def test_json_list_and_jsonl_records(tmp_path: Path) -> None:
    records = [
        {"id": "first", "title": "One", "text": STORY, "published": "Tue, 14 Jan 2025 08:00:00 +0000"},
        {"title": "Two", "html": page("Two"), "url": "https://example.org/two"},
        {"title": "Three"},
    ]
    (tmp_path / "list.json").write_text(json.dumps(records))
    lines = [json.dumps(r) for r in records] + ["{not json"]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines) + "\n\n")
    results = read(tmp_path)
    paths = [r.source_path for r in results]
    assert paths == [
        f"{tmp_path}/list.json/first",
        f"{tmp_path}/list.json/list-2",
        f"{tmp_path}/list.json/list-3",
        f"{tmp_path}/wire.jsonl/first",
        f"{tmp_path}/wire.jsonl/wire-2",
        f"{tmp_path}/wire.jsonl/wire-3",
        f"{tmp_path}/wire.jsonl/wire-4",
    ]
    assert [getattr(r, "code", None) for r in results] == [None, None, "no_text", None, None, "no_text", "unreadable"]
    first, second = results[3], results[4]
    assert isinstance(first, Document) and first.published == "2025-01-14T08:00:00+00:00"
    assert first.id == "sha256:" + hashlib.sha256(lines[0].encode()).hexdigest()
    assert isinstance(second, Document) and second.url == "https://example.org/two" and second.title == "Two"


def _warc(gz: bool) -> tuple[bytes, list[int]]:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    offsets = []
    for n in range(3):
        offsets.append(buffer.tell())
        body = page(f"Archived story {n}").encode()
        headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            f"https://example.org/{n}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue(), offsets


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_with_a_corrupt_record(tmp_path: Path, gz: bool) -> None:
    data, offsets = _warc(gz)
    damaged = bytearray(data)
    cut = offsets[1] + 4  # inside the version line (plain) or the gzip header
    damaged[cut : cut + 40] = b"\x00garbage" * 5
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(bytes(damaged))
    results = read(tmp_path)
    kinds = [r.title if isinstance(r, Document) else r.code for r in results]
    assert kinds == ["Archived story 0", "unreadable", "Archived story 2"]
    assert all(r.source_path.startswith(str(path) + "/crawl-") for r in results)


def test_intact_warc_gz(tmp_path: Path) -> None:
    data, _ = _warc(True)
    (tmp_path / "ok.warc.gz").write_bytes(data)
    assert [getattr(r, "title", None) for r in read(tmp_path)] == [f"Archived story {n}" for n in range(3)]
    assert gzip.decompress(data).startswith(b"WARC/1")


def test_rss_feed_entries(tmp_path: Path) -> None:
    feed = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Convoy ambushed</title><link>https://example.org/1</link>
<pubDate>Mon, 16 Jun 2025 07:05:00 +0300</pubDate>
<description><![CDATA[<p>HOMS, June 15 (Example Wire) - Gunmen ambushed a convoy, officials said.</p><p>No group claimed it.</p>]]></description>
</item>
<item><title>Empty entry</title><link>https://example.org/2</link></item>
</channel></rss>"""
    (tmp_path / "feed.xml").write_text(feed)
    first, second = read(tmp_path)
    assert isinstance(first, Document)
    assert first.published == "2025-06-16T07:05:00+03:00"
    assert first.dateline is not None and first.dateline.date == "2025-06-15"
    assert first.publisher == "Example Wire" and first.url == "https://example.org/1"
    assert first.text.split("\n\n") == [
        "HOMS, June 15 (Example Wire) - Gunmen ambushed a convoy, officials said.",
        "No group claimed it.",
    ]
    assert isinstance(second, ExtractionError) and second.code == "no_text"


_TAGS = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<!--", "-->", "<html>", "<body>", "<"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_TAGS, st.text(max_size=60)), max_size=40))
def test_any_markup_gives_a_document_or_an_error(tmp_path_factory: pytest.TempPathFactory, parts: list[str]) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "page.html"
    path.write_bytes("".join(parts).encode("utf-8", "surrogatepass"))
    [result] = read(path)
    assert isinstance(result, Document) or result.code in {"empty", "binary", "undecodable", "no_text", "unreadable"}


def test_text_without_spaces_is_still_text(tmp_path: Path) -> None:
    sentence = "武装勢力は声明で攻撃への関与を否定したが、政府は同勢力の犯行だと主張している。"
    (tmp_path / "ja.html").write_text(page("声明", body=sentence * 3))
    [doc] = read(tmp_path)
    assert isinstance(doc, Document) and sentence in doc.text


def test_page_timestamp_keeps_time_and_offset(tmp_path: Path) -> None:
    stamp = "<div class='meta'><a href='/region'>Region News</a> 5 May 2020 09:15 (UTC +03:00)</div>"
    (tmp_path / "stamp.html").write_text(
        page("Clashes in the north", extra="").replace("<article>", stamp + "<article>")
    )
    other_day = "<div class='meta'>Region News 6 May 2020 10:00 (UTC +03:00)</div>"
    meta = '<meta property="article:published_time" content="2020-05-05">'
    (tmp_path / "wrong_day.html").write_text(
        page("Clashes again", extra=meta).replace("<article>", other_day + "<article>")
    )
    stamped, wrong_day = read(tmp_path)
    assert isinstance(stamped, Document)
    assert (stamped.section, stamped.published) == ("Region News", "2020-05-05T09:15:00+03:00")
    assert isinstance(wrong_day, Document) and wrong_day.published == "2020-05-05"


def test_a_one_line_jsonl_text_ending_in_a_counter_is_a_document(tmp_path: Path) -> None:
    text = "Militia fighters burned two fuel trucks outside Varnok overnight. (0)"
    (tmp_path / "wire.jsonl").write_text(json.dumps({"id": "w1", "title": "Trucks burned", "text": text}) + "\n")
    (tmp_path / "bare.jsonl").write_text(json.dumps({"id": "b1", "text": text}) + "\n")
    for result in read(tmp_path):
        assert isinstance(result, Document), result
        assert result.text == text
