"""Eval gate for attributions, claims and conflicts: pinned floors on score.py's measures.

Seed and dev use the session fixtures of ``conftest.py`` (one extraction per
corpus).  PolNeAR dev runs on its first ``POLNEAR_DOCS`` annotated articles
(sorted by name) to keep the suite fast; the figures on all 84 articles are
reproduced with score.py's ``polnear-export`` / ``polnear`` commands.
Floors sit a little under the figures measured when they were pinned
(seed: claim F1, source accuracy, attribution F1 and conflict recall all
1.0; dev, 30 articles: strict claim F1 0.580 (P 0.846, R 0.442; the learned
relation classifier is trained on dev, so these are in-sample: its
cross-validated figure is reported by scripts/train_relations.py), lenient
0.580, attribution F1 0.713, source accuracy 0.918, conflict recall 1 of 5,
attribution F1 0.738 with the learned attribution taggers; check, 12
articles never tuned on: strict claim F1 0.410 (P 0.676, R 0.294), lenient
0.410, attribution F1 0.721, source accuracy 0.96, conflict recall 1 of 1,
attribution F1 0.722 with the taggers; attribution F1 after the rules for
participles, lost complement subjects and nominal 'that' clauses: dev 0.759,
check 0.744; with the taggers retrained leaving out the PolNeAR texts the corpora hold and the rules for
participle-modified sources, dateline lines and subject-first parenthetical cues: dev 0.769, check 0.748;
with learned cues whose content is an infinitive left out, CLI on main of 01:14: dev 0.780, check 0.748;
claims with the relation classifier retrained on main of 01:30 (CLI): dev strict 0.709 in-sample (P 0.906,
R 0.582), 0.559 cross-validated (P 0.846, R 0.418), rules alone 0.514 (P 0.867, R 0.365), source accuracy
0.931; check strict 0.448 (P 0.700, R 0.329); the dev floors sit under the cross-validated figures;
with the place parts, presence nouns, designations inside a phrase and the retrained classifier: dev 0.594
cross-validated (P 0.844, R 0.458), rules alone 0.561 (P 0.873, R 0.414); check 0.444 (P 0.683, R 0.329);
with the type corrector retrained beside md's recognizer (ner_model, off by default; with it on, check strict
0.417): dev strict 0.728 in-sample (P 0.910, R 0.606), check 0.444 (P 0.683, R 0.329);
with plural descriptions taking up the groups just named ('these groups'): dev strict 0.734 (153/15), conflict
recall 2 of 5, source accuracy 0.922; check unchanged (0.444, conflict 1 of 1);
with fighters placed where they are and partitives (main 8980462): dev strict 0.738 (155/16),
source accuracy 0.916 (142 of 155: the claims the two changes add mostly carry no source, 'For <actor>, ...'
is not read as a viewpoint yet), so its floor goes to 0.91; check unchanged (0.444, P 0.683);
with fronted viewpoints ('For X, ...'), rebuttals ('... suggests otherwise') and plural people standing for a
body only when they hold office in it: dev strict 0.741 (156/16), source accuracy 0.942 (147 of 156), conflict
recall 3 of 5 (floors 0.93 and 0.59); check unchanged (0.444, source 0.964, conflict 1 of 1);
with relative-pronoun objects, reciprocal verbs, places lost or fallen, arms handed over and the classifier
retrained: dev rules alone 0.602 (P 0.877, R 0.458; floors 0.59/0.86/0.45), 0.626 cross-validated, 0.726 in-sample
(151/16), source accuracy 0.954, conflicts 3 of 5; check 0.444 (P 0.683, R 0.329), rules alone 0.417;
with a mayor's or governor's title ruling the one locality named nearby (rebased on main 60f977c): dev
strict 0.748 (156/12), rules alone 0.626 (P 0.908, R 0.478; floors 0.61/0.88/0.46); check 0.444 unchanged;
with what a viewing verb takes 'as' something read as its holder's view and a country's government standing for
the country (branch s10-claims on main ba19b17): dev strict 0.754 (158/12), rules alone 0.634 (P 0.910, R 0.486;
floors 0.63/0.90/0.48); check 0.444 unchanged; with armed descriptions ('the jihadist organisation') taking up
an armed group, fighters a description has placed, places taken from a group and 'at war with' (s10-claims on main
9a8e30f, rebased on a2eda28): dev strict 0.768 (162/11), rules alone 0.656 (P 0.920, R 0.510; floors 0.65/0.91/0.50);
check 0.444 unchanged; with the object of an accusation as its gerund's subject (s11-claims): dev unchanged, check
0.457 (P 0.690, R 0.341; floors 0.45/0.68/0.33); with the 'as' complement, campaign participants and the relation
classifier retrained on the rules as they stand: dev strict 0.756 in-sample (158/11; 5-fold cross-validated 0.682, P
0.907, R 0.546), rules alone 0.663 (P 0.921, R 0.518), check 0.460 (P 0.707, R 0.341; precision floor 0.70);
with described leaders, role phrases opened by a preposition and roles run on after a name (s12-claims): dev strict
0.767 in-sample (161/10; 5-fold cross-validated 0.697, P 0.915, R 0.562), rules alone 0.679 (P 0.930, R 0.534;
floors 0.67/0.92/0.52), check 0.476 (P 0.732, R 0.353; floors 0.47/0.72/0.35);
with leaders' titles carried to the next sentence, coordinated appositions, 'who' past a place and the
classifier retrained (s13-claims): dev strict 0.775 in-sample (164/10; 5-fold cross-validated 0.706, P 0.917,
R 0.574), rules alone 0.689 (P 0.932, R 0.546; floors 0.68/0.92/0.54), check 0.476 unchanged;
PolNeAR subset with the taggers:
content partial F1 0.631, exact content F1 0.395, source F1 0.548, cue F1
0.559; all 84 PolNeAR dev articles: 0.686, 0.381, 0.591 and 0.588; with signed quotations, sources
kept whole over parentheses, clauses kept to the cue's line and colons opening the next paragraph:
subset 0.725, 0.436, 0.584, 0.581, all 84 0.711, 0.393, 0.600, 0.594); extracted as ``--attributions all``
(stances and intentions listed too, as PolNeAR annotates them): subset 0.731, 0.433, 0.607, 0.593, all 84
0.720, 0.403, 0.636, 0.618; with whole subject phrases for named speakers and mis-typed opening quote marks
(branch s10-attr): subset 0.758, 0.446, 0.619, 0.600, all 84 0.728, 0.406, 0.643, 0.620; with stances and
intentions added at any margin of the cue tagger (assertions still need CUE_MARGIN): subset 0.757, 0.450, 0.632,
0.610, all 84 0.729, 0.407, 0.649, 0.625; with the cue's parsed subject as the speaker of a stance the source
tagger cuts short: subset 0.757, 0.454, 0.640, 0.616, all 84 0.731, 0.412, 0.650, 0.631 (dev attribution F1
0.787); with a quotation resumed after its cue read as one attribution (branch s13-attr): subset 0.809,
0.480, 0.691, 0.661, all 84 0.779, 0.437, 0.688, 0.663 (dev attribution F1 0.841, check 0.737); after the
rest of session 13's attribution changes: subset 0.810, 0.490, 0.688, 0.665, all 84 0.780, 0.440, 0.686, 0.664
(dev 0.855, check 0.744): raise them as quality rises.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.nlp.claims import assembly as claims
from claimgraph.nlp.components.pipeline import Analyzer

ARTICLE_FLOORS = {
    ("seed", "claim_f1"): 0.90,
    ("seed", "source_accuracy"): 0.90,
    ("seed", "attribution_f1"): 0.90,
    ("seed", "conflict_recall"): 1.0,
    ("dev", "claim_f1"): 0.70,  # under the 5-fold cross-validated 0.713 (in-sample 0.781)
    ("dev", "claim_precision"): 0.90,
    ("dev", "claim_recall"): 0.56,
    ("dev", "claim_f1_lenient"): 0.70,
    ("dev", "attribution_f1"): 0.85,  # 0.859 on branch s14-attr ('said at the time that …' gives its clause)
    ("dev", "source_accuracy"): 0.93,
    ("dev", "conflict_recall"): 0.59,
    ("check", "claim_f1"): 0.47,
    ("check", "claim_precision"): 0.72,
    ("check", "claim_recall"): 0.35,
    ("check", "claim_f1_lenient"): 0.47,
    ("check", "attribution_f1"): 0.75,  # 0.756 on branch s14-attr (nested learned contents)
    ("check", "source_accuracy"): 0.9,
    ("check", "conflict_recall"): 1.0,
}
# The rules alone on dev (the learned classifier switched off): a figure nothing was trained for.
RULE_FLOORS = {"claim_f1": 0.68, "claim_precision": 0.92, "claim_recall": 0.54}
POLNEAR_DOCS = 24
POLNEAR_FLOORS = {"content_partial_f1": 0.79, "content_exact_f1": 0.46, "source_f1": 0.67, "cue_f1": 0.64}


def measure(scores: dict[str, Any], name: str) -> float:
    value = {
        "claim_f1": scores["claims_strict"]["f1"],
        "claim_precision": scores["claims_strict"]["precision"],
        "claim_recall": scores["claims_strict"]["recall"],
        "claim_f1_lenient": scores["claims_lenient"]["f1"],
        "attribution_f1": scores["attributions"]["f1"],
        "source_accuracy": scores["source"]["value"],
        "conflict_recall": scores["conflicts"]["value"],
    }[name]
    return float(value if value is not None else 0.0)


@pytest.mark.slow
@pytest.mark.parametrize(("corpus", "name"), sorted(ARTICLE_FLOORS))
def test_claim_floor(corpus: str, name: str, corpus_scores: dict[str, dict[str, Any]]) -> None:
    scores = corpus_scores[corpus]
    assert scores["missing"] == 0, f"{corpus}: documents without a prediction"
    assert measure(scores, name) >= ARTICLE_FLOORS[corpus, name], f"{corpus} {name} fell below its floor"


@pytest.fixture(scope="module")
def dev_rules_scores(
    shared_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    scorer: Callable[[str, Path, Path], dict[str, Any]],
    extract_to: Callable[..., Path],
) -> dict[str, Any]:
    """score.py's report on dev extracted with the rules alone (no learned relation classifier)."""
    dev = shared_dir / "corpus" / "dev"
    prediction = tmp_path_factory.mktemp("rules") / "dev.jsonl"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(claims, "shipped_model", lambda: None)
        extract_to([dev / "articles"], Analyzer.load(), prediction)
    return scorer("articles", dev, prediction)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(RULE_FLOORS))
def test_dev_rules_alone_floor(name: str, dev_rules_scores: dict[str, Any]) -> None:
    assert dev_rules_scores["missing"] == 0
    assert measure(dev_rules_scores, name) >= RULE_FLOORS[name], f"dev rules alone: {name} fell below its floor"


@pytest.mark.slow
def test_claims_and_attributions_are_well_formed(extractions: dict[str, list[dict[str, Any]]]) -> None:
    """Spans point at their text; claims, attributions and conflicts refer to ids that exist."""
    for objs in extractions.values():
        for obj in objs:
            text = obj["document"]["text"]
            entities = {e["id"] for e in obj["entities"]}
            attributions = {a["id"] for a in obj["attributions"]}
            claims = {c["id"] for c in obj["claims"]}
            for a in obj["attributions"]:
                for role in ("cue", "content"):
                    assert text[a[role]["start"] : a[role]["end"]] == a[role]["text"]
                assert a["source"] is None or text[a["source"]["start"] : a["source"]["end"]] == a["source"]["text"]
                assert a["source"] is None or a["source"]["entity"] in entities | {None}
            for c in obj["claims"]:
                assert c["subject"] in entities and (c["object"] in entities) != (c["object_literal"] is not None)
                assert c["source"] in entities | {None} and set(c["via"]) <= entities
                assert c["attribution"] in attributions | {None}
                assert text[c["evidence"]["start"] : c["evidence"]["end"]] == c["evidence"]["text"]
            for conflict in obj["conflicts"]:
                assert set(conflict["claims"]) <= claims and conflict["explanation"].endswith(".")


@pytest.fixture(scope="module")
def polnear_scores(
    shared_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    scorer: Callable[[str, Path, Path], dict[str, Any]],
    extract_to: Callable[..., Path],
) -> dict[str, Any]:
    """score.py's ``polnear --json`` report on the first annotated PolNeAR dev articles, extracted as
    ``claimgraph extract --attributions all`` writes them (PolNeAR annotates stances and intentions too)."""
    split = shared_dir / "eval" / "polnear" / "data" / "dev"
    if not (split / "attributions").is_dir():
        pytest.skip(f"{split} is absent")
    subset = tmp_path_factory.mktemp("polnear")
    (subset / "text").mkdir()
    (subset / "attributions").mkdir()
    annotations = sorted((split / "attributions").glob("*.ann"))
    names = sorted({p.stem.rsplit("_", 1)[0] for p in annotations})[:POLNEAR_DOCS]
    for name in names:
        shutil.copy(split / "text" / f"{name}.txt", subset / "text")
        for ann in annotations:
            if ann.stem.rsplit("_", 1)[0] == name:
                shutil.copy(ann, subset / "attributions")
    prediction = extract_to([subset / "text"], Analyzer.load(), subset / "pred.jsonl", stances=True)
    return scorer("polnear", subset, prediction)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(POLNEAR_FLOORS))
def test_polnear_floor(name: str, polnear_scores: dict[str, Any]) -> None:
    role, kind = {
        "content_partial_f1": ("content", "partial"),
        "content_exact_f1": ("content", "exact"),
        "source_f1": ("source", "exact"),
        "cue_f1": ("cue", "exact"),
    }[name]
    value = polnear_scores[role][kind]["f1"]
    assert polnear_scores["missing"] == 0
    assert value >= POLNEAR_FLOORS[name], f"PolNeAR {name} {value:.3f} fell below its floor"
