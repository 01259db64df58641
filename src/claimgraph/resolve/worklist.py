"""The analyst's worklist: the pairs worth a look, the judgements made by hand, and undoing one.

* **Candidates** are pairs of names the matcher was not sure of: an
  *unsure* verdict, or a positive one that only just cleared the merge bar.
  A pair someone already judged by hand is not offered again.
* A **hand action** is one ``merge`` or ``split``: the rows it wrote (one
  per pair of the two names' ids) share their insertion, so consecutive ids
  with one timestamp, verdict and reason make one action.
* **Undoing** an action deletes exactly its rows and marks the actors
  stale; the next read rebuilds them as if it had never been made (the
  judgements are the only input to resolution, so nothing else to restore).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa

from claimgraph.errors import NotFoundError
from claimgraph.model import Judgement
from claimgraph.resolve.match import MERGE_AT
from claimgraph.store import schema as t
from claimgraph.store.meta import ACTORS, mark_stale
from claimgraph.store.touched import NAME, touch

NEAR_THRESHOLD = 0.1  # a positive verdict within this of MERGE_AT is worth a second look


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two names that may be one actor, with the matcher's verdict and where each name sits now."""

    left: str
    left_actor: str
    right: str
    right_actor: str
    type: str
    judgement: str
    score: float
    reason: str
    same_actor: bool

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class HandAction:
    """One merge or split by hand (``id`` is its first row's id, the handle to undo it)."""

    id: int
    judgement: str
    names: list[str]  # every name the action judged
    reason: str
    created_at: str
    rows: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def candidates(conn: sa.Connection, limit: int = 50) -> list[Candidate]:
    """Unsure and near-threshold automatic verdicts on pairs nobody judged by hand, closest calls first."""
    j = t.judgements.c
    left, right = t.names.alias("l"), t.names.alias("r")
    cl, cr = t.canonical.alias("cl"), t.canonical.alias("cr")
    al, ar = t.actors.alias("al"), t.actors.alias("ar")
    hand = sa.select(t.judgements.c.left_id, t.judgements.c.right_id).where(t.judgements.c.by_hand.is_(True))
    near = sa.or_(
        j.judgement == Judgement.UNSURE, sa.and_(j.judgement == Judgement.POSITIVE, j.score < MERGE_AT + NEAR_THRESHOLD)
    )
    rows = conn.execute(
        sa.select(
            left.c.name.label("left"),
            al.c.name.label("left_actor"),
            right.c.name.label("right"),
            ar.c.name.label("right_actor"),
            left.c.type,
            j.judgement,
            j.score,
            j.reason,
            (cl.c.actor_id == cr.c.actor_id).label("same"),
        )
        .join(left, left.c.id == j.left_id)
        .join(right, right.c.id == j.right_id)
        .join(cl, cl.c.name_id == j.left_id)
        .join(cr, cr.c.name_id == j.right_id)
        .join(al, al.c.id == cl.c.actor_id)
        .join(ar, ar.c.id == cr.c.actor_id)
        .where(j.by_hand.is_(False), near, sa.tuple_(j.left_id, j.right_id).not_in(hand))
        .order_by(sa.func.abs(j.score - MERGE_AT), left.c.name, right.c.name)
        .limit(limit)
    ).all()
    return [
        Candidate(r.left, r.left_actor, r.right, r.right_actor, r.type, r.judgement, r.score, r.reason, bool(r.same))
        for r in rows
    ]


def hand_actions(conn: sa.Connection) -> list[HandAction]:
    """Every merge and split made by hand, latest first."""
    j = t.judgements.c
    label = dict(conn.execute(sa.select(t.names.c.id, t.names.c.name)).all())
    rows = conn.execute(sa.select(t.judgements).where(j.by_hand.is_(True)).order_by(j.id)).all()
    actions: list[HandAction] = []
    for r in rows:
        last = actions[-1] if actions else None
        if (
            last is not None
            and last.id + last.rows == r.id
            and (last.judgement, last.reason, last.created_at) == (r.judgement, r.reason, r.created_at)
        ):
            names = sorted({*last.names, label.get(r.left_id, r.left_id), label.get(r.right_id, r.right_id)})
            actions[-1] = HandAction(last.id, last.judgement, names, last.reason, last.created_at, last.rows + 1)
        else:
            names = sorted({label.get(r.left_id, r.left_id), label.get(r.right_id, r.right_id)})
            actions.append(HandAction(r.id, r.judgement, names, r.reason, r.created_at, 1))
    return actions[::-1]


def undo(conn: sa.Connection, action_id: int) -> HandAction:
    """Delete the hand action starting at judgement ``action_id``; ``NotFoundError`` if there is none."""
    action = next((a for a in hand_actions(conn) if a.id == action_id), None)
    if action is None:
        raise NotFoundError(f"no judgement by hand has id {action_id}")
    j = t.judgements.c
    rows = sa.and_(j.by_hand.is_(True), j.id >= action.id, j.id < action.id + action.rows)
    touch(conn, NAME, (n for pair in conn.execute(sa.select(j.left_id, j.right_id).where(rows)) for n in pair))
    conn.execute(t.judgements.delete().where(rows))
    mark_stale(conn, ACTORS)
    return action
