"""Argument coreference over our own sentences: plural descriptions that take up the groups just named."""

from __future__ import annotations

from claim_helpers import analyse

from claimgraph.model import EntityType
from claimgraph.nlp.claims.conflicts import find_conflicts

NAMES: dict[str, EntityType] = {
    "Amber Front": "ARMED_GROUP",
    "Blue Party": "ORGANIZATION",
    "Cedar Brigade": "ARMED_GROUP",
    "Valley Movement": "ARMED_GROUP",
    "Estmoor": "PLACE",
}


def test_these_groups_takes_up_both_groups_of_the_sentence_before() -> None:
    text = (
        "Estmoor is held by the Amber Front and its political partner, the Blue Party. "
        "For the government, these groups are part of the Valley Movement."
    )
    relations = analyse(text, NAMES).relations()
    assert ("Amber Front", "part_of", "Valley Movement", "affirmed") in relations
    assert ("Blue Party", "part_of", "Valley Movement", "affirmed") in relations


def test_both_groups_is_a_pair() -> None:
    text = "The Amber Front and the Blue Party met on Monday. Both groups are affiliated with the Valley Movement."
    relations = analyse(text, NAMES).relations()
    assert {s for s, p, o, _ in relations if p == "affiliated_with" and o == "Valley Movement"} == {
        "Amber Front",
        "Blue Party",
    }


def test_a_count_that_does_not_match_the_groups_named_abstains() -> None:
    text = "The Amber Front and the Blue Party met on Monday. The three groups are affiliated with the Valley Movement."
    assert not {r for r in analyse(text, NAMES).relations() if r[1] == "affiliated_with"}


def test_a_plural_description_after_too_many_groups_abstains() -> None:
    text = (
        "The Amber Front, the Blue Party, the Cedar Brigade and the Valley Movement met on Monday. "
        "These groups are part of the Estmoor council."
    )
    assert not {r for r in analyse(text, NAMES).relations() if r[1] == "part_of"}


def test_a_modified_plural_is_a_kind_not_the_last_list() -> None:
    text = (
        "The Amber Front and the Blue Party met on Monday. The armed groups in Estmoor are part of the Valley Movement."
    )
    members = {s for s, p, _, _ in analyse(text, NAMES).relations() if p == "part_of"}
    assert members != {"Amber Front", "Blue Party"}


def test_a_group_said_to_be_another_under_a_plural_description_conflicts_with_its_denial() -> None:
    text = (
        "Estmoor is held by the Amber Front and its political partner, the Blue Party. "
        "For the government, these groups are synonymous with the Valley Movement. "
        "Leaders of the Blue Party say they are not part of the Valley Movement."
    )
    result = analyse(text, NAMES)
    assert ("Blue Party", "part_of", "Valley Movement", "affirmed") in result.relations()
    assert ("Blue Party", "part_of", "Valley Movement", "denied") in result.relations()
    conflicts = find_conflicts(result.claims)
    by_id = {c.id: c for c in result.claims}
    assert any({by_id[i].polarity for i in conflict.claims} == {"affirmed", "denied"} for conflict in conflicts)


def test_their_after_people_no_one_owns_abstains() -> None:
    names: dict[str, EntityType] = {"Valley Front": "ARMED_GROUP", "Tarsh": "PLACE", "Omar Haddad": "PERSON"}
    two = "The Valley Front arrested the militants after capturing their leader Omar Haddad in Tarsh."
    assert not any(c.predicate == "leader_of" for c in analyse(two, names).claims)
    owned = "Members of the group and the Valley Front lost their leader Omar Haddad in Tarsh."
    assert ("Omar Haddad", "leader_of", "Valley Front", "affirmed") in analyse(owned, names).relations()
    alone = "The Valley Front lost their leader Omar Haddad in Tarsh."
    assert ("Omar Haddad", "leader_of", "Valley Front", "affirmed") in analyse(alone, names).relations()
