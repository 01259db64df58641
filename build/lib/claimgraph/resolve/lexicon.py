"""Words that say what kind of actor a name is, not which one.

Two group names that share only such words ("Jabhat al-Nusra" and "Jabhat
Ansar al-Din" share *jabhat*) are different actors; resolution compares
the remaining, distinctive words.  Translations map a generic word to its
English equivalent so "Jaish al-Islam" and "Army of Islam" line up.
Person titles and honorifics are dropped before names are compared.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Arabic articles and joiners, and English function words, in names of any kind.
PARTICLES = _words(
    """
    al el ul ad ar as ash at az an the
    """
)

# Generic words in group and organisation names (Arabic transliterations and English).
GROUP_GENERIC = PARTICLES | _words(
    """
    wa wal of and in for jabhat jabha jebhat front jaish jaysh jeish army harakat haraka harakah
    movement liwa liwaa brigade brigades katibat katiba kataib battalion battalions saraya jamaat
    jamaah jamaa jama group groups tanzim organization organisation ansar supporters ahl people
    peoples islamic islam islamiya islamiyya muslim mujahideen mujahidin mujahedeen jihad jihadi
    state dawla dawlat national popular union party council committee committees liberation
    resistance militia militias division forces force regiment network revolutionary revolution
    democratic republic federation alliance coalition command unit units fighters youth sunni shia
    shiite
    """
)

# Titles, honorifics and particles in person names.
PERSON_GENERIC = PARTICLES | _words(
    """
    bin ibn bint abu abd abdul mr mrs ms dr prof general gen col colonel maj major capt captain lt
    sheikh shaikh shaykh mullah mulla maulavi mawlawi maulana qari haji hajji hafiz imam emir amir
    sayed sayyed sayyid syed
    """
)

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
