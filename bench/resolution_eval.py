"""Pairwise precision and recall of resolution merges.

    python bench/resolution_eval.py [--dev]

1. The UN name-variant set (../shared/eval/name_matching): each cluster is
   one listed person (primary name, aliases, name in original script); all
   names are resolved together as PERSON names with the store's resolver.
2. With ``--dev``: the dev and seed articles (../shared/corpus) are ingested
   with the real extractor into a temporary store.  Each stored entity is
   matched to a gold entity of its article (a shared folded name and the
   same type, as score.py matches); gold entities of different articles are
   one actor when they share a folded name and type.  Pairs of matched
   entities are then scored: merged by the store vs one actor in gold.
"""

from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path

from claimgraph.model import Judgement
from claimgraph.names import fold
from claimgraph.resolve.batch import pairwise_scores, resolve_names
from claimgraph.resolve.clusters import StoredJudgement
from claimgraph.resolve.match import Candidate

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "name_matching"


def load(path: Path, with_low_quality: bool = True) -> tuple[list[Candidate], dict[str, str]]:
    """Candidates (one per listed name) and their gold cluster labels."""
    candidates, gold = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        names = [record["name"], record.get("name_original_script")]
        names += [a["name"] for a in record["aliases"] if with_low_quality or a["quality"] == "Good"]
        for i, name in enumerate(n for n in names if n):
            cid = f"{record['ref']}#{i}"
            candidates.append(Candidate(cid, name, fold(name), "PERSON"))
            gold[cid] = record["ref"]
    return candidates, gold


def _gold_entities(corpus: Path) -> list[tuple[str, str, frozenset[str]]]:
    """(article stem, type, folded names) for every gold entity of every article."""
    out = []
    for gold in sorted(corpus.glob("*/gold/*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        for e in json.loads(gold.read_text(encoding="utf-8"))["entities"]:
            out.append((stem, e["type"], frozenset(fold(n) for n in [e["name"], *e.get("aliases", [])])))
    return out


def dev_scores(corpus: Path) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of cross-article merges on the gold articles."""
    import tempfile

    import sqlalchemy as sa

    from claimgraph.load import ingest_paths
    from claimgraph.nlp.components.pipeline import Analyzer
    from claimgraph.resolve.clusters import clusters
    from claimgraph.store import open_store
    from claimgraph.store import schema as t

    gold = _gold_entities(corpus)
    # gold actors across articles: entities sharing a folded name and a type
    gold_actor = clusters(
        [str(i) for i in range(len(gold))],
        [
            StoredJudgement(str(i), str(j), Judgement.POSITIVE, False, 1.0, 0)
            for i, j in combinations(range(len(gold)), 2)
            if gold[i][1] == gold[j][1] and gold[i][2] & gold[j][2]
        ],
    )
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(f"sqlite:///{Path(tmp) / 'dev.db'}")
        ingest_paths(engine, sorted(corpus.glob("*/articles")), Analyzer.load())
        with engine.connect() as conn:
            rows = conn.execute(
                sa.select(
                    t.entities.c.id,
                    t.entities.c.type,
                    t.documents.c.source_path,
                    t.canonical.c.actor_id,
                    t.entity_names.c.surface,
                )
                .join(t.documents, t.documents.c.id == t.entities.c.document_id)
                .join(t.canonical, t.canonical.c.name_id == t.entities.c.name_id)
                .join(t.entity_names, t.entity_names.c.entity_id == t.entities.c.id)
            ).all()
        engine.dispose()
    predicted: dict[str, tuple[str, str, str, set[str]]] = {}
    for r in rows:
        stem = Path(r.source_path).name.split(".")[0]
        predicted.setdefault(r.id, (stem, r.type, r.actor_id, set()))[3].add(fold(r.surface))
    labels_gold, labels_pred = {}, {}
    for eid, (stem, etype, actor, names) in predicted.items():
        match = next((i for i, g in enumerate(gold) if g[0] == stem and g[1] == etype and g[2] & names), None)
        if match is not None:
            labels_gold[eid], labels_pred[eid] = gold_actor[str(match)], actor
    return pairwise_scores(labels_gold, labels_pred)


def main() -> int:
    if "--dev" in sys.argv:
        corpus = DATA.parents[1] / "corpus"
        if not corpus.is_dir():
            print(f"no corpus under {corpus}", file=sys.stderr)
            return 1
        p, r, npred, ngold = dev_scores(corpus)
        print(f"dev+seed articles: precision {p:.3f} recall {r:.3f} ({npred} merged pairs, {ngold} gold pairs)")
        return 0
    files = sorted(DATA.glob("*.jsonl"))
    if not files:
        print(f"no name-matching data under {DATA}", file=sys.stderr)
        return 1
    for low in (True, False):
        candidates, gold = load(files[0], with_low_quality=low)
        p, r, npred, ngold = pairwise_scores(gold, resolve_names(candidates))
        label = "all aliases" if low else "good-quality aliases"
        print(
            f"{label}: {len(candidates)} names, precision {p:.3f} recall {r:.3f} ({npred} merged pairs, {ngold} gold pairs)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
