"""Short forms that follow their full name: "Ekwall" in one article takes the actor of its "Tomas Ekwall".

A person's short form is scoped to its document (``nodes.alias_scope``), so
an actor written by surname in ten thousand articles has ten thousand such
names, each tied to the full name by one piece of evidence: its document
naming the two as one actor.  Clustering would join every one of them to
its full name, and recomputing the actor would read them all.  A short
form whose only evidence is that (automatic, positive, towards one full
name, no hand judgement) is instead filed in ``short_forms`` and given its
full name's actor, so an actor is recomputed from its full names alone and
its short forms are rewritten only when that actor changes.  Each still
counts for its document in the actor's reach, as it did when it was
clustered.  A short form with any other evidence (a hand judgement, two
full names) is clustered like every name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection

import sqlalchemy as sa

from claimgraph.model import Judgement
from claimgraph.store import schema as t
from claimgraph.store.bulk import delete_in, insert_rows, select_in


def file_short_forms(conn: sa.Connection, names: Collection[str] | None = None) -> None:
    """Decide again which of ``names`` (``None``: every name) are short forms, and of which full name."""
    n, j, s = t.names.c, t.judgements.c, t.short_forms.c
    scoped = {r.id for r in select_in(conn, sa.select(n.id).where(n.scope.is_not(None)), n.id, names)}
    query = sa.select(j.id, j.left_id, j.right_id, j.judgement, j.by_hand).where(j.judgement != Judgement.UNSURE)
    if names is None:
        rows = list(conn.execute(query))
    else:
        rows = list({r.id: r for col in (j.left_id, j.right_id) for r in select_in(conn, query, col, scoped)}.values())
    others: dict[str, set[str]] = defaultdict(set)
    plain = set(scoped)  # only automatic positives so far
    for r in rows:
        for me, other in ((r.left_id, r.right_id), (r.right_id, r.left_id)):
            if me in scoped:
                others[me].add(other)
                if r.by_hand or r.judgement != Judgement.POSITIVE:
                    plain.discard(me)
    single = {me: next(iter(others[me])) for me in plain if len(others[me]) == 1}
    query = sa.select(n.id).where(n.scope.is_(None))
    unscoped = {r.id for r in select_in(conn, query, n.id, None if names is None else set(single.values()))}
    if names is None:
        conn.execute(t.short_forms.delete())
    else:
        delete_in(conn, t.short_forms, s.name_id, scoped)
    rows_out = [{"name_id": me, "full_id": full} for me, full in sorted(single.items()) if full in unscoped]
    insert_rows(conn, t.short_forms, rows_out)


def not_a_short_form(column: sa.ColumnElement[str]) -> sa.ColumnElement[bool]:
    """The condition that the name in ``column`` is not a filed short form (an indexed probe per row)."""
    return ~sa.exists().where(t.short_forms.c.name_id == column)


def short_forms_among(conn: sa.Connection, names: Collection[str] | None) -> dict[str, str]:
    """The short forms among ``names`` (``None``: all), each → its full name."""
    s = t.short_forms.c
    return {r.name_id: r.full_id for r in select_in(conn, sa.select(s.name_id, s.full_id), s.name_id, names)}


def followers(conn: sa.Connection, fulls: Collection[str] | None) -> Counter[str]:
    """How many short forms follow each of ``fulls`` (``None``: every full name)."""
    s = t.short_forms.c
    query = sa.select(s.full_id, sa.func.count()).group_by(s.full_id)
    return Counter({r[0]: r[1] for r in select_in(conn, query, s.full_id, fulls)})


def follow(conn: sa.Connection, moved: dict[str, str]) -> None:
    """Give the short forms of each full name in ``moved`` that full name's new actor (full name → actor id)."""
    s, c = t.short_forms.c, t.canonical.c
    by_actor: dict[str, list[str]] = defaultdict(list)
    for full, actor in moved.items():
        by_actor[actor].append(full)
    for actor, fulls in sorted(by_actor.items()):
        for i in range(0, len(fulls), 500):
            forms = sa.select(s.name_id).where(s.full_id.in_(sorted(fulls)[i : i + 500]))
            conn.execute(t.canonical.update().where(c.name_id.in_(forms)).values(actor_id=actor))
