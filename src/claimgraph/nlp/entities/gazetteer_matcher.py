"""The spaCy component that marks the gazetteer's unguarded forms as entities (``claimgraph_gazetteer_v1``).

Matching ignores case (a ``PhraseMatcher`` on ``LOWER``) but a match still
has to be written as a name; a spelling several entries list goes to the
entry listed first.  The entries themselves are ``gazetteer.Gazetteer``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from claimgraph.nlp.entities.gazetteer import Gazetteer, GazetteerEntry
from claimgraph.nlp.spans import set_entities


class GazetteerMatcher:
    """Marks every unguarded gazetteer form in a ``Doc`` as an entity with its id."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[int, GazetteerEntry] = {}
        self.rank = {entry.id: i for i, entry in enumerate(gazetteer.entries)}
        for form, entry in gazetteer.unguarded_forms():
            key = nlp.vocab.strings.add(entry.id)
            self.entries[key] = entry
            variants = {form, form.replace("’", "'"), form.replace("'", "’")}
            self.matcher.add(entry.id, [nlp.make_doc(v) for v in variants])

    def __call__(self, doc: Doc) -> Doc:
        best: dict[tuple[int, int], GazetteerEntry] = {}
        for key, start, end in self.matcher(doc):
            entry, held = self.entries[key], best.get((start, end))
            if not _written_as_a_name(doc[start:end]):
                continue
            # A spelling several entries list goes to the first listed (the UN list before Phoenix).
            if held is None or self.rank[entry.id] < self.rank[held.id]:
                best[start, end] = entry
        spans = [Span(doc, s, e, label=entry.type, kb_id=entry.id) for (s, e), entry in best.items()]
        return set_entities(doc, spans)


_PARTICLES = frozenset(["al", "el", "ul", "wa", "wal", "bin", "ibn", "of", "the", "and", "in", "for", "e", "i"])


def _written_as_a_name(span: Span) -> bool:
    """Matching ignores case, but a name is still capitalised: "the red flag" is not "Red Flag"."""
    return all(t.text[0].isupper() for t in span if t.is_alpha and t.lower_ not in _PARTICLES)
