"""Name nodes: the units resolution judges, one per (type, folded name).

An actor is known by names, and two documents that write the same name for
the same kind of actor almost always mean the same one, so resolution works
on distinct names rather than on every per-document entity (far fewer
nodes; a judgement about "SDF" covers every article that says "SDF").

The exception is a person's short form: "Salhani" in one article and
"Salhani" in another may be two people, so a person alias made only of
words from the entity's full name is *scoped* to its document and cannot
join two articles' actors by itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from claimgraph.names import fold, name_key, tokens, visible


@dataclass(frozen=True, slots=True)
class NameNode:
    """A name as resolution sees it."""

    id: str
    name: str
    fold: str
    type: str
    key: str
    scope: str | None = None


def digest(*parts: str | None) -> str:
    """A short, stable content hash of ``parts`` (the store's statement ids)."""
    text = "\x1f".join("" if p is None else p for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def name_node(surface: str, etype: str, scope: str | None = None) -> NameNode:
    """The node for ``surface`` as an actor of type ``etype`` (``scope``: a document id or None)."""
    folded = fold(surface)
    return NameNode(
        id="n" + digest(etype, folded, scope)[:31],
        name=visible(surface),  # as the reader sees it: no zero-width or bidi characters
        fold=folded,
        type=etype,
        key=name_key(surface),
        scope=scope,
    )


def alias_scope(alias: str, full_name: str, etype: str, document_id: str) -> str | None:
    """``document_id`` when ``alias`` is a person's short form of ``full_name``, else None."""
    if etype != "PERSON":
        return None
    alias_tokens, full_tokens = set(tokens(alias)), set(tokens(full_name))
    return document_id if alias_tokens and alias_tokens < full_tokens else None
