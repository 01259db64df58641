"""A learned relation classifier for where the rules run out.

Every ordered pair of entities named in one sentence (close enough, of types
some predicate accepts) is a candidate; the classifier reads the dependency
path between the two names, the lemmas on it and between them, the entity
types and the distance, and chooses a predicate or none.  It is a linear
model (multinomial logistic regression trained with scikit-learn by
``scripts/train_relations.py`` from the dev gold only); its weights ship as
JSON next to this module, so extraction needs neither scikit-learn nor
../shared: scoring a candidate is a sum of weights and a softmax.

The rules keep the final word: a pair the rules already related is left to
them, and a learned relation goes through the same checks as a rule's
(argument types, 'whether' clauses, negation and hedges on the words that
govern the path).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, cast

from spacy.tokens import Doc, Span, Token

from claimgraph.model import EntityType, Predicate
from claimgraph.nlp import lexicon
from claimgraph.nlp.claims.frames import FrameReader, RawClaim
from claimgraph.nlp.entities.coref import EntityIndex
from claimgraph.nlp.linear import LinearModel
from claimgraph.predicates import SYMMETRIC_PREDICATES

MODEL_FILE = "relations_model.json"
NONE = "none"
# Names further apart than this (in tokens) are rarely related by the sentence itself.
MAX_DISTANCE = 30
_PATH_LIMIT = 7


@dataclass(frozen=True, slots=True)
class Candidate:
    """An ordered pair of entities named in one sentence, by the head tokens of their mentions."""

    subject: str
    object: str
    subject_head: Token
    object_head: Token
    sentence: Span


def mention_heads(sentence: Span, index: EntityIndex) -> list[tuple[str, Token]]:
    """(entity, head token) for each mention in ``sentence``: the mention's token whose head lies outside it."""
    out: list[tuple[str, Token]] = []
    seen: set[tuple[int, int]] = set()
    for tok in sentence:
        rng = index.mention_range(tok)
        eid = index.named(tok)
        if rng is None or eid is None or rng in seen:
            continue
        seen.add(rng)
        inside = range(rng[0], rng[1])
        head = next((t for t in sentence.doc[rng[0] : rng[1]] if t.head.i not in inside or t.head.i == t.i), tok)
        out.append((eid, head))
    return out


def candidates(
    doc: Doc, index: EntityIndex, types: Mapping[str, tuple[frozenset[EntityType], frozenset[EntityType]]]
) -> Iterator[Candidate]:
    """Every ordered pair of distinct entities in a sentence that some predicate's types allow."""
    for sentence in doc.sents:
        heads = mention_heads(sentence, index)
        for a, ha in heads:
            for b, hb in heads:
                if a == b or abs(ha.i - hb.i) > MAX_DISTANCE:
                    continue
                ta, tb = index.type_of(a), index.type_of(b)
                if any(ta in s and tb in o for s, o in types.values()):
                    yield Candidate(a, b, ha, hb, sentence)


def _ancestors(tok: Token) -> list[Token]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


Route = tuple[list[Token], Token | None, list[Token]]


def path(a: Token, b: Token) -> Route:
    """The tokens from ``a`` up to the lowest common ancestor, that ancestor, and down to ``b`` (endpoints excluded)."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    in_b = {t.i: n for n, t in enumerate(up_b)}
    for n, tok in enumerate(up_a):
        if tok.i in in_b:
            return up_a[1:n], tok, list(reversed(up_b[1 : in_b[tok.i]]))
    return up_a[1:], None, []


def features(c: Candidate, index: EntityIndex, route: Route | None = None) -> list[str]:
    """Binary features of a candidate: types, dependency path, trigger lemmas, words between, distance.

    ``route`` is the candidate's ``path`` when the caller has walked it already
    (prediction filters candidates by it first): walking the heads up again
    for every kept candidate was some 4% of relation reading.
    """
    a, b = c.subject_head, c.object_head
    ta, tb = index.type_of(c.subject), index.type_of(c.object)
    types = f"{ta}>{tb}"
    up, top, down = route or path(a, b)
    out = [f"T:{types}", f"O:{'fwd' if a.i < b.i else 'back'}", f"DA:{a.dep_}", f"DB:{b.dep_}"]
    distance = abs(a.i - b.i)
    out.append(f"D:{min(distance, 12) // 3}")
    if top is not None:
        lca = "A" if top.i == a.i else "B" if top.i == b.i else top.lemma_.lower()
        out += [f"LCA:{lca}", f"LCA:{lca}|{types}", f"LCAPOS:{top.pos_}"]
        if len(up) + len(down) <= _PATH_LIMIT:
            dep_path = "^".join(t.dep_ for t in [a, *up]) + "|" + "v".join(t.dep_ for t in [*down, b])
            out += [f"P:{dep_path}", f"P:{dep_path}|{types}"]
        for tok in [*up, *down, *([top] if top.i not in (a.i, b.i) else [])]:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("NOUN", "VERB", "ADJ", "ADP", "PART", "ADV"):
                out += [f"L:{lemma}", f"L:{lemma}|{types}"]
    lo, hi = sorted((a.i, b.i))
    between = [t for t in c.sentence.doc[lo + 1 : hi] if index.named(t) is None and not t.is_punct]
    if len(between) <= 6:
        out.append("BW:" + " ".join(t.lemma_.lower() for t in between))
    for tok in between[:10]:
        if tok.pos_ in ("NOUN", "VERB", "ADJ", "ADP"):
            out.append(f"B:{tok.lemma_.lower()}")
    punct = [t.text for t in c.sentence.doc[lo + 1 : hi] if t.is_punct]
    out.append(f"PU:{','.join(punct[:3])}")
    return out


class RelationModel(LinearModel):
    """The relation classifier: a linear model over a candidate pair's features, with its threshold."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self.threshold: float = float(data["threshold"])
        # Pairs further apart in the parse (tokens between them on the dependency path) are left alone.
        self.max_path: int = int(data.get("max_path", MAX_DISTANCE))

    def probabilities(self, feats: list[str]) -> list[float]:
        """Softmax over the classes, in ``classes`` order."""
        return self.softmax(feats)

    def best(self, feats: list[str]) -> tuple[str, float]:
        """The most probable predicate other than none, with its probability."""
        return self.best_all([feats])[0]

    def best_all(self, sequences: Sequence[list[str]]) -> list[tuple[str, float]]:
        """``best`` of each feature list, scored together (``softmax_all``)."""
        predicates = [k for k, c in enumerate(self.classes) if c != NONE]
        out: list[tuple[str, float]] = []
        for probs in self.softmax_all(sequences):
            k = max(predicates, key=lambda k: probs[k])
            out.append((self.classes[k], probs[k]))
        return out


@cache
def shipped_model() -> RelationModel | None:
    """The model that ships with the package, or ``None`` when it has not been trained."""
    resource = resources.files("claimgraph.nlp").joinpath("models", MODEL_FILE)
    if not resource.is_file():
        return None
    return RelationModel(json.loads(resource.read_text("utf-8")))


def learned_claims(reader: FrameReader, doc: Doc, model: RelationModel, ruled: list[RawClaim]) -> list[RawClaim]:
    """The model's relations for pairs the rules left alone, one per pair: its most confident sentence."""
    index = reader.index
    speech_verbs = lexicon.speech().verbs
    taken = {(r.subject, r.object) for r in ruled if r.object is not None}
    taken |= {(o, s) for s, o in taken}
    scored: list[tuple[Candidate, list[str]]] = []
    for c in candidates(doc, index, reader.rel.types):
        if (c.subject, c.object) in taken:
            continue
        route = up, top, down = path(c.subject_head, c.object_head)
        if len(up) + len(down) > model.max_path:
            continue
        if any(t.lemma_.lower() in speech_verbs for t in [*up, *down, *([top] if top is not None else [])]):
            continue  # "reports from Y say that X …": one side names who speaks, the other what is said
        scored.append((c, features(c, index, route)))
    best: dict[tuple[str, str], tuple[float, str, Candidate]] = {}
    for (c, _), (predicate, prob) in zip(scored, model.best_all([feats for _, feats in scored]), strict=True):
        if prob < model.threshold:
            continue
        key = (c.subject, c.object)
        if predicate in SYMMETRIC_PREDICATES:
            key = (min(key), max(key))
        if key not in best or prob > best[key][0]:
            best[key] = (prob, predicate, c)
    out: list[RawClaim] = []
    for _, predicate, c in best.values():
        _, top, _ = path(c.subject_head, c.object_head)
        trigger = top if top is not None else c.subject_head
        made = reader.make([c.subject], cast(Predicate, predicate), [(c.object, None)], trigger)
        # The model learned affirmed relations; a negation near the path is seldom about the pair: leave it.
        out += [raw for raw in made if not raw.denied]
    for raw in out:
        raw.rule = "learned"
    return out
