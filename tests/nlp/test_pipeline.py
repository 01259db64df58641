"""The Analyzer keeps input order, reads only English, and loses no batch to one bad document."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.model import Document, Extraction, ExtractionError
from claimgraph.nlp.pipeline import Analyzer, load_language

_POISON = "XYZZY-POISON"


@Language.component("test_poison_v1")
def _poison(doc: Doc) -> Doc:
    """A component that fails on one marked document, standing in for any pipeline crash."""
    if _POISON in doc.text:
        raise RuntimeError("component failed on this document")
    return doc


def _doc(n: int, text: str, language: str | None = "en") -> Document:
    return Document(id=f"sha256:{n}", source_path=f"d{n}.txt", text=text, language=language)


def test_a_failing_document_is_recorded_and_its_batch_goes_on() -> None:
    nlp = load_language()
    nlp.add_pipe("test_poison_v1", first=True)
    analyzer = Analyzer(nlp, batch_size=8)
    items: list[Document | ExtractionError] = [
        _doc(1, "Hezbollah fighters were seen near Qusayr, the Syrian army said."),
        ExtractionError("bad.bin", None, "binary", "not text"),
        _doc(2, f"This one breaks the pipeline: {_POISON}."),
        _doc(3, "Al-Shabaab claimed an attack in Mogadishu on Friday, police said."),
    ]
    results = list(analyzer.analyse_stream(items))
    assert [r.source_path if isinstance(r, ExtractionError) else r.document.source_path for r in results] == [
        "d1.txt",
        "bad.bin",
        "d2.txt",
        "d3.txt",
    ]
    assert isinstance(results[2], ExtractionError) and results[2].code == "analysis_failed"
    assert "component failed" in results[2].message
    assert isinstance(results[3], Extraction) and any(e.type == "PLACE" for e in results[3].entities)


def test_a_non_english_document_keeps_its_fields_without_english_guesses() -> None:
    analyzer = Analyzer(load_language(), batch_size=4)
    russian = _doc(1, "Представитель группировки заявил, что она не связана с «Аль-Каидой».", language="ru")
    (result,) = analyzer.analyse_stream([russian])
    assert isinstance(result, Extraction)
    assert result.document.language == "ru" and result.entities == [] and result.claims == []
