"""Claims stated by contradicting another: "… claim they are not part of Y; the evidence would suggest otherwise".

"Otherwise" after a verb of saying, thinking or showing (``rebuttal_verbs``)
takes up the claims of the clause it answers and states their opposite: the
denial answered becomes an affirmation, the affirmation a denial.  The
answered clause is the rest of the sentence the rebuttal verb governs or is
governed by, never the rebuttal's own clause.  Only claims someone asserts are
answered: a presupposed relation ("the Front's fighters in Tarsh") is not what
the rebuttal disputes.  The rebuttal's own subject holds the new claim when it
is an actor ("the ministry thinks otherwise"); evidence or a report as subject
leaves it in the article's voice.  A verb that only suggests or believes
hedges it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from claimgraph.nlp import lexicon
from claimgraph.nlp.claims.frames import RawClaim
from claimgraph.nlp.claims.polarity import is_hedged
from claimgraph.nlp.entities.coref import EntityIndex

_ANSWERED = frozenset({"dep", "advcl", "ccomp", "conj", "parataxis"})
_OWN = frozenset({"nsubj", "nsubjpass", "expl"})  # the rebuttal's own subject is not what it answers


def rebuttals(raws: list[RawClaim], index: EntityIndex) -> list[RawClaim]:
    """The opposite of each asserted claim in a clause that a later "… otherwise" answers."""
    out: list[RawClaim] = []
    for verb in _rebuttal_verbs(raws):
        answered = _answered(verb)
        words = lexicon.polarity()
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        actor = subject is not None and subject.lemma_.lower() not in words.content_nouns
        holder = index.resolve(subject) if subject is not None and actor else None
        hedged = verb.lemma_.lower() in words.hedge_verbs or is_hedged(verb)
        for raw in raws:
            if raw.trigger.i in answered and not raw.background:
                out.append(
                    replace(raw, trigger=verb, denied=not raw.denied, hedged=hedged, holder=holder, rule="rebuttal")
                )
    return out


def _rebuttal_verbs(raws: list[RawClaim]) -> list[Token]:
    """The verbs with an "otherwise" after them in the sentences that hold a claim."""
    verbs = lexicon.polarity().rebuttal_verbs
    sentences = {raw.trigger.sent.start: raw.trigger.sent for raw in raws}
    return [
        tok
        for sent in sentences.values()
        for tok in sent
        if tok.lemma_.lower() in verbs
        and any(c.lower_ == "otherwise" and c.dep_ == "advmod" and c.i > tok.i for c in tok.children)
    ]


def _answered(verb: Token) -> set[int]:
    """The token positions of the clause ``verb`` answers: the clause above it, less its own, or what comes before it.

    Before it, everything ``verb`` governs but its subject ("no matter how X claims …, the evidence suggests …":
    the parser hangs the answered clause as a clause, a dependent or an adverbial).
    """
    own = {t.i for t in verb.subtree}
    if verb.dep_ in _ANSWERED and verb.head.i != verb.i:
        return {t.i for t in verb.head.subtree} - own
    return {t.i for c in verb.children if c.i < verb.i and c.dep_ not in _OWN for t in c.subtree}
