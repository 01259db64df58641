"""Acronyms a document defines: "Syrian Network for Human Rights (SNHR)".

The model often leaves the acronym in parentheses untagged, and then every
later bare "SNHR" too.  ``claimgraph_acronyms_v1`` labels an all-capitals
word in parentheses right after an organisation-like name with that name's
label, and every other untagged use of the same word in the document; the
alias grouping then ties them to the full name.  Places and people are left
out: "WASHINGTON (Reuters)" is a dateline, not a definition.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from claimgraph.nlp.spans import set_entities

ACRONYM = r"^[A-Z][A-Z0-9&-]{1,7}$"
DEFINERS = frozenset({"ORG", "NORP", "ARMED_GROUP", "ORGANIZATION", "MEDIA"})


class DefinedAcronyms:
    """Labels defined acronyms and their later uses like the name they abbreviate."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("defined", [[{"ORTH": "("}, {"TEXT": {"REGEX": ACRONYM}}, {"ORTH": ")"}]])

    def __call__(self, doc: Doc) -> Doc:
        labels: dict[str, str] = {}
        for _, start, _ in self.matcher(doc):
            before, word = doc[start - 1] if start else None, doc[start + 1]
            if before is not None and before.ent_type_ in DEFINERS and not word.ent_type:
                labels[word.text] = before.ent_type_
        if not labels:
            return doc
        spans = [Span(doc, t.i, t.i + 1, label=labels[t.text]) for t in doc if t.text in labels and not t.ent_type]
        return set_entities(doc, spans)
