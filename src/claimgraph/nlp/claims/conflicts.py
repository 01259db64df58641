"""Conflict rules between claims, shared by extraction and the store.

The rules work on ``Statement``s — a claim reduced to (subject key,
predicate, object key or literal, polarity) — so they do not care whether
the keys are one document's entity ids or the store's canonical actors:
``find_conflicts`` applies them within one extraction, and the store calls
``conflicts_between`` across documents with its own keys.

Three kinds (CONTRACT.md):

* ``polarity`` — one statement affirms what another denies (a denial of a
  looser link also contradicts a tighter one: denying any link to Y
  contradicts being part of Y);
* ``blanket_denial`` — a denial of a whole class ("unaffiliated with other
  Islamist groups") against an affirmed link to a specific actor by the same
  subject, under the same or a tighter predicate;
* ``exclusive`` — two different objects of a predicate one actor can hold
  only once (one parent it split from, one group it speaks for).

A relation stated as over (``tense`` "past": "the former affiliate") and one
stated as holding now never conflict: that is a change over time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from claimgraph.model import Claim, Conflict, ConflictKind
from claimgraph.predicates import IMPLIES, ONE_VALUED, SYMMETRIC_PREDICATES


@dataclass(slots=True, unsafe_hash=True)
class Statement:
    """A claim as the conflict rules see it; keys are whatever identifies actors to the caller; read-only by convention.

    Not ``frozen``: the store's conflict finder builds one per claim group
    of a dossier (hundreds for a busy actor), and a frozen dataclass sets
    each field through ``object.__setattr__``: 800 cost ~1.0 ms of CPU
    against ~0.3 ms for plain ones.  Hashed and compared by value, as a
    frozen one was.
    """

    id: str
    subject: str
    predicate: str
    object: str | None
    literal: str | None
    polarity: str
    hedged: bool = False
    tense: str = "present"  # "past": stated as over, so a present denial is a change, not a contradiction


def _asserts(affirmed: str, denied: str) -> bool:
    """Does affirming ``affirmed`` assert what denying ``denied`` rules out?"""
    return affirmed == denied or denied in IMPLIES.get(affirmed, frozenset())


def _same_pair(a: Statement, b: Statement) -> bool:
    if a.object is None or b.object is None:
        return a.object is None and b.object is None and a.subject == b.subject and _fold(a.literal) == _fold(b.literal)
    if a.subject == b.subject and a.object == b.object:
        return True
    symmetric = a.predicate in SYMMETRIC_PREDICATES and b.predicate in SYMMETRIC_PREDICATES
    return symmetric and a.subject == b.object and a.object == b.subject


def _fold(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _name(key: str | None, names: Mapping[str, str]) -> str:
    return names.get(key, key) if key is not None else "?"


def _words(predicate: str) -> str:
    return predicate.replace("_", " ")


def judge(a: Statement, b: Statement, names: Mapping[str, str] | None = None) -> tuple[ConflictKind, str] | None:
    """The conflict between two statements, if they cannot both hold, with a one-sentence explanation."""
    names = names or {}
    if (a.tense == "past") != (b.tense == "past"):
        return None  # "the former affiliate, now independent": a relation over time, not a contradiction
    if a.polarity != b.polarity:
        yes, no = (a, b) if a.polarity == "affirmed" else (b, a)
        subject = _name(yes.subject, names)
        if _same_pair(yes, no) and _asserts(yes.predicate, no.predicate):
            target = _name(yes.object, names) if yes.object is not None else repr(yes.literal)
            return "polarity", (
                f"{yes.id} affirms that {subject} is {_words(yes.predicate)} {target}, "
                f"but {no.id} denies that it is {_words(no.predicate)} {target}."
            )
        if (
            no.object is None
            and no.literal
            and yes.object is not None
            and yes.subject == no.subject
            and _asserts(yes.predicate, no.predicate)
        ):
            return "blanket_denial", (
                f"{yes.id} affirms that {subject} is {_words(yes.predicate)} {_name(yes.object, names)}, "
                f"but {no.id} denies that it is {_words(no.predicate)} {no.literal}."
            )
        return None
    if (
        a.polarity == "affirmed"
        and a.predicate == b.predicate
        and a.predicate in ONE_VALUED
        and a.subject == b.subject
        and a.object is not None
        and b.object is not None
        and a.object != b.object
        and not (a.hedged or b.hedged)
    ):
        return "exclusive", (
            f"{_name(a.subject, names)} can be {_words(a.predicate)} only one actor, "
            f"but {a.id} names {_name(a.object, names)} and {b.id} names {_name(b.object, names)}."
        )
    return None


def conflicts_between(statements: Iterable[Statement], names: Mapping[str, str] | None = None) -> list[Conflict]:
    """Every pair of ``statements`` that cannot both hold, compared only within one subject's statements.

    Statements are grouped by subject (and by object for symmetric
    predicates), so the pairwise comparison stays within small groups even
    over a whole store.
    """
    groups: dict[str, list[Statement]] = defaultdict(list)
    for s in statements:
        groups[s.subject].append(s)
        if s.predicate in SYMMETRIC_PREDICATES and s.object is not None and s.object != s.subject:
            groups[s.object].append(s)
    out: list[Conflict] = []
    seen: set[tuple[str, str]] = set()
    for group in groups.values():
        for a, b in combinations(group, 2):
            pair = (a.id, b.id) if a.id <= b.id else (b.id, a.id)
            if pair in seen or a.id == b.id:
                continue
            verdict = judge(a, b, names)
            if verdict is not None:
                seen.add(pair)
                out.append(Conflict(kind=verdict[0], claims=(a.id, b.id), explanation=verdict[1]))
    return out


def statement(claim: Claim) -> Statement:
    """A document claim as a ``Statement`` keyed by its entity ids."""
    return Statement(
        claim.id,
        claim.subject,
        claim.predicate,
        claim.object,
        claim.object_literal,
        claim.polarity,
        claim.hedged,
        claim.tense,
    )


def find_conflicts(claims: list[Claim], names: Mapping[str, str] | None = None) -> list[Conflict]:
    """Pairs of ``claims`` (one document's) that cannot both hold; ``names`` maps entity ids to names."""
    return conflicts_between((statement(c) for c in claims), names)
