"""Typed records passed between the stages (ingest → nlp → extract → store).

Every stage takes and returns these records, never dicts of dicts, so a
change in one stage shows up as a type error in the next rather than as a
silently missing key.  Only ``to_json`` functions turn them into the public
contract's JSON (../shared/spec/CONTRACT.md), and ``extraction.py`` owns that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, get_args

EntityType = Literal["PERSON", "ARMED_GROUP", "ORGANIZATION", "MEDIA", "PLACE"]
ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)

Predicate = Literal[
    "affiliated_with",
    "part_of",
    "allied_with",
    "rival_of",
    "split_from",
    "merged_with",
    "pledged_allegiance_to",
    "linked_to",
    "leader_of",
    "member_of",
    "spokesperson_of",
    "works_for",
    "based_in",
    "operates_in",
    "designated_as",
]
PREDICATES: tuple[Predicate, ...] = get_args(Predicate)

Polarity = Literal["affirmed", "denied"]
# A relation the text states as over ("former leader", "had allied") is "past"; the contract omits "present".
Tense = Literal["present", "past"]

# Why a document could not be read or analysed: the contract's error codes.
ErrorCode = Literal["empty", "binary", "too_large", "undecodable", "no_text", "unreadable", "analysis_failed"]
ConflictKind = Literal["polarity", "blanket_denial", "exclusive"]
# What an attribution reports: a statement, or an attitude or act towards something ("supports X", "called for
# a truce") or an intention ("refused to meet", "plans to run").  Our gold counts assertions; PARC/PolNeAR all three.
AttributionKind = Literal["assertion", "stance", "intention"]


class Judgement(StrEnum):
    """What a judgement says of two names: one actor, two actors, or that it cannot tell.

    A ``StrEnum``, so the stored column and the JSON keep the plain words.
    """

    POSITIVE = "positive"
    NEGATIVE = "negative"
    UNSURE = "unsure"


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place (and date, ISO ``YYYY-MM-DD``) a wire story was filed from."""

    place: str | None
    date: str | None


@dataclass(slots=True)
class Article:
    """What a reader found in one article: the body ``text`` and its metadata.

    Readers (plain text, HTML, records, feeds) fill an ``Article`` from the
    content alone; the source that holds the bytes adds the id and the path
    to make the ``Document``.
    """

    text: str
    url: str | None = None
    title: str | None = None
    section: str | None = None
    summary: str | None = None
    published: str | None = None
    dateline: Dateline | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    language: str | None = None


WarningCode = Literal["control_characters", "nul_characters", "ambiguous_date"]


@dataclass(frozen=True, slots=True)
class ReadingWarning:
    """One thing reading changed or guessed without failing the document (the contract's ``document.warnings``).

    ``code`` says what kind of change it was, so a user can count and filter
    them (``claimgraph errors --warnings``); ``message`` says it in full.
    """

    code: WarningCode
    message: str


@dataclass(slots=True, kw_only=True)
class Document(Article):
    """One article after ingest: an ``Article`` with its id and where it was read.

    ``id`` is ``sha256:<hex>`` of the raw input bytes (of the record, for
    JSON Lines and WARC), so re-reading the same content yields the same id.
    """

    id: str
    source_path: str
    warnings: tuple[ReadingWarning, ...] = ()  # what reading changed without failing the document


@dataclass(frozen=True, slots=True)
class ExtractionError:
    """Why one input document could not be read; the batch goes on without it.

    ``code`` is one of the contract's short snake_case words (``empty``,
    ``binary``, ``too_large``, ``undecodable``, ``no_text``, ``unreadable``).
    """

    source_path: str
    id: str | None
    code: ErrorCode
    message: str


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``document.text`` (or of ``document.title`` when ``field`` is "title")."""

    start: int
    end: int
    text: str
    field: str | None = None


@dataclass(frozen=True, slots=True)
class Geo:
    """Where a place is: its GeoNames id, coordinates (none for a country), country and first-level region by name."""

    geonames_id: int
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None


@dataclass(slots=True)
class Entity:
    """One actor as named in one document, under its fullest name (a place with where it is, if known)."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    gazetteer_id: str | None = None
    mentions: list[Span] = field(default_factory=list)
    geo: Geo | None = None


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """The speaker of an attribution, with the entity it resolves to (if any)."""

    start: int
    end: int
    text: str
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Reported speech: ``source`` said ``content`` (cue ``cue``), quoted or not; ``kind`` says whether the
    content is a statement or a stance or intention (which the extraction lists apart, as ``stances``)."""

    id: str
    source: SourceSpan | None
    cue: Span
    content: Span
    direct: bool
    kind: AttributionKind = "assertion"


@dataclass(slots=True)
class Claim:
    """One relation between actors, with who asserts it and how."""

    id: str
    subject: str
    predicate: Predicate
    object: str | None
    object_literal: str | None
    polarity: Polarity
    hedged: bool
    source: str | None
    via: list[str]
    cue: str | None
    attribution: str | None
    evidence: Span
    event: str | None = None  # the id of the event this claim is inferred from, when it is
    tense: Tense = "present"


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two claims that cannot both hold, with a one-sentence explanation."""

    kind: ConflictKind
    claims: tuple[str, str]
    explanation: str


@dataclass(frozen=True, slots=True)
class Range:
    """A casualty figure given as a range or a bound: "at least 12" is ``Range(12, None)``."""

    min: int | None
    max: int | None


Figure = int | Range


@dataclass(frozen=True, slots=True)
class Casualties:
    """The dead, wounded and kidnapped an account of an event gives, each as stated (or ``None``)."""

    killed: Figure | None = None
    wounded: Figure | None = None
    kidnapped: Figure | None = None

    def any(self) -> bool:
        return any(f is not None for f in (self.killed, self.wounded, self.kidnapped))


@dataclass(slots=True)
class Event:
    """Who did what to whom, where and when, as one document reports it (PLOVER type and mode).

    ``actor``, ``target`` and ``place`` are entity ids of the document; the
    date keeps the precision the text gives (``day``, ``month`` or ``year``).
    Polarity, hedge, source, via-chain and attribution mean what they mean
    for a claim; ``trigger`` is the word that names the event.
    """

    id: str
    type: str
    mode: str | None
    actor: str | None
    target: str | None
    place: str | None
    date: str | None
    date_precision: str | None
    casualties: Casualties
    polarity: Polarity
    hedged: bool
    source: str | None
    via: list[str]
    attribution: str | None
    evidence: Span
    trigger: Span


@dataclass(slots=True)
class Extraction:
    """Everything ``claimgraph extract`` says about one document."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stances: list[Attribution] = field(default_factory=list)  # attributions of stances and intentions
