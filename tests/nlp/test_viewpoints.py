"""Who holds a claim stated as a view or as a rebuttal, on our own sentences: 'For X, …', '… suggests otherwise'."""

from __future__ import annotations

from claim_helpers import analyse

from claimgraph.model import EntityType
from claimgraph.nlp.claims.conflicts import find_conflicts

NAMES: dict[str, EntityType] = {
    "Amber Front": "ARMED_GROUP",
    "Blue Party": "ORGANIZATION",
    "Valley Movement": "ARMED_GROUP",
    "Karl Moss": "PERSON",
    "Tarsh": "PLACE",
}

Held = tuple[str | None, str, str | None, str, bool, str | None]


def _held(text: str) -> set[Held]:
    """(subject, predicate, object, polarity, hedged, source) of every claim."""
    result = analyse(text, NAMES)
    return {
        (result.name(c.subject), c.predicate, result.name(c.object), c.polarity, c.hedged, result.name(c.source))
        for c in result.claims
    }


def test_a_fronted_for_or_in_view_phrase_makes_its_actor_the_hedged_source() -> None:
    part_of = ("Amber Front", "part_of", "Valley Movement", "affirmed", True)
    assert (*part_of, "Blue Party") in _held("For the Blue Party, the Amber Front is part of the Valley Movement.")
    wing = ("Amber Front", "affiliated_with", "Valley Movement", "affirmed", True, "Karl Moss")
    assert wing in _held("In Karl Moss's eyes, the Amber Front is a wing of the Valley Movement.")


def test_a_for_phrase_that_names_no_actor_or_a_modifier_clause_stays_in_the_article_s_voice() -> None:
    assert _held("For years, the Amber Front has been part of the Valley Movement.") == {
        ("Amber Front", "part_of", "Valley Movement", "affirmed", False, None)
    }
    held = _held("For the Blue Party, the Amber Front is part of the Valley Movement, banned as a terror group.")
    assert ("Valley Movement", "designated_as", None, "affirmed", False, None) in held


def test_the_object_a_viewing_verb_makes_something_is_the_viewer_s_claim() -> None:
    held = _held(
        "Karl Moss considers the Amber Front the armed wing of the Valley Movement (VM), a group based in Tarsh."
    )
    assert ("Amber Front", "affiliated_with", "Valley Movement", "affirmed", True, "Karl Moss") in held


def test_otherwise_states_the_opposite_of_the_claim_it_answers_and_conflicts_with_it() -> None:
    text = "The Amber Front denies any links to the Valley Movement, but the evidence shows otherwise."
    result = analyse(text, NAMES)
    held = _held(text)
    assert ("Amber Front", "linked_to", "Valley Movement", "denied", False, "Amber Front") in held
    assert ("Amber Front", "linked_to", "Valley Movement", "affirmed", False, None) in held
    by_id = {c.id: c for c in result.claims}
    assert any({by_id[i].polarity for i in c.claims} == {"affirmed", "denied"} for c in find_conflicts(result.claims))


def test_an_actor_that_thinks_otherwise_holds_the_hedged_opposite() -> None:
    held = _held(
        "Karl Moss insists that the Amber Front is part of the Valley Movement, though the Blue Party thinks otherwise."
    )
    assert ("Amber Front", "part_of", "Valley Movement", "denied", True, "Blue Party") in held


def test_a_counterfactual_otherwise_reverses_nothing() -> None:
    held = _held("The Amber Front is part of the Valley Movement, which would otherwise have lost Tarsh.")
    assert {h[3] for h in held if h[1] == "part_of"} == {"affirmed"}


def test_plural_people_stand_for_a_body_only_when_they_hold_office_in_it() -> None:
    result = analyse(
        "The Amber Front attacked Tarsh. The activists said the Blue Party is part of the Valley Movement.", NAMES
    )
    assert {result.name(a.source.entity) for a in result.attributions if a.source is not None} == {None}
    result = analyse("Leaders of the Amber Front said the Blue Party is part of the Valley Movement.", NAMES)
    assert {result.name(c.source) for c in result.claims if c.predicate == "part_of"} == {"Amber Front"}


def test_a_possessive_in_a_clause_without_a_subject_binds_to_the_governing_subject_s_owner() -> None:
    text = (
        "The Blue Party fought the Amber Front for years. The Valley Movement's approach would be to go back "
        "to the peace process aimed at ending its conflict with the Amber Front."
    )
    assert ("Valley Movement", "rival_of", "Amber Front", "affirmed", False, None) in _held(text)


def _viewed(text: str) -> set[Held]:
    result = analyse(text, {**NAMES, "Belgium": "PLACE"}, rules_only=True)
    return {
        (
            result.name(c.subject),
            c.predicate,
            result.name(c.object) or c.object_literal,
            c.polarity,
            c.hedged,
            result.name(c.source),
        )
        for c in result.claims
    }


def test_what_a_viewing_verb_takes_as_something_is_the_viewer_s_hedged_claim() -> None:
    part_of = ("Amber Front", "part_of", "Valley Movement", "affirmed", True, "Belgium")
    assert part_of in _viewed("Belgium regards the Amber Front as part of the Valley Movement.")
    wing = ("Amber Front", "affiliated_with", "Valley Movement", "affirmed", True, "Belgium")
    assert wing in _viewed("Belgium considers the Amber Front as the armed wing of the Valley Movement.")
    # inside a parenthesis the view is still its holder's, not the article's
    assert wing in _viewed("Belgium objects to the Amber Front, which it sees as an extension of the Valley Movement.")
    designated = ("Amber Front", "designated_as", "terrorist group", "affirmed", True, "Belgium")
    assert designated in _viewed("The Amber Front, which Belgium regards as a terrorist group, seized Tarsh.")


def test_a_foe_or_ally_without_its_own_other_side_is_the_viewer_s() -> None:
    assert ("Amber Front", "rival_of", "Belgium", "affirmed", True, "Belgium") in _viewed(
        "Belgium views the Amber Front as a mortal foe."
    )
    assert ("Amber Front", "allied_with", "Belgium", "affirmed", True, "Belgium") in _viewed(
        "Belgium sees the Amber Front as its ally."
    )
    named = _viewed("Belgium regards the Amber Front as the enemy of the Valley Movement.")
    assert ("Amber Front", "rival_of", "Valley Movement", "affirmed", True, "Belgium") in named
    assert not any(h[2] == "Belgium" for h in named)
