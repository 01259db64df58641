"""One outlet under all its spellings: "Reuters", "reuters" and "REUTERS" are one publisher.

Pages and records spell their publisher as their templates or their
compilers did, so a dossier listing its sources would show one outlet two
or three times, and ``claims --source`` would find one spelling of it.
Spellings are joined by their key (the name fold, spaces dropped: case,
hyphens, quotes and a leading "the" do not tell outlets apart; words do:
"Al Jazeera" and "Al-Jazeera" are one, "BBC" and "BBC Arabic" are two) and
the outlet is shown under its most used spelling (ties: one that is not
all lower case, then the first in order).  The ``outlets`` table is
derived, brought up to date with the origins whenever documents change
(only the outlets of the new documents' publishers are recounted).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

import sqlalchemy as sa

from claimgraph.names import fold
from claimgraph.store import schema as t
from claimgraph.store.bulk import delete_in, insert_rows, select_in


def outlet_key(spelling: str) -> str:
    """What two spellings of one outlet share."""
    return fold(spelling).replace(" ", "")


def _outlet_rows(counts: Iterable[tuple[str, int]]) -> list[dict[str, str]]:
    """The ``outlets`` rows of these spellings and their document counts (every spelling of each key among them)."""
    spellings: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for spelling, n in counts:
        spellings[outlet_key(spelling)].append((spelling, n))
    rows = []
    for key, found in spellings.items():
        name = min(found, key=lambda f: (-f[1], f[0].islower(), f[0]))[0]
        rows += [{"spelling": spelling, "key": key, "name": name} for spelling, _ in found]
    return rows


def _counts(conn: sa.Connection, spellings: Collection[str] | None = None) -> list[tuple[str, int]]:
    d = t.documents.c
    query = sa.select(d.publisher, sa.func.count()).where(d.publisher.is_not(None)).group_by(d.publisher)
    return [(r[0], r[1]) for r in select_in(conn, query, d.publisher, spellings)]


def rebuild_outlets(conn: sa.Connection) -> None:
    """Replace ``outlets`` from the publishers of the stored documents."""
    rows = _outlet_rows(_counts(conn))
    conn.execute(t.outlets.delete())
    insert_rows(conn, t.outlets, rows)


def add_outlets(conn: sa.Connection, new: Collection[str]) -> None:
    """Bring ``outlets`` up to date with the ``new`` documents: only the outlets their publishers belong to.

    An outlet's rows depend on its own spellings and their counts alone, so
    recounting the spellings of the keys the new publishers have gives what
    a rebuild would give.
    """
    d, o = t.documents.c, t.outlets.c
    publishers = {r[0] for r in select_in(conn, sa.select(d.publisher), d.id, new) if r[0] is not None}
    keys = {outlet_key(p) for p in publishers}
    known = {r[0] for r in select_in(conn, sa.select(o.spelling), o.key, keys)}
    delete_in(conn, t.outlets, o.key, keys)
    insert_rows(conn, t.outlets, _outlet_rows(_counts(conn, publishers | known)))


def outlet_names(conn: sa.Connection, spellings: Iterable[str | None]) -> dict[str, str]:
    """Each spelling → the name its outlet is shown under (a spelling not in ``outlets`` is left out)."""
    wanted = sorted({s for s in spellings if s})
    names: dict[str, str] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        names.update(
            conn.execute(sa.select(t.outlets.c.spelling, t.outlets.c.name).where(t.outlets.c.spelling.in_(chunk))).all()
        )
    return names


def spellings_of(conn: sa.Connection, outlet: str) -> list[str]:
    """Every stored spelling of the outlet ``outlet`` names (any of its spellings); none if no document has it."""
    o = t.outlets.c
    return list(conn.execute(sa.select(o.spelling).where(o.key == outlet_key(outlet)).order_by(o.spelling)).scalars())
