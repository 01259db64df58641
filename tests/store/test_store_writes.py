"""Writing extractions to the store (SQLite and PostgreSQL): idempotence, provenance, failures, search."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.script import ScriptDirectory

from claimgraph.analyze.dossier import stats
from claimgraph.load import IngestSummary, write_results
from claimgraph.model import ExtractionError
from claimgraph.store import open_store, schema
from claimgraph.store.engine import create_engine
from claimgraph.store.read import failures
from claimgraph.store.search import search
from claimgraph.store.upgrade import MIGRATIONS, migrate
from records import claim, document, entity, extraction, falcons_world, store_all


def test_storing_the_same_content_twice_adds_nothing(store_url: str) -> None:
    world = falcons_world()
    engine, first = store_all(store_url, world)
    with engine.connect() as conn:
        before = stats(conn)
    again = IngestSummary()
    write_results(engine, world, "test", again)
    with engine.connect() as conn:
        assert stats(conn) == before
    assert (first.stored, first.duplicates) == (4, 0)
    assert (again.stored, again.duplicates) == (0, 4)
    assert before.documents == 4 and before.claims == 7


def test_claims_keep_their_provenance(store_url: str) -> None:
    text = "The Ember Column operates in Valdris, the Ember Column said."
    doc = document(text, "2020-02-02T00:00:00+00:00")
    ents = [entity("e1", "Ember Column", "ARMED_GROUP", text), entity("e2", "Valdris", "PLACE", text)]
    engine, _ = store_all(store_url, [extraction(doc, ents, [claim("c1", "e1", "operates_in", "e2")])])
    with engine.connect() as conn:
        row = conn.execute(sa.select(schema.claims)).one()
        mention = conn.execute(sa.select(schema.mentions).order_by(schema.mentions.c.start)).first()
        extractor = conn.execute(sa.select(schema.documents.c.extractor)).scalar_one()
    assert row.document_id == doc.id and row.local_id == "c1"
    assert (row.evidence_start, row.evidence_end) == (0, 5)
    assert mention is not None and text[mention.start : mention.end] == "Ember Column"
    assert extractor == "test"


def test_failures_are_recorded_and_cleared_when_the_document_later_succeeds(store_url: str) -> None:
    engine = open_store(store_url)
    failure = ExtractionError("broken.txt", None, "binary", "looks like a binary file")
    summary = IngestSummary()
    write_results(engine, [failure], "test", summary)
    with engine.connect() as conn:
        assert [f.code for f in failures(conn)] == ["binary"]
    text = "Nothing much happened in Orlav."
    write_results(engine, [extraction(document(text, path="broken.txt"), [])], "test", summary)
    with engine.connect() as conn:
        assert failures(conn) == []
    assert summary.failed == 1 and summary.stored == 1


def test_search_finds_words_in_text_and_title(store_url: str) -> None:
    engine, _ = store_all(store_url, falcons_world())
    with engine.connect() as conn:
        by_text = {h.source_path for h in search(conn, "brigade commanders")}
        by_title = {h.source_path for h in search(conn, "observers")}
        nothing = search(conn, "zeppelin")
    assert by_text == {"c.txt"}
    assert by_title == {"d.txt"}
    assert nothing == []


def test_an_older_store_is_upgraded_in_place(store_url: str) -> None:
    engine = create_engine(store_url)
    migrate(engine, "0001")  # the store as the first release made it: no search index
    text = "The Salt Road Battalion held the crossing at Merrow."
    doc = document(text, title="Crossing held")
    with engine.begin() as conn:
        conn.execute(
            schema.documents.insert().values(
                id=doc.id, source_path="old.txt", text=text, title=doc.title, authors="[]", extractor="old"
            )
        )
    engine.dispose()
    upgraded = open_store(store_url)
    with upgraded.connect() as conn:
        version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
        hits = search(conn, "crossing Merrow")
    assert version == ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert [h.document_id for h in hits] == [doc.id]


def test_repeated_automatic_judgements_are_merged_on_upgrade(store_url: str) -> None:
    engine = create_engine(store_url)
    migrate(engine, "0002")  # before automatic judgements were unique per pair
    names = [{"id": n, "name": n, "fold": n, "type": "ARMED_GROUP", "key": n, "resolved": True} for n in ("n1", "n2")]
    verdict = {
        "left_id": "n1",
        "right_id": "n2",
        "judgement": "positive",
        "score": 0.9,
        "reason": "r",
        "created_at": "t",
    }
    with engine.begin() as conn:
        conn.execute(schema.names.insert(), names)
        conn.execute(
            schema.judgements.insert(), [{**verdict, "by_hand": False}] * 3 + [{**verdict, "by_hand": True}] * 2
        )
    engine.dispose()
    upgraded = open_store(store_url)
    with upgraded.connect() as conn:
        kinds = sorted(conn.execute(sa.select(schema.judgements.c.by_hand)).scalars())
    assert kinds == [False, True, True]


def test_migrations_build_exactly_the_schema_module(store_url: str) -> None:
    """A new table or column in schema.py without a migration fails here."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = open_store(store_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    search_index = {"documents_fts", "search", "ix_documents_search"}  # migration 0002's, dialect-specific
    unexplained = [d for d in diff if not any(name in repr(d) for name in search_index)]
    assert unexplained == []
