"""US state short forms, on forms written for these tests."""

from __future__ import annotations

from claimgraph.nlp.entities.us_states import state_of


def test_short_forms_and_full_names_give_the_state() -> None:
    assert state_of("Ga.") == state_of("Georgia") == "Georgia"
    assert state_of("N.Y.") == "New York" and state_of("Calif.") == "California"


def test_other_words_and_other_cases_are_no_state() -> None:
    assert state_of("Ga") is None and state_of("ga.") is None and state_of("Syria") is None
