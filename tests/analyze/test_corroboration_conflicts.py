"""Dossiers, corroboration by independent origin, and conflicts over time."""

from __future__ import annotations

from claimgraph.analyze.claims import ClaimFilter, group_claims, load_claims
from claimgraph.analyze.conflicts import find_store_conflicts
from claimgraph.analyze.dossier import dossier
from claimgraph.resolve.origins import THRESHOLD, _minhash
from records import claim, document, entity, extraction, falcons_world, store_all


def test_near_duplicate_texts_share_a_signature_and_others_do_not() -> None:
    base = " ".join(f"word{i}" for i in range(200))
    assert _minhash(base).jaccard(_minhash(base + " one more line at the end")) > THRESHOLD
    assert _minhash(base).jaccard(_minhash(" ".join(f"other{i}" for i in range(200)))) < 0.2


def test_copies_count_once_and_independent_reports_add_up(store_url: str) -> None:
    engine, _ = store_all(store_url, falcons_world())
    with engine.connect() as conn:
        report = dossier(conn, "RF").to_json()
    part_of = [c for c in report["claims"] if c["predicate"] == "part_of" and c["polarity"] == "affirmed"]
    assert len(part_of) == 1
    # a.txt and its near copy b.txt (one origin, and the same source) + d.txt (independent)
    assert part_of[0]["documents"] == 3
    assert part_of[0]["independent_origins"] == 2
    assert "Marek Tolvani" in part_of[0]["sources"]
    assert ["Harbor Wire"] in part_of[0]["via"]


def test_reports_citing_the_same_upstream_source_count_once(store_url: str) -> None:
    extractions = []
    for i, outlet in enumerate(["Morning Ledger", "Evening Ledger", "Coast Daily"]):
        text = f"{outlet} reported, citing Harbor Wire, that the Ash Wardens operate in Korvana. Story {i} " + "x " * i
        ents = [
            entity("e1", "Ash Wardens", "ARMED_GROUP", text),
            entity("e2", "Korvana", "PLACE", text),
            entity("e3", "Harbor Wire", "MEDIA", text),
        ]
        words = " ".join(f"unique{i}w{j}" for j in range(60))  # make the three texts unlike each other
        doc = document(text + words, f"2019-0{i + 1}-01T00:00:00+00:00", path=f"{i}.txt")
        extractions.append(extraction(doc, ents, [claim("c1", "e1", "operates_in", "e2", via=("e3",))]))
    engine, _ = store_all(store_url, extractions)
    with engine.connect() as conn:
        (group,) = group_claims(load_claims(conn, ClaimFilter(predicate="operates_in")))
    assert group.to_json()["documents"] == 3
    assert group.independent_origins() == 1


def test_a_reversal_years_later_is_a_change(store_url: str) -> None:
    engine, _ = store_all(store_url, falcons_world())
    with engine.connect() as conn:
        conflicts = [c.to_json() for c in find_store_conflicts(group_claims(load_claims(conn)))]
        report = dossier(conn, "Ridge Falcons Brigade").to_json()
    (polarity,) = [c for c in conflicts if c["kind"] == "polarity"]
    assert polarity["subject"] == report["name"] and polarity["predicate"] == "part_of"
    assert polarity["change"] == {
        "from": "affirmed Dawn Coalition",
        "until": "2015-01-05",
        "to": "denied Dawn Coalition",
        "since": "2016-05-10",
    }
    assert "change" in polarity["explanation"]
    assert len(polarity["claims"]) == 4
    assert report["conflicts"] == conflicts or any(c["kind"] == "polarity" for c in report["conflicts"])
    assert (report["first_seen"], report["last_seen"]) == ("2014-03-01", "2016-05-10")


def test_conflicting_claims_in_the_same_period_are_not_a_change(store_url: str) -> None:
    t1, t2 = "The Ash Wardens are part of the Dawn Coalition.", "The Ash Wardens are not part of the Dawn Coalition."
    docs = []
    for i, (text, polarity) in enumerate([(t1, "affirmed"), (t2, "denied"), (t1 + " Again.", "affirmed")]):
        ents = [entity("e1", "Ash Wardens", "ARMED_GROUP", text), entity("e2", "Dawn Coalition", "ARMED_GROUP", text)]
        doc = document(text, f"2020-01-0{i + 1}T00:00:00+00:00", path=f"{i}.txt")
        docs.append(extraction(doc, ents, [claim("c1", "e1", "part_of", "e2", polarity=polarity)]))
    engine, _ = store_all(store_url, docs)
    with engine.connect() as conn:
        (conflict,) = find_store_conflicts(group_claims(load_claims(conn)))
    assert conflict.kind == "polarity" and conflict.change is None


def test_blanket_denial_across_articles(store_url: str) -> None:
    t1 = "The Ash Wardens are affiliated with the Dawn Coalition."
    t2 = "The Ash Wardens said they are unaffiliated with any other group."
    e1 = [entity("e1", "Ash Wardens", "ARMED_GROUP", t1), entity("e2", "Dawn Coalition", "ARMED_GROUP", t1)]
    e2 = [entity("e1", "Ash Wardens", "ARMED_GROUP", t2)]
    docs = [
        extraction(
            document(t1, "2020-01-01T00:00:00+00:00", path="1.txt"), e1, [claim("c1", "e1", "affiliated_with", "e2")]
        ),
        extraction(
            document(t2, "2020-01-01T00:00:00+00:00", path="2.txt"),
            e2,
            [claim("c1", "e1", "affiliated_with", None, polarity="denied", literal="any other group")],
        ),
    ]
    engine, _ = store_all(store_url, docs)
    with engine.connect() as conn:
        kinds = [c.kind for c in find_store_conflicts(group_claims(load_claims(conn)))]
    assert kinds == ["blanket_denial"]


def test_a_denied_symmetric_link_conflicts_whichever_way_it_is_stored(store_url: str) -> None:
    """Denying any link (symmetric) contradicts an affiliation, in either direction of actor ids."""
    docs = []
    for i, (subject, obj) in enumerate([("Ash Wardens", "Dawn Coalition"), ("Salt Road Battalion", "Ember Column")]):
        t1, t2 = f"The {subject} are affiliated with the {obj}.", f"The {subject} have no link to the {obj}."
        for j, (text, pred, pol) in enumerate([(t1, "affiliated_with", "affirmed"), (t2, "linked_to", "denied")]):
            ents = [entity("e1", subject, "ARMED_GROUP", text), entity("e2", obj, "ARMED_GROUP", text)]
            doc = document(text, "2021-01-01T00:00:00+00:00", path=f"{i}{j}.txt")
            docs.append(extraction(doc, ents, [claim("c1", "e1", pred, "e2", polarity=pol)]))
    engine, _ = store_all(store_url, docs)
    with engine.connect() as conn:
        found = [c.to_json() for c in find_store_conflicts(group_claims(load_claims(conn)))]
    assert sorted(c["subject"] for c in found) == ["Ash Wardens", "Salt Road Battalion"]
    assert all(c["kind"] == "polarity" and "linked to" in c["explanation"] for c in found)
    assert "linked to Dawn Coalition is denied" in " ".join(c["explanation"] for c in found)


def test_a_dossier_reads_symmetric_claims_from_its_actor(store_url: str) -> None:
    text = "The Ash Wardens fight alongside the Salt Road Battalion."
    ents = [entity("e1", "Ash Wardens", "ARMED_GROUP", text), entity("e2", "Salt Road Battalion", "ARMED_GROUP", text)]
    doc = document(text, "2022-02-02T00:00:00+00:00")
    engine, _ = store_all(store_url, [extraction(doc, ents, [claim("c1", "e1", "allied_with", "e2")])])
    with engine.connect() as conn:
        for name, other in (("Ash Wardens", "Salt Road Battalion"), ("Salt Road Battalion", "Ash Wardens")):
            (allied,) = dossier(conn, name).to_json()["claims"]
            assert (allied["subject"], allied["object"]) == (name, other)
