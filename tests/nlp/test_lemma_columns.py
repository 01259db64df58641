"""The column lemmatizer gives the model lemmatizer's lemmas, and its memories stay bounded."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimgraph.nlp.components import lemma_columns
from claimgraph.nlp.components.lemma_columns import ColumnLemmas, lemmatize_by_columns
from claimgraph.nlp.components.pipeline import load_model

TEXTS = [
    "The Ostvald brigades were retaking the villages that militias had seized, officials said on Tuesday.",
    "She doesn't think the talks' failures were the envoys' fault; he'd argued otherwise.",
    "Fighters fled; the fled fighters' leaders are being questioned, and better-armed units arrived.",
    "",
    "WARNING: 3,000 displaced people crossed into Velmora overnight -- aid groups",
]


def _lemmas(nlp: Language, texts: list[str]) -> list[list[str]]:
    with nlp.memory_zone():
        return [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]


@pytest.fixture(scope="module")
def models() -> tuple[Language, Language]:
    stock, columned = load_model(), load_model()
    lemmatize_by_columns(columned)
    return stock, columned


def test_the_lemmas_are_the_model_lemmatizers_own_also_when_remembered(models: tuple[Language, Language]) -> None:
    stock, columned = models
    assert isinstance(columned.get_pipe("lemmatizer"), ColumnLemmas)
    assert not isinstance(stock.get_pipe("lemmatizer"), ColumnLemmas)
    expected = _lemmas(stock, TEXTS)
    assert _lemmas(columned, TEXTS) == expected
    assert _lemmas(columned, TEXTS) == expected  # the second time from memory


def test_both_memories_are_emptied_at_the_bound(
    models: tuple[Language, Language], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, columned = models
    lemmatizer = columned.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, ColumnLemmas)
    monkeypatch.setattr(lemma_columns, "REMEMBERED", 5)
    lemmatizer.remembered.clear()
    _lemmas(columned, TEXTS)
    assert 0 < len(lemmatizer.remembered) <= 5
    assert len(lemmatizer.cache) <= 5
