"""The longest stretch of tokens that avoids some others: where a content span falls back to.

An attribution's content is cut from the words around its cue: the clause
a parenthetical cue interrupts, or the rest of the cue's sentence.  Both
take the longest run of token positions left once the cue and its source
are taken out.
"""

from __future__ import annotations

from collections.abc import Container


def longest_stretch(positions: range, blocked: Container[int]) -> tuple[int, int] | None:
    """The longest run of ``positions`` with none in ``blocked`` as (start, end), the first of equals; None if none."""
    runs: list[tuple[int, int]] = []
    start = None
    for i in range(positions.start, positions.stop + 1):
        keep = i < positions.stop and i not in blocked
        if keep and start is None:
            start = i
        elif not keep and start is not None:
            runs.append((start, i))
            start = None
    return max(runs, key=lambda r: r[1] - r[0]) if runs else None
