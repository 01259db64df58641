"""Raw bytes → text, or a reason (an ``InputError`` with a contract code) why not.

The order of checks is the order of certainty: size and emptiness are
facts; magic numbers and NUL bytes say "binary" before any decoder can
produce garbage from them; a byte-order mark states the encoding; valid
UTF-8 is almost never an accident; a charset the page declares comes next;
only then do we ask charset-normalizer, restricted to the legacy encodings
news pages actually use.  Unrestricted detection reads koi8-r Russian as
Japanese and French latin-1 as Czech, which is the silent mojibake this
module exists to prevent: when no candidate decodes cleanly we say
``undecodable``.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from claimgraph import settings
from claimgraph.errors import InputError
from claimgraph.ingest.notices import warn

# Legacy encodings we accept from detection, most likely first for ties.
LEGACY_ENCODINGS = ("cp1252", "cp1251", "koi8_r", "latin_1")
# Highest charset-normalizer "chaos" (share of implausible character runs) we accept.
MAX_CHAOS = 0.2

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or an office document)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 and C1 control characters other than white space: real text has (almost) none.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:\-]+)""", re.I)


def check_size(size: int) -> None:
    """Refuse documents over the ``max_bytes`` setting (and empty ones) before reading further."""
    limit = settings.get_int("max_bytes")
    if size > limit:
        raise InputError("too_large", f"{size} bytes is over the limit of {limit} (setting CLAIMGRAPH_MAX_BYTES)")
    if size == 0:
        raise InputError("empty", "the file is empty")


def sniff_binary(raw: bytes) -> None:
    """Raise ``binary`` for known binary formats and for NUL bytes in what should be text."""
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise InputError("binary", f"this is {what}, not text")
    if b"\x00" in raw[:8192] and not any(raw.startswith(bom) for bom, _ in _BOMS):
        raise InputError("binary", "NUL bytes: this is binary data, not text")


def decode(raw: bytes, declared: str | None = None) -> str:
    """The text of ``raw``; ``declared`` is a charset stated outside the bytes (an HTTP header).

    Raises ``InputError`` with code ``empty``, ``too_large``, ``binary`` or
    ``undecodable``.  Line endings become ``\\n``.
    """
    check_size(len(raw))
    sniff_binary(raw)
    text = _decode(raw, declared)
    if not text.strip():
        raise InputError("empty", "the file holds only white space")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(raw: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _without_controls(raw[len(bom) :].decode(encoding))
            except UnicodeDecodeError as exc:
                raise InputError("undecodable", f"invalid {encoding} after its byte-order mark: {exc.reason}") from exc
    try:
        return _without_controls(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(raw):
        return _clean(raw.decode("utf-8", errors="replace"), "utf-8")
    for stated in (declared, _meta_charset(raw)):
        found = _try(raw, stated)
        if found is not None:
            return found
    best = from_bytes(raw, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is not None and best.chaos <= MAX_CHAOS:
        found = _try(raw, best.encoding)
        if found is not None:
            return found
    raise InputError("undecodable", "the bytes are not valid UTF-8 and no common encoding reads them cleanly")


def _mostly_utf8(raw: bytes) -> bool:
    """UTF-8 with a few stray bytes (a pasted latin-1 character): any legacy codec would garble the rest.

    Decoding such a page as cp1251 turns every "ä" into "Г¤" — mojibake on
    every line — while UTF-8 with replacement marks only the stray bytes.
    """
    high = len(_HIGH_BYTE.findall(raw))
    valid = sum(len(m) for m in _UTF8_SEQUENCE.findall(raw))
    return valid > 0 and (high - valid) * 20 <= valid


def _meta_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _try(raw: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        codecs.lookup(encoding)
        return _clean(raw.decode(encoding), encoding)
    except (LookupError, UnicodeDecodeError, InputError):
        return None


def _without_controls(text: str) -> str:
    """Text decoded by its byte-order mark or as valid UTF-8, with its stray control characters removed.

    Valid UTF-8 is not a wrong decoding, so control characters in it (C1
    bytes pasted from a legacy page into a title, a NUL) are dropped and
    said, not taken for mojibake: the document is read, with a warning.
    """
    bad = len(_CONTROL.findall(text))
    if not bad:
        return text
    warn("control_characters", f"{bad} control character(s) removed")
    return _CONTROL.sub("", text)


def _clean(text: str, encoding: str) -> str:
    """``text`` unless it holds control characters, the mark of a wrong decoding (of a legacy charset)."""
    bad = len(_CONTROL.findall(text))
    if bad > max(2, len(text) // 1000):
        raise InputError("undecodable", f"decoding as {encoding} gives {bad} control characters")
    return text
