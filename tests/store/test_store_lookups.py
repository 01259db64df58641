"""Lookups by many ids on the read path (``select_any``): each id matched whole, whatever it holds."""

from __future__ import annotations

import sqlalchemy as sa

from claimgraph.store import open_store
from claimgraph.store import schema as t
from claimgraph.store.bulk import insert_rows, select_any


def test_every_id_is_matched_whole_even_one_holding_a_comma(store_url: str) -> None:
    engine = open_store(store_url)
    ids = ["n-plain", "n-other", "a", "b", "a,b"]
    with engine.begin() as conn:
        rows = [{"id": i, "name": i, "fold": i, "type": "PERSON", "key": i, "resolved": True} for i in ids]
        insert_rows(conn, t.names, rows)
    query = sa.select(t.names.c.id)
    with engine.connect() as conn:

        def found(wanted: set[str]) -> set[str]:
            return {r[0] for r in select_any(conn, query, t.names.c.id, wanted)}

        assert found({"n-plain", "n-other", "n-missing"}) == {"n-plain", "n-other"}
        assert found({"a,b"}) == {"a,b"}  # not "a" and "b"
        assert found({"a,b", "n-plain"}) == {"a,b", "n-plain"}
        assert found({"a", "b"}) == {"a", "b"}
        assert found(set()) == set()
    engine.dispose()
