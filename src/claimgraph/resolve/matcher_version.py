"""The matcher's version, and the judgements an older matcher made.

Apart from ``match`` because every reading command asks ``has_outdated``
before it answers (``refresh``): the probe needs the number and one query,
not the matcher with its fuzzy matching, gazetteer and person rules.
"""

from __future__ import annotations

import sqlalchemy as sa

from claimgraph.store import schema as t

# The matcher's version, stored on each judgement it makes.  A store whose
# automatic judgements carry an older number has them forgotten and every
# name judged again at its next refresh, so an improved matcher re-decides
# what an older one decided (hand judgements stay).  Bump it with any change
# to ``match`` (or what it calls) that alters a verdict;
# tests/resolve/test_matcher_version.py fails until you do.
MATCHER_VERSION = 9


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
