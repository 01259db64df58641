"""Claims over our own sentences: frames, coordination, polarity, hedges, sources and anaphora."""

from __future__ import annotations

from claim_helpers import analyse

from claimgraph.model import EntityType
from claimgraph.nlp.claims.conflicts import find_conflicts

GROUPS: dict[str, EntityType] = {
    "Kessab Brigade": "ARMED_GROUP",
    "Northern Shield": "ARMED_GROUP",
    "Valley Front": "ARMED_GROUP",
    "Levant Institute": "ORGANIZATION",
    "Kessab": "PLACE",
    "Lina Farouk": "PERSON",
    "Omar Saleh": "PERSON",
}


def test_reported_affiliation_takes_its_source_and_cue_from_the_attribution() -> None:
    result = analyse("The Kessab Brigade confirmed that it is affiliated with the Northern Shield.", GROUPS)
    (claim,) = result.claims
    assert result.relations() == {("Kessab Brigade", "affiliated_with", "Northern Shield", "affirmed")}
    assert claim.source == result.eid("Kessab Brigade") and claim.cue == "confirmed"
    assert claim.attribution == result.attributions[0].id
    assert claim.evidence.text.startswith("The Kessab Brigade confirmed")


def test_denial_of_a_generic_class_keeps_the_literal() -> None:
    text = (
        "The Kessab Brigade withdrew last week. The group's media representative stated that the group is "
        "unaffiliated with other armed groups in the region."
    )
    result = analyse(text, GROUPS)
    assert result.relations() == {
        ("Kessab Brigade", "affiliated_with", "other armed groups in the region", "denied"),
    }
    assert result.claims[0].source == result.eid("Kessab Brigade")


def test_coordinated_objects_under_negation_and_a_claiming_verb() -> None:
    result = analyse("The Valley Front claims not to be part of the Northern Shield and the Kessab Brigade.", GROUPS)
    assert result.relations() == {
        ("Valley Front", "part_of", "Northern Shield", "denied"),
        ("Valley Front", "part_of", "Kessab Brigade", "denied"),
    }
    assert all(c.hedged and c.source == result.eid("Valley Front") for c in result.claims)


def test_apposition_designation_and_links_in_the_article_voice() -> None:
    text = (
        "Lina Farouk, a senior researcher of the Levant Institute, visited Kessab. "
        "The Northern Shield is considered a terrorist organization and has links with the Valley Front."
    )
    result = analyse(text, GROUPS)
    assert result.relations() == {
        ("Lina Farouk", "works_for", "Levant Institute", "affirmed"),
        ("Northern Shield", "designated_as", "terrorist organization", "affirmed"),
        ("Northern Shield", "linked_to", "Valley Front", "affirmed"),
    }
    designation = next(c for c in result.claims if c.predicate == "designated_as")
    assert designation.hedged and designation.source is None and designation.object is None


def test_inclusion_coalition_and_passive_leadership() -> None:
    text = (
        "The Northern Shield counts the Valley Front of the Kessab Brigade coalition among its affiliates. "
        "The Valley Front is led by Omar Saleh."
    )
    result = analyse(text, GROUPS)
    assert result.relations() >= {
        ("Valley Front", "affiliated_with", "Northern Shield", "affirmed"),
        ("Valley Front", "part_of", "Kessab Brigade", "affirmed"),
        ("Omar Saleh", "leader_of", "Valley Front", "affirmed"),
    }


def test_the_group_refers_back_to_the_last_armed_group_and_hedge_is_kept() -> None:
    text = "The Valley Front held a parade. The group is reported to operate out of Kessab."
    result = analyse(text, GROUPS)
    (claim,) = result.claims
    assert result.relations() == {("Valley Front", "operates_in", "Kessab", "affirmed")}
    assert claim.hedged and claim.source is None


def test_a_group_noun_with_a_name_we_do_not_know_refers_to_no_earlier_group() -> None:
    known = analyse("The Valley Front held a parade. The militia is reported to operate out of Kessab.", GROUPS)
    assert known.relations() == {("Valley Front", "operates_in", "Kessab", "affirmed")}
    unknown = analyse("The Valley Front held a parade. The Hadar militia is reported to operate out of Kessab.", GROUPS)
    assert unknown.relations() == set()


def test_denied_links_and_backing_modifier() -> None:
    text = "The Jordan-backed Valley Front denies any links to the Kessab Brigade."
    result = analyse(text, {**GROUPS, "Jordan": "PLACE"})
    assert result.relations() == {
        ("Valley Front", "allied_with", "Jordan", "affirmed"),
        ("Valley Front", "linked_to", "Kessab Brigade", "denied"),
    }


def test_wrong_types_and_unresolved_subjects_are_left_out() -> None:
    text = "An armed group surfaced in Kessab. Omar Saleh is affiliated with Kessab."
    assert analyse(text, GROUPS).claims == []


def test_prepositions_on_the_governing_verb_and_phrase_heads() -> None:
    names: dict[str, EntityType] = {**GROUPS, "Turkey": "PLACE"}
    cases = {
        "The Valley Front pledged allegiance to the Northern Shield in 2015.": (
            "Valley Front",
            "pledged_allegiance_to",
            "Northern Shield",
        ),
        "The Valley Front, a splinter group of the Northern Shield, held a parade.": (
            "Valley Front",
            "split_from",
            "Northern Shield",
        ),
        "The Valley Front broke away from the Northern Shield after a feud.": (
            "Valley Front",
            "split_from",
            "Northern Shield",
        ),
        "Omar Saleh said the Valley Front is active in Kessab.": ("Valley Front", "operates_in", "Kessab"),
        "The Turkish-backed Valley Front held a parade.": ("Valley Front", "allied_with", "Turkey"),
    }
    for text, (subject, predicate, obj) in cases.items():
        assert (subject, predicate, obj, "affirmed") in analyse(text, names).relations(), text


def test_via_chains_from_an_interview_and_an_outlet_cited() -> None:
    names: dict[str, EntityType] = {**GROUPS, "Levant Monitor": "MEDIA"}
    text = (
        "The Valley Front gave an interview to Lina Farouk, who wrote up a report for the Levant Monitor. "
        "The Valley Front confirmed in the interview that it is affiliated with the Northern Shield. "
        "The Kessab Brigade operates in Kessab, according to the Levant Monitor."
    )
    result = analyse(text, names)
    affiliation = next(c for c in result.claims if c.predicate == "affiliated_with")
    assert [result.name(v) for v in affiliation.via] == ["Levant Monitor", "Lina Farouk"]
    assert result.name(affiliation.source) == "Valley Front"
    located = next(c for c in result.claims if c.predicate == "operates_in")
    assert located.source is None and [result.name(v) for v in located.via] == ["Levant Monitor"]


def test_descriptions_that_head_a_name_and_names_before_a_generic_head() -> None:
    names: dict[str, EntityType] = {**GROUPS, "Levant Rights Network": "ORGANIZATION"}
    text = (
        "The Levant Rights Network counted the dead in Kessab. The Valley Front raided the town. "
        "A spokesman for the network said that the Valley Front is not affiliated with the Northern Shield group."
    )
    result = analyse(text, names)
    (said,) = [a for a in result.attributions if a.cue.text == "said"]
    assert said.source is not None and result.name(said.source.entity) == "Levant Rights Network"
    assert ("Valley Front", "affiliated_with", "Northern Shield", "denied") in result.relations()


def test_severed_links_are_a_denial_only() -> None:
    result = analyse("The Valley Front says it severed its links with the Northern Shield years ago.", GROUPS)
    assert result.relations() == {("Valley Front", "linked_to", "Northern Shield", "denied")}
    assert find_conflicts(result.claims) == []


STATES: dict[str, EntityType] = {**GROUPS, "Jordan": "PLACE", "Egypt": "PLACE", "Piet Varga": "PERSON"}


def test_campaign_purpose_and_place_on_the_launching_verb() -> None:
    text = (
        "The Valley Front led the ground campaign to defeat the Northern Shield. "
        "Jordan launched a military campaign in Kessab last week. "
        "The Kessab Brigade has fought a long insurgency against the Northern Shield."
    )
    assert {
        ("Valley Front", "rival_of", "Northern Shield", "affirmed"),
        ("Jordan", "operates_in", "Kessab", "affirmed"),
        ("Kessab Brigade", "rival_of", "Northern Shield", "affirmed"),
    } <= analyse(text, STATES).relations()


def test_second_participle_of_an_apposition_backs_the_name() -> None:
    text = "Aid reached the Valley Front, an alliance led by local clans and backed by Jordan, in the spring."
    assert ("Valley Front", "allied_with", "Jordan", "affirmed") in analyse(text, STATES).relations()


def test_a_person_after_the_government_of_leads_it() -> None:
    names: dict[str, EntityType] = {**STATES, "Jordanian government": "ORGANIZATION"}
    text = "Envoys met the Jordanian government of Piet Varga. The government of Omar Saleh said nothing."
    relations = analyse(text, names).relations()
    assert ("Piet Varga", "leader_of", "Jordanian government", "affirmed") in relations
    assert not any(r[0] == "Omar Saleh" for r in relations)  # no country named: nothing to lead


def test_groups_named_with_their_places_in_a_comparison() -> None:
    text = "Varga sees no difference between the Valley Front in Jordan and the Northern Shield in Egypt."
    relations = analyse(text, STATES).relations()
    assert ("Valley Front", "operates_in", "Jordan", "affirmed") in relations
    assert ("Northern Shield", "operates_in", "Egypt", "affirmed") in relations


def test_ousting_a_group_and_a_designated_terrorist_group() -> None:
    text = "The Valley Front ousted the Northern Shield from Kessab. The Northern Shield, a designated terrorist group, withdrew."
    relations = analyse(text, STATES).relations()
    assert ("Valley Front", "rival_of", "Northern Shield", "affirmed") in relations
    assert ("Northern Shield", "designated_as", "designated terrorist group", "affirmed") in relations


def test_a_branch_in_a_place_puts_the_group_there() -> None:
    text = "The Valley Front is allied with Jordan, but its branch in Kessab has asked the Northern Shield for help."
    assert ("Valley Front", "operates_in", "Kessab", "affirmed") in analyse(text, STATES).relations()


def test_parenthetical_relations_stay_in_the_article_voice_inside_reported_speech() -> None:
    text = (
        "Omar Saleh said that the Kessab Brigade trains with the Northern Shield, a designated terrorist group "
        "that has waged an insurgency against the Valley Front."
    )
    result = analyse(text, STATES)
    by_relation = {
        (result.name(c.subject), c.predicate, result.name(c.object) or c.object_literal): c for c in result.claims
    }
    designation = by_relation["Northern Shield", "designated_as", "designated terrorist group"]
    insurgency = by_relation["Northern Shield", "rival_of", "Valley Front"]
    assert designation.source is None and insurgency.source is None and insurgency.attribution is None


def test_a_backing_modifier_inside_reported_speech_is_background() -> None:
    result = analyse("Omar Saleh says that the Jordan-backed Valley Front is linked to the Northern Shield.", STATES)
    backed = next(c for c in result.claims if c.predicate == "allied_with")
    linked = next(c for c in result.claims if c.predicate == "linked_to")
    assert result.name(backed.object) == "Jordan" and backed.source is None
    assert result.name(linked.source) == "Omar Saleh"


def test_troops_and_bases_in_a_place_are_a_presence() -> None:
    text = (
        "Jordanian troops in Kessab stayed indoors. The Valley Front still has 2,000 fighters in Egypt. "
        "The organisation has fighters in Jordan, officials said. The Northern Shield's bases in Kessab were shelled."
    )
    relations = analyse(text, STATES).relations()
    present = {(s, o) for s, p, o, _ in relations if p == "operates_in"}
    assert present == {("Jordan", "Kessab"), ("Valley Front", "Egypt"), ("Northern Shield", "Kessab")}
    assert not any(p == "based_in" for _, p, _, _ in relations)  # several bases are no seat
    # "the organisation" names no one for sure, so it puts no one in Jordan


def test_a_counterpart_works_for_the_country_before_it() -> None:
    text = "Omar Saleh met his Jordanian counterpart, Piet Varga, in Kessab."
    assert ("Piet Varga", "works_for", "Jordan", "affirmed") in analyse(text, STATES).relations()


def test_control_of_a_place_and_dominance_of_a_coalition() -> None:
    text = (
        "Aid went to the Valley Front, the group that dominates the Northern Shield. "
        "The Kessab Brigade controls Kessab. Jordan holds talks with Egypt."
    )
    relations = analyse(text, STATES).relations()
    assert ("Valley Front", "part_of", "Northern Shield", "affirmed") in relations
    # the model parses "Kessab" after "controls" as advmod: the misparsed-object fallback
    assert ("Kessab Brigade", "operates_in", "Kessab", "affirmed") in relations
    assert not any(r[0] == "Jordan" for r in relations)  # talks are no territory


def test_a_state_that_considers_a_group_terrorist_is_the_source() -> None:
    for text in (
        "Egypt considers the Valley Front a terrorist group.",
        "Jordan has long considered the Valley Front a terrorist organisation.",
    ):
        result = analyse(text, STATES)
        (claim,) = [c for c in result.claims if c.predicate == "designated_as"]
        assert result.name(claim.subject) == "Valley Front"
        assert result.name(claim.source) in ("Egypt", "Jordan")
    result = analyse("The Valley Front is considered a terrorist group.", STATES)
    assert ("Valley Front", "designated_as", "terrorist group", "affirmed") in result.relations()


def test_an_offshoot_split_from_its_parent() -> None:
    text = "The Valley Front, an offshoot of the Northern Shield, seized Kessab. The Northern Shield's splinter, the Kessab Brigade, withdrew."
    relations = analyse(text, STATES).relations()
    assert ("Valley Front", "split_from", "Northern Shield", "affirmed") in relations
    assert ("Kessab Brigade", "split_from", "Northern Shield", "affirmed") in relations


def test_questions_and_conditions_assert_no_relation() -> None:
    text = (
        "Officials declined to say whether Jordan would fight the Valley Front. "
        "If the Kessab Brigade attacks the Northern Shield, talks end. Egypt fought the Northern Shield."
    )
    assert analyse(text, STATES).relations() == {("Egypt", "rival_of", "Northern Shield", "affirmed")}


def test_a_city_has_no_leader_or_spokesman_among_the_claims() -> None:
    names: dict[str, EntityType] = {**STATES, "Irbid": "PLACE"}
    text = "Irbid hosted its head, Piet Varga, last year. Jordan's leader, Omar Saleh, stayed away."
    relations = analyse(text, names).relations()
    assert ("Omar Saleh", "leader_of", "Jordan", "affirmed") in relations
    assert not any(r[2] == "Irbid" for r in relations)


def test_we_in_a_spokesman_s_words_is_the_group_he_speaks_for() -> None:
    names: dict[str, EntityType] = {"Valley Front": "ARMED_GROUP", "Tarsh": "PLACE", "Luc Roy": "PERSON"}
    text = '"We control Tarsh," said Luc Roy, a spokesman for the Valley Front.'
    result = analyse(text, names, descriptions={"Luc Roy": ["a spokesman for the Valley Front"]})
    assert ("Valley Front", "operates_in", "Tarsh", "affirmed") in result.relations()
