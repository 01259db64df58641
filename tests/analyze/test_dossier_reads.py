"""What a dossier asks of the store: a name written for one actor is looked up with that actor's names."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from claimgraph.analyze.dossier import dossier
from records import falcons_world, store_all


def test_a_name_of_one_actor_is_looked_up_in_the_statement_reading_its_names(store_url: str) -> None:
    engine, _ = store_all(store_url, falcons_world())
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    with engine.connect() as conn:
        sa.event.listen(conn, "before_cursor_execute", count)
        by_name = dossier(conn, "rf").to_json()  # an alias, folded
        named = len(statements)
        by_id = dossier(conn, by_name["id"]).to_json()
        sa.event.remove(conn, "before_cursor_execute", count)
    assert by_name == by_id and by_name["name"] == "Ridge Falcons"
    assert {a["name"] for a in by_name["aliases"]} >= {"Ridge Falcons", "RF", "Ridge Falcons Brigade"}
    # the lookup and the names, the claims, the actors they name; by id the id is looked up on its own first
    assert (named, len(statements) - named) == (3, 4)
