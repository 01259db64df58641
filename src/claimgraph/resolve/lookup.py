"""From a name the user types to the canonical actor.

A name is folded as the scorer folds it (GOLD.md) and looked up among every
name the store knows; an actor id is accepted as well, and a type narrows
the search.  A name written for several actors is taken for the one that
dominates by documents, saying so, and is otherwise refused with the
candidates listed.  A near spelling (the transliteration skeleton, a fuzzy
match) is never used silently: it is offered as "did you mean".
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from claimgraph.errors import NotFoundError
from claimgraph.names import fold, name_key
from claimgraph.store import schema as t

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor (``note``: how a lookup chose it, when it had to choose)."""

    id: str
    name: str
    type: str
    note: str | None = field(default=None, compare=False)


# One candidate is taken for a name written for several actors when it has this many times the documents.
DOMINANT = 5
_ACTOR_ID = re.compile(r"^a[0-9a-f]{31}$")


def _candidates(
    conn: sa.Connection, condition: sa.ColumnElement[bool], etype: str | None, counted: bool = True
) -> list[tuple[Actor, int]]:
    """Actors with a name meeting ``condition`` (of type ``etype`` when given), with the documents writing it.

    Counting reads a row for every document that wrote the name (tens of
    thousands for a busy actor); ``counted=False`` leaves the counts at 0,
    for a caller that needs them only to choose among several actors.
    """
    en = t.entity_names.c
    documents = sa.func.count(sa.distinct(en.document_id)) if counted else sa.literal(0)
    query = (
        _by_names(t.actors.c.id, t.actors.c.name, t.actors.c.type, documents)
        .where(condition)
        .group_by(t.actors.c.id, t.actors.c.name, t.actors.c.type)
    )
    if counted:
        query = query.outerjoin(t.entity_names, en.name_id == t.names.c.id)
    rows = conn.execute(_of_type(query, etype)).all()
    found = [(Actor(r[0], r[1], r[2]), int(r[3])) for r in rows]
    return sorted(found, key=lambda x: (-x[1], x[0].name, x[0].id))


def _by_names(*columns: sa.ColumnElement[Any]) -> sa.Select[Any]:
    """``columns`` of actors joined to each of their names."""
    return (
        sa.select(*columns)
        .join(t.canonical, t.canonical.c.actor_id == t.actors.c.id)
        .join(t.names, t.names.c.id == t.canonical.c.name_id)
    )


def _of_type(query: sa.Select[Any], etype: str | None) -> sa.Select[Any]:
    """``query`` (joining ``actors`` and ``names``) kept to actors or names of type ``etype``, when given."""
    return query if etype is None else query.where(sa.or_(t.actors.c.type == etype, t.names.c.type == etype))


def named_actors(name: str, etype: str | None = None) -> sa.Select[Any] | None:
    """The ids of the actors ``find_actor`` takes ``name`` for when there is just one: none for an actor's id.

    ``find_actor`` takes a name written for one actor (of type ``etype``)
    without weighing documents; a caller that reads more about the actor
    can ask for it in the same statement (``dossier``), and calls
    ``find_actor`` only when these are not exactly one.
    """
    if _ACTOR_ID.match(name):
        return None
    query = _by_names(t.actors.c.id).where(t.names.c.fold == fold(name))
    return _of_type(query, etype.upper() if etype else None).distinct()


def _listing(found: list[tuple[Actor, int]]) -> list[str]:
    return [f"{a.name} ({a.type}, {a.id}, {n} document{'s' * (n != 1)})" for a, n in found]


def _near(conn: sa.Connection, name: str, etype: str | None) -> list[tuple[Actor, int]]:
    """Actors whose names are near ``name``: the same spelling skeleton, or a close spelling.

    Only a name that is not known exactly gets here, so fuzzy matching is imported here, not at every start.
    """
    from rapidfuzz import fuzz, process

    found = _candidates(conn, t.names.c.key == name_key(name), etype) if name_key(name) else []
    if not found:
        folds = conn.execute(sa.select(t.names.c.fold).distinct()).scalars().all()
        close = [m[0] for m in process.extract(fold(name), folds, scorer=fuzz.WRatio, limit=5, score_cutoff=86)]
        found = _candidates(conn, t.names.c.fold.in_(close), etype) if close else []
    found.sort(key=lambda x: -fuzz.WRatio(fold(name), fold(x[0].name)))
    return found[:5]


def _listed(conn: sa.Connection, name: str, etype: str | None) -> list[tuple[Actor, int]]:
    """Actors carrying the gazetteer entry (or an entry linked to it) that lists ``name`` word for word."""
    from claimgraph.nlp.entities.gazetteer import shipped_gazetteer

    entry = shipped_gazetteer().lookup(name, allow_guarded=True)
    if entry is None or not any(fold(form) == fold(name) for form, _ in entry.forms()):
        return []
    return _candidates(conn, t.names.c.gazetteer_id.in_(sorted({entry.id, *entry.same_as})), etype)


def find_actor(conn: sa.Connection, name: str, etype: str | None = None) -> Actor:
    """The actor ``name`` (any of its names, or its id) resolves to, of type ``etype`` when given.

    A name written for several actors picks the one with ``DOMINANT`` times
    the documents of the next and says so (``Actor.note``, a warning);
    otherwise it is refused with the candidates listed.  A name no document
    wrote but the gazetteer lists word for word for an entry one actor
    carries reaches that actor, saying so.  A name known only
    by a near spelling is never used: ``NotFoundError`` offers the near
    names as "did you mean".  The type is read in any case ("person").
    """
    etype = etype.upper() if etype else None
    if _ACTOR_ID.match(name):
        row = conn.execute(
            sa.select(t.actors.c.id, t.actors.c.name, t.actors.c.type).where(t.actors.c.id == name)
        ).first()
        if row is not None:
            return Actor(row.id, row.name, row.type)
    named = t.names.c.fold == fold(name)
    found = _candidates(conn, named, etype, counted=False)
    if len(found) == 1:  # the usual case: no other actor to weigh it against
        return found[0][0]
    if found:
        found = _candidates(conn, named, etype)
    kind = f" as {etype}" if etype else ""
    if not found:
        found = _listed(conn, name, etype)
        if len(found) == 1:
            actor = found[0][0]
            note = f"{name!r} is not written in any stored document; the gazetteer lists it as a name of {actor.name}"
            log.warning(note)
            return Actor(actor.id, actor.name, actor.type, note)
    if not found:
        near = _near(conn, name, etype)
        if near:
            raise NotFoundError(f"no actor is known as {name!r}{kind}; did you mean:", _listing(near))
        raise NotFoundError(f"no actor is known as {name!r}{kind}")
    (top, most), (_, next_most) = found[0], found[1]
    if most >= DOMINANT * max(next_most, 1):
        note = (
            f"{name!r} names {len(found)} actors; taking {top.name} ({top.type}, {top.id}): "
            f"{most} documents against {next_most} (--type or an actor id chooses another)"
        )
        log.warning(note)
        return Actor(top.id, top.name, top.type, note)
    raise NotFoundError(
        f"{name!r} is ambiguous: it names {len(found)} actors (give --type or an actor id)", _listing(found)
    )


def actor_name_ids(conn: sa.Connection, actor: Actor, name: str | None = None) -> list[str]:
    """The actor's name ids (only those folding like ``name`` when given)."""
    query = sa.select(t.canonical.c.name_id).where(t.canonical.c.actor_id == actor.id)
    if name is not None:
        query = query.join(t.names, t.names.c.id == t.canonical.c.name_id).where(t.names.c.fold == fold(name))
    return list(conn.execute(query.order_by(t.canonical.c.name_id)).scalars())


def typed_name_ids(conn: sa.Connection, typed: str, etype: str | None = None) -> list[str]:
    """The name ids a user's ``typed`` name stands for: its own names in its actor, or all of an actor given by id."""
    actor = find_actor(conn, typed, etype)
    return actor_name_ids(conn, actor, typed) or actor_name_ids(conn, actor)
