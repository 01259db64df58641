"""Via-chains: the intermediaries through which the article learned a claim.

An article that says the group "confirmed ... in an interview to Y, who
wrote up a report for Z" has told us the channel once; every later sentence
that refers to "an interview" (or to someone "speaking to" the interviewer)
came through it, outermost first: [Z, Y].  A claim "according to" an outlet
came through that outlet.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.nlp.columns import lemma_positions
from claimgraph.nlp.entities.coref import EntityIndex

_CHANNEL_NOUNS = frozenset({"interview", "conversation", "statement", "exchange"})
_SPEAK_VERBS = frozenset({"speak", "talk"})
_REPORTING_VERBS = frozenset({"write", "report", "work", "file", "publish"})
_CHANNEL_TYPES = frozenset({"PERSON", "MEDIA", "ORGANIZATION"})


class Sourcing:
    """The document's interview channels, looked up by the sentence a claim sits in."""

    def __init__(self, doc: Doc, index: EntityIndex) -> None:
        self.index = index
        self.channels: list[tuple[int, list[str]]] = []  # (token where the channel is named, chain)
        for i in lemma_positions(doc, _CHANNEL_NOUNS):
            chain = self._chain(doc[i])
            if chain:
                self.channels.append((i, chain))

    def _chain(self, noun: Token) -> list[str]:
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("to", "with"):
                continue
            for obj in prep.children:
                interviewer = self.index.named(obj)
                if obj.dep_ != "pobj" or interviewer is None or self.index.type_of(interviewer) not in _CHANNEL_TYPES:
                    continue
                return [*self._outlets(obj), interviewer]
        return []

    def _outlets(self, person: Token) -> list[str]:
        """'Y, who wrote up a report for Z': the outlet Y reported for."""
        mention = self.index.mention_range(person)
        tokens = person.doc[mention[0] : mention[1]] if mention else [person]
        for tok in tokens:
            for clause in tok.children:
                if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() not in _REPORTING_VERBS:
                    continue
                for obj in clause.subtree:
                    outlet = self.index.named(obj)
                    if obj.dep_ == "pobj" and obj.head.lower_ == "for" and outlet is not None:
                        return [outlet]
        return []

    def via(self, trigger: Token) -> list[str]:
        """The chain for a claim whose sentence refers to an interview or to speaking to someone."""
        if not self.channels:
            return []
        sent = trigger.sent
        refers = any(
            t.lemma_.lower() in _CHANNEL_NOUNS
            or (t.lemma_.lower() in _SPEAK_VERBS and any(c.lower_ == "to" for c in t.children))
            for t in sent
        )
        if not refers:
            return []
        at, chain = self.channels[0]  # the first channel named, if it is named before the sentence ends
        return list(chain) if at < sent.end else []
