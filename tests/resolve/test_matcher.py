"""The name matcher and blocking, without a store."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimgraph.nlp.names import fold
from claimgraph.resolve.batch import pairwise_scores, resolve_names
from claimgraph.resolve.blocking import candidate_pairs
from claimgraph.resolve.match import Candidate, compare

ROOT = Path(__file__).resolve().parents[2]


def group(name: str, etype: str = "ARMED_GROUP", gazetteer_id: str | None = None) -> Candidate:
    return Candidate(name, name, fold(name), etype, gazetteer_id)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jabhat al-Nusra", "Jabhat al-Nusrah"),
        ("Jabhat al-Nusra", "Nusra Front"),
        ("Jaish al-Muhajireen wal-Ansar", "Jaysh al-Muhajirin wa al-Ansar"),
        ("Tanzim Qaidat al-Jihad", "Tanzim Qaedat al-Jihad"),
    ],
)
def test_spelling_and_translation_variants_merge(a: str, b: str) -> None:
    verdict = compare(group(a), group(b))
    assert verdict is not None and verdict.judgement == "positive", verdict


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jabhat al-Nusra", "Jabhat Ansar al-Din"),
        ("Islamic State", "Islamic Army"),
        ("Ansar al-Sharia in Libya", "Ansar al-Sharia in Tunisia"),
        ("Ansar al-Sharia", "Ansar al-Sharia in Libya"),
    ],
)
def test_names_sharing_generic_words_stay_apart(a: str, b: str) -> None:
    verdict = compare(group(a), group(b))
    assert verdict is None or verdict.judgement != "positive", verdict


def test_types_gazetteer_ids_and_acronyms() -> None:
    assert compare(group("Korvana", "PLACE"), group("Korvana", "PERSON")) is None
    same_name = compare(group("Ridge Falcons", "ORGANIZATION"), group("Ridge Falcons", "ARMED_GROUP"))
    assert same_name is not None and same_name.judgement == "positive"
    assert (
        compare(group("Alpha Front", gazetteer_id="QDe.1"), group("Beta Front", gazetteer_id="QDe.1")).judgement
        == "positive"
    )  # type: ignore[union-attr]
    assert (
        compare(group("Alpha Front", gazetteer_id="QDe.1"), group("Alpha Front Group", gazetteer_id="QDe.2")).judgement
        == "negative"
    )  # type: ignore[union-attr]
    acronym = compare(group("DCF"), group("Dawn Coalition Forces"))
    assert acronym is not None and acronym.judgement == "unsure"  # needs evidence from a document


def test_person_names_need_two_aligned_parts() -> None:
    person = lambda n: group(n, "PERSON")  # noqa: E731
    assert compare(person("Marek Tolvani"), person("Marek Tolvany")).judgement == "positive"  # type: ignore[union-attr]
    assert compare(person("Marek Tolvani"), person("Irena Tolvani")) is None
    assert compare(person("Tolvani"), person("Marek Tolvani")) is None


def test_blocking_compares_far_fewer_than_all_pairs() -> None:
    names = [
        group(f"Brigade of the {a}{b} {c}{d}")
        for a in "ABCDEFGHIJ"
        for b in "klmnopqrst"
        for c in "UVWXY"
        for d in "xyz"
    ]
    pairs = sum(1 for _ in candidate_pairs(names, {n.id for n in names}))
    assert pairs < len(names) * (len(names) - 1) / 2 / 20


def test_name_variant_set_precision() -> None:
    """Pairwise precision of merges on ../shared/eval/name_matching (the issue's floor: 0.95)."""
    data = ROOT / ".." / "shared" / "eval" / "name_matching"
    files = sorted(data.glob("*.jsonl"))
    if not files:
        pytest.skip(f"name-matching data absent under {data}")
    sys.path.insert(0, str(ROOT / "bench"))
    from resolution_eval import load

    candidates, gold = load(files[0])
    precision, recall, _, _ = pairwise_scores(gold, resolve_names(candidates))
    assert precision >= 0.95
    assert recall >= 0.15  # floor below the measured figure; raise it as resolution improves
