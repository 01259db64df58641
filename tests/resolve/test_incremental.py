"""Incremental derived state: a store filled in slices has the actors and origins a full rebuild gives it.

The corpus is invented: groups written in several spellings (with and
without their generic word, as an acronym given in one article, with a
word in another order), people by full and short name (short forms scoped to their document, one
of them written for two people of one family), near-duplicate
copies of one article, and more names sharing one distinctive word than a
block holds unsorted, so the sorted neighbourhood is exercised too.
"""

from __future__ import annotations

import sqlalchemy as sa

from claimgraph.load import IngestSummary, write_results
from claimgraph.model import Extraction, Judgement
from claimgraph.nodes import name_node
from claimgraph.resolve.clusters import MERGE_AT
from claimgraph.resolve.lookup import find_actor
from claimgraph.resolve.refresh import refresh
from claimgraph.resolve.store import affected, judge_by_hand
from claimgraph.store import open_store
from claimgraph.store import schema as t
from claimgraph.store.touched import NAME, touched
from claimgraph.store.write import record_auto_judgements
from records import document, entity, extraction

GROUPS = ["Amber Lantern", "Gray Heron", "Copper Valley", "Northern Reed", "Iron Orchard", "Salt Marsh"]
PEOPLE = ["Tomas Ekwall", "Ilse Marrow", "Petra Sundqvist", "Oskar Lindell"]
SHARED = ["Cinder", "Moss", "Flint", "Birch", "Quarry", "Harrow", "Lantern", "Thistle", "Bramble", "Sorrel"]


def corpus() -> list[Extraction]:
    out = []
    for i in range(40):
        group = GROUPS[i % len(GROUPS)]
        spelling = [f"{group} Front", group, f"the {group} Front", f"{group} Brigade"][i % 4]
        person = PEOPLE[i % len(PEOPLE)]
        said = person if i % 3 else person.split()[1]
        crowd = f"{SHARED[i % len(SHARED)]} Korvath {['Front', 'Army', 'Guard'][i % 3]}"
        text = f"Fighters of the {spelling} and the {crowd} clashed near Valdris on day {i}, {said} said."
        aliases = ("".join(w[0] for w in f"{group} Front".split()),) if i % 5 == 0 else ()
        surname = person.split()[1]
        short = (surname,) if i % 3 and i % 2 == 0 else ()  # a short form scoped to this document
        ents = [
            entity("e1", spelling, "ARMED_GROUP", text, aliases),
            entity("e2", crowd, "ARMED_GROUP", text),
            entity("e3", said, "PERSON", text, short),
            entity("e4", "Valdris", "PLACE", text),
        ]
        if i % 10 == 4:  # two people of one family: their short form is tied to both full names
            ents.append(entity("e5", f"Anna {surname}", "PERSON", text, (surname,)))
        out.append(extraction(document(text, path=f"a{i}.txt"), ents))
        if i % 7 == 0:  # a syndicated copy with a line added
            copy = text + " The report was carried by several outlets."
            out.append(extraction(document(copy, path=f"copy{i}.txt"), ents))
    return out


def derived(engine: sa.Engine) -> dict[str, list[tuple[object, ...]]]:
    with engine.connect() as conn:
        return {
            "canonical": sorted(conn.execute(sa.select(t.canonical.c.name_id, t.canonical.c.actor_id)).all()),
            "actors": sorted(conn.execute(sa.select(t.actors.c.id, t.actors.c.name, t.actors.c.type)).all()),
            "origins": sorted(conn.execute(sa.select(t.origins.c.document_id, t.origins.c.origin_id)).all()),
        }


def ingest(engine: sa.Engine, extractions: list[Extraction]) -> None:
    write_results(engine, extractions, "test", IngestSummary())
    refresh(engine)


def test_five_slices_give_the_actors_and_origins_of_a_full_rebuild(store_url: str) -> None:
    world = corpus()
    engine = open_store(store_url)
    for k in range(5):
        ingest(engine, world[k::5])
    sliced = derived(engine)
    assert len({actor for _, actor in sliced["canonical"]}) < len(sliced["canonical"])  # some names were merged
    with engine.connect() as conn:
        filed = conn.execute(sa.select(sa.func.count()).select_from(t.short_forms)).scalar_one()
        scoped = conn.execute(sa.select(sa.func.count()).where(t.names.c.scope.is_not(None))).scalar_one()
    assert 0 < filed < scoped  # short forms follow their full name; the family's is clustered
    assert len({origin for _, origin in sliced["origins"]}) < len(sliced["origins"])  # some copies were grouped
    refresh(engine, force=True)
    assert derived(engine) == sliced


def test_a_new_document_recomputes_only_the_actors_its_names_reach(store_url: str) -> None:
    engine = open_store(store_url)
    ingest(engine, corpus())
    before = derived(engine)
    text = "The Lindqvar Shore Militia shelled Estmoor, Ilse Marrow said."
    new = extraction(
        document(text, path="new.txt"),
        [entity("e1", "Lindqvar Shore Militia", "ARMED_GROUP", text), entity("e2", "Ilse Marrow", "PERSON", text)],
    )
    write_results(engine, [new], "test", IngestSummary())
    with engine.connect() as conn:
        reached = affected(conn, touched(conn, NAME).ids)
        ilse = conn.execute(sa.select(t.names.c.id).where(t.names.c.name == "Ilse Marrow")).scalar_one()
        ilse_actor = conn.execute(sa.select(t.canonical.c.actor_id).where(t.canonical.c.name_id == ilse)).scalar_one()
        ilse_names = set(
            conn.execute(sa.select(t.canonical.c.name_id).where(t.canonical.c.actor_id == ilse_actor)).scalars()
        )
    assert ilse_names <= reached and len(reached) < len(before["canonical"]) / 4
    refresh(engine)
    after = derived(engine)
    untouched = [row for row in before["canonical"] if row[0] not in reached]
    assert set(untouched) <= set(after["canonical"])
    refresh(engine, force=True)
    assert derived(engine) == after


def test_a_store_blocked_by_another_layout_is_filed_anew(store_url: str) -> None:
    # "Kesdjan" and "Kesjan" meet only under the person blocks' deletion keys; a store whose blocks an
    # older layout filed has none, so it is filed again whole before a new name is judged against it.
    from claimgraph.resolve.lookup import find_actor
    from claimgraph.resolve.refresh import LAYOUT_KEY
    from claimgraph.store.meta import put
    from records import store_all

    def person(path: str, name: str) -> Extraction:
        text = f"{name} spoke to reporters."
        return extraction(document(text, path=path), [entity("e1", name, "PERSON", text)])

    engine, _ = store_all(store_url, [person("a.txt", "Kesdjan")])
    with engine.begin() as conn:
        conn.execute(t.name_blocks.delete().where(t.name_blocks.c.key.not_like("%:k:%")))  # an older layout's blocks
        put(conn, LAYOUT_KEY, "an older claimgraph")
    engine.dispose()
    engine, _ = store_all(store_url, [person("b.txt", "Kesjan")])
    with engine.connect() as conn:
        assert find_actor(conn, "Kesdjan") == find_actor(conn, "Kesjan")


def test_a_hand_judgement_on_a_short_form_clusters_it_like_any_name(store_url: str) -> None:
    engine = open_store(store_url)
    ingest(engine, corpus())
    s = t.short_forms.c
    with engine.connect() as conn:
        form, full = conn.execute(sa.select(s.name_id, s.full_id).order_by(s.name_id).limit(1)).one()
    with engine.begin() as conn:
        judge_by_hand(conn, [form], [full], Judgement.NEGATIVE, "not the same person")
    refresh(engine)
    after = derived(engine)
    actor_of = dict(after["canonical"])
    assert actor_of[form] != actor_of[full]
    with engine.connect() as conn:
        assert conn.execute(sa.select(s.name_id).where(s.name_id == form)).first() is None
    refresh(engine, force=True)
    assert derived(engine) == after


def test_short_forms_move_with_their_full_name_when_its_actor_changes(store_url: str) -> None:
    """A later spelling carried by more entities joins the actor and renames it: the short forms follow."""
    engine = open_store(store_url)

    def story(i: int, name: str, aliases: tuple[str, ...]) -> Extraction:
        text = f"{name} spoke in Valdris on day {i}; Ekwall said the convoy had left."
        return extraction(document(text, path=f"s{i}.txt"), [entity("e1", name, "PERSON", text, aliases)])

    ingest(engine, [story(i, "Tomas Ekwall", ("Ekwall",)) for i in range(3)])
    with engine.connect() as conn:
        forms = set(conn.execute(sa.select(t.short_forms.c.name_id)).scalars())
        first = find_actor(conn, "Tomas Ekwall")
    assert len(forms) == 3
    ingest(engine, [story(i, "Tommy Ekwall", ("Tomas Ekwall",) if i < 5 else ()) for i in range(3, 9)])
    after = derived(engine)
    with engine.connect() as conn:
        renamed = find_actor(conn, "Tommy Ekwall")
        assert find_actor(conn, "Tomas Ekwall") == renamed != first
    assert {actor for name, actor in after["canonical"] if name in forms} == {renamed.id}
    refresh(engine, force=True)
    assert derived(engine) == after


def test_weak_automatic_evidence_that_adds_up_to_a_join_reaches_the_other_name(store_url: str) -> None:
    """Three weak rows on one pair combine past the merge bar (noisy-or); one weak row on another pair does not."""
    engine = open_store(store_url)
    full, acronym, other = (name_node(n, "ARMED_GROUP") for n in ("Tarven Hill Guard", "THG", "Tarven Guard"))
    with engine.begin() as conn:
        conn.execute(
            t.names.insert(),
            [
                {"id": n.id, "name": n.name, "fold": n.fold, "type": n.type, "key": n.key}
                for n in (full, acronym, other)
            ],
        )
        weak = [(full.id, acronym.id, Judgement.POSITIVE, 0.6, f"named as one actor in doc{i}") for i in range(3)]
        record_auto_judgements(conn, [*weak, (full.id, other.id, Judgement.POSITIVE, 0.6, "a weak link")])
        reached = affected(conn, {full.id})
    assert 1 - (1 - 0.6) ** 3 >= MERGE_AT > 0.6
    assert acronym.id in reached and other.id not in reached
