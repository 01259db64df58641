"""Canonical actors from judgements: properties that must hold for any judgements, and the linkage rules."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.resolve.clusters import StoredJudgement, clusters, effective
from claimgraph.resolve.match import compatible

NAMES = [f"n{i}" for i in range(8)]
judgements = st.lists(
    st.builds(
        StoredJudgement,
        left=st.sampled_from(NAMES),
        right=st.sampled_from(NAMES),
        judgement=st.sampled_from(["positive", "negative", "unsure"]),
        by_hand=st.booleans(),
        score=st.floats(0.5, 1.0),
        seq=st.integers(0, 1000),
    ),
    max_size=30,
)


def components(js: list[StoredJudgement]) -> dict[str, set[str]]:
    component = {n: {n} for n in NAMES}
    for j in js:
        merged = component[j.left] | component[j.right]
        for n in merged:
            component[n] = merged
    return component


@given(judgements)
def test_a_hand_split_is_never_overruled(js: list[StoredJudgement]) -> None:
    roots = clusters(NAMES, js)
    for (a, b), j in effective(js).items():
        if j.by_hand and j.judgement == "negative" and a != b:
            assert roots[a] != roots[b]


@given(judgements)
def test_actors_lie_inside_the_components_of_positive_judgements(js: list[StoredJudgement]) -> None:
    roots = clusters(NAMES, js)
    component = components([j for j in js if j.judgement == "positive"])
    for a in NAMES:
        assert {b for b in NAMES if roots[b] == roots[a]} <= component[a]


@given(judgements)
def test_hand_merges_join_whatever_automatic_judgements_say(js: list[StoredJudgement]) -> None:
    hand = [replace(j, judgement="positive") for j in js if j.by_hand]
    roots = clusters(NAMES, [*(j for j in js if not j.by_hand), *hand])
    for a, members in components(hand).items():
        assert {roots[m] for m in members} == {roots[a]}


def test_the_latest_hand_judgement_wins() -> None:
    js = [
        StoredJudgement("a", "b", "positive", False, 0.99, 1),
        StoredJudgement("a", "b", "negative", True, 1.0, 2),
        StoredJudgement("a", "b", "positive", False, 0.99, 3),  # a later automatic one does not undo the hand split
    ]
    assert clusters(["a", "b"], js)["a"] != clusters(["a", "b"], js)["b"]
    js.append(StoredJudgement("b", "a", "positive", True, 1.0, 4))  # merged again by hand
    assert clusters(["a", "b"], js)["a"] == clusters(["a", "b"], js)["b"]


def auto(a: str, b: str, score: float, judgement: str = "positive") -> StoredJudgement:
    return StoredJudgement(a, b, judgement, False, score, 0)


def test_one_weak_link_does_not_join_two_strong_clusters() -> None:
    strong = [auto("a1", "a2", 0.99), auto("a2", "a3", 0.99), auto("b1", "b2", 0.99)]
    names = ["a1", "a2", "a3", "b1", "b2"]
    roots = clusters(names, [*strong, auto("a3", "b1", 0.9)])
    assert roots["a1"] != roots["b1"]
    # a second, independent link between the two clusters is enough
    roots = clusters(names, [*strong, auto("a3", "b1", 0.9), auto("a1", "b2", 0.9)])
    assert roots["a1"] == roots["b1"]
    # a lone name joins a cluster on one link
    assert clusters(["a1", "a2", "c"], [auto("a1", "a2", 0.99), auto("a2", "c", 0.9)])["c"] == "a1"


def test_evidence_from_several_documents_adds_up() -> None:
    names = ["a1", "a2", "b1", "b2"]
    base = [auto("a1", "a2", 0.99), auto("b1", "b2", 0.99)]
    assert clusters(names, [*base, auto("a1", "b1", 0.9)])["b1"] != "a1"
    assert clusters(names, [*base, auto("a1", "b1", 0.9), auto("b1", "a1", 0.9)])["b1"] == "a1"


def test_an_automatic_negative_raises_the_bar_and_types_must_agree() -> None:
    for negative in (0.5, 1.0):  # even an old store's "different gazetteer ids" at 1.0 is no veto
        assert clusters(["a", "b"], [auto("a", "b", 0.9), auto("a", "b", negative, "negative")])["b"] == "b"
        assert clusters(["a", "b"], [auto("a", "b", 0.99), auto("a", "b", negative, "negative")])["b"] == "a"
    types = {"a": "ARMED_GROUP", "b": "ORGANIZATION", "c": "PLACE"}
    roots = clusters(types, [auto("a", "b", 0.95), auto("b", "c", 0.95)], types, compatible)
    assert roots["b"] == "a" and roots["c"] == "c"
    # by hand, an analyst may join what the types keep apart
    roots = clusters(types, [StoredJudgement("a", "c", "positive", True, 1.0, 1)], types, compatible)
    assert roots["c"] == "a"


def test_a_name_many_documents_write_is_a_strong_cluster_on_its_own() -> None:
    slip = [auto("a", "b", 0.9)]  # one document's coreference slip
    assert clusters(["a", "b"], slip, weights={"a": 5, "b": 3})["b"] == "b"
    assert clusters(["a", "b"], slip, weights={"a": 5, "b": 1})["b"] == "a"
    assert clusters(["a", "b"], [*slip, auto("a", "b", 0.9)], weights={"a": 5, "b": 3})["b"] == "a"


def test_a_hand_split_sets_aside_the_hand_merges_that_joined_its_names() -> None:
    evidence = [
        StoredJudgement("a", "b", "positive", False, 0.99, 0),
        StoredJudgement("c", "d", "positive", False, 0.99, 1),
    ]
    merged = [StoredJudgement(x, y, "positive", True, 1.0, 2 + i) for i, (x, y) in enumerate(["ac", "ad", "bc", "bd"])]
    assert len(set(clusters(["a", "b", "c", "d"], [*evidence, *merged]).values())) == 1
    split = StoredJudgement("b", "c", "negative", True, 1.0, 9)
    roots = clusters(["a", "b", "c", "d"], [*evidence, *merged, split])
    assert roots["a"] == roots["b"] != roots["c"] == roots["d"]  # each name back with its own evidence
    unrelated = [
        StoredJudgement("e", "f", "positive", True, 1.0, 5),
        StoredJudgement("f", "a", "negative", True, 1.0, 6),
    ]
    roots = clusters(["a", "b", "c", "d", "e", "f"], [*evidence, *merged, *unrelated, split])
    assert roots["e"] == roots["f"]  # a merge the split does not contradict stands


def test_a_fuller_name_weakly_linked_to_two_of_its_parts_joins_them() -> None:
    # "Yunes Kamil Harbawi Tolbaz" beside "Yunes Kamil" and "Al Tolbaz": the short names are its parts
    links = [auto("full", "given", 0.85), auto("full", "family", 0.85)]
    sizes = {"full": 4, "given": 2, "family": 1}
    roots = clusters(["full", "given", "family"], links, sizes=sizes)
    assert roots["full"] == roots["given"] == roots["family"]
    # a shorter name weakly linked to two fuller ones may be either: it joins neither ("Tolbaz" beside two)
    links = [auto("short", "karim", 0.85), auto("short", "nadia", 0.85)]
    roots = clusters(["short", "karim", "nadia"], links, sizes={"short": 1, "karim": 2, "nadia": 2})
    assert len(set(roots.values())) == 3
    # without sizes every such name is taken as ambiguous
    assert (
        len(
            set(
                clusters(
                    ["full", "given", "family"], [auto("full", "given", 0.85), auto("full", "family", 0.85)]
                ).values()
            )
        )
        == 3
    )
