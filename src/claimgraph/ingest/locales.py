"""Which way round a record writes its numeric dates: "4/5/17" is 5 April in the US and 4 May nearly everywhere else.

A slashed date whose two numbers could both be the month is read by the
convention of whoever wrote it, in this order:

1. the record's own locale (a ``locale``, ``language`` or ``lang`` field,
   or a page's ``<html lang>``): a region says it ("en-GB", "fr_CA" →
   day first; "en-US" → month first; Canada writes both and says
   nothing), a language other than English says it ("de", "ar" → day
   first), English alone ("en") does not;
2. the outlet's country, from the country-code domain of its URL
   ("….co.uk", "….com.au", "….de" → day first, "….us" → month first;
   ".com", ".org" and the country codes sold as generic names, such as
   ".io" or ".tv", say nothing);
3. the ``date_order`` setting (``mdy``, the US wire convention, unless the
   user says ``dmy`` for a corpus of their own).

Whichever decides, the document carries an ``ambiguous_date`` warning that
names the reading and why, so a guess can always be found and checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from claimgraph import settings
from claimgraph.errors import ConfigError

Order = Literal["mdy", "dmy"]

# Where month-first is the everyday convention: the United States and the places that follow its usage.
MONTH_FIRST = frozenset({"US", "PH", "FM", "MH", "PW", "GU", "PR", "AS", "VI", "MP", "UM"})
# Where both conventions are in everyday use: the region decides nothing.
EITHER = frozenset({"CA"})
# Country-code domains sold and used as generic names, not as a country's.
GENERIC_DOMAINS = frozenset({"io", "co", "tv", "me", "ai", "fm", "ly", "gg", "cc", "ws", "to", "sh", "ac", "am", "nu"})
_DOMAIN_COUNTRY = {"uk": "GB"}  # the one ccTLD that is not its country's ISO code
_LOCALE = re.compile(r"(?P<lang>[a-z]{2,3})(?:[-_](?:[a-z]{4}[-_])?(?P<region>[a-z]{2}|\d{3}))?", re.I)


@dataclass(frozen=True, slots=True)
class DateOrder:
    """A convention for numeric dates and what it was taken from ("the record's locale en-GB")."""

    order: Order
    reason: str


def from_locale(locale: str | None) -> DateOrder | None:
    """The convention a locale tag names ("en-GB", "fr", "pt_BR"), or None when it names none."""
    match = _LOCALE.fullmatch((locale or "").strip())
    if match is None:
        return None
    region, language = (match["region"] or "").upper(), match["lang"].lower()
    why = f"the locale {locale!r}"
    if region and not region.isdigit():
        if region in EITHER:
            return None
        return DateOrder("mdy" if region in MONTH_FIRST else "dmy", why)
    return DateOrder("dmy", why) if language != "en" else None


def from_url(url: str | None) -> DateOrder | None:
    """The convention of the country whose domain the outlet's URL is under, or None."""
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:
        return None
    label = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(label) != 2 or not label.isalpha() or label in GENERIC_DOMAINS:
        return None
    country = _DOMAIN_COUNTRY.get(label, label.upper())
    if country in EITHER:
        return None
    return DateOrder("mdy" if country in MONTH_FIRST else "dmy", f"the outlet's domain .{label}")


def default_order() -> DateOrder:
    """The ``date_order`` setting: what an ambiguous date means when nothing about the record says."""
    value = settings.get("date_order").strip().lower()
    if value not in ("mdy", "dmy"):
        raise ConfigError(f"CLAIMGRAPH_DATE_ORDER must be mdy or dmy, not {value!r}")
    return DateOrder(value, "the date_order setting")  # type: ignore[arg-type]


_hint: ContextVar[DateOrder | None] = ContextVar("claimgraph_date_order", default=None)


def current_hint() -> DateOrder | None:
    """The convention the record being read states, if any (an HTML record's page keeps its record's)."""
    return _hint.get()


def current_order() -> DateOrder:
    """The convention for the record being read: its hint, else the setting."""
    return _hint.get() or default_order()


@contextmanager
def dates_written(*hints: DateOrder | None) -> Iterator[None]:
    """Read the numeric dates inside the block by the first of ``hints`` that says anything."""
    token = _hint.set(next((h for h in hints if h is not None), None))
    try:
        yield
    finally:
        _hint.reset(token)
