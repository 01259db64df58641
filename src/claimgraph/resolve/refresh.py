"""Bringing the derived tables up to date with the statements and judgements.

Called at the end of an ingest, after a hand judgement, and before any
reading command when ``meta`` marks them stale, so every answer reflects every
committed document even after a crash between writing and rebuilding.  A
store an older matcher judged is stale too: its judgements are made again.
The near-duplicate code (MinHash, with datasketch) and the matcher are
imported only when something is stale: a read of an up-to-date store checks
``meta`` and the judgements' matcher version (``matcher_version``) and
nothing else.

Only what changed is recomputed: the names and documents ``touched`` since
the last refresh lead to the names whose actors may change (``affected``),
the documents whose origins are new and the outlets of their publishers
(a person's short forms follow their full name's actor: ``short_forms``),
so ingesting ten documents into a large store costs about what it costs
into a small one.  A store whose persisted indexes are missing or of
another layout (``LAYOUT``: made by another claimgraph) is rebuilt whole
once, and so is every store with ``force``, and the actors of a store an
older matcher judged.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa

from claimgraph import __version__
from claimgraph.resolve.matcher_version import forget_outdated, has_outdated
from claimgraph.resolve.outlets import add_outlets, rebuild_outlets
from claimgraph.store import locks
from claimgraph.store.meta import ACTORS, ORIGINS, get, is_stale, put
from claimgraph.store.touched import DOCUMENT, NAME, clear, pending, touched

log = logging.getLogger(__name__)

# What the persisted blocks and bands were made by: a store holding another value is rebuilt whole.
LAYOUT_KEY = "derived_version"
# blocks 2: deletion keys of person name parts; blocks 3: generic group names by their words and countries
LAYOUT = f"claimgraph {__version__}; blocks 3; bands 1; short forms 1"


def refresh(engine: sa.Engine, force: bool = False) -> bool:
    """Bring resolution, origins and outlets up to date where stale (all of them, with ``force``); whether anything ran.

    It runs under the store's rebuild lock: two ingests finishing at once
    take turns (the second usually finds nothing left to do) instead of
    both rewriting the same rows.
    """
    if not force:
        with engine.connect() as conn:
            behind = is_stale(conn, ACTORS) or is_stale(conn, ORIGINS) or pending(conn) or has_outdated(conn)
            if not (behind or get(conn, LAYOUT_KEY) != LAYOUT):
                return False
    from claimgraph.resolve.origins import add_origins, rebuild_origins
    from claimgraph.resolve.short_forms import file_short_forms
    from claimgraph.resolve.store import affected, judge_pending, rebuild_actors, refile_all

    with engine.begin() as conn:
        locks.hold(conn, locks.REBUILD)
        whole = force or get(conn, LAYOUT_KEY) != LAYOUT
        rejudged = forget_outdated(conn)
        if rejudged:
            log.info("judging every name again: %d judgements were made by an older matcher", rejudged)
        names, documents = touched(conn, NAME), touched(conn, DOCUMENT)
        actors = whole or bool(rejudged) or is_stale(conn, ACTORS) or bool(names.rows)
        origins = whole or is_stale(conn, ORIGINS) or bool(documents.rows)
        if whole:
            log.debug("rebuilding the resolution blocks")
            refile_all(conn)
        if actors:
            log.debug("judging new names (%d new automatic judgements)", judge_pending(conn))
            names = touched(conn, NAME)  # again: judging noted the names of its new judgements
            if whole or rejudged:
                log.debug("rebuilding canonical actors")
                file_short_forms(conn)
                rebuild_actors(conn)
            else:
                file_short_forms(conn, names.ids)
                among = affected(conn, names.ids)
                log.debug("updating the actors of %d names (%d touched)", len(among), len(names.ids))
                rebuild_actors(conn, among)
            clear(conn, names)
            put(conn, ACTORS, "0")
        if origins:
            if whole:
                log.debug("rebuilding origins of near-duplicate documents, and the outlets' names")
                rebuild_origins(conn)
                rebuild_outlets(conn)
            else:
                log.debug("placing %d new documents among near-duplicate origins and outlets", len(documents.ids))
                add_origins(conn, documents.ids)
                add_outlets(conn, documents.ids)
            clear(conn, documents)
            put(conn, ORIGINS, "0")
        if whole:
            put(conn, LAYOUT_KEY, LAYOUT)
    return actors or origins
