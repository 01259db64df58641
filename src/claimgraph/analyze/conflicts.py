"""Conflicts across documents, with time.

The rules are the contract's three (``polarity``, ``blanket_denial``,
``exclusive``), applied to claim groups on canonical actors so that two
articles naming an actor differently still collide.  Time is then read
from the documents' dates: when every dated claim on one side precedes
every dated claim on the other, the conflict is reported as a *change*
("affirmed until 2014-11-24, denied from 2016-03-01") rather than hidden
or flattened into a plain contradiction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from claimgraph.analyze.claims import ClaimGroup

# A denial with no specific object covers the predicate itself, and a denial
# of any link or affiliation covers every kind of tie to another actor.
_LINKS = frozenset({"affiliated_with", "part_of", "linked_to", "pledged_allegiance_to", "allied_with", "member_of"})
_BLANKET_COVERS = {"linked_to": _LINKS, "affiliated_with": _LINKS}
# Predicates with one value at a time for a subject.
EXCLUSIVE = frozenset({"pledged_allegiance_to", "spokesperson_of"})


@dataclass(frozen=True, slots=True)
class StoreConflict:
    """Two claim groups that cannot both hold (at the same time)."""

    kind: str
    first: ClaimGroup
    second: ClaimGroup
    explanation: str
    change: dict[str, str] | None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "subject": self.first.subject_name,
            "predicate": self.first.predicate,
            "claims": sorted(c.id for c in self.first.claims) + sorted(c.id for c in self.second.claims),
            "explanation": self.explanation,
        }
        if self.change:
            out["change"] = self.change
        return out


def _said(g: ClaimGroup) -> str:
    target = g.object_name or g.object_literal or "something unnamed"
    verb = "affirmed" if g.polarity == "affirmed" else "denied"
    docs = len({c.document_id for c in g.claims})
    span = f" ({g.days[0]}…{g.days[-1]})" if g.days else ""
    return f"{g.subject_name} {g.predicate.replace('_', ' ')} {target} is {verb} in {docs} document(s){span}"


def _change(a: ClaimGroup, b: ClaimGroup) -> dict[str, str] | None:
    """The change from the earlier side to the later one, when the dates order them."""
    if not (a.days and b.days):
        return None
    if a.days[-1] < b.days[0]:
        earlier, later = a, b
    elif b.days[-1] < a.days[0]:
        earlier, later = b, a
    else:
        return None
    return {
        "from": f"{earlier.polarity} {earlier.object_name or earlier.object_literal or ''}".strip(),
        "until": earlier.days[-1],
        "to": f"{later.polarity} {later.object_name or later.object_literal or ''}".strip(),
        "since": later.days[0],
    }


def _conflict(kind: str, a: ClaimGroup, b: ClaimGroup, why: str) -> StoreConflict:
    change = _change(a, b)
    text = f"{_said(a)}, but {_said(b)}: {why}"
    if change:
        text += f"; a change: {change['from']} until {change['until']}, {change['to']} since {change['since']}"
    return StoreConflict(kind, a, b, text + ".", change)


def find_store_conflicts(groups: list[ClaimGroup]) -> list[StoreConflict]:
    """Every pair of groups that cannot both hold, ordered by subject and predicate."""
    by_subject: dict[str, list[ClaimGroup]] = defaultdict(list)
    for g in groups:
        by_subject[g.subject].append(g)
    found = []
    for subject in sorted(by_subject):
        same = by_subject[subject]
        affirmed = [g for g in same if g.polarity == "affirmed"]
        denied = [g for g in same if g.polarity == "denied"]
        for d in denied:
            for a in affirmed:
                if (
                    a.predicate == d.predicate
                    and a.object == d.object
                    and (a.object_literal or "") == (d.object_literal or "")
                ):
                    found.append(_conflict("polarity", a, d, "the same claim with opposite polarity"))
                elif (
                    d.object is None
                    and a.object is not None
                    and a.predicate in _BLANKET_COVERS.get(d.predicate, {d.predicate})
                ):
                    found.append(_conflict("blanket_denial", a, d, "a specific tie against a denial of any such tie"))
        for i, a in enumerate(affirmed):
            for b in affirmed[i + 1 :]:
                if (
                    a.predicate == b.predicate
                    and a.predicate in EXCLUSIVE
                    and a.object
                    and b.object
                    and a.object != b.object
                ):
                    found.append(
                        _conflict("exclusive", a, b, f"{a.predicate.replace('_', ' ')} has one value at a time")
                    )
    return found
