"""Speech cues and their speakers: which tokens are cues, who the source is.

Shared by direct quotes and indirect speech in ``attribution``.  A cue is a
token whose lemma is in the speech lexicon; a misspelt cue next to a quote
("…," he ads.) is accepted when it is one edit away from an inflected form
of a speech verb, because in that slot nothing else is likely.
"""

from __future__ import annotations

from functools import cache

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from claimgraph.model import SourceSpan
from claimgraph.names import fold
from claimgraph.nlp import lexicon
from claimgraph.nlp.entities.coref import EntityIndex, core_span

_IRREGULAR = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",)}
_SUBJECTS = ("nsubj", "csubj")
_SOURCE_PREPS = frozenset({"by", "for", "from", "of", "at", "with"})
_RELATIVE = frozenset({"who", "which", "that"})
_DATELINE_DASHES = (") — ", ") – ", ") - ")
_SPEAKING = frozenset({"speak", "talk", "address", "brief"})  # participles of the speaking itself, not who speaks
_PARTICIPLE_WORDS = 8  # longest participle phrase kept in a speaker's description
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLOSERS = frozenset({",", "—", "–", "-"})
_VERB_GROUP = frozenset({"aux", "auxpass", "advmod", "neg"})
_QUOTE_MARKS = frozenset('"“”„«»')
_CONTINUITY = 1200  # characters over which "he"/"she"/"it" may still be the previous speaker


@cache
def _speech_forms() -> frozenset[str]:
    forms: set[str] = set()
    # the extras stay out: they are everyday verbs ("doing" is one edit from "going"), a misspelling of them is a word
    for lemma in lexicon.speech().verbs:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms.update({lemma, lemma + "s", stem + "ed", stem + "ing", *_IRREGULAR.get(lemma, ())})
    return frozenset(f for f in forms if len(f) >= 4)


def is_cue(tok: Token) -> bool:
    """A token whose lemma is a speech verb (any part of speech: parsers tag "claims" as a noun at times)."""
    return tok.lemma_.lower() in lexicon.speech().verbs


def is_object_cue(tok: Token) -> bool:
    """A verb that reports its object ('called for a review'): a cue only with such an object (see attribution)."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.speech().object_verbs


def is_quote_cue(tok: Token) -> bool:
    """A cue in the slot beside a quote, tolerating a one-letter misspelling."""
    lower = tok.lower_
    if tok.lemma_.lower() in lexicon.speech().quote_verbs or lower in _speech_forms():
        return True
    return (
        tok.is_alpha
        and tok.pos_ == "VERB"  # "patrol boats" is no misspelt "boasts"
        and len(lower) >= 3
        and any(Levenshtein.distance(lower, form, score_cutoff=1) <= 1 for form in _speech_forms())
    )


def subject_of(cue: Token) -> Token | None:
    """The speaker token of ``cue``: its subject, or its governor's for "…, insisting that"."""
    for child in cue.children:
        if child.dep_ in _SUBJECTS:
            return child
    outer = _reporting_verb(cue)
    if outer is not None:  # "X said Y died, adding that …": the parse hangs "adding" on the reported clause
        return next(c for c in outer.children if c.dep_ in _SUBJECTS)
    # "said A and said B", "survived the war and says …": a conjoined verb without a subject shares its head's
    shares = cue.dep_ in ("advcl", "conj") or (cue.dep_ == "xcomp" and is_cue(cue.head))
    perfect = cue.tag_ == "VBN" and any(c.dep_ == "aux" for c in cue.children)  # "…, but has condemned X"
    if shares and (cue.tag_ in ("VBG", "VB", "VBD", "VBZ", "VBP") or perfect):
        for child in cue.head.children:
            if child.dep_ in _SUBJECTS:
                return child
    return misparsed_subject(cue)


def _reporting_verb(cue: Token) -> Token | None:
    """The speech verb whose reported clause a trailing participle cue hangs on ("X said Y died, adding …")."""
    clause = cue.head
    if cue.dep_ != "advcl" or cue.tag_ != "VBG" or clause.dep_ != "ccomp" or not is_cue(clause.head):
        return None
    return clause.head if any(c.dep_ in _SUBJECTS for c in clause.head.children) else None


def trailing_participle(clause: Token) -> Token | None:
    """A participle cue closing a reported clause (", adding that …"): it reports the next thing said."""
    return next(
        (c for c in clause.rights if c.dep_ == "advcl" and c.tag_ == "VBG" and is_cue(c) and _reporting_verb(c)), None
    )


def quoted_as(cue: Token) -> tuple[Token, Token] | None:
    """(speaker, the verb 'quote') for "X quoted Y as saying …" and "X was quoted as saying …"."""
    prep = cue.head
    if cue.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() != "quote":
        return None
    quote = prep.head
    subject = next((c for c in quote.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (subject, quote) if subject is not None else None


def np_start(head: Token) -> int:
    """Where the noun phrase of ``head`` starts, cut at its nearest determiner: a parse of text without
    commas runs a phrase back over the words before it ("… in Anbaj villages a military source")."""
    doc = head.doc
    for i in range(head.i - 1, head.left_edge.i - 1, -1):
        if doc[i].pos_ == "DET" and doc[i].head == head:
            return i
        if doc[i].dep_ == "compound" and doc[i].tag_ in ("NNS", "NNPS"):
            return i + 1  # "several others activists": a plural noun does not modify the next one
    return head.left_edge.i


def misparsed_subject(verb: Token) -> Token | None:
    """A verb the tagger took for a noun ("X claims to …" as a compound noun): its name modifier is the subject."""
    if verb.pos_ != "NOUN" or not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return None
    names = [c for c in verb.lefts if c.dep_ in ("compound", "nmod") and c.pos_ in ("PROPN", "NOUN", "PRON")]
    return names[0] if names else None


def is_passive(cue: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children)


class Speakers:
    """Resolves speakers in reading order, remembering who spoke last and under which description.

    News prose keeps a speaker across sentences: "She said …" after
    "Scurfield's mother said …", "the spokesman said" after "A spokesman for
    the network told …".  So a pronoun prefers the previous speaker when it
    fits, and a definite description whose head noun named an earlier
    speaker ("the spokesman", "the report") is that speaker again.
    """

    def __init__(self, index: EntityIndex) -> None:
        self.index = index
        self.last: str | None = None
        self.last_at = -_CONTINUITY
        self.by_head: dict[str, str] = {}

    def span(self, tok: Token) -> SourceSpan:
        """The speaker's noun phrase headed by ``tok``, resolved to an entity where the article allows."""
        index = self.index
        surface = tok  # PARC/PolNeAR mark the relative pronoun itself as the source: "Moscow, which insists …"
        relative = tok.lower_ in _RELATIVE and tok.head.dep_ in ("relcl", "acl")
        if relative:
            tok = tok.head.head
        named = [c for c in tok.children if c.dep_ == "appos" and index.named(c)]
        head = tok
        second = _second_subject(head) if not named and index.named(head) is None else None
        if index.named(tok) is None and named:
            tok = named[0]  # "His stepfather, Steve Howell, said": the entity is the name
        elif second is not None and index.named(second) is not None:
            tok = second  # "The minister, Ann Roe said": the parse took the name for a second subject
        span = core_span(tok)
        if tok.i in index.spans:  # a name: the whole name even where the parse splits it
            start, end = index.spans[tok.i]
            span = tok.doc[min(start, span.start) : max(end, span.end)]
        entity = self._entity(tok)
        if relative:
            span = surface.doc[surface.i : surface.i + 1]
        elif tok is second:
            span = _set_off_name(head, second)
        else:
            span = _closing_comma(_with_apposition(_with_participle(span, head), head), head)
            # only a speaker the article names takes its whole phrase: the entity then says who spoke, while an
            # unnamed one ("One farmer, who would not give his name,") is known by its head phrase alone
            span = _without_time(_whole_subject(span, head) if entity is not None else span, head)
        if len(span) > 1 and span[-1].dep_ == "case":
            span = span[:-1]  # "Haddad's allegations": the possessive mark is not the speaker's name
        text = span.text
        # a phrase never runs across a line break, nor back over a dateline ("RENO, Nev. (AP) — Senator X said")
        # or over the mark of a quotation it is outside ('"… heavy" local activist X told': an odd mark)
        before = text[: max(0, tok.idx - span.start_char)]
        datelines = [at + len(dash) for dash in _DATELINE_DASHES if (at := before.rfind(dash)) >= 0]
        marks = [i for i, c in enumerate(before) if c in _QUOTE_MARKS]
        cut = max([text.rfind("\n") + 1, *datelines, marks[-1] + 1 if len(marks) % 2 else 0])
        while cut < len(text) and text[cut].isspace():
            cut += 1
        if entity is not None:
            self.last, self.last_at = entity, tok.idx
            if tok.pos_ in ("NOUN", "PROPN") and not index.named(tok):
                self.by_head.setdefault(_head_key(tok), entity)
        return SourceSpan(span.start_char + cut, span.end_char, text[cut:], entity)

    def _entity(self, tok: Token) -> str | None:
        index = self.index
        named = index.named(tok)
        if named is not None:
            return named
        if tok.pos_ == "PRON":
            recent = self.last if tok.idx - self.last_at <= _CONTINUITY else None
            return index.resolve(tok, prefer=recent)
        if tok.is_upper and tok.is_alpha and len(tok) > 1:  # a transcript's "PENCE:" is the Pence it names
            person = index.person_named({fold(tok.text)})
            if person is not None:
                return person
        earlier = self.by_head.get(_head_key(tok))
        if earlier is not None and any(c.lower_ in ("the", "this") for c in tok.children):
            return earlier
        return _entity_inside(tok, index) or index.resolve(tok)


def _second_subject(head: Token) -> Token | None:
    """The name a comma sets off right after a described subject, which the parse made the verb's second
    subject instead of an apposition ("The minister, Ann Roe said", "The new envoy, Ann Roe, a lawyer, told")."""
    doc, at = head.doc, head.right_edge.i + 1
    if head.dep_ != "nsubj" or at + 1 >= len(doc) or doc[at].text != ",":
        return None
    return next((c for c in head.head.children if c.dep_ == "nsubj" and c.left_edge.i == at + 1), None)


def _set_off_name(head: Token, name: Token) -> TokenSpan:
    """The description and the name after it as one source, with the comma that closes them before the verb."""
    doc, end = head.doc, name.right_edge.i + 1
    if end < len(doc) and doc[end].text == "," and _past_verb_group(doc, end + 1) == head.head.i:
        end += 1
    return doc[head.left_edge.i : end]


def _with_apposition(span: TokenSpan, head: Token) -> TokenSpan:
    """``span`` widened over the apposition that describes the speaker, with its closing comma or dash:
    "Dean Jones, a salesman from Leeds," / "His stepfather, Steve Howell," (the whole phrase is the source)."""
    # without a comma or dash before it an "apposition" is a scrape's run-on ("The Civil Defense another group")
    appos = [c for c in head.children if c.dep_ == "appos" and c.i > head.i and _set_off(c)]
    if not appos:
        return span
    doc, end = head.doc, max(span.end, max(a.right_edge.i for a in appos) + 1)
    inside = doc[span.start : end].text
    if end < len(doc) and doc[end].text == ")" and inside.count("(") > inside.count(")"):
        end += 1  # "Sen. Ann Roe (D-Ore.)": the parenthesis closes with the apposition it opened
    if end < len(doc) and doc[end].text in (",", "—", "–", "-"):
        end += 1
    after = _past_verb_group(doc, end)
    # the phrase must end where the clause goes on (its verb, or the sentence's end); else the parse ran wide
    if "\n" in doc[span.start : end].text or not (after == len(doc) or doc[after] == head.head or doc[after].is_punct):
        return span
    return doc[min(span.start, head.left_edge.i) : end]


def _closing_comma(span: TokenSpan, head: Token) -> TokenSpan:
    """``span`` with the comma that closes an apposition inside it ("Officials at the Bureau, a division
    of the ministry, said"): the aside ends at the comma, as one on the head itself does."""
    doc, end = head.doc, span.end
    if end >= len(doc) or doc[end].text != "," or span[-1].is_punct:
        return span
    inner = [t for t in span if t.dep_ == "appos" and t.right_edge.i == end - 1 and _set_off(t) and t.head != head]
    after = _past_verb_group(doc, end + 1)
    return doc[span.start : end + 1] if inner and after < len(doc) and doc[after] == head.head else span


def _whole_subject(span: TokenSpan, head: Token) -> TokenSpan:
    """``span`` widened to the end of the subject phrase it heads, with the comma or dash that closes it:
    PARC/PolNeAR's source is the whole noun phrase before the verb, with every clause and phrase that
    says who the speaker is ("The envoys, who had been left out of the talks," / "Farmers, including
    the cooperative's chairman," / "all the experts we asked").

    Only for a subject before its verb whose phrase ends at the verb group (else the parse ran wide), on
    one line and outside quote marks; a participle about the speaking itself keeps the phrase as it was
    (``_with_participle``).
    """
    doc, verb = head.doc, head.head
    end = head.right_edge.i + 1
    if head.dep_ not in _SUBJECT_DEPS or verb.i < head.i or end <= span.end:
        return span
    if any(c.dep_ == "acl" and (is_cue(c) or c.lemma_.lower() in _SPEAKING) for c in head.rights):
        return span
    if end < len(doc) and doc[end].text in _CLOSERS:
        end += 1
    after = _past_verb_group(doc, end)
    words = doc[span.end : end]
    if after != verb.i or "\n" in words.text or any(t.text in _QUOTE_MARKS for t in words):
        return span
    return doc[span.start : end]


def _without_time(span: TokenSpan, head: Token) -> TokenSpan:
    """``span`` without the phrase of time that closes it ("U.S. officials at the time said", "a panel in
    2001 found"): it says when the speaker spoke, not who the speaker is."""
    last = max((c for c in head.rights if c.i < span.end), key=lambda c: c.i, default=None)
    if last is None or last.dep_ != "prep" or last.right_edge.i != span.end - 1 or not _when(last):
        return span
    return span.doc[span.start : last.left_edge.i]


def _when(prep: Token) -> bool:
    """A phrase that says when ("at the time", "in 2001", "on Monday"): its object is a date or a time."""
    return any(
        o.dep_ == "pobj" and (o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() == "time") for o in prep.children
    )


def _past_verb_group(doc: Doc, at: int) -> int:
    """The first token from ``at`` on that is not an auxiliary, negation or adverb: where a verb group's verb stands."""
    while at < len(doc) and doc[at].dep_ in _VERB_GROUP:
        at += 1
    return at


def _with_participle(span: TokenSpan, head: Token) -> TokenSpan:
    """``span`` widened over a participle that says which speakers these are: "many mothers detained in
    the camps say", "the lawyers representing X said".

    Only for a subject before its verb, with the participle right after the
    noun phrase (no comma: a set-off one is an aside) and a few words long.
    A participle about the speaking itself ("the spokesman speaking to
    reporters said") describes the occasion, not the speaker, and stays out.
    """
    doc = head.doc
    if head.dep_ != "nsubj" or head.head.i < head.i:
        return span
    participle = next((c for c in head.rights if c.dep_ == "acl"), None)
    if participle is None or participle.tag_ not in ("VBN", "VBG") or participle.left_edge.i != span.end:
        return span
    if is_cue(participle) or participle.lemma_.lower() in _SPEAKING:
        return span
    end = participle.right_edge.i + 1
    if end < len(doc) and doc[end].dep_ == "nsubj" and doc[end].head == head.head and doc[end].left_edge.i == end:
        end = (
            doc[end].right_edge.i + 1
        )  # "the council governing Afrin said": the parse took the object for a second subject
    words = doc[span.end : end]
    if end > head.head.i or len(words) > _PARTICIPLE_WORDS or any(t.is_punct or "\n" in t.text for t in words):
        return span
    return doc[span.start : end]


def _set_off(appos: Token) -> bool:
    before = appos.left_edge.i - 1
    return before >= 0 and appos.doc[before].text in (",", "—", "–", "-", "(")


def _head_key(tok: Token) -> str:
    """What makes two descriptions the same speaker: their head noun, or any publication noun
    ("the paper" after "The report by X" is X's report again)."""
    lemma = tok.lemma_.lower()
    return "<publication>" if lemma in lexicon.speech().outlet_nouns else lemma


def _entity_inside(head: Token, index: EntityIndex) -> str | None:
    """ "The group's media representative", "a spokesman for X", "A Home Office spokesperson": the entity behind a role.

    A person's possessor is someone else ("Scurfield's mother"), so only a
    non-person possessor stands for the speaker.
    """
    for child in head.children:
        if child.dep_ == "poss":
            owner = index.resolve(child)
            return owner if index.type_of(owner) not in (None, "PERSON") else None
        if child.dep_ == "compound" and index.named(child) and index.type_of(index.named(child)) != "PLACE":
            return index.named(child)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _SOURCE_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    eid = index.resolve(obj)
                    if eid is not None and index.type_of(eid) != "PLACE":
                        return eid
    return None
