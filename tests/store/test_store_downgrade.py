"""Every migration can be undone: a store with rows goes down to nothing and up again to the same store."""

from __future__ import annotations

import sqlalchemy as sa

from claimgraph.store import locks, upgrade
from records import falcons_world, store_all


def downgrade(engine: sa.Engine, revision: str) -> None:
    """Alembic's downgrade on the store's own migration connection (the tool itself only upgrades)."""
    from alembic import command

    config = upgrade._config()
    with engine.connect() as conn:
        locks.hold(conn, locks.MIGRATION)
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
        conn.commit()


def counts(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as conn:
        names = sorted(set(sa.inspect(conn).get_table_names()) & set(upgrade.metadata.tables))
        return {t: conn.execute(sa.text(f'SELECT count(*) FROM "{t}"')).scalar_one() for t in names}


def test_a_store_with_rows_goes_down_to_base_and_up_again(store_url: str) -> None:
    engine, _ = store_all(store_url, falcons_world())  # rows in the tables that point at entities and documents
    before = counts(engine)
    assert before["entities"] and before["mentions"] and before["claims"]
    downgrade(engine, "0007")  # 0008 takes the place columns off entities, which other tables point at
    with engine.connect() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("entities")}
        kept = conn.execute(sa.text("SELECT count(*) FROM entities")).scalar_one()
    assert "geonames_id" not in columns and kept == before["entities"]
    downgrade(engine, "base")
    with engine.connect() as conn:
        assert set(sa.inspect(conn).get_table_names()) & set(upgrade.metadata.tables) == set()
    engine.dispose()
    again, _ = store_all(store_url, falcons_world())
    assert counts(again) == before


def test_claims_and_names_stored_before_0012_get_their_documents_day_and_publisher(store_url: str) -> None:
    world = falcons_world()
    world[0].document.publisher = "Harbor Wire"  # one outlet among documents without one
    engine, _ = store_all(store_url, world)
    downgrade(engine, "0011")
    upgrade.migrate(engine)
    with engine.connect() as conn:
        claims = conn.execute(
            sa.text(
                "SELECT claims.day, claims.publisher, documents.day, documents.publisher FROM claims "
                "JOIN documents ON documents.id = claims.document_id"
            )
        ).all()
        names = conn.execute(
            sa.text(
                "SELECT entity_names.day, documents.day FROM entity_names "
                "JOIN documents ON documents.id = entity_names.document_id"
            )
        ).all()
    engine.dispose()
    assert claims and any(r[0] for r in claims) and any(r[1] for r in claims)
    assert all((r[0], r[1]) == (r[2], r[3]) for r in claims)
    assert names and any(r[0] for r in names) and all(r[0] == r[1] for r in names)
