"""Reported speech (PARC/PolNeAR style): who said what, with which cue.

Three shapes, each from structure rather than from wording:

* direct quotes — a quotation (``quotes.find_quotes``) with a speech cue just
  after it ('"…," says X.') or just before it ('X adds: "…"'), or a quote
  split by its cue ('"…," he said. "…"'), which inherits the first part's speaker;
* indirect speech — a speech verb with a clausal complement ("X stated that
  Y", "X claims to be Y"), or a denial verb with an object ("X denies any
  links to Y"); the content starts where the complement starts;
* "according to X" — the clause it modifies is the content.

Speakers are resolved to entities through ``coref.EntityIndex``.  An
attribution whose speaker cannot be found (a passive "is reported to") is
left out: without a source it says nothing about who said it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from claimgraph.model import Attribution, AttributionKind, Entity, SourceSpan, Span
from claimgraph.names import fold
from claimgraph.nlp import columns, lexicon
from claimgraph.nlp.attribution.hybrid import Taken, learned_cues, propose, refine_cues, refine_source
from claimgraph.nlp.attribution.quotes import Quote, find_quotes, quoted_tokens
from claimgraph.nlp.attribution.speakers import (
    Speakers,
    is_cue,
    is_object_cue,
    is_passive,
    is_quote_cue,
    np_start,
    quoted_as,
    subject_of,
    trailing_participle,
)
from claimgraph.nlp.attribution.tagger import LearnedCue
from claimgraph.nlp.entities.coref import EntityIndex, entity_index
from claimgraph.nlp.stretches import longest_stretch

_STOPS = frozenset({".", "!", "?", ";"})
_FRAME = 10  # tokens searched beside a quote for its cue
_TO_COMPLEMENT = frozenset({"claim", "promise", "vow", "threaten", "pledge", "agree", "deny", "refuse", "insist"})
_OBJECT_COMPLEMENT = frozenset({"urge", "ask", "call", "tell", "warn", "encourage", "persuade"})
_CONTENT_PREPS = frozenset({"for", "on", "as", "of"})
_NAMING_VERBS = frozenset({"call"})  # object verbs whose bare object is a thing named or convened, not a report
_AIM_PREPS = frozenset({"to", "at", "as", "with"})  # besides the speech lexicon's topic prepositions
_TIME_NOUNS = frozenset({"time", "moment", "point", "hour", "day", "week", "month", "year"})  # "said at the time"
_SPLIT_GAP = 120  # characters between the parts of a quote split by its cue
_QUOTE_MARKS = '"“”„«»'
_CLOSING_TAIL = re.compile(r'[.,!?…]?["”»]')
_LINE_SPEAKER = re.compile(r"^[ \t]*([\"“]?)([A-Z][^:\n]{0,60}?):[ \t]+(?=\S)", re.MULTILINE)
_LINE_SPEAKER_WORDS = 6
_TRANSCRIPT_WORDS = 3  # "WALLACE:", "SEN. ROE:": a transcript's speaker label is a short name
_VERB_GROUP = frozenset({"aux", "auxpass", "neg", "advmod"})
_SPEAKER_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ"})
_ADDRESSEE_VERBS = frozenset({"tell", "inform", "brief", "assure"})
_BARE_SPEAKER = 4
_SIGNATURE_DASHES = frozenset({"―", "—", "–"})
_CONTENT_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB", "X"})
_TIME_PHRASE = 4  # longest phrase between a speech noun and its 'that' clause ("in early December")
_SIGNATURE_WORDS = 6  # tokens other than white space after a signing dash: a name, not a sentence
_SPEAKER_HEADS = frozenset({"NOUN", "PROPN", "PRON"})
LEARNED_RULE_SOURCES = False  # words a speaker may take between a comma-less quote and its cue


@dataclass(slots=True)
class _Page:
    """One document's parse with what every rule needs, computed once (``Doc.text`` rebuilds the text on each access)."""

    doc: Doc
    text: str
    starts: list[int]  # token start offsets, for character → token lookups
    in_quote: set[int]  # tokens inside a quotation

    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after character ``char``."""
        return bisect_left(self.starts, char)

    def reported(self, lo: int, hi: int, cue: TokenSpan) -> tuple[int, int] | None:
        """Indirect content ``lo``–``hi`` kept to the cue's line, then trimmed: the parser runs
        sentences over line breaks ("… he says\n\n12:40 p.m."), reported speech never does."""
        lo = max(lo, self.text.rfind("\n", 0, cue.start_char) + 1)
        stop = self.text.find("\n", cue.end_char)
        return _trim(self.text, lo, min(hi, stop) if stop >= 0 else hi)


@dataclass(slots=True)
class _Found:
    speaker: Token
    cue: TokenSpan
    content: tuple[int, int]
    direct: bool
    phrase: TokenSpan | None = None  # the source's words when they are not the speaker's noun phrase
    kind: AttributionKind = "assertion"


def find_attributions(doc: Doc, entities: list[Entity]) -> list[Attribution]:
    """Every assertion attributed in ``doc``, its source resolved to ``entities`` where possible."""
    return attributions_and_stances(doc, entities)[0]


def attributions_and_stances(doc: Doc, entities: list[Entity]) -> tuple[list[Attribution], list[Attribution]]:
    """The assertions (a1, a2 …), and apart from them the stances and intentions (s1, s2 …, ``hybrid._kind``):
    claims and events rest on what was stated, PARC/PolNeAR count all three."""
    found = _attributions(doc, entities)
    return [a for a in found if a.kind == "assertion"], [a for a in found if a.kind != "assertion"]


def _attributions(doc: Doc, entities: list[Entity]) -> list[Attribution]:
    index = entity_index(doc, entities)
    text = doc.text
    quotes = find_quotes(text)
    page = _Page(doc, text, columns.integers(doc, IDX), quoted_tokens(doc, quotes))
    found = _direct(page, quotes, index)
    used_cues = {f.cue.start for f in found}
    found += _indirect(page, used_cues, {f.cue.root.i: f for f in found})
    found += _trailing(page, used_cues | {f.cue.start for f in found})
    found += _according_to(page)
    found += _in_finding(page)
    found += _nominal(page)
    found += _headline(page, index, {f.cue.start for f in found})
    learned = learned_cues(doc, page.in_quote)
    found += _proposed(page, found, learned)
    found = [f for f in found if f.kind != "assertion" or _says_something(page, f)]
    found.sort(key=lambda f: (min(f.content[0], f.cue.start_char), f.cue.start_char))
    speakers = Speakers(index)
    sources = [_source(speakers, f, page.in_quote) for f in found]
    cues = refine_cues([_verb_group(f.cue) if len(f.cue) == 1 else f.cue for f in found], learned)
    counts = {"assertion": 0, "other": 0}
    out: list[Attribution] = []
    for f, source, cue in zip(found, sources, cues, strict=True):
        group = "assertion" if f.kind == "assertion" else "other"
        counts[group] += 1
        cue, content = _with_preposition(cue, f.content, text)
        out.append(
            Attribution(
                id=f"{'a' if group == 'assertion' else 's'}{counts[group]}",
                source=source,
                cue=Span(cue.start_char, cue.end_char, cue.text),
                content=Span(content[0], content[1], text[content[0] : content[1]]),
                direct=f.direct,
                kind=f.kind,
            )
        )
    return out


def _with_preposition(cue: TokenSpan, content: tuple[int, int], text: str) -> tuple[TokenSpan, tuple[int, int]]:
    """The cue with the preposition or particle that joins its verb to the content ("called for [a truce]",
    "bristled at [the suggestion]", "pointed out [that …]"): PARC/PolNeAR end the cue with it and take its
    object for the content.  Only a word the parse hangs on the cue's verb, right after the cue, with the
    content opening at it (it leaves the content) or right after it."""
    doc = cue.doc
    if cue.end >= len(doc) or cue.root.pos_ not in ("VERB", "AUX"):
        return cue, content
    word = doc[cue.end]
    if not cue.start <= word.head.i < cue.end or not (_topic_preposition(word) or word.tag_ == "RP"):
        return cue, content
    after = word.idx + len(word.text)
    if content[0] == word.idx:
        content = (after + len(word.whitespace_), content[1])
        if content[0] >= content[1]:
            return cue, (word.idx, content[1])
    elif content[0] < after or text[after : content[0]].strip():
        return cue, content
    return doc[cue.start : cue.end + 1], content


def _topic_preposition(word: Token) -> bool:
    """A preposition that says what speech is about or aimed at ("for", "about", "at", "as"), not when or where
    ("tweeted in the morning", "announced on Friday", "said at the time")."""
    if word.dep_ != "prep" or word.lower_ not in lexicon.speech().topic_preps | _AIM_PREPS:
        return False
    return not any(
        c.dep_ == "pobj" and (c.ent_type_ in ("DATE", "TIME") or c.lemma_.lower() in _TIME_NOUNS) for c in word.children
    )


def _says_something(page: _Page, found: _Found) -> bool:
    """Does the content hold a word that says something: a noun, name, adjective, number or verb, or a
    quotation?  A content of a pronoun or a conjunction alone ("he regarded [that]", "praised [me]") is a
    parse that cut the real content off: no assertion (claims rest on it) is kept without one, while a
    stance or intention, which no claim rests on, keeps its cue and source (PolNeAR counts them)."""
    if any(c in _QUOTE_MARKS for c in page.text[found.content[0] : found.content[1]]):
        return True
    tokens = page.doc[page.token_at(found.content[0]) : page.token_at(found.content[1])]
    return any(t.pos_ in _CONTENT_WORDS for t in tokens)


def _proposed(page: _Page, found: list[_Found], learned: list[LearnedCue]) -> list[_Found]:
    """The taggers' attributions outside every rule one (``hybrid.propose``), content trimmed to its line."""
    doc = page.doc
    taken = Taken(set(), set())
    for f in found:
        source = range(f.phrase.start, f.phrase.end) if f.phrase is not None else range(f.speaker.i, f.speaker.i + 1)
        taken.add(
            range(f.cue.start, f.cue.end), source, range(page.token_at(f.content[0]), page.token_at(f.content[1]))
        )
        taken.sources.add(f.speaker.i)
    out: list[_Found] = []
    for p in propose(doc, learned, taken, page.in_quote, _complement):
        first, last = doc[p.content[0]], doc[p.content[1] - 1]
        if p.cue[-1].text == ":":  # a colon's content is its own line, the cue's or the next one
            chars = _trim(page.text, first.idx, last.idx + len(last.text))
        else:
            chars = page.reported(first.idx, last.idx + len(last.text), p.cue)
        if chars is not None:
            direct = page.text[chars[0]] in _QUOTE_MARKS
            out.append(_Found(p.speaker, p.cue, chars, direct, p.phrase, p.kind))
    return out


def _verb_group(cue: TokenSpan) -> TokenSpan:
    """A verb cue with the auxiliaries, negation and adverbs just before it, the adverbs just after it and a
    colon after those ("has also said", "did not deny", "he said then", "complained bitterly", "tweeted:"):
    PARC/PolNeAR mark the whole verb group as the cue."""
    verb, doc = cue[0], cue.doc
    if len(cue) != 1 or verb.pos_ not in ("VERB", "AUX"):
        return cue
    start = verb.i
    while start > 0 and doc[start - 1].head == verb and doc[start - 1].dep_ in _VERB_GROUP:
        start -= 1
    end = verb.i + 1
    while end < len(doc) and doc[end].head == verb and doc[end].dep_ == "advmod" and doc[end].pos_ == "ADV":
        end += 1
    if end < len(doc) and doc[end].text == ":":
        end += 1
    return doc[start:end]


def _source(speakers: Speakers, found: _Found, in_quote: set[int]) -> SourceSpan:
    source = speakers.span(_on_cue_line(found.speaker, found.cue))  # in reading order: it remembers who spoke last
    phrase = found.phrase
    if phrase is None and LEARNED_RULE_SOURCES:
        phrase = refine_source(found.cue, source.start, source.end, in_quote)
    if phrase is None:
        return source
    return SourceSpan(phrase.start_char, phrase.end_char, phrase.text, source.entity)


def _on_cue_line(speaker: Token, cue: TokenSpan) -> Token:
    """The speaker on its cue's own line: a parse that runs over a line break takes a dateline for the
    subject ("LONDON 1996-08-31\nA rebel group said …"), but a speaker before its cue is never on an
    earlier line.  The noun phrase that opens the cue's line and hangs outside it is the speaker."""
    doc = cue.doc
    if speaker.i >= cue.start or not any("\n" in t.text_with_ws for t in doc[speaker.i : cue.start]):
        return speaker
    first = cue.start
    while first > speaker.i and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
    line = range(first, cue.start)
    heads = [t for t in doc[first : cue.start] if t.pos_ in _SPEAKER_HEADS and t.head.i not in line]
    return heads[0] if heads else speaker


def _direct(page: _Page, quotes: list[Quote], index: EntityIndex) -> list[_Found]:
    doc = page.doc
    out: list[_Found] = []
    last: tuple[Quote, _Found] | None = None
    for quote in quotes:
        if _trim(page.text, quote.start, quote.end) is None:
            continue
        content = (quote.open_at, quote.close_at + 1)  # the marks belong to the quotation (PARC/PolNeAR)
        hit = (
            _signed(page, quote)
            or _cue_after(page, quote)
            or _cue_before(page, quote)
            or _named_colon(page, quote, index)
        )
        if hit is not None:
            cue, speaker, phrase = hit
            found = _Found(speaker, doc[cue.i : cue.i + 1], content, True, phrase)
        elif last is not None and _split_from(last, quote):
            found = _Found(last[1].speaker, last[1].cue, content, True)
        else:
            continue
        if last is not None and found.cue.start == last[1].cue.start and _continues(page.text, last[0], quote):
            last[1].content = (last[1].content[0], content[1])
            last = (quote, last[1])
            continue
        out.append(found)
        last = (quote, found)
    return out


def _split_from(last: tuple[Quote, _Found], quote: Quote) -> bool:
    """Is ``quote`` the second half of a quote split by the previous one's cue?"""
    previous, found = last
    return previous.close_at < found.cue.start_char < quote.open_at and quote.open_at - previous.close_at <= _SPLIT_GAP


def _continues(text: str, previous: Quote, quote: Quote) -> bool:
    """Is ``quote``, spoken through the cue of ``previous``, the same quotation resumed on its line
    ('"…," he said, "…"', '"…," he said. "…"')?  Then the two are one attribution whose content runs from
    the first quote mark to the last, the reporting clause inside it: PARC/PolNeAR annotate one attribution
    whose content is the quotation's parts, and a parenthetical cue's content holds the cue too ("The plan,
    he said, will fail").  A quotation in the next paragraph is an attribution of its own."""
    return "\n" not in text[previous.close_at : quote.open_at]


def _cue_after(page: _Page, quote: Quote) -> tuple[Token, Token, TokenSpan | None] | None:
    """'"…," says X.' / '"…," he said.': a cue right after the closing mark."""
    doc, in_quote = page.doc, page.in_quote
    start = page.token_at(quote.close_at + 1)
    frame: list[Token] = []
    for tok in doc[start : start + _FRAME]:
        if tok.i in in_quote or tok.text in _STOPS or "\n" in tok.text:
            break
        frame.append(tok)
    if not frame:
        return None
    # a scrape may have lost the comma ('"…" Omar Haddad said'): then only a bare speaker may stand before the cue
    bare = frame[0].text not in (",", "-", "—", "–") and not _follows_comma(page.text, quote)
    if bare and not page.text[quote.start : quote.end].rstrip()[-1:].isalnum():
        return None  # '… to it." A spokesperson said': a quote that closes its sentence is not the next one's
    for pos, tok in enumerate(frame):
        if bare and (pos > _BARE_SPEAKER or tok.pos_ not in _SPEAKER_POS | {"VERB"}):
            return None
        if is_quote_cue(tok) and tok.pos_ in ("VERB", "AUX", "NOUN") and tok.dep_ not in ("amod", "compound"):
            speaker = subject_of(tok)
            if speaker is None or speaker.i in in_quote or speaker not in frame:
                speaker = _neighbour(frame, pos)
            if speaker is None:
                return None
            phrase = doc[frame[0].i : tok.i] if bare and pos else None  # the parse may run the name into the quote
            return tok, speaker, phrase
    return None


def _signed(page: _Page, quote: Quote) -> tuple[Token, Token, TokenSpan] | None:
    """'"…" ― Ana Ruiz': a quotation signed with a dash and a name that ends its line (testimonials,
    epigraphs, readers' comments); the dash is the cue, the name the source."""
    doc = page.doc
    at = page.token_at(quote.close_at + 1)
    if at >= len(doc) or doc[at].text not in _SIGNATURE_DASHES or "\n" in doc[at].text_with_ws:
        return None
    end, signed = at + 1, 0  # the tokens up to the line's end; white space ("―\u00a0Ana Ruiz") is no word
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws and signed <= _SIGNATURE_WORDS:
        signed += not doc[end].is_space
        end += 1
    words = [t for t in doc[at + 1 : end] if not (t.is_punct or t.is_space)]
    if not words or signed > _SIGNATURE_WORDS or not words[0].is_title:
        return None
    if any(t.pos_ in ("VERB", "AUX") and not t.is_title for t in words):
        return None  # '"…" — then the crowd left': the line goes on as a sentence
    phrase = doc[words[0].i : words[-1].i + 1]
    return doc[at], phrase.root, phrase


def _named_colon(page: _Page, quote: Quote, index: EntityIndex) -> tuple[Token, Token, TokenSpan] | None:
    """'… reject the term. Clinton: "Our goal is …"': a person's name opening a sentence, a colon, a quotation
    (debate round-ups, interview digests).  Only a person the article names: "Poll: …", "Source: …" are labels."""
    doc = page.doc
    at = page.token_at(quote.open_at) - 1
    while at > 0 and doc[at].is_space:
        at -= 1
    if at < 1 or doc[at].text != ":" or (name := index.mention_range(doc[at - 1])) is None or name[1] != at:
        return None
    before = doc[name[0] - 1] if name[0] > 0 else None
    opens = before is None or "\n" in before.text_with_ws or before.text in _STOPS or before.text in _QUOTE_MARKS
    speaker = doc[name[0] : name[1]]
    if not opens or index.type_of(index.named(speaker.root)) != "PERSON" or at in page.in_quote:
        return None
    return doc[at], speaker.root, speaker


def _follows_comma(text: str, quote: Quote) -> bool:
    """The quote itself ends in a comma or other mark before the closing quote ('…," he said')."""
    body = text[quote.start : quote.end].rstrip()
    return body.endswith((",", "?", "!", "—", "-", "…"))


def _neighbour(frame: list[Token], pos: int) -> Token | None:
    """The speaker next to a cue the parser did not link: 'he ads', 'says Yarlykapov'."""
    for tok in (frame[pos - 1] if pos else None, frame[pos + 1] if pos + 1 < len(frame) else None):
        if tok is not None and tok.pos_ in ("PRON", "PROPN", "NOUN"):
            return tok
    return None


def _cue_before(page: _Page, quote: Quote) -> tuple[Token, Token, None] | None:
    """'X adds: "…"' / 'X said, "…"': a cue with its subject just before the opening mark."""
    doc, in_quote = page.doc, page.in_quote
    end = page.token_at(quote.open_at)
    while end > 0 and doc[end - 1].is_space and end - 1 > 0 and doc[end - 2].text == ":":
        end -= 1  # 'He said:\n\n"…"': a colon opens the quoted paragraph below it
    if end == 0 or doc[end - 1].text not in (":", ","):
        return None
    for tok in reversed(doc[max(0, end - 2 * _FRAME) : end - 1]):
        if tok.i in in_quote or tok.text in _STOPS or "\n" in tok.text:
            break
        if is_cue(tok) and not is_passive(tok):
            speaker = subject_of(tok)
            return (tok, speaker, None) if speaker is not None and speaker.i not in in_quote else None
    return None


def _trim(text: str, start: int, end: int, *, final_stop: bool = False) -> tuple[int, int] | None:
    """``start``/``end`` moved inwards past spaces and edge punctuation (None when empty); with
    ``final_stop`` a closing full stop goes too (a headline's content ends before it).

    A quote mark at an edge stays when the content quotes a phrase ('he is "a hell of a lot worse."'):
    a closing mark whose opening mark is inside is kept, and a quotation the content ends in the middle
    of is closed ('… worse' + '."') so the span holds the quoted words whole."""
    junk = " \t\n,;:—–-"
    while start < end and text[start] in junk:
        start += 1
    while end > start and (text[end - 1] in junk or (final_stop and text[end - 1] == ".")):
        end -= 1
    body = text[start:end]
    if _open_marks(body) > 0:
        tail = _CLOSING_TAIL.match(text, end)
        end = tail.end() if tail else end
    elif _open_marks(body) < 0 and body[-1:] in _QUOTE_MARKS:
        end -= 1
    if body[:1] in _QUOTE_MARKS and _open_marks(text[start:end]) > 0:
        start += 1
    return (start, end) if end > start else None


def _open_marks(body: str) -> int:
    """Opening minus closing quote marks (straight marks counted in pairs: odd means one is open)."""
    return body.count("“") - body.count("”") + body.count('"') % 2


def _indirect(page: _Page, used: set[int], quoted: dict[int, _Found]) -> list[_Found]:
    """Indirect speech; ``quoted`` maps the cue of each quotation found to its speaker, whom a participle
    cue on that cue speaks for ('"…" Ana Ruiz said adding that …', where the parse gave "said" no subject)."""
    doc, in_quote = page.doc, page.in_quote
    out: list[_Found] = []
    for tok in doc:
        if tok.i in used or tok.i in in_quote or not (is_cue(tok) or is_object_cue(tok)) or is_passive(tok):
            continue
        content = _complement(tok)
        if content is None or (content[0].i in in_quote and content[0].i - 1 in in_quote):
            continue
        speaker = subject_of(tok)
        cue, phrase = doc[tok.i : tok.i + 1], None
        if speaker is None and (quoting := quoted_as(tok)) is not None:
            speaker, cue = quoting[0], doc[quoting[1].i : tok.i + 1]  # "quoted sources as saying"
        elif speaker is None and (bare := _bare_subject(tok)) is not None and content.start < bare.i < tok.i:
            speaker, content = bare, doc[content.start : np_start(bare)]  # "… were wounded residents said"
        elif speaker is None and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.i in quoted:
            speaker, phrase = quoted[tok.head.i].speaker, quoted[tok.head.i].phrase
        if speaker is None or not len(content) or _speaker_inside(content, speaker, tok):
            continue
        chars = page.reported(content[0].idx, content[-1].idx + len(content[-1].text), cue)
        if chars is not None:
            out.append(_Found(speaker, cue, chars, False, phrase))
    return out


def _speaker_inside(content: TokenSpan, speaker: Token, cue: Token) -> bool:
    """Does the content take in its own speaker?  Only a parenthetical cue may sit inside its content
    ("The plan, he said, will fail"), with its speaker among its own words."""
    if not content[0].i <= speaker.i <= content[-1].i:
        return False
    return not (content[0].i < cue.left_edge.i <= speaker.i <= cue.right_edge.i < content[-1].i)


def _bare_subject(cue: Token) -> Token | None:
    """The noun just before a cue that has no subject, where a scrape lost the comma and the parser
    took the speaker into the content ("… in the attack on the base residents said")."""
    i = cue.i - 1
    while i >= 0 and cue.doc[i].dep_ in _VERB_GROUP and cue.doc[i].head == cue:
        i -= 1
    tok = cue.doc[i] if i >= 0 else None
    return (
        tok if tok is not None and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("pobj", "dobj", "compound") else None
    )


def _trailing(page: _Page, used: set[int]) -> list[_Found]:
    """A reporting clause closing a sentence without a comma ("… in the hills a local official told the
    agency on Friday."): the parser hangs it anywhere (a conjunct, an adverbial or relative clause, a
    clause of the last noun); the sentence before its subject is the content."""
    doc, in_quote = page.doc, page.in_quote
    out: list[_Found] = []
    for tok in doc:
        if tok.i in used or tok.i in in_quote or not is_cue(tok) or tok.dep_ == "ROOT" or is_passive(tok):
            continue
        speaker = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if speaker is None and tok.dep_ in ("acl", "relcl") and tok.head.i == tok.i - 1:
            speaker = tok.head  # "… villages a military source told SANA": the cue parsed as the noun's clause
        # what follows a reporting clause is at most its addressee ('told the agency'), never a thing said
        # ('their smiles said a lot'), and "X, and they know it" is a clause of its own
        objects = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp", "cc")]
        if speaker is None or any(c.dep_ != "dobj" or tok.lemma_ not in _ADDRESSEE_VERBS for c in objects):
            continue
        sent = tok.sent
        if any(t.pos_ in ("VERB", "AUX") for t in doc[tok.i + 1 : sent.end]):
            continue  # the clause goes on: it reports nothing before it
        start = np_start(speaker)
        if any(doc[k].dep_ not in _VERB_GROUP for k in range(speaker.i + 1, tok.i)) or start - sent.start < 3:
            continue
        if doc[start - 1].pos_ in ("CCONJ", "SCONJ") or doc[start - 1].is_punct or doc[start - 1].lower_ == "that":
            continue  # "…, and they know it", "the fact that they show …": a clause of its own
        cue = doc[tok.i : tok.i + 1]
        chars = page.reported(doc[sent.start].idx, doc[start - 1].idx + len(doc[start - 1].text), cue)
        if chars is not None:
            out.append(_Found(speaker, cue, chars, False, doc[start : speaker.i + 1]))
    return out


def _complement(cue: Token) -> TokenSpan | None:
    """The reported content of a speech verb: its clause, 'to' complement, or a denied object."""
    doc, lemma = cue.doc, cue.lemma_.lower()
    children = list(cue.children)
    # a clause past a line break is the parse running over a paragraph ("She said X.\n\nUnder the plan …")
    clauses = [
        c
        for c in children
        if c.dep_ == "ccomp" and not _across_line(cue, c) and not _small_clause(c) and not _reflexive_clause(c)
    ]
    if clauses:
        clause = max(clauses, key=lambda c: c.right_edge.i - c.left_edge.i)
        start = _split_clause_start(clause, clauses)
        while start < clause.i and doc[start].is_punct:  # "that" stays: PARC content spans the whole complement
            start += 1
        lost = _lost_subject(cue, clause)
        if lost is None and _subjectless(doc[start : clause.right_edge.i + 1], clause):
            return None  # "the refugees admitted are women": a participle taken for a cue whose clause has no subject
        start = lost if lost is not None else start
        end = clause.right_edge.i + 1
        participle = trailing_participle(clause)  # "…, adding that …" is the next thing said
        if participle is not None:
            end = participle.left_edge.i
            while end > start + 1 and doc[end - 1].is_punct:
                end -= 1
        return doc[start:end]
    timed = _clause_of_time(cue)
    if timed is not None:
        return timed
    if cue.dep_ == "parataxis" and not any(c.dep_ in ("dobj", "xcomp") for c in children):
        return _around(cue)  # "The plan, he said, will fail" / "…, Graham said, since …"
    words = lexicon.speech()
    xcomps = [c for c in children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]
    objects = [c for c in children if c.dep_ == "dobj"]
    if xcomps and lemma in _OBJECT_COMPLEMENT and objects:
        return doc[objects[0].left_edge.i : xcomps[0].right_edge.i + 1]
    if xcomps and lemma in _TO_COMPLEMENT:
        return doc[xcomps[0].left_edge.i : xcomps[0].right_edge.i + 1]
    if lemma in lexicon.polarity().denial_verbs:
        denied = objects and objects[0].lemma_.lower() in words.denial_objects
        return doc[objects[0].left_edge.i : objects[0].right_edge.i + 1] if denied else None
    if lemma in words.object_verbs:
        parts = [c for c in children if c.dep_ in ("dobj", "oprd", "xcomp")]
        # "called on the government to intervene": the content starts at the preposition's object
        parts += [o for c in children if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS for o in c.children]
        if lemma in _NAMING_VERBS and all(p.dep_ == "dobj" for p in parts):
            return None  # "called an emergency meeting", "as they call the region": a bare object is no report
        if parts and not any(p.lower_.endswith(("self", "selves")) for p in parts):  # "calling itself …" names
            return doc[min(p.left_edge.i for p in parts) : max(p.right_edge.i for p in parts) + 1]
    return None


def _clause_of_time(cue: Token) -> TokenSpan | None:
    """'said at the time that the bridge would reopen': the parser hangs the 'that' clause on "time" as a
    relative clause, yet after a speech verb it is what was said, from its 'that' on."""
    doc = cue.doc
    for noun in (o for p in cue.children if p.dep_ == "prep" and p.lower_ == "at" for o in p.children):
        after = noun.i + 1
        if noun.dep_ != "pobj" or noun.lower_ != "time" or after >= len(doc) or doc[after].lower_ != "that":
            continue
        clause = next((c for c in noun.children if c.dep_ == "relcl" and c.left_edge.i == after), None)
        if clause is not None:
            return doc[after : clause.right_edge.i + 1]
    return None


def _reflexive_clause(clause: Token) -> bool:
    """A clause whose subject is the speaker again ("found themselves stuck", "finds itself isolated"): the
    verb says what became of its subject, not what anyone reported."""
    return any(c.dep_ == "nsubj" and c.lower_.endswith(("self", "selves")) for c in clause.children)


def _split_clause_start(clause: Token, clauses: list[Token]) -> int:
    """Where ``clause`` starts, with the cue's other clauses that run into it from the left: the parser splits
    one complement in two ("speculated [that the men detained] [could be part of the group]": a participle
    after the subject taken for its verb), and the content is the whole of it."""
    start = clause.left_edge.i
    for other in sorted((c for c in clauses if c.i < clause.i), key=lambda c: -c.right_edge.i):
        if other.right_edge.i + 1 != start:
            break
        start = other.left_edge.i
    return start


def _subjectless(content: TokenSpan, clause: Token) -> bool:
    """A finite clause with no subject anywhere in it and no 'that' opening it: no complement a speaker
    reports ("… refugees admitted [are women and children]": the cue is a participle of the real clause)."""
    finite = clause.tag_ in ("VBZ", "VBP", "VBD") or any(c.tag_ == "MD" for c in clause.children)
    subjects = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
    return finite and content[0].lower_ != "that" and not any(t.dep_ in subjects for t in content)


def _small_clause(clause: Token) -> bool:
    """A bare '-ing' clause ("found the area welcoming", "saw them leaving"): a perception, not a statement."""
    return clause.tag_ == "VBG" and not any(c.dep_ in ("aux", "mark") for c in clause.children)


def _across_line(cue: Token, clause: Token) -> bool:
    """Is there a line break between ``cue`` and the start of ``clause`` (on either side)?"""
    lo, hi = sorted((cue.i, clause.left_edge.i))
    return any("\n" in t.text_with_ws for t in cue.doc[lo:hi])


def _lost_subject(cue: Token, clause: Token) -> int | None:
    """Where a complement clause without a subject really starts: the parser takes its subject for the
    cue's object or a phrase of its own ("warned the decision to X could put …", "said between 20 and 30
    fighters were active"), so the cue's dependents between it and the clause are the clause's words."""
    doc = cue.doc
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in clause.children):
        return None
    lost = [c for c in cue.children if cue.i < c.i < clause.i and c.dep_ in ("dobj", "prep", "npadvmod", "attr")]
    if not lost:
        return None
    start = min(c.left_edge.i for c in lost)
    between = doc[start : clause.left_edge.i]
    return start if start > cue.i and not any(t.is_punct for t in between) else None


def _around(cue: Token) -> TokenSpan | None:
    """The clause a parenthetical cue interrupts.

    Between a subject and its verb ("The plan, he said, will fail") the cue
    splits one statement, so the content is the whole clause, starting at its
    subject, with the cue's words inside it.  Elsewhere ("…, Graham said,
    since …") it is the longest stretch of the clause, the cue's own words left out.
    """
    doc, head = cue.doc, cue.head
    if head.i > cue.i and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.left_edge.i for c in head.children):
        return doc[head.left_edge.i : head.right_edge.i + 1]
    stretch = longest_stretch(
        range(head.left_edge.i, head.right_edge.i + 1), range(cue.left_edge.i, cue.right_edge.i + 1)
    )
    return doc[stretch[0] : stretch[1]] if stretch else None


def _nominal(page: _Page) -> list[_Found]:
    """Speech nouns (PARC's nominal cues) whose source is explicit: a 'that' clause ("Trump's claims that …",
    "an announcement by X that …") or a topic after a preposition ("X's allegations of fraud", "questions
    about the deal" raised by someone, "expressed support for the plan")."""
    doc, in_quote = page.doc, page.in_quote
    out: list[_Found] = []
    words = lexicon.speech()
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or tok.i in in_quote or lemma not in words.cue_nouns | words.stance_nouns:
            continue
        cue = doc[tok.i : tok.i + 1]
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and _starts_with_that(c)), None)
        that = _that_after(tok)
        if clause is not None and lemma in words.cue_nouns:
            content = doc[clause.left_edge.i : clause.right_edge.i + 1]
        elif that is not None and lemma in words.cue_nouns:
            content = doc[that.i : that.head.right_edge.i + 1]
        else:
            prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in words.topic_preps), None)
            topic = next((o for o in prep.children if o.dep_ in ("pobj", "pcomp")), None) if prep else None
            if prep is None or topic is None:
                continue
            content, cue = doc[topic.left_edge.i : topic.right_edge.i + 1], doc[tok.i : prep.i + 1]
        speaker = _nominal_source(tok, lemma in words.stance_nouns and lemma not in words.cue_nouns)
        if speaker is None:
            continue
        if speaker.head == tok.head and tok.dep_ == "dobj":  # "has raised questions about": the light verb's group
            cue = doc[_verb_group(doc[tok.head.i : tok.head.i + 1]).start : cue.end]
        chars = page.reported(content[0].idx, content[-1].idx + len(content[-1].text), cue)
        if chars is not None:
            out.append(_Found(speaker, cue, chars, False))
    return out


def _that_after(noun: Token) -> Token | None:
    """A 'that' opening a clause right after the noun's phrase, which the parser hung elsewhere ("an
    announcement by X in December that US forces would leave", the clause parsed as the main verb's)."""
    doc = noun.doc
    at = noun.right_edge.i + 1
    if at < len(doc) and doc[at].dep_ == "prep" and doc[at].right_edge.i - at < _TIME_PHRASE:
        at = doc[at].right_edge.i + 1  # "… by X [in December] that": the parse hung the phrase on the verb
    if at >= len(doc) or doc[at].lower_ != "that" or doc[at].dep_ != "mark":
        return None
    verb = doc[at].head
    return doc[at] if verb.pos_ in ("VERB", "AUX") and verb.i > at and noun.head != verb else None


def _nominal_source(noun: Token, stance: bool) -> Token | None:
    """Who a speech noun belongs to: its possessor, its 'by'/'from' agent, or the subject of the light verb
    it is the object of ("X raised questions about …") when that subject can speak ("the new captures raised
    questions" is no one's question); a stance noun ("support") only the last, since "Russia's support for
    Assad" is help, not speech."""
    if not stance:
        owner = next((c for c in noun.children if c.dep_ == "poss" and _may_speak(c)), None)
        if owner is not None:
            return owner
        agents = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("by", "from") for o in p.children]
        agent = next((o for o in agents if o.dep_ == "pobj"), None)
        if agent is not None:
            return agent
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in lexicon.speech().light_verbs or is_passive(verb):
        return None
    subject = subject_of(verb)
    return subject if subject is not None and _may_speak(subject) else None


def _may_speak(tok: Token) -> bool:
    """A name, a pronoun, or a noun that names speakers ("the governor's announcement"; not "last month's")."""
    if tok.pos_ in ("PRON", "PROPN"):
        return True
    words = lexicon.speech()
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in words.person_nouns | words.group_nouns | words.outlet_nouns


def _starts_with_that(clause: Token) -> bool:
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "mark" and first.i < clause.i


def _according_to(page: _Page) -> list[_Found]:
    """'…, according to X.' / 'According to X, …': the rest of the sentence is the content."""
    doc, in_quote = page.doc, page.in_quote
    out: list[_Found] = []
    for phrase in lexicon.speech().phrases:
        n = len(phrase)
        for tok in doc:
            if tok.lower_ != phrase[0] or tok.i in in_quote or tok.i + n > len(doc):
                continue
            if tuple(t.lower_ for t in doc[tok.i : tok.i + n]) != phrase:
                continue
            last = doc[tok.i + n - 1]
            speaker = next((c for c in last.children if c.dep_ == "pobj"), None)
            if speaker is None:
                continue
            sent = tok.sent
            cue_span = doc[tok.i : tok.i + n]
            left_end = min(tok.i, tok.left_edge.i)
            right_start = max(speaker.right_edge.i, last.i) + 1
            before = (sent.start, left_end)
            after = (right_start, sent.end)
            lo, hi = max(before, after, key=lambda r: r[1] - r[0])
            if hi <= lo:
                continue
            chars = page.reported(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text), cue_span)
            if chars is not None:
                out.append(_Found(speaker, cue_span, chars, False))
    return out


def _in_finding(page: _Page) -> list[_Found]:
    """'In the latest poll, conducted last week, X leads Y by five points': an 'In' phrase opening a clause
    whose object finds or measures (a poll, a survey, a report) is the source of that clause, 'In' its cue
    (PolNeAR's annotation), as 'according to' makes its object the source."""
    doc, in_quote = page.doc, page.in_quote
    findings = lexicon.speech().finding_nouns
    out: list[_Found] = []
    for tok in doc:
        verb = tok.head
        if tok.lower_ != "in" or tok.dep_ != "prep" or tok.i in in_quote or verb.pos_ not in ("VERB", "AUX"):
            continue
        source = next((c for c in tok.children if c.dep_ == "pobj"), None)
        after = tok.right_edge.i + 1
        if source is None or source.lemma_.lower() not in findings or after >= verb.i or doc[after].text != ",":
            continue  # the phrase must open its clause, set off by a comma: "In the poll, …"
        if is_cue(verb) or is_object_cue(verb):
            continue  # "In a report, the ministry said …": the report is where its speaker spoke
        inner_comma = any(t.text == "," for t in doc[source.i : after])  # "…, conducted in May," is set off
        cue, phrase = doc[tok.i : tok.i + 1], doc[source.left_edge.i : after + 1 if inner_comma else after]
        end = verb.right_edge.i + 1
        while end > after + 1 and doc[end - 1].is_punct:
            end -= 1
        chars = page.reported(doc[after + 1].idx, doc[end - 1].idx + len(doc[end - 1].text), cue)
        if chars is not None:
            out.append(_Found(source, cue, chars, False, phrase))
    return out


def _headline(page: _Page, index: EntityIndex, used: set[int]) -> list[_Found]:
    """'Lynch: No outside influence on the probe': a line opening with a speaker and a colon (headline style),
    and a transcript's turns ('"PENCE: Well, look, …'), whose paragraphs may open with a quote mark.

    The words before the colon are the source, the colon the cue, the rest of
    the line the content.  The speaker must be a short phrase without a verb
    that names a known entity or has a speaker noun for its head, so labels
    ("Photograph: …", "Updated: …") and clock times are not taken for speakers;
    a transcript's upper-case label only when it names a person (``_transcript_speaker``).
    """
    doc, text, words = page.doc, page.text, lexicon.speech()
    speaker_nouns = words.person_nouns | words.group_nouns | words.outlet_nouns
    out: list[_Found] = []
    for m in _LINE_SPEAKER.finditer(text):
        phrase = doc.char_span(m.start(2), m.end(2), alignment_mode="contract")
        colon = page.token_at(m.end(2))
        if phrase is None or len(phrase) > _LINE_SPEAKER_WORDS or colon in used:
            continue
        transcript = _transcript_speaker(phrase, index)
        if not transcript and (m.group(1) or colon in page.in_quote):
            continue  # a quote mark opens a transcript's turn, or a quotation that holds a colon
        if not transcript and any(t.pos_ in ("VERB", "AUX", "NUM") and not t.is_title for t in phrase):
            continue  # a capitalised word opening a headline is a name however it is tagged ("Lynch: …")
        head = phrase.root
        lone_name = len(phrase) == 1 and head.is_title and head.pos_ != "NOUN"
        named = transcript or lone_name or any(index.named(t) for t in phrase)
        if not (named or head.lemma_.lower() in speaker_nouns):
            continue
        stop = text.find("\n", m.end())
        content = _trim(text, m.end(), stop if stop >= 0 else len(text), final_stop=not transcript)
        if content is not None:
            out.append(_Found(head, doc[colon : colon + 1], content, False, phrase))
    return out


def _transcript_speaker(phrase: TokenSpan, index: EntityIndex) -> bool:
    """An upper-case label ("WALLACE", "SEN. ROE") that names a person of the article: the person's mention
    itself, or the one person whose name holds its words ("PENCE" after "Gov. Mike Pence").  A live blog's
    "UPDATE:" or "BREAKING:" names no one, and is no speaker."""
    words = [t for t in phrase if t.is_alpha]
    if not words or len(phrase) > _TRANSCRIPT_WORDS or not all(t.is_upper for t in words):
        return False
    named = {index.named(t) for t in words} - {None}
    if named:
        return all(index.type_of(e) == "PERSON" for e in named)
    return index.person_named({fold(t.text) for t in words if len(t) > 1}) is not None
