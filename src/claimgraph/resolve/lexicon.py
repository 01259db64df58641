"""Words that say what kind of actor a name is, not which one.

Two group names that share only such words ("Jabhat al-Nusra" and "Jabhat
Ansar al-Din" share *jabhat*) are different actors; resolution compares
the remaining, distinctive words.  Translations map a generic word to its
English equivalent so "Jaish al-Islam" and "Army of Islam" line up.
Person titles and honorifics are dropped before names are compared.

Country and nationality words ("Syrian", "Iraq") are told apart by
``is_geographic``: they place an actor, they do not identify it, so they
never carry a merge on their own ("Syrian Democratic Forces" and "Syrian
National Coalition" share only *syrian*).
"""

from __future__ import annotations

from functools import lru_cache

from claimgraph.nlp.entities.countries import country_of, is_demonym


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Arabic articles and joiners, and English function words, in names of any kind.
PARTICLES = _words(
    """
    al el ul ur ad ar as ash at az an the
    """
)

# Joiners: they say nothing of what kind of body a group is.
JOINERS = PARTICLES | _words("wa wal of and in for fi")

# Generic words in group and organisation names (Arabic transliterations and English).
GROUP_GENERIC = JOINERS | _words(
    """
    jabhat jabha jebhat front jaish jaysh jeish army harakat haraka harakah
    movement liwa liwaa brigade brigades katibat katiba kataib battalion battalions saraya jamaat
    jamaah jamaa jama group groups tanzim organization organisation ansar supporters ahl people
    peoples islamic islam islamiya islamiyya muslim mujahideen mujahidin mujahedeen jihad jihadi
    state dawla dawlat national popular union party council committee committees liberation
    resistance militia militias division forces force regiment network revolutionary revolution
    democratic republic federation alliance coalition command unit units fighters youth sunni shia
    shiite government administration ministry military police authority authorities agency office
    department service services regime armed troops guard guards navy air general
    """
)

# Titles, honorifics and particles in person names.
PERSON_GENERIC = PARTICLES | _words(
    """
    bin ibn bint ben ould abu abo abou abd abdul mr mrs ms dr prof general gen col colonel maj major capt captain lt
    sheikh shaikh shaykh mullah mulla maulavi mawlawi maulana qari haji hajji hafiz imam emir amir
    sayed sayyed sayyid syed malik
    president vice prime minister senator sen governor gov chancellor premier secretary sergeant sgt
    """
)

# Titles an English text writes before a family name ("President Tolbaz", "General Tolbaz"), unlike
# those written before a given name ("Sheikh Kamil", "Mullah Kamil"): a name of one part after one is a family name.
SURNAME_TITLES = _words(
    """
    mr mrs ms dr prof president minister senator sen governor gov chancellor premier secretary
    general gen col colonel maj major capt captain lt sergeant sgt
    """
)

# Titles that are also given names ("Amir Ali", "Hafiz Saeed"): left out of a name first, kept when
# leaving them out does not make two names one (one name may write it as a title, the other as a name).
TITLE_NAMES = _words("amir emir hafiz sayed sayyed sayyid syed imam malik")

# Generic group words and their English translation, so translated names share their skeleton.
TRANSLATIONS: dict[str, str] = {
    "jabhat": "front",
    "jabha": "front",
    "jebhat": "front",
    "jaish": "army",
    "jaysh": "army",
    "jeish": "army",
    "harakat": "movement",
    "haraka": "movement",
    "harakah": "movement",
    "liwa": "brigade",
    "liwaa": "brigade",
    "katibat": "battalion",
    "katiba": "battalion",
    "kataib": "brigades",
    "jamaat": "group",
    "jamaah": "group",
    "jamaa": "group",
    "ansar": "supporters",
    "dawla": "state",
    "dawlat": "state",
}


@lru_cache(maxsize=1 << 14)
def is_geographic(word: str) -> bool:
    """A country name or short form, a nationality or a people ("iraq", "syrian", "kurdish", "us")."""
    return country_of(word) is not None or is_demonym(word)


@lru_cache(maxsize=1 << 14)
def place_word(word: str) -> str:
    """A country word as the country it names ("british", "uk" → United Kingdom), any other word as itself.

    So names that place an actor alike with other words ("British government" / "UK government") agree.
    """
    return country_of(word) or word
