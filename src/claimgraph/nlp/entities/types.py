"""The last entity component: every span gets one of the contract's five types.

``claimgraph_entity_types_v1`` runs after the model and our rules and
leaves ``doc.ents`` holding only PERSON, ARMED_GROUP, ORGANIZATION, MEDIA
and PLACE spans, so later stages (attribution, claims) read contract types:

* model labels map to contract types (ORG → ORGANIZATION, GPE/LOC/FAC →
  PLACE); other labels (NORP, DATE, …) are dropped: "Syrian" alone is not
  an actor;
* spans that are not names are dropped: no capital letter, or clock and
  number debris ("UTC +04:00");
* a span the gazetteer knows gets the entry's type and id (guarded forms
  only on spans already taken as names, see ``gazetteer``);
* an ORG whose head says "armed unit" ("… Democratic Forces", "… Protection
  Units", "… Brigades") is an ARMED_GROUP unless a state word or nationality
  precedes the head ("Turkish Armed Forces");
* a PERSON or ORG that is a country, large city or known region is a PLACE;
* a leading lower-case "the" and a trailing possessive are trimmed, so
  mention texts are the names themselves;
* nationality and creed words before an acronym or a listed name are cut
  ("Kurdish YPG" is the YPG, "Islamist Muslim Brotherhood" the Brotherhood);
* an organisation and a nationality side by side are one party's name
  ("Liberal Democrat");
* names a results table ran together with their figures are cut at them
  ("Haitai 2 Samsung 0"), but for a number a noun names ("Unit 8200");
* spans the model glues together are cut apart: a rank or title before a
  person's name ("Royal Marine Kosta Scurfield" is the person "Kosta
  Scurfield"; a title naming a service stays its organisation, "Royal
  Marine"), two known names joined by a preposition ("Isis for the
  YPG"), and a name and the known place it is in ("Khirbet Nasr in Homs");
* a town before "Army units" is where the units fight ("Homs Army units"
  names Homs, a place, and no organisation);
* a capitalised title after "entitled"/"titled" names a work, not an actor;
* a photo credit in a caption ("REUTERS/Jane Roe") names no actor;
* faiths, ideologies, peoples, weapons, days and months are never actors,
  nor is "State" in "Secretary of State";
* an ORG named like a newspaper ("… Post", "… Times") is MEDIA;
* an ORG the text calls the leader of a government ("the government of
  Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan's government") is the person
  who leads it;
* a month after a given name ("Theresa May") is a family name, a body's noun
  after a name's first word ("Football Federation Australia") makes it no
  person's, and a short title alone ("Pres.") names no one.
"""

from __future__ import annotations

import re

from spacy.attrs import IS_TITLE, POS
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimgraph.ingest.boilerplate import photo_credits
from claimgraph.names import HONORIFICS, fold
from claimgraph.nlp import columns
from claimgraph.nlp.entities.aliases import GENERIC_HEADS, surname_variant
from claimgraph.nlp.entities.descriptions import PERSON_NOUNS
from claimgraph.nlp.entities.gazetteer import Gazetteer, GazetteerEntry
from claimgraph.nlp.entities.institution_names import INSTITUTION_HEADS
from claimgraph.nlp.entities.outlets import MEDIA_HEADS
from claimgraph.nlp.entities.places import (
    FACILITY_NOUNS,
    after_preposition,
    country_of,
    is_demonym,
    is_known_place,
    is_place_name,
    toponym_shape,
    with_facility_head,
)

MODEL_TYPES = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
OUR_TYPES = frozenset({"ARMED_GROUP", "ORGANIZATION", "MEDIA", "PLACE"})  # PERSON is also the model's
NAME_LIKE = frozenset({"ORG", "PERSON", "NORP", "ARMED_GROUP", "ORGANIZATION"})

_ARMED_HEADS_WORDS = (
    "brigade brigades battalion battalions militia militias mujahideen mujahidin mujahedeen units forces "
    "legion regiment emirate guerrillas insurgents"
)
ARMED_HEADS = frozenset(_ARMED_HEADS_WORDS.split())
INSURGENT_WORDS = frozenset(["free", "liberation", "revolutionary", "resistance", "rebel", "islamic", "jihad"])
ARMED_NOUNS = frozenset(["militia", "militias", "guerrillas", "insurgents", "rebels", "jihadists", "fighters"])
_CALLED = re.compile(
    r"\b(?:" + "|".join(ARMED_NOUNS) + r")\s*,?\s*(?:(?:also|widely)\s+)?(?:known\s+as|called)(?:\s+the)?$",
    re.IGNORECASE,
)
_STATE_WORDS = (
    "armed defense defence security special air naval navy police border government coalition allied nato "
    "un peacekeeping land ground rocket strategic national royal federal republican presidential"
)
STATE_WORDS = frozenset(_STATE_WORDS.split())
_ACRONYM = re.compile(r"(?!(?:I|II|III|IV|VI|VII|VIII|IX|XI|XII|JR|SR)$)[A-Z]{2,6}")
_NOT_A_NAME = re.compile(r"^[^A-Z]*$|[+:]\s*\d|^\W|\bUTC\b|\bGMT\b|^(?!(?:al|el|ad|as|ash|ar)-)[a-z]")


# Words that are capitalised like names but name no actor: faiths and ideologies, peoples, weapons and
# vehicles, days and months ("Islam", "Druze", "Takfiri", "Humvee", "Monday"), singular or plural.
_NOT_ACTORS_WORDS = (
    "islam christianity judaism buddhism hinduism sikhism catholicism protestantism muslim christian jew jewish "
    "catholic protestant sunni shia shiite shi'ite alawite alawi druze yazidi ismaili salafi salafist wahhabi "
    "takfiri jihadi jihadist islamist sufi salafism wahhabism jihadism islamism zionism zionist communism "
    "communist marxism marxist socialism fascism nazism baathism baathist kurd arab turkmen pashtun hazara tajik "
    "uzbek baluch berber tuareg uighur uyghur rohingya circassian humvee kalashnikov ak-47 m16 katyusha"
)
_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
DATE_WORDS = _WEEKDAYS | MONTHS
NOT_ACTORS = frozenset(_NOT_ACTORS_WORDS.split()) | DATE_WORDS
# Newspaper and broadcaster name heads: an ORG "<Name> <head>" is an outlet ("The Jerusalem Post").
MEDIA_HEADS_LOWER = frozenset(h.lower() for h in MEDIA_HEADS) | {"news", "agency", "radio", "television"}

# Heads that make "<honorific> <Name> <head>" a place or institution ("Prince Sultan Air Base"), not a person.
_FACILITY_HEADS_WORDS = (
    "base airport university hospital school mosque church street road square bridge council party company "
    "foundation institute centre center college academy port palace hotel stadium camp prison fund trust"
)
FACILITY_HEADS = frozenset(_FACILITY_HEADS_WORDS.split())
# Heads that make a name a building or site: a "<person's name> Mosque" the model calls a person is a place.
BUILDING_HEADS = frozenset(["mosque", "church", "cathedral", "shrine", "tomb", "mausoleum", "bridge", "square"])
SERVICE_WORDS = frozenset(["marine", "marines", "navy", "army", "guard", "guards", "police", "air"])
JOINERS = frozenset(["for", "against", "and", "with", "over", "by"])
PLACE_JOINERS = frozenset(["in", "near", "outside"])
WORK_CUES = frozenset(["entitled", "titled"])
# Words written before a group's name that describe it rather than name it ("Islamist", "jihadist").
EPITHETS = frozenset(["islamist", "jihadist", "jihadi", "militant", "radical", "extremist", "hardline", "rebel"])
# Lower-case particles inside a person's name ("Staffan de Mistura", "Osama bin Laden").
NAME_PARTICLES = frozenset(
    ["de", "da", "di", "du", "del", "dos", "das", "van", "von", "der", "den", "bin", "ibn", "ben"]
)
# Words that make a capitalised run a body's name, not a person's ("Human Rights Watch", "Red Crescent").
INSTITUTION_WORDS = frozenset(
    ["rights", "watch", "crescent", "cross", "nations", "ministry", "office", "agency", "committee", "commission"]
)
# Facility nouns that alone make the name before them a site's even where the model read a person or a
# body ("Ayn al-Assad airbase"; after a modifier any facility noun: "Shaar gas field"); not "camp" or
# "base" alone ("the Assad camp", "Trump's base").
SITE_NOUNS = frozenset(["airbase", "airport", "dam", "prison", "oilfield", "crossing"])
LED_BODIES = frozenset(["government", "regime", "administration", "cabinet", "presidency"])
# The nouns of bodies' names, which no person's name holds after its first word ("Football Federation Australia").
BODY_NOUNS = frozenset([h.lower() for h in INSTITUTION_HEADS] + ["ministry", "council", "university", "party"])
# Where the mapping leaves the label each span had before it (first token → label), for the type corrector.
LABELS_BEFORE = "claimgraph_labels_before"


def not_an_actor(span: Span) -> bool:
    """A faith, people, weapon or date word ("Islam", "Sunnis", "Humvees"), or "State" of "Secretary of State"."""
    key = span.text.casefold().replace("’", "'")
    if key in NOT_ACTORS or (key.endswith("s") and key[:-1] in NOT_ACTORS):
        return True
    return key == "state" and span.start > 0 and span.doc[span.start - 1].lower_ == "of"


# Last words of the names of laws and treaties, which are no actors ("the Refugee Act", "the Oslo Accords").
LAW_HEADS = frozenset(
    ["act", "acts", "treaty", "accord", "accords", "convention", "conventions", "protocol", "doctrine"]
)


def law_or_office(span: Span) -> bool:
    """A law's or treaty's name ("the Patriot Act"), or an office before a name ("Syrian Pres. Bashar al-Assad")."""
    last = span[-1]
    if len(span) < 2 or not last.text[:1].isupper():
        return False
    if last.lower_ in LAW_HEADS:
        return True
    doc, nxt = span.doc, span.end + (span.end < len(span.doc) and span.doc[span.end].text == ".")
    office = last.lower_.rstrip(".") in HONORIFICS and (span.label_ != "PERSON" or is_demonym(span[0].text))
    return office and nxt < len(doc) and doc[nxt].is_title


def _trim(span: Span) -> Span:
    """Cut a leading "the", trailing punctuation, joiners and possessives, "city"/"province" after a place, a
    number word or a lower-case word after a person, a bracket and what follows it; take in the lower-case
    "party" after a party's name, and the given or family name the model left out of a person's."""
    doc, start, end = span.doc, span.start, span.end
    while start < end - 1 and doc[start].lower_ == "the" and (doc[start].is_lower or _article_not_name(span)):
        start += 1
    # "The Syrian Network for Human Rights (SNHR": a bracket opens the short form, which is no part of the name
    end = next((t.i for t in doc[start + 1 : end] if t.text in OPEN_BRACKETS), end)
    # "the Commons on Monday": a date phrase the model ran into the name
    end = next((t.i for t in doc[start + 1 : end - 1] if _dated(t)), end)
    if span.label_ == "ORG" and end < len(doc) and doc[end].lower_ == "party" and doc[end].is_lower:
        end += 1  # "the Democratic Union party": the lower-case head of a party's name, as the Guardian writes it
    while end > start + 1 and (
        doc[end - 1].is_punct
        or doc[end - 1].tag_ == "POS"
        or doc[end - 1].text in ("and", "or")  # "al-Rasafa and": the model ran a list's joiner into a name
        or (span.label_ in ("GPE", "LOC") and doc[end - 1].is_lower and doc[end - 1].lower_ not in FACILITY_NOUNS)
    ):
        end -= 1
    if span.label_ == "PERSON":  # the model often drops a given name: "Ahmet" in "Ahmet Yarlykapov"
        while start > 0 and _given_name(doc[start - 1]):
            start -= 1
        if end < len(doc) and _dropped_surname(doc[end]):  # and the family name: "Unver" in "Mehmet Alper Unver"
            end += 1
        while end > start + 1 and doc[end - 1].like_num and doc[end - 1].is_alpha:  # "Hezbollah Three women"
            end -= 1
        while end > start + 1 and doc[end - 1].is_lower and doc[end - 1].lower_ not in NAME_PARTICLES:
            end -= 1  # "Prince Mohammed later said": an adverb the model ran into the name
        if end > start + 1 and _credit_after(doc, end - 1):
            end -= 1  # "Reporting by Omar Fahmy Writing by Tom Perry": the next credit, its semicolon lost
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label, kb_id=span.kb_id)


# The words that open a wire story's credits ("Reporting by A; Writing by B; Additional reporting by C").
CREDIT_WORDS = frozenset(["reporting", "writing", "editing", "additional", "compiled", "graphics"])


def _credit_after(doc: Doc, i: int) -> bool:
    """Does a credit open at token ``i`` ("Writing by", "Additional reporting by")?"""
    if doc[i].lower_ not in CREDIT_WORDS or not doc[i].is_title:
        return False
    nxt = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "reporting")
    return nxt < len(doc) and doc[nxt].lower_ == "by"


def _article_not_name(span: Span) -> bool:
    """ "The Commerce Department said", "The United States": a capital "The" opening a sentence is no part of a
    body's or a country's name; it is part of a place's the gazetteer lists with it ("The Hague"), of an
    outlet's ("The Sunday Telegraph") and of a work's title."""
    if span.label_ not in MODEL_TYPES or span[-1].text in MEDIA_HEADS or span[-1].lower_ in MEDIA_HEADS_LOWER:
        return False
    return not is_place_name(span.text) or country_of(span[1:].text) is not None


OPEN_BRACKETS = frozenset(["(", "["])
DATE_PREPOSITIONS = frozenset(["on", "in", "since", "until", "by", "last", "next", "this"])


def _dated(tok: Token) -> bool:
    """A preposition that opens a date: "on Monday", "since March"."""
    nxt = tok.nbor(1)
    return tok.is_lower and tok.lower_ in DATE_PREPOSITIONS and nxt.is_title and nxt.lower_ in DATE_WORDS


def _given_name(tok: Token) -> bool:
    return (
        tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type and tok.lower_ not in HONORIFICS and not tok.is_stop
    )


def _dropped_surname(tok: Token) -> bool:
    """A lone capitalised proper noun right after a person's name, that no other name goes on from: the
    family name the model left out ("lawyer Mehmet Alper Unver said"); not a day, a place or a body's word."""
    doc = tok.doc
    if not _given_name(tok) or (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title):
        return False
    word = tok.lower_
    if word in DATE_WORDS or word in _BODY_WORDS or is_demonym(tok.text) or country_of(tok.text) is not None:
        return False
    return not is_known_place(tok.text)


def _month_surname(ent: Span) -> Span:
    """ "Theresa May said": a month the model read as a date after a given name it left untagged is that
    person's family name; the two are one PERSON.  Not before a figure ("Friday May 5"), nor after a day."""
    doc = ent.doc
    if ent.label_ != "DATE" or len(ent) != 1 or ent.start == 0 or ent[0].lower_ not in MONTHS:
        return ent
    given = doc[ent.start - 1]
    if not _given_name(given) or given.lower_ in DATE_WORDS:
        return ent
    if ent.end < len(doc) and doc[ent.end].like_num:
        return ent
    return Span(doc, given.i, ent.end, label="PERSON")


def _armed_context(span: Span) -> bool:
    """A name the text calls a militia: "the YPG militia", "the Kurdish militia, known as the YPG"."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in ARMED_NOUNS:
        return True
    return bool(_CALLED.search(doc[max(0, span.start - 6) : span.start].text))


def _armed(span: Span) -> bool:
    """An ORG named like a non-state armed unit ("Syrian Democratic Forces", "Free Syrian Army")."""
    words = [t.lower_ for t in span if not t.is_punct]
    if len(words) < 2:
        return False
    if words[-1] in ("army", "front", "movement"):  # also a state's army or a party, unless it says otherwise
        return any(w in INSURGENT_WORDS for w in words[:-1])
    return words[-1] in ARMED_HEADS and words[-2] not in STATE_WORDS and country_of(words[-2]) is None


def _titled_person(span: Span) -> list[Span] | None:
    """ "Royal Marine Kosta Scurfield" → the person, and the title when it names a service; else None."""
    doc, run = span.doc, 0
    while run < len(span) and span[run].lower_.rstrip(".") in HONORIFICS:
        run += 1
    name = span[run:]
    if run == 0 or len(name) < 2 or span.label_ not in ("ORG", "PERSON"):
        return None
    if not all(t.is_title and t.pos_ == "PROPN" for t in name) or name[-1].lower_ in FACILITY_HEADS:
        return None
    person = Span(doc, name.start, name.end, label="PERSON")
    title = span[:run]
    if len(title) > 1 and any(t.lower_ in SERVICE_WORDS for t in title):
        return [Span(doc, title.start, title.end, label="ORGANIZATION"), person]
    return [person]


def _glued_at_edge(span: Span) -> list[Span] | None:
    """Two names a scrape ran together at an edge, else None.

    "Ole Solvang HRW deputy director": a person's name and the acronym of the
    body after it; "Syrias Madaya": a stripped possessive of a country before
    a name (``records`` gives the possessive its "s" back).
    """
    doc = span.doc
    last, first = span[-1], span[0]
    if span.label_ == "PERSON" and len(span) > 2 and _ACRONYM.fullmatch(last.text) and _person_words(span[:-1]):
        return [Span(doc, span.start, span.end - 1, label="PERSON"), Span(doc, last.i, last.i + 1, label="ORG")]
    stripped = first.text.endswith("s") and country_of(first.text[:-1]) is not None and country_of(first.text) is None
    if len(span) > 1 and stripped and span[1].is_title:
        rest = doc[first.i + 1 : span.end]
        label = "GPE" if is_known_place(rest.text) else span.label_
        return [Span(doc, first.i, first.i + 1, label="GPE"), Span(doc, rest.start, rest.end, label=label)]
    return _nationality_before_person(span)


def _nationality_before_person(span: Span) -> list[Span] | None:
    """ "Mexican Ariel Cruz", "Sri Lanka - Arjuna Ranatunga": a nationality or a country (and a dash) the model
    ran into a person's name of two words or more; the country is a place of its own, the nationality no
    actor.  None when the person's part is not two capitalised proper nouns or more."""
    if span.label_ != "PERSON":
        return None
    doc = span.doc
    for cut in (1, 2):
        head = span[:cut]
        rest = span[cut + (cut < len(span) and span[cut].text in ("-", "–")) :]
        country = country_of(head.text) is not None and not is_demonym(head.text)
        if not (country or (cut == 1 and is_demonym(head.text))) or not _person_words(rest):
            continue
        person = [Span(doc, rest.start, rest.end, label="PERSON")]
        return [Span(doc, head.start, head.end, label="GPE"), *person] if country else person
    return None


_FIGURE = re.compile(r"\d+(?:[-–/.:]\d+)*")
# Nouns a number belongs to as part of a name ("Unit 8200", "Brigade 313", "Resolution 2254", "Route 66").
_NUMBERED_HEADS_WORDS = (
    "unit units brigade battalion division regiment corps squadron group resolution flight route highway camp "
    "base sector zone district block gate hill checkpoint station building point area road street interstate "
    "terminal article section chapter paragraph phase channel no number"
)
NUMBERED_HEADS = frozenset(_NUMBERED_HEADS_WORDS.split())


def cut_at_figures(span: Span) -> list[Span] | None:
    """ "Haitai 2 Samsung 0", "Bristol City 0", "H. Morris 69": names a results table or a score line ran
    together with their figures are the names alone; None when no figure stands inside or at the end.

    A figure after a noun a number belongs to stays in the name ("Unit 8200", "Resolution 2254"); punctuation
    left at a piece's end goes.
    """
    doc, pieces, start = span.doc, [], span.start
    cuts = [t.i for t in span[1:] if _FIGURE.fullmatch(t.text) and doc[t.i - 1].lower_ not in NUMBERED_HEADS]
    if not cuts:
        return None
    for cut in [*cuts, span.end]:
        end = cut
        while end > start and doc[end - 1].is_punct:
            end -= 1
        if end > start and (doc[start].is_title or doc[start].is_upper):
            pieces.append(Span(doc, start, end, label=span.label))
        start = cut + 1
    return pieces


def _one_name(last: Span, ent: Span) -> str | None:
    """The label of one name the model read as the two spans ``last`` and ``ent`` side by side, else None.

    "Farid" "Hamdan": one person's name read as two people (a one-word
    part).  "Liberal" "Democrat": a party's name read as a body and a
    nationality; an ORG directly followed by a capitalised NORP word is one
    name ("the Social Democrat leader"), and apart the NORP is dropped and the
    ORG's word alone may pass for a town's name.
    """
    if last.end != ent.start:
        return None
    if last.label_ == ent.label_ == "PERSON" and min(len(last), len(ent)) == 1:
        return "PERSON" if last[-1].is_title and ent[0].is_title else None
    if (last.label_, ent.label_) == ("ORG", "NORP") and ent[0].is_title:
        return "ORG"
    return None


def _joined(ents: list[Span]) -> list[Span]:
    """``ents`` with each pair of spans that is one name (``_one_name``) merged."""
    out: list[Span] = []
    for ent in ents:
        label = _one_name(out[-1], ent) if out else None
        if label is not None:
            out[-1] = Span(ent.doc, out[-1].start, ent.end, label=label)
        else:
            out.append(ent)
    return out


# Nouns after "<town> Army" that make "Army" a modifier of troops, not the end of a name ("Homs Army units").
TROOP_NOUNS = frozenset(["units", "unit", "troops", "soldiers", "forces", "formations", "detachments"])


def _troops_in_town(span: Span) -> Span | None:
    """ "Raqqa Army units advanced": the town the army's units fight in (a place), else None.

    A state's news agency names army units by the town they fight in; the
    model reads town and "Army" as one organisation.  Only a known place that
    is no country: "Pakistan Army units" are units of the Pakistan Army.
    """
    doc = span.doc
    if len(span) < 2 or span[-1].lower_ != "army" or span.end >= len(doc) or doc[span.end].lower_ not in TROOP_NOUNS:
        return None
    town = doc[span.start : span.end - 1]
    if not doc[span.end].is_lower or not is_known_place(town.text) or country_of(town.text) is not None:
        return None
    return Span(doc, town.start, town.end, label="GPE")


def _listed_places(span: Span) -> list[Span] | None:
    """ "Raqqa, Kirkuk": places a list names, which the model read as one; None when no comma parts it."""
    doc, parts, start = span.doc, [], span.start
    for tok in [*[t for t in span if t.text == ","], doc[span.end - 1].nbor(1) if span.end < len(doc) else None]:
        end = tok.i if tok is not None else span.end
        if end == start or not doc[start].is_title:
            return None
        parts.append(Span(doc, start, end, label=span.label))
        start = end + 1
    return parts if len(parts) > 1 else None


_SAYS = frozenset(["said", "says", "told", "added", "wrote"])
_BODY_WORDS = STATE_WORDS | FACILITY_HEADS | INSTITUTION_WORDS | ARMED_HEADS | LED_BODIES | MEDIA_HEADS_LOWER
_COPULAS = frozenset(["is", "was"])


def _unnamed_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "• Lina Sarrouf is the senior researcher at …", "Omar Haddad said": people the model left untagged.

    Two or three capitalised proper nouns outside every entity, then a
    speech verb, or "is/was a/the" and a person noun within six words; no
    word of them a place's, a nationality's or a body's.
    """
    taken = bytearray(len(doc))
    for e in ents:
        taken[e.start : e.end] = b"\x01" * len(e)
    title = columns.flags(doc, IS_TITLE)  # read as columns: a token is built only where a run is found
    pos = columns.strings(doc, POS)
    name = [title[k] and pos[k] == "PROPN" and not taken[k] for k in range(len(doc))]
    out = []
    i = 0
    while i < len(doc):
        end = i
        while end < len(doc) and end - i < 3 and name[end]:
            end += 1
        if end - i >= 2 and (i == 0 or not title[i - 1]) and _introduces_person(doc, end):
            run = doc[i:end]
            if not any(
                country_of(t.text) is not None or is_demonym(t.text) or t.lower_ in _BODY_WORDS for t in run
            ) and not is_known_place(run.text):
                out.append(Span(doc, i, end, label="PERSON"))
        i = max(end, i + 1)
    return out


def _introduces_person(doc: Doc, end: int) -> bool:
    """A speech verb right after, or "is the <person noun>" ("is the senior researcher")."""
    if end >= len(doc):
        return False
    if doc[end].lower_ in _SAYS:
        return True
    if doc[end].lower_ not in _COPULAS or end + 1 >= len(doc) or doc[end + 1].lower_ not in ("a", "an", "the"):
        return False
    return any(t.lower_ in PERSON_NOUNS for t in doc[end + 2 : end + 8])


ORG_LABELS = frozenset(["ORGANIZATION", "ARMED_GROUP", "MEDIA"])


def _head_mentions(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "The Monitor said", "the Guards": a body's short form the model left untagged.

    A capitalised word after "the", outside every entity and before no other
    capitalised word, that is a later word of the name (two words or more) of
    exactly one organisation named before it, is a mention of that
    organisation; the alias rules join it ("the Observatory").  Not a word
    too generic to name one body ("the Army"), nor a place's or a people's.
    """
    owners: dict[str, dict[str, str]] = {}  # word → folded names of the bodies holding it → their label
    first_named: dict[str, int] = {}  # word → where the first body holding it ends
    for ent in ents:
        if ent.label_ in ORG_LABELS and len(ent) > 1:
            for tok in ent[1:]:
                if tok.is_title:
                    owners.setdefault(tok.lower_, {})[fold(ent.text)] = ent.label_
                    first_named[tok.lower_] = min(first_named.get(tok.lower_, ent.end), ent.end)
    if not owners:
        return []
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for tok in doc[1:]:
        bodies = owners.get(tok.lower_)
        if bodies is None or len(bodies) != 1 or tok.i in taken or not tok.is_title or tok.nbor(-1).lower_ != "the":
            continue
        if first_named[tok.lower_] > tok.i or (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title):
            continue
        if tok.lower_ in GENERIC_HEADS or is_known_place(tok.text) or is_demonym(tok.text):
            continue
        out.append(Span(doc, tok.i, tok.i + 1, label=next(iter(bodies.values()))))
    return out


def _spelled_surname(word: str, surnames: set[str]) -> bool:
    """ "Haniya" beside "Ismail Haniyeh": another spelling of the family name of a person named in full."""
    key = fold(word)
    return not is_known_place(word) and any(
        surname_variant(key, fold(name)) for name in surnames if not name.startswith("=") and name[:1] == word[:1]
    )


def _person_words(span: Span) -> bool:
    return len(span) > 1 and all(t.is_title and t.pos_ == "PROPN" for t in span)


def work_title(span: Span) -> bool:
    """A capitalised title right after "entitled"/"titled" (or its opening quote) names a report or a film."""
    before = [t for t in span.doc[max(0, span.start - 2) : span.start] if not t.is_quote]
    return bool(before) and before[-1].lower_ in WORK_CUES


def leads_by_possessive(span: Span) -> bool:
    """ "Trump's administration", "Maduro's government": a name with a possessive before a government or regime
    is its leader's (a country's, "Russia's government", or a place's is not)."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].tag_ != "POS" or doc[end + 1].lower_ not in LED_BODIES:
        return False
    if not all(t.is_title and t.pos_ == "PROPN" for t in span) or len(span) > 3:
        return False
    return country_of(span.text) is None and not is_known_place(span.text)


# Titles written short, which are no one's surname as "King" or "Major" can be.
_TITLE_ABBREVIATIONS_WORDS = "mr mrs ms dr prof gen col rev sgt capt lt gov sen rep pres brig adm maj cpl pvt"
TITLE_ABBREVIATIONS = frozenset(_TITLE_ABBREVIATIONS_WORDS.split())


def _title_alone(span: Span) -> bool:
    """ "Pres", "Sen.": a short title with no name after it names no one."""
    return len(span) <= 2 and span.text.rstrip(".").lower() in TITLE_ABBREVIATIONS


# Offices written after their portfolio and before the holder's name ("Defence Secretary Ben Warlow").
PORTFOLIO_OFFICES = frozenset(["secretary", "minister"])


def _portfolio(span: Span) -> bool:
    """ "Treasury" of "Treasury Secretary Jane Moss", "Interior" of "Interior Minister, Faisal Darwish": the
    portfolio of an office written before its holder's name names no body (the ministry is not said).  A
    body's secretary general is the body's ("Arab League Secretary General"), and so is an acronym's office
    ("NATO Secretary Jens Rolle")."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or span.text.isupper() or span.label_ != "ORG":
        return False
    office, after = doc[end], doc[end + 1]
    named = (after.is_title and after.lower_ != "general") or after.text == ","
    return office.is_title and office.lower_ in PORTFOLIO_OFFICES and named


def _common_plural_opener(span: Span) -> bool:
    """ "Warplanes struck Saraqeb", "Eyewitnesses said": a plural common noun opening a sentence is capitalised
    for its place there and names no one (proper plurals, "Houthis", the tagger tags as such)."""
    word = span[0]
    return len(span) == 1 and word.is_sent_start is True and word.tag_ == "NNS" and word.lemma_ != word.lower_


def led_by(span: Span) -> bool:
    """ "the government of Recep Tayyip Erdoğan": a name after "<government> of" with no state word is its leader."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of" or doc[span.start - 2].lower_ not in LED_BODIES:
        return False
    return all(
        t.is_title and t.pos_ == "PROPN" and t.lower_ not in STATE_WORDS and country_of(t.text) is None for t in span
    )


def _in_photo_credit(span: Span, credits: list[tuple[int, int]]) -> bool:
    """ "REUTERS/Jane Roe", "(AP Photo/Jane Roe)": a caption's photo credit names the photographer and the
    agency of a picture, no actor of the story."""
    return any(start < span.end_char and span.start_char < end for start, end in credits)


def _leader_not_group(ent: Span, entry: GazetteerEntry, surnames: set[str]) -> bool:
    """ "Nasrallah" after "Hassan Nasrallah": the family name of a person the document names in full is that
    person, though a list files it under another name's entry (Phoenix lists leaders as their groups'
    synonyms: "NASRALLAH" for Hezbollah)."""
    return len(ent) == 1 and ent.text in surnames and entry.type != "PERSON" and fold(entry.name) != fold(ent.text)


class EntityTypes:
    """Maps, filters and retypes ``doc.ents`` to the contract's types."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        credits = photo_credits(doc.text)
        ents = _joined([_month_surname(e) for e in doc.ents if not _in_photo_credit(e, credits)])
        spans = filter_spans(part for ent in ents if not work_title(ent) for part in self.split(_trim(ent)))
        # Entries the document names for sure; their guarded forms ("Daesh") count anywhere in it.
        listed = {ent.kb_id_ for ent in spans if ent.kb_id}
        listed |= {
            e.id for s in spans if s.label_ in NAME_LIKE and (e := self.gazetteer.lookup(s.text, allow_guarded=True))
        }
        # Words of people named in full: "Scurfield" alone is that person, not a place or a company.
        surnames = {t.text for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s if t.is_title}
        # "Erdoğan" alone as a person: "Recep Tayyip Erdoğan" the model calls an ORG is that person in full
        surnames |= {f"={s.text}" for s in spans if s.label_ == "PERSON" and len(s) == 1 and s[0].is_title}
        typed = [(span.label_, out) for span in spans if (out := self._retype(span, listed, surnames)) is not None]
        # People the rules found where the model read a body ("Staffan de Mistura" an ORG) lend their names too:
        # "De Mistura said" is that person.
        found = {t.text for _, p in typed if p.label_ == "PERSON" and len(p) > 1 for t in p if t.is_title} - surnames
        if found:
            surnames |= found
            typed = [(span.label_, out) for span in spans if (out := self._retype(span, listed, surnames)) is not None]
        listed |= {out.kb_id_ for _, out in typed if out.kb_id}
        ents = [out for _, out in typed]
        ents += self._short_forms(doc, ents, listed)
        ents += _head_mentions(doc, ents)
        doc.ents = sorted(ents + _unnamed_people(doc, ents), key=lambda e: e.start)
        doc.user_data[LABELS_BEFORE] = {out.start: label for label, out in typed}  # for the type corrector
        return doc

    def _short_forms(self, doc: Doc, ents: list[Span], listed: set[str]) -> list[Span]:
        """ "Islamic State (Isis)", "Daesh [Islamic State]": a listed actor's short form the model left untagged.

        Guarded forms ("Isis", "Daesh", "Nusra") make no name on their own;
        once the document names their entry, a one-word guarded form written
        as a name is a mention of it wherever it stands (forms of three
        letters or fewer only in their listed case, never a place's name).
        """
        forms: dict[str, tuple[str, str, str]] = {}  # fold → (form, type, id)
        for entry in filter(None, (self.gazetteer.by_id.get(i) for i in sorted(listed))):
            for form in entry.guarded:
                if " " not in form and len(form) > 2:
                    forms.setdefault(fold(form), (form, entry.type, entry.id))
        if not forms:
            return []
        taken = {i for e in ents for i in range(e.start, e.end)}
        out = []
        for tok in doc:
            hit = forms.get(fold(tok.text)) if tok.i not in taken and tok.text[:1].isupper() else None
            if hit is None or (len(hit[0]) <= 3 and tok.text != hit[0]) or is_place_name(tok.text):
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].i not in taken:
                continue  # the start of a longer name the model missed
            out.append(Span(doc, tok.i, tok.i + 1, label=hit[1], kb_id=hit[2]))
        return out

    def split(self, span: Span) -> list[Span]:
        """Cut a glued span into its names: a title from a person, two known names from their joiner."""
        if span.kb_id:
            return [span]
        if (parts := _titled_person(span)) is not None:
            return parts
        if (parts := _glued_at_edge(span)) is not None:
            return parts
        if (parts := cut_at_figures(span)) is not None:
            return parts
        span = self._without_epithets(span)
        if span.label_ in ("GPE", "LOC") and (parts := _listed_places(span)) is not None:
            return parts
        if span.label_ != "ORG":
            return [span]
        if (town := _troops_in_town(span)) is not None:
            return [town]
        for tok in span[1:-1]:
            if tok.lower_ in JOINERS and tok.is_lower:
                left = span.doc[span.start : tok.i]
                right = span.doc[tok.i + 1 + (tok.nbor().lower_ == "the") : span.end]
                if len(right) and self._known(left) and self._known(right):
                    return [Span(span.doc, p.start, p.end, label="ORG") for p in (left, right)]
            if tok.lower_ in PLACE_JOINERS and tok.is_lower and is_known_place(span.doc[tok.i + 1 : span.end].text):
                # "Khirbet Nasr in Homs": a name, then where it is; the model read them as one organisation
                left, right = span.doc[span.start : tok.i], span.doc[tok.i + 1 : span.end]
                return [
                    Span(span.doc, left.start, left.end, label="PLACE" if toponym_shape(left) else "ORG"),
                    Span(span.doc, right.start, right.end, label="GPE"),
                ]
        return [span]

    def _without_epithets(self, span: Span) -> Span:
        """ "Kurdish YPG", "Iraqi Daesh": nationality and creed words before an acronym or a listed name are not part
        of it; creed words not before any longer name either."""
        doc = span.doc
        first = start = span.start + (doc[span.start].lower_ == "the")
        while start < span.end - 1 and (is_demonym(doc[start].text) or doc[start].lower_ in EPITHETS):
            start += 1
        if start == first or span.label_ not in NAME_LIKE:
            return span
        rest = doc[start : span.end]
        acronym = len(rest) == 1 and rest.text.isupper() and len(rest.text) > 1
        heads = {t.lower_ for t in rest} & (ARMED_HEADS | STATE_WORDS | LED_BODIES | {"army", "front", "movement"})
        # "Islamist Muslim Brotherhood": a creed word never opens a name of two capitalised words or more
        creed = any(t.lower_ in EPITHETS for t in doc[first:start]) and len(rest) > 1
        if creed and all(t.is_title for t in rest):
            return Span(doc, start, span.end, label=span.label, kb_id=span.kb_id)
        if acronym or (not heads and self.gazetteer.lookup(rest.text, allow_guarded=True) is not None):
            return Span(doc, start, span.end, label=span.label, kb_id=span.kb_id)
        return span

    def _named_after_role(self, span: Span) -> bool:
        """ "his lawyer Mehmet Alper Unver said", "the envoy, Staffan de Mistura,": a person's name.

        A bare name right after a person noun (or after it and a comma), or
        one shaped like a person's with a name particle ("Staffan de
        Mistura"); only two or three words, capitalised but for the
        particle, with no body's, place's or listed name in them
        ("spokesman Human Rights Watch" stays a body).
        """
        doc = span.doc
        i = span.start - 1 - (span.start > 1 and doc[span.start - 1].text == ",")
        after_role = i >= 0 and doc[i].is_lower and doc[i].lower_ in PERSON_NOUNS
        words = [t for t in span if t.lower_ not in NAME_PARTICLES or t.i in (span.start, span.end - 1)]
        particle = len(span) == 3 and len(words) == 2
        if not (after_role or particle) or not 1 < len(words) < 4 or len(span) > 3:
            return False
        bodies = STATE_WORDS | ARMED_HEADS | FACILITY_HEADS | LED_BODIES | INSTITUTION_WORDS
        return (
            all(t.is_title and t.pos_ == "PROPN" for t in words)
            and not any(t.lower_ in bodies or country_of(t.text) is not None for t in words)
            and not is_known_place(span.text)  # a given name may be a town's ("Lorenzo"), not a whole name
            and self.gazetteer.lookup(span.text, allow_guarded=True) is None
        )

    def _known(self, part: Span) -> bool:
        """A gazetteer name or an acronym: enough to say a joined span holds two names."""
        return self.gazetteer.lookup(part.text, allow_guarded=True) is not None or (
            len(part) == 1 and part.text.isupper() and len(part.text) > 1
        )

    def _retype(self, ent: Span, listed: set[str], surnames: set[str]) -> Span | None:
        label = ent.label_
        if label in MODEL_TYPES and ent.kb_id:  # a place the place rules identified
            return Span(ent.doc, ent.start, ent.end, label=MODEL_TYPES[label], kb_id=ent.kb_id)
        if (
            ent.kb_id
            or _NOT_A_NAME.search(ent.text)
            or not_an_actor(ent)
            or law_or_office(ent)
            or _title_alone(ent)
            or _portfolio(ent)
            or _common_plural_opener(ent)
        ):
            return ent if ent.kb_id else None
        # A guarded form ("Daesh", "Isis") the model took for a place that no place list knows is that entry.
        guarded = label in NAME_LIKE or (label in ("GPE", "LOC") and not is_place_name(ent.text))
        entry = self.gazetteer.lookup(ent.text, allow_guarded=guarded)
        if entry is None and not is_known_place(ent.text):
            candidate = self.gazetteer.lookup(ent.text, allow_guarded=True)
            entry = candidate if candidate is not None and candidate.id in listed else None
        if entry is not None and not _leader_not_group(ent, entry, surnames):
            return Span(ent.doc, ent.start, ent.end, label=entry.type, kb_id=entry.id)
        if label in OUR_TYPES:
            return ent
        if label == "ORG" and _armed_context(ent):
            return Span(ent.doc, ent.start, ent.end, label="ARMED_GROUP")
        if label == "ORG" and len(ent) > 1 and ent[-1].text in MEDIA_HEADS:
            return Span(ent.doc, ent.start, ent.end, label="MEDIA")
        etype = MODEL_TYPES.get(label)
        if etype is None or (label == "PERSON" and is_demonym(ent.text)):
            return None
        if label in ("ORG", "PERSON") and len(site := with_facility_head(ent, SITE_NOUNS)) > len(ent):
            return Span(ent.doc, site.start, site.end, label="PLACE")  # "the Shaar gas field", "Ayn al-Assad airbase"
        full_name = label == "ORG" and 1 < len(ent) < 4 and all(t.is_title and t.pos_ == "PROPN" for t in ent)
        if label == "PERSON" and any(t.is_title and t.lower_ in BODY_NOUNS for t in ent[1:]):
            etype = "ORGANIZATION"  # "Football Federation Australia": a body's noun names no person
        elif (
            (label in ("ORG", "GPE", "PERSON") and ent[-1].text in surnames and len(ent) < 4)
            or (label == "ORG" and len(ent) == 1 and _spelled_surname(ent.text, surnames))
            or (full_name and f"={ent[-1].text}" in surnames)
            or (label == "ORG" and (led_by(ent) or self._named_after_role(ent)))
            or (label in ("ORG", "PERSON") and leads_by_possessive(ent))
        ):
            etype = "PERSON"
        elif (label == "ORG" or (label == "PERSON" and after_preposition(ent))) and is_known_place(ent.text):
            etype = "PLACE"  # a lone "Clinton" is a person, "from Chichester" a place
        elif label == "PERSON" and country_of(ent.text) is not None:
            etype = "PLACE"  # "left Mali": a country is not a person
        elif label == "PERSON" and len(ent) > 1 and ent[-1].is_title and ent[-1].lower_ in BUILDING_HEADS:
            etype = "PLACE"  # "the Omar Ibn al-Khattab Mosque": a building named for a person
        elif label == "ORG" and _armed(ent):
            etype = "ARMED_GROUP"
        doc, end = ent.doc, ent.end
        if etype == "PERSON" and label != "PERSON" and end < len(doc) and _dropped_surname(doc[end]):
            end += 1  # a body's span the rules made a person may also lack the family name ("Mehmet Alper Unver")
        typed = Span(doc, ent.start, end, label=etype)
        return with_facility_head(typed) if etype == "PLACE" else typed
