"""Events read off our own sentences: type and mode, actor, target, place, date, casualties, sourcing."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from claim_helpers import Analysed, analyse

from claimgraph.errors import ModelError
from claimgraph.model import Dateline, Document, EntityType, Event, Range
from claimgraph.nlp.events.event_lexicon import validate
from claimgraph.nlp.events.reader import find_events, name_implying_events

PUBLISHED = "2016-01-04T08:00:00+02:00"  # a Monday


def events_of(text: str, names: dict[str, EntityType]) -> tuple[Analysed, list[Event]]:
    analysed = analyse(text, names)
    document = Document(id="sha256:test", source_path="test.txt", text=text, published=PUBLISHED)
    return analysed, find_events(analysed.doc, document, analysed.entities, analysed.attributions)


def only(text: str, names: dict[str, EntityType]) -> tuple[Analysed, Event]:
    analysed, found = events_of(text, names)
    assert len(found) == 1, [(e.type, e.trigger.text) for e in found]
    return analysed, found[0]


def test_an_attack_with_its_actor_place_date_and_casualties() -> None:
    a, event = only(
        "Northern Front fighters attacked the town of Karsan on Saturday, killing at least 14 villagers and "
        "wounding 22 others.",
        {"Northern Front": "ARMED_GROUP", "Karsan": "PLACE"},
    )
    assert (event.type, a.name(event.actor), a.name(event.place)) == ("ASSAULT", "Northern Front", "Karsan")
    assert (event.date, event.date_precision) == ("2016-01-02", "day")
    assert event.casualties.killed == Range(14, None)
    assert event.casualties.wounded == 22
    assert event.polarity == "affirmed" and not event.hedged and event.source is None


def test_a_passive_gives_the_agent_as_actor_and_a_number_word_as_figure() -> None:
    a, event = only(
        "Three soldiers were killed by Dawla Brigade militants near Tamsa last month.",
        {"Dawla Brigade": "ARMED_GROUP", "Tamsa": "PLACE"},
    )
    assert (a.name(event.actor), a.name(event.place)) == ("Dawla Brigade", "Tamsa")
    assert event.casualties.killed == 3
    assert (event.date, event.date_precision) == ("2015-12", "month")  # across the year boundary


def test_an_instrument_and_its_verb_are_one_event_with_the_instruments_mode() -> None:
    a, event = only(
        "A car bomb exploded outside a mosque in Larnak, killing between 8 and 11 people.",
        {"Larnak": "PLACE"},
    )
    assert (event.type, event.mode, a.name(event.place)) == ("ASSAULT", "explosives", "Larnak")
    assert event.casualties.killed == Range(8, 11)


def test_two_sides_of_a_clash() -> None:
    a, event = only(
        "The Northern Front clashed with the Dawla Brigade in Karsan province on Friday.",
        {"Northern Front": "ARMED_GROUP", "Dawla Brigade": "ARMED_GROUP", "Karsan": "PLACE"},
    )
    assert event.type == "FIGHT"
    assert (a.name(event.actor), a.name(event.target), a.name(event.place)) == (
        "Northern Front",
        "Dawla Brigade",
        "Karsan",
    )
    assert event.date == "2016-01-01"


def test_a_seized_town_is_the_place_and_the_loser_the_target() -> None:
    a, event = only(
        "The Dawla Brigade seized Tamsa from the Northern Front.",
        {"Dawla Brigade": "ARMED_GROUP", "Northern Front": "ARMED_GROUP", "Tamsa": "PLACE"},
    )
    assert (event.type, event.mode) == ("COERCE", "seize")
    assert (a.name(event.actor), a.name(event.target), a.name(event.place)) == (
        "Dawla Brigade",
        "Northern Front",
        "Tamsa",
    )


def test_a_denied_attack_keeps_its_speaker_as_source() -> None:
    a, found = events_of(
        "The Dawla Brigade denied that it attacked the convoy in Tamsa.",
        {"Dawla Brigade": "ARMED_GROUP", "Tamsa": "PLACE"},
    )
    attack = next(e for e in found if e.trigger.text == "attacked")
    assert attack.polarity == "denied"
    assert a.name(attack.source) == "Dawla Brigade"
    assert attack.attribution is not None


def test_a_hedged_report() -> None:
    _, event = only(
        "The Dawla Brigade allegedly kidnapped 40 workers in Tamsa.",
        {"Dawla Brigade": "ARMED_GROUP", "Tamsa": "PLACE"},
    )
    assert (event.type, event.mode) == ("ASSAULT", "abduct")
    assert event.hedged
    assert event.casualties.kidnapped == 40


def test_a_modifier_or_a_weapon_refines_the_reading() -> None:
    _, event = only("An air strike hit Tamsa on Sunday.", {"Tamsa": "PLACE"})
    assert (event.type, event.mode) == ("FIGHT", "aerial")  # conventional weapons: PLOVER's FIGHT
    _, event = only("Prisoners began a hunger strike in Karsan on Monday.", {"Karsan": "PLACE"})
    assert (event.type, event.mode) == ("PROTEST", "hunger")
    _, event = only("Army tanks attacked Tamsa.", {"Tamsa": "PLACE"})
    assert (event.type, event.mode) == ("FIGHT", "heavy-weapons")


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The Northern Front will release the prisoners in Tamsa.", "AGREE"),  # an intended cooperative act
        ("The Northern Front is ready to withdraw from Tamsa.", "AGREE"),
        ("The Northern Front will boycott the talks in Tamsa.", "THREATEN"),  # an intended hostile one
        ("The Northern Front will withdraw from Tamsa unless the talks resume.", "THREATEN"),  # on a condition
        ("The Northern Front refused to withdraw from Tamsa.", "REJECT"),
        ("The Northern Front will not withdraw from Tamsa.", "REJECT"),
    ],
)
def test_the_clause_decides_what_an_event_amounts_to(text: str, type_: str) -> None:
    a, found = events_of(text, {"Northern Front": "ARMED_GROUP", "Tamsa": "PLACE"})
    # one event: "refused to withdraw" is the refusal ("withdraw" is what is refused, no event of its own)
    (withdrawal,) = [e for e in found if e.trigger.text in ("release", "withdraw", "boycott", "refused")]
    assert withdrawal.type == type_
    assert a.name(withdrawal.actor) == "Northern Front"
    assert withdrawal.polarity == "affirmed"  # a refusal is a REJECT, not a denied event


def test_what_one_party_says_another_must_do_is_a_request_from_the_first() -> None:
    a, found = events_of(
        "The Northern Front said the Dawla Brigade must withdraw from Tamsa.",
        {"Northern Front": "ARMED_GROUP", "Dawla Brigade": "ARMED_GROUP", "Tamsa": "PLACE"},
    )
    request = next(e for e in found if e.trigger.text == "withdraw")
    assert request.type == "REQUEST"
    assert (a.name(request.actor), a.name(request.target)) == ("Northern Front", "Dawla Brigade")


@pytest.mark.parametrize(
    "text",
    [
        "The risk of attack remains high.",  # names no particular event
        "If the Dawla Brigade attacks Tamsa, the talks will end.",  # a condition asserts nothing
    ],
)
def test_no_event_where_none_is_reported(text: str) -> None:
    _, found = events_of(text, {"Dawla Brigade": "ARMED_GROUP", "Tamsa": "PLACE"})
    assert [e for e in found if e.type == "ASSAULT"] == []


def _lexicon() -> dict[str, object]:
    raw: dict[str, object] = json.loads(
        resources.files("claimgraph.nlp").joinpath("lexicons", "events.json").read_text("utf-8")
    )
    return raw


def test_the_shipped_lexicon_is_consistent() -> None:
    lex = validate(_lexicon())  # type: ignore[arg-type]
    assert lex.reading("attack", "VERB") is not None
    assert all(r.type in lex.categories for r in lex.triggers.values())


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"type": "ASSALT", "mode": None, "lemmas": ["zap"], "pos": ["VERB"]}, "unknown category"),
        ({"type": "PROTEST", "mode": "aerial", "lemmas": ["zap"], "pos": ["VERB"]}, "not a mode of PROTEST"),
        ({"type": "PROTEST", "mode": None, "lemmas": ["attack"], "pos": ["VERB"]}, "is both"),
    ],
)
def test_an_inconsistent_lexicon_is_refused(entry: dict[str, object], message: str) -> None:
    raw = _lexicon()
    raw["triggers"] = [*raw["triggers"], entry]  # type: ignore[misc]
    with pytest.raises(ModelError, match=message):
        validate(raw)  # type: ignore[arg-type]


def test_a_claim_an_event_implies_names_the_event() -> None:
    a, event = only("The Dawla Brigade shelled Tamsa on Sunday.", {"Dawla Brigade": "ARMED_GROUP", "Tamsa": "PLACE"})
    name_implying_events(a.claims, [event], a.entities)
    implied = [c for c in a.claims if c.predicate == "operates_in"]
    assert [(a.name(c.subject), a.name(c.object), c.event) for c in implied] == [("Dawla Brigade", "Tamsa", event.id)]


def test_a_claim_no_event_implies_names_none() -> None:
    a, found = events_of("The Dawla Brigade is based in Tamsa.", {"Dawla Brigade": "ARMED_GROUP", "Tamsa": "PLACE"})
    name_implying_events(a.claims, found, a.entities)
    assert a.claims and all(c.event is None for c in a.claims)


def test_a_verb_names_an_event_only_in_its_event_sense() -> None:
    names: dict[str, EntityType] = {"Northern Front": "ARMED_GROUP", "Dawla Brigade": "ARMED_GROUP"}
    _, found = events_of("The Northern Front called for talks with the Dawla Brigade.", names)
    assert "REQUEST" in {e.type for e in found}
    _, found = events_of("The Northern Front is what the Dawla Brigade called a menace.", names)
    assert "REQUEST" not in {e.type for e in found}
    _, found = events_of("The Northern Front hit back at the Dawla Brigade over its comments.", names)
    assert "ASSAULT" not in {e.type for e in found}


@pytest.mark.parametrize(
    "text",
    [
        "Officials warned that Dawla Brigade militants may attack the convoy near Tamsa.",  # a possibility
        "Karsan is not a battle the Northern Front can afford to lose.",  # a description, not a report
        "The mission of the Northern Front is to destroy the Dawla Brigade.",  # a purpose
        "The Northern Front's plan to attack the Dawla Brigade was leaked.",
        "The fight against the Dawla Brigade has drawn volunteers from abroad.",  # a campaign, not an event
    ],
)
def test_what_a_clause_does_not_report_as_having_happened_is_no_event(text: str) -> None:
    _, found = events_of(
        text, {"Northern Front": "ARMED_GROUP", "Dawla Brigade": "ARMED_GROUP", "Karsan": "PLACE", "Tamsa": "PLACE"}
    )
    assert [(e.type, e.trigger.text) for e in found if e.type in ("ASSAULT", "FIGHT")] == []


def test_what_a_demand_asks_for_is_part_of_the_demand_not_an_event_of_its_own() -> None:
    a, found = events_of(
        "The Northern Front demanded the resignation of the governor of Karsan.",
        {"Northern Front": "ARMED_GROUP", "Karsan": "PLACE"},
    )
    assert [(e.type, e.trigger.text, a.name(e.actor)) for e in found] == [("REQUEST", "demanded", "Northern Front")]


def test_the_object_of_a_control_verb_is_who_acts() -> None:
    a, found = events_of(
        "The Northern Front refused to meet the envoy, leaving the Dawla Brigade to hold talks with him.",
        {"Northern Front": "ARMED_GROUP", "Dawla Brigade": "ARMED_GROUP"},
    )
    talks = next(e for e in found if e.trigger.text == "talks")
    assert a.name(talks.actor) == "Dawla Brigade"


def test_the_one_a_report_cites_is_not_the_target() -> None:
    a, event = only(
        "At least 20 soldiers were killed in Tamsa on Sunday, according to the Karsan Monitor.",
        {"Karsan Monitor": "ORGANIZATION", "Tamsa": "PLACE"},
    )
    assert event.target is None and a.name(event.source) == "Karsan Monitor"
    assert event.casualties.killed == Range(20, None)


def test_hyphenated_number_words_and_vague_counts() -> None:
    _, event = only("Twenty-nine soldiers were killed near Tamsa on Monday.", {"Tamsa": "PLACE"})
    assert event.casualties.killed == 29
    _, event = only(
        "An air strike hit a gathering near Tamsa on Monday, killing dozens of fighters.", {"Tamsa": "PLACE"}
    )
    assert event.casualties.killed is None  # "dozens" is no number, and the gathering is not one dead


def test_the_dateline_town_opening_a_story_is_not_its_actor() -> None:
    text = "TAMSA, Jan. 3 - Fighters of the Northern Front clashed with the Dawla Brigade near Karsan on Saturday."
    analysed = analyse(
        text, {"Northern Front": "ARMED_GROUP", "Dawla Brigade": "ARMED_GROUP", "Karsan": "PLACE", "TAMSA": "PLACE"}
    )
    document = Document(
        id="sha256:test", source_path="test.txt", text=text, published=PUBLISHED, dateline=Dateline("TAMSA", None)
    )
    (event,) = find_events(analysed.doc, document, analysed.entities, analysed.attributions)
    assert (analysed.name(event.actor), analysed.name(event.target)) == ("Northern Front", "Dawla Brigade")
