"""Event coding against the PLOVER gold standard records: category accuracy and actor/target match.

The 322 sentences of ``../shared/eval/event_coding/plover_gsr`` (edited
examples from the CAMEO manual, CC BY-SA 4.0, Open Event Data Alliance) are
run through the whole pipeline, one sentence per document.  For each
sentence:

* the **category** is that of the sentence's main event: the event record
  whose trigger is nearest the root of the parse, else (no event had an
  argument we could name) the nearest trigger the component marked.  The
  gold records use an older PLOVER draft; its categories are mapped to the
  manual's draft 2.0 as the manual's own CAMEO table does (DEMAND →
  REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE).  Scored per gold category.
* **source/target match**: the main event's actor and target, each an
  entity whose mentions are compared with the gold ``actorText`` spans (a
  match is a mention overlapping the gold span in the sentence, in the same
  role).  Precision, recall and F1 over (sentence, role) slots: a gold slot
  is a role with at least one gold actor (a compound actor, "X and Y", is
  one slot, matched by either member), a predicted slot a role the event
  fills.

Usage:

    .venv/bin/python bench/plover_gsr.py [--details]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.model import Document, Entity, Event, Extraction
from claimgraph.nlp.components.pipeline import analyse_doc, load_language
from claimgraph.nlp.events.event_lexicon import events
from claimgraph.nlp.events.reader import TRIGGERS

GSR = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "event_coding" / "plover_gsr"
TO_DRAFT_2 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


def records() -> list[dict[str, Any]]:
    path = GSR / "PLOVER_GSR_CAMEO.txt"
    if not path.exists():
        sys.exit(f"the PLOVER gold records are not at {path}")
    return [r for r in json.loads(path.read_text("utf-8")) if r["event"] != "DOCUMENT"]


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def main_event(doc: Doc, extraction: Extraction, light_verbs: frozenset[str]) -> tuple[str | None, Event | None]:
    """The category of the sentence's main trigger (nearest the root, verbs first) and its event record, if any.

    A noun trigger that is the object of a light verb ("staged a rally",
    "launched an offensive") stands where its verb stands.
    """

    def rank(tok: Token) -> tuple[int, int, int]:
        carrier = tok.head if tok.dep_ == "dobj" and tok.head.lemma_.lower() in light_verbs else tok
        return (_depth(carrier), carrier.pos_ != "VERB", tok.i)

    triggers = sorted(doc.spans.get(TRIGGERS, []), key=lambda s: rank(s[0]))
    if not triggers:
        return None, None
    main = triggers[0]
    event = next((e for e in extraction.events if e.trigger.start == main.start_char), None)
    return (event.type if event else main.label_), event


def gold_actors(record: dict[str, Any], role: str) -> list[str]:
    value = record.get(role)
    return [a["actorText"] for a in value if a.get("actorText")] if isinstance(value, list) else []


def _matches(entity: Entity | None, actor_text: str, text: str) -> bool:
    """A mention of ``entity`` overlaps ``actor_text`` where it stands in the sentence (else shares its words)."""
    if entity is None:
        return False
    at = text.find(actor_text)
    if at >= 0:
        return any(m.field is None and m.start < at + len(actor_text) and at < m.end for m in entity.mentions)
    words = set(actor_text.lower().split())
    return any(words & set(m.text.lower().split()) for m in entity.mentions)


@dataclass(slots=True)
class Scores:
    """Per gold category (n, right), the confusions, and the actor/target slot counts."""

    per_category: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return sum(c["right"] for c in self.per_category.values()) / sum(c["n"] for c in self.per_category.values())

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: list[dict[str, Any]], nlp: Language) -> Scores:
    """Run the pipeline over the gold sentences and count what matched."""
    light_verbs = events().light_verbs
    out = Scores()
    for record, doc in zip(gold, nlp.pipe([r["text"] for r in gold], batch_size=32), strict=True):
        document = Document(id=f"sha256:{record['id']}", source_path=record["id"], text=record["text"])
        extraction = analyse_doc(doc, document)
        expected = TO_DRAFT_2.get(record["event"], record["event"])
        category, event = main_event(doc, extraction, light_verbs)
        out.per_category[record["event"]]["n"] += 1
        out.per_category[record["event"]]["right"] += category == expected
        if category != expected:
            out.confusion[expected, category or "-"] += 1
            out.misses.append(f"{record['id']}: gold {expected}, coded {category}: {record['text']}")
        entities = {e.id: e for e in extraction.entities}
        for role, slot in (("source", "actor"), ("target", "target")):
            wanted = gold_actors(record, role)
            predicted = entities.get(getattr(event, slot)) if event is not None else None
            out.gold += bool(wanted)
            out.predicted += predicted is not None
            hit = any(_matches(predicted, w, record["text"]) for w in wanted)
            out.tp += hit
            if wanted and not hit:
                coded = predicted.name if predicted else None
                out.misses.append(
                    f"{record['id']}: {role} {wanted}, coded {coded} among {[e.name for e in entities.values()]}"
                )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--details", action="store_true", help="print every miscoded sentence and missed actor")
    args = parser.parse_args()
    scores = score(records(), load_language())
    if args.details:
        print("\n".join(scores.misses))
    print(f"{'gold category':<14} {'n':>4} {'accuracy':>9}")
    for name, counts in sorted(scores.per_category.items(), key=lambda kv: -kv[1]["n"]):
        print(f"{name:<14} {counts['n']:>4} {counts['right'] / counts['n']:>9.3f}")
    total = sum(c["n"] for c in scores.per_category.values())
    print(f"{'all':<14} {total:>4} {scores.accuracy:>9.3f}")
    print(
        f"source/target: precision {scores.precision:.3f} ({scores.tp}/{scores.predicted}), "
        f"recall {scores.recall:.3f} ({scores.tp}/{scores.gold}), F1 {scores.f1:.3f}"
    )
    common = scores.confusion.most_common(8)
    print("most frequent confusions (gold → coded):", ", ".join(f"{g}→{c} {n}" for (g, c), n in common))


if __name__ == "__main__":
    main()
