"""What reading changes without failing a document is said on that document, never done silently."""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph.extraction import document_to_json
from claimgraph.ingest import read_paths
from claimgraph.model import Document, ReadingWarning

BODY = "The Ridge Falcons said on Monday they had left the Dawn Coalition after a dispute over Korvana."


def _one(path: Path) -> Document:
    [doc] = read_paths([path])
    assert isinstance(doc, Document), doc
    return doc


def test_control_characters_in_valid_utf8_are_stripped_with_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(f"Falcons\u0085 leave\u0091 coalition\u0092\n\n{BODY}\n", encoding="utf-8")
    doc = _one(page)
    assert doc.title == "Falcons leave coalition" and "Dawn Coalition" in doc.text
    assert doc.warnings == (ReadingWarning("control_characters", "3 control character(s) removed"),)
    assert document_to_json(doc)["warnings"] == [
        {"code": "control_characters", "message": "3 control character(s) removed"}
    ]


def test_an_ambiguous_numeric_date_is_read_and_flagged(tmp_path: Path) -> None:
    records = tmp_path / "a.jsonl"
    lines = [{"text": BODY, "published": "4/5/17"}, {"text": BODY + " Again.", "published": "25/12/2017"}]
    records.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    ambiguous, clear = read_paths([records])
    assert isinstance(ambiguous, Document) and isinstance(clear, Document)
    assert ambiguous.published == "2017-04-05" and "month first" in ambiguous.warnings[0].message
    assert ambiguous.warnings[0].code == "ambiguous_date"
    assert clear.published == "2017-12-25" and clear.warnings == ()


def test_a_clean_document_has_no_warnings_key(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(f"Falcons leave coalition\n\n{BODY}\n", encoding="utf-8")
    doc = _one(page)
    assert doc.warnings == () and "warnings" not in document_to_json(doc)
