"""The one decision that combines the rules' attributions with the learned taggers'.

The rules (``attribution``) are precise where they fire, and their content
spans follow clauses and quote marks; the taggers (``tagger``) know many
more cues and where sources sit.  So:

* a rule attribution is kept; where a learned cue covers its cue token, the
  learned span (PolNeAR's cue boundaries: "went on to discuss", "has
  learned") replaces the rule's one-word cue;
* a learned cue that no rule attribution touches, scored above
  ``CUE_MARGIN``, adds an attribution: its source from the source tagger
  (else the cue's subject), its content delimited by the rules — the cue's
  complement clause or object, the words after a colon, else the rest of
  its clause, else (for a stance, or an assertion whose words start right
  after the cue) the longest stretch of its sentence.
  Without a source or a content it adds nothing.  Its content may hold
  attributions found before it, as PolNeAR nests them ("The board noted
  reports alleging that the mayor claimed …": the board's content holds the
  mayor's attribution whole); its cue and source may not.

A learned cue's content need not be a statement: PolNeAR marks stances and
intentions too ("refused to meet", "called for a truce", "expressed support
for").  Such a proposal is kept with its ``kind`` (``_kind``), and the
extraction lists it apart from the assertions, which is all our gold counts.
Since no claim rests on a stance or an intention, one needs only
``STANCE_MARGIN``: a wrong one costs a listed line, a wrong assertion a claim.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from claimgraph.model import AttributionKind
from claimgraph.nlp.attribution.speakers import subject_of
from claimgraph.nlp.attribution.tagger import LearnedCue, tag_cues, tag_source
from claimgraph.nlp.stretches import longest_stretch

# The rules' content of a verb cue (``attribution._complement``), passed in to keep the import one way.
Complement = Callable[[Token], TokenSpan | None]
CUE_MARGIN = 8.0  # the cue tagger's margin a learned cue needs to add an assertion on its own (chosen on PolNeAR and article dev)
STANCE_MARGIN = 0.0  # … and to add a stance or intention, which no claim rests on (chosen on PolNeAR dev)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_QUOTES = frozenset('"“”')


@dataclass(frozen=True, slots=True)
class Proposal:
    """An attribution the taggers propose: its cue, its speaker, content as token range (rules delimit it).

    ``phrase`` is the source tagger's span; None when the speaker is the cue's parsed subject, whose
    phrase the speaker rules (``speakers.Speakers``) delimit, appositions and all.
    """

    cue: TokenSpan
    speaker: Token
    phrase: TokenSpan | None
    content: tuple[int, int]  # token start, end
    kind: AttributionKind


def learned_cues(doc: Doc, in_quote: set[int]) -> list[LearnedCue]:
    return tag_cues(doc, in_quote)


def refine_cues(cues: list[TokenSpan], learned: list[LearnedCue]) -> list[TokenSpan]:
    """Each rule cue widened over the learned span that overlaps it ("went on to discuss", "has learned").

    The learned spans come in reading order and never overlap (BIO tags), so
    their ends rise too: the only one that can overlap a cue is the first
    that ends after the cue starts, found by bisection — a long document has
    tens of thousands of both, too many to compare pairwise.
    """
    ends = [lc.span.end for lc in learned]
    out: list[TokenSpan] = []
    for cue in cues:
        k = bisect_right(ends, cue.start)
        span = learned[k].span if k < len(learned) else None
        if span is not None and span.start < cue.end:
            cue = cue.doc[min(span.start, cue.start) : max(span.end, cue.end)]
        out.append(cue)
    return out


def refine_source(cue: TokenSpan, start: int, end: int, in_quote: set[int]) -> TokenSpan | None:
    """The source tagger's span for a rule's cue when it overlaps the rule's source (characters ``start``–``end``)."""
    tagged = tag_source(cue, in_quote)
    if tagged is None:
        return None
    span = tagged[0]
    return span if span.start_char < end and start < span.end_char else None


@dataclass(frozen=True, slots=True)
class Taken:
    """The tokens the attributions found so far hold: their cues and contents (``words``), and apart from
    them their sources.  A word is one attribution's cue or content only, but a speaker may speak through
    several cues ("The minister attacked the plan and has called for a vote", PolNeAR's two attributions)."""

    words: set[int]
    sources: set[int]
    cues: set[int] = field(default_factory=set)  # the cues among ``words``

    def add(self, cue: range, source: range, content: range) -> None:
        self.words.update(cue, content)
        self.sources.update(source)
        self.cues.update(cue)


def propose(doc: Doc, learned: list[LearnedCue], held: Taken, in_quote: set[int], complement) -> list[Proposal]:
    """Attributions for confident learned cues outside every rule attribution (``held``'s tokens)."""
    out: list[Proposal] = []
    taken = held.words | held.sources  # what a new cue or content may not touch; its source may be a speaker's
    for lc in learned:
        cue = lc.span
        if lc.score < min(CUE_MARGIN, STANCE_MARGIN) or any(i in taken for i in range(cue.start, cue.end)):
            continue
        if all(i in in_quote for i in range(cue.start, cue.end)):
            continue
        if not any(t.pos_ in ("VERB", "NOUN") for t in cue):
            continue
        found = _source(cue, in_quote)
        if found is None:
            continue
        speaker, phrase, agreed = found
        source = phrase or doc[speaker.left_edge.i : speaker.right_edge.i + 1]
        if any(i in held.words for i in range(source.start, source.end)):
            continue
        words = _content(cue, source, complement)
        if words is None or _restates(doc[words.span[0] : words.span[1]], held):
            continue
        content = words.span
        kind = _kind(doc[content[0] : content[1]])
        if lc.score < (CUE_MARGIN if kind == "assertion" else STANCE_MARGIN):
            continue
        if kind == "assertion" and (not agreed or (words.loose and content[0] != cue.end)):
            continue  # claims rest on an assertion: the parse must vouch for its speaker, and its words follow the cue
        out.append(Proposal(cue, speaker, phrase, content, kind))
        held.add(range(cue.start, cue.end), range(source.start, source.end), range(*content))
        taken.update(range(cue.start, cue.end), range(source.start, source.end), range(*content))
    return out


def _restates(content: TokenSpan, held: Taken) -> bool:
    """Is ``content`` headed by a speech noun another attribution has for its cue ("repeated [his insistence
    that …]")?  Then the verb restates that attribution; it is not one of its own."""
    return content.root.pos_ == "NOUN" and content.root.i in held.cues


def _speaker_of(source: TokenSpan, cue: TokenSpan) -> bool:
    """Does the parse agree that ``source`` is a noun phrase that speaks through ``cue``: its subject
    (not a passive one: "X is reported to …" says nothing of who reported), its possessor or agent?"""
    if source[-1].pos_ not in _NOMINAL:
        return False
    cue_tokens = range(cue.start, cue.end)
    return any(
        (t.dep_ in ("nsubj", "poss") and t.head.i in cue_tokens)
        or (t.dep_ == "pobj" and t.head.head.i in cue_tokens and t.head.lower_ in ("by", "from", "to"))
        for t in source
    )


def _kind(content: TokenSpan) -> AttributionKind:
    """An assertion when the content states something: a finite clause (not one inside a relative clause) or
    a quotation.  An infinitive is an intention or act ("declined to comment", "plans to run"), whatever finite
    verb it holds; any other content a stance towards its object ("has claimed prisoners who were …")."""
    quoted = any(t.text in _QUOTES for t in content)
    if _infinitive(content):
        return "assertion" if quoted else "intention"
    inside = range(content.start, content.end)
    finite = any(
        t.tag_ in _FINITE and not any(a.dep_ == "relcl" for a in (t, *t.ancestors) if a.i in inside) for t in content
    )
    return "assertion" if quoted or finite else "stance"


def _infinitive(content: TokenSpan) -> bool:
    """Does the content open with an infinitive's "to", however tagged ("hopes [to one day be reunited …]": the
    parser takes a "to" split from its verb for a preposition), not a preposition of the cue ("responded [to
    the elders]", its "to" hung on the cue outside the content)?"""
    first = content[0]
    return first.tag_ == "TO" or (
        first.lower_ == "to"
        and first.head.pos_ in ("VERB", "AUX")
        and first.head.i in range(content.start, content.end)
    )


def _source(cue: TokenSpan, in_quote: set[int]) -> tuple[Token, TokenSpan | None, bool] | None:
    """The speaker of a learned cue, its phrase, and whether the parse agrees it speaks (``_speaker_of``).

    The source tagger's span where it stands apart from the cue's subject; else the subject, whose
    phrase the speaker rules delimit (the tagger cuts a described speaker at a word of its description,
    "Ann Roe, a lawyer for the", which the parse keeps whole).  Only a stance or an intention takes a
    speaker the parse does not vouch for: an assertion carries claims.
    """
    subject = subject_of(cue.root)
    phrase = None if subject is None else cue.doc[subject.left_edge.i : subject.right_edge.i + 1]
    tagged = tag_source(cue, in_quote)
    if tagged is not None and (phrase is None or not _overlap(tagged[0], phrase)):
        return tagged[0].root, tagged[0], _speaker_of(tagged[0], cue)
    if subject is None or phrase is None or subject.pos_ not in _NOMINAL or subject.i in in_quote:
        return None
    return subject, None, _speaker_of(tagged[0] if tagged is not None else phrase, cue)


def _overlap(a: TokenSpan, b: TokenSpan) -> bool:
    return a.start < b.end and b.start < a.end


class _Content(NamedTuple):
    """A learned cue's content as a token range; ``loose`` when it is only the longest stretch of the cue's
    sentence its own words leave, no words the parse hangs on the cue (fit for a stance, not an assertion)."""

    span: tuple[int, int]
    loose: bool = False


def _content(cue: TokenSpan, source: TokenSpan, complement: Complement) -> _Content | None:
    """The rules' content for a learned cue: the verb's complement, what follows a colon, else its clause."""
    doc, root = cue.doc, cue.root
    if any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in root.children):
        return None  # "a group calling itself X" names itself, it reports nothing
    blocked = set(range(cue.start, cue.end)) | set(range(source.start, source.end))
    span = complement(root) if root.pos_ in ("VERB", "AUX") else None
    if span is not None and not (blocked & set(range(span.start, span.end))):
        return _Content((span.start, span.end))
    if cue[-1].text == ":":
        start = cue.end
        while start < len(doc) and doc[start].is_space:
            start += 1  # "Caddell continued:\n\n"…"": what a colon ends a line on is the next paragraph
        stop = start
        while stop < len(doc) and "\n" not in doc[stop].text:
            stop += 1
        return _Content((start, stop)) if stop > start else None
    return _rest_of_clause(root, blocked)


def _rest_of_clause(root: Token, blocked: set[int]) -> _Content | None:
    """The cue's dependents as one stretch, else the longest stretch of its sentence (``loose``).  Its subject is the
    source, and a clause conjoined to it or hung on it as a participle is a thing of its own ("attacked the
    cuts and has called for an inquiry", "complained about the rules, suggesting …": two attributions)."""
    doc = root.doc
    kids = [
        c
        for c in root.children
        if c.dep_ not in _SUBJECTS and c.i not in blocked and not c.is_punct and not _own_clause(c)
    ]
    right = [c for c in kids if c.i > root.i]
    chosen = right or kids
    if chosen:
        lo = min(c.left_edge.i for c in chosen)
        hi = max(c.right_edge.i for c in chosen) + 1
        if not blocked & set(range(lo, hi)):
            own = _strip(doc, lo, hi)
            return _Content(own) if own else None
    stretch = longest_stretch(range(root.sent.start, root.sent.end), blocked)
    loose = _strip(doc, *stretch) if stretch else None
    return _Content(loose, loose=True) if loose else None


def _own_clause(child: Token) -> bool:
    """A conjunction, a conjoined verb or a trailing participle: the start of another clause."""
    if child.dep_ == "cc":
        return True
    verb = child.pos_ in ("VERB", "AUX")
    return verb and (child.dep_ == "conj" or (child.dep_ == "advcl" and child.tag_ == "VBG" and child.i > child.head.i))


def _strip(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    while lo < hi and doc[lo].is_punct and doc[lo].text not in "\"“'‘":
        lo += 1
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in "\"”'’":
        hi -= 1
    return (lo, hi) if hi > lo else None
