"""``Graph``: the one library object every front end stands on.

A ``Graph`` is an open store plus everything a caller may ask of it:
ingesting documents, reading dossiers, claims, conflicts, documents and
figures, judging two names by hand, exporting.  The command line is a thin
shell over it, as a web page or an API would be, so the invariants live
here once:

* derived tables (canonical actors, origins) are brought up to date before
  every read, so a caller who reads right after a write never sees stale
  actors and never has to know there is anything to refresh;
* names typed by a user are resolved to actors here (an unknown or
  ambiguous name raises ``NotFoundError`` with the candidates);
* every answer is a typed record with a ``to_json()`` giving the contract's
  JSON.

    with Graph.open("sqlite:///claimgraph.db") as graph:
        graph.ingest(["examples/"])
        print(graph.dossier("HTS").to_json())
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self, TextIO

from claimgraph import settings
from claimgraph.errors import ConfigError
from claimgraph.model import PREDICATES, Extraction, ExtractionError, Judgement

if TYPE_CHECKING:
    import sqlalchemy as sa

    from claimgraph.analyze.browse import ActorHit, BrowseResult
    from claimgraph.analyze.claims import StoredClaim
    from claimgraph.analyze.conflicts import StoreConflict
    from claimgraph.analyze.documents import DocumentView
    from claimgraph.analyze.dossier import Dossier, Stats
    from claimgraph.analyze.events import EventConflict, EventGroup
    from claimgraph.analyze.neighbourhood import Neighbourhood
    from claimgraph.analyze.reports import Reports
    from claimgraph.load import IngestSummary
    from claimgraph.nlp.components.pipeline import Analyzer
    from claimgraph.resolve.explain import Explanation
    from claimgraph.resolve.hand import Placement
    from claimgraph.resolve.review import ReviewItem
    from claimgraph.resolve.worklist import Candidate, HandAction
    from claimgraph.store.read import Failure, StoredWarning
    from claimgraph.store.search import Hit
    from claimgraph.watch import Watch

log = logging.getLogger(__name__)

ExportFormat = Literal["jsonl", "csv", "graphml", "stix", "ftm"]


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """Which claims ``Graph.claims`` lists: actor sides by any of their names, a predicate, a date range."""

    subject: str | None = None
    predicate: str | None = None
    object: str | None = None
    source: str | None = None
    since: str | None = None  # earliest document day, YYYY-MM-DD
    until: str | None = None  # latest document day, YYYY-MM-DD
    subject_type: str | None = None  # the type each name is taken as, when it is written for several actors
    object_type: str | None = None
    source_type: str | None = None


def event_types() -> list[str]:
    """The PLOVER categories an event may have (``EventQuery.type``), sorted."""
    from claimgraph.nlp.events.event_lexicon import events as lexicon

    return sorted(lexicon().categories)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events ``Graph.events`` lists: sides and place by any of their names, a PLOVER type, dates."""

    actor: str | None = None
    target: str | None = None
    place: str | None = None
    type: str | None = None  # a PLOVER category (ASSAULT, FIGHT, PROTEST …), any case
    since: str | None = None  # earliest event date, YYYY[-MM[-DD]]
    until: str | None = None
    involving: str | None = None  # an actor on either side (the actor or the target)
    actor_type: str | None = None  # the type each name is taken as, when it is written for several actors
    target_type: str | None = None
    place_type: str | None = None
    involving_type: str | None = None

    def __post_init__(self) -> None:
        """An unknown type is a usage error before any store is opened."""
        if self.type is not None and self.type.upper() not in (known := event_types()):
            raise ConfigError(f"unknown event type {self.type!r} (one of {', '.join(known)})")


@dataclass(frozen=True, slots=True)
class JudgementOutcome:
    """What a hand judgement did: whether the names now name one actor, whether that is what was asked,
    and where every name of the actors involved sits now (``actors``)."""

    judgement: str  # positive (merge), negative (split), attach, detach
    left: str
    right: str
    judgements: int
    same_actor: bool
    done: bool = True
    actors: list[Placement] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "actors": [p.to_json() for p in self.actors]}


def _day(which: str, value: str | None) -> str | None:
    """``value`` as a ``YYYY-MM-DD`` day, or ``ConfigError`` naming the bound (``since``/``until``)."""
    from datetime import date

    if value is None:
        return None
    try:
        day = date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise ConfigError(f"{which} date {value!r} is not a day (YYYY-MM-DD, e.g. 2017-03-01)")
    return day.isoformat()


class Graph:
    """An open claimgraph store (see the module docstring)."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._analyzers: dict[str | None, Analyzer] = {}

    @classmethod
    def open(cls, url: str | None = None, create: bool = True) -> Graph:
        """Open (creating or upgrading as needed) the store at ``url`` (default: the ``db`` setting).

        ``create=False`` refuses a SQLite file that does not exist (``ConfigError``) instead of making one.
        """
        from claimgraph.store import open_store

        url = url or settings.get("db")
        log.debug("opening store %s", url)
        return cls(open_store(url, create))

    def close(self) -> None:
        """Release the store's connections."""
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    # ---- writing ----

    def _analyzer(self, model: str | None) -> Analyzer:
        if model not in self._analyzers:
            from claimgraph.nlp.components.pipeline import Analyzer

            self._analyzers[model] = Analyzer.load(model)
        return self._analyzers[model]

    def ingest(
        self,
        paths: Sequence[str | Path],
        model: str | None = None,
        progress: Callable[[str], None] | None = None,
        *,
        workers: int | None = None,
        dask: str | None = None,
        watch: Watch | None = None,
    ) -> IngestSummary:
        """Read, extract and store every document under ``paths`` (already stored content is skipped).

        ``workers`` extraction processes (default: the ``workers`` setting, 0
        for one per core) give the store a single process would; ``dask``
        (a scheduler address, or ``local`` for a loopback ``LocalCluster``)
        extracts on a Dask cluster, shard by shard, resuming after a kill.
        ``watch`` is told of each document written and of each batch a worker
        process or Dask worker analysed (the command line's progress display).
        """
        from claimgraph.load import ingest_paths, ingest_shards
        from claimgraph.nlp.components.workers import ProcessAnalyzer, requested_workers, worker_count

        if dask is not None:
            from claimgraph.nlp.components.cluster import ClusterAnalyzer, make_shards

            with ClusterAnalyzer(dask, model, workers or None, watch) as cluster:
                shards = make_shards(paths, max_files=settings.get_int("shard_files"))
                return ingest_shards(self._engine, shards, cluster, progress, watch)
        count = worker_count(requested_workers(workers))
        if count == 1:
            return ingest_paths(self._engine, paths, self._analyzer(model), progress, watch)
        with ProcessAnalyzer(count, model, settings.get_int("batch_size"), watch) as pool:
            return ingest_paths(self._engine, paths, pool, progress, watch)

    def add(self, results: Iterable[Extraction | ExtractionError], extractor: str = "claimgraph") -> IngestSummary:
        """Store results extracted elsewhere (``claimgraph.extract``, or records made by hand)."""
        from claimgraph.load import store_results

        return store_results(self._engine, results, extractor)

    def merge(self, a: str, b: str, type: str | None = None, type_b: str | None = None) -> JudgementOutcome:
        """Say by hand that the actors of ``a`` and ``b`` are one (overrides every automatic judgement).

        ``type`` narrows both names to actors of that type when a name is
        written for several; ``type_b`` narrows ``b`` to another type.
        """
        return self._judge(a, b, Judgement.POSITIVE, (type, type_b or type))

    def split(self, a: str, b: str, type: str | None = None, type_b: str | None = None) -> JudgementOutcome:
        """Say by hand that names ``a`` and ``b`` are two actors; every other name goes where its evidence says.

        ``type`` and ``type_b`` narrow the names as for ``merge``.
        """
        return self._judge(a, b, Judgement.NEGATIVE, (type, type_b or type))

    def _judge(self, a: str, b: str, judgement: Judgement, types: tuple[str | None, str | None]) -> JudgementOutcome:
        from claimgraph.resolve.hand import names_of
        from claimgraph.resolve.lookup import typed_name_ids
        from claimgraph.resolve.store import judge_names

        self._refresh()
        with self._engine.begin() as conn:
            left, right = typed_name_ids(conn, a, types[0]), typed_name_ids(conn, b, types[1])
            followed = [*names_of(conn, [a], types[0]), *names_of(conn, [b], types[1])]
            count = judge_names(conn, a, b, judgement, types=types)
        return self._outcome(judgement, a, b, count, left, right, followed, judgement is Judgement.POSITIVE)

    def attach(self, name: str, actor: str, type: str | None = None) -> JudgementOutcome:
        """Move the name ``name`` (of ``type``) to ``actor`` (any of its names, or its id), by hand."""
        from claimgraph.resolve.hand import attach, names_of
        from claimgraph.resolve.lookup import typed_name_ids

        self._refresh()
        with self._engine.begin() as conn:
            own, target = typed_name_ids(conn, name, type), typed_name_ids(conn, actor)
            followed = [*names_of(conn, [name], type), *names_of(conn, [actor])]
            count = attach(conn, name, actor, type)
        return self._outcome("attach", name, actor, count, own, target, followed, True)

    def detach(self, name: str, type: str | None = None) -> JudgementOutcome:
        """Make the name ``name`` (of ``type``) an actor of its own, by hand."""
        from claimgraph.resolve.hand import alone, detach, names_of, placements
        from claimgraph.resolve.lookup import typed_name_ids

        self._refresh()
        with self._engine.begin() as conn:
            own = typed_name_ids(conn, name, type)
            followed = names_of(conn, [name], type)
            count = detach(conn, name, type)
        with self._read() as conn:
            single = alone(conn, own)
            return JudgementOutcome("detach", name, "", count, not single, single, placements(conn, followed))

    def _outcome(
        self,
        judgement: str,
        a: str,
        b: str,
        count: int,
        left: list[str],
        right: list[str],
        followed: list[str],
        want_same: bool,
    ) -> JudgementOutcome:
        from claimgraph.resolve.hand import placements, same_actor

        with self._read() as conn:
            same = same_actor(conn, left, right)
            return JudgementOutcome(judgement, a, b, count, same, same == want_same, placements(conn, followed))

    # ---- reading (every read starts from fresh derived tables) ----

    def _refresh(self) -> None:
        from claimgraph.resolve.refresh import refresh

        if refresh(self._engine):
            log.debug("derived tables rebuilt before reading")

    def _read(self) -> sa.Connection:
        self._refresh()
        return self._engine.connect()

    def dossier(self, name: str, type: str | None = None) -> Dossier:
        """What is known about the actor ``name`` (any of its names, or its id; of ``type``) resolves to."""
        from claimgraph.analyze.dossier import dossier

        with self._read() as conn:
            return dossier(conn, name, type)

    def claims(self, query: ClaimQuery | None = None) -> list[StoredClaim]:
        """Stored claims on canonical actors matching ``query``, in document order.

        ``source`` matches who asserts a claim as the dossier shows it: the
        quoted source's actor, or, for a claim in the article's own voice,
        the publisher (any case).  Dates must be real ``YYYY-MM-DD`` days: a
        string compared as a string would let ``2017-13-01`` through.
        """
        from claimgraph.analyze.claims import ClaimFilter, load_claims, publisher_known
        from claimgraph.errors import NotFoundError
        from claimgraph.resolve.lookup import find_actor

        query = query or ClaimQuery()
        if query.predicate is not None and query.predicate not in PREDICATES:
            raise ConfigError(f"unknown predicate {query.predicate!r} (one of {', '.join(PREDICATES)})")
        since, until = _day("since", query.since), _day("until", query.until)
        with self._read() as conn:

            def actor(name: str | None, etype: str | None) -> frozenset[str] | None:
                return None if name is None else frozenset({find_actor(conn, name, etype).id})

            def speakers(name: str | None) -> frozenset[str] | None:
                try:
                    return actor(name, query.source_type)
                except NotFoundError:
                    if name is None or not publisher_known(conn, name):
                        raise
                    return frozenset()  # only a publisher by that name: its article-voice claims

            flt = ClaimFilter(
                subjects=actor(query.subject, query.subject_type),
                objects=actor(query.object, query.object_type),
                sources=speakers(query.source),
                publisher=query.source,
                predicate=query.predicate,
                since=since,
                until=until,
            )
            return load_claims(conn, flt)

    def conflicts(self) -> list[StoreConflict | EventConflict]:
        """Claims across the store that cannot both hold (changes over time marked), then event reports that disagree."""
        from claimgraph.analyze.conflicts import store_conflicts
        from claimgraph.analyze.events import event_conflicts, group_reports, load_reports

        with self._read() as conn:
            found: list[StoreConflict | EventConflict] = [*store_conflicts(conn)]
            return found + event_conflicts(group_reports(load_reports(conn)))

    def events(self, query: EventQuery | None = None) -> list[EventGroup]:
        """Stored events matching ``query``; reports of one event across articles grouped."""
        from claimgraph.analyze.events import group_reports, load_reports
        from claimgraph.resolve.lookup import find_actor
        from claimgraph.store import events as stored

        query = query or EventQuery()
        kind = query.type.upper() if query.type else None
        with self._read() as conn:

            def one(name: str | None, etype: str | None) -> frozenset[str] | None:
                return None if name is None else frozenset({find_actor(conn, name, etype).id})

            flt = stored.EventQuery(
                one(query.actor, query.actor_type),
                one(query.target, query.target_type),
                one(query.place, query.place_type),
                one(query.involving, query.involving_type),
                kind,
                query.since,
                query.until,
            )
            return group_reports(load_reports(conn, flt))

    def timeline(self, name: str, type: str | None = None) -> list[dict[str, Any]]:
        """The claims and events about the actor ``name`` (of ``type``) resolves to, by date (``timeline --json``)."""
        from claimgraph.analyze.claims import ClaimFilter, load_claims
        from claimgraph.analyze.events import timeline_entries
        from claimgraph.resolve.lookup import find_actor

        with self._read() as conn:
            found = find_actor(conn, name, type)
            claims = [c.to_json() for c in load_claims(conn, ClaimFilter(involving=frozenset({found.id})))]
            return timeline_entries(conn, found.id, claims)

    def review(self, limit: int | None = 20) -> list[ReviewItem]:
        """The actors most worth a look, riskiest first, each with its evidence (``resolve.review``)."""
        from claimgraph.resolve.review import review_queue

        with self._read() as conn:
            return review_queue(conn, limit)

    def explain(self, name: str, type: str | None = None) -> Explanation:
        """Why the names of the actor ``name`` resolves to are one: each name's path of judgements, strongest first."""
        from claimgraph.resolve.explain import explain

        with self._read() as conn:
            return explain(conn, name, type)

    def stats(self) -> Stats:
        """The store's figures."""
        from claimgraph.analyze.dossier import stats

        with self._read() as conn:
            return stats(conn)

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        """Documents whose title or text contains every word of ``text``, best first."""
        from claimgraph.store.search import search

        with self._engine.connect() as conn:  # documents only: nothing derived to refresh
            return search(conn, text, limit)

    def failures(self) -> list[Failure]:
        """Documents that could not be read or analysed, with the reason, by path."""
        from claimgraph.store.read import failures

        with self._engine.connect() as conn:
            return failures(conn)

    def warnings(self) -> list[StoredWarning]:
        """What reading changed in stored documents without failing them (stripped characters, guessed dates)."""
        from claimgraph.store.read import warnings

        with self._engine.connect() as conn:
            return warnings(conn)

    def document(self, document_id: str) -> DocumentView:
        """One stored document for display: its text, and its mentions, attributions and claims with offsets."""
        from claimgraph.analyze.documents import document_view

        with self._read() as conn:
            return document_view(conn, document_id)

    # ---- what the workbench browses: faceted search, neighbourhoods, reports, the review queue ----

    def browse(
        self,
        text: str = "",
        *,
        type: str | None = None,
        predicate: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        offset: int = 0,
        limit: int = 20,
    ) -> BrowseResult:
        """Actors by any of their names and documents by their words, with facet counts, one page of documents."""
        from claimgraph.analyze.browse import BrowseQuery, browse

        if predicate is not None and predicate not in PREDICATES:
            raise ConfigError(f"unknown predicate {predicate!r} (one of {', '.join(PREDICATES)})")
        query = BrowseQuery(text, type, predicate, outlet, since, until, offset, limit)
        with self._read() as conn:
            return browse(conn, query)

    def actors(self, text: str, type: str | None = None) -> list[ActorHit]:
        """The actors one of whose names starts with (or has a word starting with) ``text``, best first."""
        from claimgraph.analyze.browse import find_actors

        with self._read() as conn:
            return find_actors(conn, text, type)

    def neighbourhood(self, name: str, depth: int = 1, limit: int = 150, type: str | None = None) -> Neighbourhood:
        """The actors within ``depth`` claim steps of the actor ``name`` (of ``type``) resolves to, at most ``limit``."""
        from claimgraph.analyze.neighbourhood import neighbourhood
        from claimgraph.resolve.lookup import find_actor

        with self._read() as conn:
            return neighbourhood(conn, find_actor(conn, name, type).id, depth, limit)

    def reports(self, name: str, type: str | None = None) -> Reports:
        """Documents writing any name of the actor ``name`` (of ``type``) resolves to, counted by publication day."""
        from claimgraph.analyze.reports import reports
        from claimgraph.resolve.lookup import find_actor

        with self._read() as conn:
            return reports(conn, find_actor(conn, name, type).id)

    def candidates(self, limit: int = 50) -> list[Candidate]:
        """Pairs of names the matcher was unsure of (or only just merged) that nobody judged by hand."""
        from claimgraph.resolve.worklist import candidates

        with self._read() as conn:
            return candidates(conn, limit)

    def hand_actions(self) -> list[HandAction]:
        """Every merge and split made by hand, latest first (``undo`` takes one back)."""
        from claimgraph.resolve.worklist import hand_actions

        with self._read() as conn:
            return hand_actions(conn)

    def undo(self, action_id: int) -> HandAction:
        """Take back the hand judgement ``action_id``; the next read rebuilds the actors without it."""
        from claimgraph.resolve.worklist import undo

        with self._engine.begin() as conn:
            return undo(conn, action_id)

    def export(self, format: ExportFormat | str, out: TextIO | str | Path) -> None:
        """The whole store in ``format`` (jsonl, csv, graphml, stix, ftm), to a text stream or a file path."""
        from claimgraph.export import FORMATS, export_store
        from claimgraph.export.output import export_file
        from claimgraph.store import store_files

        if format not in FORMATS:
            raise ConfigError(f"unknown format {format!r} ({', '.join(FORMATS)})")
        with self._read() as conn:
            if isinstance(out, str | Path):
                # Never the store's own files; written beside the target and renamed in when complete.
                with export_file(Path(out), store_files(self._engine)) as fh:
                    export_store(conn, format, fh)
            else:
                export_store(conn, format, out)
