"""Each claim mechanism on sentences of our own: noun-phrase participles, reduced clauses, events as evidence."""

from __future__ import annotations

import pytest
from claim_helpers import analyse

from claimgraph.model import EntityType
from claimgraph.nlp.claims import relations
from claimgraph.nlp.claims.evidence import implied

NAMES: dict[str, EntityType] = {
    "Valley Front": "ARMED_GROUP",
    "Northern Shield": "ARMED_GROUP",
    "Levant Institute": "ORGANIZATION",
    "Dunmore": "PLACE",
    "Tarsh": "PLACE",
    "Bel Harra": "PLACE",
    "Belgium": "PLACE",
    "Amina Yusuf": "PERSON",
}


def test_hyphenated_participles_read_both_directions() -> None:
    result = analyse("The Dunmore-based Levant Institute said the Valley Front-held town of Tarsh was shelled.", NAMES)
    assert ("Levant Institute", "based_in", "Dunmore", "affirmed") in result.relations()
    assert ("Valley Front", "operates_in", "Tarsh", "affirmed") in result.relations()


def test_a_hyphenated_participle_modifies_the_names_after_it_until_the_next_one() -> None:
    pair = analyse("The Tarsh-based Levant Institute and the Dunmore-based Northern Shield signed it.", NAMES)
    based = {r for r in pair.relations() if r[1] == "based_in"}
    assert based == {
        ("Levant Institute", "based_in", "Tarsh", "affirmed"),
        ("Northern Shield", "based_in", "Dunmore", "affirmed"),
    }
    listed = analyse("Dunmore-based Levant Institute and Northern Shield, Tarsh-based Valley Front, were there.", NAMES)
    assert {(s, o) for s, p, o, _ in listed.relations() if p == "based_in"} == {
        ("Levant Institute", "Dunmore"),
        ("Northern Shield", "Dunmore"),
        ("Valley Front", "Tarsh"),
    }


def test_a_participle_without_a_hyphen_is_not_a_compound_relation() -> None:
    result = analyse("The Levant Institute based its report on interviews in Dunmore.", NAMES)
    assert ("Levant Institute", "based_in", "Dunmore", "affirmed") not in result.relations()


def test_reduced_and_relative_passive_clauses_name_their_agent() -> None:
    reduced = analyse("Tarsh, the last town held by the Valley Front, was quiet.", NAMES)
    assert reduced.relations() == {("Valley Front", "operates_in", "Tarsh", "affirmed")}
    relative = analyse("Residents fled Tarsh, which is controlled by the Northern Shield.", NAMES)
    assert ("Northern Shield", "operates_in", "Tarsh", "affirmed") in relative.relations()


def test_seizing_and_shelling_a_place_is_operating_in_it() -> None:
    result = analyse("The Valley Front captured Tarsh and shelled the town of Bel Harra on Monday.", NAMES)
    assert result.relations() == {
        ("Valley Front", "operates_in", "Tarsh", "affirmed"),
        ("Valley Front", "operates_in", "Bel Harra", "affirmed"),
    }


def test_fighters_act_for_their_group_also_as_a_passive_agent() -> None:
    active = analyse("Valley Front militants killed 20 soldiers in Tarsh.", NAMES)
    assert active.relations() == {("Valley Front", "operates_in", "Tarsh", "affirmed")}
    passive = analyse("Bel Harra was shelled by Northern Shield fighters.", NAMES)
    assert passive.relations() == {("Northern Shield", "operates_in", "Bel Harra", "affirmed")}


def test_a_visit_is_not_an_event_of_force() -> None:
    assert analyse("The Valley Front commander visited Tarsh in May.", NAMES).relations() == set()


def test_a_role_before_a_name_in_subject_apposition() -> None:
    result = analyse("The Belgian president, Amina Yusuf, was once a leader of the Northern Shield.", NAMES)
    assert ("Amina Yusuf", "leader_of", "Belgium", "affirmed") in result.relations()
    assert ("Amina Yusuf", "leader_of", "Northern Shield", "affirmed") in result.relations()


def test_implied_relations_of_an_event_for_the_event_layer() -> None:
    types: dict[str, EntityType] = {"g": "ARMED_GROUP", "h": "ARMED_GROUP", "p": "PLACE", "x": "PERSON"}
    assert implied("g", "h", "p", types.get) == [("g", "operates_in", "p"), ("g", "rival_of", "h")]
    assert implied("x", "h", "p", types.get) == []
    assert implied("g", "x", None, types.get) == []


def test_roles_beside_a_name() -> None:
    names: dict[str, EntityType] = {**NAMES, "Omar Saleh": "PERSON"}
    president = analyse("Omar Saleh met the Belgian president, Amina Yusuf.", names)
    assert president.relations() == {("Amina Yusuf", "leader_of", "Belgium", "affirmed")}
    # the role is presupposed: the negation is about the meeting, not the office
    negated = analyse("The talks did not include the Belgian foreign minister, Amina Yusuf.", names)
    assert negated.relations() == {("Amina Yusuf", "works_for", "Belgium", "affirmed")}
    # a nationality before a profession is not an employer
    assert analyse("Belgian journalist Omar Saleh was freed.", names).relations() == set()


def test_a_representative_speaks_for_a_group_and_works_for_a_state() -> None:
    names: dict[str, EntityType] = {**NAMES, "Omar Saleh": "PERSON"}
    group = analyse("Omar Saleh, the Valley Front's representative, spoke.", names)
    assert group.relations() == {("Omar Saleh", "spokesperson_of", "Valley Front", "affirmed")}
    state = analyse("Omar Saleh, the Belgian special representative, spoke.", names)
    assert state.relations() == {("Omar Saleh", "works_for", "Belgium", "affirmed")}


def test_a_group_noun_with_its_name_inside_stands_for_the_group() -> None:
    text = "The Levant Institute studied the Northern Shield militia, which Belgium regards as a terrorist group."
    result = analyse(text, NAMES)
    assert ("Northern Shield", "designated_as", "terrorist group", "affirmed") in result.relations()


def test_the_group_abstains_between_two_equally_salient_groups() -> None:
    tie = "The Valley Front fled. The Northern Shield stayed. The group is based in Dunmore."
    assert not any(c.predicate == "based_in" for c in analyse(tie, NAMES).claims)
    salient = "The Valley Front met the Northern Shield. The Valley Front left. The group is based in Dunmore."
    assert ("Valley Front", "based_in", "Dunmore", "affirmed") in analyse(salient, NAMES).relations()


def test_a_group_driven_out_of_a_place_was_there() -> None:
    active = analyse("The Northern Shield drove the Valley Front out of Tarsh.", NAMES)
    assert ("Valley Front", "operates_in", "Tarsh", "affirmed") in active.relations()
    passive = analyse("The Valley Front was ousted from the town of Tarsh by the Northern Shield.", NAMES)
    placed = [(passive.name(c.subject), c.object, c.tense) for c in passive.claims if c.predicate == "operates_in"]
    assert ("Valley Front", passive.eid("Tarsh"), "past") in placed
    assert analyse("Thousands of civilians were driven out of Tarsh.", NAMES).relations() == set()


def test_an_actor_withdrawing_from_a_place_operates_there() -> None:
    verb = analyse("Belgium announced it was pulling its 2,000 troops out of Dunmore.", NAMES)
    assert ("Belgium", "operates_in", "Dunmore", "affirmed") in verb.relations()
    noun = analyse("The withdrawal of Belgian troops from Dunmore began on Monday.", NAMES)
    assert noun.relations() == {("Belgium", "operates_in", "Dunmore", "affirmed")}
    plain = analyse("The Valley Front withdrew from Tarsh after a week.", NAMES)
    assert plain.relations() == {("Valley Front", "operates_in", "Tarsh", "affirmed")}


def test_being_based_in_a_place_makes_operating_there_a_repeat() -> None:
    result = analyse("The Valley Front is based in Tarsh. The Valley Front controls Tarsh.", NAMES)
    assert result.relations() == {("Valley Front", "based_in", "Tarsh", "affirmed")}


def test_a_stronghold_named_right_after_the_noun() -> None:
    result = analyse("The Northern Shield's stronghold Tarsh fell after a week.", NAMES)
    assert result.relations() == {("Northern Shield", "operates_in", "Tarsh", "affirmed")}
    seat = analyse("Troops reached the Valley Front's capital Tarsh on Monday.", NAMES)
    assert ("Valley Front", "based_in", "Tarsh", "affirmed") in seat.relations()


def test_support_for_a_group_is_an_alliance_and_can_be_denied() -> None:
    assert ("Belgium", "allied_with", "Valley Front", "affirmed") in analyse(
        "Belgium's support for the Valley Front angered its neighbours.", NAMES
    ).relations()
    assert ("Belgium", "allied_with", "Valley Front", "denied") in analyse(
        "Belgium denied any support for the Valley Front.", NAMES
    ).relations()


def test_a_nationality_word_or_a_name_before_a_link_noun_is_its_subject_as_a_possessor_is() -> None:
    """'Belgian support for X', 'Front cooperation with Y': the modifier says whose link it is."""
    for text, subject in (
        ("Belgian support for the Valley Front angered its neighbours.", "Belgium"),
        ("Northern Shield cooperation with the Valley Front is growing.", "Northern Shield"),
    ):
        assert (subject, "allied_with", "Valley Front", "affirmed") in (
            analyse(text, NAMES, rules_only=True).relations()
        ), text
    # a stance names the other side, and a people with no country of its own names no one
    for text in (
        "The anti-Northern Shield cooperation with the Valley Front is growing.",
        "Kurdish support for the Valley Front is growing.",
    ):
        assert analyse(text, NAMES, rules_only=True).relations() == set(), text


def test_a_common_noun_coordinated_with_a_name_stands_for_the_name_apposed_to_it() -> None:
    """'held by X and its ally, Y': the ally is Y, and Y holds the town too."""
    held = analyse("Tarsh is controlled by the Valley Front and its ally, the Northern Shield.", NAMES, rules_only=True)
    assert ("Northern Shield", "operates_in", "Tarsh", "affirmed") in held.relations()
    assert ("Valley Front", "operates_in", "Tarsh", "affirmed") in held.relations()


def test_who_and_whom_take_up_the_group_before_a_place_the_parser_hung_them_on() -> None:
    """'the Front in Tarsh, with whom …': 'who' stands for a person or a body, never for the town."""
    fought = analyse(
        "Belgium sees no difference between the Valley Front in Tarsh and the Northern Shield in Dunmore, "
        "with whom Belgium has fought a long war.",
        NAMES,
        rules_only=True,
    ).relations()
    assert ("Belgium", "rival_of", "Northern Shield", "affirmed") in fought
    assert not any(r[1] == "rival_of" and {r[0], r[2]} & {"Tarsh", "Dunmore"} for r in fought)


def test_an_attack_on_a_town_is_operating_in_it_and_on_a_group_s_positions_is_rivalry() -> None:
    """'the Front's assault on Dunmore' reads as 'the Front attacked Dunmore'; 'Front positions' stand for the Front."""
    assault = analyse("The Valley Front's assault on Dunmore killed 12.", NAMES, rules_only=True).relations()
    assert assault == {("Valley Front", "operates_in", "Dunmore", "affirmed")}
    state = analyse("The Valley Front's attack on Belgium failed.", NAMES, rules_only=True).relations()
    assert state == {("Valley Front", "rival_of", "Belgium", "affirmed")}  # a country attacked is a rival
    for text in (
        "Belgium bombed Valley Front positions.",
        "Belgium's airstrikes on the Valley Front's bases continued.",
    ):
        assert ("Belgium", "rival_of", "Valley Front", "affirmed") in analyse(text, NAMES, rules_only=True).relations()


def test_a_designation_the_parser_made_a_second_object_designates_the_first_or_the_passive_subject() -> None:
    for text, polarity in (
        ("Belgium has designated the Valley Front a terrorist group.", "affirmed"),
        ("The Valley Front was designated a terrorist organisation by Belgium.", "affirmed"),
        ("Belgium has not designated the Valley Front a terrorist group.", "denied"),
    ):
        designations = [r for r in analyse(text, NAMES, rules_only=True).relations() if r[1] == "designated_as"]
        assert [(r[0], r[3]) for r in designations] == [("Valley Front", polarity)], text
    assert analyse("Belgium banned a terrorist group.", NAMES, rules_only=True).relations() == set()


def test_whoever_links_two_others_holds_a_view_of_their_link() -> None:
    """'Y links X with Z': X is linked to Z in Y's view (hedged); 'X is linked to Z' stays the article's."""
    for text in (
        "The Levant Institute links the Valley Front with the Northern Shield.",
        "The Levant Institute is less willing to link the Valley Front with the Northern Shield.",
    ):
        result = analyse(text, NAMES, rules_only=True)
        said = [
            (result.name(c.subject), c.predicate, result.name(c.object), c.hedged, result.name(c.source))
            for c in result.claims
        ]
        assert said == [("Valley Front", "linked_to", "Northern Shield", True, "Levant Institute")], text
    plain = analyse("The Valley Front is linked to the Northern Shield.", NAMES, rules_only=True)
    assert [(c.hedged, c.source) for c in plain.claims] == [(False, None)]


def test_fighters_from_a_group_act_for_it_and_fighters_from_a_place_for_no_one() -> None:
    fighters = analyse("Fighters from the Valley Front attacked Dunmore.", NAMES, rules_only=True).relations()
    assert fighters == {("Valley Front", "operates_in", "Dunmore", "affirmed")}
    clashed = analyse("Militants from the Valley Front clashed with the Northern Shield.", NAMES, rules_only=True)
    assert ("Valley Front", "rival_of", "Northern Shield", "affirmed") in clashed.relations()
    assert analyse("Fighters from Tarsh attacked Dunmore.", NAMES, rules_only=True).relations() == set()


def test_leaving_a_place_or_refusing_to_says_the_actor_is_there() -> None:
    for text in ("Belgian forces would leave Tarsh imminently.", "Belgium said its troops would not leave Tarsh."):
        relations = analyse(text, NAMES, rules_only=True).relations()
        assert ("Belgium", "operates_in", "Tarsh", "affirmed") in relations, text
        assert ("Belgium", "operates_in", "Tarsh", "denied") not in relations, text
    assert analyse("Amina Yusuf left the Valley Front in 2015.", NAMES, rules_only=True).relations() == set()


CAPITALS: dict[str, EntityType] = {
    "Valley Front": "ARMED_GROUP",
    "Portugal": "PLACE",
    "Lisbon": "PLACE",
    "Tarsh": "PLACE",
}


def test_a_capital_of_a_group_apposed_to_a_place_is_the_group_s_seat() -> None:
    """'Tarsh, the de facto capital of the Front('s caliphate)': the group after 'of' holds the seat."""
    for text in (
        "Tarsh, the de facto capital of the Valley Front, fell on Monday.",
        "Tarsh, the self-declared capital of the Valley Front's emirate, fell on Monday.",
    ):
        assert ("Valley Front", "based_in", "Tarsh", "affirmed") in analyse(text, NAMES, rules_only=True).relations()
    # a place after 'of' is where the capital lies, not whose it is
    assert analyse("Tarsh, the capital of Belgium, fell on Monday.", NAMES, rules_only=True).relations() == set()


def test_a_capital_that_acts_is_its_country() -> None:
    result = analyse(
        "Portugal has long watched the war. Lisbon's support for the Valley Front angered its rivals.", CAPITALS
    )
    assert result.relations() == {("Portugal", "allied_with", "Valley Front", "affirmed")}


def test_a_capital_as_the_place_of_a_relation_stays_the_city() -> None:
    result = analyse("The Valley Front is based in Lisbon, far from the borders of Portugal.", CAPITALS)
    assert result.relations() == {("Valley Front", "based_in", "Lisbon", "affirmed")}


def test_a_capital_is_not_a_state_where_the_article_names_no_country() -> None:
    names: dict[str, EntityType] = {"Valley Front": "ARMED_GROUP", "Lisbon": "PLACE"}
    assert analyse("Lisbon's support for the Valley Front angered its rivals.", names).relations() == set()


def test_joining_a_group_somewhere_puts_the_group_there() -> None:
    names: dict[str, EntityType] = {**NAMES, "Portugal": "PLACE"}
    joined = analyse("Dozens of Belgians who joined the Valley Front in Tarsh have come home.", names, rules_only=True)
    assert joined.relations() == {("Valley Front", "operates_in", "Tarsh", "affirmed")}
    journey = analyse("Volunteers who travel to Tarsh to join the Valley Front pose a risk.", names, rules_only=True)
    assert journey.relations() == {("Valley Front", "operates_in", "Tarsh", "affirmed")}
    left = analyse("Amina Yusuf left Portugal in 2015 to join the Valley Front.", names, rules_only=True)
    assert ("Valley Front", "operates_in", "Portugal", "affirmed") not in left.relations()
    assert analyse("Portugal joined Belgium in Tarsh.", names, rules_only=True).relations() == set()


def test_a_cell_carrying_a_group_s_name_stands_for_the_group() -> None:
    text = "Amina Yusuf is alleged to have been part of a Valley Front terror cell."
    (claim,) = analyse(text, NAMES, rules_only=True).claims
    assert (claim.predicate, claim.polarity, claim.hedged) == ("member_of", "affirmed", True)


def test_a_group_attacked_somewhere_is_there_too() -> None:
    killed = analyse("Belgian jets killed 15 Valley Front fighters in Tarsh.", NAMES, rules_only=True)
    assert ("Valley Front", "operates_in", "Tarsh", "affirmed") in killed.relations()
    fought = analyse("Two Belgians were killed fighting the Valley Front in Tarsh.", NAMES, rules_only=True)
    assert fought.relations() == {("Valley Front", "operates_in", "Tarsh", "affirmed")}
    terrorists = analyse("The army killed 20 Valley Front terrorists in Tarsh.", NAMES, rules_only=True)
    assert ("Valley Front", "operates_in", "Tarsh", "affirmed") in terrorists.relations()


def test_anti_and_pro_prefixes_say_the_phrase_s_stance_and_its_leader_s() -> None:
    names: dict[str, EntityType] = {
        "Hurras": "ARMED_GROUP",
        "Jaysh": "ARMED_GROUP",
        "Belgium": "PLACE",
        "Tarsh": "PLACE",
    }

    def rules(text: str) -> set[tuple[str | None, str, str | None, str]]:
        return analyse(text, names, rules_only=True).relations()

    assert rules("The anti-Hurras Jaysh fought on.") == {("Jaysh", "rival_of", "Hurras", "affirmed")}
    assert rules("Jaysh, an anti-Hurras militia, fought on.") == {("Jaysh", "rival_of", "Hurras", "affirmed")}
    assert rules("The Belgian-led anti-Hurras coalition struck Tarsh.") == {
        ("Belgium", "rival_of", "Hurras", "affirmed")
    }
    # the coalition is neither Hurras nor the last group named
    assert rules("Hurras fought on. The anti-Hurras coalition struck Tarsh.") == set()


def test_a_part_of_a_place_stands_for_the_place() -> None:
    possessed = analyse("The Valley Front in Belgium's north-east has grown.", NAMES, rules_only=True)
    assert ("Valley Front", "operates_in", "Belgium", "affirmed") in possessed.relations()
    of_phrase = analyse("The Northern Shield shelled villages in the south of Belgium.", NAMES, rules_only=True)
    assert ("Northern Shield", "operates_in", "Belgium", "affirmed") in of_phrase.relations()
    narrower = analyse("The Valley Front attacked the Tarsh suburbs of Dunmore.", NAMES, rules_only=True)
    assert ("Valley Front", "operates_in", "Tarsh", "affirmed") in narrower.relations()


def test_a_presence_noun_takes_the_place_phrase_the_parse_hung_on_its_verb() -> None:
    result = analyse("The deal will strengthen the Valley Front's presence in Tarsh.", NAMES, rules_only=True)
    assert ("Valley Front", "operates_in", "Tarsh", "affirmed") in result.relations()
    control = analyse("The Northern Shield took control of Bel Harra in May.", NAMES, rules_only=True)
    assert ("Northern Shield", "operates_in", "Bel Harra", "affirmed") in control.relations()


def test_a_place_held_by_a_group_after_a_comma() -> None:
    result = analyse("The fighting spread again in Tarsh, controlled by the Valley Front.", NAMES, rules_only=True)
    assert ("Valley Front", "operates_in", "Tarsh", "affirmed") in result.relations()


def test_a_past_mention_of_a_relation_stated_as_present_is_no_second_claim() -> None:
    text = "The Valley Front used to control Tarsh. Valley Front fighters in Tarsh fired on the town."
    claims = analyse(text, NAMES, rules_only=True).claims
    tarsh = [c for c in claims if c.predicate == "operates_in"]
    assert [c.tense for c in tarsh] == ["present"]


def test_a_coordinated_role_noun_takes_the_employer_on_the_first_noun() -> None:
    text = "Amina Yusuf is the senior terrorism and counterterrorism researcher at the Levant Institute."
    result = analyse(text, NAMES, rules_only=True)
    assert ("Amina Yusuf", "works_for", "Levant Institute", "affirmed") in result.relations()


def test_a_designation_names_the_group_inside_its_phrase_or_before_its_participle() -> None:
    inside = analyse("Troops clashed with a Valley Front terrorist group near Tarsh.", NAMES, rules_only=True)
    assert ("Valley Front", "designated_as", "terrorist group", "affirmed") in inside.relations()
    participle = "Talks stalled over the Valley Front, proscribed in Belgium as a terrorist organisation."
    assert ("Valley Front", "designated_as", "terrorist organisation", "affirmed") in analyse(
        participle, NAMES, rules_only=True
    ).relations()
    cell = analyse("Police arrested members of a Valley Front terror cell in Tarsh.", NAMES, rules_only=True)
    assert not {r for r in cell.relations() if r[1] == "designated_as"}


def test_a_nationality_before_fighters_other_than_troops_is_where_they_come_from() -> None:
    result = analyse("Police said Belgian jihadists in Tarsh had been arrested.", NAMES, rules_only=True)
    assert ("Belgium", "operates_in", "Tarsh", "affirmed") not in result.relations()


def test_a_coordinate_the_parser_hung_before_the_last_name() -> None:
    result = analyse("The Valley Front seized Tarsh and Bel Harra.", NAMES, rules_only=True)
    assert result.relations() == {
        ("Valley Front", "operates_in", "Tarsh", "affirmed"),
        ("Valley Front", "operates_in", "Bel Harra", "affirmed"),
    }


def test_a_defence_or_capture_of_a_place_is_operating_in_it() -> None:
    defence = analyse("The Valley Front fought a dogged defence of Tarsh.", NAMES, rules_only=True)
    assert ("Valley Front", "operates_in", "Tarsh", "affirmed") in defence.relations()
    capture = analyse("The Belgian capture of Tarsh was swift.", NAMES, rules_only=True)
    assert ("Belgium", "operates_in", "Tarsh", "affirmed") in capture.relations()


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        # people acting for a named group put it where they are
        ("Troops raided a house of Valley Front militants in Tarsh.", ("Valley Front", "operates_in", "Tarsh")),
        # a quantity stands for the fighters after its 'of'
        ("Dozens of Valley Front fighters were killed in Tarsh.", ("Valley Front", "operates_in", "Tarsh")),
        # a place noun after its name, inside an of-phrase
        (
            "Valley Front fighters were killed in several areas of Tarsh province.",
            ("Valley Front", "operates_in", "Tarsh"),
        ),
        # a group and its place past a parenthesis
        (
            "Talks with the Valley Front (VF) in Belgium's south-east failed.",
            ("Valley Front", "operates_in", "Belgium"),
        ),
        # the core of a group is part of it
        (
            "The Northern Shield, the core of the Valley Front, rolled back its rivals.",
            ("Northern Shield", "part_of", "Valley Front"),
        ),
        # where an attack happened, hung by the parser on its target, is where the attacker is too
        (
            "The Valley Front, which has been targeting the Northern Shield in Tarsh, refused.",
            ("Valley Front", "operates_in", "Tarsh"),
        ),
        # a reduced clause on a predicate nominal
        ("Tarsh is a town held by the Valley Front.", ("Valley Front", "operates_in", "Tarsh")),
        # what is held stands for its holder as a target
        (
            "The Valley Front attacked positions held by the Northern Shield.",
            ("Valley Front", "rival_of", "Northern Shield"),
        ),
        # a relation noun carried by 'fight', and a relative pronoun after a preposition
        ("Belgium has fought a war with the Valley Front since 2012.", ("Belgium", "rival_of", "Valley Front")),
        (
            "The Northern Shield, with whom the Valley Front fought a long war, denied it.",
            ("Valley Front", "rival_of", "Northern Shield"),
        ),
        # a relative pronoun as the object of its clause
        (
            "Residents returned to Tarsh, which the Valley Front seized in May.",
            ("Valley Front", "operates_in", "Tarsh"),
        ),
        # a place lost or fallen to a group is the group's
        ("The Valley Front lost Tarsh to the Northern Shield.", ("Northern Shield", "operates_in", "Tarsh")),
        ("Tarsh fell to the Northern Shield in May.", ("Northern Shield", "operates_in", "Tarsh")),
        # a class noun stands for the names it lists
        (
            "The Valley Front controls areas including Tarsh and Bel Harra.",
            ("Valley Front", "operates_in", "Bel Harra"),
        ),
        (
            "The Valley Front fought groups such as the Northern Shield.",
            ("Valley Front", "rival_of", "Northern Shield"),
        ),
        # what a group's people do somewhere, the group does there
        ("Police said members of the Valley Front were meeting in Tarsh.", ("Valley Front", "operates_in", "Tarsh")),
        # people named by whom they follow stand for it
        ("Fighters loyal to the Valley Front stormed Tarsh.", ("Valley Front", "operates_in", "Tarsh")),
        # a group noun said of a name, with the place it is in
        ("The Valley Front is one of the strongest groups in Tarsh.", ("Valley Front", "operates_in", "Tarsh")),
        ("The Valley Front, the largest militia in Tarsh, denied it.", ("Valley Front", "operates_in", "Tarsh")),
        # a campaign noun claimed, and fire opened on a group
        ("The Valley Front claimed responsibility for the bombing in Tarsh.", ("Valley Front", "operates_in", "Tarsh")),
        (
            "Valley Front gunmen opened fire on Northern Shield fighters.",
            ("Valley Front", "rival_of", "Northern Shield"),
        ),
        # clashes between two groups, and two groups that clashed
        (
            "Clashes between the Valley Front and the Northern Shield killed ten.",
            ("Valley Front", "rival_of", "Northern Shield"),
        ),
        ("The Valley Front and the Northern Shield clashed in Tarsh.", ("Valley Front", "rival_of", "Northern Shield")),
        (
            "The Valley Front and the Northern Shield fought each other.",
            ("Valley Front", "rival_of", "Northern Shield"),
        ),
        # arms handed over, either way
        ("Belgium sent weapons to the Valley Front.", ("Belgium", "allied_with", "Valley Front")),
        ("The Valley Front receives weapons from Belgium.", ("Valley Front", "allied_with", "Belgium")),
        ("Belgium supplied the Valley Front with rockets.", ("Belgium", "allied_with", "Valley Front")),
        # where a group's seat lies, it operates
        ("The Valley Front lost Tarsh, its de facto capital in Belgium.", ("Valley Front", "operates_in", "Belgium")),
        ("Belgium seeks to topple the Valley Front.", ("Belgium", "rival_of", "Valley Front")),
        # a person who fights with or for a group is its member
        (
            "Amina Yusuf, a Briton who fought with the Valley Front, returned.",
            ("Amina Yusuf", "member_of", "Valley Front"),
        ),
        ("Amina Yusuf fought for the Valley Front in Tarsh.", ("Amina Yusuf", "member_of", "Valley Front")),
        ("The Northern Shield fought with the Valley Front.", ("Northern Shield", "rival_of", "Valley Front")),
    ],
)
def test_a_sentence_states_its_relation(sentence: str, relation: tuple[str, str, str]) -> None:
    assert (*relation, "affirmed") in analyse(sentence, NAMES, rules_only=True).relations()


def test_two_groups_that_fought_somewhere_are_not_read_as_each_other_s_rivals() -> None:
    together = analyse("The Valley Front and the Northern Shield fought in Tarsh.", NAMES, rules_only=True)
    assert not {r for r in together.relations() if r[1] == "rival_of"}
    other_side = analyse("The Valley Front and the Northern Shield clashed with Belgium.", NAMES, rules_only=True)
    assert ("Valley Front", "rival_of", "Northern Shield", "affirmed") not in other_side.relations()


def test_the_group_that_lost_a_place_was_there() -> None:
    result = analyse("The Valley Front lost Tarsh to the Northern Shield.", NAMES, rules_only=True)
    lost = [c for c in result.claims if result.name(c.subject) == "Valley Front" and c.predicate == "operates_in"]
    assert [c.tense for c in lost] == ["past"]


def test_a_party_s_nominee_is_its_member() -> None:
    names: dict[str, EntityType] = {"Green Party": "ORGANIZATION", "Ola Berg": "PERSON"}
    result = analyse("Ola Berg, the 2010 Green Party presidential nominee, said so.", names, rules_only=True)
    assert result.relations() == {("Ola Berg", "member_of", "Green Party", "affirmed")}


def test_aid_sent_to_a_country_is_no_alliance() -> None:
    assert analyse("Belgium sent aid to Tarsh and money to Bel Harra.", NAMES, rules_only=True).relations() == set()


def test_a_country_s_government_or_army_stands_for_the_country_on_either_side() -> None:
    for body in ("the government of Belgium", "Belgium's government", "the Belgian government"):
        assert ("Valley Front", "rival_of", "Belgium", "affirmed") in analyse(
            f"The Valley Front is fighting {body}.", NAMES, rules_only=True
        ).relations()
        subject = body[0].upper() + body[1:]
        assert ("Belgium", "allied_with", "Northern Shield", "affirmed") in analyse(
            f"{subject} backs the Northern Shield.", NAMES, rules_only=True
        ).relations()


def test_a_government_named_for_its_ruler_is_not_a_country() -> None:
    result = analyse("The government of Amina Yusuf backs the Northern Shield.", NAMES, rules_only=True)
    assert not any(r[0] == "Amina Yusuf" and r[1] == "allied_with" for r in result.relations())


def test_a_place_taken_from_a_group_was_the_group_s_and_the_taker_is_its_rival() -> None:
    relations = analyse(
        "The Valley Front recaptured Tarsh from the Northern Shield.", NAMES, rules_only=True
    ).relations()
    assert ("Northern Shield", "operates_in", "Tarsh", "affirmed") in relations
    assert ("Valley Front", "rival_of", "Northern Shield", "affirmed") in relations
    passive = analyse("Tarsh was seized from the Northern Shield by the Valley Front.", NAMES, rules_only=True)
    assert ("Valley Front", "rival_of", "Northern Shield", "affirmed") in passive.relations()
    # a country after 'from' may say where the taker came from: no rivalry read
    country = analyse("The Valley Front took Tarsh from Belgium.", NAMES, rules_only=True).relations()
    assert not any(r[1] == "rival_of" for r in country)


def test_a_prepositional_phrase_after_the_copula_says_the_relation_of_its_subject() -> None:
    assert ("Valley Front", "rival_of", "Northern Shield", "affirmed") in analyse(
        "The Valley Front has been at war with the Northern Shield since 2010.", NAMES, rules_only=True
    ).relations()
    assert ("Belgium", "rival_of", "Valley Front", "affirmed") in analyse(
        "Belgium is in conflict with the Valley Front.", NAMES, rules_only=True
    ).relations()
    assert ("Valley Front", "rival_of", "Northern Shield", "denied") in analyse(
        "The Valley Front is not at war with the Northern Shield.", NAMES, rules_only=True
    ).relations()


def test_a_description_qualified_as_armed_takes_up_the_armed_group_with_its_fighters() -> None:
    text = (
        "The Levant Institute has studied the Valley Front for years. The Levant Institute said the group was weaker."
        " But the jihadist organisation is thought to still have 3,000 fighters at large in Tarsh and Bel Harra."
    )
    relations = analyse(text, NAMES, rules_only=True).relations()
    assert ("Valley Front", "operates_in", "Tarsh", "affirmed") in relations
    assert ("Valley Front", "operates_in", "Bel Harra", "affirmed") in relations
    assert not any(r[0] == "Levant Institute" and r[1] == "operates_in" for r in relations)


def test_a_share_of_a_place_stands_for_the_place() -> None:
    for share in ("much", "pockets", "swathes"):
        assert ("Valley Front", "operates_in", "Tarsh", "affirmed") in analyse(
            f"The Valley Front still holds {share} of Tarsh.", NAMES, rules_only=True
        ).relations()


def test_the_object_of_an_accusation_does_what_its_gerund_says() -> None:
    accused = analyse("Belgium accused the Valley Front of shelling Tarsh.", NAMES, rules_only=True)
    assert [(accused.name(c.subject), c.predicate, accused.name(c.object), c.hedged) for c in accused.claims] == [
        ("Valley Front", "operates_in", "Tarsh", True)
    ]
    passive = analyse(
        "The Valley Front has been accused of cooperating with the Northern Shield.", NAMES, rules_only=True
    )
    assert [(c.predicate, c.hedged) for c in passive.claims] == [("allied_with", True)]
    assert ("Belgium", "operates_in", "Tarsh", "affirmed") not in accused.relations()


def test_a_gerund_between_two_groups_is_their_link_noun() -> None:
    relations = analyse(
        "Fighting between the Valley Front and the Northern Shield killed 12 people.", NAMES, rules_only=True
    ).relations()
    assert relations == {("Valley Front", "rival_of", "Northern Shield", "affirmed")}


def test_a_backed_group_noun_passes_the_backing_to_the_name_it_is_said_of() -> None:
    apposed = analyse("The Valley Front, a Belgian-backed militia, took Tarsh.", NAMES, rules_only=True)
    assert ("Valley Front", "allied_with", "Belgium", "affirmed") in apposed.relations()
    predicated = analyse("The Valley Front is a Belgian-backed group.", NAMES, rules_only=True)
    assert predicated.relations() == {("Valley Front", "allied_with", "Belgium", "affirmed")}
    offensive = analyse("The Valley Front launched a Belgian-backed offensive.", NAMES, rules_only=True)
    assert not any(r[1] == "allied_with" for r in offensive.relations())


def test_capturing_or_detaining_a_group_s_members_is_rivalry() -> None:
    captured = analyse("The Northern Shield captured dozens of Valley Front members.", NAMES, rules_only=True)
    assert captured.relations() == {("Northern Shield", "rival_of", "Valley Front", "affirmed")}
    detained = analyse("Belgium has detained members of the Valley Front.", NAMES, rules_only=True)
    assert detained.relations() == {("Belgium", "rival_of", "Valley Front", "affirmed")}
    person = analyse("The Northern Shield arrested Amina Yusuf.", NAMES, rules_only=True)
    assert person.relations() == set()
    place = analyse("The Northern Shield captured Tarsh.", NAMES, rules_only=True)
    assert place.relations() == {("Northern Shield", "operates_in", "Tarsh", "affirmed")}


def test_a_noun_after_a_verb_s_as_is_said_of_the_verb_s_subject() -> None:
    emerged = analyse("The Valley Front emerged in 2014 as a splinter of the Northern Shield.", NAMES, rules_only=True)
    assert emerged.relations() == {("Valley Front", "split_from", "Northern Shield", "affirmed")}
    serves = analyse("The Valley Front serves as the armed wing of the Northern Shield.", NAMES, rules_only=True)
    assert serves.relations() == {("Valley Front", "affiliated_with", "Northern Shield", "affirmed")}
    viewed = analyse("Belgium regards the Valley Front as a wing of the Northern Shield.", NAMES, rules_only=True)
    assert [(viewed.name(c.subject), c.hedged) for c in viewed.claims] == [("Valley Front", True)]


def test_who_takes_part_in_a_campaign_is_its_actor() -> None:
    for text in (
        "Belgium took part in the offensive against the Valley Front.",
        "Belgian troops were deployed in the fight against the Valley Front.",
        "Belgium, a partner in the war on the Valley Front, sent troops.",
    ):
        assert analyse(text, NAMES, rules_only=True).relations() == {
            ("Belgium", "rival_of", "Valley Front", "affirmed")
        }, text
    assert (
        analyse("Amina Yusuf was killed in the fight against the Valley Front.", NAMES, rules_only=True).relations()
        == set()
    )


def test_fighters_who_joined_a_group_stand_for_it() -> None:
    detained = analyse(
        "The Northern Shield has detained 900 fighters who joined the Valley Front.", NAMES, rules_only=True
    )
    assert detained.relations() == {("Northern Shield", "rival_of", "Valley Front", "affirmed")}
    acting = analyse("Fighters who joined the Valley Front attacked Tarsh.", NAMES, rules_only=True)
    assert acting.relations() == {("Valley Front", "operates_in", "Tarsh", "affirmed")}
    left = analyse("Members who left the Valley Front attacked Tarsh.", NAMES, rules_only=True)
    assert left.relations() == set()


def test_acting_alongside_a_group_is_alliance_also_when_the_parse_hangs_it_on_a_place() -> None:
    patrol = analyse("Valley Front fighters patrol Tarsh alongside Northern Shield fighters.", NAMES, rules_only=True)
    assert patrol.relations() == {
        ("Valley Front", "allied_with", "Northern Shield", "affirmed"),
        ("Valley Front", "operates_in", "Tarsh", "affirmed"),
    }
    deployed = analyse("Belgian troops are deployed alongside the Valley Front.", NAMES, rules_only=True)
    assert deployed.relations() == {("Belgium", "allied_with", "Valley Front", "affirmed")}
    killed = analyse("Amina Yusuf was killed alongside Northern Shield fighters.", NAMES, rules_only=True)
    assert killed.relations() == set()


def test_where_a_group_s_fighters_are_the_group_is() -> None:
    for text in ("Valley Front fighters are in Tarsh.", "The Valley Front's fighters are still in Tarsh."):
        assert analyse(text, NAMES, rules_only=True).relations() == {
            ("Valley Front", "operates_in", "Tarsh", "affirmed")
        }
    assert analyse("Amina Yusuf is in Tarsh.", NAMES, rules_only=True).relations() == set()


def test_we_and_our_in_a_speaker_s_words_are_the_body_the_speaker_speaks_for() -> None:
    """'"We have fighters in Tarsh," said X, a Front spokesman': the Front is there, in X's words."""
    spokesman = {"Amina Yusuf": ["a Valley Front spokeswoman"]}
    for text in (
        '"We have fighters in Tarsh," said Amina Yusuf, a Valley Front spokeswoman.',
        '"Our fighters are in Tarsh," said Amina Yusuf, a Valley Front spokeswoman.',
    ):
        result = analyse(text, NAMES, descriptions=spokesman, rules_only=True)
        assert ("Valley Front", "operates_in", "Tarsh", "affirmed") in result.relations(), text
        (claim,) = [c for c in result.claims if c.predicate == "operates_in"]
        assert result.name(claim.source) == "Amina Yusuf"
    # no speaker: 'we' is not guessed at
    assert analyse("We have fighters in Tarsh, the report says.", NAMES, rules_only=True).relations() == set()


def test_an_organisation_named_at_another_is_part_of_it() -> None:
    names: dict[str, EntityType] = {
        **NAMES,
        "Centre for Border Studies": "ORGANIZATION",
        "Tallin University": "ORGANIZATION",
    }
    plain = analyse("The Centre for Border Studies at Tallin University published it.", names).relations()
    assert ("Centre for Border Studies", "part_of", "Tallin University", "affirmed") in plain
    hung = "Amina Yusuf, director at the Centre for Border Studies (CBS) at Tallin University, said so."
    assert ("Centre for Border Studies", "part_of", "Tallin University", "affirmed") in analyse(hung, names).relations()
    # a place is where it is, and a fixtures table in capitals pairs teams, not a body and its host
    assert not any(c.predicate == "part_of" for c in analyse("The Levant Institute at Tarsh met.", names).claims)
    table = analyse(
        "CENTRE FOR BORDER STUDIES AT TALLIN UNIVERSITY 3 1",
        {"CENTRE FOR BORDER STUDIES": "ORGANIZATION", "TALLIN UNIVERSITY": "ORGANIZATION"},
    )
    assert not table.claims


def test_a_mechanism_called_only_on_the_lemmas_it_declares_reads_what_it_reads_on_every_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The gates of ``relations.MECHANISMS`` only skip calls: every mechanism called on every token reads the same."""
    texts = (
        "The Dunmore-based Levant Institute said the Valley Front-held town of Tarsh was shelled.",
        "The Valley Front captured Tarsh and shelled the town of Bel Harra on Monday.",
        "The Northern Shield drove the Valley Front out of Tarsh, and Belgian forces would leave Dunmore.",
        "The withdrawal of Belgian troops from Dunmore began after the Valley Front lost Tarsh to the Northern Shield.",
        "Bel Harra fell to the Northern Shield, which seized Tarsh from the Valley Front.",
        "Dozens of Belgians who joined the Valley Front in Tarsh have come home.",
    )
    gated = [analyse(text, NAMES, rules_only=True).claims for text in texts]
    assert all(gated)
    every_token = tuple((name, mechanism, None) for name, mechanism, _ in relations.MECHANISMS)
    monkeypatch.setattr(relations, "MECHANISMS", every_token)
    assert [analyse(text, NAMES, rules_only=True).claims for text in texts] == gated


def test_a_conjunct_set_against_the_other_is_not_coordinated_with_it() -> None:
    for contrasted in ("the Valley Front instead of the Northern Shield", "the Valley Front, not the Northern Shield"):
        assert analyse(f"Belgium backs {contrasted}.", NAMES).relations() == {
            ("Belgium", "allied_with", "Valley Front", "affirmed")
        }, contrasted
    both = analyse("Belgium backs the Valley Front and the Northern Shield.", NAMES).relations()
    assert ("Belgium", "allied_with", "Northern Shield", "affirmed") in both


def test_a_relative_after_the_agent_closing_an_apposition_describes_the_name_apposed() -> None:
    names: dict[str, EntityType] = {**NAMES, "Harbour Committee": "ORGANIZATION"}
    text = "The Harbour Committee, an alliance led by local militias and backed by Belgium, which took Tarsh, spoke."
    relations = analyse(text, names).relations()
    assert ("Harbour Committee", "operates_in", "Tarsh", "affirmed") in relations
    assert ("Belgium", "operates_in", "Tarsh", "affirmed") not in relations
    # without an apposition the relative is the agent's
    plain = analyse("The Valley Front is backed by Belgium, which took Tarsh.", names).relations()
    assert ("Belgium", "operates_in", "Tarsh", "affirmed") in plain
