"""The learned entity type corrector: its decisions, its pooling over a document, the shipped model, its training."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from entity_helpers import pipeline
from spacy.tokens import Doc

from claimgraph.nlp.entities.type_corrector import (
    NONE,
    DocumentCues,
    TypeCorrector,
    TypeModel,
    candidates,
    features,
    pooled,
    shipped_model,
)

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def model(weights: dict[str, list[float]], threshold: float = 0.6, drop: float = 0.9) -> TypeModel:
    """A hand-made model over the classes the trained one has (ORG, PERSON, PLACE, NONE)."""
    return TypeModel(
        {
            "classes": ["ORG", "PERSON", "PLACE", NONE],
            "intercept": [0.0, 0.0, 0.0, -2.0],
            "weights": weights,
            "threshold": threshold,
            "drop_threshold": drop,
        }
    )


def parsed(text: str) -> Doc:
    """``text`` through the pipeline without the corrector (the spans it would read)."""
    nlp = pipeline()
    with nlp.select_pipes(disable=["claimgraph_type_corrector_v1", "claimgraph_surnames_v1"]):
        return nlp(text)


def test_decide_retypes_only_a_confident_different_type() -> None:
    sure_place = {"ORG": 0.05, "PERSON": 0.1, "PLACE": 0.8, NONE: 0.05}
    assert TypeCorrector.decide("PERSON", sure_place, 0.6, 0.9) == "PLACE"
    assert TypeCorrector.decide("PERSON", sure_place, 0.85, 0.9) == "PERSON"  # not sure enough
    assert TypeCorrector.decide("PLACE", sure_place, 0.6, 0.9) == "PLACE"  # already a place
    group = {"ORG": 0.9, "PERSON": 0.1, "PLACE": 0, NONE: 0}
    assert TypeCorrector.decide("ARMED_GROUP", group, 0.6, 0.9) == "ARMED_GROUP"  # an ORG of a finer type
    assert TypeCorrector.decide("PLACE", {"ORG": 0.7, "PERSON": 0.1, "PLACE": 0.2, NONE: 0}, 0.6, 0.9) == "ORGANIZATION"
    junk = {"ORG": 0.1, "PERSON": 0.05, "PLACE": 0.05, NONE: 0.8}
    assert TypeCorrector.decide("PERSON", junk, 0.6, 0.9) == "PERSON"  # dropping needs the higher threshold
    assert TypeCorrector.decide("PERSON", junk, 0.6, 0.7) is None


def test_mentions_of_one_name_are_read_together() -> None:
    a = {"PERSON": 0.9, "PLACE": 0.1}
    b = {"PERSON": 0.1, "PLACE": 0.9}
    c = {"PERSON": 0.4, "PLACE": 0.6}
    out = pooled([("Tarvana", a), ("the Tarvana", b), ("Olsen", c)])
    assert out[0] == out[1] == pytest.approx({"PERSON": 0.5, "PLACE": 0.5})
    assert out[2] == c


def test_a_confident_model_retypes_the_span_and_leaves_the_others() -> None:
    doc = parsed("Rebels shelled Zarqaneh on Monday, Omar Haddad said.")
    spans = {s.text: s.label_ for s, _ in candidates(doc)}
    assert spans.get("Omar Haddad") == "PERSON"
    cues = DocumentCues.of(doc)
    target = next(s for s, _ in candidates(doc) if s.text == "Omar Haddad")
    feats = features(target, target.label_, cues)
    assert "C:speaks|PERSON" in feats and "N:2" in feats
    # A model that says "a two-word name before 'said' is a place" (wrong, but it shows the mechanism).
    corrected = TypeCorrector(model({"C:speaks|PERSON": [0.0, 0.0, 5.0, 0.0]}))(doc)
    assert {e.text: e.label_ for e in corrected.ents}["Omar Haddad"] == "PLACE"
    others = {e.text: e.label_ for e in corrected.ents if e.text != "Omar Haddad"}
    assert others == {k: v for k, v in spans.items() if k != "Omar Haddad"}


def test_a_span_the_model_calls_no_actor_is_dropped_only_above_its_threshold() -> None:
    text = "Omar Haddad visited the camp."
    weights = {"F:omar": [0.0, 0.0, 0.0, 8.0]}
    kept = TypeCorrector(model(weights, drop=1.01))(parsed(text))
    assert "Omar Haddad" in [e.text for e in kept.ents]
    dropped = TypeCorrector(model(weights, drop=0.9))(parsed(text))
    assert "Omar Haddad" not in [e.text for e in dropped.ents]


def test_the_shipped_model_loads_and_is_in_the_pipeline() -> None:
    shipped = shipped_model()
    assert shipped is not None and set(shipped.classes) == {"ORG", "PERSON", "PLACE", NONE}
    assert 0.5 <= shipped.threshold <= 1.0 and shipped.weights
    assert "claimgraph_type_corrector_v1" in pipeline().pipe_names


@pytest.mark.slow
def test_training_on_a_small_slice_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not (SHARED / "corpus" / "dev" / "gold").is_dir() or not (SHARED / "eval" / "conll2003").is_dir():
        pytest.skip("../shared corpora are not present")
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))  # as running the script does: its shared module beside it
    spec = importlib.util.spec_from_file_location("train_type_corrector", ROOT / "scripts" / "train_type_corrector.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    sys.modules["train_type_corrector"] = script
    spec.loader.exec_module(script)
    outs = [tmp_path / "one.json.gz", tmp_path / "two.json.gz"]
    for out in outs:
        assert (
            script.main(
                [
                    "--out",
                    str(out),
                    *["--dev-docs", "2", "--conll-docs", "3", "--fixed", "0.3", "3", "0.5", "0.7", "--no-cv"],
                ]
            )
            == 0
        )
    assert outs[0].read_bytes() == outs[1].read_bytes()
    trained = TypeModel.from_bytes(outs[0].read_bytes())
    assert trained.weights and trained.threshold == 0.5 and trained.drop_threshold == 0.7
