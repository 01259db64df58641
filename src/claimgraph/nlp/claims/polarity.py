"""Is a claim denied, and is it hedged?  Read off the words that govern its trigger.

The walk goes up from the trigger through the words that carry it ("part"
→ "be" → "claims"; "links" → "denies") and counts negations and denial
verbs on the way: an odd count denies the claim ("not to be part of",
"denies any links", "has no ties to"), an even one cancels out ("did not
deny").  Hedges ("is reported to", "allegedly", "is considered", "claims
to") are collected on the same walk, and so are the subordinators of a
clause that asserts nothing at all ("whether X would fight Y") and the
words that state a relation as over ("former", "once", "had allied").

A hedge on a clause also covers what is read off its arguments: "X and Y
reportedly attacked Z" hedges the joint action of X and Y as much as the
attack, though that relation's trigger is the subject, not the verb.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimgraph.nlp import lexicon

# Dependencies through which a governing word still speaks about the trigger.
_CARRIERS = frozenset({"attr", "oprd", "acomp", "xcomp", "dobj", "pobj", "prep", "ccomp", "amod", "advcl"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass"})
_ALWAYS_HEDGE = frozenset({"claim", "allege", "purport", "accuse", "suspect", "consider", "regard", "deem", "view"})


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the words governing it, up to the first clause that is not carried."""
    chain = [trigger]
    tok = trigger
    while (tok.dep_ in _CARRIERS or _says(tok) or _of_complement(tok)) and tok.head.i != tok.i and len(chain) < 8:
        tok = tok.head
        chain.append(tok)
    return chain


def _of_complement(clause: Token) -> bool:
    """'suspected of being a member', 'accused of cooperating with': an 'of' clause completes the word it hangs on.

    So does the clause an accusation's own preposition opens ("charged with
    being a member", "blamed for attacking": the object-control verbs of
    lexicons/relations.json).  Other prepositions before a clause ("by
    cooperating with", "after joining") make an adverbial, which the governing
    words do not speak about.
    """
    return clause.dep_ == "pcomp" and (clause.head.lower_ == "of" or _accusation(clause) is not None)


def _accusation(clause: Token) -> Token | None:
    """The object-control verb whose preposition opens ``clause`` ("charged [with] being", "blamed [for] attacking")."""
    prep = clause.head
    verb = prep.head
    control = lexicon.relations()
    if clause.dep_ != "pcomp" or prep.lower_ not in control.control_preps:
        return None
    return verb if verb.lemma_.lower() in control.control_verbs and verb.i != prep.i else None


def _says(clause: Token) -> bool:
    """A 'that' clause of a content noun ('claims that X …', 'no evidence that X …'): the noun carries it."""
    nouns = lexicon.polarity().content_nouns
    if clause.dep_ == "nsubjpass" and clause.lemma_.lower() in nouns:
        return True  # "claims that X … were rejected": the noun's own verb speaks about it
    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    return clause.dep_ == "acl" and marked and clause.head.lemma_.lower() in nouns


def _negations(tok: Token) -> int:
    words = lexicon.polarity()
    return sum(
        1
        for c in tok.children
        if c.dep_ == "neg"
        or (c.dep_ in ("det", "advmod", "preconj") and c.lower_ in words.negators)
        or (c.lower_ in words.no_longer and any(g.lower_ == "no" for g in c.children))  # "no longer controls"
    )


def is_denied(trigger: Token, extra: Token | None = None) -> bool:
    """Odd number of negations and denial verbs on the trigger's chain (and on ``extra``, its object word)."""
    words = lexicon.polarity()
    count = _negations(extra) if extra is not None else 0
    for pos, tok in enumerate(_chain(trigger)):
        count += _negations(tok)
        if pos and tok.lemma_.lower() in words.denial_verbs:
            count += 1
    return count % 2 == 1


def _clause_of(trigger: Token) -> Token:
    """The verb whose subject ``trigger`` is, through coordination ("X and Y attacked": Y → X → attacked); else itself."""
    tok = trigger
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        tok = tok.head
    return tok.head if tok.dep_ in _ARGUMENTS and tok.head.i != tok.i else trigger


def is_hedged(trigger: Token) -> bool:
    """A hedging adverb, modal or verb ("is reported to", "claims to", "is considered") on the chain."""
    return _hedged_chain(trigger) or is_hedged_phrase(trigger)  # "the suspected Isis recruiter", "alleged members of"


def _hedged_chain(trigger: Token) -> bool:
    """A hedge on the words governing ``trigger``, or on the clause it is the subject of."""
    words = lexicon.polarity()
    clause = _clause_of(trigger)
    chains = _chain(trigger) + (_chain(clause) if clause.i != trigger.i else [])
    accusations = {verb.i for tok in chains if (verb := _accusation(tok)) is not None}
    for tok in chains:
        lemma = tok.lemma_.lower()
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        # "prosecutors charged X with being a member": what a charge says of its object is an accusation, in any voice
        if lemma in words.hedge_verbs and (passive or lemma in _ALWAYS_HEDGE or tok.i in accusations):
            return True
        for child in tok.children:
            if child.lower_ in words.hedge_adverbs or (child.dep_ == "aux" and child.lower_ in words.hedge_modals):
                return True
    return False


def is_hedged_phrase(trigger: Token) -> bool:
    """A hedging modifier on the trigger ("the suspected recruiter"), a suspicion for a role ("Isis suspect X"), or a
    hedge on the clause the role completes ("suspected of being Isis fighters")."""
    words = lexicon.polarity()
    if trigger.lemma_.lower() in words.hedge_nouns or trigger.lower_ in words.hedge_nouns:
        return True
    if trigger.dep_ in ("attr", "oprd") and _hedged_chain(trigger):
        return True  # "men suspected of being Isis fighters – X and Y": the role is what is suspected
    return any(c.dep_ in ("amod", "compound") and c.lower_ in words.hedge_adjectives for c in trigger.children)


def is_past(trigger: Token) -> bool:
    """Is the relation stated as over: "former leader", "ex-commander", "once the affiliate", "had allied", "used to"?"""
    words = lexicon.polarity()
    doc, i = trigger.doc, trigger.i
    if i >= 2 and doc[i - 1].text in ("-", "–") and doc[i - 2].lower_ in words.past_modifiers:
        return True  # "ex-commander", tokenized apart
    for tok in _chain(trigger):
        for child in tok.children:
            lower = child.lower_
            if child.dep_ in ("amod", "compound", "nmod") and (
                lower in words.past_modifiers or (lower.startswith("ex-") and len(lower) > 3)
            ):
                return True
            if child.dep_ == "advmod" and lower in words.past_adverbs:
                return True
        if (
            tok.pos_ in ("VERB", "AUX")
            and tok.tag_ == "VBN"
            and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)
        ):
            return True  # the past perfect: "had allied with"
        if tok.lemma_ == "use" and tok.tag_ == "VBD" and any(c.lower_ == "to" for c in trigger.children):
            return True  # "used to control"
    head = trigger.head
    return trigger.dep_ == "xcomp" and head.lemma_ == "use" and head.tag_ == "VBD"


def intention(trigger: Token) -> str | None:
    """The word that sets the trigger's clause out as what someone means, threatens or refuses to do: 'vowed to
    capture X', 'refused to back X', 'a plan to seize X', 'a deal whereby X enters Y' (its lemma), else None.

    Such a clause reports no act (an attempt does: 'tried to take X' is
    fighting there); what the aim says of the two sides is the caller's call.
    """
    words = lexicon.polarity()
    for tok in _chain(trigger):
        head = tok.head
        lemma = head.lemma_.lower()
        if tok.dep_ == "xcomp" and head.pos_ == "VERB" and lemma in words.intention_verbs:
            return lemma
        if tok.dep_ in ("acl", "relcl") and tok.pos_ in ("VERB", "AUX") and head.pos_ == "NOUN":
            whereby = tok.dep_ == "relcl" and any(c.lower_ == "whereby" for c in tok.children)
            if lemma in words.intention_nouns and (_infinitive(tok) or whereby):
                return lemma
    return None


def is_prospective(trigger: Token) -> bool:
    """'a potential defence minister', 'the would-be leader of X': the trigger's phrase names an office not held."""
    words = lexicon.polarity().prospective_modifiers
    before = trigger.doc[trigger.left_edge.i : trigger.i]
    return any(re.search(rf"\b{re.escape(word)}\b", before.text.lower()) for word in words)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_unasserted(trigger: Token) -> bool:
    """The trigger sits in a 'whether' or 'if' clause: a question or a condition, neither affirmed nor denied."""
    words = lexicon.polarity()
    return any(c.dep_ == "mark" and c.lower_ in words.irrealis_marks for tok in _chain(trigger) for c in tok.children)
