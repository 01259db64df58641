"""Roles beside a person's name (nlp/claims/roles.py), on sentences of our own."""

from __future__ import annotations

from claim_helpers import analyse

from claimgraph.model import EntityType

NAMES: dict[str, EntityType] = {
    "Valley Front": "ARMED_GROUP",
    "Peace Council": "ORGANIZATION",
    "Tallin University": "ORGANIZATION",
    "United Nations": "ORGANIZATION",
    "France": "PLACE",
    "Belgium": "PLACE",
    "Geneva": "PLACE",
    "Tarsh": "PLACE",
    "Norby": "PLACE",
    "Ida Brenner": "PERSON",
    "Luc Roy": "PERSON",
}


def relations(text: str) -> set[tuple[str | None, str, str | None, str]]:
    return analyse(text, NAMES).relations()


def test_a_title_before_the_name_and_a_role_apposed_before_it() -> None:
    assert relations("France and Belgium met. French President Ida Brenner spoke.") == {
        ("Ida Brenner", "leader_of", "France", "affirmed")
    }
    assert ("Ida Brenner", "leader_of", "Belgium", "affirmed") in relations(
        "France and Belgium met. The Belgian dictator, Ida Brenner, spoke."
    )
    assert ("Ida Brenner", "works_for", "France", "affirmed") in relations(
        "France and Belgium met. The French attorney general, Ida Brenner, spoke."
    )


def test_a_deputy_works_for_the_state_and_a_deputy_leader_belongs_to_the_group() -> None:
    vice = relations("France and Belgium met. The French vice-president, Ida Brenner, spoke.")
    assert ("Ida Brenner", "works_for", "France", "affirmed") in vice
    assert ("Ida Brenner", "leader_of", "France", "affirmed") not in vice
    deputy = relations("Luc Roy, the deputy leader of the Valley Front, was killed.")
    assert deputy == {("Luc Roy", "member_of", "Valley Front", "affirmed")}


def test_a_role_apposed_after_the_name_with_its_employer_after_a_preposition() -> None:
    assert relations("Luc Roy, a spokesman for the Valley Front, said the talks were over.") == {
        ("Luc Roy", "spokesperson_of", "Valley Front", "affirmed")
    }
    assert relations("Ida Brenner, co-chair of the Peace Council, said the talks had stalled.") == {
        ("Ida Brenner", "leader_of", "Peace Council", "affirmed")
    }
    # the head of the council's office leads the office, not the council
    assert relations("Ida Brenner, head of the Peace Council's media office, resigned.") == set()


def test_a_profession_works_for_an_organisation_never_for_a_country() -> None:
    assert relations("Luc Roy, a Tallin University expert on insurgency, agreed.") == {
        ("Luc Roy", "works_for", "Tallin University", "affirmed")
    }
    assert relations("Tallin University historian Luc Roy disagreed.") == {
        ("Luc Roy", "works_for", "Tallin University", "affirmed")
    }
    assert relations("France and Belgium met. French historian Luc Roy disagreed.") == set()


def test_the_first_named_employer_wins_over_a_destination() -> None:
    text = "France's permanent representative to the United Nations in Geneva, Ida Brenner, objected."
    result = relations(text)
    assert ("Ida Brenner", "works_for", "France", "affirmed") in result
    assert ("Ida Brenner", "works_for", "United Nations", "affirmed") not in result


def test_a_role_is_presupposed_but_can_be_past_or_hedged() -> None:
    negated = analyse("Nobody thanked Luc Roy, a spokesman for the Valley Front.", NAMES)
    assert negated.relations() == {("Luc Roy", "spokesperson_of", "Valley Front", "affirmed")}
    former = analyse("Luc Roy, a former commander of the Valley Front, was arrested.", NAMES)
    assert [(c.predicate, c.tense) for c in former.claims] == [("leader_of", "past")]
    suspected = analyse("Police held Luc Roy, a suspected member of the Valley Front.", NAMES)
    assert [(c.predicate, c.hedged) for c in suspected.claims] == [("member_of", True)]


def test_a_role_word_inside_a_name_is_no_role() -> None:
    names: dict[str, EntityType] = {**NAMES, "President Hotel": "ORGANIZATION"}
    assert analyse("Luc Roy left the President Hotel, Ida Brenner said.", names).relations() == set()


def test_a_fighter_named_with_the_group_is_its_member() -> None:
    assert relations("Valley Front fighter Luc Roy was captured.") == {
        ("Luc Roy", "member_of", "Valley Front", "affirmed")
    }
    # a nationality before a fighter says where he is from, not what he belongs to
    assert relations("France and Belgium met. French jihadist Luc Roy was captured.") == set()


def test_the_body_right_after_a_name_employs_them_but_not_a_place_or_a_phrase_on_another_word() -> None:
    def rules(text: str) -> set[tuple[str | None, str, str | None, str]]:
        return analyse(text, NAMES, rules_only=True).relations()

    assert rules("Ida Brenner from the Peace Council said the talks failed.") == {
        ("Ida Brenner", "works_for", "Peace Council", "affirmed")
    }
    assert rules("Luc Roy from the Valley Front said nothing.") == {
        ("Luc Roy", "member_of", "Valley Front", "affirmed")
    }
    assert rules("Ida Brenner of Belgium spoke.") == set()
    assert rules("The release of Luc Roy from the Valley Front was a surprise.") == set()


def test_a_place_after_a_body_we_do_not_know_is_where_the_envoy_goes() -> None:
    text = "Talks began with the OSCE Belgium special envoy, Luc Roy, on Tuesday."
    assert ("Luc Roy", "works_for", "Belgium", "affirmed") not in analyse(text, NAMES, rules_only=True).relations()
    known = "Talks began with the Belgian special envoy, Luc Roy, on Tuesday."
    assert ("Luc Roy", "works_for", "Belgium", "affirmed") in analyse(known, NAMES, rules_only=True).relations()


def test_a_role_apposed_after_a_preposition_is_read_from_its_own_determiner() -> None:
    text = "The delegation met with the Peace Council Belgium envoy, Luc Roy, on Tuesday."
    assert analyse(text, NAMES, rules_only=True).relations() == {("Luc Roy", "works_for", "Peace Council", "affirmed")}


def test_a_mayor_or_governor_alone_rules_the_one_town_or_province_named_nearby() -> None:
    assert relations("Tarsh has taken in many families, Mayor Luc Roy said.") == {
        ("Luc Roy", "leader_of", "Tarsh", "affirmed")
    }
    assert relations("The floods reached Norby. The governor, Ida Brenner, asked for help.") == {
        ("Ida Brenner", "leader_of", "Norby", "affirmed")
    }
    # Two towns in the sentence: which one he governs is not guessed; a mayor rules no country,
    # and a head of state's title alone is not tied to the country beside it.
    assert not relations("Tarsh and Norby signed a pact, Mayor Luc Roy said.")
    assert not relations("France has taken in many families, Mayor Luc Roy said.")
    assert not relations("President Luc Roy ordered troops to France.")


def test_a_title_s_object_after_the_name() -> None:
    assert analyse("President Ida Brenner of France visited Geneva.", NAMES, rules_only=True).relations() == {
        ("Ida Brenner", "leader_of", "France", "affirmed")
    }
    assert analyse("Foreign Minister Luc Roy of Belgium spoke.", NAMES, rules_only=True).relations() == {
        ("Luc Roy", "works_for", "Belgium", "affirmed")
    }
    # "of France's ruling party" names the party's owner, not the president's country
    assert analyse("President Ida Brenner of France's ruling party spoke.", NAMES, rules_only=True).relations() == set()


def _rules(text: str) -> set[tuple[str | None, str, str | None, str]]:
    return analyse(text, NAMES, rules_only=True).relations()


def test_a_leader_s_title_without_a_name_is_the_one_person_the_sentence_named_outside_its_clause() -> None:
    said = "Belgium's envoy rejected remarks by Luc Roy, saying that the French president had not asked for a vote."
    assert ("Luc Roy", "leader_of", "France", "affirmed") in _rules(said)
    assert ("Luc Roy", "leader_of", "France", "affirmed") in _rules(
        "Crowds cheered Luc Roy in Norby as France's president promised new jobs."
    )
    # the title's own clause names someone else: the subject, an addressee, a pronoun for the person named
    for text in (
        "Luc Roy contradicted the French president on Monday.",
        "In a letter to Luc Roy on Monday, the French president asked for help.",
        "Luc Roy arrived in Geneva, and the French president welcomed him.",
        "Luc Roy said the French president was wrong.",  # the speaker does not name himself so
        "Luc Roy met Ida Brenner in Geneva, and the French president said the talks had failed.",  # two people
        "Luc Roy left Geneva, and the French vice president stayed.",  # a deputy is not the leader
    ):
        assert not any(r[1] == "leader_of" for r in _rules(text)), text


def test_a_preposition_whose_object_is_the_role_opens_the_role_apposed_before_the_name() -> None:
    """'… by Belgium's envoy, X': the possessor after 'by' opens the phrase as a determiner would."""
    assert ("Luc Roy", "works_for", "Belgium", "affirmed") in _rules(
        "The plan was praised by Belgium's ambassador to the United Nations in Geneva, Luc Roy."
    )
    assert ("Luc Roy", "works_for", "France", "affirmed") in _rules(
        "The move was called “alarming” by France’s permanent representative, Luc Roy."
    )


def test_a_body_and_a_role_run_on_after_the_name_without_a_comma() -> None:
    """Copy that lost its commas: '… said X Peace Council deputy director.'"""
    assert ("Luc Roy", "spokesperson_of", "Peace Council", "affirmed") in _rules(
        '"We will stay," said Luc Roy Peace Council spokesman.'
    )
    assert ("Luc Roy", "works_for", "Tallin University", "affirmed") in _rules(
        "Ida Brenner met Luc Roy Tallin University historian on Monday."
    )
    # what follows the body is no role, or the role is not the phrase's last word: nothing is read
    assert not any(r[0] == "Luc Roy" for r in _rules("Ida Brenner gave Luc Roy Peace Council support."))


def test_a_title_the_parser_hangs_on_a_name_before_it_is_not_that_name_s_when_it_has_its_own_verb() -> None:
    """'After talks with X, the French president asked …': the title is the subject of 'asked', not X's."""
    for text in (
        "After talks with Luc Roy, the French president asked for help.",
        "Writing to Luc Roy, the French president asked for help.",
    ):
        assert not any(r[1] == "leader_of" for r in _rules(text)), text
    assert ("Luc Roy", "leader_of", "France", "affirmed") in _rules("Luc Roy, the French president, asked for help.")


def test_a_leader_s_title_opening_the_next_sentence_takes_up_that_sentence_s_subject() -> None:
    """'X refused to meet Y, the Belgian envoy. The French president said …': the title continues the topic."""
    carried = (
        "Luc Roy refused to meet Ida Brenner, the Belgian envoy, in Geneva. The French president said talks had failed."
    )
    assert ("Luc Roy", "leader_of", "France", "affirmed") in _rules(carried)
    assert ("Ida Brenner", "leader_of", "France", "affirmed") not in _rules(carried)
    for text in (
        "Luc Roy met Ida Brenner in Geneva. The French president said talks had failed.",  # two people fit
        "Ida Brenner met Luc Roy, the Belgian envoy. Crowds cheered the French president.",  # no subject title
        "Crowds cheered Luc Roy in Geneva. The French president said talks had failed.",  # Luc Roy is no subject
        "Luc Roy, Belgium's foreign minister, arrived in Geneva. The French president said talks had failed.",
        "Luc Roy arrived in Geneva. Then Ida Brenner said the French president was wrong.",  # a person named before
    ):
        assert not any(r[1] == "leader_of" and r[2] == "France" for r in _rules(text)), text


def test_a_title_is_not_given_to_a_coordinated_name_with_a_title_of_its_own() -> None:
    assert relations("The envoy met French Foreign Minister Luc Roy and Belgian President Ida Brenner.") == {
        ("Luc Roy", "works_for", "France", "affirmed"),
        ("Ida Brenner", "leader_of", "Belgium", "affirmed"),
    }
    assert relations("The envoy met his French counterpart Luc Roy and Belgian President Ida Brenner.") == {
        ("Luc Roy", "works_for", "France", "affirmed"),
        ("Ida Brenner", "leader_of", "Belgium", "affirmed"),
    }
    # a collective title, and a name with none of its own, still take in the coordination
    assert relations("The Valley Front's leadership, Luc Roy and Ida Brenner, was killed.") == {
        ("Luc Roy", "leader_of", "Valley Front", "affirmed"),
        ("Ida Brenner", "leader_of", "Valley Front", "affirmed"),
    }


def test_a_word_between_the_state_and_its_leader_s_title_names_whom_the_person_leads() -> None:
    for qualified in (
        "Belgian rebel leader Luc Roy",
        "Luc Roy, the Belgian tribal leader,",
        "Belgian Kurdish leader Luc Roy",
    ):
        assert relations(f"{qualified} was arrested in Tarsh.") == set(), qualified
    for title in (
        "Belgian interim president Luc Roy",
        "Belgium's former leader, Luc Roy,",
        "Belgian Prime Minister Luc Roy",
    ):
        assert ("Luc Roy", "leader_of", "Belgium", "affirmed") in relations(f"{title} was arrested in Tarsh."), title


def test_a_singular_apposition_after_coordinated_names_is_the_last_one_s() -> None:
    assert relations("Ida Brenner and Luc Roy, the Peace Council's envoy, began talks.") == {
        ("Luc Roy", "works_for", "Peace Council", "affirmed")
    }
    assert relations("Ida Brenner and Luc Roy, the Peace Council's envoys, began talks.") == {
        ("Ida Brenner", "works_for", "Peace Council", "affirmed"),
        ("Luc Roy", "works_for", "Peace Council", "affirmed"),
    }
