"""The tokenizer's cache, filled between memory zones with the words met in more than one batch.

Every batch runs in a spaCy memory zone (``pipeline.Analyzer``), so that the
strings and lexemes its documents add are freed when it ends.  Inside a zone
spaCy 3.8's tokenizer saves nothing to its cache (an entry would point at
lexemes the zone frees), so whatever the zone's size, each batch splits every
word's affixes again and rebuilds the lexeme of every word the model's
vocabulary lacks: about four times plain ``nlp.pipe``'s tokenizer time, whose
cache warms because it runs outside any zone (and whose vocabulary grows
without bound).

``TokenizerCache.learn`` runs after a batch's zone: a whitespace-separated
chunk of text that an earlier batch also had is tokenized once more, outside
the zone, which makes its lexemes permanent and caches its split.  Only words
that recur take a place, and the places are bounded by the tokenizer's own
``max_cache_size`` (spaCy's default 10,000 chunks of at most ``LONGEST``
characters), as are the remembered once-seen chunks, so resident memory
stops growing once the cache is full (then nothing more is counted).
A cached split is the split the tokenizer computes for that chunk anywhere
(spaCy caches by chunk, outside zones, in every plain run), so tokens, and so
everything extracted, are the same.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokenizer import Tokenizer

# The longest chunk given a place: words and their punctuation, not the run-on strings (long URLs, tables
# without spaces) that would make a place cost kilobytes.
LONGEST = 40
# Once-seen chunks remembered, as a multiple of the cache's bound: past it they are forgotten and counting restarts.
SEEN_PER_PLACE = 5


class TokenizerCache:
    """The chunks seen so far, and how many have been given a permanent place in the tokenizer's cache."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        tokenizer = nlp.tokenizer
        self.places = tokenizer.max_cache_size if isinstance(tokenizer, Tokenizer) else 0  # a custom one: no cache
        self.seen: set[str] = set()
        self.cached: set[str] = set()

    def learn(self, texts: Iterable[str]) -> None:
        """Cache the chunks of ``texts`` an earlier call also saw; call it outside any memory zone."""
        if len(self.cached) >= self.places:
            return
        chunks = {chunk for text in texts for chunk in text.split() if len(chunk) <= LONGEST} - self.cached
        for chunk in sorted(chunks & self.seen)[: self.places - len(self.cached)]:
            self.nlp.tokenizer(chunk)
            self.cached.add(chunk)
        if len(self.cached) >= self.places:
            self.seen = set()  # full: nothing more will be counted
            return
        self.seen |= chunks
        if len(self.seen) > SEEN_PER_PLACE * self.places:
            self.seen = chunks
