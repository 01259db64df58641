"""Resolution against the store: automatic judgements, hand judgements, actors.

``judge_pending`` compares names not yet resolved with every name sharing a
block and stores the verdicts (each automatic merge with its score and
reason).  ``rebuild_actors`` derives the canonical actors from all
judgements, replacing the derived tables wholesale: nothing is ever merged
in place, so undoing a merge is just one more judgement.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection

import sqlalchemy as sa

from claimgraph.model import Judgement
from claimgraph.nodes import digest
from claimgraph.resolve.batch import judge_all
from claimgraph.resolve.clusters import StoredJudgement, clusters
from claimgraph.resolve.lookup import actor_name_ids, find_actor, typed_name_ids
from claimgraph.resolve.match import MATCHER_VERSION, Candidate, compatible
from claimgraph.store import schema as t
from claimgraph.store.meta import ACTORS, mark_stale
from claimgraph.store.write import record_auto_judgements, record_hand_judgements


def judge_pending(conn: sa.Connection) -> int:
    """Store verdicts for every blocked pair involving an unresolved name; returns how many."""
    rows = conn.execute(
        sa.select(
            t.names.c.id, t.names.c.name, t.names.c.fold, t.names.c.type, t.names.c.gazetteer_id, t.names.c.resolved
        ).where(t.names.c.scope.is_(None))
    ).all()
    pending = {r.id for r in rows if not r.resolved}
    if not pending:
        return 0
    candidates = [Candidate(r.id, r.name, r.fold, r.type, r.gazetteer_id) for r in rows]
    verdicts = [(a, b, v.judgement, v.score, v.reason) for a, b, v in judge_all(candidates, pending)]
    count = record_auto_judgements(conn, verdicts, MATCHER_VERSION)
    conn.execute(t.names.update().where(t.names.c.resolved.is_(False)).values(resolved=True))
    return count


def _outdated() -> sa.ColumnElement[bool]:
    """Automatic judgements an older matcher made."""
    return t.judgements.c.matcher < MATCHER_VERSION


def has_outdated(conn: sa.Connection) -> bool:
    """Whether an older matcher made some of the stored judgements (a cheap, indexed probe)."""
    return conn.execute(sa.select(t.judgements.c.id).where(_outdated()).limit(1)).first() is not None


def forget_outdated(conn: sa.Connection) -> int:
    """Delete an older matcher's judgements and mark every name unjudged; returns how many were deleted.

    Every name, not only those the deleted rows touched: the new matcher may
    join pairs the old one never proposed.  Hand judgements and documents'
    statements stay.  Judgements a newer matcher made are left alone.
    """
    deleted = conn.execute(t.judgements.delete().where(_outdated())).rowcount
    if deleted:
        conn.execute(t.names.update().where(t.names.c.scope.is_(None)).values(resolved=False))
    return deleted


def load_judgements(conn: sa.Connection, among: Collection[str] | None = None) -> list[StoredJudgement]:
    """Every stored positive or negative judgement (unsure ones join and part nothing), in the order made.

    ``among``: only judgements between two of these name ids.
    """
    j = t.judgements.c
    query = sa.select(j.left_id, j.right_id, j.judgement, j.by_hand, j.score, j.id).where(
        j.judgement != Judgement.UNSURE
    )
    if among is None:
        rows = conn.execute(query).all()
    else:
        ids = sorted(among)
        rows = [r for i in range(0, len(ids), 500) for r in conn.execute(query.where(j.left_id.in_(ids[i : i + 500])))]
        rows = [r for r in rows if r.right_id in among]
    return [
        StoredJudgement(r.left_id, r.right_id, Judgement(r.judgement), bool(r.by_hand), r.score, r.id) for r in rows
    ]


def _main_name(root: str, carried: Counter[str] | None) -> str:
    """The name node an actor's id is made from: the one most entities carry (the smallest id on ties).

    An actor keeps its id as long as that name stays in it: splitting off,
    detaching or attaching another name leaves the id alone, and a merge
    keeps the id of the actor whose main name is carried more.
    """
    if not carried:
        return root
    return min(carried, key=lambda n: (-carried[n], n))


def rebuild_actors(conn: sa.Connection) -> None:
    """Replace ``canonical`` and ``actors`` with the clusters the judgements imply (ids: ``_main_name``)."""
    name_types: dict[str, str] = dict(conn.execute(sa.select(t.names.c.id, t.names.c.type)).all())
    en = t.entity_names.c
    reach: dict[str, int] = dict(
        conn.execute(sa.select(en.name_id, sa.func.count(sa.distinct(en.document_id))).group_by(en.name_id)).all()
    )
    roots = clusters(name_types, load_judgements(conn), name_types, compatible, reach)
    e = t.entities.c
    usage = conn.execute(
        sa.select(e.name_id, e.name, e.type, sa.func.count()).group_by(e.name_id, e.name, e.type)
    ).all()
    names_of: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    carried: dict[str, Counter[str]] = defaultdict(Counter)  # per actor: entities carrying each name node
    for name_id, name, etype, n in usage:
        names_of[roots[name_id]][(name, etype)] += n
        carried[roots[name_id]][name_id] += n
    fallback = {r.id: (r.name, r.type) for r in conn.execute(sa.select(t.names.c.id, t.names.c.name, t.names.c.type))}
    actor_of = {root: "a" + digest(_main_name(root, carried.get(root)))[:31] for root in set(roots.values())}
    actors = []
    for root, actor_id in actor_of.items():
        counts = names_of.get(root)
        if counts:
            # The name most entities carry (longest on ties); the type most of them have.
            name = max(counts, key=lambda k: (counts[k], len(k[0]), k[0]))[0]
            types: Counter[str] = Counter()
            for (_, etype), n in counts.items():
                types[etype] += n
            etype = max(types, key=lambda k: (types[k], k))
        else:
            name, etype = fallback[root]
        actors.append({"id": actor_id, "name": name, "type": etype})
    conn.execute(t.canonical.delete())
    conn.execute(t.actors.delete())
    if actors:
        conn.execute(t.actors.insert(), actors)
        conn.execute(t.canonical.insert(), [{"name_id": n, "actor_id": actor_of[r]} for n, r in roots.items()])


def judge_by_hand(conn: sa.Connection, left: list[str], right: list[str], judgement: Judgement, reason: str) -> int:
    """Record a hand judgement between every name id in ``left`` and every one in ``right``."""
    count = record_hand_judgements(conn, [(a, b) for a in left for b in right], judgement, reason)
    if count:
        mark_stale(conn, ACTORS)
    return count


def judge_names(
    conn: sa.Connection,
    a: str,
    b: str,
    judgement: Judgement,
    reason: str = "by hand",
    types: tuple[str | None, str | None] = (None, None),
) -> int:
    """A hand judgement between the names ``a`` and ``b`` as the user typed them (each must name one actor).

    A merge is about the two actors: it joins every name of one to every
    name of the other, so no automatic negative between their other names
    can keep them apart.  A split is about the two names: it walls them off
    from each other and leaves every other name to the evidence.  ``types``:
    the type each name is taken as, when it is written for several actors.
    """
    ta, tb = types
    if judgement == Judgement.POSITIVE:
        left, right = find_actor(conn, a, ta), find_actor(conn, b, tb)
        return judge_by_hand(conn, actor_name_ids(conn, left), actor_name_ids(conn, right), judgement, reason)
    return judge_by_hand(conn, typed_name_ids(conn, a, ta), typed_name_ids(conn, b, tb), judgement, reason)
