"""Entity types from the model plus our rules, on sentences written for these tests."""

from __future__ import annotations

import pytest
from entity_helpers import by_name, entities, pipeline
from spacy.tokens import Span

from claimgraph.nlp.entities.types import _trim, cut_at_figures, led_by, work_title

pytestmark = pytest.mark.slow


def test_components_are_registered_with_versioned_names() -> None:
    names = pipeline().pipe_names
    ours = [n for n in names if n.startswith("claimgraph_")]
    assert ours and all(n.endswith("_v1") for n in ours)
    assert names.index("ner") < names.index(ours[0])
    assert names[-3:] == ["claimgraph_entity_types_v1", "claimgraph_type_corrector_v1", "claimgraph_surnames_v1"]


def test_only_contract_types_reach_doc_ents() -> None:
    doc = pipeline()("On 3 March 2021 at 10:00 (UTC +03:00) the Syrian army said 40 Kurdish fighters left Aleppo.")
    assert {e.label_ for e in doc.ents} <= {"PERSON", "ARMED_GROUP", "ORGANIZATION", "MEDIA", "PLACE"}
    assert not any("UTC" in e.text for e in doc.ents)


def test_names_a_results_table_ran_together_with_their_figures_are_cut_at_them() -> None:
    doc = pipeline().make_doc("Results: Kestrel Rovers 2 Amberley Town 0 , and the Kestrel Unit 8200 said so.")
    line = cut_at_figures(Span(doc, 2, 7, label="ORG"))
    assert line is not None and [p.text for p in line] == ["Kestrel Rovers", "Amberley Town"]
    assert cut_at_figures(Span(doc, 10, 13, label="ORG")) is None  # a number the noun before it names


def test_a_leaders_family_name_a_list_files_under_his_group_is_the_person() -> None:
    found = entities("Hassan Nasrallah spoke for an hour on Friday. Nasrallah said the ceasefire would hold.")
    leader = by_name(found, "Hassan Nasrallah")
    assert leader.type == "PERSON" and "Nasrallah" in leader.aliases
    assert not any(e.type == "ARMED_GROUP" for e in found)


def test_a_bodys_later_word_after_the_is_its_short_form() -> None:
    found = entities(
        "The Kestrel Monitor for Civil Rights said nine people died. The Monitor said the toll would rise, "
        "and the Monitor's director, Ann Vell, blamed the army."
    )
    monitor = by_name(found, "Kestrel Monitor for Civil Rights")
    assert monitor.name == "Kestrel Monitor for Civil Rights" and monitor.type == "ORGANIZATION"
    assert "Monitor" in monitor.aliases


def test_the_short_form_needs_one_body_named_before_it() -> None:
    found = entities(
        "The Amber Monitor for Peace said one thing. The Basalt Monitor for Justice said another. "
        "The Monitor said nothing."
    )
    assert not any(e.name == "Monitor" or "Monitor" in e.aliases for e in found)


def test_a_capital_the_opening_a_sentence_is_no_part_of_a_name() -> None:
    doc = pipeline()("The Fisheries Department said catches fell. The United States agreed, and The Hague waited.")
    names = [e.text for e in doc.ents]
    assert "Fisheries Department" in names and "United States" in names
    assert not any(n.startswith("The ") and n != "The Hague" for n in names)


def test_a_photo_credit_in_a_caption_names_no_actor() -> None:
    found = entities(
        "Rescuers search the rubble in Aleppo, March 3, 2024. REUTERS/Lena Vossberg\n\n"
        "The civil defence said nine people died. (AP Photo/Karim Haddou)\n\nReuters could not verify the toll."
    )
    assert {e.name for e in found} == {"Aleppo", "Reuters"}


@pytest.mark.parametrize(
    "name",
    [
        "Jaysh al-Fursan wa al-Ansar",
        "Katibat Suqur al-Jabal",
        "Liwa al-Tawhid al-Shamali",
        "Harakat Nour al-Din",
        "Ansar al-Haqq",
    ],
)
def test_transliterated_group_names_are_armed_groups(name: str) -> None:
    found = entities(f"Witnesses said {name} took the hill on Monday after a long fight.")
    group = by_name(found, name)
    assert group.type == "ARMED_GROUP"


def test_ordinary_arabic_words_are_not_groups() -> None:
    found = entities("Protesters gathered in Tahrir Square while Ansar waited at home.")
    assert not any(e.type == "ARMED_GROUP" for e in found)


def test_religious_polity_and_emirate_names() -> None:
    found = entities(
        "Volunteers left to join the Islamic State, while the Sahel Emirate recruited locally. "
        "Oil prices rose in the United Arab Emirates."
    )
    assert by_name(found, "Islamic State").type == "ARMED_GROUP"
    assert by_name(found, "Sahel Emirate").type == "ARMED_GROUP"
    assert by_name(found, "United Arab Emirates").type == "PLACE"


def test_outlets_and_platforms_are_media() -> None:
    found = entities(
        "According to LevantWatch.org and Reuters, the statement was posted on Twitter and read on Syrian state TV. "
        "The Caspian News Agency carried it too."
    )
    for name in ("LevantWatch.org", "Reuters", "Twitter", "Syrian state TV", "Caspian News Agency"):
        assert by_name(found, name).type == "MEDIA"


def test_armed_unit_names_and_state_forces() -> None:
    found = entities(
        "The Northern Protection Units clashed with the Free Valley Brigades near the border, "
        "and the Iraqi Armed Forces watched."
    )
    assert by_name(found, "Northern Protection Units").type == "ARMED_GROUP"
    assert by_name(found, "Iraqi Armed Forces").type == "ORGANIZATION"


def test_state_bodies_named_by_nationality() -> None:
    found = entities("The Lebanese government and the Jordanian foreign ministry both protested on Friday.")
    assert by_name(found, "Lebanese government").type == "ORGANIZATION"
    assert by_name(found, "Jordanian foreign ministry").type == "ORGANIZATION"


def test_state_bodies_named_by_a_possessive_country_and_coalitions_by_the_state_leading_them() -> None:
    found = entities(
        "Norway's foreign ministry summoned the envoy, and Chile's armed forces joined the Saudi-led coalition, "
        "which the U.S.-led coalition had left."
    )
    assert by_name(found, "Norway's foreign ministry").type == "ORGANIZATION"
    assert by_name(found, "Chile's armed forces").type == "ORGANIZATION"
    assert by_name(found, "Saudi-led coalition").type == "ORGANIZATION"
    assert by_name(found, "U.S.-led coalition").type == "ORGANIZATION"


def test_a_possessive_country_before_a_body_word_qualifying_another_noun_names_no_body() -> None:
    found = entities("A week into Norway's military offensive, talks began at Oslo's presidency complex.")
    assert not [e.name for e in found if e.type == "ORGANIZATION"]


def test_a_town_before_a_state_body_is_where_it_sits_and_names_no_body() -> None:
    found = entities("The talks angered the Oslo government, and the Norwegian government and Norway's army agreed.")
    assert by_name(found, "Oslo").type == "PLACE"
    assert not [e.name for e in found if e.name.startswith("Oslo ")]
    assert by_name(found, "Norwegian government").type == "ORGANIZATION"
    assert by_name(found, "Norway's army").type == "ORGANIZATION"


def test_a_name_the_text_calls_a_militia_is_an_armed_group() -> None:
    found = entities("Residents fear the local militia, known as the KDB, more than the army. The KDB denies it.")
    assert by_name(found, "KDB").type == "ARMED_GROUP"


def test_given_name_the_model_drops_is_restored() -> None:
    nlp = pipeline()
    doc = nlp("Ahmet Yilmazoglu, a historian of the region, says the war is far from over.")
    doc.ents = [Span(doc, 1, 2, label="PERSON")]  # what the model does with such names
    doc = nlp.get_pipe("claimgraph_entity_types_v1")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Ahmet Yilmazoglu", "PERSON")]


def test_model_types_are_mapped_and_fixed_by_the_document() -> None:
    nlp = pipeline()
    doc = nlp("Karim Dabbagh spoke in Homs. Dabbagh said Britons flew from Homs. Jackson agreed.")
    doc.ents = [
        Span(doc, 0, 2, label="PERSON"),
        Span(doc, 4, 5, label="GPE"),
        Span(doc, 6, 7, label="ORG"),  # a surname of a person named in full is that person
        Span(doc, 8, 9, label="PERSON"),  # a demonym is nobody
        Span(doc, 11, 12, label="PERSON"),  # a known city after "from" is a place
        Span(doc, 13, 14, label="PERSON"),  # a lone name that is also a town stays a person
    ]
    doc = nlp.get_pipe("claimgraph_entity_types_v1")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Karim Dabbagh", "PERSON"),
        ("Homs", "PLACE"),
        ("Dabbagh", "PERSON"),
        ("Homs", "PLACE"),
        ("Jackson", "PERSON"),
    ]


def test_byline_and_dateline_become_entities() -> None:
    found = entities(
        "The council met on Tuesday.", authors=["Maria Lindqvist"], publisher="Nordic Wire", dateline="Tbilisi, Georgia"
    )
    assert by_name(found, "Maria Lindqvist").type == "PERSON"
    assert by_name(found, "Nordic Wire").type == "MEDIA"
    assert by_name(found, "Tbilisi").type == "PLACE" and by_name(found, "Georgia").type == "PLACE"


def test_publisher_without_a_byline_is_metadata() -> None:
    found = entities("The council met on Tuesday.", publisher="Nordic Wire")
    assert all(e.name != "Nordic Wire" for e in found)


def test_ids_follow_reading_order_and_mentions_point_at_text() -> None:
    text = "Omar Haddad met officials in Mosul. Later Haddad flew to Amman."
    found = entities(text, title="Haddad visits Mosul")
    assert [e.id for e in found] == [f"e{i}" for i in range(1, len(found) + 1)]
    for entity in found:
        for m in entity.mentions:
            source = "Haddad visits Mosul" if m.field == "title" else text
            assert source[m.start : m.end] == m.text


def test_insurgent_armies_and_fronts_but_not_state_armies() -> None:
    nlp = pipeline()
    doc = nlp("The Free Coastal Army fought the Turkish Army near the Green Party office.")
    doc.ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 6, 8, label="ORG"), Span(doc, 10, 12, label="ORG")]
    doc = nlp.get_pipe("claimgraph_entity_types_v1")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Free Coastal Army", "ARMED_GROUP"),
        ("Turkish Army", "ORGANIZATION"),
        ("Green Party", "ORGANIZATION"),
    ]


def test_byline_author_named_by_surname_in_the_text_is_one_person() -> None:
    found = entities(
        "The crossing was closed, said Lindqvist, who reported from the border for Nordic Wire News Agency.",
        authors=["Maria Lindqvist"],
        publisher="Nordic Wire",
    )
    people = [e for e in found if e.type == "PERSON"]
    assert [(p.name, p.aliases) for p in people] == [("Maria Lindqvist", ["Lindqvist"])]
    assert [e.name for e in found if e.type == "MEDIA"] == ["Nordic Wire News Agency"]


def test_headline_case_alone_does_not_make_an_organisation() -> None:
    found = entities("Officials met on Monday.", title="Peace Plan Takes Shape In Geneva Talks")
    assert all(e.type in ("PERSON", "PLACE") for e in found)


def _forced(text: str, name: str, label: str = "ORG") -> Span:
    """``name`` in the parsed ``text`` as one span with the model label ``label`` (the glued span to repair)."""
    doc = pipeline()(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label=label)
    assert span is not None
    return span


def _repaired(span: Span) -> list[tuple[str, str]]:
    entity_types = pipeline().get_pipe("claimgraph_entity_types_v1")
    return [(p.text, p.label_) for p in entity_types.split(span)]


def test_a_service_title_before_a_name_is_cut_from_the_person() -> None:
    span = _forced("The widow of former Royal Marine Daniel Okafor spoke in Leeds.", "Royal Marine Daniel Okafor")
    assert _repaired(span) == [("Royal Marine", "ORGANIZATION"), ("Daniel Okafor", "PERSON")]
    doc = pipeline()("The widow of former Royal Marine Daniel Okafor spoke in Leeds.")
    assert ("Daniel Okafor", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_a_rank_before_a_name_is_dropped_and_a_named_facility_is_kept() -> None:
    span = _forced("Colonel Farid Mansour inspected the unit.", "Colonel Farid Mansour", "PERSON")
    assert _repaired(span) == [("Farid Mansour", "PERSON")]
    base = _forced("The jets flew from Prince Sultan Air Base at dawn.", "Prince Sultan Air Base")
    assert _repaired(base) == [("Prince Sultan Air Base", "ORG")]


def test_two_known_names_joined_by_a_preposition_are_two_names() -> None:
    span = _forced("Officials criticised the support of Hamas for the PLO in those years.", "Hamas for the PLO")
    assert [text for text, _ in _repaired(span)] == ["Hamas", "PLO"]
    kept = _forced("The Organisation for Security and Cooperation in Europe met.", "Organisation for Security")
    assert _repaired(kept) == [("Organisation for Security", "ORG")]


def test_a_report_title_is_not_an_actor() -> None:
    found = entities("Titled The Quiet Border Crossings, the study says that smuggling routes moved to Libya.")
    assert [e.name for e in found if e.type != "PLACE"] == []
    assert work_title(_forced("Titled The Quiet Border Crossings, the study says so.", "The Quiet Border Crossings"))
    assert not work_title(_forced("He joined The Quiet Border Crossings group.", "The Quiet Border Crossings"))


def test_the_leader_a_government_is_named_for_is_a_person() -> None:
    doc = pipeline()("The cabinet of Viktor Orbán has backed the plan.")
    span = _forced("The cabinet of Viktor Orbán has backed the plan.", "Viktor Orbán")
    assert ("Viktor Orbán", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    assert led_by(span)
    assert not led_by(_forced("The government of National Unity met.", "National Unity"))


def test_faiths_peoples_weapons_and_days_are_not_actors() -> None:
    text = "On Monday the Druze elders said Islam forbids it, and a Humvee carried Sunnis to Hama."
    assert [e.name for e in entities(text) if e.type != "PLACE"] == []


def test_a_name_the_text_treats_as_an_outlet_is_media() -> None:
    found = entities(
        "Local sources told The New Norvian that dozens died. In an interview with Kestrel Radio's morning show, "
        "the mayor agreed; it reads like a headline from satirical outlet the Onion. A Tarsh Broadcasting reporter "
        "was hurt, the pan-Arab daily Al-Kestrel said."
    )
    for name in ("The New Norvian", "Kestrel Radio", "Onion", "Tarsh Broadcasting", "Al-Kestrel"):
        assert by_name(found, name).type == "MEDIA", name


def test_bodies_and_people_a_speaker_tells_something_are_no_outlets() -> None:
    found = entities(
        "The minister told the United Nations that it was over, then told the State Department and Congress. "
        "Reporter Ann Berg told Jim Kolb on Monday."
    )
    assert not [e.name for e in found if e.type == "MEDIA"]
    assert by_name(found, "Ann Berg").type == "PERSON"


def test_state_in_secretary_of_state_is_not_an_actor() -> None:
    doc = pipeline()("The Secretary of State Nora Quill met the envoy in Oslo.")
    assert "State" not in [e.text for e in doc.ents]


def test_a_name_ending_in_news_is_an_outlet() -> None:
    found = entities("Lakeside News reported the strike, and Orbit News Daily repeated it.")
    assert by_name(found, "Lakeside News").type == "MEDIA"
    assert by_name(found, "Orbit News Daily").type == "MEDIA"


def test_a_possessive_without_its_apostrophe_is_the_name() -> None:
    found = entities("Syria has been at war since 2011. Syrias conflict has killed many, the envoy Nora Quill said.")
    syria = by_name(found, "Syria")
    assert syria.type == "PLACE" and "Syrias" not in syria.aliases


def test_a_persons_possessive_without_its_apostrophe_is_the_name_the_text_writes_alone() -> None:
    text = (
        "Fighters clashed with President Karim al-Hadads troops near the border. An anti-Hadad monitor counted 40 dead."
    )
    assert by_name(entities(text), "Karim al-Hadad").type == "PERSON"
    kept = entities("Officials said Peter Williams troops were ready on Monday.")  # no "William" written alone
    assert by_name(kept, "Peter Williams").type == "PERSON"


def test_a_titled_person_is_named_without_the_title_which_stays_an_alias() -> None:
    found = entities("Gov. Nora Quill signed the order. Quill said the state would comply.")
    quill = by_name(found, "Nora Quill")
    assert quill.name == "Nora Quill" and "Gov. Nora Quill" in quill.aliases


def test_a_lower_case_word_the_model_ran_into_a_persons_name_is_cut() -> None:
    doc = pipeline()("The envoy waited. Prince Mohammed later said the kingdom would help.")
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert people and not any(p.split()[-1].islower() for p in people)


def test_a_family_name_the_model_left_out_of_a_persons_name_is_taken_in() -> None:
    nlp = pipeline()
    untagged = [n for n in nlp.pipe_names if n == "ner" or n.startswith("claimgraph_")]  # parsed, no entity yet
    doc = nlp("Her lawyer Orhan Kemal Dagli said on Monday that the case was closed.", disable=untagged)
    assert _trim(Span(doc, 2, 4, label="PERSON")).text == "Orhan Kemal Dagli"
    on_monday = nlp("They met Orhan Kemal Monday and Dagli Tuesday.", disable=untagged)
    assert _trim(Span(on_monday, 2, 4, label="PERSON")).text == "Orhan Kemal"  # a day is no family name
    in_town = nlp("They met Orhan Kemal Damascus envoys there.", disable=untagged)
    assert _trim(Span(in_town, 2, 4, label="PERSON")).text == "Orhan Kemal"  # nor a known place


@pytest.mark.parametrize(
    ("title", "name"),
    [("Envoy", "Idris Tabarani"), ("Secretary", "Laura Kemp"), ("Rabbi", "Eli Varga"), ("Sayyed", "Hadi Mousawi")],
)
def test_offices_and_religious_titles_are_cut_from_the_name(title: str, name: str) -> None:
    person = by_name(entities(f"{title} {name} arrived on Monday and met the delegation."), name)
    assert person.name == name and f"{title} {name}" in person.aliases


def test_a_full_name_read_as_an_organisation_is_the_person_named_alone_elsewhere() -> None:
    text = "Kovalenko said the talks would resume. Pyotr Andreyevich Kovalenko arrived in Geneva."
    doc = pipeline().make_doc(text)
    for _, proc in pipeline().pipeline[:-1]:  # everything but the type mapping under test
        doc = proc(doc)
    entity_types = pipeline().get_pipe("claimgraph_entity_types_v1")
    start = text.index("Pyotr")
    name = doc.char_span(start, start + len("Pyotr Andreyevich Kovalenko"))
    assert name is not None
    doc.ents = [Span(doc, name.start, name.end, label="ORG"), Span(doc, 0, 1, label="PERSON")]
    assert ("Pyotr Andreyevich Kovalenko", "PERSON") in [(e.text, e.label_) for e in entity_types(doc).ents]


def test_nationality_and_creed_words_before_an_acronym_are_not_part_of_the_name() -> None:
    found = entities("Officials blamed the Kurdish YPG for the attack on the checkpoint.")
    assert by_name(found, "YPG")
    assert not any(e.name.startswith("Kurdish") for e in found)
    whole = entities("The Syrian Democratic Forces said they held the town.")
    assert by_name(whole, "Syrian Democratic Forces")


def test_a_name_and_the_known_place_it_is_in_are_two_names() -> None:
    found = entities("Government troops advanced on Khirbet Nasr in Homs overnight.")
    assert by_name(found, "Homs").type == "PLACE"
    assert not any(" in " in e.name for e in found)


def _mapped(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The type mapping alone over ``spans`` (text, model label) of ``text``, as the model might have tagged them."""
    doc = pipeline().make_doc(text)
    for name, proc in pipeline().pipeline:
        if name == "claimgraph_entity_types_v1":
            break
        doc = proc(doc)
    ents = []
    for part, label in spans:
        span = doc.char_span(text.index(part), text.index(part) + len(part), label=label)
        assert span is not None
        ents.append(span)
    doc.ents = ents
    return [(e.text, e.label_) for e in pipeline().get_pipe("claimgraph_entity_types_v1")(doc).ents]


def test_a_place_the_model_reads_as_a_nationality_is_a_place() -> None:
    found = entities("Karim, a young Syrian from Aleppo, was able to rest at last.")
    assert by_name(found, "Aleppo").type == "PLACE"
    found = entities("The chief of Tajikistan 's border guards , Colonel Ivan Petrov , spoke to reporters.")
    assert by_name(found, "Tajikistan").type == "PLACE"
    text = "Western diplomats and Syrian officials met on Monday."
    assert _mapped(text, [("Western", "NORP"), ("Syrian", "NORP")]) == []  # adjectives and demonyms stay out


def test_an_acronym_glued_after_a_person_and_a_stripped_possessive_before_a_place_are_cut_off() -> None:
    found = entities('"We saw it," said Anna Berg UNHCR regional director.')
    assert by_name(found, "Anna Berg").type == "PERSON"
    assert not any("UNHCR" in e.name and e.type == "PERSON" for e in found)
    text = "Aid finally reached Yemens Taiz on Monday."
    assert _mapped(text, [("Yemens Taiz", "GPE")]) == [("Yemens", "PLACE"), ("Taiz", "PLACE")]
    found = entities("Aid finally reached Yemens Taiz on Monday after the Yemen talks.")
    assert by_name(found, "Yemen").type == "PLACE" and by_name(found, "Taiz").type == "PLACE"


def test_a_number_word_after_a_person_is_not_part_of_the_name() -> None:
    text = "The funeral of Amira Haddad Three women were hurt."
    assert ("Amira Haddad", "PERSON") in _mapped(text, [("Amira Haddad Three", "PERSON")])


def test_a_bare_name_after_a_person_noun_is_that_person_but_a_body_stays_a_body() -> None:
    text = "His lawyer Kemal Arda Yilmaz said the court would rule. A researcher Human Rights Watch said so."
    mapped = _mapped(text, [("Kemal Arda Yilmaz", "ORG"), ("Human Rights Watch", "ORG")])
    assert ("Kemal Arda Yilmaz", "PERSON") in mapped
    assert ("Human Rights Watch", "ORGANIZATION") in mapped


def test_a_region_named_with_a_compass_word_or_nationality_keeps_that_form_as_an_alias() -> None:
    found = entities("Fighters regrouped in southern Idlib. Shelling hit Idlib again, and Iraqi Kurdistan braced.")
    assert "southern Idlib" in by_name(found, "Idlib").aliases
    assert by_name(found, "Iraqi Kurdistan").type == "PLACE"


def test_a_name_with_a_particle_or_after_a_role_and_comma_is_a_person() -> None:
    text = "The mediator met the envoy, Lorenzo de Valcarce, and later Anders van Oosten in Vienna."
    mapped = _mapped(text, [("Lorenzo de Valcarce", "ORG"), ("Anders van Oosten", "ORG"), ("Vienna", "GPE")])
    assert ("Lorenzo de Valcarce", "PERSON") in mapped and ("Anders van Oosten", "PERSON") in mapped
    text = "Shares of Banco de Chile rose."
    assert _mapped(text, [("Banco de Chile", "ORG")]) == [("Banco de Chile", "ORGANIZATION")]


def test_a_building_named_for_a_person_is_a_place_and_so_is_a_district_the_model_calls_an_organisation() -> None:
    text = "Shells fell on the Khalid Ibn al-Walid Mosque in the Qarabees district."
    mapped = _mapped(text, [("Khalid Ibn al-Walid Mosque", "PERSON"), ("Qarabees", "ORG")])
    assert ("Khalid Ibn al-Walid Mosque", "PLACE") in mapped
    found = entities("Shells fell near the mosque in the Qarabees district on Friday.")
    assert by_name(found, "Qarabees").type == "PLACE"


def test_a_listed_groups_short_form_is_its_mention_once_the_document_names_it() -> None:
    found = entities("Fighters of the Islamic State of Iraq and the Levant (Daesh) fled. Daesh lost the town.")
    group = by_name(found, "Daesh")
    assert group.type == "ARMED_GROUP" and group.gazetteer_id is not None
    assert len([m for m in group.mentions if m.text == "Daesh"]) == 2
    alone = entities("Daesh was mentioned once in this text about a farm.")
    assert all(e.gazetteer_id is None for e in alone)  # a guarded form alone names nothing


def test_people_the_model_leaves_untagged_before_a_speech_verb_or_a_role_are_people() -> None:
    text = "• Lina Sarrouf is the senior researcher at a rights group. Water ran out, Kamal Tabet said."
    assert ("Lina Sarrouf", "PERSON") in _mapped(text, []) and ("Kamal Tabet", "PERSON") in _mapped(text, [])
    assert _mapped("Human Rights Watch said so. Sky News said it too.", []) == []


def test_a_language_is_not_a_place() -> None:
    found = entities("They speak barely a word of English, and their smiles said a lot.")
    assert not any(e.name == "English" for e in found)


def _typed_as_read(text: str, read: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """The entity types' output on ``text`` when the model had read ``read`` ((span text, model label))."""
    nlp = pipeline()
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]):
        doc = nlp(text)
    spans = []
    for words, label in read:
        start = text.index(words)
        span = doc.char_span(start, start + len(words), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = spans
    doc = nlp.get_pipe("claimgraph_entity_types_v1")(doc)
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def test_a_nationality_or_a_country_run_into_a_persons_name_is_cut_off() -> None:
    text = "Chilean Tomas Rivero won, and Sri Lanka - Kamal Perera lost."
    typed = _typed_as_read(text, [("Chilean Tomas Rivero", "PERSON"), ("Sri Lanka - Kamal Perera", "PERSON")])
    assert [(t, label) for t, label, _ in typed] == [
        ("Tomas Rivero", "PERSON"),
        ("Sri Lanka", "PLACE"),
        ("Kamal Perera", "PERSON"),
    ]


def test_places_a_list_names_are_parted_at_its_commas() -> None:
    typed = _typed_as_read("Shelling hit Homs, Idlib and Hama overnight.", [("Homs, Idlib", "GPE"), ("Hama", "GPE")])
    assert [(t, label) for t, label, _ in typed] == [("Homs", "PLACE"), ("Idlib", "PLACE"), ("Hama", "PLACE")]


def test_a_bracket_ends_a_name_and_party_joins_it() -> None:
    text = "Leaders of the Valdris Workers party (VWP) met the Coastal Relief Network (CRN officials."
    typed = _typed_as_read(text, [("Valdris Workers", "ORG"), ("Coastal Relief Network (CRN", "ORG")])
    names = [t for t, _, _ in typed]
    assert "Valdris Workers party" in names and "Coastal Relief Network" in names
    assert not any("(" in t for t in names)


def test_a_name_before_a_site_noun_is_the_site() -> None:
    text = "Drones struck the Tall Harir gas field and then Umm Qasab airbase, but the Haddad camp denied it."
    typed = _typed_as_read(text, [("Tall Harir", "PERSON"), ("Umm Qasab", "PERSON"), ("Haddad", "PERSON")])
    assert ("Tall Harir gas field", "PLACE") in [(t, label) for t, label, _ in typed]
    assert ("Umm Qasab airbase", "PLACE") in [(t, label) for t, label, _ in typed]
    assert ("Haddad", "PERSON") in [(t, label) for t, label, _ in typed]  # a camp alone may be a faction


def test_a_listed_groups_guarded_form_read_as_a_place_is_the_group() -> None:
    typed = _typed_as_read("Fighters of Daesh held the town for a year.", [("Daesh", "GPE")])
    assert typed[0][:2] == ("Daesh", "ARMED_GROUP") and typed[0][2]
    assert _typed_as_read("Protesters marched in Mesopotamia.", [("Mesopotamia", "LOC")])[0][1] == "PLACE"


def test_one_persons_name_read_as_two_people_side_by_side_is_joined() -> None:
    typed = _typed_as_read("Yesterday Karim Nassar spoke.", [("Karim", "PERSON"), ("Nassar", "PERSON")])
    assert [(t, label) for t, label, _ in typed] == [("Karim Nassar", "PERSON")]


@pytest.mark.parametrize("ner_model", [None, "en_core_web_md"])
def test_an_english_group_name_the_recognizer_leaves_untagged_is_found(ner_model: str | None) -> None:
    text = "Fighters of the Copper Reed Front shelled a checkpoint on Friday, and the Front said it would go on."
    group = by_name(entities(text, ner_model=ner_model), "Copper Reed Front")
    assert group.type in ("ARMED_GROUP", "ORGANIZATION")


def test_the_english_group_shape_fills_only_gaps_and_skips_sentence_openers() -> None:
    nlp = pipeline()
    doc = nlp.make_doc("Army trucks left. Local Council members met the Copper Reed Front and the Korvana Army.")
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "ner":  # as a recognizer that found only the state's army would leave it
            doc.ents = [Span(doc, 14, 16, label="ORG")]
        if name == "claimgraph_group_names_v1":
            break
    assert [(e.text, e.label_) for e in doc.ents] == [("Copper Reed Front", "ORG"), ("Korvana Army", "ORG")]


def test_an_institution_name_the_recognizer_leaves_untagged_is_found() -> None:
    text = (
        "The pro-Harbi Norvian Observatory for Civil Rights counted 40 dead on Friday. "
        "Meanwhile Kestrel Institute researchers met the Centre for the Study of Conflict and Civil Peace."
    )
    found = entities(text)
    assert by_name(found, "Norvian Observatory for Civil Rights").type == "ORGANIZATION"
    assert by_name(found, "Kestrel Institute").type == "ORGANIZATION"
    assert by_name(found, "Centre for the Study of Conflict and Civil Peace").type == "ORGANIZATION"
    assert not [e.name for e in found if "Harbi Norvian" in e.name]


def test_an_institution_name_cut_at_its_and_is_taken_whole() -> None:
    nlp = pipeline()
    doc = nlp.make_doc("She heads the Centre for the Study of Radicalisation and Political Violence in Tarsh.")
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "ner":  # as the small model reads it: the name stops at "and"
            doc.ents = [Span(doc, 3, 9, label="ORG")]
        if name == "claimgraph_institution_names_v1":
            break
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Centre for the Study of Radicalisation and Political Violence", "ORG")
    ]


@pytest.mark.parametrize(
    ("text", "read", "typed"),
    [
        ("It reached the Norvian Assembly on Monday.", ("Norvian Assembly on Monday", "ORG"), ["Norvian Assembly"]),
        ("The Islamist Kestrel Brotherhood met.", ("The Islamist Kestrel Brotherhood", "ORG"), ["Kestrel Brotherhood"]),
        ("Forces loyal to Norvian Pres. Karim Nassar fled.", ("Norvian Pres", "ORG"), []),
        ("The Norvian Refugee Act let them work.", ("Norvian Refugee Act", "ORG"), []),
    ],
)
def test_dates_creeds_offices_and_laws_are_no_part_of_a_name(
    text: str, read: tuple[str, str], typed: list[str]
) -> None:
    assert [name for name, _, _ in _typed_as_read(text, [read])] == typed


def test_army_units_named_for_a_town_name_the_town_not_an_organisation() -> None:
    found = entities("Homs Army units destroyed a number of vehicles near the city, the agency said.")
    assert [(e.name, e.type) for e in found] == [("Homs", "PLACE")]
    assert (
        by_name(entities("Pakistan Army units moved into the valley on Sunday."), "Pakistan Army").type
        == "ORGANIZATION"
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The groups are committed to Kobara, as they call the region, being autonomous within a future state.",
            "Kobara",
        ),
        ("Tamerlin, as the area is known locally, is a place where aid workers operate freely.", "Tamerlin"),
    ],
)
def test_a_name_the_text_says_a_place_is_called_is_a_place(text: str, name: str) -> None:
    assert by_name(entities(text), name).type == "PLACE"


def test_a_body_and_a_nationality_side_by_side_are_one_partys_name() -> None:
    found = entities("Nick Clegg, the former Liberal Democrat leader, picked out the minister.")
    assert by_name(found, "Liberal Democrat").type == "ORGANIZATION" and not any(e.type == "PLACE" for e in found)


def test_a_surname_is_the_person_a_rule_named_in_full_where_the_model_read_a_body() -> None:
    nlp = pipeline()
    untagged = [n for n in nlp.pipe_names if n == "ner" or n.startswith("claimgraph_")]
    text = "They met the UN envoy, Ingmar de Valcourt, on Tuesday. De Valcourt said the talks would resume."
    doc = nlp(text, disable=untagged)
    doc.ents = [Span(doc, 6, 9, label="ORG"), Span(doc, 13, 15, label="ORG")]  # as the model read them
    doc = nlp.get_pipe("claimgraph_entity_types_v1")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Ingmar de Valcourt", "PERSON"), ("De Valcourt", "PERSON")]


def _typed(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """The entity type rules' reading of ``text`` parsed without the model's entities, given these as its own."""
    nlp = pipeline()
    doc = nlp(text, disable=[n for n in nlp.pipe_names if n == "ner" or n.startswith("claimgraph_")])
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    return [(e.text, e.label_) for e in nlp.get_pipe("claimgraph_entity_types_v1")(doc).ents]


def test_a_body_the_rules_make_a_person_takes_in_the_family_name_the_model_left_out() -> None:
    text = "Her lawyer Orhan Kemal Dagli told the court the case was closed."
    assert _typed(text, [(2, 4, "ORG")]) == [("Orhan Kemal Dagli", "PERSON")]


def test_a_month_after_a_given_name_is_the_persons_family_name() -> None:
    text = "Miranda May, eyeing a trade deal, met the envoy."
    assert _typed(text, [(1, 2, "DATE")]) == [("Miranda May", "PERSON")]
    assert _typed("They met on Friday May 5 in Geneva.", [(4, 5, "DATE")]) == []  # a day and a figure: a date


def test_a_name_with_a_possessive_before_a_government_is_its_leader() -> None:
    text = "Critics of Harlan Voss's administration and of Norway's government spoke."
    assert _typed(text, [(2, 4, "ORG"), (8, 9, "ORG")]) == [("Harlan Voss", "PERSON"), ("Norway", "PLACE")]


def test_a_body_noun_after_a_names_first_word_makes_it_no_persons() -> None:
    text = "Officials of the Football Federation Ostrava and Lena Forum spoke."
    assert _typed(text, [(3, 6, "PERSON")]) == [("Football Federation Ostrava", "ORGANIZATION")]


def test_a_short_title_alone_names_no_one() -> None:
    assert _typed("The Pres. said nothing to King.", [(1, 2, "PERSON"), (6, 7, "PERSON")]) == [("King", "PERSON")]


def test_a_watchdog_named_for_what_it_watches_is_an_institution_name() -> None:
    nlp = pipeline()
    doc = nlp(
        "Kestrel Rights Watch estimated 40 dead.",
        disable=[n for n in nlp.pipe_names if n == "ner" or n.startswith("claimgraph_")],
    )
    doc.ents = []  # the recognizer tagged none of its words
    doc = nlp.get_pipe("claimgraph_institution_names_v1")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Kestrel Rights Watch", "ORG")]


def test_the_portfolio_before_an_office_and_its_holder_names_no_body() -> None:
    text = "Treasury Secretary Lena Varga and the Interior Minister, Omar Kessler, met NATO Secretary Ivo Brandt."
    read = [("Treasury", "ORG"), ("Interior", "ORG"), ("NATO", "ORG")]
    assert [name for name, _, _ in _typed_as_read(text, read)] == ["NATO"]
    general = "The Dunmore League Secretary General Ivo Brandt spoke."
    assert [name for name, _, _ in _typed_as_read(general, [("Dunmore League", "ORG")])] == ["Dunmore League"]


def test_a_joiner_the_model_ran_into_a_name_is_cut() -> None:
    text = "Fighters advanced on Tarvesh and Kolbrin overnight."
    assert [name for name, _, _ in _typed_as_read(text, [("Tarvesh and", "ORG")])] == ["Tarvesh"]


def test_the_next_credit_a_scrape_glued_to_a_reporters_name_is_cut() -> None:
    text = "Reporting by Lena Varga Writing by Ivo Brandt Additional reporting by Omar Kessler"
    read = [("Lena Varga Writing", "PERSON"), ("Ivo Brandt Additional", "PERSON"), ("Omar Kessler", "PERSON")]
    assert [name for name, _, _ in _typed_as_read(text, read)] == ["Lena Varga", "Ivo Brandt", "Omar Kessler"]


def test_a_plural_common_noun_opening_a_sentence_names_no_one() -> None:
    text = "Warplanes struck the market at dawn."
    assert [name for name, _, _ in _typed_as_read(text, [("Warplanes", "ORG")])] == []


def test_a_channel_keeps_its_arabic_article_and_an_untagged_papers_name_is_an_outlet() -> None:
    found = entities("The Dunmore Herald said Al-Kestrel TV, run by the party, broadcast the footage.")
    assert by_name(found, "Dunmore Herald").type == "MEDIA"
    assert by_name(found, "Al-Kestrel TV").type == "MEDIA"
