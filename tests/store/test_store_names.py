"""Issue 16, row 15: a name with invisible characters is the name the reader sees, one actor."""

from __future__ import annotations

import sqlalchemy as sa

from claimgraph.names import fold, visible
from claimgraph.resolve.lookup import find_actor
from claimgraph.store import schema
from records import document, entity, extraction, store_all

HIDDEN = ["\u200d", "\u200b", "\u200c", "\u2060", "\ufeff", "\u00ad", "\u200f", "\u202e"]


def test_format_characters_fold_away() -> None:
    for mark in HIDDEN:
        assert fold(f"Sal{mark}t Road Battalion") == fold("Salt Road Battalion")
        assert visible(f"Sal{mark}t Road") == "Salt Road"
    assert visible("ﬁve") == "five"  # NFKC too


def test_a_name_written_with_a_zero_width_joiner_is_the_same_actor(store_url: str) -> None:
    plain = "The Salt Road Battalion held the crossing at Merrow."
    hidden = "Fighters of the Salt Ro\u200dad Battalion left Merrow on Monday."
    docs = [
        extraction(document(plain, path="a.txt"), [entity("e1", "Salt Road Battalion", "ARMED_GROUP", plain)]),
        extraction(document(hidden, path="b.txt"), [entity("e1", "Salt Ro\u200dad Battalion", "ARMED_GROUP", hidden)]),
    ]
    engine, summary = store_all(store_url, docs)
    assert summary.stored == 2
    with engine.connect() as conn:
        assert find_actor(conn, "Salt Road Battalion") == find_actor(conn, "Salt Ro\u200dad Battalion")
        names = conn.execute(sa.select(schema.names.c.name)).scalars().all()
        actors = conn.execute(sa.select(schema.actors.c.name)).scalars().all()
    assert names == ["Salt Road Battalion"] and actors == ["Salt Road Battalion"]
