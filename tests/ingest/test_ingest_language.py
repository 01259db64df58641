"""document.language comes from the text, not a default."""

from __future__ import annotations

import pytest

from claimgraph.ingest.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The militia said on Tuesday that its fighters had withdrawn from the town.", "en"),
        ("Боевики заявили во вторник, что отошли от города.", "ru"),
        ("Бойовики заявили у вівторок, що відійшли від міста.", "uk"),
        ("قالت الجماعة إن مقاتليها انسحبوا من المدينة", "ar"),
        ("Le groupe armé a affirmé que ses combattants avaient quitté la ville.", "fr"),
        ("Die Miliz erklärte am Dienstag, dass sich ihre Kämpfer aus der Stadt zurückgezogen hätten.", "de"),
        ("12345 — 678", None),
    ],
)
def test_language_from_script_and_function_words(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_a_cp1251_russian_page_is_not_called_english(tmp_path) -> None:
    from claimgraph.ingest import read_paths
    from claimgraph.model import Document

    path = tmp_path / "ru.txt"
    path.write_bytes(
        "Представитель группировки заявил журналистам, что она не связана с другими отрядами.".encode("cp1251")
    )
    (doc,) = read_paths([path])
    assert isinstance(doc, Document) and doc.language == "ru"
