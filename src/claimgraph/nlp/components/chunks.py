"""Cutting a long text into pieces the parser can take one at a time, losing no character.

spaCy's parser and entity recogniser need memory in proportion to the text
they are given at once (about 3 GB per million characters with the small
model), so a document is parsed in pieces of at most ``chunk_chars``
characters, cut after paragraph breaks, else after sentence ends, else
after any white space.  The pieces' ``Doc``s are joined back into one with
``Doc.from_docs``, whose text is the document's text exactly, so every
character offset holds.  A run without white space longer than ``RUN``
characters (a line of quote marks, a base64 blob) is cut too: the
tokenizer's prefix and suffix search is quadratic in the length of a run.
"""

from __future__ import annotations

import re

# Longest stretch without white space handed to the tokenizer in one piece.
RUN = 1000
_BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))
_LONG_RUN = re.compile(rf"\S{{{RUN + 1},}}")


def needs_pieces(text: str, limit: int) -> bool:
    """Whether ``text`` must be parsed in pieces (too long, or holding a pathological run)."""
    return len(text) > limit or _LONG_RUN.search(text) is not None


def pieces(text: str, limit: int) -> list[str]:
    """``text`` as consecutive pieces of at most ``limit`` characters (and runs of at most ``RUN``); ``"".join`` gives it back."""
    out: list[str] = []
    for part in _cut(text, max(limit, RUN), 0):
        out.extend(_cut_runs(part))
    return out


def _cut(text: str, limit: int, level: int) -> list[str]:
    """Pieces of at most ``limit``, cut after the coarsest break that makes them fit."""
    if len(text) <= limit:
        return [text]
    if level == len(_BREAKS):
        return [text[i : i + limit] for i in range(0, len(text), limit)]
    out: list[str] = []
    current = ""
    for part in _split_after(text, _BREAKS[level]):
        if len(current) + len(part) <= limit:
            current += part
            continue
        if current:
            out.append(current)
        current = ""
        if len(part) <= limit:
            current = part
        else:
            out.extend(_cut(part, limit, level + 1))
    if current:
        out.append(current)
    return out


def _split_after(text: str, pattern: re.Pattern[str]) -> list[str]:
    """``text`` cut after each match of ``pattern`` (the break stays with the piece before it)."""
    out, start = [], 0
    for match in pattern.finditer(text):
        if match.end() > start:
            out.append(text[start : match.end()])
            start = match.end()
    if start < len(text):
        out.append(text[start:])
    return out


def _cut_runs(text: str) -> list[str]:
    """``text`` with every run of more than ``RUN`` non-space characters cut into ``RUN``-long pieces."""
    if _LONG_RUN.search(text) is None:
        return [text]
    out, start = [], 0
    for match in _LONG_RUN.finditer(text):
        out.extend(_cut_plain(text[start : match.start()]))
        run = match.group()
        out.extend(run[i : i + RUN] for i in range(0, len(run), RUN))
        start = match.end()
    out.extend(_cut_plain(text[start:]))
    return out


def _cut_plain(text: str) -> list[str]:
    return [text] if text else []
