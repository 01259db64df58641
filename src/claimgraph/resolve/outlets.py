"""One outlet under all its spellings: "Reuters", "reuters" and "REUTERS" are one publisher.

Pages and records spell their publisher as their templates or their
compilers did, so a dossier listing its sources would show one outlet two
or three times, and ``claims --source`` would find one spelling of it.
Spellings are joined by their key (the name fold, spaces dropped: case,
hyphens, quotes and a leading "the" do not tell outlets apart; words do:
"Al Jazeera" and "Al-Jazeera" are one, "BBC" and "BBC Arabic" are two) and
the outlet is shown under its most used spelling (ties: one that is not
all lower case, then the first in order).  The ``outlets`` table is
derived, rebuilt with the origins whenever documents change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa

from claimgraph.names import fold
from claimgraph.store import schema as t


def outlet_key(spelling: str) -> str:
    """What two spellings of one outlet share."""
    return fold(spelling).replace(" ", "")


def rebuild_outlets(conn: sa.Connection) -> None:
    """Replace ``outlets`` from the publishers of the stored documents."""
    d = t.documents.c
    counts = conn.execute(
        sa.select(d.publisher, sa.func.count()).where(d.publisher.is_not(None)).group_by(d.publisher)
    ).all()
    spellings: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for spelling, n in counts:
        spellings[outlet_key(spelling)].append((spelling, n))
    rows = []
    for key, found in spellings.items():
        name = min(found, key=lambda f: (-f[1], f[0].islower(), f[0]))[0]
        rows += [{"spelling": spelling, "key": key, "name": name} for spelling, _ in found]
    conn.execute(t.outlets.delete())
    if rows:
        conn.execute(t.outlets.insert(), rows)


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
