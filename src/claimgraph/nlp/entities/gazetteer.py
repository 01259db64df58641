"""The armed-group gazetteer (UN consolidated list + Phoenix) as span patterns.

The data is built by ``scripts/build_gazetteer.py`` into
``claimgraph/data/gazetteer.json``.  Dictionary matching is famous for false
positives from short aliases ("ISI", "The Base", "Islamic Army"), so a form
is used in one of two ways:

* **unguarded** forms (long, distinctive, multiword) are matched anywhere
  by a ``PhraseMatcher`` on ``LOWER`` (so "AL-QAIDA", "Al-Qaida" and
  "al-Qaida" all match), as long as the text writes them as a name: every
  word but the Arabic and English particles capitalised;
* **guarded** forms (≤ 3 letters, single words, common words only) never
  create a span: they only give an id and a type to a span some other
  component already found as a name (``lookup``), with the exact case for
  acronyms of three letters or fewer.

The component ``claimgraph_gazetteer_v1`` (``gazetteer_matcher``) adds the
unguarded matches to ``doc.ents`` with the entry's type as label and its id
as ``kb_id``.  The entries live here, apart from spaCy, because resolution
and name look-ups read them too: a ``claimgraph show`` must not pay for
importing spaCy.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz

from claimgraph.model import EntityType
from claimgraph.names import fold, name_key


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One listed actor: an id such as ``un:QDe.004``, its type and every spelling."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    guarded: frozenset[str]
    same_as: frozenset[str] = frozenset()  # ids of the other source's entries for the same actor

    def forms(self) -> Iterator[tuple[str, bool]]:
        """Every spelling with whether it is guarded."""
        for form in (self.name, *self.aliases):
            yield form, form in self.guarded


class Gazetteer:
    """Entries indexed by folded form and by transliteration key."""

    def __init__(self, entries: list[GazetteerEntry]) -> None:
        self.entries = entries
        self.by_id = {e.id: e for e in entries}
        self._by_fold: dict[str, tuple[GazetteerEntry, str, bool]] = {}
        self._by_key: dict[str, list[tuple[GazetteerEntry, str]]] = {}
        for entry in entries:
            for form, guarded in entry.forms():
                self._by_fold.setdefault(fold(form), (entry, form, guarded))
                if not guarded and len(form.split()) > 1:
                    self._by_key.setdefault(name_key(form), []).append((entry, form))

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """The shipped gazetteer, or the one at ``path``."""
        if path is None:
            text = resources.files("claimgraph").joinpath("data", "gazetteer.json").read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        return cls(
            [
                GazetteerEntry(
                    e["id"],
                    e["name"],
                    e["type"],
                    tuple(e["aliases"]),
                    frozenset(e["guarded"]),
                    frozenset(e.get("same_as", ())),
                )
                for e in json.loads(text)["entries"]
            ]
        )

    def linked(self, a: str, b: str) -> bool:
        """Whether entries ``a`` and ``b`` of two sources are the same actor (the build links them)."""
        entry = self.by_id.get(a)
        return entry is not None and b in entry.same_as

    def unguarded_forms(self) -> Iterator[tuple[str, GazetteerEntry]]:
        for entry in self.entries:
            for form, guarded in entry.forms():
                if not guarded:
                    yield form, entry

    def lookup(self, text: str, *, allow_guarded: bool) -> GazetteerEntry | None:
        """The entry a found name belongs to: exact fold, then a confirmed transliteration key.

        Guarded forms count only when ``allow_guarded`` (the caller vouches the
        span is a name) and, for forms of three letters or fewer, only in the
        listed case ("IMU" yes, "imu" no).
        """
        hit = self._by_fold.get(fold(text))
        if hit is not None:
            entry, form, guarded = hit
            if not guarded:
                return entry
            if allow_guarded and (len(form) > 3 or text == form):
                return entry
            return None
        if len(text.split()) < 2:
            return None
        for entry, form in self._by_key.get(name_key(text), ()):
            if fuzz.ratio(fold(text), fold(form)) >= 80:
                return entry
        return None


@cache
def shipped_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return Gazetteer.load()
