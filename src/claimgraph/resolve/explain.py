"""Why an actor's names are one: the path of judgements that ties each name to it.

``explain`` answers with each name's path through the actor's strongest
tree of evidence (``links``), strongest path first, so an analyst reads the
one chain that holds a name, not every pair anyone ever judged; the hand
splits that touch the actor's names follow, and every stored judgement on
them stays in ``judgements`` for the record, a hand judgement that no
longer counts marked ``superseded`` (a later hand judgement on its pair, or
a hand merge a later split set aside: no path goes through it).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa

from claimgraph.model import Judgement
from claimgraph.resolve.links import NamePath, hand_set_aside, name_paths
from claimgraph.resolve.lookup import actor_name_ids, find_actor
from claimgraph.store import schema as t

DOCUMENT_ID = re.compile(r"sha256:[0-9a-f]{64}")  # how a judgement's reason cites a document


@dataclass(frozen=True, slots=True)
class JudgementLine:
    """One stored judgement touching an actor's names, with the names spelled out."""

    left: str
    right: str
    judgement: str
    by_hand: bool
    score: float
    reason: str
    created_at: str
    joins: bool  # both names belong to the actor
    superseded: bool = (
        False  # a hand judgement that no longer counts: a later one on the pair, or a merge a split set aside
    )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why an actor's names are one (``claimgraph explain``)."""

    id: str
    name: str
    type: str
    names: list[str]
    judgements: list[JudgementLine]
    paths: list[NamePath] = field(default_factory=list)  # each name's chain of links, strongest first
    note: str | None = None  # how the name was taken for this actor, when the lookup had to choose
    documents: dict[str, str] = field(default_factory=dict)  # id of a document a reason cites → its title, date

    def cite(self, reason: str) -> str:
        """``reason`` with each document id it cites replaced by the document's title and date, for a reader."""
        return DOCUMENT_ID.sub(lambda m: self.documents.get(m.group(0), m.group(0)), reason)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "names": list(self.names),
            "judgements": [j.to_json() for j in self.judgements],
            "paths": [p.to_json() for p in self.paths],
            "note": self.note,
        }


def explain(conn: sa.Connection, name: str, etype: str | None = None) -> Explanation:
    """The actor ``name`` resolves to, each name's path of judgements to it, and every judgement on them."""
    actor = find_actor(conn, name, etype)
    name_ids = actor_name_ids(conn, actor)
    main = _main_name(conn, actor.name, actor.type, name_ids)
    label: dict[str, str] = dict(
        conn.execute(sa.select(t.names.c.id, t.names.c.name).where(t.names.c.id.in_(name_ids))).all()
    )
    j = t.judgements.c
    rows = conn.execute(
        sa.select(t.judgements).where(sa.or_(j.left_id.in_(name_ids), j.right_id.in_(name_ids))).order_by(j.id)
    ).all()
    others = {r.left_id for r in rows} | {r.right_id for r in rows}
    label.update(conn.execute(sa.select(t.names.c.id, t.names.c.name).where(t.names.c.id.in_(sorted(others)))).all())
    latest = {_pair(r.left_id, r.right_id): r.id for r in rows if r.by_hand}  # rows are in the order made
    aside = hand_set_aside(conn)
    lines = [
        JudgementLine(
            label.get(r.left_id, r.left_id),
            label.get(r.right_id, r.right_id),
            r.judgement,
            bool(r.by_hand),
            r.score,
            r.reason,
            r.created_at,
            r.left_id in name_ids and r.right_id in name_ids,
            bool(r.by_hand)
            and (
                latest[_pair(r.left_id, r.right_id)] != r.id
                or (r.judgement == Judgement.POSITIVE and _pair(r.left_id, r.right_id) in aside)
            ),
        )
        for r in rows
    ]
    paths = name_paths(conn, main, name_ids)
    reasons = [j.reason for j in lines] + [r for p in paths for s in p.steps for r in s.reasons]
    documents = _titles(conn, {m for r in reasons for m in DOCUMENT_ID.findall(r or "")})
    names = sorted(label[n] for n in name_ids)
    return Explanation(actor.id, actor.name, actor.type, names, lines, paths, actor.note, documents)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _titles(conn: sa.Connection, document_ids: set[str]) -> dict[str, str]:
    """Document id → “title” (day), as a reader knows a document; an untitled one by its path."""
    d = t.documents.c
    rows = conn.execute(sa.select(d.id, d.title, d.source_path, d.day).where(d.id.in_(sorted(document_ids)))).all()
    return {r.id: f"“{r.title or r.source_path}” ({r.day or 'undated'})" for r in rows}


def _main_name(conn: sa.Connection, name: str, etype: str, name_ids: list[str]) -> str:
    """The name node the actor is shown under (its name and type), where every path starts."""
    n = t.names.c
    rows = conn.execute(sa.select(n.id, n.name, n.type).where(n.id.in_(name_ids)).order_by(n.id)).all()
    return next(
        (r.id for r in rows if r.name == name and r.type == etype),
        next((r.id for r in rows if r.name == name), name_ids[0]),
    )
