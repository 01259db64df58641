"""The predicates' facts, one validated table (``data/predicates.json``).

Every rule that depends on what a predicate *is* — which entity types it
joins, whether it reads both ways, what looser link it also asserts,
whether one actor holds it only once, whether a place takes it only as a
state, what FollowTheMoney and STIX call it — reads it from here, so the
facts cannot drift apart between extraction, conflicts and exports.  The
table is checked on load against the contract's closed set
(``model.PREDICATES``) and the entity types; a bad entry is a
``ConfigError`` naming the file and the key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from claimgraph.errors import ConfigError
from claimgraph.model import ENTITY_TYPES, PREDICATES, EntityType

TABLE = Path(__file__).resolve().parent / "data" / "predicates.json"
_FIELDS = {"subject", "object", "symmetric", "implies", "one_valued", "state_only", "ftm", "stix"}


@dataclass(frozen=True, slots=True)
class FtmLink:
    """The FollowTheMoney link schema an affirmed person → organisation claim becomes."""

    schema: str
    subject: str  # the property holding the claim's subject
    object: str  # the property holding its object


@dataclass(frozen=True, slots=True)
class PredicateFacts:
    """Everything claimgraph knows about one predicate."""

    name: str
    subject_types: frozenset[EntityType]
    object_types: frozenset[EntityType]  # empty: the object is a literal
    symmetric: bool
    implies: frozenset[str]  # looser predicates a claim with this one also asserts
    one_valued: bool  # an actor holds it towards one object only
    state_only: bool  # a place takes it only as a state (a city is not led or allied)
    ftm: FtmLink | None
    stix: str


def _fail(path: Path, key: str, message: str) -> ConfigError:
    return ConfigError(f"{path}: {key}: {message}")


def _types(path: Path, key: str, value: Any) -> frozenset[EntityType]:
    if not isinstance(value, list) or not all(v in ENTITY_TYPES for v in value):
        raise _fail(path, key, f"must be a list of entity types ({', '.join(ENTITY_TYPES)}), got {value!r}")
    return frozenset(value)


def _flag(path: Path, key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _fail(path, key, f"must be true or false, got {value!r}")
    return value


def _predicate(path: Path, name: str, entry: Any) -> PredicateFacts:
    if not isinstance(entry, dict) or set(entry) != _FIELDS:
        found = sorted(entry) if isinstance(entry, dict) else entry
        raise _fail(path, name, f"must have exactly the fields {', '.join(sorted(_FIELDS))}, got {found!r}")
    implies = entry["implies"]
    if not isinstance(implies, list) or not all(p in PREDICATES and p != name for p in implies):
        raise _fail(path, f"{name}.implies", f"must list other predicates of the contract, got {implies!r}")
    ftm = entry["ftm"]
    if ftm is not None and not (isinstance(ftm, list) and len(ftm) == 3 and all(isinstance(p, str) for p in ftm)):
        raise _fail(path, f"{name}.ftm", f"must be null or [schema, subject property, object property], got {ftm!r}")
    if not isinstance(entry["stix"], str) or not entry["stix"]:
        raise _fail(path, f"{name}.stix", f"must be a STIX relationship type, got {entry['stix']!r}")
    record = PredicateFacts(
        name=name,
        subject_types=_types(path, f"{name}.subject", entry["subject"]),
        object_types=_types(path, f"{name}.object", entry["object"]),
        symmetric=_flag(path, f"{name}.symmetric", entry["symmetric"]),
        implies=frozenset(implies),
        one_valued=_flag(path, f"{name}.one_valued", entry["one_valued"]),
        state_only=_flag(path, f"{name}.state_only", entry["state_only"]),
        ftm=FtmLink(*ftm) if ftm else None,
        stix=entry["stix"],
    )
    if record.symmetric and record.subject_types != record.object_types:
        raise _fail(path, f"{name}.symmetric", "a symmetric predicate takes the same types on both sides")
    if not record.subject_types:
        raise _fail(path, f"{name}.subject", "a predicate needs at least one subject type")
    return record


def load_table(path: Path = TABLE) -> dict[str, PredicateFacts]:
    """The table at ``path``, checked: one entry per contract predicate, each well formed."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot be read as JSON: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: must hold one object of predicates")
    entries = {k: v for k, v in raw.items() if not k.startswith("_")}
    unknown = sorted(set(entries) - set(PREDICATES))
    if unknown:
        raise _fail(path, unknown[0], "is not a predicate of the contract (model.PREDICATES)")
    missing = [p for p in PREDICATES if p not in entries]
    if missing:
        raise _fail(path, missing[0], "is a predicate of the contract with no entry")
    return {name: _predicate(path, name, entries[name]) for name in PREDICATES}


@cache
def table() -> dict[str, PredicateFacts]:
    """The shipped table, loaded once."""
    return load_table()


def facts(name: str) -> PredicateFacts:
    """The facts of predicate ``name``."""
    return table()[name]


def _where(test: str) -> frozenset[str]:
    return frozenset(p.name for p in table().values() if getattr(p, test))


SYMMETRIC_PREDICATES: frozenset[str] = _where("symmetric")
ONE_VALUED: frozenset[str] = _where("one_valued")
STATE_ONLY: frozenset[str] = _where("state_only")
IMPLIES: dict[str, frozenset[str]] = {p.name: p.implies for p in table().values() if p.implies}
