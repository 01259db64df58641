"""The event vocabulary (lexicons/events.json), loaded once and checked before use.

Triggers are data, typed with the PLOVER categories and modes the file
itself lists.  A typo in a category or a mode, a mode that belongs to
another category, or one lemma given two readings would silently code events
wrongly, so loading refuses such a file with every problem named (a ``ModelError``:
the pipeline cannot be built from it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from claimgraph.errors import ModelError
from claimgraph.nlp.lexicon import load_json, word_sets

CASUALTY_KINDS = ("killed", "wounded", "kidnapped")


@dataclass(frozen=True, slots=True)
class Reading:
    """What a trigger word means: a PLOVER category and, where the word says it, a mode."""

    type: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class Modality:
    """Clause words that turn an event into the single PLOVER category it amounts to (manual, 2.3)."""

    future_aux: frozenset[str]
    intent_heads: frozenset[str]
    obligation_aux: frozenset[str]
    failure_heads: frozenset[str]
    conditions: frozenset[str]
    cooperative: frozenset[str]
    hostile: frozenset[str]
    hypothetical_aux: frozenset[str]
    content_of: frozenset[str]


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Triggers by (lemma, coarse part of speech), and the words event arguments are read with."""

    categories: dict[str, frozenset[str]]
    triggers: dict[tuple[str, str], Reading]
    modifiers: dict[str, dict[str, str]]
    casualties: dict[str, frozenset[str]]
    party_nouns: frozenset[str]
    place_preps: frozenset[str]
    target_preps: frozenset[str]
    light_verbs: frozenset[str]
    future_marks: frozenset[str]
    instruments: dict[str, str]
    modality: Modality
    object_retyping: dict[Reading, tuple[frozenset[str], Reading]]
    needs: dict[str, frozenset[str]]

    def reading(self, lemma: str, pos: str) -> Reading | None:
        return self.triggers.get((lemma, pos))


def validate(raw: dict[str, Any]) -> EventLexicon:
    """Build the lexicon from its JSON, or raise naming every inconsistency found."""
    problems: list[str] = []
    categories = {name: frozenset(modes) for name, modes in raw["categories"].items()}

    def check(kind: str, type_: str, mode: str | None) -> None:
        if type_ not in categories:
            problems.append(f"{kind}: unknown category {type_!r}")
        elif mode is not None and mode not in categories[type_]:
            problems.append(f"{kind}: {mode!r} is not a mode of {type_}")

    triggers: dict[tuple[str, str], Reading] = {}
    for entry in raw["triggers"]:
        reading = Reading(entry["type"], entry.get("mode"))
        check(f"trigger {entry['lemmas'][:3]}", reading.type, reading.mode)
        for lemma in entry["lemmas"]:
            for pos in entry["pos"]:
                known = triggers.get((lemma, pos))
                if known is not None and known != reading:
                    problems.append(
                        f"{lemma!r} ({pos}) is both {known.type}/{known.mode} and {reading.type}/{reading.mode}"
                    )
                triggers[lemma, pos] = reading
    for word, change in raw["modifiers"].items():
        check(f"modifier {word!r}", change.get("type", "ASSAULT"), change.get("mode"))
    for word, mode in raw["instruments"].items():
        check(f"instrument {word!r}", "FIGHT", mode)
    modal = word_sets(raw["modality"])
    for kind in ("cooperative", "hostile", "content_of"):
        for name in modal[kind] - set(categories):
            problems.append(f"modality {kind}: unknown category {name!r}")
    retyping: dict[Reading, tuple[frozenset[str], Reading]] = {}
    for rule in raw["object_retyping"]:
        before, after = Reading(*rule["from"]), Reading(*rule["to"])
        check("object retyping", before.type, before.mode)
        check("object retyping", after.type, after.mode)
        retyping[before] = (frozenset(rule["nouns"]), after)
    if set(raw["casualties"]) != set(CASUALTY_KINDS):
        problems.append(f"casualty kinds must be {CASUALTY_KINDS}, not {sorted(raw['casualties'])}")
    if problems:
        raise ModelError("event lexicon: " + "; ".join(problems))
    return EventLexicon(
        categories=categories,
        triggers=triggers,
        modifiers={word: dict(change) for word, change in raw["modifiers"].items()},
        casualties={kind: frozenset(words) for kind, words in raw["casualties"].items()},
        party_nouns=frozenset(raw["party_nouns"]),
        place_preps=frozenset(raw["place_preps"]),
        target_preps=frozenset(raw["target_preps"]),
        light_verbs=frozenset(raw["light_verbs"]),
        future_marks=frozenset(raw["future_marks"]),
        instruments=dict(raw["instruments"]),
        modality=Modality(**modal),
        object_retyping=retyping,
        needs=word_sets(raw["needs"]),
    )


@cache
def events() -> EventLexicon:
    """The shipped event lexicon."""
    return validate(load_json("events.json"))
