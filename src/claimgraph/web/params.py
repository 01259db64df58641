"""The parameters the pages and the API accept, validated once (pydantic, through FastAPI).

A value outside these shapes is answered with a 422 naming the parameter,
never passed on to the library to fail deeper down.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field

DAY = r"^(\d{4}-\d{2}-\d{2})?$"  # empty: not given (a plain form sends every field)
ACTOR_ID = r"^[A-Za-z0-9:_-]{1,80}$"
PAGE_SIZE = 20

Text = Annotated[str, Query(max_length=500, description="Words or a name.")]
Day = Annotated[str | None, Query(pattern=DAY, description="A day, YYYY-MM-DD.")]
Name = Annotated[str | None, Query(min_length=1, max_length=500, description="Any name of an actor, or its id.")]
KIND = r"^[A-Za-z_]{0,40}$"  # an actor type (PERSON, ARMED_GROUP …); empty: any
Kind = Annotated[
    str | None, Query(pattern=KIND, description="The type a name is taken as, when it is written for several actors.")
]
Actor = Annotated[str, Query(min_length=1, max_length=500, description="An actor id, or any of its names.")]
Facet = Annotated[str | None, Query(max_length=200, description="A facet value (empty: any).")]
Depth = Annotated[int, Query(ge=1, le=3, description="Claim steps out from the actor.")]
Span = Annotated[int | None, Query(ge=0, le=100_000_000, description="Character offset in the document's text.")]


class SearchParams(BaseModel):
    """The search page's and ``/api/search``'s query: words, facet choices (empty means any), a page."""

    q: str = Field("", max_length=500)
    type: str | None = Field(None, max_length=200)
    predicate: str | None = Field(None, max_length=200)
    outlet: str | None = Field(None, max_length=200)
    since: str | None = Field(None, pattern=DAY)
    until: str | None = Field(None, pattern=DAY)
    page: int = Field(1, ge=1, le=10_000)

    def facets(self) -> dict[str, str | None]:
        """The facet choices, with the empty values a plain form sends read as "any"."""
        chosen = {"type": self.type, "predicate": self.predicate, "outlet": self.outlet}
        return {k: v or None for k, v in {**chosen, "since": self.since, "until": self.until}.items()}


PERIOD = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # an event date keeps its precision: YYYY, YYYY-MM or YYYY-MM-DD


class EventParams(BaseModel):
    """The events page's and ``/api/events``' filters (``claimgraph events``' options); empty means any."""

    actor: str | None = Field(None, max_length=500)
    target: str | None = Field(None, max_length=500)
    involving: str | None = Field(None, max_length=500)
    place: str | None = Field(None, max_length=500)
    type: str | None = Field(None, max_length=40)
    since: str | None = Field(None, pattern=PERIOD)
    until: str | None = Field(None, pattern=PERIOD)
    actor_type: str | None = Field(None, pattern=KIND)  # the type each name is taken as (empty: any)
    target_type: str | None = Field(None, pattern=KIND)
    involving_type: str | None = Field(None, pattern=KIND)
    place_type: str | None = Field(None, pattern=KIND)

    def chosen(self) -> dict[str, str | None]:
        """The filters given, with the empty values a plain form sends read as "any"."""
        return {k: v or None for k, v in self.model_dump().items()}


class JudgementRequest(BaseModel):
    """``POST /api/judgements``: two names (or actor ids) are one actor, or two."""

    model_config = ConfigDict(extra="forbid")

    a: str = Field(min_length=1, max_length=500)
    b: str = Field(min_length=1, max_length=500)
    judgement: Literal["positive", "negative"]
    type: str | None = Field(None, pattern=KIND)  # both names' type, when a name is written for several actors
    type_b: str | None = Field(None, pattern=KIND)  # b's type, when it differs
