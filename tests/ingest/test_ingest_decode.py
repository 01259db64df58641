"""Bytes → text, or the contract's error code; never silent mojibake."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.errors import InputError
from claimgraph.ingest.decode import decode

RUSSIAN = "Группировка заявила, что не связана с другими исламистскими группами в Сирии и регионе."
FRENCH = "Le groupe a déclaré qu'il n'était pas affilié à l'État islamique, selon l'agence."


def code_of(raw: bytes) -> str:
    with pytest.raises(InputError) as info:
        decode(raw)
    return info.value.code


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    return buffer.getvalue()


def test_empty_and_blank() -> None:
    assert code_of(b"") == "empty"
    assert code_of(b"  \n\t\n") == "empty"


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(100),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"GIF89a\x01\x00\x01\x00",
        gzip.compress(b"some text"),
        b"text with a NUL \x00 inside",
    ],
    ids=["png", "pdf", "jpeg", "gif", "gzip", "nul"],
)
def test_binary(raw: bytes) -> None:
    assert code_of(raw) == "binary"


def test_zip_is_binary() -> None:
    assert code_of(_zip()) == "binary"


def test_size_limit_from_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMGRAPH_MAX_BYTES", "10")
    assert code_of(b"more than ten bytes of text") == "too_large"
    assert decode(b"short") == "short"


def test_undecodable() -> None:
    assert code_of(bytes(range(0x80, 0x100)) * 4) == "undecodable"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_byte_order_marks(encoding: str) -> None:
    assert decode(RUSSIAN.encode(encoding)) == RUSSIAN


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_russian_legacy_encodings(encoding: str) -> None:
    assert decode(RUSSIAN.encode(encoding)) == RUSSIAN


@pytest.mark.parametrize("encoding", ["latin_1", "cp1252"])
def test_western_legacy_encodings(encoding: str) -> None:
    assert decode(FRENCH.encode(encoding)) == FRENCH


def test_cp1252_punctuation() -> None:
    text = "The group’s “media representative” — unnamed — spoke."
    assert decode(text.encode("cp1252")) == text


def test_html_meta_charset_is_respected() -> None:
    page = f'<html><head><meta charset="koi8-r"><title>Новости</title></head><body><p>{RUSSIAN}</p></body></html>'
    assert RUSSIAN in decode(page.encode("koi8_r"))


def test_declared_charset_is_respected() -> None:
    assert decode(RUSSIAN.encode("cp1251"), declared="windows-1251") == RUSSIAN


def test_utf8_with_a_stray_byte_is_not_read_as_cyrillic() -> None:
    raw = ("Größere Anschläge wurden ausgeschlossen. " * 5).encode() + b"\xe4 " + "Schön.".encode()
    text = decode(raw)
    assert "Größere Anschläge" in text and "\ufffd" in text


def test_line_endings_become_newlines() -> None:
    assert decode(b"a\r\nb\rc") == "a\nb\nc"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_never_raises_anything_else(raw: bytes) -> None:
    try:
        text = decode(raw)
    except InputError as exc:
        assert exc.code in {"empty", "binary", "too_large", "undecodable"}
    else:
        assert isinstance(text, str) and text.strip()
