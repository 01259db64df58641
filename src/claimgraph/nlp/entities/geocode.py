"""Where the places of a document are: PLACE entities resolved to GeoNames places, or left alone.

The candidates for a place are what the place gazetteer (``place_gazetteer``)
lists under any of the entity's names with a GeoNames id; a name that stands
for a country ("US", "Britain") is that country.  The rule, in order:

1. a country among the candidates is the answer ("Georgia" is the country
   unless the text says more);
2. a single candidate is the answer, provided it is a town of 15,000 people
   or more, a region or a continent: a village that merely shares the name
   ("Middle East", California) needs the support of step 4;
3. a city of 100,000 or more that has ten times the people of all its
   namesakes together is the answer ("Paris", "Moscow": a story datelined
   in Texas or Idaho that means the small namesake says so in other words);
4. otherwise the candidates in the country of the story's dateline decide:
   one of them is the answer, several are no answer;
5. with none there, the towns (15,000 or more) in the countries the
   document names or whose places settled in steps 1–2: one left is the
   answer ("Tripoli" in a story that names Libya);
6. anything else is no resolution, never a guess.

GeoNames gives countries no coordinates in our gazetteer: a country's
``geo`` has its id, name and null ``lat``/``lon``.
"""

from __future__ import annotations

from claimgraph.model import Document, Entity, Geo
from claimgraph.nlp.entities.place_gazetteer import Place, shipped_places
from claimgraph.nlp.entities.places import country_of

TOWN = 15_000  # people: below this a lone namesake needs the dateline's support
CITY = 100_000  # people: a city this big that dwarfs its namesakes (DOMINANCE times) needs no support
DOMINANCE = 10


def _candidates(entity: Entity) -> list[Place]:
    gazetteer = shipped_places()
    names = (entity.name, *entity.aliases)
    for name in names:
        country = country_of(name)
        if country is not None:
            return [p for p in gazetteer.lookup(country) if p.kind == "country" and p.id.isdigit()][:1]
    found: dict[str, Place] = {}
    for name in names:
        for place in gazetteer.lookup(name):
            located = place.lat is not None and place.lon is not None
            if place.id.isdigit() and (located or place.kind == "country"):
                found.setdefault(place.id, place)
    return list(found.values())


def _geo(place: Place) -> Geo:
    return Geo(int(place.id), place.lat, place.lon, place.country, place.admin1 if place.kind == "city" else None)


def _settled(candidates: list[Place]) -> Place | None:
    countries = [p for p in candidates if p.kind == "country"]
    if len(countries) == 1:
        return countries[0]
    if len(candidates) == 1 and (candidates[0].kind != "city" or candidates[0].population >= TOWN):
        return candidates[0]
    return None


def _dominant(candidates: list[Place]) -> Place | None:
    """The one big city that dwarfs every namesake, if there is one."""
    if not candidates:
        return None
    top = max(candidates, key=lambda p: p.population)
    rest = sum(p.population for p in candidates if p is not top)
    return top if top.kind == "city" and top.population >= CITY and top.population >= DOMINANCE * rest else None


def _dateline_countries(document: Document) -> set[str]:
    if document.dateline is None or not document.dateline.place:
        return set()
    out: set[str] = set()
    for part in document.dateline.place.split(","):
        found = [p for p in shipped_places().lookup(part.strip()) if p.id.isdigit()]
        place = _settled(found)
        if place is not None and place.country:
            out.add(place.country)
    return out


def geocode(entities: list[Entity], document: Document) -> None:
    """Give each PLACE entity its ``geo`` where the rule above settles it."""
    places = [e for e in entities if e.type == "PLACE"]
    candidates = {e.id: _candidates(e) for e in places}
    settled = {eid: p for eid, found in candidates.items() if (p := _settled(found)) is not None}
    dateline = _dateline_countries(document)
    context = {p.country for p in settled.values() if p.country}
    for entity in places:
        place = settled.get(entity.id)
        if place is None:
            found = candidates[entity.id]
            towns = [p for p in found if p.population >= TOWN]
            in_dateline = [p for p in found if p.country in dateline]
            in_context = [p for p in towns if p.country in context]
            place = _dominant(found)
            if place is None and in_dateline:
                place = in_dateline[0] if len(in_dateline) == 1 else None
            elif place is None:
                place = in_context[0] if len(in_context) == 1 else None
        if place is not None:
            entity.geo = _geo(place)
