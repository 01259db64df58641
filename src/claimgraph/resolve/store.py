"""Resolution against the store: automatic judgements, hand judgements, actors.

``judge_pending`` compares names not yet resolved with every name sharing a
block (found through the persisted ``name_blocks``) and stores the
verdicts (each automatic merge with its score and reason).
``rebuild_actors`` derives the canonical actors from the judgements,
replacing the derived rows — of every name, or of the names ``affected``
by what changed since the last refresh: nothing is ever merged in place,
so undoing a merge is just one more judgement.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection
from typing import Any

import sqlalchemy as sa

from claimgraph.model import Judgement
from claimgraph.nodes import digest
from claimgraph.resolve.batch import judge_all
from claimgraph.resolve.blocking import block_keys
from claimgraph.resolve.clusters import MERGE_AT, StoredJudgement, clusters
from claimgraph.resolve.lookup import actor_name_ids, find_actor, typed_name_ids
from claimgraph.resolve.match import Candidate, compatible, specificity
from claimgraph.resolve.matcher_version import MATCHER_VERSION
from claimgraph.resolve.short_forms import follow, followers, not_a_short_form, short_forms_among
from claimgraph.store import schema as t
from claimgraph.store.bulk import delete_in, insert_rows, select_in
from claimgraph.store.counts import documents_of, spellings_of
from claimgraph.store.meta import ACTORS, mark_stale
from claimgraph.store.write import record_auto_judgements, record_hand_judgements


def _candidate(r: Any) -> Candidate:
    return Candidate(r.id, r.name, r.fold, r.type, r.gazetteer_id)


_NAME_COLUMNS = (t.names.c.id, t.names.c.name, t.names.c.fold, t.names.c.type, t.names.c.gazetteer_id)


def refile_all(conn: sa.Connection) -> None:
    """Rebuild ``name_blocks`` from every resolvable name (a store made before it, or a new blocking layout)."""
    names = [_candidate(r) for r in conn.execute(sa.select(*_NAME_COLUMNS).where(t.names.c.scope.is_(None)))]
    conn.execute(t.name_blocks.delete())
    insert_rows(conn, t.name_blocks, [{"key": k, "name_id": c.id} for c in names for k in sorted(block_keys(c))])


def judge_pending(conn: sa.Connection) -> int:
    """Store verdicts for every blocked pair involving an unresolved name; returns how many.

    The unresolved names are filed under their blocks first; then only the
    names sharing one of those blocks are read back (``name_blocks``), never
    the whole store.  Every such block is read whole, so the pairs — sorted
    neighbours in a large block included — are the ones blocking all names
    at once would propose for these names.
    """
    n = t.names.c
    rows = conn.execute(sa.select(*_NAME_COLUMNS).where(n.resolved.is_(False), n.scope.is_(None))).all()
    pending = {r.id: _candidate(r) for r in rows}
    count = 0
    if pending:
        b = t.name_blocks.c
        delete_in(conn, t.name_blocks, b.name_id, pending)  # a name given a gazetteer id is filed anew
        filed = {c.id: block_keys(c) for c in pending.values()}
        insert_rows(conn, t.name_blocks, [{"key": k, "name_id": i} for i, keys in filed.items() for k in sorted(keys)])
        members = {
            r.name_id for r in select_in(conn, sa.select(b.name_id).distinct(), b.key, set().union(*filed.values()))
        }
        known = {r.id: _candidate(r) for r in select_in(conn, sa.select(*_NAME_COLUMNS), n.id, members - set(pending))}
        candidates = [({**known, **pending})[i] for i in sorted(members | set(pending))]
        verdicts = [(a, b2, v.judgement, v.score, v.reason) for a, b2, v in judge_all(candidates, set(pending))]
        count = record_auto_judgements(conn, verdicts, MATCHER_VERSION)
    conn.execute(t.names.update().where(n.resolved.is_(False)).values(resolved=True))
    return count


def load_judgements(
    conn: sa.Connection, among: Collection[str] | None = None, clustered: bool = False
) -> list[StoredJudgement]:
    """Every stored positive or negative judgement (unsure ones join and part nothing), in the order made.

    ``among``: only judgements between two of these name ids.  ``clustered``:
    none of a filed short form (its evidence ties it to its full name alone),
    so an actor's thousand short forms are not read to cluster its full names.
    """
    j = t.judgements.c
    query = sa.select(j.left_id, j.right_id, j.judgement, j.by_hand, j.score, j.id).where(
        j.judgement != Judgement.UNSURE
    )
    if clustered:
        query = query.where(not_a_short_form(j.left_id), not_a_short_form(j.right_id))
    rows = select_in(conn, query, j.left_id, among)
    if among is not None:
        rows = [r for r in rows if r.right_id in among]
    return [
        StoredJudgement(r.left_id, r.right_id, Judgement(r.judgement), bool(r.by_hand), r.score, r.id) for r in rows
    ]


def hand_judgements(conn: sa.Connection) -> list[StoredJudgement]:
    """Every hand judgement in the store, in the order made (few: an analyst's)."""
    j = t.judgements.c
    rows = conn.execute(
        sa.select(j.left_id, j.right_id, j.judgement, j.by_hand, j.score, j.id)
        .where(j.by_hand.is_(True))
        .order_by(j.id)
    ).all()
    return [StoredJudgement(r.left_id, r.right_id, Judgement(r.judgement), True, r.score, r.id) for r in rows]


def _joining(conn: sa.Connection, frontier: Collection[str]) -> set[str]:
    """The names tied to ``frontier`` names by evidence that may join them (a superset of what clustering joins).

    Clustering joins a pair on a hand merge or on automatic evidence whose
    noisy-or reaches ``MERGE_AT``.  A pair that documents name as one actor
    has a row per document, so reading the rows costs what the store holds;
    one row per pair and kind (how many, the strongest score) bounds it: a
    hand merge, or as many copies of the strongest automatic score reaching
    ``MERGE_AT`` (never less than the rows' own noisy-or), may join.  A
    pair let in that does not join only widens the names recomputed, which
    stay closed, so the actors come out the same.
    """
    j = t.judgements.c
    bounds: dict[tuple[str, str], tuple[bool, int, float]] = {}
    for col, other in ((j.left_id, j.right_id), (j.right_id, j.left_id)):
        query = (
            sa.select(
                j.left_id, j.right_id, j.by_hand, sa.func.count().label("rows"), sa.func.max(j.score).label("top")
            )
            .where(j.judgement == Judgement.POSITIVE, not_a_short_form(other))
            .group_by(j.left_id, j.right_id, j.by_hand)
        )
        for r in select_in(conn, query, col, frontier):
            pair = (r.left_id, r.right_id) if r.left_id <= r.right_id else (r.right_id, r.left_id)
            hand, rows, top = bounds.get(pair, (False, 0, 0.0))
            if r.by_hand:
                bounds[pair] = (True, rows, top)
            else:
                bounds[pair] = (hand, rows + r.rows, max(top, min(r.top or 0.0, 1.0)))
    found: set[str] = set()
    for pair, (hand, rows, top) in bounds.items():
        if hand or 1 - (1 - top) ** rows >= MERGE_AT - 1e-9:  # the slack: float rounding never drops a join
            found.update(pair)
    return found


def affected(conn: sa.Connection, touched: Collection[str]) -> set[str]:
    """The names whose actors may change when ``touched`` names did: everything they can be joined to.

    Clustering decides each group of names tied by joining evidence (a
    hand merge, or automatic evidence reaching ``MERGE_AT``) on its own, so
    recomputing the groups of the touched names, together with every name
    of the actors they had (an actor can split), gives what clustering all
    names would give.  Filed short forms are left out (a touched one brings
    its full name in): they follow their full name's actor, so an actor
    written by surname in every document costs its full names, not one
    name per document.
    """
    c = t.canonical.c
    names_of_actors = sa.select(c.name_id).where(not_a_short_form(c.name_id))
    done: set[str] = set()
    frontier = set(touched)
    while frontier:
        done |= frontier
        old = {r.actor_id for r in select_in(conn, sa.select(c.actor_id), c.name_id, frontier)}
        found = {r.name_id for r in select_in(conn, names_of_actors, c.actor_id, old)} | _joining(conn, frontier)
        frontier = found - done
    return done


def _main_name(root: str, carried: Counter[str] | None) -> str:
    """The name node an actor's id is made from: the one most entities carry (the smallest id on ties).

    An actor keeps its id as long as that name stays in it: splitting off,
    detaching or attaching another name leaves the id alone, and a merge
    keeps the id of the actor whose main name is carried more.
    """
    if not carried:
        return root
    return min(carried, key=lambda n: (-carried[n], n))


def rebuild_actors(conn: sa.Connection, among: Collection[str] | None = None) -> None:
    """Replace ``canonical`` and ``actors`` with the clusters the judgements imply (of ``among`` names only).

    Actor ids are made from their main names (``_main_name``), which belong
    to one actor each, so a recomputed actor never takes an id another keeps.
    Filed short forms are not clustered: each takes its full name's actor,
    and those of a full name whose actor changed are moved with it.

    ``among`` must be closed under ``affected``: then the actors of the
    other names are the ones stored, and only these names' rows change
    (and their short forms').
    """
    n, c = t.names.c, t.canonical.c
    short = short_forms_among(conn, among)
    name_rows = [r for r in select_in(conn, sa.select(n.id, n.name, n.type), n.id, among) if r.id not in short]
    name_types: dict[str, str] = {r.id: r.type for r in name_rows}
    listed = None if among is None else set(name_types)
    reach: Counter[str] = Counter(documents_of(conn, listed))
    reach.update(followers(conn, listed))  # each short form counts for its document, as when clustered
    sizes = {r.id: specificity(r.name, r.type) for r in name_rows}
    roots = clusters(name_types, load_judgements(conn, listed, clustered=True), name_types, compatible, reach, sizes)
    usage = spellings_of(conn, listed)
    names_of: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    carried: dict[str, Counter[str]] = defaultdict(Counter)  # per actor: entities carrying each name node
    for name_id, name, etype, count in usage:
        if name_id in roots:
            names_of[roots[name_id]][(name, etype)] += count
            carried[roots[name_id]][name_id] += count
    fallback = {r.id: (r.name, r.type) for r in name_rows}
    actor_of = {root: "a" + digest(_main_name(root, carried.get(root)))[:31] for root in set(roots.values())}
    actors = []
    for root, actor_id in actor_of.items():
        counts = names_of.get(root)
        if counts:
            # The name most entities carry (longest on ties); the type most of them have.
            name = max(counts, key=lambda k: (counts[k], len(k[0]), k[0]))[0]
            types: Counter[str] = Counter()
            for (_, etype), number in counts.items():
                types[etype] += number
            etype = max(types, key=lambda k: (types[k], k))
        else:
            name, etype = fallback[root]
        actors.append({"id": actor_id, "name": name, "type": etype})
    actor = {name: actor_of[r] for name, r in roots.items()}
    if among is None:
        conn.execute(t.canonical.delete())
        conn.execute(t.actors.delete())
        moved = {}
    else:
        before = {r.name_id: r.actor_id for r in select_in(conn, sa.select(c.name_id, c.actor_id), c.name_id, among)}
        delete_in(conn, t.actors, t.actors.c.id, set(before.values()))
        delete_in(conn, t.canonical, c.name_id, among)
        moved = {name: a for name, a in actor.items() if before.get(name) != a}
    insert_rows(conn, t.actors, sorted(actors, key=lambda a: a["id"]))
    insert_rows(conn, t.canonical, [{"name_id": name, "actor_id": a} for name, a in sorted(actor.items())])
    insert_rows(conn, t.canonical, [{"name_id": name, "actor_id": actor[full]} for name, full in sorted(short.items())])
    follow(conn, moved)


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
