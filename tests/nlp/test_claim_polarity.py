"""Denials, hedges and time on our own sentences, and conflicts that respect time."""

from __future__ import annotations

from claim_helpers import analyse, nlp

from claimgraph.extraction import claim_to_json
from claimgraph.model import EntityType
from claimgraph.nlp.claims.conflicts import Statement, conflicts_between
from claimgraph.nlp.claims.polarity import is_denied, is_hedged

NAMES: dict[str, EntityType] = {
    "Valley Front": "ARMED_GROUP",
    "Northern Shield": "ARMED_GROUP",
    "Tarsh": "PLACE",
    "Omar Saleh": "PERSON",
}


def _tenses(text: str) -> set[tuple[str | None, str, str | None, str, str]]:
    result = analyse(text, NAMES)
    return {(result.name(c.subject), c.predicate, result.name(c.object), c.polarity, c.tense) for c in result.claims}


def test_former_ex_once_and_the_past_perfect_state_a_relation_as_over() -> None:
    assert _tenses("Omar Saleh, a former leader of the Valley Front, spoke.") == {
        ("Omar Saleh", "leader_of", "Valley Front", "affirmed", "past")
    }
    assert _tenses("Omar Saleh, an ex-commander of the Valley Front, spoke.") == {
        ("Omar Saleh", "leader_of", "Valley Front", "affirmed", "past")
    }
    assert _tenses("The Valley Front was once the affiliate of the Northern Shield.") == {
        ("Valley Front", "affiliated_with", "Northern Shield", "affirmed", "past")
    }
    assert _tenses("The Valley Front had allied with the Northern Shield.") == {
        ("Valley Front", "allied_with", "Northern Shield", "affirmed", "past")
    }
    assert _tenses("The Valley Front used to control Tarsh.") == {
        ("Valley Front", "operates_in", "Tarsh", "affirmed", "past")
    }


def test_a_present_relation_omits_tense_in_the_contract() -> None:
    result = analyse("The Valley Front is allied with the Northern Shield.", NAMES)
    (claim,) = result.claims
    assert claim.tense == "present" and "tense" not in claim_to_json(claim)
    past = analyse("The Valley Front had allied with the Northern Shield.", NAMES)
    assert claim_to_json(past.claims[0])["tense"] == "past"


def test_no_longer_and_no_presence_deny_the_relation_now() -> None:
    assert _tenses("The Valley Front no longer controls Tarsh.") == {
        ("Valley Front", "operates_in", "Tarsh", "denied", "present")
    }
    assert _tenses("The Valley Front has no presence in Tarsh.") == {
        ("Valley Front", "operates_in", "Tarsh", "denied", "present")
    }


def test_rejecting_a_claim_or_finding_no_evidence_denies_what_it_says() -> None:
    def polarity(text: str) -> set[str]:
        return {c.polarity for c in analyse(text, NAMES).claims}

    assert polarity("The Valley Front rejected claims that it was allied with the Northern Shield.") == {"denied"}
    assert polarity("Monitors found no evidence that the Valley Front operates in Tarsh.") == {"denied"}
    assert polarity("Claims that the Valley Front operates in Tarsh were rejected by Omar Saleh.") == {"denied"}
    # a negated noun that is not what the clause says leaves it affirmed
    assert polarity("There is no doubt that the Valley Front operates in Tarsh.") == {"affirmed"}
    assert polarity("Reports that the Valley Front operates in Tarsh were confirmed.") == {"affirmed"}


def test_suspected_and_believed_hedge_the_claim() -> None:
    suspected = analyse("The suspected Valley Front recruiter Omar Saleh was arrested.", NAMES)
    assert [(c.predicate, c.hedged) for c in suspected.claims] == [("member_of", True)]
    believed = analyse("The Valley Front is believed to operate in Tarsh.", NAMES)
    assert [(c.predicate, c.hedged) for c in believed.claims] == [("operates_in", True)]
    plain = analyse("The Valley Front operates in Tarsh.", NAMES)
    assert [(c.predicate, c.hedged) for c in plain.claims] == [("operates_in", False)]


def test_a_past_relation_and_a_present_denial_are_a_change_not_a_conflict() -> None:
    was = Statement("c1", "A", "affiliated_with", "B", None, "affirmed", tense="past")
    is_not = Statement("c2", "A", "affiliated_with", "B", None, "denied")
    assert conflicts_between([was, is_not]) == []
    now = Statement("c3", "A", "affiliated_with", "B", None, "affirmed")
    assert [c.kind for c in conflicts_between([now, is_not])] == ["polarity"]


def test_disowning_a_group_denies_its_affiliation_in_the_disowner_s_voice() -> None:
    result = analyse("The Northern Shield grew. The Valley Front disowned it in May.", NAMES, rules_only=True)
    (claim,) = result.claims
    assert (result.name(claim.subject), claim.predicate, result.name(claim.object), claim.polarity) == (
        "Northern Shield",
        "affiliated_with",
        "Valley Front",
        "denied",
    )
    assert result.name(claim.source) == "Valley Front"


def test_an_object_pronoun_is_not_its_own_clause_s_subject_and_fighters_name_the_topic() -> None:
    text = "Northern Shield fighters took Tarsh. The Valley Front disowned it after the attack."
    result = analyse(text, NAMES, rules_only=True)
    assert ("Northern Shield", "affiliated_with", "Valley Front", "denied") in result.relations()


def _hedges(text: str, names: dict[str, EntityType] | None = None) -> set[tuple[str | None, str, str | None, bool]]:
    result = analyse(text, names or NAMES, rules_only=True)
    return {(result.name(c.subject), c.predicate, result.name(c.object), c.hedged) for c in result.claims}


def test_a_relation_inside_a_view_is_hedged() -> None:
    names: dict[str, EntityType] = {**NAMES, "Belgium": "PLACE"}
    found = _hedges("But Belgium considers the Valley Front the armed wing of the Northern Shield.", names)
    assert ("Valley Front", "affiliated_with", "Northern Shield", True) in found


def test_a_suspect_title_is_a_hedged_membership() -> None:
    found = _hedges("Police in Tarsh questioned Valley Front suspect Omar Saleh on Monday.")
    assert ("Omar Saleh", "member_of", "Valley Front", True) in found


def test_a_suspicion_the_role_completes_hedges_the_membership_of_the_names_given() -> None:
    found = _hedges("Police detained two men suspected of being Valley Front fighters – Omar Saleh and Ali Haddad.")
    assert ("Omar Saleh", "member_of", "Valley Front", True) in found


def test_a_hedge_on_a_clause_covers_what_its_coordinated_subjects_are_said_to_do_together() -> None:
    doc = nlp()("The Valley Front and the Northern Shield reportedly shelled Tarsh.")
    front, shield = doc[2], doc[6]
    assert (front.text, shield.text) == ("Front", "Shield")
    assert is_hedged(front) and is_hedged(shield)
    plain = nlp()("The Valley Front and the Northern Shield shelled Tarsh.")
    assert not is_hedged(plain[2])


def test_a_negation_beyond_an_adverbial_clause_does_not_reach_its_verb() -> None:
    doc = nlp()("The Valley Front did not grow weaker by cooperating with the Northern Shield.")
    assert not is_denied(next(t for t in doc if t.lower_ == "cooperating"))


def test_an_intention_threat_or_refusal_asserts_no_relation() -> None:
    names: dict[str, EntityType] = {"Valley Front": "ARMED_GROUP", "Tarsh": "PLACE", "Belgium": "PLACE"}
    for text in (
        "The Valley Front vowed to capture Tarsh.",
        "The Valley Front threatened to attack Tarsh.",
        "Belgium refused to back the Valley Front.",
        "A deal whereby the Valley Front enters Tarsh was discussed.",
        "The Valley Front unveiled a plan to seize Tarsh.",
    ):
        assert analyse(text, names, rules_only=True).relations() == set(), text
    hostile = analyse("Belgium vowed to crush the Valley Front.", names, rules_only=True)
    assert hostile.relations() == {("Belgium", "rival_of", "Valley Front", "affirmed")}
    attempt = analyse("The Valley Front has tried to take control of Tarsh.", names, rules_only=True)
    assert attempt.relations() == {("Valley Front", "operates_in", "Tarsh", "affirmed")}


def test_a_charge_hedges_what_it_says_of_its_object_in_either_voice() -> None:
    """'charged with being a member' is an accusation like 'accused of being one'; a conviction is not."""
    for text in (
        "Omar Saleh was charged with being a member of the Valley Front.",
        "Prosecutors charged Omar Saleh with being a member of the Valley Front.",
        "Omar Saleh was accused of being a member of the Valley Front.",
    ):
        claims = analyse(text, NAMES, rules_only=True).claims
        assert [(c.predicate, c.hedged) for c in claims] == [("member_of", True)], text
    convicted = analyse("Omar Saleh was convicted of being a member of the Valley Front.", NAMES, rules_only=True)
    assert [(c.predicate, c.hedged) for c in convicted.claims] == [("member_of", False)]


def test_losing_control_of_a_place_says_the_loser_was_there() -> None:
    assert _tenses("The Valley Front lost control of Tarsh in March.") == {
        ("Valley Front", "operates_in", "Tarsh", "affirmed", "past")
    }
    assert _tenses("The Valley Front took control of Tarsh in March.") == {
        ("Valley Front", "operates_in", "Tarsh", "affirmed", "present")
    }


def test_an_office_aimed_at_or_in_prospect_is_not_held() -> None:
    def held(text: str) -> set[tuple[str | None, str, str | None, str]]:
        return analyse(text, NAMES).relations()

    for aimed in (
        "Omar Saleh hopes to become leader of the Valley Front.",
        "Omar Saleh is running to be leader of the Valley Front.",
        "Omar Saleh, the would-be leader of the Valley Front, spoke.",
        "Omar Saleh was named as a potential commander of the Valley Front.",
    ):
        assert held(aimed) == set(), aimed
    assert held("Omar Saleh, the leader of the Valley Front, hopes to win.") == {
        ("Omar Saleh", "leader_of", "Valley Front", "affirmed")
    }
    assert held("The Valley Front hopes to capture Tarsh.") == set()  # 'hopes' is lemmatized 'hop'
