"""The matcher's version on its judgements: an improved matcher re-decides what an older one decided.

Also the tripwire that keeps the version honest: the verdicts on a fixed
set of invented name pairs are fingerprinted, and a change to the matcher
that alters any of them fails here until ``MATCHER_VERSION`` is bumped and
the fingerprint re-recorded (``python tests/resolve/test_matcher_version.py``).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import sqlalchemy as sa

from claimgraph.names import fold
from claimgraph.nodes import name_node
from claimgraph.resolve.lookup import find_actor
from claimgraph.resolve.match import Candidate, compare
from claimgraph.resolve.matcher_version import MATCHER_VERSION
from claimgraph.resolve.refresh import refresh
from claimgraph.resolve.store import judge_names
from claimgraph.store import schema, upgrade
from records import falcons_world, store_all

FINGERPRINT = Path(__file__).with_name("matcher_fingerprint.json")

# Invented names of every kind the matcher distinguishes: spellings, generic words, acronyms,
# countries, places, persons with titles and initials, types that may and may not meet.
PAIRS: list[tuple[str, str, str, str]] = [
    ("Ridge Falcons", "ARMED_GROUP", "Ridge Falcons Brigade", "ARMED_GROUP"),
    ("Ridge Falcons", "ARMED_GROUP", "Ridge Falcon", "ARMED_GROUP"),
    ("Jaysh al-Qamar", "ARMED_GROUP", "Jaish al-Qamar", "ARMED_GROUP"),
    ("Liwa Suqur al-Wadi", "ARMED_GROUP", "Liwaa Suqour al-Wadi", "ARMED_GROUP"),
    ("Dawn Coalition Forces", "ARMED_GROUP", "DCF", "ARMED_GROUP"),
    ("Dawn Coalition Forces", "ARMED_GROUP", "Dawn Democratic Forces", "ARMED_GROUP"),
    ("Harbor Front in Norland", "ARMED_GROUP", "Harbor Front in Southmark", "ARMED_GROUP"),
    ("Harbor Front", "ORGANIZATION", "Harbor Front", "ARMED_GROUP"),
    ("Harbor Wire", "MEDIA", "Harbor Wire", "ORGANIZATION"),
    ("Harbor Wire", "MEDIA", "Harbor Wire", "PERSON"),
    ("Council of Tall Pines", "ORGANIZATION", "Tall Pines Council", "ORGANIZATION"),
    ("Marek Tolvani", "PERSON", "Tolvani", "PERSON"),
    ("Marek Tolvani", "PERSON", "M. Tolvani", "PERSON"),
    ("Marek Tolvani", "PERSON", "Marek Tolvany", "PERSON"),
    ("Marek Tolvani", "PERSON", "Anna Tolvani", "PERSON"),
    ("Gen. Marek Tolvani", "PERSON", "Marek Tolvani", "PERSON"),
    ("Abu Karim al-Suri", "PERSON", "Abu Kareem al-Souri", "PERSON"),
    ("Ilse van der Berg", "PERSON", "Ilse Berg", "PERSON"),
    ("Yunes Abdurahman", "PERSON", "Yunes Abdul Rahman", "PERSON"),
    ("Tolvani", "PERSON", "Tolvany", "PERSON"),
    ("Ryu Bong Chun", "PERSON", "Ryu Pong Ch'un", "PERSON"),
    ("Norland", "PLACE", "Norlandia", "PLACE"),
    ("Kharbat", "PLACE", "Khirbat", "PLACE"),
    ("Vellmar", "PLACE", "Vellmar Province", "PLACE"),
    ("Norland", "PLACE", "Republic of Norland", "PLACE"),
    ("Vellmar", "PLACE", "Vellmark", "PLACE"),
    ("Sons of the Valley", "ARMED_GROUP", "SOTV", "ARMED_GROUP"),
    ("Amir Kamil Tolbaz", "PERSON", "Aamir Kamil Tolbaz", "PERSON"),
    ("Nadir Karim Tolbunzada", "PERSON", "نادر كريم طلبون زاده", "PERSON"),
    ("Hamadi Ould Karim Ould Salem Tolbaz", "PERSON", "حمادي ولد كريم طلباز", "PERSON"),
    ("Kamil Abd Allah Tolbaz", "PERSON", "Kamil Abdallah Tolbaz", "PERSON"),
    ("Tarik Halbuni", "PERSON", "Halboni Tarek", "PERSON"),
    ("Abu al-Harith Kamil Tolbaz", "PERSON", "Kamil Tolbaz", "PERSON"),
    ("Muhammad Kamil Tolbaz", "PERSON", "Kamil Tolbaz", "PERSON"),
    ("Malik Kamil Tolbaz", "PERSON", "Kamil Tolbaz", "PERSON"),
    ("Al Tolbazi", "PERSON", "Kamil Idris Altolbazi", "PERSON"),
    ("Abd al-Hamid Tolbaz", "PERSON", "Hamid Tolbaz", "PERSON"),
    ("Kamil Rajabovich Tolbaz", "PERSON", "Камил Ражабович Толбаз", "PERSON"),
    ("Yunes bin Kamil al-Tolbazi", "PERSON", "Yunes Kamil Idris Hamid Salem al-Tolbazi", "PERSON"),
    ("Hafiz Mohammad", "PERSON", "Sayed Muhammad", "PERSON"),
    ("President Harbi", "PERSON", "Kamil Harbi", "PERSON"),
    ("Dutch government", "ORGANIZATION", "Netherlands government", "ORGANIZATION"),
]


def verdicts() -> list[list[object]]:
    """The matcher's verdict on each pair, in a form that hashes the same on every machine."""
    out: list[list[object]] = []
    for a, at, b, bt in PAIRS:
        v = compare(Candidate(a, a, fold(a), at), Candidate(b, b, fold(b), bt))
        out.append([a, b] if v is None else [a, b, v.judgement, round(v.score, 4), v.reason])
    return out


def fingerprint() -> str:
    return hashlib.sha256(json.dumps(verdicts(), ensure_ascii=False).encode()).hexdigest()


def test_a_change_to_the_verdicts_bumps_the_matcher_version() -> None:
    recorded = json.loads(FINGERPRINT.read_text())
    assert recorded["matcher_version"] == MATCHER_VERSION and recorded["sha256"] == fingerprint(), (
        "the matcher's verdicts changed (or MATCHER_VERSION did): bump MATCHER_VERSION in "
        "claimgraph/resolve/matcher_version.py so stores re-judge, then run python tests/resolve/test_matcher_version.py"
    )


def _matcher_columns(engine: sa.Engine) -> list[tuple[bool, str, int | None]]:
    j = schema.judgements.c
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.select(j.by_hand, j.reason, j.matcher))]  # type: ignore[misc]


def test_judgements_record_which_matcher_made_them(store_url: str) -> None:
    engine, _ = store_all(store_url, falcons_world())
    with engine.begin() as conn:
        judge_names(conn, "Ridge Falcons", "Dawn Coalition", "negative", "test")
    rows = _matcher_columns(engine)
    from_documents = [m for hand, reason, m in rows if not hand and reason.startswith("named as one actor in")]
    from_matcher = [m for hand, reason, m in rows if not hand and not reason.startswith("named as one actor in")]
    assert from_documents and set(from_documents) == {None}  # a document's statement is no matcher's decision
    assert from_matcher and set(from_matcher) == {MATCHER_VERSION}
    assert {m for hand, _, m in rows if hand} == {None}


def test_an_older_matchers_judgements_are_made_again_and_hand_ones_kept(store_url: str) -> None:
    engine, _ = store_all(store_url, falcons_world())
    with engine.begin() as conn:
        judge_names(conn, "Ridge Falcons", "Dawn Coalition", "negative", "test")
    assert refresh(engine)  # the hand judgement marked the actors stale
    assert not refresh(engine)  # and now nothing is left to do
    j = schema.judgements.c
    with engine.begin() as conn:  # an older matcher that kept the two spellings apart
        conn.execute(
            schema.judgements.update()
            .where(j.matcher.is_not(None))
            .values(matcher=MATCHER_VERSION - 1, judgement="negative", score=1.0)
        )
    assert refresh(engine)
    with engine.connect() as conn:
        assert find_actor(conn, "Ridge Falcons") == find_actor(conn, "Ridge Falcons Brigade")
        assert find_actor(conn, "Ridge Falcons") != find_actor(conn, "Dawn Coalition")  # the hand split stays
    rows = _matcher_columns(engine)
    assert {m for hand, reason, m in rows if not hand and not reason.startswith("named")} == {MATCHER_VERSION}
    assert any(hand for hand, _, _ in rows)
    assert not refresh(engine)


def test_a_store_from_before_matcher_versions_is_judged_again_once(tmp_path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade.migrate(engine, "0005")  # a store made before matcher versions, holding two spellings
    falcons, brigade = name_node("Ridge Falcons", "ARMED_GROUP"), name_node("Ridge Falcons Brigade", "ARMED_GROUP")
    short = name_node("RF", "ARMED_GROUP")
    with engine.begin() as conn:
        for node in (falcons, brigade, short):
            conn.execute(
                sa.text(
                    "INSERT INTO names (id, name, fold, type, key, resolved) VALUES (:id, :name, :fold, 'ARMED_GROUP', :key, 1)"
                ),
                {"id": node.id, "name": node.name, "fold": node.fold, "key": node.key},
            )
        judgement = (
            "INSERT INTO judgements (left_id, right_id, judgement, by_hand, score, reason, created_at) "
            "VALUES (:a, :b, :j, 0, 1.0, :reason, '2020-01-01T00:00:00+00:00')"
        )  # an old matcher kept the spellings apart; a document named RF as the Falcons
        conn.execute(sa.text(judgement), {"a": falcons.id, "b": brigade.id, "j": "negative", "reason": "old rule"})
        conn.execute(
            sa.text(judgement), {"a": falcons.id, "b": short.id, "j": "positive", "reason": "named as one actor in d1"}
        )
    upgrade.migrate(engine)  # what opening that store with this claimgraph does
    assert sorted(_matcher_columns(engine), key=lambda r: r[1]) == [
        (False, "named as one actor in d1", None),
        (False, "old rule", 0),
    ]
    assert refresh(engine)
    rows = _matcher_columns(engine)
    assert (False, "old rule", 0) not in rows and (False, "named as one actor in d1", None) in rows
    assert {m for _, reason, m in rows if reason != "named as one actor in d1"} == {MATCHER_VERSION}
    with engine.connect() as conn:
        assert find_actor(conn, "Ridge Falcons") == find_actor(conn, "Ridge Falcons Brigade") == find_actor(conn, "RF")
    assert not refresh(engine)


if __name__ == "__main__":
    FINGERPRINT.write_text(json.dumps({"matcher_version": MATCHER_VERSION, "sha256": fingerprint()}, indent=2) + "\n")
    print(json.dumps(verdicts(), indent=1, ensure_ascii=False), file=sys.stderr)
