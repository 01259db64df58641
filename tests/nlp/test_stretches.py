"""The longest stretch of positions that avoids blocked ones, against every stretch tried."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.nlp.stretches import longest_stretch


def test_the_first_of_the_longest_stretches_and_none_when_all_are_blocked() -> None:
    assert longest_stretch(range(3, 12), {5, 6, 9}) == (3, 5)
    assert longest_stretch(range(3, 12), {4, 9}) == (5, 9)
    assert longest_stretch(range(3, 6), range(0, 10)) is None
    assert longest_stretch(range(4, 4), set()) is None


@given(st.integers(0, 20), st.integers(0, 20), st.sets(st.integers(0, 25)))
def test_it_is_the_longest_free_stretch(start: int, length: int, blocked: set[int]) -> None:
    positions = range(start, start + length)
    free = [(a, b) for a in positions for b in range(a + 1, positions.stop + 1) if not blocked & set(range(a, b))]
    found = longest_stretch(positions, blocked)
    if not free:
        assert found is None
    else:
        best = max(b - a for a, b in free)
        assert found is not None and found[1] - found[0] == best
        assert found == min((a, b) for a, b in free if b - a == best)
