"""Train the attribution cue and source taggers shipped in ``src/claimgraph/data/attribution_tagger.json.gz``.

Usage (from the repository root, in the project's environment)::

    python scripts/train_attribution.py [--polnear ../shared/eval/polnear/data] [--out FILE]
                                        [--epochs 10] [--patience 2] [--seed 0] [--train-docs N] [--dev-docs N] [--cache DIR]
                                        [--check]

It reads PolNeAR's ``train`` split (article texts and brat annotations;
where an article has several annotators the first file in sorted order is
used), parses the texts with the configured spaCy model (the ``model``
setting), and trains two averaged perceptrons (``claimgraph.nlp.attribution.tagger``):

* the cue tagger, BIO over every sentence, on the tokens of each cue;
* the source tagger, BIO over the sentence around one gold cue, on the
  tokens of that cue's source.

After every pass both are scored on PolNeAR's ``dev`` split (exact cue
spans; exact source spans given the gold cue) and the pass that scores best
is kept (early stopping).  Sequences are shuffled with a fixed seed and the
file is written without a timestamp, so the same inputs give the same
bytes.  ``--train-docs``/``--dev-docs`` train on the first N articles of
each split (the determinism test uses a small slice).

Six train articles are never trained on (``HELD_OUT``): the project's check
and dev corpora hold the same texts, and a tagger must not have learned the
text it is measured on.  No PolNeAR dev article is in either corpus.

The file records a digest of everything training read (every sequence's
features and tags, and the options), so ``--check`` can tell in the time of
a featurizing pass, without training, whether the file at ``--out`` is what
this script builds today: a change to the features, to quote finding or to
the parse changes the digest, and a model trained before it is stale.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
import time
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from claimgraph.nlp.attribution.perceptron import Trainer, Weights, save, trained_on
from claimgraph.nlp.attribution.quotes import find_quotes, quoted_tokens
from claimgraph.nlp.attribution.tagger import TAGS, cue_sequences, source_sequence, source_window, spans_of
from claimgraph.nlp.components.pipeline import load_model

ROOT = Path(__file__).resolve().parent.parent
NOTICE = (
    "Averaged-perceptron cue and source taggers trained by scripts/train_attribution.py on the PolNeAR "
    "corpus (Newell, Margolin and Ruths, LREC 2018; github.com/networkdynamics/PolNeAR) train split, "
    "early-stopped on its dev split; six train articles whose texts the project's gold corpora hold are left out. "
    "Feature weights only; no article text is stored."
)
Fragments = list[tuple[int, int]]
# PolNeAR train articles whose texts the project's own gold corpora also hold: never trained on, so no
# tagger has learned a text it is measured on.  Found by comparing the normalized texts (word 8-gram
# hashes), not by reading them.
HELD_OUT = frozenset(
    {
        # held out because the same texts are in the project's check set
        "usa-today_2015-11-27_trump-s-isil-tone-belies-dovish-",
        "politico_2016-08-11_pence-blames-media-for-trump-s-o",
        # held out because the same texts are in the project's dev set (its attribution figures stay honest)
        "usa-today_2015-12-29_syrians-find-a-home-in-clarkston",
        "politico_2015-11-19_trump-calls-for-bringing-back-su",
        "usa-today_2015-12-01_for-gop-a-golden-opportunity-to-",
        "breitbart_2016-06-20_hillary-clinton-s-policies-creat",
    }
)


@dataclass
class Relation:
    """One annotated attribution: character fragments of its source and cue."""

    source: Fragments = field(default_factory=list)
    cue: Fragments = field(default_factory=list)


def read_brat(ann: str) -> list[Relation]:
    spans: dict[str, Fragments] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.split("\n"):
        m = re.match(r"(T\d+)\t\S+ (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)", line)
        if m:
            spans[m.group(1)] = [(int(a), int(b)) for a, b in (f.split() for f in m.group(2).split(";"))]
        elif re.match(r"E\d+\t", line):
            events.append([(role, tid) for role, _, tid in (a.partition(":") for a in line.split("\t")[1].split())])
    out = []
    for roles in events:
        rel = Relation()
        for role, tid in roles:
            kind = role.rstrip("0123456789").lower()
            if kind == "source":
                rel.source += spans.get(tid, [])
            elif kind == "cue":
                rel.cue += spans.get(tid, [])
        out.append(rel)
    return out


def articles(split: Path, limit: int | None) -> list[tuple[str, str, list[Relation]]]:
    """(name, text, relations) for the annotated articles of one split, sorted by name."""
    anns = sorted(p.name for p in (split / "attributions").glob("*.ann"))
    out = []
    for path in sorted((split / "text").glob("*.txt")):
        name = path.stem
        hits = [a for a in anns if a == f"{name}.ann" or re.fullmatch(re.escape(name) + r"_[0-9a-zA-Z]+\.ann", a)]
        if hits:
            text = path.read_text("utf-8", errors="replace")
            out.append((name, text, read_brat((split / "attributions" / hits[0]).read_text("utf-8", errors="replace"))))
        if limit is not None and len(out) >= limit:
            break
    return out


@dataclass(frozen=True)
class Offsets:
    """A document's token character offsets, read once: annotations map to tokens by bisection, not by a
    pass over every token for every annotation (which made featurizing quadratic in a document's length)."""

    starts: list[int]
    ends: list[int]
    space: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> Offsets:
        starts = [t.idx for t in doc]
        return cls(starts, [s + len(t) for s, t in zip(starts, doc, strict=True)], [t.is_space for t in doc])

    def tokens(self, fragments: Fragments) -> set[int]:
        """The non-space tokens that overlap a character fragment."""
        out: set[int] = set()
        for s, e in fragments:
            i = bisect_right(self.ends, s)  # the first token ending after the fragment starts
            while i < len(self.starts) and self.starts[i] < e:
                if s < self.ends[i] and not self.space[i]:
                    out.add(i)
                i += 1
        return out


def bio(indices: set[int], window: range) -> list[str]:
    return ["O" if i not in indices else ("I" if i - 1 in indices else "B") for i in window]


Sequence = tuple[list[list[str]], list[str]]


def featurize(doc: Doc, relations: list[Relation]) -> Iterator[tuple[str, Sequence]]:
    """("cue", sentence) for every sentence and ("source", window) for every relation with a cue and a source."""
    in_quote = quoted_tokens(doc, find_quotes(doc.text))
    offsets = Offsets.of(doc)
    cue_tokens: set[int] = set()
    for rel in relations:
        cue_tokens |= offsets.tokens(rel.cue)
    for start, sequence in cue_sequences(doc, in_quote):
        yield "cue", (sequence, bio(cue_tokens, range(start, start + len(sequence))))
    for rel in relations:
        cue = sorted(offsets.tokens(rel.cue))
        source = offsets.tokens(rel.source)
        if not cue or not source:
            continue
        run = [i for i in cue if doc[i].sent == doc[cue[0]].sent]
        span = doc[run[0] : run[-1] + 1]
        window = source_window(span)
        features = source_sequence(span, in_quote)
        yield "source", (features, bio(source - set(range(span.start, span.end)), window))


def sequence_bytes(split: str, name: str, features: list[list[str]], tags: list[str]) -> bytes:
    """One featurized sequence as it enters the training data's digest: its split, tagger, tags and features."""
    rows = "\x1e".join(f"{tag}\x1f" + "\x1f".join(f) for f, tag in zip(features, tags, strict=True))
    return f"{split}\x1d{name}\x1d{rows}\x1c".encode()


def f1(tp: int, n_pred: int, n_gold: int) -> float:
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


def span_score(model: Weights, sequences: list[tuple[list[list[str]], list[str]]], *, one: bool) -> float:
    """Exact-span F1 of ``model`` over tagged sequences (``one``: only the best span of each counts)."""
    tp = n_pred = n_gold = 0
    for features, tags in sequences:
        gold = {(s, e) for s, e, _ in spans_of([(t, 0.0) for t in tags], 0)}
        found = spans_of(model.tag(features), 0)
        if one and found:
            found = [max(found, key=lambda s: s[2])]
        pred = {(s, e) for s, e, _ in found}
        tp, n_pred, n_gold = tp + len(gold & pred), n_pred + len(pred), n_gold + len(gold)
    return f1(tp, n_pred, n_gold)


def fit(name: str, trainer: Trainer, dev: list[Sequence], epochs: int, patience: int) -> Weights:
    started = time.perf_counter()

    def evaluate(model: Weights) -> float:
        score = span_score(model, dev, one=name == "source")
        print(f"  {name}: dev exact-span F1 {score:.3f}", file=sys.stderr)
        return score

    model, epoch = trainer.train(epochs, evaluate, patience=patience)
    print(
        f"{name}: kept pass {epoch} of {epochs}, {len(model.table)} features, {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    return model


def parse(nlp: Language, texts: list[str], cache: Path | None, split: str) -> Iterator[Doc]:
    """The parsed texts, read from ``cache`` when it holds this split parsed by this model from these texts."""
    key = hashlib.sha256("\0".join([nlp.meta["name"], nlp.meta["version"], *texts]).encode()).hexdigest()[:16]
    path = cache / f"polnear-{split}-{key}.spacy" if cache is not None else None
    if path is not None and path.exists():
        yield from DocBin().from_disk(path).get_docs(nlp.vocab)
        return
    docs = list(nlp.pipe(texts, batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(
            attrs=["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"], docs=docs
        ).to_disk(path)
    yield from docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "eval" / "polnear" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "claimgraph" / "data" / "attribution_tagger.json.gz")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument(
        "--patience", type=int, default=2, help="stop after this many passes without a better dev score"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--train-docs", type=int, default=None)
    parser.add_argument("--dev-docs", type=int, default=None)
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "claimgraph-polnear",
        help="the parsed splits are kept here (outside the repository) so a retrain parses nothing again",
    )
    parser.add_argument(
        "--check", action="store_true", help="featurize only: exit 0 if --out was trained on today's features, else 1"
    )
    args = parser.parse_args(argv)
    if not (args.polnear / "train").is_dir():
        print(f"error: no PolNeAR train split under {args.polnear}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    nlp = load_model()
    trainers = {name: Trainer(TAGS, seed=args.seed) for name in ("cue", "source")}
    dev: dict[str, list[Sequence]] = {"cue": [], "source": []}
    options = (args.epochs, args.patience, args.seed, args.train_docs, args.dev_docs)
    digest = hashlib.sha256("epochs={} patience={} seed={} train_docs={} dev_docs={}".format(*options).encode())
    for split, limit in (("train", args.train_docs), ("dev", args.dev_docs)):
        docs = articles(args.polnear / split, limit)
        if split == "train" and limit is None and (missing := HELD_OUT - {name for name, _, _ in docs}):
            print(f"error: held-out articles not in PolNeAR train: {sorted(missing)}", file=sys.stderr)
            return 2
        # held-out articles are parsed with the rest (one cached parse per split) but never featurized
        for doc, (article, _, relations) in zip(
            parse(nlp, [t for _, t, _ in docs], args.cache, split), docs, strict=True
        ):
            if article in HELD_OUT:
                continue
            for name, (features, tags) in featurize(doc, relations):
                digest.update(sequence_bytes(split, name, features, tags))
                if args.check:
                    continue
                if split == "train":
                    trainers[name].add(features, tags)
                else:
                    dev[name].append((features, tags))
        print(f"{split}: {len(docs)} articles parsed, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if args.check:
        shipped = trained_on(args.out.read_bytes()) if args.out.exists() else None
        same = shipped == digest.hexdigest()
        print(f"{args.out}: {'trained on' if same else 'NOT trained on'} today's features", file=sys.stderr)
        return 0 if same else 1
    models = {name: fit(name, trainer, dev[name], args.epochs, args.patience) for name, trainer in trainers.items()}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save(models, args.out, NOTICE, digest.hexdigest())
    print(
        f"wrote {args.out} ({args.out.stat().st_size} bytes) in {time.perf_counter() - started:.0f} s", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
