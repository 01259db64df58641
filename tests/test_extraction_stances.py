"""Attributed stances and intentions stay out of the contract's attributions unless asked for."""

from __future__ import annotations

from claimgraph.extraction import to_json
from claimgraph.model import Attribution, Document, Extraction, SourceSpan, Span

TEXT = "Ana Ruiz said the bridge was open. Ruiz refused to meet the envoy."


def _extraction() -> Extraction:
    said = Attribution("a1", SourceSpan(0, 8, "Ana Ruiz"), Span(9, 13, "said"), Span(14, 33, TEXT[14:33]), False)
    refused = Attribution(
        "s1", SourceSpan(35, 39, "Ruiz"), Span(40, 47, "refused"), Span(48, 65, TEXT[48:65]), False, "intention"
    )
    document = Document(id="sha256:x", source_path="x.txt", text=TEXT)
    return Extraction(document=document, attributions=[said], stances=[refused])


def test_the_contract_lists_assertions_only_and_they_carry_no_kind() -> None:
    obj = to_json(_extraction())
    assert [a["id"] for a in obj["attributions"]] == ["a1"]
    assert "kind" not in obj["attributions"][0] and "stances" not in obj


def test_asked_for_the_stances_follow_the_assertions_with_their_kind() -> None:
    obj = to_json(_extraction(), stances=True)
    assert [(a["id"], a.get("kind")) for a in obj["attributions"]] == [("a1", None), ("s1", "intention")]
    assert obj["attributions"][1]["content"]["text"] == "to meet the envoy"
