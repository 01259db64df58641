"""Resolution failures seen on a few hundred articles, reproduced with articles of our own (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace

from claimgraph.model import Extraction
from claimgraph.resolve.lookup import find_actor
from claimgraph.resolve.refresh import refresh
from claimgraph.resolve.store import judge_names
from records import document, entity, extraction, store_all


def article(path: str, *names: tuple[str, str, tuple[str, ...], str | None]) -> Extraction:
    """One article naming each ``(name, type, aliases, gazetteer id)``."""
    text = " ".join(f"{n} made a statement." for n, _, _, _ in names)
    ents = []
    for i, (name, etype, aliases, gazetteer_id) in enumerate(names):
        ents.append(replace(entity(f"e{i}", name, etype, text, aliases), gazetteer_id=gazetteer_id))
    return extraction(document(text, path=path), ents)


def group(name: str, *aliases: str, gazetteer_id: str | None = None) -> tuple[str, str, tuple[str, ...], str | None]:
    return (name, "ARMED_GROUP", aliases, gazetteer_id)


def test_groups_sharing_a_nationality_word_stay_apart(store_url: str) -> None:
    names = ["Syrian Democratic Forces", "Syrian Arab Army", "Syrian National Coalition", "Syrian Democratic Council"]
    names += ["Free Syrian Army", "Iraqi Army", "Iranian Army"]
    engine, _ = store_all(store_url, [article(f"{i}.txt", group(n)) for i, n in enumerate(names)])
    with engine.connect() as conn:
        actors = {find_actor(conn, n).id for n in names}
    assert len(actors) == len(names)


def test_one_documents_slip_does_not_join_two_established_actors(store_url: str) -> None:
    gov = ("Korvani government", "ORGANIZATION", (), None)
    admin = ("Tessaly administration", "ORGANIZATION", (), None)
    docs = [article(f"g{i}.txt", gov) for i in range(3)] + [article(f"a{i}.txt", admin) for i in range(3)]
    slip = ("Korvani government", "ORGANIZATION", ("Tessaly administration",), None)
    engine, _ = store_all(store_url, [*docs, article("slip.txt", slip)])
    with engine.connect() as conn:
        assert find_actor(conn, "Korvani government") != find_actor(conn, "Tessaly administration")
    # the same tie written by a second document is evidence enough
    engine, _ = store_all(store_url, [article("slip2.txt", slip)])
    with engine.connect() as conn:
        assert find_actor(conn, "Korvani government") == find_actor(conn, "Tessaly administration")


def test_places_with_one_skeleton_stay_apart(store_url: str) -> None:
    places = ["Chechnya", "China", "Aachen"]
    engine, _ = store_all(store_url, [article(f"{p}.txt", (p, "PLACE", (), None)) for p in places])
    with engine.connect() as conn:
        assert len({find_actor(conn, p).id for p in places}) == 3


def test_gazetteer_ids_from_two_sources_do_not_keep_spellings_apart(store_url: str) -> None:
    engine, _ = store_all(
        store_url,
        [
            article("1.txt", group("al-Qaeda", gazetteer_id="un:QDe.900")),
            article("2.txt", group("al-Qaida", gazetteer_id="phoenix:X/AL QAIDA")),
            article("3.txt", group("al Qaeda")),
        ],
    )
    with engine.connect() as conn:
        assert len({find_actor(conn, n).id for n in ("al-Qaeda", "al-Qaida", "al Qaeda")}) == 1


def test_a_hand_merge_joins_the_actors_whatever_lies_between_their_other_names(store_url: str) -> None:
    # Two actors of two names each; their other names are two entries of one gazetteer (a negative).
    engine, _ = store_all(
        store_url,
        [
            article("a.txt", group("Dune Wardens", "DW")),
            article("a2.txt", group("DW", gazetteer_id="un:QDe.901")),
            article("b.txt", group("Sand Keepers", "SK")),
            article("b2.txt", group("SK", gazetteer_id="un:QDe.902")),
        ],
    )
    with engine.connect() as conn:
        assert find_actor(conn, "Dune Wardens") != find_actor(conn, "Sand Keepers")
    with engine.begin() as conn:
        judge_names(conn, "Dune Wardens", "Sand Keepers", "positive")
    refresh(engine)
    with engine.connect() as conn:
        assert len({find_actor(conn, n).id for n in ("Dune Wardens", "DW", "Sand Keepers", "SK")}) == 1
    with engine.begin() as conn:
        judge_names(conn, "Dune Wardens", "Sand Keepers", "negative")
    refresh(engine)
    with engine.connect() as conn:
        assert find_actor(conn, "Dune Wardens") != find_actor(conn, "Sand Keepers")


def test_an_automatic_merge_never_mixes_incompatible_types(store_url: str) -> None:
    # an organisation may be an armed group or an outlet elsewhere, but an armed group is never an outlet
    engine, _ = store_all(
        store_url,
        [
            article("g.txt", group("Harbor Voice")),
            article("o.txt", ("Harbor Voice", "ORGANIZATION", (), None)),
            article("m.txt", ("Harbor Voice", "MEDIA", (), None)),
            article("p.txt", ("Harbor Voice", "PLACE", (), None)),
        ],
    )
    import sqlalchemy as sa

    from claimgraph.store import schema as t

    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(t.canonical.c.actor_id, t.names.c.type).join(t.names, t.names.c.id == t.canonical.c.name_id)
        ).all()
    types: dict[str, set[str]] = {}
    for actor, etype in rows:
        types.setdefault(actor, set()).add(etype)
    assert not any({"ARMED_GROUP", "MEDIA"} <= ts or ("PLACE" in ts and len(ts) > 1) for ts in types.values())
    assert any(len(ts) == 2 for ts in types.values())  # the organisation did join one of them


def test_every_actor_is_reachable_by_id_type_or_dominance(store_url: str) -> None:
    import pytest

    from claimgraph.errors import NotFoundError

    # the group in six articles, a place of the same name in one (an extraction slip)
    docs = [article(f"g{i}.txt", group("Vessara")) for i in range(6)] + [
        article("p.txt", ("Vessara", "PLACE", (), None))
    ]
    docs += [article("q1.txt", ("Orlan", "PERSON", (), None)), article("q2.txt", ("Orlan", "PLACE", (), None))]
    engine, _ = store_all(store_url, docs)
    with engine.connect() as conn:
        dominant = find_actor(conn, "Vessara")
        assert dominant.type == "ARMED_GROUP" and dominant.note and "6 documents against 1" in dominant.note
        place = find_actor(conn, "Vessara", "PLACE")
        assert place.type == "PLACE" and place.note is None
        assert find_actor(conn, place.id) == place  # an actor id reaches the actor
        with pytest.raises(NotFoundError) as ambiguous:  # one document each: no choice is safe
            find_actor(conn, "Orlan")
        assert len(ambiguous.value.candidates) == 2 and all("document" in c for c in ambiguous.value.candidates)
        assert find_actor(conn, "Orlan", "PERSON").type == "PERSON"


def test_a_near_spelling_is_offered_never_used(store_url: str) -> None:
    import pytest

    from claimgraph.errors import NotFoundError

    engine, _ = store_all(store_url, [article("k.txt", ("Khaled Harrah", "PERSON", (), None))])
    with engine.connect() as conn:
        for typed in ("Khalid Harah", "Khaled Harra"):  # a skeleton match, a fuzzy match
            with pytest.raises(NotFoundError) as near:
                find_actor(conn, typed)
            assert "did you mean" in str(near.value) and "Khaled Harrah" in near.value.candidates[0]


def test_a_listed_name_no_document_wrote_reaches_the_actor_carrying_the_entry(store_url: str) -> None:
    from claimgraph.nlp.entities.gazetteer import shipped_gazetteer

    entry = next(e for e in shipped_gazetteer().entries if any(g.isupper() and len(g) <= 4 for g in e.guarded))
    short = next(g for g in sorted(entry.guarded) if g.isupper() and len(g) <= 4)
    engine, _ = store_all(store_url, [article("x.txt", group("Korvani Listed Front", gazetteer_id=entry.id))])
    with engine.connect() as conn:
        actor = find_actor(conn, short)
    assert actor.name == "Korvani Listed Front" and actor.note and "gazetteer" in actor.note


def test_one_split_separates_two_actors_joined_by_several_links(store_url: str) -> None:
    from claimgraph.resolve.hand import names_of, placements

    # two articles each tie a name of the Marsh Lions to a name of the Reed Wolves: enough to merge them
    docs = [article(f"l{i}.txt", group("Marsh Lions", "Lions of the Marsh")) for i in range(2)]
    docs += [article(f"w{i}.txt", group("Reed Wolves", "Wolves of the Reed")) for i in range(2)]
    docs += [
        article("t1.txt", group("Marsh Lions", "Reed Wolves")),
        article("t2.txt", group("Lions of the Marsh", "Wolves of the Reed")),
    ]
    engine, _ = store_all(store_url, docs)
    with engine.connect() as conn:
        assert find_actor(conn, "Marsh Lions") == find_actor(conn, "Wolves of the Reed")
        before = names_of(conn, ["Marsh Lions"])
    with engine.begin() as conn:
        judge_names(conn, "Marsh Lions", "Reed Wolves", "negative")
    refresh(engine)
    with engine.connect() as conn:
        where = {p.name: p.actor_id for p in placements(conn, before)}
    assert where["Marsh Lions"] != where["Reed Wolves"]
    assert where["Lions of the Marsh"] == where["Marsh Lions"] and where["Wolves of the Reed"] == where["Reed Wolves"]


def test_a_hand_merge_overrides_even_a_strong_automatic_negative(store_url: str) -> None:
    import sqlalchemy as sa

    from claimgraph.store import schema as t
    from claimgraph.store.write import record_auto_judgements

    engine, _ = store_all(
        store_url,
        [article("a.txt", group("Dune Wardens", "DW")), article("b.txt", group("Sand Keepers", "SK"))],
    )
    with engine.begin() as conn:
        ids = dict(conn.execute(sa.select(t.names.c.name, t.names.c.id)).all())
        record_auto_judgements(conn, [(ids["DW"], ids["SK"], "negative", 1.0, "different gazetteer ids")])
        judge_names(conn, "Dune Wardens", "Sand Keepers", "positive")
    refresh(engine, force=True)
    with engine.connect() as conn:
        assert len({find_actor(conn, n).id for n in ("Dune Wardens", "DW", "Sand Keepers", "SK")}) == 1
