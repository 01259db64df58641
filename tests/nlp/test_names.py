"""Name folding and transliteration keys (shared with cross-document resolution)."""

from __future__ import annotations

import pytest

from claimgraph.names import acronym, fold, name_key, strip_title, title_before, tokens


def test_fold_is_the_scorers_comparison() -> None:
    assert fold("The Caucacus Soldier’s Group") == fold("caucacus  soldiers group")
    assert fold("Al-Qaida") == fold("alqaida")
    assert fold("Theodore Smith") == "theodore smith"  # only a whole leading "the" goes


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("al-Qaida", "Al Qaeda"),
        ("Jaysh al-Muhajireen wa al-Ansar", "Jaysh al-Muhajirin wal-Ansar"),
        ("Jaish al-Islam", "Jaysh al-Islam"),
        ("Jabhat al-Nusra", "Jabhat al-Nusrah"),
        ("Hay’at Tahrir al-Sham", "Hayat Tahrir al-Sham"),
    ],
)
def test_transliteration_variants_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_different_names_keep_different_keys() -> None:
    assert name_key("Jabhat Ansar al-Din") != name_key("Jaysh al-Muhajireen wa al-Ansar")
    assert name_key("Islamic State") != name_key("Islamic Army")


def test_tokens_and_acronym() -> None:
    assert tokens("Jaysh al-Muhajireen wa al-Ansar") == ["jaysh", "al", "muhajireen", "wa", "al", "ansar"]
    assert tokens("Erdoğan") == ["erdogan"]
    assert acronym("Syrian Democratic Forces") == "SDF"
    assert acronym("Syrian Network for Human Rights") == "SNHR"


def test_titles_are_stripped_from_a_name_and_read_before_one() -> None:
    assert strip_title("Major-General Nikolai Petrov") == "Nikolai Petrov"
    assert strip_title("Gov. Nora Quill") == "Nora Quill"
    assert strip_title("Marshall Quill") == "Marshall Quill"  # a given name, not a title
    text = "said Sen. Nora Quill, and the General Assembly"
    assert title_before(text, text.index("Nora")) == "Sen. "
    assert title_before(text, text.index("said")) is None
    assert title_before(text, text.index("Assembly")) == "General "  # a title word; callers ask only for people


def test_a_title_after_other_capitalised_words_is_still_the_title() -> None:
    text = "The talks ended in Saudi Arabia. Dr Hana Qassem said they failed."
    assert title_before(text, text.index("Hana")) == "Dr "
    text = "The talks ended in Saudi Arabia Hana Qassem said."
    assert title_before(text, text.index("Hana")) is None
