"""Candidate pairs by blocking on name keys: never all pairs.

Each name is filed under a few keys — its transliteration skeleton, its
gazetteer id, its initials, and the skeleton of each distinctive word —
within its kind of actor.  Only names sharing a key are compared.  A block
larger than ``WINDOW`` (a common word) is sorted by folded name and each
name is compared with its ``WINDOW`` neighbours only (sorted neighbourhood),
so the work per name stays bounded as the store grows: sorting makes the
whole n log n.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from claimgraph.nlp.names import acronym, tokens
from claimgraph.resolve.lexicon import GROUP_GENERIC, PERSON_GENERIC, TRANSLATIONS
from claimgraph.resolve.match import Candidate, word_key

WINDOW = 24
_KIND = {"PERSON": "P", "PLACE": "L", "ARMED_GROUP": "G", "ORGANIZATION": "G", "MEDIA": "G"}


def block_keys(c: Candidate) -> set[str]:
    """The blocks ``c`` is filed under."""
    kind = _KIND.get(c.type, c.type)
    keys = {f"{kind}:k:{word_key(c.name)}", f"{kind}:f:{c.fold}"}
    if c.gazetteer_id:
        keys.add(f"{kind}:g:{c.gazetteer_id}")
    letters = c.name.replace(".", "")
    if letters.isupper() and " " not in letters:
        keys.add(f"{kind}:a:{letters}")
    elif len(initials := acronym(c.name)) >= 2:
        keys.add(f"{kind}:a:{initials}")
    generic = PERSON_GENERIC if c.type == "PERSON" else GROUP_GENERIC
    for word in tokens(c.name):
        word = TRANSLATIONS.get(word, word)
        skeleton = word_key(word)
        if word not in generic and len(skeleton) >= 2:
            keys.add(f"{kind}:t:{skeleton}")
    return keys


def candidate_pairs(candidates: Iterable[Candidate], pending: set[str]) -> Iterator[tuple[Candidate, Candidate]]:
    """Each pair sharing a block, once, where at least one name is in ``pending``."""
    blocks: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        for key in block_keys(c):
            blocks[key].append(c)
    seen: set[tuple[str, str]] = set()
    for members in blocks.values():
        if len(members) > WINDOW:
            members.sort(key=lambda c: (c.fold, c.id))
        for i, a in enumerate(members):
            for b in members[i + 1 : i + 1 + WINDOW]:
                if a.id == b.id or (a.id not in pending and b.id not in pending):
                    continue
                pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if pair not in seen:
                    seen.add(pair)
                    yield a, b
