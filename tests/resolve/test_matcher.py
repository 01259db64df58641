"""The name matcher and blocking, without a store."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimgraph.names import fold
from claimgraph.nlp.entities.gazetteer import shipped_gazetteer
from claimgraph.resolve.batch import pairwise_scores, resolve_names
from claimgraph.resolve.blocking import candidate_pairs
from claimgraph.resolve.clusters import STRONG
from claimgraph.resolve.match import Candidate, compare

ROOT = Path(__file__).resolve().parents[2]


def group(name: str, etype: str = "ARMED_GROUP", gazetteer_id: str | None = None) -> Candidate:
    return Candidate(name, name, fold(name), etype, gazetteer_id)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jabhat al-Nusra", "Jabhat al-Nusrah"),
        ("Jabhat al-Nusra", "Nusra Front"),
        ("Jaish al-Muhajireen wal-Ansar", "Jaysh al-Muhajirin wa al-Ansar"),
        ("Tanzim Qaidat al-Jihad", "Tanzim Qaedat al-Jihad"),
    ],
)
def test_spelling_and_translation_variants_merge(a: str, b: str) -> None:
    verdict = compare(group(a), group(b))
    assert verdict is not None and verdict.judgement == "positive", verdict


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jabhat al-Nusra", "Jabhat Ansar al-Din"),
        ("Islamic State", "Islamic Army"),
        ("Ansar al-Sharia in Libya", "Ansar al-Sharia in Tunisia"),
        ("Ansar al-Sharia", "Ansar al-Sharia in Libya"),
        # country and nationality words never carry a merge; generic words that disagree keep names apart
        ("Syrian Democratic Forces", "Syrian National Coalition"),
        ("Syrian Democratic Forces", "Syrian Arab Army"),
        ("Syrian Democratic Forces", "Syrian Democratic Council"),
        ("Free Syrian Army", "Syrian Arab Army"),
        ("Iraqi Army", "Iranian Army"),
        ("Korvani National Army", "Korvani National Council"),
        ("Korvani Liberation Front", "Korvani Liberation Front in Tessaly"),
    ],
)
def test_names_sharing_generic_words_stay_apart(a: str, b: str) -> None:
    verdict = compare(group(a), group(b))
    assert verdict is None or verdict.judgement != "positive", verdict


def test_types_gazetteer_ids_and_acronyms() -> None:
    assert compare(group("Korvana", "PLACE"), group("Korvana", "PERSON")) is None
    same_name = compare(group("Ridge Falcons", "ORGANIZATION"), group("Ridge Falcons", "ARMED_GROUP"))
    assert same_name is not None and same_name.judgement == "positive"
    same_entry = compare(group("Alpha Front", gazetteer_id="un:QDe.1"), group("Beta Front", gazetteer_id="un:QDe.1"))
    assert same_entry is not None and same_entry.judgement == "positive"
    # two entries of one gazetteer: a weak negative only, the clustering weighs it against the rest
    one_source = compare(group("Alpha Front", gazetteer_id="un:QDe.1"), group("Alpha Front", gazetteer_id="un:QDe.2"))
    assert one_source is not None and one_source.judgement == "negative" and one_source.score < STRONG
    # two sources number their entries independently: their ids say nothing, the names decide
    two_sources = compare(group("Al-Qaeda", gazetteer_id="un:QDe.4"), group("al Qaida", gazetteer_id="phoenix:X/Y"))
    assert two_sources is not None and two_sources.judgement == "positive"
    # entries the gazetteer build links across its sources are one actor, whatever the names
    linked = next(e for e in shipped_gazetteer().entries if e.same_as)
    other = sorted(linked.same_as)[0]
    verdict = compare(group("Name One", gazetteer_id=linked.id), group("Name Two", gazetteer_id=other))
    assert verdict is not None and verdict.judgement == "positive"
    assert candidate_pairs(
        [group("Name One", gazetteer_id=linked.id), group("Name Two", gazetteer_id=other)], {"Name One"}
    )
    acronym = compare(group("DCF"), group("Dawn Coalition Forces"))
    assert acronym is not None and acronym.judgement == "unsure"  # needs evidence from a document


@pytest.mark.parametrize(("a", "b"), [("Chechnya", "China"), ("Aachen", "China"), ("Tessaly", "Tesla Bay")])
def test_places_merge_only_on_a_close_spelling(a: str, b: str) -> None:
    assert compare(group(a, "PLACE"), group(b, "PLACE")) is None
    verdict = compare(group("Korvanistan", "PLACE"), group("Korvanistann", "PLACE"))
    assert verdict is not None and verdict.judgement == "positive"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hamid Rasoul Vandari", "حميد رسول وندري"),  # the original script, short vowels unwritten
        ("Abdul Karim Haddadi", "عبد الكريم حدادي"),  # "abd" and the article written apart
        ("Nazir Abdul-Wahid Tarzi", "Nazir Abdulwahid Tarzi"),
        ("Rustam Akhund Zada", "Rustam Akhundzada"),
        ("Idris Karamat Sulaimi", "Idris Karamat Sulaimi Haddad"),  # one part more, first parts agree
        ("Nasrullah Karimi", "نصر الله كريمي"),  # a compound written in two words in the script
        ("Omar Taha Haddadi", "عمر طه حدادي"),  # short parts: no digraph may hide a written h
        ("Haddadi, Karim Nasser", "Karim Nasser Haddadi"),  # family name first
    ],
)
def test_person_variants_across_scripts_and_word_breaks_merge(a: str, b: str) -> None:
    verdict = compare(group(a, "PERSON"), group(b, "PERSON"))
    assert verdict is not None and verdict.judgement == "positive", verdict


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Muhammad Azami", "Mohammad Azim Haddad"),  # only near spellings, and a part more
        ("Karim Ahmadi", "Karim Hemaida"),  # one skeleton, another sound
        ("Tarek Vandari", "Salim Vandari"),  # a shared surname
    ],
)
def test_persons_sharing_some_parts_stay_apart(a: str, b: str) -> None:
    verdict = compare(group(a, "PERSON"), group(b, "PERSON"))
    assert verdict is None or verdict.judgement != "positive", verdict


def test_country_words_name_their_country_in_generic_names() -> None:
    org = lambda n: group(n, "ORGANIZATION")  # noqa: E731
    for a, b in [("Dutch government", "Netherlands government"), ("American army", "US army")]:
        verdict = compare(org(a), org(b))
        assert verdict is not None and verdict.judgement == "positive", (a, b, verdict)
        assert len(set(_together_as([a, b], "ORGANIZATION").values())) == 1  # and blocking brings them together
    assert compare(org("Dutch government"), org("Danish government")) is None  # another country
    assert compare(org("Dutch government"), org("Dutch army")) is None  # another body


def _together_as(names: list[str], etype: str) -> dict[str, str]:
    return resolve_names([group(n, etype) for n in names])


def test_a_name_read_with_less_is_a_weaker_link() -> None:
    person = lambda n: group(n, "PERSON")  # noqa: E731
    kunya = compare(person("Abu Hamid Kamil Tolbaz"), person("Kamil Tolbaz"))
    abd = compare(person("Abd al-Karim Tolbaz"), person("Karim Tolbaz"))
    assert kunya is not None and kunya.score <= 0.9 and "kunya" in kunya.reason
    assert abd is not None and abd.judgement == "positive" and abd.score < 0.9  # weighed against other links


def test_person_names_need_two_aligned_parts() -> None:
    person = lambda n: group(n, "PERSON")  # noqa: E731
    assert compare(person("Marek Tolvani"), person("Marek Tolvany")).judgement == "positive"  # type: ignore[union-attr]
    assert compare(person("Marek Tolvani"), person("Irena Tolvani")) is None
    # a family name alone is only a weak link, which the clustering weighs against the name's other links
    alone = compare(person("Tolvani"), person("Marek Tolvani"))
    assert alone is not None and alone.judgement == "positive" and alone.score < 0.9
    assert compare(person("Hamid"), person("Karim Hamid")) is None  # short family names are given names too
    assert compare(person("Abu Tolvani"), person("Marek Tolvani")) is None  # a kunya names a son, not a family


def _together(names: list[str]) -> dict[str, str]:
    return resolve_names([group(n, "PERSON") for n in names])


def test_a_family_name_alone_joins_the_only_actor_carrying_it() -> None:
    alone = _together(["Tolvani", "Marek Tolvani", "Marek Tolvany"])
    assert alone["Tolvani"] == alone["Marek Tolvani"] == alone["Marek Tolvany"]
    # a second person of that family: the name alone is ambiguous, it joins neither
    both = _together(["Tolvani", "Marek Tolvani", "Marek Tolvany", "Irena Tolvani"])
    assert both["Marek Tolvani"] == both["Marek Tolvany"] != both["Irena Tolvani"]
    assert both["Tolvani"] not in (both["Marek Tolvani"], both["Irena Tolvani"])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sa'd Khuwaylid al-Harbawi", "Sa’d Khuwaylid Harbawi"),  # an ain does not cut a word in two
        ("Qasim Tarek Halloumi", "Qasim T. Halloumi"),  # an initial
        ("Nizar Shams-ud-Din Karoubi", "Nizar Shamsuddin Karoubi"),  # a compound in three words
        ("Idris Walgat Malouf", "Idris Walgatt Malouf"),  # one letter more in a long word
        ("Omar Ferhani", "Umar Ferhani"),  # one vowel for another
        ("Ryu Bong Chun", "Ryu Pong Ch'un"),  # syllables romanized two ways
        ("Ferhani Kamil", "Kamil Idris Ferhani"),  # family name first, without a comma
        ("Yunes Hilal", "Yunes Hilal Abdelkarim Harbawi"),  # given and father's name, the chain left out
        ("Harbawi, Yunes", "Yunes Tarek Harbawi"),
        ("Yunes Harbawi (يونس حرباوي)", "Yunes Harbawi"),  # a parenthesised aside is no part
        ("AlHarbawi", "Al Harbawi"),  # the article written into the word
        ("Yunes Abdurahman Harbawi", "Yunes Abdul Rahman Harbawi"),  # "abdu" + Rahman, not "abd-ur" + "ahman"
        ("Yunes Abdussalam Harbawi", "Yunes Abd al-Salam Harbawi"),  # the article assimilated: "s" doubled
        ("Nadir Karim Tolbunzada", "نادر كريم طلبون زاده"),  # a compound in two script words, long vowel written
        ("Hamadi Ould Karim Ould Salem Tolbaz", "حمادي ولد كريم طلباز"),  # "son of" in the script too
        ("Amir Kamil Tolbaz", "Aamir Kamil Tolbaz"),  # a title that is also a given name, read as the name
        ("Hafez Yunes Ferhani", "Hafiz Yunes Ferhani"),  # a title spelled as no title list has it
        ("Kesdjan", "Kesjan"),  # one consonant more: only the deletion neighbourhood blocks them together
        ("Kamil Abd Allah Tolbaz", "Kamil Abdallah Tolbaz"),  # the article after "abd", glued or written apart
        ("Abu al-Harith Kamil Tolbaz", "Kamil Tolbaz"),  # a kunya one name carries, the other not
        ("Abu Yunes Kamil Idris Tolbaz", "Kamil Idris"),  # a kunya, and the first parts of the chain
        ("Muhammad Kamil Tolbaz", "Kamil Tolbaz"),  # a leading Muhammad, commonly dropped
        ("Mohd Yunes Harbawi", "Yunes Harbawi"),  # written short
        ("Malik Kamil Tolbaz", "Kamil Tolbaz"),  # a title that is also a given name
        ("Al Tolbazi", "Kamil Idris Altolbazi"),  # a family name alone, written with its article
        ("Abd al-Hamid Tolbaz", "Hamid Tolbaz"),  # the short form of an "abd" compound (a weak link)
        ("President Harbi", "Kamil Harbi"),  # after an English title, a short name is a family name
        ("Yunes bin Kamil al-Tolbazi", "Yunes Kamil Idris Hamid Salem al-Tolbazi"),  # the chain's start, the family
        ("Kamil Rajabovich Tolbaz", "Камил Ражабович Толбаз"),  # ж is zh or j
        ("Kamil Zadran", "کامل ځدران"),  # ځ is dz, z or j
    ],
)
def test_more_person_variants_merge(a: str, b: str) -> None:
    verdict = compare(group(a, "PERSON"), group(b, "PERSON"))
    assert verdict is not None and verdict.judgement == "positive", verdict
    assert len(set(_together([a, b]).values())) == 1  # and blocking brings them together


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jo Chol", "Jo Chol Song"),  # a part more on a name too short to be rare
        ("Yunes Harbawi", "Tarek Yunes Harbawi"),  # a father's and family name are also the son's
        ("Mohammad Ahmadi", "Ahmed Abdi Mohamed"),  # reversed, but no part written the same
        ("Abd al-Ilah", "Abd Allah"),  # "abd" compounds differ in the word after it
        ("Tarwat Salah Abdallah", "Abdallah"),  # an "abd" name is a given name
        ("Hafiz Tarek Ferhani", "Hafiz Kamil Ferhani"),  # a shared title is no given name in common
        ("Tarik Halbuni", "Halboni Tarek"),  # the other order, and no part spelled the same
        ("Abu Hamid Kamil Tolbaz", "Abu Yunes Kamil Tolbaz"),  # two different kunyas are never left out
        ("Abu Hamid Tolbaz", "Kamil Tolbaz"),  # a kunya left out leaves one part: no name to compare
        ("Mahmud Kamil Tolbaz", "Kamil Tolbaz"),  # Mahmud is no Muhammad, though its skeleton is
        ("Muhammad Tolbaz", "Kamil Tolbaz"),  # a leading Muhammad left out leaves one part
        ("Sheikh Harbi", "Kamil Harbi"),  # a title written before given names: a short one may be one
        ("Hafiz Mohammad", "Sayed Muhammad"),  # what the titles leave is Muhammad alone: nobody in particular
        (
            "Yunes Kamil Tolbazi",
            "Yunes Idris Kamil Hamid Salem Tolbazi",
        ),  # the father's name not where the chain has it
        ("Mohammad Sayed", "Kamil Mehmood"),  # a title left out: a given name, no family name spelled alike
    ],
)
def test_person_names_close_in_form_stay_apart(a: str, b: str) -> None:
    verdict = compare(group(a, "PERSON"), group(b, "PERSON"))
    assert verdict is None or verdict.judgement != "positive", verdict


def test_blocking_compares_far_fewer_than_all_pairs() -> None:
    names = [
        group(f"Brigade of the {a}{b} {c}{d}")
        for a in "ABCDEFGHIJ"
        for b in "klmnopqrst"
        for c in "UVWXY"
        for d in "xyz"
    ]
    pairs = sum(1 for _ in candidate_pairs(names, {n.id for n in names}))
    assert pairs < len(names) * (len(names) - 1) / 2 / 20


def test_name_variant_set_precision() -> None:
    """Pairwise precision and recall of merges on ../shared/eval/name_matching (the issue's targets: 0.98, 0.40)."""
    data = ROOT / ".." / "shared" / "eval" / "name_matching"
    files = sorted(data.glob("*.jsonl"))
    if not files:
        pytest.skip(f"name-matching data absent under {data}")
    sys.path.insert(0, str(ROOT / "bench"))
    from resolution_eval import load

    candidates, gold = load(files[0])
    precision, recall, _, _ = pairwise_scores(gold, resolve_names(candidates))
    assert precision >= 0.98  # the target (measured 0.999)
    assert recall >= 0.40  # the target, under the measured figure (0.414); raise it as resolution improves
