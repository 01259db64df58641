"""Resolution in one store: the gold articles and a synthetic stress set, scored against their actors.

    python bench/resolution_store.py [--articles N] [--no-corpus]

1. The seed, dev and check articles (../shared/corpus, 42 with gold) and
   ``N`` synthetic articles (default 120) are ingested with the real
   extractor into one temporary SQLite store, so their names meet.
2. The synthetic set is generated here, deterministically: many actors
   sharing words ("Syrian Democratic Forces", "Syrian Arab Army", "Syrian
   National Coalition", "Free Syrian Army", the Syrian Observatory for
   Human Rights), armies and governments of several countries, outlets,
   and people sharing a family name.  Each article introduces its actors
   by full name with an acronym, then refers to them by the acronym or
   the family name, as news does.
3. Each stored entity is matched to a gold entity of its article: for the
   corpus a shared folded name and type (as score.py matches), for the
   synthetic set a shared folded name.  Gold actors across corpus articles
   are gold entities sharing a folded name and type; in the synthetic set
   they are the generator's actors.  Pairs of matched entities are scored:
   merged by the store vs one actor in gold.  Only figures are printed:
   the check articles are scored, never looked at.

Also printed: canonical actors whose names mix incompatible types (goal 0)
and the largest actor (names, documents).
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import sqlalchemy as sa

from claimgraph.model import Judgement
from claimgraph.names import fold
from claimgraph.resolve.batch import pairwise_scores
from claimgraph.resolve.clusters import StoredJudgement, clusters
from claimgraph.resolve.match import compatible
from claimgraph.store import schema as t

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"

# (key, full name, short form or None, type): actors that share words on purpose.
ACTORS = [
    ("sdf", "Syrian Democratic Forces", "SDF", "ARMED_GROUP"),
    ("saa", "Syrian Arab Army", "SAA", "ARMED_GROUP"),
    ("snc", "Syrian National Coalition", "SNC", "ORGANIZATION"),
    ("fsa", "Free Syrian Army", "FSA", "ARMED_GROUP"),
    ("sdc", "Syrian Democratic Council", "SDC", "ORGANIZATION"),
    ("sohr", "Syrian Observatory for Human Rights", "SOHR", "ORGANIZATION"),
    ("sana", "Syrian Arab News Agency", "SANA", "MEDIA"),
    ("ina", "Iraqi News Agency", "INA", "MEDIA"),
    ("ypg", "People's Protection Units", "YPG", "ARMED_GROUP"),
    ("pmf", "Popular Mobilization Forces", "PMF", "ARMED_GROUP"),
    ("ia", "Iraqi Army", None, "ARMED_GROUP"),
    ("ta", "Turkish Army", None, "ARMED_GROUP"),
    ("la", "Lebanese Army", None, "ARMED_GROUP"),
    ("ra", "Russian Army", None, "ARMED_GROUP"),
    ("sg", "Syrian government", None, "ORGANIZATION"),
    ("ig", "Iraqi government", None, "ORGANIZATION"),
    ("tg", "Turkish government", None, "ORGANIZATION"),
    ("rg", "Russian government", None, "ORGANIZATION"),
    ("jg", "Jordanian government", None, "ORGANIZATION"),
]
# (key, given name, family name): people sharing family names.
PEOPLE = [
    ("p1", "Karim", "Haddad"),
    ("p2", "Nadia", "Haddad"),
    ("p3", "Samir", "Haddad"),
    ("p4", "Omar", "Khalil"),
    ("p5", "Rania", "Khalil"),
    ("p6", "Yusuf", "Mansour"),
    ("p7", "Leila", "Mansour"),
    ("p8", "Tariq", "Nasser"),
]
PLACES = ["Raqqa", "Deir ez-Zor", "Manbij", "Hasakah", "Tal Abyad", "Qamishli", "Mosul", "Kirkuk"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


Actor = tuple[str, str, str | None, str]


def _first(actor: Actor, gold: list[tuple[str, str, set[str]]]) -> str:
    """The first mention (full name and acronym); the actor joins the article's gold."""
    key, full, short, etype = actor
    gold.append((key, etype, {fold(full)} | ({fold(short)} if short else set())))
    return f"the {full} ({short})" if short else f"the {full}"


def _again(actor: Actor) -> str:
    return actor[2] or f"the {actor[1]}"


def synthetic(n: int, seed: int = 11) -> list[tuple[str, str, list[tuple[str, str, set[str]]]]]:
    """``n`` articles: (file name, text, gold entities as (actor key, type, folded names))."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        groups = rng.sample(ACTORS, 3)
        person_key, given, family = rng.choice(PEOPLE)
        place, day = rng.choice(PLACES), rng.choice(DAYS)
        gold: list[tuple[str, str, set[str]]] = []

        a, b, c = groups
        lines = [
            f"{_first(a, gold).capitalize()} said on {day} that {_first(b, gold)} had shelled positions near {place}.",
            f'"We will answer," said {given} {family}, a spokesman for {_again(a)}.',
            f"{_again(b).capitalize()} denied the report, and {_first(c, gold)} called for calm.",
            f"{family} added that {_again(a)} controls the road to {place}.",
            f"Officials of {_again(c)} met {_again(b)} commanders later on {day}.",
        ]
        gold.append((person_key, "PERSON", {fold(f"{given} {family}"), fold(family)}))
        title = f"Clashes near {place}"
        out.append((f"synthetic-{i:03d}.txt", title + "\n\n" + " ".join(lines) + "\n", gold))
    return out


def _corpus_gold(corpus: Path) -> dict[str, list[tuple[str, str, set[str]]]]:
    """Per article stem: (gold actor label, type, folded names); corpus actors share a folded name and type."""
    entities = []
    for gold in sorted(corpus.glob("*/gold/*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        for e in json.loads(gold.read_text(encoding="utf-8"))["entities"]:
            entities.append((stem, e["type"], {fold(n) for n in [e["name"], *e.get("aliases", [])]}))
    ids = [str(i) for i in range(len(entities))]
    same = [
        StoredJudgement(str(i), str(j), Judgement.POSITIVE, False, 1.0, 0)
        for i, j in combinations(range(len(entities)), 2)
        if entities[i][1] == entities[j][1] and entities[i][2] & entities[j][2]
    ]
    label = clusters(ids, same)
    out: dict[str, list[tuple[str, str, set[str]]]] = defaultdict(list)
    for i, (stem, etype, names) in enumerate(entities):
        out[stem].append(("gold" + label[str(i)], etype, names))
    return out


def _stored(engine: sa.Engine) -> dict[str, tuple[str, str, str, set[str]]]:
    """Entity id → (article stem, type, actor id, folded surfaces)."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(t.entities.c.id, t.entities.c.type, t.documents.c.source_path, t.canonical.c.actor_id)
            .add_columns(t.entity_names.c.surface)
            .join(t.documents, t.documents.c.id == t.entities.c.document_id)
            .join(t.canonical, t.canonical.c.name_id == t.entities.c.name_id)
            .join(t.entity_names, t.entity_names.c.entity_id == t.entities.c.id)
        ).all()
    out: dict[str, tuple[str, str, str, set[str]]] = {}
    for r in rows:
        stem = Path(r.source_path).name.split(".")[0]
        out.setdefault(r.id, (stem, r.type, r.actor_id, set()))[3].add(fold(r.surface))
    return out


def score(
    stored: dict[str, tuple[str, str, str, set[str]]],
    gold: dict[str, list[tuple[str, str, set[str]]]],
    by_type: bool,
) -> tuple[float, float, int, int]:
    """Pairwise precision and recall over stored entities matched to a gold entity of their article."""
    labels_gold, labels_pred = {}, {}
    for eid, (stem, etype, actor, names) in stored.items():
        for label, gtype, gnames in gold.get(stem, []):
            if gnames & names and (gtype == etype or not by_type):
                labels_gold[eid], labels_pred[eid] = label, actor
                break
    return pairwise_scores(labels_gold, labels_pred)


def mixed_and_largest(engine: sa.Engine) -> tuple[int, int, tuple[int, int, str]]:
    """Actors mixing incompatible types, the number of actors, and the largest (names, documents, name)."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(t.canonical.c.actor_id, t.names.c.type, t.names.c.id).join(
                t.names, t.names.c.id == t.canonical.c.name_id
            )
        ).all()
        docs = dict(
            conn.execute(
                sa.select(t.canonical.c.actor_id, sa.func.count(sa.distinct(t.entity_names.c.document_id)))
                .join(t.entity_names, t.entity_names.c.name_id == t.canonical.c.name_id)
                .group_by(t.canonical.c.actor_id)
            ).all()
        )
        label = dict(conn.execute(sa.select(t.actors.c.id, t.actors.c.name)).all())
    types: dict[str, set[str]] = defaultdict(set)
    names: dict[str, int] = defaultdict(int)
    for actor, etype, _ in rows:
        types[actor].add(etype)
        names[actor] += 1
    mixed = sum(1 for ts in types.values() if any(not compatible(x, y) for x, y in combinations(sorted(ts), 2)))
    biggest = max(names, key=lambda a: (names[a], docs.get(a, 0), a))
    return mixed, len(names), (names[biggest], docs.get(biggest, 0), label.get(biggest, biggest))


def main() -> int:
    from claimgraph.load import ingest_paths
    from claimgraph.nlp.components.pipeline import Analyzer
    from claimgraph.store import open_store

    n = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else 120
    use_corpus = "--no-corpus" not in sys.argv and CORPUS.is_dir()
    articles = synthetic(n)
    with tempfile.TemporaryDirectory() as tmp:
        stress = Path(tmp) / "synthetic"
        stress.mkdir()
        for name, text, _ in articles:
            (stress / name).write_text(text, encoding="utf-8")
        paths = [stress, *(sorted(CORPUS.glob("*/articles")) if use_corpus else [])]
        engine = open_store(f"sqlite:///{Path(tmp) / 'store.db'}")
        ingest_paths(engine, paths, Analyzer.load())
        stored = _stored(engine)
        mixed, actors, (big_names, big_docs, big_name) = mixed_and_largest(engine)
        engine.dispose()
    synthetic_gold = {name.split(".")[0]: gold for name, _, gold in articles}
    p, r, npred, ngold = score(stored, synthetic_gold, by_type=False)
    print(f"synthetic ({n} articles): precision {p:.3f} recall {r:.3f} ({npred} merged pairs, {ngold} gold pairs)")
    if use_corpus:
        gold = _corpus_gold(CORPUS)
        stems = {kind: {g.name.removesuffix(".gold.json") for g in (CORPUS / kind).glob("gold/*.gold.json")}
                 for kind in ("seed", "dev", "check")}  # fmt: skip
        for label, kinds in (
            ("seed+dev", ("seed", "dev")),
            ("check", ("check",)),
            ("all 42", ("seed", "dev", "check")),
        ):
            keep = set().union(*(stems[k] for k in kinds))
            p, r, npred, ngold = score(
                {e: v for e, v in stored.items() if v[0] in keep}, {s: g for s, g in gold.items() if s in keep}, True
            )
            print(f"{label} articles: precision {p:.3f} recall {r:.3f} ({npred} merged pairs, {ngold} gold pairs)")
    print(f"actors: {actors}; mixing incompatible types: {mixed}")
    print(f"largest actor: {big_name!r}, {big_names} names, {big_docs} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
