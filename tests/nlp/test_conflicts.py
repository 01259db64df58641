"""Conflict rules on hand-made statements and on claims extracted from our own sentences."""

from __future__ import annotations

from claim_helpers import analyse

from claimgraph.nlp.claims.conflicts import Statement, conflicts_between, find_conflicts


def _s(sid: str, subject: str, predicate: str, obj: str | None, polarity: str = "affirmed", **kw: object) -> Statement:
    return Statement(sid, subject, predicate, obj, kw.get("literal"), polarity, bool(kw.get("hedged")))  # type: ignore[arg-type]


def test_opposite_polarity_on_the_same_link_conflicts() -> None:
    (conflict,) = conflicts_between([_s("c1", "A", "linked_to", "B"), _s("c2", "A", "linked_to", "B", "denied")])
    assert conflict.kind == "polarity" and set(conflict.claims) == {"c1", "c2"}
    assert conflict.explanation.endswith(".") and "c1" in conflict.explanation


def test_symmetric_predicates_match_either_direction_and_looser_denials_count() -> None:
    swapped = [_s("c1", "A", "allied_with", "B"), _s("c2", "B", "allied_with", "A", "denied")]
    assert [c.kind for c in conflicts_between(swapped)] == ["polarity"]
    tighter = [_s("c1", "A", "part_of", "B"), _s("c2", "A", "linked_to", "B", "denied")]
    assert [c.kind for c in conflicts_between(tighter)] == ["polarity"]
    looser = [_s("c1", "A", "linked_to", "B"), _s("c2", "A", "part_of", "B", "denied")]
    assert conflicts_between(looser) == []


def test_blanket_denial_against_a_specific_affirmed_link() -> None:
    statements = [
        _s("c1", "A", "affiliated_with", "B"),
        _s("c2", "A", "affiliated_with", None, "denied", literal="any other group"),
        _s("c3", "C", "affiliated_with", None, "denied", literal="any other group"),
    ]
    (conflict,) = conflicts_between(statements, names={"A": "Alpha", "B": "Beta"})
    assert conflict.kind == "blanket_denial" and conflict.claims == ("c1", "c2")
    assert "Alpha" in conflict.explanation and "Beta" in conflict.explanation


def test_exclusive_needs_a_one_valued_predicate_and_unhedged_claims() -> None:
    assert [
        c.kind for c in conflicts_between([_s("c1", "A", "split_from", "B"), _s("c2", "A", "split_from", "C")])
    ] == ["exclusive"]
    assert conflicts_between([_s("c1", "A", "operates_in", "B"), _s("c2", "A", "operates_in", "C")]) == []
    hedged = [_s("c1", "A", "split_from", "B"), _s("c2", "A", "split_from", "C", hedged=True)]
    assert conflicts_between(hedged) == []


def test_claims_from_one_article_that_contradict_each_other() -> None:
    text = (
        "The Kessab Brigade confirmed that it is affiliated with the Northern Shield. "
        "Later the group's spokesman stated that the group is unaffiliated with other armed groups in Syria."
    )
    names = {"Kessab Brigade": "ARMED_GROUP", "Northern Shield": "ARMED_GROUP", "Syria": "PLACE"}
    result = analyse(text, names)  # type: ignore[arg-type]
    (conflict,) = find_conflicts(result.claims)
    assert conflict.kind == "blanket_denial"
    kinds = {c.id: (c.polarity, c.object_literal) for c in result.claims}
    assert {kinds[i][0] for i in conflict.claims} == {"affirmed", "denied"}
