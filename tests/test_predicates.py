"""The predicate table: one entry per contract predicate, checked on load."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claimgraph import predicates
from claimgraph.errors import ConfigError
from claimgraph.model import ENTITY_TYPES, PREDICATES

CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "spec" / "CONTRACT.md"


def test_the_table_holds_the_contracts_predicate_set() -> None:
    assert list(predicates.table()) == list(PREDICATES)
    if not CONTRACT.is_file():
        pytest.skip("../shared/spec/CONTRACT.md is not beside this checkout")
    section = CONTRACT.read_text(encoding="utf-8").split("### Predicates (closed set)")[1].split("\n#")[0]
    assert set(re.findall(r"^\| `(\w+)` \|", section, flags=re.M)) == set(predicates.table())


def test_derived_sets_follow_the_entries() -> None:
    table = predicates.table()
    assert {p for p, f in table.items() if f.symmetric} == predicates.SYMMETRIC_PREDICATES
    assert all(table[p].one_valued for p in predicates.ONE_VALUED)
    assert all(set(table[p].implies) == set(predicates.IMPLIES.get(p, ())) for p in table)
    for name, facts in table.items():
        assert facts.subject_types <= set(ENTITY_TYPES) and facts.object_types <= set(ENTITY_TYPES)
        if facts.symmetric:
            assert facts.subject_types == facts.object_types, name
    assert not table["designated_as"].object_types  # its object is a literal


def _write(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    raw = json.loads(predicates.TABLE.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "predicates.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda t: t.pop("rival_of"), "rival_of"),
        (lambda t: t.update(likes=t["rival_of"]), "likes"),
        (lambda t: t["based_in"].update(object=["TOWN"]), "based_in.object"),
        (lambda t: t["part_of"].update(implies=["friend_of"]), "part_of.implies"),
        (lambda t: t["split_from"].update(one_valued="yes"), "split_from.one_valued"),
        (lambda t: t["linked_to"].update(subject=["PERSON"]), "linked_to.symmetric"),
        (lambda t: t["member_of"].update(ftm=["Membership"]), "member_of.ftm"),
        (lambda t: t["works_for"].pop("stix"), "works_for"),
    ],
)
def test_a_bad_entry_names_the_file_and_the_key(tmp_path: Path, change, key: str) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, change)
    with pytest.raises(ConfigError, match=re.escape(f"{path}: {key}:")):
        predicates.load_table(path)


def test_a_table_that_is_not_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "predicates.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(str(path))):
        predicates.load_table(path)
