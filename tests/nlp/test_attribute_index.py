"""The attribute ruler's single-word rules answered from columns: the same matches, the same token attributes."""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, POS, TAG

from claimgraph.nlp.components.attribute_index import IndexedRules
from claimgraph.nlp.components.pipeline import load_language, load_model

# Tag-map words, contractions, an expletive 'there', auxiliaries, a pronoun object, a space token, a dash.
_TEXTS = [
    "There were three checkpoints on the road, and the convoy didn't stop at any of them.",
    "She's gonna ask whether they'd have left if the rebels hadn't shelled the bridge.",
    "We ain't seen nothin' like it, y'all — let's go.  Gimme the map; I'm told it's old.",
    "The council, which had been warned twice, gave it to him anyway.\n\nNo one was hurt.",
    "",
]


def test_the_indexed_rules_find_what_the_ruler_s_matcher_finds() -> None:
    nlp = load_model()
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = IndexedRules(ruler)
    assert indexed.rules and len(indexed.rules) < len(ruler.attrs)  # the rest stays with a Matcher
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(nlp.pipe(_TEXTS))
    for doc in docs:
        assert sorted(indexed(doc, allow_missing=True)) == sorted(ruler.matcher(doc, allow_missing=True))


def test_our_pipeline_tags_as_the_model_does_and_reads_back_its_patterns() -> None:
    plain, ours = load_model(), load_language()
    assert isinstance(ours.get_pipe("attribute_ruler").matcher, IndexedRules)
    assert ours.get_pipe("attribute_ruler").patterns == plain.get_pipe("attribute_ruler").patterns
    for expected, got in zip(plain.pipe(_TEXTS), ours.pipe(_TEXTS), strict=True):
        attrs = [TAG, POS, MORPH, LEMMA]
        assert (expected.to_array(attrs) == got.to_array(attrs)).all()
