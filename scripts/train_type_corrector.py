"""Train the learned entity type corrector (claimgraph.nlp.entities.type_corrector) and report its cross-validated figures.

    python scripts/train_type_corrector.py            # cross-validate, pick the thresholds, train, write the model
    python scripts/train_type_corrector.py --no-write # the cross-validated figures only

Reads only ../shared: the dev corpus (articles and gold) and CoNLL-2003 dev
(eng.testa); never the check corpus's articles or gold.  A CoNLL document
that one of the gold corpora also holds (its file is named
``conll_dev_NNNN``) is left out of the CoNLL data, so no check text is
learned from and no dev text is learned twice.

Each article is parsed by the shipped pipeline without the corrector, and
every span the corrector would see (``type_corrector.candidates``) is
labelled PERSON, ORG, PLACE or NONE:

* dev: the type of the gold entity one of whose names is the span's text
  (folded as the scorer folds); NONE when no gold name contains it or is
  contained in it (a span cut or glued wrong is left out: that is not a
  type question);
* CoNLL: the CoNLL type of a gold mention with the span's text (MISC is
  NONE); NONE when the span shares no word sequence with any gold mention.

A multinomial logistic regression (scikit-learn, lbfgs; rows in a fixed
order, so the same data give the same weights) is cross-validated over
documents (five folds by sorted name, dev and CoNLL each), combined with the
pipeline exactly as extraction combines them, and scored with
../shared/tools/score.py (dev: ``articles`` entity F1; CoNLL: ``conll``
F1).  The regularisation, the weight of dev examples and the two thresholds
with the best sum of the cross-validated figures (dev entity F1, dev lenient
claim F1, since claims depend on the types, and CoNLL F1) are kept, and the final
model is trained on everything.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from scoring import ROOT, SHARED, fold, score
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, Span

from claimgraph.extraction import to_json
from claimgraph.ingest import read_paths
from claimgraph.model import Document, Extraction
from claimgraph.nlp.components.pipeline import Analyzer, analyse_doc
from claimgraph.nlp.components.records import entities_from_doc
from claimgraph.nlp.components.truecase import restore, truecase
from claimgraph.nlp.entities.surnames import SurnameMentions
from claimgraph.nlp.entities.type_corrector import (
    COARSE,
    MODEL_FILE,
    NONE,
    DocumentCues,
    TypeCorrector,
    TypeModel,
    candidates,
    features,
    pooled,
)

OUT = ROOT / "src" / "claimgraph" / "data" / MODEL_FILE
CLASSES = ("ORG", "PERSON", "PLACE", NONE)
CONLL_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "MISC": NONE}
CONLL_NAME = re.compile(r"conll_dev_(\d{4})")
FOLDS = 5
C_GRID = (0.3,)
DEV_WEIGHTS = (6.0,)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)
DROP_THRESHOLDS = (0.7, 0.8, 1.01)  # 1.01: never drop
MIN_FEATURE_COUNT = 2
SEED = 0
AFTER_CORRECTOR = ("claimgraph_type_corrector_v1", "claimgraph_surnames_v1")


@dataclass
class Article:
    """One parsed document: its docs (body and title, as the corrector sees them), examples and labels."""

    name: str
    corpus: str
    document: Document
    parsed: list[Doc]  # body, then title when there is one (truecased where the text is in capitals)
    texts: list[str]  # the original texts of the same
    examples: list[tuple[int, int, list[str], str | None]] = field(default_factory=list)  # doc, token, feats, label
    ents: list[list[Span]] = field(default_factory=list)
    trainable: bool = True  # False for a CoNLL document a gold corpus also holds

    def extraction(self, decisions: dict[tuple[int, int], str | None]) -> dict[str, Any]:
        """The contract object with ``decisions`` ((doc, token) → new label, None to drop) applied."""
        docs = []
        for n, (doc, text) in enumerate(zip(self.parsed, self.texts, strict=True)):
            kept = []
            for ent in self.ents[n]:
                if (n, ent.start) not in decisions:
                    kept.append(ent)
                elif (label := decisions[n, ent.start]) is not None:
                    kept.append(Span(doc, ent.start, ent.end, label=label))
            doc.ents = kept
            SurnameMentions()(doc)  # the component after the corrector
            docs.append(restore(doc, text) if doc.text != text else doc)
        title = docs[1] if len(docs) > 1 else None
        if self.corpus == "dev":  # the whole extraction: claims are scored too, and they depend on the types
            result = analyse_doc(docs[0], self.document, title)
        else:
            result = Extraction(self.document, entities_from_doc(docs[0], self.document, title))
        for doc, ents in zip(self.parsed, self.ents, strict=True):
            doc.ents = ents
        return to_json(result)


def parse(analyzer: Analyzer, documents: list[Document], corpus: str) -> list[Article]:
    nlp = analyzer.nlp
    for after in AFTER_CORRECTOR:  # the corrector's input is what the pipe before it leaves
        if after in nlp.pipe_names:
            nlp.remove_pipe(after)
    out = []
    for d in documents:
        texts = [d.text] + ([d.title] if d.title else [])
        docs = list(nlp.pipe([truecase(t) for t in texts]))
        out.append(Article(Path(d.source_path).stem, corpus, d, docs, texts, ents=[list(doc.ents) for doc in docs]))
    return out


def add_examples(article: Article, label_of: Any) -> None:
    for n, (doc, text) in enumerate(zip(article.parsed, article.texts, strict=True)):
        cues = DocumentCues.of(doc)
        for span, before in candidates(doc):
            original = " ".join(text[span.start_char : span.end_char].split())
            article.examples.append((n, span.start, features(span, before, cues), label_of(original)))


def dev_articles(analyzer: Analyzer, corpus: Path, limit: int | None) -> list[Article]:
    documents = sorted(
        (d for d in read_paths([corpus / "articles"]) if isinstance(d, Document)), key=lambda d: d.source_path
    )[:limit]
    articles = parse(analyzer, documents, "dev")
    for a in articles:
        gold = json.loads((corpus / "gold" / f"{a.name}.gold.json").read_text("utf-8"))
        types: dict[str, set[str]] = {}
        for g in gold.get("entities", []):
            for k in [g.get("name"), *g.get("aliases", [])]:
                types.setdefault(fold(k), set()).add(COARSE.get(g.get("type", ""), NONE))

        def label(text: str, types: dict[str, set[str]] = types) -> str | None:
            key = fold(text)
            if key in types:
                return next(iter(types[key])) if len(types[key]) == 1 else None
            padded = f" {key} "
            if any(padded in f" {k} " or f" {k} " in padded for k in types):
                return None
            return NONE

        add_examples(a, label)
    return articles


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents → sentences → (token, tag), as score.py reads them."""
    docs: list[list[list[tuple[str, str]]]] = []
    doc: list[list[tuple[str, str]]] = []
    sent: list[tuple[str, str]] = []
    for parts in map(str.split, path.read_text("utf-8", errors="replace").splitlines()):
        if parts and parts[0] != "-DOCSTART-":
            sent.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
            continue
        if sent:
            doc.append(sent)
            sent = []
        if parts and doc:
            docs.append(doc)
            doc = []
    if sent:
        doc.append(sent)
    return [*docs, doc] if doc else docs


def conll_mentions(doc: list[list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """(mention text, CoNLL type) of a document's IOB1 tags."""
    out: list[tuple[list[str], str]] = []
    for sent in doc:
        typ = None
        for tok, tag in sent:
            bio, _, t = tag.partition("-")
            if bio == "B" or t != typ:
                typ = t or None
                if t:
                    out.append(([], t))
            if t:
                out[-1][0].append(tok)
    return [(" ".join(words), t) for words, t in out]


def in_gold_corpora() -> set[int]:
    """Numbers of the CoNLL documents a gold corpus holds (named conll_dev_NNNN): never trained on here."""
    return {int(m.group(1)) for p in SHARED.glob("corpus/*/articles/*") if (m := CONLL_NAME.match(p.name))}


def conll_articles(analyzer: Analyzer, path: Path, limit: int | None) -> list[Article]:
    docs = read_conll(path)
    skip = in_gold_corpora()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(1, min(len(docs), limit or len(docs)) + 1):
            text = "".join(" ".join(tok for tok, _ in sent) + "\n" for sent in docs[i - 1])
            (Path(tmp) / f"conll_{i:04d}.txt").write_text(text, encoding="utf-8")
        documents = sorted((d for d in read_paths([Path(tmp)]) if isinstance(d, Document)), key=lambda d: d.source_path)
        articles = parse(analyzer, documents, "conll")
    for a in articles:
        number = int(a.name.split("_")[1])
        a.trainable = number not in skip
        mentions = conll_mentions(docs[number - 1])
        by_text: dict[str, Counter[str]] = {}
        for text, t in mentions:
            by_text.setdefault(text, Counter())[CONLL_TYPES[t]] += 1

        def label(text: str, by_text: dict[str, Counter[str]] = by_text) -> str | None:
            if text in by_text:
                return by_text[text].most_common(1)[0][0]
            padded = f" {text} "
            if any(padded in f" {k} " or f" {k} " in padded for k in by_text):
                return None
            return NONE

        add_examples(a, label)
    return articles


def train(articles: list[Article], c: float, dev_weight: float) -> TypeModel:
    rows = [
        (feats, label, a.corpus)
        for a in articles
        if a.trainable
        for _, _, feats, label in a.examples
        if label is not None
    ]
    counts = Counter(f for feats, _, _ in rows for f in set(feats))
    vocab = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)
    column = {f: n for n, f in enumerate(vocab)}
    indices, indptr = [], [0]
    for feats, _, _ in rows:
        indices += sorted({column[f] for f in feats if f in column})
        indptr.append(len(indices))
    matrix = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))
    labels = [label for _, label, _ in rows]
    weights = np.array([dev_weight if corpus == "dev" else 1.0 for _, _, corpus in rows])
    classifier = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    classifier.fit(matrix, labels, sample_weight=weights)
    classes = [str(k) for k in classifier.classes_]
    table = {}
    for f, n in column.items():
        row = [round(float(classifier.coef_[k][n]), 4) for k in range(len(classes))]
        if any(abs(w) >= 1e-3 for w in row):
            table[f] = row
    return TypeModel(
        {
            "classes": classes,
            "intercept": [round(float(b), 4) for b in classifier.intercept_],
            "weights": table,
            "threshold": 1.0,
            "drop_threshold": 1.01,
        }
    )


Probabilities = dict[tuple[str, int, int], dict[str, float]]  # (article, doc, token) → class → probability


def cross_validated(articles: list[Article], c: float, dev_weight: float) -> Probabilities:
    """Each article's span probabilities from the model trained without its fold (folds within each corpus)."""
    fold_of = {}
    for corpus in ("dev", "conll"):
        names = sorted(a.name for a in articles if a.corpus == corpus)
        fold_of.update({(corpus, name): n % FOLDS for n, name in enumerate(names)})
    out: Probabilities = {}
    for k in range(FOLDS):
        model = train([a for a in articles if fold_of[a.corpus, a.name] != k], c, dev_weight)
        for a in articles:
            if fold_of[a.corpus, a.name] == k:
                for n, start, feats, _ in a.examples:
                    out[a.name, n, start] = model.probabilities(feats)
    return out


def decisions(
    article: Article, probs: Probabilities, threshold: float, drop: float
) -> dict[tuple[int, int], str | None]:
    """What ``TypeCorrector`` would do to the article's spans at these thresholds."""
    out: dict[tuple[int, int], str | None] = {}
    for n in range(len(article.parsed)):
        spans = [e for e in article.ents[n] if (article.name, n, e.start) in probs]
        opinions = pooled([(e.text, probs[article.name, n, e.start]) for e in spans])
        for ent, p in zip(spans, opinions, strict=True):
            change = TypeCorrector.decide(ent.label_, p, threshold, drop)
            if change != ent.label_:
                out[n, ent.start] = change
    return out


def evaluate(
    articles: list[Article],
    probs: Probabilities,
    threshold: float,
    drop: float,
    gold: dict[str, Path],
    dump: Path | None = None,
) -> tuple[Figures, dict[str, Any]]:
    """Cross-validated dev entity and claim F1 and CoNLL F1 at these thresholds (and score.py's reports)."""
    out = {}
    for corpus, command in (("dev", "articles"), ("conll", "conll")):
        objs = [a.extraction(decisions(a, probs, threshold, drop)) for a in articles if a.corpus == corpus]
        if objs:
            out[corpus] = score(command, gold[corpus], objs)
        if dump is not None:
            dump.mkdir(parents=True, exist_ok=True)
            lines = "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)
            (dump / f"{corpus}.jsonl").write_text(lines, encoding="utf-8")
    dev_f1 = out["dev"]["entities"]["f1"] if "dev" in out else 0.0
    claim_f1 = out["dev"]["claims_lenient"]["f1"] if "dev" in out else 0.0
    conll_f1 = out["conll"]["overall"]["f1"] if "conll" in out else 0.0
    return Figures(dev_f1, claim_f1, conll_f1), out


@dataclass(frozen=True)
class Figures:
    """The three cross-validated figures a setting is chosen by (their sum)."""

    dev_entities: float
    dev_claims: float
    conll: float

    def __str__(self) -> str:
        return f"dev entity F1 {self.dev_entities:.3f}, dev lenient claim F1 {self.dev_claims:.3f}, CoNLL F1 {self.conll:.3f}"

    @property
    def total(self) -> float:
        return self.dev_entities + self.dev_claims + self.conll


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=SHARED / "corpus" / "dev")
    parser.add_argument("--conll", type=Path, default=SHARED / "eval" / "conll2003" / "eng.testa")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--no-write", action="store_true", help="report the cross-validated figures only")
    parser.add_argument("--conll-docs", type=int, default=None, help="use the first N CoNLL documents only")
    parser.add_argument("--dev-docs", type=int, default=None, help="use the first N dev articles only")
    parser.add_argument(
        "--fixed",
        nargs=4,
        type=float,
        metavar=("C", "DEV_WEIGHT", "THRESHOLD", "DROP"),
        help="train with these settings instead of searching for them",
    )
    parser.add_argument("--no-cv", action="store_true", help="with --fixed: skip the cross-validated figures")
    parser.add_argument("--dump", type=Path, help="write the cross-validated predictions (dev.jsonl, conll.jsonl) here")
    args = parser.parse_args(argv)
    analyzer = Analyzer.load()
    articles = dev_articles(analyzer, args.dev, args.dev_docs) + conll_articles(analyzer, args.conll, args.conll_docs)
    labelled = Counter(label for a in articles for *_, label in a.examples)
    print(f"{len(articles)} documents; span labels {dict(sorted(labelled.items(), key=str))}", file=sys.stderr)
    gold = {"dev": args.dev, "conll": args.conll}
    if args.fixed:
        c, dev_weight, threshold, drop = args.fixed
    else:
        base, _ = evaluate(articles, {}, 1.0, 1.01, gold)
        print(f"without the corrector: {base}", file=sys.stderr)
        best: tuple[float, float, float, float, float] | None = None
        for c, dev_weight in itertools.product(C_GRID, DEV_WEIGHTS):
            probs = cross_validated(articles, c, dev_weight)
            for threshold, drop in itertools.product(THRESHOLDS, DROP_THRESHOLDS):
                figures, _ = evaluate(articles, probs, threshold, drop, gold)
                print(f"C {c} dev weight {dev_weight} threshold {threshold} drop {drop}: {figures}", file=sys.stderr)
                if best is None or figures.total > best[0]:
                    best = (figures.total, c, dev_weight, threshold, drop)
        assert best is not None
        _, c, dev_weight, threshold, drop = best
    if not args.no_cv:
        probs = cross_validated(articles, c, dev_weight)
        figures, reports = evaluate(articles, probs, threshold, drop, gold, args.dump)
        print(f"settings: C {c}, dev weight {dev_weight}, threshold {threshold}, drop {drop}", file=sys.stderr)
        print(f"cross-validated: {figures}", file=sys.stderr)
        if "conll" in reports:
            per = reports["conll"]["per_type"]
            print(
                "CoNLL by type: " + " ".join(f"{t} {per[t]['f1']:.3f}" for t in ("PER", "ORG", "LOC")), file=sys.stderr
            )
    if args.no_write:
        return 0
    model = train(articles, c, dev_weight)
    model.threshold, model.drop_threshold = threshold, drop
    args.out.write_bytes(model.to_bytes())
    print(f"wrote {args.out} ({len(model.weights)} features)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
