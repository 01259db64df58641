"""Words met in two batches outlive the memory zones; the tokens stay the tokenizer's own; the cache is bounded."""

from __future__ import annotations

import spacy

from claimgraph.nlp.components.tokenizer_cache import TokenizerCache

TEXT = "Brigadier Ostvald's men (the \"Grey Lantern\" unit) can't hold Velmora-on-Tarn, U.S. officials said."


def _tokens(nlp: spacy.language.Language, text: str) -> list[tuple[str, str]]:
    with nlp.memory_zone():
        return [(t.text, t.whitespace_) for t in nlp.make_doc(text)]


def _zoned_batch(nlp: spacy.language.Language, cache: TokenizerCache, texts: list[str]) -> None:
    with nlp.memory_zone():
        for text in texts:
            nlp.make_doc(text)
    cache.learn(texts)


def test_a_word_of_two_batches_keeps_its_lexeme_after_the_zone_and_a_word_of_one_does_not() -> None:
    nlp = spacy.blank("en")
    cache = TokenizerCache(nlp)
    run_on = "https://velmora.example/" + "x" * 40
    _zoned_batch(nlp, cache, [f"Velmoran scouts crossed Quellby. {run_on}"])
    _zoned_batch(nlp, cache, [f"Velmoran scouts left. {run_on}"])
    assert "Velmoran" in nlp.vocab.strings and "scouts" in nlp.vocab.strings
    assert "Quellby" not in nlp.vocab.strings and "left" not in nlp.vocab.strings
    assert run_on not in nlp.vocab.strings  # too long to be given a place


def test_cached_words_are_split_as_the_tokenizer_splits_them_anywhere() -> None:
    nlp = spacy.blank("en")
    before = _tokens(nlp, TEXT)
    cache = TokenizerCache(nlp)
    cache.learn([TEXT])
    cache.learn([TEXT])
    assert cache.cached == set(TEXT.split())
    assert _tokens(nlp, TEXT) == before
    assert _tokens(nlp, f"{TEXT}\n\n{TEXT}") == _tokens(spacy.blank("en"), f"{TEXT}\n\n{TEXT}")


def test_no_more_words_are_kept_than_the_tokenizer_caches() -> None:
    nlp = spacy.blank("en")
    nlp.tokenizer.max_cache_size = 3
    cache = TokenizerCache(nlp)
    words = "alder birch cedar dogwood elm fir"
    cache.learn([words])
    cache.learn([words])
    assert len(cache.cached) == 3 and not cache.seen
    cache.learn(["hazel hazel"])
    cache.learn(["hazel"])
    assert "hazel" not in cache.cached and not cache.seen
