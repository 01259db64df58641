"""The conflicts of many claim groups: the candidate pairs miss none that comparing every pair finds."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

from claimgraph.analyze import conflicts
from claimgraph.analyze.claims import ClaimGroup, StoredClaim
from claimgraph.analyze.conflicts import find_store_conflicts

ACTORS = ["Amber Front", "Basalt Guard", "Cinder League", "Dune Brigade", "Ember Council"]
PREDICATES = ["allied_with", "rival_of", "part_of", "affiliated_with", "linked_to", "member_of", "split_from"]
PREDICATES += ["spokesperson_of", "leader_of"]
LITERALS = ["other armed groups", "foreign states"]


def _group(rng: random.Random, n: int) -> ClaimGroup:
    subject = rng.choice(ACTORS)
    literal = rng.choice(LITERALS) if rng.random() < 0.2 else None
    obj = None if literal else rng.choice(ACTORS)
    hedged = rng.random() < 0.2
    claim = StoredClaim(
        id=f"c{n}", document_id=f"d{n}", day=f"20{rng.randint(10, 20)}-01-01", publisher=None, origin_id=f"d{n}",
        subject=subject, subject_name=subject, predicate=rng.choice(PREDICATES), object=obj, object_name=obj,
        object_literal=literal, polarity=rng.choice(["affirmed", "denied"]), hedged=hedged, source=None,
        source_name=None, via=(), upstream=None, cue=None, evidence="", evidence_start=0, evidence_end=0,
        tense="past" if rng.random() < 0.15 else "present",
    )  # fmt: skip
    c = claim
    return ClaimGroup(c.subject, c.subject_name, c.predicate, c.object, c.object_name, c.object_literal,
                      c.polarity, [c], tense=c.tense)  # fmt: skip


def _found(groups: list[ClaimGroup]) -> set[tuple[str, frozenset[str]]]:
    return {(c.kind, frozenset(c.to_json()["claims"])) for c in find_store_conflicts(groups)}


@pytest.mark.parametrize("seed", range(5))
def test_candidate_pairs_find_every_conflict_comparing_all_pairs_finds(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    groups = [_group(rng, n) for n in range(300)]
    found = _found(groups)
    monkeypatch.setattr(conflicts, "_candidate_pairs", lambda statements: combinations(statements, 2))
    every = _found(groups)
    assert found == every
    assert {kind for kind, _ in every} == {"polarity", "blanket_denial", "exclusive"}
