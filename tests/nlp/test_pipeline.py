"""The Analyzer keeps input order, reads only English, and loses no batch to one bad document; which model loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph import settings
from claimgraph.errors import ModelError
from claimgraph.model import Document, Extraction, ExtractionError
from claimgraph.nlp.attribution import tagger
from claimgraph.nlp.claims import learned
from claimgraph.nlp.components import pipeline
from claimgraph.nlp.components.pipeline import Analyzer, load_language
from claimgraph.nlp.entities.place_gazetteer import shipped_places

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


def test_a_loaded_analyzer_has_loaded_what_its_stages_load_on_first_use() -> None:
    # so the first document's time budget measures that document, not seconds of loading
    first_use = [shipped_places, tagger._models, learned.shipped_model]
    for loader in first_use:
        loader.cache_clear()
    Analyzer.load()
    assert [loader.cache_info().currsize for loader in first_use] == [1, 1, 1]


def test_a_non_english_document_keeps_its_fields_without_english_guesses() -> None:
    analyzer = Analyzer(load_language(), batch_size=4)
    russian = _doc(1, "Представитель группировки заявил, что она не связана с «Аль-Каидой».", language="ru")
    (result,) = analyzer.analyse_stream([russian])
    assert isinstance(result, Extraction)
    assert result.document.language == "ru" and result.entities == [] and result.claims == []


def test_the_vector_model_make_install_installs_replaces_the_recognizer() -> None:
    location = pipeline.ner_model_location(pipeline.VECTOR_MODEL)
    assert location is not None
    assert json.loads(Path(location, "meta.json").read_text("utf-8"))["name"] == "core_web_md"
    nlp = pipeline.load_model(ner_model=pipeline.VECTOR_MODEL)
    assert nlp.meta["name"].endswith("+ner_core_web_md") and nlp.vocab.vectors.shape[1] == 300
    assert nlp.pipe_names.index("ner") == len(nlp.pipe_names) - 1  # where the small model's stood
    assert [(e.text, e.label_) for e in nlp("Amira Haddad met Omar Ruiz in Lisbon.").ents][-1] == ("Lisbon", "GPE")


def test_by_default_the_model_keeps_its_own_recognizer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMGRAPH_NER_MODEL", raising=False)
    assert settings.get("ner_model") == pipeline.NO_NER_MODEL
    assert pipeline.ner_model_location(settings.get("ner_model")) is None
    assert "+ner_" not in pipeline.load_model().meta["name"]


def test_a_vector_model_asked_for_and_absent_is_a_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "VECTOR_MODEL_PACKAGE", "claimgraph_no_such_model_package")
    monkeypatch.setenv("CLAIMGRAPH_NER_MODEL", pipeline.VECTOR_MODEL)
    with pytest.raises(ModelError, match="en_core_web_md"):
        pipeline.ner_model_location(settings.get("ner_model"))
