"""Candidate pairs by blocking on name keys: never all pairs.

Each name is filed under a few keys — its transliteration skeleton, its
gazetteer id (and the ids linked to it), its initials, and the skeleton of each distinctive word (of
each name part for a person, in every reading of a word written in another script; a group name
without a distinctive word under its words, country words as their country) —
within its kind of actor.  Only names sharing a key are compared.  A block
larger than ``WINDOW`` (a common word) is sorted by spelling skeleton (so
variants and the same name in another script sit together) and each
name is compared with its ``WINDOW`` neighbours only (sorted neighbourhood),
so the work per name stays bounded as the store grows: sorting makes the
whole n log n.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from claimgraph.names import acronym, tokens
from claimgraph.nlp.entities.gazetteer import shipped_gazetteer
from claimgraph.resolve.lexicon import GROUP_GENERIC, TRANSLATIONS
from claimgraph.resolve.match import Candidate, generic_key, word_key
from claimgraph.resolve.persons import part_keys

WINDOW = 12
_KIND = {"PERSON": "P", "PLACE": "L", "ARMED_GROUP": "G", "ORGANIZATION": "G", "MEDIA": "G"}


def is_acronym(c: Candidate) -> bool:
    """A name written as capitals only ("SDF", "I.S.")."""
    letters = c.name.replace(".", "")
    return letters.isupper() and " " not in letters


def _block_pairs(key: str, members: list[Candidate]) -> Iterator[tuple[Candidate, Candidate]]:
    """The pairs one block proposes: all of a small block, sorted neighbours in a large one.

    An initials block only pairs acronyms with full names: full names that
    merely share initials are no evidence of anything.
    """
    if len(members) > WINDOW:
        members.sort(key=lambda c: (word_key(c.name), c.fold, c.id))
    if ":a:" in key:
        full = [m for m in members if not is_acronym(m)][:WINDOW]
        yield from ((a, b) for a in members if is_acronym(a) for b in full)
        return
    for i, a in enumerate(members):
        for b in members[i + 1 : i + 1 + WINDOW]:
            yield a, b


def block_keys(c: Candidate) -> set[str]:
    """The blocks ``c`` is filed under."""
    kind = _KIND.get(c.type, c.type)
    keys = {f"{kind}:k:{word_key(c.name)}"}
    if c.gazetteer_id:
        keys.add(f"{kind}:g:{c.gazetteer_id}")
        entry = shipped_gazetteer().by_id.get(c.gazetteer_id)
        keys.update(f"{kind}:g:{other}" for other in (entry.same_as if entry else ()))
    if is_acronym(c):
        keys.add(f"{kind}:a:{c.name.replace('.', '')}")
    elif len(initials := acronym(c.name)) >= 2:
        keys.add(f"{kind}:a:{initials}")
    if c.type == "PERSON":
        keys.update(f"{kind}:t:{k}" for k in part_keys(c.name))
        return keys
    if (plain := generic_key(c.name)) is not None:
        keys.add(f"{kind}:w:{plain}")
    for word in tokens(c.name):
        word = TRANSLATIONS.get(word, word)
        skeleton = word_key(word)
        if word not in GROUP_GENERIC and len(skeleton) >= 2:
            keys.add(f"{kind}:t:{skeleton}")
    return keys


def candidate_pairs(candidates: Iterable[Candidate], pending: set[str]) -> Iterator[tuple[Candidate, Candidate]]:
    """Each pair sharing a block, once, where at least one name is in ``pending``."""
    blocks: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        for key in block_keys(c):
            blocks[key].append(c)
    seen: set[tuple[str, str]] = set()
    for key, members in blocks.items():
        for a, b in _block_pairs(key, members):
            if a.id == b.id or (a.id not in pending and b.id not in pending):
                continue
            pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
            if pair not in seen:
                seen.add(pair)
                yield a, b
