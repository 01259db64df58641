"""Near-duplicate documents grouped into origins with MinHash LSH.

Syndicated wire copy and reposts are one story told many times: each
document gets a MinHash signature of its word shingles when it is stored,
and documents whose estimated Jaccard similarity passes ``THRESHOLD`` are
joined into one origin.  Corroboration then counts origins, not copies.
Each document's LSH bands are stored (``minhash_bands``), so documents
added later are compared through the index without re-signing or
re-reading the old ones (``add_origins``).

datasketch (with numpy and scipy under it) is imported only where a
signature is made or origins are rebuilt: importing it took a second of a
``claimgraph show`` that needs neither.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache
from typing import TYPE_CHECKING

import sqlalchemy as sa

from claimgraph.store import schema as t
from claimgraph.store.bulk import insert_rows, select_in
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


@cache
def band_ranges() -> list[tuple[int, int]]:
    """The slices of a signature ``MinHashLSH`` bands at ``THRESHOLD``: documents sharing one are candidates."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return [(start, end) for start, end in lsh.hashranges]


def bands(raw: bytes) -> list[dict[str, object]]:
    """The ``minhash_bands`` rows of one stored signature (a band's value is its slice of the signature)."""
    import numpy as np

    values = np.frombuffer(raw, dtype=np.uint64)
    return [{"band": i, "bucket": values[start:end].tobytes()} for i, (start, end) in enumerate(band_ranges())]


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
    conn.execute(t.minhash_bands.delete())
    if rows:
        conn.execute(t.origins.insert(), [{"document_id": d, "origin_id": origin[d]} for d, _ in rows])
    insert_rows(
        conn, t.minhash_bands, [{**b, "document_id": d} for d, raw in rows if raw is not None for b in bands(raw)]
    )


def add_origins(conn: sa.Connection, new: Collection[str]) -> None:
    """Give the ``new`` documents their origins, merging the groups they join; nobody else is re-signed.

    Each new document's bands are stored and looked up: a document sharing
    a band with it is a candidate, as in ``MinHashLSH``.  A group only ever
    grows, so joining the new documents' groups with the old groups they
    touch (renamed to the smallest id among them) gives the groups a
    rebuild would give.
    """
    d, o, b = t.documents.c, t.origins.c, t.minhash_bands.c
    placed = {r.document_id for r in select_in(conn, sa.select(o.document_id), o.document_id, new)}
    rows = select_in(conn, sa.select(d.id, d.minhash), d.id, set(new) - placed)
    sets = UnionFind(r.id for r in rows)
    band_rows = [{**band, "document_id": r.id} for r in rows if r.minhash is not None for band in bands(r.minhash)]
    insert_rows(conn, t.minhash_bands, band_rows)
    origin_of: dict[str, str] = {}
    for row in band_rows:
        same = sa.select(b.document_id, o.origin_id).outerjoin(t.origins, o.document_id == b.document_id)
        for other, origin in conn.execute(same.where(b.band == row["band"], b.bucket == row["bucket"])):
            if origin is not None:
                origin_of[other] = origin
                other = origin  # an old document stands for its whole group, by its origin
            sets.union(row["document_id"], other)
    olds = set(origin_of.values())
    fresh = {r.id for r in rows}
    renamed, added = [], []
    for group in sets.to_sets():
        first = min(group)
        renamed += [(old, first) for old in group & olds if old != first]
        added += [{"document_id": doc, "origin_id": first} for doc in group & fresh]
    for old, first in renamed:
        conn.execute(t.origins.update().where(o.origin_id == old).values(origin_id=first))
    insert_rows(conn, t.origins, added)
