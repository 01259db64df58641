"""Lone surnames of people the document names in full are mentions of those people."""

from __future__ import annotations

import pytest
from entity_helpers import by_name, entities, pipeline

pytestmark = pytest.mark.slow


def test_a_lone_surname_is_the_person_named_in_full() -> None:
    text = (
        "The trade envoy, Alice Waters, visited Erbil on Monday. "
        "Waters pulled out of the talks a day later, and officials said Britain's Waters would return."
    )
    person = by_name(entities(text), "Alice Waters")
    assert person.type == "PERSON"
    assert [m.text for m in person.mentions].count("Waters") == 2


def test_a_surname_inside_a_longer_name_is_left_to_that_name() -> None:
    text = "Maria Lopez spoke to reporters. The Lopez Ortega Foundation declined to comment."
    person = by_name(entities(text), "Maria Lopez")
    start = text.index("Lopez Ortega")
    assert all(m.start != start for m in person.mentions)


def test_the_component_runs_last() -> None:
    assert pipeline().pipe_names[-1] == "claimgraph_surnames_v1"
