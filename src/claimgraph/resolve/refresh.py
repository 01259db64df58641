"""Bringing the derived tables up to date with the statements and judgements.

Called at the end of an ingest, after a hand judgement, and before any
reading command when ``meta`` marks them stale, so every answer reflects every
committed document even after a crash between writing and rebuilding.  A
store an older matcher judged is stale too: its judgements are made again.
The near-duplicate rebuilder (MinHash, with datasketch) is imported only
when origins are stale: a read of an up-to-date store checks ``meta`` and
the judgements' matcher version and nothing else.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa

from claimgraph.resolve.outlets import rebuild_outlets
from claimgraph.resolve.store import forget_outdated, has_outdated, judge_pending, rebuild_actors
from claimgraph.store import locks
from claimgraph.store.meta import ACTORS, ORIGINS, is_stale, put

log = logging.getLogger(__name__)


def refresh(engine: sa.Engine, force: bool = False) -> bool:
    """Rebuild resolution and origins where stale (or all, with ``force``); whether anything was rebuilt.

    Rebuilding replaces the derived rows wholesale, so it runs under the
    store's rebuild lock: two ingests finishing at once take turns (the
    second usually finds nothing left to do) instead of both re-inserting.
    """
    if not force:
        with engine.connect() as conn:
            if not (is_stale(conn, ACTORS) or is_stale(conn, ORIGINS) or has_outdated(conn)):
                return False
    from claimgraph.resolve.origins import rebuild_origins

    with engine.begin() as conn:
        locks.hold(conn, locks.REBUILD)
        rejudged = forget_outdated(conn)
        if rejudged:
            log.info("judging every name again: %d judgements were made by an older matcher", rejudged)
        actors = force or bool(rejudged) or is_stale(conn, ACTORS)
        origins = force or is_stale(conn, ORIGINS)
        if actors:
            log.debug("rebuilding canonical actors (%d new automatic judgements)", judge_pending(conn))
            rebuild_actors(conn)
            put(conn, ACTORS, "0")
        if origins:
            log.debug("rebuilding origins of near-duplicate documents, and the outlets' names")
            rebuild_origins(conn)
            rebuild_outlets(conn)
            put(conn, ORIGINS, "0")
    return actors or origins
