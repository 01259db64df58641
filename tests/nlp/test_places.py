"""The place gazetteer and the context rules that make names places, on sentences written for these tests."""

from __future__ import annotations

import pytest
from entity_helpers import by_name, entities, pipeline
from spacy.tokens import Span

from claimgraph.nlp.components.truecase import restore, truecase
from claimgraph.nlp.entities.countries import capital_of
from claimgraph.nlp.entities.place_gazetteer import lookup_place
from claimgraph.nlp.entities.places import _place_noun_phrase, is_known_place, unseen_name
from claimgraph.nlp.entities.type_corrector import candidates


def test_lookup_finds_a_town_by_a_news_spelling_with_where_it_is() -> None:
    place = lookup_place("Khan Sheikhoun")[0]  # GeoNames writes Khān Shaykhūn
    assert place.kind == "city" and place.country == "Syria" and place.country_code == "SY"
    assert place.id.isdigit() and place.lat is not None and 35 < place.lat < 36 and place.lon is not None


def test_lookup_ignores_a_leading_arabic_article_and_reaches_regions() -> None:
    assert lookup_place("al-Tabqa")[0].id == lookup_place("Tabqa")[0].id
    anbar = lookup_place("Anbar")[0]
    assert anbar.kind == "admin1" and anbar.country == "Iraq"


def test_countries_come_before_towns_of_the_same_name() -> None:
    found = lookup_place("Jordan")
    assert found[0].kind == "country" and any(p.kind == "city" for p in found[1:])


def test_unknown_names_and_translations_are_not_places() -> None:
    assert lookup_place("Zzyzxqwv") == []
    assert not is_known_place("White House")  # a translation of Casablanca's name, not one of its spellings
    assert not is_known_place("UN")  # the capitals of an acronym, not the town of Un


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Rebels shelled government positions near Khan Sheikhoun on Tuesday.", "Khan Sheikhoun"),
        ("Thousands of families still live in al-Hawl, the officials said.", "al-Hawl"),
        ("Clashes broke out again in Deir ez-Zor province overnight.", "Deir ez-Zor"),
        ("The convoy was hit outside Tal Abyad before dawn.", "Tal Abyad"),
        # placed by another place: "near", "outside" or "north of" hung on the name itself
        ("Rebels seized Hawarat near Hama on Friday.", "Hawarat"),
        ("The area between Sabkhat near Raqqa and the river fell.", "Sabkhat"),
        ("Government troops retook Umm Sarab, north of Hama.", "Umm Sarab"),
        # a place noun apposed to the name says what it is
        ("Rebels took Hawarat, a village in the north, on Friday.", "Hawarat"),
        ("The strike on Zawr Sultan, a small village near the border, killed six.", "Zawr Sultan"),
        ("Marzaf, a Christian village, was emptied.", "Marzaf"),
        # a transliteration with an apostrophe is a capitalised name too
        ("Shells fell on the village of Ta'arin overnight, residents said.", "Ta'arin"),
        # a lower-case compass word before the name narrows a region
        ("Drought hit the southern Hauran hardest.", "Hauran"),
        ("Thousands fled northern Zawrat as the fighting spread.", "Zawrat"),
        # what is shelled, besieged or overrun is a place
        ("Rebels besieged Tarshiha for a month before the army recaptured Ain Tarma.", "Tarshiha"),
        ("Jets bombed Hazano overnight, and Darat Izza was shelled again on Friday.", "Darat Izza"),
    ],
)
def test_a_name_in_a_place_context_is_a_place(sentence: str, place: str) -> None:
    assert by_name(entities(sentence), place).type == "PLACE"


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    ["Reporters met Daniel Okafor near Lagos on Monday.", "The envoy Daniel Okafor near the border said little."],
)
def test_a_person_near_a_place_stays_a_person(sentence: str) -> None:
    assert by_name(entities(sentence), "Daniel Okafor").type == "PERSON"


@pytest.mark.slow
def test_a_person_beside_a_place_noun_that_is_not_the_appositions_head_stays_a_person() -> None:
    assert by_name(entities("Ahmed Darwish, a village elder, said six died."), "Ahmed Darwish").type == "PERSON"
    assert by_name(entities("They met Ahmed Darwish, the village elder, on Friday."), "Ahmed Darwish").type == "PERSON"


@pytest.mark.slow
def test_a_people_after_a_compass_word_is_no_place() -> None:
    assert all(e.type != "PLACE" for e in entities("The southern Baptists met in Nashville.") if "Baptist" in e.name)


@pytest.mark.slow
def test_a_run_of_countries_without_commas_is_split() -> None:
    found = entities("Delegations from Jordan Egypt Qatar arrived on Monday.")
    assert all(by_name(found, c).type == "PLACE" for c in ("Jordan", "Egypt", "Qatar"))


@pytest.mark.slow
def test_a_person_named_in_full_is_not_made_a_place() -> None:
    found = entities("Senator Rupert Kilby spoke on Monday. Aides said Kilby would travel to Kilby next week.")
    assert by_name(found, "Rupert Kilby").type == "PERSON"
    assert all(e.type != "PLACE" for e in found if "Kilby" in e.name)


@pytest.mark.slow
def test_a_facility_keeps_its_noun_and_is_also_named_without_it() -> None:
    found = entities("Families were moved to al-Qaraz camp in May. Conditions in al-Qaraz are harsh, aid workers said.")
    camp = by_name(found, "al-Qaraz camp")
    assert camp.type == "PLACE" and "al-Qaraz" in camp.aliases
    field = by_name(entities("The militants attacked the Homs gas field east of Palmyra."), "Homs gas field")
    assert field.type == "PLACE"


@pytest.mark.slow
def test_a_regions_noun_is_not_part_of_its_name() -> None:
    assert by_name(entities("Shelling continued in Idlib province on Friday."), "Idlib").name == "Idlib"


def test_a_capital_names_its_country_and_a_city_state_is_no_capital_of_another() -> None:
    assert capital_of("Lisbon") == "Portugal"
    assert capital_of("Lisbon’s") == "Portugal"
    assert capital_of("Singapore") is None  # the country itself
    assert capital_of("Porto") is None


def test_a_place_the_context_vouches_for_is_left_to_the_rules() -> None:
    nlp = pipeline()
    doc = nlp.make_doc("An airstrike hit the village of Tell Qarmoush on Monday.")
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "ner":  # as a model that misreads it does: a person
            doc.ents = [Span(doc, 6, 8, label="PERSON")]
        if name == "claimgraph_entity_types_v1":
            break
    place = next(e for e in doc.ents if e.text == "Tell Qarmoush")
    assert place.label_ == "PLACE" and all(span.text != "Tell Qarmoush" for span, _ in candidates(doc))


def test_a_name_in_a_place_context_does_not_count_as_a_person_against_its_first_word() -> None:
    text = (
        "Shells fell on the Hama al-Qusour neighbourhood. Troops in the southern Hama province advanced, "
        "and fighting went on in Hama al-Qusour."
    )
    assert by_name(entities(text), "Hama").type == "PLACE"


# md's recognizer types unknown one-word towns as organisations; its vectors tell an unseen name from a body.
VECTOR_RECOGNIZER = "en_core_web_md"


@pytest.mark.parametrize("ner_model", [None, VECTOR_RECOGNIZER])
def test_an_unseen_one_word_name_after_in_or_near_is_a_place(ner_model: str | None) -> None:
    text = "Shells fell near Valdmoor on Friday. Two days later the fighting reached Orrindale, and in Valdmoor it went on."
    found = entities(text, ner_model=ner_model)
    assert by_name(found, "Valdmoor").type == "PLACE"


def test_only_a_name_the_vectors_do_not_know_is_unseen() -> None:
    doc = pipeline(VECTOR_RECOGNIZER)("Aides met in Parliament, then in Valdmoor and in New Orrindale.")
    assert [t.text for t in doc if unseen_name(doc[t.i : t.i + 1])] == ["Valdmoor", "Orrindale"]
    assert not unseen_name(doc[9:11])  # two words: left to the gazetteer and the name's shape
    assert not any(unseen_name(doc[t.i : t.i + 1]) for t in pipeline()("in Valdmoor"))  # no vectors, none unseen


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("GRIMSTAD 2026-03-02\nOfficials met on Monday.", ["GRIMSTAD"]),
        ("MONTE CARLO 2026-03-02\nOfficials met on Monday.", ["MONTE CARLO"]),
        ("Grimstad, Norway, March 2 (Agency) - Officials met on Monday.", ["Grimstad", "Norway"]),
        ("Tromso (Agency) -- Officials met on Monday.", ["Tromso"]),
        ("Desk notes.\n\nTromso (Agency) -- Officials met on Monday.", ["Tromso"]),  # after a blank line
        ("Desk notes\nGRIMSTAD 2026-03-02\nOfficials met on Monday.", ["GRIMSTAD"]),  # after a line break
    ],
)
def test_the_names_opening_a_dateline_are_places(text: str, places: list[str]) -> None:
    doc = restore(pipeline()(truecase(text)), text)
    assert [e.text for e in doc.ents if e.label_ == "PLACE"] == places


@pytest.mark.slow
def test_a_name_opening_a_line_with_no_date_or_credit_after_it_is_no_dateline() -> None:
    doc = pipeline()("Statement\nMonte Carlo Smith 12 said on Monday that the talks failed.")
    assert not [e.text for e in doc.ents if e.label_ == "PLACE"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Artillery shelled Tell Qaramish and the road beyond it on Tuesday.", "Tell Qaramish"),
        ("Hundreds of families fled Khan Dabsiyeh as the front moved.", "Khan Dabsiyeh"),
        ("Fighters stormed Deir Saffan overnight, residents said.", "Deir Saffan"),
        ("Turkish drones struck Ain Dhahab and Kafr Bassin before dawn.", "Kafr Bassin"),
    ],
)
def test_a_name_opened_by_a_toponyms_first_word_is_a_place_without_context(sentence: str, place: str) -> None:
    assert by_name(entities(sentence), place).type == "PLACE"


@pytest.mark.slow
def test_a_toponyms_first_word_in_a_persons_name_stays_a_person() -> None:
    found = entities("The negotiator Tal Ronen said the talks would resume. Ronen flew home on Friday.")
    assert by_name(found, "Tal Ronen").type == "PERSON"


@pytest.mark.slow
def test_a_name_listed_beside_a_place_is_a_place_of_that_country() -> None:
    found = entities("Shelling hit Binnish, Taftanaz and Sarmin on Monday, the monitor said.")
    assert all(by_name(found, p).type == "PLACE" for p in ("Binnish", "Taftanaz", "Sarmin"))


@pytest.mark.slow
def test_a_person_listed_beside_a_place_of_another_country_stays_a_person() -> None:
    found = entities("Officials in Syria and Trump aides disagreed. Senator Clinton and Russia traded words.")
    assert all(e.type != "PLACE" for e in found if e.name in ("Trump", "Clinton"))


def test_a_place_noun_phrase_after_a_comma_says_place_where_the_parser_hung_it_elsewhere() -> None:
    doc = pipeline()("They left Hasrat, the last village held by the group, and met Ahmed Darwish, the village elder.")
    commas = [t.i for t in doc if t.text == ","]
    assert _place_noun_phrase(doc, commas[0] + 1)  # "the last village held by"
    assert not _place_noun_phrase(doc, commas[2] + 1)  # "the village elder": a person


def _read_as_person(text: str, name: str) -> list[tuple[str, str]]:
    """The pipeline's entities on ``text`` when the model reads ``name`` alone, as a person."""
    nlp = pipeline()
    doc = nlp.make_doc(text)
    for step, proc in nlp.pipeline:
        doc = proc(doc)
        if step == "ner":
            start = text.index(name)
            span = doc.char_span(start, start + len(name), label="PERSON")
            assert span is not None
            doc.ents = [span]
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(
    ("text", "name", "typed"),
    [
        # a known town that a force seizes, enters or raids is a place
        ("Rebels seized Itabuna on Friday.", "Itabuna", "PLACE"),
        ("Gunmen entered Tumkur before dawn.", "Tumkur", "PLACE"),
        # where a force advances or an assault falls
        ("Militias advanced on Bhiwani overnight.", "Bhiwani", "PLACE"),
        ("Their offensive on Tumkur stalled in May.", "Tumkur", "PLACE"),
        # people are captured too: the passive says nothing
        ("Itabuna was captured during the war, his son said.", "Itabuna", "PERSON"),
    ],
)
def test_what_a_force_takes_or_advances_on_is_a_place(text: str, name: str, typed: str) -> None:
    assert (name, typed) in _read_as_person(text, name)


def test_a_name_shaped_like_a_toponym_in_a_list_of_places_is_a_place() -> None:
    found = entities("Villagers from Ain Faris, Tal Kurdi and Umm Qarsha fled.")
    assert all(by_name(found, name).type == "PLACE" for name in ("Ain Faris", "Tal Kurdi", "Umm Qarsha"))
    assert by_name(entities("Umm Qarsha and Lina Hadidi spoke."), "Umm Qarsha").type == "PERSON"


def test_a_toponym_opened_by_a_regions_name_is_not_split_at_it() -> None:
    assert by_name(entities("Villagers from Ain Varsa, Tal Dumin and Umm Jarsa fled."), "Ain Varsa").type == "PLACE"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("The strikes hit the towns of Kafr Varsa Maarat Dumin and Tell Qarsha the monitor said.", ["Kafr Varsa"]),
        ("The army retook Khan Varsa Deir Dumin and Tell Qarsha.", ["Khan Varsa", "Deir Dumin"]),
    ],
)
def test_toponyms_a_scrape_ran_together_are_parted_at_a_toponyms_first_word(text: str, places: list[str]) -> None:
    found = entities(text)
    assert all(by_name(found, name).type == "PLACE" for name in places)
