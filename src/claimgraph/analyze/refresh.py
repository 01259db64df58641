"""Bringing the derived tables up to date with the statements and judgements.

Called at the end of an ingest, after a hand judgement, and before any
reading command when ``meta.stale`` is set, so every answer reflects every
committed document even after a crash between writing and rebuilding.
"""

from __future__ import annotations

import sqlalchemy as sa

from claimgraph.analyze.origins import rebuild_origins
from claimgraph.resolve.store import judge_pending, rebuild_actors
from claimgraph.store.meta import STALE, is_stale, put


def refresh(engine: sa.Engine, force: bool = False) -> bool:
    """Rebuild resolution and origins when stale (or ``force``); whether anything was rebuilt."""
    with engine.begin() as conn:
        if not (force or is_stale(conn)):
            return False
        judge_pending(conn)
        rebuild_actors(conn)
        rebuild_origins(conn)
        put(conn, STALE, "0")
    return True
