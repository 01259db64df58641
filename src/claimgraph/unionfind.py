"""One disjoint-set forest for everything that joins items into groups.

Near-duplicate documents into origins, claims into independent origins,
event reports into events: each is "these two belong together", closed
under chaining.  Our own rather than networkx's because counting a
dossier's independent origins must not import networkx (a quarter of a
second, most of a ``claimgraph show``'s start); the interface is the one
networkx's ``UnionFind`` has, so the callers read the same.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Disjoint sets with path halving and union by size; an unseen item is a set of its own."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._parent: dict[T, T] = {}
        self._size: dict[T, int] = {}
        for item in items:
            self[item]

    def __getitem__(self, item: T) -> T:
        """The representative of ``item``'s set (adding ``item`` alone if it is new)."""
        parent = self._parent
        if item not in parent:
            parent[item], self._size[item] = item, 1
            return item
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, *items: T) -> None:
        """Join the sets of all ``items`` into one."""
        roots = iter(sorted({self[i] for i in items}, key=lambda r: -self._size[r]))
        head = next(roots, None)
        for root in roots:
            self._parent[root] = head  # type: ignore[assignment]
            self._size[head] += self._size[root]  # type: ignore[index]

    def join(self, keep: T, other: T) -> None:
        """Join ``other``'s set into ``keep``'s, whose representative stays the representative.

        For a caller that reads the representative as its set's leader:
        alias grouping gives a short form the type of its group's first
        name, the one every later join was made into.
        """
        head, root = self[keep], self[other]
        if head != root:
            self._parent[root] = head
            self._size[head] += self._size[root]

    def to_sets(self) -> Iterator[set[T]]:
        """Each set once."""
        sets: dict[T, set[T]] = {}
        for item in self._parent:
            sets.setdefault(self[item], set()).add(item)
        yield from sets.values()
