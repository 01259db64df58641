"""Conflicts across documents, with time.

The rules are extraction's own (``nlp.conflicts``: ``polarity``,
``blanket_denial``, ``exclusive``), applied to claim groups keyed by
canonical actors, so two articles naming an actor differently still
collide.  Time is then read from the documents' dates: when every dated
claim on one side precedes every dated claim on the other, the conflict is
reported as a *change* ("affirmed until 2014-11-24, denied since
2016-03-01") rather than hidden or flattened into a plain contradiction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import sqlalchemy as sa

from claimgraph.analyze.claims import ClaimGroup, group_claims, load_claims
from claimgraph.names import fold
from claimgraph.nlp.claims.conflicts import Statement, judge
from claimgraph.predicates import IMPLIES, ONE_VALUED, SYMMETRIC_PREDICATES


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
            "subject": _anchor(self.first, self.second).subject_name,
            "predicate": self.first.predicate,
            "claims": sorted(c.id for c in self.first.claims) + sorted(c.id for c in self.second.claims),
            "explanation": self.explanation,
        }
        if self.change:
            out["change"] = self.change
        return out


def _support(g: ClaimGroup) -> str:
    """How a side of a conflict is attested: "1 report (2014-11-24)", "3 reports (2014-11-24 to 2015-01-02)"."""
    docs = len({c.document_id for c in g.claims})
    days = g.days
    when = "undated" if not days else days[0] if days[0] == days[-1] else f"{days[0]} to {days[-1]}"
    return f"{docs} report{'s' if docs > 1 else ''} ({when})"


def _anchor(a: ClaimGroup, b: ClaimGroup) -> ClaimGroup:
    """The side whose subject the conflict is told about: a directed claim if there is one."""
    return b if a.predicate in SYMMETRIC_PREDICATES and b.predicate not in SYMMETRIC_PREDICATES else a


def _words(g: ClaimGroup, subject: str) -> str:
    """ "part of Dawn Coalition": the predicate and the far side of ``g`` as seen from actor ``subject``."""
    far = g.object_name if g.subject == subject or g.object is None else g.subject_name
    return f"{g.predicate.replace('_', ' ')} {far or g.object_literal}"


def _explain(kind: str, a: ClaimGroup, b: ClaimGroup) -> str:
    """One sentence naming both sides, how often and when each was reported."""
    anchor = _anchor(a, b)
    if kind == "exclusive":
        return f"{anchor.subject_name} can be {a.predicate.replace('_', ' ')} only one actor, but {_support(a)} name {a.object_name} and {_support(b)} name {b.object_name}"
    yes, no = (a, b) if a.polarity == "affirmed" else (b, a)
    subject = anchor.subject
    return f"{anchor.subject_name} is {_words(yes, subject)} according to {_support(yes)}, but {_words(no, subject)} is denied in {_support(no)}"


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


# Denied predicate → the predicates whose affirmation asserts it too (``IMPLIES`` read backwards).
_ASSERTING: dict[str, tuple[str, ...]] = {
    denied: tuple(sorted(p for p, implied in IMPLIES.items() if denied in implied))
    for denied in {d for implied in IMPLIES.values() for d in implied}
}


def _candidate_pairs(statements: list[Statement]) -> Iterator[tuple[Statement, Statement]]:
    """The pairs the rules could find in conflict, without comparing all of an actor's statements.

    A busy actor has thousands of claim groups; only these pairs can clash:
    statements on the same two actors (or the same literal), an object-less
    denial against the subject's affirmed ties under a predicate asserting
    what it denies, and two unhedged values of a one-valued predicate.  Ties
    and values are filed under subject, predicate and tense (a relation
    stated as over never clashes with one stated as holding), so the pairs
    grow with the conflicts, not with the actor's statements squared.
    """
    same_pair: dict[object, list[Statement]] = defaultdict(list)
    denials: dict[str, list[Statement]] = defaultdict(list)
    ties: dict[tuple[str, str, bool], list[tuple[int, Statement]]] = defaultdict(list)
    one_valued: dict[tuple[str, str, bool], list[Statement]] = defaultdict(list)
    for i, st in enumerate(statements):
        past = st.tense == "past"
        if st.object is not None:
            same_pair[frozenset((st.subject, st.object))].append(st)
        else:
            same_pair[(st.subject, fold(st.literal) if st.literal else "")].append(st)
        if st.polarity == "denied" and st.object is None and st.literal:
            denials[st.subject].append(st)
        if st.polarity == "affirmed" and st.object is not None:
            ties[(st.subject, st.predicate, past)].append((i, st))
            if st.predicate in ONE_VALUED and not st.hedged:
                one_valued[(st.subject, st.predicate, past)].append(st)
    for bucket in [*same_pair.values(), *one_valued.values()]:
        if len(bucket) > 1:  # most buckets hold one statement: no pair
            yield from combinations(bucket, 2)
    for subject, denied in denials.items():
        for no in denied:
            past = no.tense == "past"
            asserting = {no.predicate, *_ASSERTING.get(no.predicate, ())}
            for _, yes in sorted(tie for p in asserting for tie in ties.get((subject, p, past), [])):
                yield yes, no  # in the statements' order


def find_store_conflicts(groups: list[ClaimGroup]) -> list[StoreConflict]:
    """Every pair of groups that cannot both hold, ordered by subject and predicate."""
    ids = {f"<{i}>": g for i, g in enumerate(groups)}
    statements = []
    for key, g in ids.items():
        hedged = g.claims[0].hedged if len(g.claims) == 1 else all(c.hedged for c in g.claims)
        sides = [(g.subject, g.object, g.object_literal)]
        if g.predicate in SYMMETRIC_PREDICATES and g.object is not None:  # both ways, for the directed rules
            sides.append((g.object, g.subject, None))
        for subject, obj, literal in sides:
            statements.append(Statement(key, subject, g.predicate, obj, literal, g.polarity, hedged, g.tense))
    found = []
    seen: set[tuple[str, str]] = set()
    for x, y in _candidate_pairs(statements):
        pair = (x.id, y.id) if x.id < y.id else (y.id, x.id)
        if x.id == y.id or pair in seen or (verdict := judge(x, y)) is None:
            continue
        seen.add(pair)
        a, b = ids[x.id], ids[y.id]
        text = _explain(verdict[0], a, b)
        change = _change(a, b)
        if change:
            text += f"; a change over time: {change['from']} until {change['until']}, {change['to']} since {change['since']}"
        found.append(StoreConflict(verdict[0], a, b, text + ".", change))
    found.sort(key=lambda c: (_anchor(c.first, c.second).subject_name, c.first.predicate, c.explanation))
    return found


def store_conflicts(conn: sa.Connection) -> list[StoreConflict]:
    """Every conflict among all the store's claims."""
    return find_store_conflicts(group_claims(load_claims(conn)))
