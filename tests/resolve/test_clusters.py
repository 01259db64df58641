"""Canonical actors from judgements: properties that must hold for any judgements."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.resolve.clusters import Judgement, clusters, effective

NAMES = [f"n{i}" for i in range(8)]
judgements = st.lists(
    st.builds(
        Judgement,
        left=st.sampled_from(NAMES),
        right=st.sampled_from(NAMES),
        judgement=st.sampled_from(["positive", "negative", "unsure"]),
        by_hand=st.booleans(),
        score=st.floats(0.5, 1.0),
        seq=st.integers(0, 1000),
    ),
    max_size=30,
)


@given(judgements)
def test_a_negative_judgement_is_never_overruled(js: list[Judgement]) -> None:
    roots = clusters(NAMES, js)
    for (a, b), j in effective(js).items():
        if j.judgement == "negative" and a != b:
            assert roots[a] != roots[b]


@given(judgements)
def test_without_negatives_actors_are_the_connected_components(js: list[Judgement]) -> None:
    positives = [j for j in js if j.judgement == "positive"]
    roots = clusters(NAMES, positives)
    component = {n: {n} for n in NAMES}
    for j in positives:
        merged = component[j.left] | component[j.right]
        for n in merged:
            component[n] = merged
    for a in NAMES:
        assert {b for b in NAMES if roots[b] == roots[a]} == component[a]


def test_the_latest_hand_judgement_wins() -> None:
    js = [
        Judgement("a", "b", "positive", False, 0.99, 1),
        Judgement("a", "b", "negative", True, 1.0, 2),
        Judgement("a", "b", "positive", False, 0.99, 3),  # a later automatic one does not undo the hand split
    ]
    assert clusters(["a", "b"], js)["a"] != clusters(["a", "b"], js)["b"]
    js.append(Judgement("b", "a", "positive", True, 1.0, 4))  # merged again by hand
    assert clusters(["a", "b"], js)["a"] == clusters(["a", "b"], js)["b"]
