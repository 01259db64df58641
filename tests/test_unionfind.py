"""The one disjoint-set forest: its sets against a plain closure, and the representative ``join`` keeps."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.unionfind import UnionFind

PAIRS = st.lists(st.tuples(st.integers(0, 15), st.integers(0, 15), st.booleans()), max_size=40)


def closure(pairs: list[tuple[int, int, bool]]) -> set[frozenset[int]]:
    """The sets the pairs make, by repeated merging (slow and plain)."""
    sets = [{i} for i in range(16)]
    for a, b, _ in pairs:
        sa, sb = next(s for s in sets if a in s), next(s for s in sets if b in s)
        if sa is not sb:
            sets.remove(sb)
            sa |= sb
    return {frozenset(s) for s in sets}


@given(PAIRS)
def test_union_and_join_make_the_sets_of_their_pairs(pairs: list[tuple[int, int, bool]]) -> None:
    forest: UnionFind[int] = UnionFind(range(16))
    for a, b, by_join in pairs:
        if by_join:
            forest.join(a, b)
        else:
            forest.union(a, b)
    assert {frozenset(s) for s in forest.to_sets()} == closure(pairs)
    assert all(forest[i] in s for s in forest.to_sets() for i in s)


@given(st.lists(st.tuples(st.integers(0, 15), st.integers(0, 15)), max_size=40))
def test_join_keeps_the_representative_of_its_first_set(pairs: list[tuple[int, int]]) -> None:
    forest: UnionFind[int] = UnionFind(range(16))
    for a, b in pairs:
        before = forest[a]
        forest.join(a, b)
        assert forest[a] == forest[b] == before


def test_a_small_set_joined_into_a_larger_one_keeps_the_larger_representative_only_by_union() -> None:
    forest: UnionFind[str] = UnionFind("abcd")
    forest.union("a", "b")
    forest.union("a", "c")
    big = forest["a"]
    forest.join("d", "a")
    assert forest["a"] == "d" != big
    other: UnionFind[str] = UnionFind("abcd")
    other.union("a", "b")
    other.union("a", "c")
    other.union("d", "a")
    assert other["d"] == big
