"""Near-duplicate documents grouped into origins with MinHash LSH.

Syndicated wire copy and reposts are one story told many times: each
document gets a MinHash signature of its word shingles when it is stored,
and documents whose estimated Jaccard similarity passes ``THRESHOLD`` are
joined into one origin.  Corroboration then counts origins, not copies.

datasketch (with numpy and scipy under it) is imported only where a
signature is made or origins are rebuilt: importing it took a second of a
``claimgraph show`` that needs neither.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import sqlalchemy as sa

from claimgraph.store import schema as t
from claimgraph.unionfind import UnionFind

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 64
SCHEME = "affine32"  # fixed so stored signatures stay comparable across datasketch versions
SHINGLE = 5
THRESHOLD = 0.7
_WORD = re.compile(r"\w+")


def _minhash(text: str) -> MinHash:
    from datasketch import MinHash

    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def signature(text: str) -> bytes:
    """The document's MinHash signature, as stored in ``documents.minhash``."""
    import numpy as np

    return _minhash(text).hashvalues.astype(np.uint64).tobytes()


def _from_bytes(raw: bytes) -> MinHash:
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(raw, dtype=np.uint64))


def rebuild_origins(conn: sa.Connection) -> None:
    """Replace ``origins``: each document → the smallest document id of its near-duplicate group."""
    from datasketch import MinHashLSH

    rows = conn.execute(sa.select(t.documents.c.id, t.documents.c.minhash).order_by(t.documents.c.id)).all()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    sets = UnionFind(doc_id for doc_id, _ in rows)
    for doc_id, raw in rows:
        if raw is None:
            continue
        mh = _from_bytes(raw)
        for other in lsh.query(mh):
            sets.union(doc_id, other)
        lsh.insert(doc_id, mh)
    origin = {doc_id: min(group) for group in sets.to_sets() for doc_id in group}
    conn.execute(t.origins.delete())
    if rows:
        conn.execute(t.origins.insert(), [{"document_id": d, "origin_id": origin[d]} for d, _ in rows])
