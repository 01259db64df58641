"""Train the learned relation classifier (claimgraph.nlp.claims.learned) from the dev gold, and report its figures.

    python scripts/train_relations.py            # cross-validate, pick the threshold, train, write the model
    python scripts/train_relations.py --no-write # the cross-validated figures only

Reads only ../shared/corpus/dev (articles and gold); never the check set.
Every candidate pair (``learned.candidates``) of a dev article is labelled
with the gold predicate that relates the two gold entities it names (an
affirmed gold claim, in either order for a symmetric predicate), or "none".
Predicted entities are tied to gold ones as the scorer ties them (folded
names, same type).  A multinomial logistic regression (scikit-learn, lbfgs,
fixed data order: deterministic) is cross-validated over documents (folds by
sorted file name), combined with the rules exactly as extraction combines
them, and scored with ../shared/tools/score.py; the threshold with the best
cross-validated F1 (strict claims) is kept among those whose precision stays
at 0.65 or more and whose added claims are right at least 70% of the time,
and the final model is trained on all dev articles.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from scoring import ROOT, SHARED, fold, score
from sklearn.linear_model import LogisticRegression

from claimgraph.extraction import to_json
from claimgraph.ingest import read_paths
from claimgraph.model import Document, Entity, Extraction
from claimgraph.nlp import lexicon
from claimgraph.nlp.attribution.reported import find_attributions
from claimgraph.nlp.claims.assembly import find_claims
from claimgraph.nlp.claims.conflicts import find_conflicts
from claimgraph.nlp.claims.learned import MODEL_FILE, NONE, RelationModel, candidates, features
from claimgraph.nlp.components.pipeline import Analyzer
from claimgraph.nlp.components.records import entities_from_doc
from claimgraph.nlp.entities.coref import entity_index
from claimgraph.predicates import SYMMETRIC_PREDICATES

OUT = ROOT / "src" / "claimgraph" / "nlp" / "models" / MODEL_FILE
THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
MIN_PRECISION = 0.65
# The model's own additions must be right this often (cross-validated), or the threshold is raised.
MIN_ADDED_PRECISION = 0.7
# Inverse regularization strength, chosen by the same cross-validation over 0.1, 0.5 and 2.
C = 0.5
MIN_FEATURE_COUNT = 2


def gold_labels(gold: dict[str, Any], entities: list[Entity]) -> dict[tuple[str, str], str]:
    """(subject id, object id) → gold predicate, over the predicted entities tied to gold ones."""
    keys: dict[str, int] = {}
    gold_types: list[str] = []
    for n, g in enumerate(gold.get("entities", [])):
        gold_types.append(g.get("type", ""))
        for k in [g.get("name"), *g.get("aliases", [])]:
            keys.setdefault(fold(k), n)
    tied: dict[int, str] = {}
    for e in entities:
        for k in [e.name, *e.aliases]:
            g = keys.get(fold(k))
            if g is not None and gold_types[g] == e.type:
                tied.setdefault(g, e.id)
                break
    labels: dict[tuple[str, str], str] = {}
    for c in gold.get("claims", []):
        if c.get("polarity", "affirmed") != "affirmed" or not c.get("object"):
            continue
        s, o = keys.get(fold(c["subject"])), keys.get(fold(c["object"]))
        if s is None or o is None or s not in tied or o not in tied:
            continue
        labels.setdefault((tied[s], tied[o]), c["predicate"])
        if c["predicate"] in SYMMETRIC_PREDICATES:
            labels.setdefault((tied[o], tied[s]), c["predicate"])
    return labels


class Article:
    """One parsed dev article with its entities, attributions, candidates and labels."""

    def __init__(self, name: str, parsed: Any, gold: dict[str, Any]) -> None:
        self.name = name
        self.doc, self.document, title = parsed
        self.entities = entities_from_doc(self.doc, self.document, title)
        self.attributions = find_attributions(self.doc, self.entities)
        index = entity_index(self.doc, self.entities)
        labels = gold_labels(gold, self.entities)
        self.examples = [
            (features(c, index), labels.get((c.subject, c.object), NONE))
            for c in candidates(self.doc, index, lexicon.relations().types)
        ]

    def extraction(self, model: RelationModel | None) -> dict[str, Any]:
        claims = find_claims(self.doc, self.document, self.entities, self.attributions, model=model)
        names = {e.id: e.name for e in self.entities}
        result = Extraction(self.document, self.entities, self.attributions, claims, find_conflicts(claims, names))
        return to_json(result)


def load_articles(corpus: Path) -> list[Article]:
    analyzer = Analyzer.load()
    documents = sorted(
        (d for d in read_paths([corpus / "articles"]) if isinstance(d, Document)), key=lambda d: d.source_path
    )
    parsed = analyzer._parse(documents)
    out = []
    for d in documents:
        name = Path(d.source_path).stem
        gold = json.loads((corpus / "gold" / f"{name}.gold.json").read_text("utf-8"))
        out.append(Article(name, parsed[id(d)], gold))
    return out


def train(articles: list[Article], threshold: float) -> RelationModel:
    """A model over the examples of ``articles`` (features seen fewer than twice are dropped)."""
    counts = Counter(f for a in articles for feats, _ in a.examples for f in set(feats))
    vocab = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)
    column = {f: n for n, f in enumerate(vocab)}
    rows, labels = [], []
    for a in articles:
        for feats, label in a.examples:
            rows.append(sorted({column[f] for f in feats if f in column}))
            labels.append(label)
    from scipy.sparse import csr_matrix

    data = [1.0 for r in rows for _ in r]
    indices = [c for r in rows for c in r]
    indptr = [0]
    for r in rows:
        indptr.append(indptr[-1] + len(r))
    matrix = csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))
    classifier = LogisticRegression(C=C, max_iter=3000)
    classifier.fit(matrix, labels)
    classes = [str(c) for c in classifier.classes_]
    coef = classifier.coef_ if len(classes) > 2 else [-classifier.coef_[0], classifier.coef_[0]]
    intercept = (
        list(classifier.intercept_) if len(classes) > 2 else [-classifier.intercept_[0], classifier.intercept_[0]]
    )
    weights = {}
    for f, n in column.items():
        row = [round(float(coef[k][n]), 4) for k in range(len(classes))]
        if any(abs(w) >= 1e-3 for w in row):
            weights[f] = row
    return RelationModel(
        {
            "classes": classes,
            "intercept": [round(float(b), 4) for b in intercept],
            "weights": weights,
            "threshold": threshold,
        }
    )


def figures(scores: dict[str, Any]) -> str:
    s = scores["claims_strict"]
    return f"strict claims P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} (tp {s['tp']}, fp {s['fp']})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="report the cross-validated figures only")
    args = parser.parse_args()
    articles = load_articles(args.corpus)
    print(f"{len(articles)} articles, {sum(len(a.examples) for a in articles)} candidate pairs", file=sys.stderr)
    rules = score("articles", args.corpus, [a.extraction(None) for a in articles])["claims_strict"]
    print("rules alone:", figures({"claims_strict": rules}))
    folds = [[a for n, a in enumerate(articles) if n % args.folds == k] for k in range(args.folds)]
    models = [train([a for a in articles if a not in held], 1.0) for held in folds]
    best: tuple[float, float] | None = None
    for threshold in THRESHOLDS:
        outputs = []
        for model, held in zip(models, folds, strict=True):
            model.threshold = threshold
            outputs += [a.extraction(model) for a in held]
        scores = score("articles", args.corpus, outputs)
        strict = scores["claims_strict"]
        right, wrong = strict["tp"] - rules["tp"], strict["fp"] - rules["fp"]
        added = right / (right + wrong) if right + wrong else 0.0
        print(
            f"cross-validated, threshold {threshold:.2f}: {figures(scores)}; the model adds {right} right, {wrong} wrong"
        )
        if (
            added >= MIN_ADDED_PRECISION
            and strict["precision"] >= MIN_PRECISION
            and (best is None or strict["f1"] > best[1])
        ):
            best = (threshold, strict["f1"])
    if best is None:
        raise SystemExit("no threshold keeps the added claims precise enough: nothing written")
    print(f"chosen threshold {best[0]:.2f} (cross-validated strict F1 {best[1]:.3f})")
    if args.no_write:
        return
    model = train(articles, best[0])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "about": "claimgraph learned relation classifier (scripts/train_relations.py); trained on the dev gold only",
        "classes": model.classes,
        "intercept": model.intercept,
        "threshold": model.threshold,
        "weights": dict(sorted(model.weights.items())),
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(model.weights)} features)")


if __name__ == "__main__":
    main()
