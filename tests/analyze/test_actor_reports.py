"""An actor's reports: the documents writing any of its names, counted by their day, the undated apart."""

from __future__ import annotations

from claimgraph.analyze.reports import reports
from claimgraph.model import Extraction
from claimgraph.resolve.lookup import find_actor
from records import document, entity, extraction, falcons_world, store_all


def _world() -> list[Extraction]:
    """The falcons corpus, plus an undated article and a second article of 2016-05-10 writing the group twice."""
    undated = "Ridge Falcons fighters were seen near the pass."
    twice = "The Ridge Falcons, or RF as locals call them, left the valley."
    return [
        *falcons_world(),
        extraction(document(undated, None, path="u.txt"), [entity("e1", "Ridge Falcons", "ARMED_GROUP", undated)], []),
        extraction(
            document(twice, "2016-05-10T18:00:00+00:00", path="t.txt"),
            [entity("e1", "Ridge Falcons", "ARMED_GROUP", twice, ("RF",))],
            [],
        ),
    ]


def test_each_document_counts_once_on_its_day(store_url: str) -> None:
    engine, _ = store_all(store_url, _world())
    with engine.connect() as conn:
        falcons = find_actor(conn, "Ridge Falcons")
        found = reports(conn, falcons.id)
    # a.txt, b.txt (2014-03-01/02), d.txt (2015-01-05), c.txt and t.txt (2016-05-10: "RF" and the full name in t.txt
    # are one document), u.txt without a date
    assert found.days == [("2014-03-01", 1), ("2014-03-02", 1), ("2015-01-05", 1), ("2016-05-10", 2)]
    assert found.undated == 1
    assert found.to_json()["days"][-1] == {"day": "2016-05-10", "documents": 2}
