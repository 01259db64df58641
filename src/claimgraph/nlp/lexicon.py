"""The word lists behind attributions and claims, loaded once from ``lexicons/*.json``.

Keeping the vocabulary as data (not as literals scattered through the rules)
lets a reader see and extend everything the rules react to in one place, and
lets the rules stay about structure.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from claimgraph.model import EntityType, Predicate
from claimgraph.predicates import table as predicate_table


def load_json(name: str) -> dict[str, Any]:
    """One of the shipped ``lexicons/*.json`` files, parsed (read from the package, so it works installed)."""
    data: dict[str, Any] = json.loads(resources.files("claimgraph.nlp").joinpath("lexicons", name).read_text("utf-8"))
    return data


def word_sets(section: dict[str, Any]) -> dict[str, frozenset[str]]:
    """A section's word lists as sets, by key, leaving out its ``_``-prefixed keys (the file's comments)."""
    return {key: frozenset(words) for key, words in section.items() if not key.startswith("_")}


@dataclass(frozen=True, slots=True)
class Frame:
    """One claim trigger: its lemmas, where its object sits and which predicate it yields."""

    lemmas: frozenset[str]
    predicate: Predicate
    preps: tuple[str, ...] = ()
    direct: bool = False
    poss: bool = False
    compound: bool = False
    negative: bool = False
    inverse: bool = False  # the object is what the relation is said of ("X disowned Y": Y affiliated with X)
    person_predicate: Predicate | None = None
    group_predicate: Predicate | None = None
    subject_types: frozenset[EntityType] | None = None
    object_types: frozenset[EntityType] | None = None
    any_place: bool = False  # a state-only predicate may take a town or province ("Mayor X" leads the town)


@dataclass(frozen=True, slots=True)
class Speech:
    """Reported-speech vocabulary (lexicons/speech.json)."""

    verbs: frozenset[str]
    quote_verbs: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    person_nouns: frozenset[str]
    group_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    denial_objects: frozenset[str]
    object_verbs: frozenset[str]
    cue_nouns: frozenset[str]
    stance_nouns: frozenset[str]
    topic_preps: frozenset[str]
    light_verbs: frozenset[str]
    finding_nouns: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]


@dataclass(frozen=True, slots=True)
class Polarity:
    """Negation, denial and hedging vocabulary (lexicons/polarity.json)."""

    negators: frozenset[str]
    denial_verbs: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_modals: frozenset[str]
    irrealis_marks: frozenset[str]
    intention_verbs: frozenset[str]  # 'vowed to capture X': an intention, not an act
    intention_nouns: frozenset[str]  # 'a plan to seize X', 'a deal whereby X enters Y'
    refusals: frozenset[str]  # 'refused to back X': no relation at all
    generic_determiners: frozenset[str]
    hedge_adjectives: frozenset[str]
    hedge_nouns: frozenset[str]  # 'Isis suspect X': the role word is a suspicion
    prospective_modifiers: frozenset[str]  # 'a potential defence minister': an office not held
    past_modifiers: frozenset[str]
    past_adverbs: frozenset[str]
    no_longer: frozenset[str]
    content_nouns: frozenset[str]
    viewpoint_preps: frozenset[str]  # 'For X, …': the fronted phrase whose object holds the clause's view
    viewpoint_nouns: frozenset[str]  # 'In X's view, …', 'in the eyes of X'
    rebuttal_verbs: frozenset[str]  # '… but the evidence shows otherwise': the opposite of the clause answered


@dataclass(frozen=True, slots=True)
class Events:
    """Event verbs that put their actor in a place (lexicons/relations.json, ``events``)."""

    verbs: frozenset[str]
    place_objects: frozenset[str]
    place_preps: frozenset[str]
    expel_verbs: frozenset[str]
    leave_words: frozenset[str]
    leave_objects: frozenset[str]
    from_preps: frozenset[str]
    join_verbs: frozenset[str]
    journey_verbs: frozenset[str]
    journey_preps: frozenset[str]
    lose_verbs: frozenset[str]  # "X lost Tarsh to Y"
    fall_verbs: frozenset[str]  # "Tarsh fell to Y"
    take_verbs: frozenset[str]  # "X took Tarsh from Y"


@dataclass(frozen=True, slots=True)
class Supplies:
    """Arms and backing handed over (lexicons/relations.json, ``supplies``): see ``claimgraph.nlp.claims.shapes.supply``."""

    nouns: frozenset[str]
    give_verbs: frozenset[str]
    give_preps: frozenset[str]
    receive_verbs: frozenset[str]
    receive_preps: frozenset[str]


@dataclass(frozen=True, slots=True)
class Roles:
    """Roles beside a person's name (lexicons/relations.json, ``roles``): see ``claimgraph.nlp.claims.roles``."""

    words: dict[str, Predicate]
    professions: frozenset[str]
    profession_frame: Frame  # a profession works only for an organisation or an outlet, never for a country
    compounds: dict[tuple[str, str], Predicate]
    abbreviations: dict[str, str]
    deputies: frozenset[str]
    employer_preps: frozenset[str]
    affiliation_preps: frozenset[str]  # right after a name: "Ana Soto from the Peace Council"
    locality_frame: Frame  # "Mayor X": a locality's ruler leads a place that is not a state
    state_title_qualifiers: frozenset[str]  # "Belgium's interim leader": still the state's; "opposition leader" not


def _roles(raw: dict[str, Any]) -> Roles:
    words = {word: predicate for predicate, listed in raw["predicates"].items() for word in listed}
    compounds = {tuple(phrase.split()): predicate for phrase, predicate in raw["compounds"].items()}
    return Roles(
        words=words,
        professions=frozenset(raw["professions"]),
        profession_frame=Frame(
            frozenset(raw["professions"]), "works_for", object_types=frozenset({"ORGANIZATION", "MEDIA"})
        ),
        compounds={(a, b): p for (a, b), p in compounds.items()},
        abbreviations=dict(raw["abbreviations"]),
        deputies=frozenset(raw["deputies"]),
        employer_preps=frozenset(raw["employer_preps"]),
        affiliation_preps=frozenset(raw["affiliation_preps"]),
        locality_frame=Frame(
            frozenset(raw["locality_rulers"]["titles"]), "leader_of", object_types=frozenset({"PLACE"}), any_place=True
        ),
        state_title_qualifiers=frozenset(raw["state_title_qualifiers"]["words"]),
    )


@dataclass(frozen=True, slots=True)
class Relations:
    """Claim vocabulary (lexicons/relations.json), indexed by trigger lemma."""

    frames: dict[str, tuple[Frame, ...]]
    link_nouns: dict[str, Predicate]
    link_preps: frozenset[str]
    carrier_verbs: frozenset[str]
    ending_verbs: frozenset[str]
    inclusion_verbs: frozenset[str]
    inclusion_preps: frozenset[str]
    coalition_nouns: frozenset[str]
    stronghold_nouns: frozenset[str]
    seat_nouns: frozenset[str]
    target_nouns: frozenset[str]
    backing: dict[str, Predicate]
    designation_heads: frozenset[str]
    designation_qualifiers: frozenset[str]
    designation_verbs: frozenset[str]
    generic_heads: frozenset[str]
    types: dict[str, tuple[frozenset[EntityType], frozenset[EntityType]]]
    campaign_nouns: frozenset[str]
    campaign_preps: dict[str, Predicate]
    campaign_verbs: frozenset[str]
    campaign_purpose_verbs: frozenset[str]
    participation_verbs: frozenset[str]  # "X took part in the offensive against Y": the campaign's actor
    participation_nouns: frozenset[str]
    responsibility_nouns: frozenset[str]  # "claimed responsibility for the attack": the verb carries the campaign
    responsibility_verbs: frozenset[str]
    reciprocal_verbs: dict[str, Predicate]  # "X and Y clashed"
    each_other_verbs: dict[str, Predicate]  # "X and Y fought each other"
    follower_modifiers: frozenset[str]  # "fighters loyal to X"
    follower_preps: frozenset[str]
    follower_clauses: dict[str, str]  # "fighters who joined X": verb → the preposition before X ('' for its object)
    supplies: Supplies
    government_nouns: frozenset[str]
    force_nouns: frozenset[str]
    force_verbs: frozenset[str]
    events: Events
    modifier_participles: dict[str, tuple[Predicate, bool]]
    stance_prefixes: dict[str, Predicate]  # "anti-" and "pro-" before a name
    place_nouns: frozenset[str]
    place_parts: frozenset[str]  # 'the north of Syria', 'Syria's north-east': the part stands for the place
    acting_nouns: frozenset[str]
    partitives: frozenset[str]  # 'dozens of X fighters': the quantity stands for what follows its 'of'
    viewing_verbs: frozenset[str]
    control_verbs: frozenset[str]  # "X accused Y of shelling Z": Y is the gerund's subject
    control_preps: frozenset[str]
    roles: Roles


def _frame(raw: dict[str, Any]) -> Frame:
    def types(key: str) -> frozenset[EntityType] | None:
        return frozenset(raw[key]) if key in raw else None

    return Frame(
        lemmas=frozenset(raw["lemmas"]),
        predicate=raw["predicate"],
        preps=tuple(raw.get("preps", ())),
        direct=bool(raw.get("direct")),
        poss=bool(raw.get("poss")),
        compound=bool(raw.get("compound")),
        negative=bool(raw.get("negative")),
        inverse=bool(raw.get("inverse")),
        person_predicate=raw.get("person_predicate"),
        group_predicate=raw.get("group_predicate"),
        subject_types=types("subject_types"),
        object_types=types("object_types"),
    )


@cache
def speech() -> Speech:
    raw = load_json("speech.json")
    return Speech(
        verbs=frozenset(raw["verbs"]),
        quote_verbs=frozenset(raw["verbs"]) | frozenset(raw["quote_verbs_extra"]),
        phrases=tuple(tuple(p) for p in raw["phrases"]),
        person_nouns=frozenset(raw["person_nouns"]),
        group_nouns=frozenset(raw["group_nouns"]),
        outlet_nouns=frozenset(raw["outlet_nouns"]),
        denial_objects=frozenset(raw["denial_objects"]),
        object_verbs=frozenset(raw["object_verbs"]),
        cue_nouns=frozenset(raw["cue_nouns"]),
        stance_nouns=frozenset(raw["stance_nouns"]),
        topic_preps=frozenset(raw["topic_preps"]),
        light_verbs=frozenset(raw["light_verbs"]),
        finding_nouns=frozenset(raw["finding_nouns"]),
        female_words=frozenset(raw["female_words"]),
        male_words=frozenset(raw["male_words"]),
    )


@cache
def polarity() -> Polarity:
    raw = load_json("polarity.json")
    return Polarity(**word_sets(raw))


@cache
def relations() -> Relations:
    raw = load_json("relations.json")
    frames: dict[str, list[Frame]] = {}
    for entry in raw["frames"]:
        frame = _frame(entry)
        for lemma in frame.lemmas:
            frames.setdefault(lemma, []).append(frame)
    links, designations = raw["link_nouns"], raw["designations"]
    return Relations(
        frames={k: tuple(v) for k, v in frames.items()},
        link_nouns=dict(links["lemmas"]),
        link_preps=frozenset(links["preps"]),
        carrier_verbs=frozenset(links["carrier_verbs"]),
        ending_verbs=frozenset(links["ending_verbs"]),
        inclusion_verbs=frozenset(raw["inclusion"]["verbs"]),
        inclusion_preps=frozenset(raw["inclusion"]["preps"]),
        coalition_nouns=frozenset(raw["memberships"]["nouns"]),
        stronghold_nouns=frozenset(raw["stronghold_nouns"]["nouns"]),
        seat_nouns=frozenset(raw["stronghold_nouns"]["seat_nouns"]),
        target_nouns=frozenset(raw["target_nouns"]["nouns"]),
        backing=dict(raw["backing_modifiers"]["lemmas"]),
        designation_heads=frozenset(designations["heads"]),
        designation_qualifiers=frozenset(designations["qualifiers"]),
        designation_verbs=frozenset(designations["verbs"]),
        generic_heads=frozenset(raw["generic_heads"]),
        campaign_nouns=frozenset(raw["campaigns"]["nouns"]),
        campaign_preps=dict(raw["campaigns"]["preps"]),
        campaign_verbs=frozenset(raw["campaigns"]["verbs"]),
        campaign_purpose_verbs=frozenset(raw["campaigns"]["purpose_verbs"]),
        participation_verbs=frozenset(raw["campaigns"]["participation"]["verbs"]),
        participation_nouns=frozenset(raw["campaigns"]["participation"]["nouns"]),
        responsibility_nouns=frozenset(raw["campaigns"]["responsibility"]["nouns"]),
        responsibility_verbs=frozenset(raw["campaigns"]["responsibility"]["verbs"]),
        reciprocal_verbs=dict(raw["reciprocal"]["verbs"]),
        each_other_verbs=dict(raw["reciprocal"]["each_other"]),
        follower_modifiers=frozenset(raw["followers"]["modifiers"]),
        follower_preps=frozenset(raw["followers"]["preps"]),
        follower_clauses=dict(raw["followers"]["clauses"]["verbs"]),
        supplies=Supplies(**word_sets(raw["supplies"])),
        government_nouns=frozenset(raw["governments"]["nouns"]),
        force_nouns=frozenset(raw["forces"]["nouns"]),
        force_verbs=frozenset(raw["forces"]["verbs"]),
        events=Events(
            verbs=frozenset(raw["events"]["verbs"]),
            place_objects=frozenset(raw["events"]["place_objects"]),
            place_preps=frozenset(raw["events"]["place_preps"]),
            expel_verbs=frozenset(raw["events"]["expel_verbs"]),
            leave_words=frozenset(raw["events"]["leave_words"]),
            leave_objects=frozenset(raw["events"]["leave_objects"]),
            from_preps=frozenset(raw["events"]["from_preps"]),
            join_verbs=frozenset(raw["events"]["join_verbs"]),
            journey_verbs=frozenset(raw["events"]["journey_verbs"]),
            journey_preps=frozenset(raw["events"]["journey_preps"]),
            lose_verbs=frozenset(raw["events"]["lose_verbs"]),
            fall_verbs=frozenset(raw["events"]["fall_verbs"]),
            take_verbs=frozenset(raw["events"]["take_verbs"]),
        ),
        modifier_participles={k: (v[0], bool(v[1])) for k, v in raw["modifier_participles"]["lemmas"].items()},
        stance_prefixes=dict(raw["stance_prefixes"]["prefixes"]),
        place_nouns=frozenset(raw["place_nouns"]["nouns"]),
        place_parts=frozenset(raw["place_parts"]["nouns"]),
        acting_nouns=frozenset(raw["acting_nouns"]["nouns"]),
        partitives=frozenset(raw["partitives"]["nouns"]),
        viewing_verbs=frozenset(raw["viewing_verbs"]["verbs"]),
        control_verbs=frozenset(raw["object_control"]["verbs"]),
        control_preps=frozenset(raw["object_control"]["preps"]),
        roles=_roles(raw["roles"]),
        types={p.name: (p.subject_types, p.object_types) for p in predicate_table().values()},
    )
