"""The store's tables (SQLAlchemy Core), the one description of its shape.

Three kinds of rows live here:

* **statements** written once per document and never changed: documents,
  entities, entity names, mentions, attributions, claims, events and the
  extraction's own conflicts.  Their ids are content hashes, so storing the
  same document twice writes nothing new.
* **judgements** about whether two names are one actor (automatic or by
  hand); they are the only input to resolution.
* **derived** rows (``canonical``, ``actors``, ``origins``) recomputed from
  the two above whenever the ``meta`` table marks them behind, so a crash
  can never leave them wrong for long and a merge is never done in place.
  ``touched`` lists what changed since, so only the affected part is
  recomputed; ``name_blocks`` and ``minhash_bands`` are the persisted
  indexes that find a new name's or document's neighbours, and
  ``short_forms`` the names that follow a full name's actor.

Column types are portable (JSON lists are kept as text) so that the same
schema serves SQLite and PostgreSQL; full-text search is dialect-specific
and lives in the migrations and ``search.py``.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("source_path", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("section", sa.Text),
    sa.Column("summary", sa.Text),
    sa.Column("published", sa.String(40)),
    sa.Column("day", sa.String(10), index=True),  # ISO date used for ordering: published, else dateline
    sa.Column("dateline_place", sa.Text),
    sa.Column("dateline_date", sa.String(10)),
    sa.Column("authors", sa.Text, nullable=False),  # JSON list
    sa.Column("publisher", sa.Text, index=True),  # indexed so an ingest recounts only its publishers' outlets
    sa.Column("language", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("extractor", sa.String(120), nullable=False),
    sa.Column("minhash", sa.LargeBinary),
    sa.Column("warnings", sa.Text),  # JSON list of {"code", "message"}: what reading changed; NULL for nothing
)
# Covering (migration 0011): the day and publisher a dossier reads for every claim and name, from the index alone.
sa.Index("ix_documents_id_day", documents.c.id, documents.c.day, documents.c.publisher)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("source_path", sa.Text, primary_key=True),
    sa.Column("document_id", sa.String(80)),
    sa.Column("code", sa.String(40), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("extractor", sa.String(120), nullable=False),
)

# One resolution node per (type, folded name): the unit judgements are about.
names = sa.Table(
    "names",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("fold", sa.Text, nullable=False, index=True),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("key", sa.Text, nullable=False, index=True),
    sa.Column("gazetteer_id", sa.Text, index=True),
    sa.Column("scope", sa.String(80)),  # a document id for names that only mean something there
    sa.Column("resolved", sa.Boolean, nullable=False, default=False, index=True),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("document_id", sa.String(80), sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("local_id", sa.String(20), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("name_id", sa.String(40), sa.ForeignKey("names.id"), nullable=False),
    sa.Column("gazetteer_id", sa.Text),
    sa.Column("descriptions", sa.Text, nullable=False),  # JSON list
    # where a place resolved (entities[].geo): GeoNames id, coordinates (none for a country), names
    sa.Column("geonames_id", sa.Integer),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("country", sa.Text),
    sa.Column("admin1", sa.Text),
)
# Covering (migration 0011): a name's entities' gazetteer entries; also the lookup of a name's entities.
sa.Index("ix_entities_name_gazetteer", entities.c.name_id, entities.c.gazetteer_id)

entity_names = sa.Table(
    "entity_names",
    metadata,
    sa.Column("entity_id", sa.String(40), sa.ForeignKey("entities.id"), primary_key=True),
    sa.Column("surface", sa.Text, primary_key=True),
    sa.Column("name_id", sa.String(40), sa.ForeignKey("names.id"), nullable=False),
    sa.Column("document_id", sa.String(80), nullable=False),
    sa.Column("day", sa.String(10)),  # the document's, written with the name (migration 0013), as claims.day
)
# Covering (migrations 0011, 0013): a name's spellings, the documents writing them and their days; also the
# lookup by name.
sa.Index(
    "ix_entity_names_name_surface",
    entity_names.c.name_id,
    entity_names.c.surface,
    entity_names.c.document_id,
    entity_names.c.day,
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("entity_id", sa.String(40), sa.ForeignKey("entities.id"), primary_key=True),
    sa.Column("field", sa.String(16), primary_key=True),  # "text" or "title"
    sa.Column("start", sa.Integer, primary_key=True),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

attributions = sa.Table(
    "attributions",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("document_id", sa.String(80), sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("local_id", sa.String(20), nullable=False),
    sa.Column("source_text", sa.Text),
    sa.Column("source_start", sa.Integer),
    sa.Column("source_end", sa.Integer),
    sa.Column("source_entity_id", sa.String(40)),
    sa.Column("cue_text", sa.Text, nullable=False),
    sa.Column("cue_start", sa.Integer, nullable=False),
    sa.Column("cue_end", sa.Integer, nullable=False),
    sa.Column("content_text", sa.Text, nullable=False),
    sa.Column("content_start", sa.Integer, nullable=False),
    sa.Column("content_end", sa.Integer, nullable=False),
    sa.Column("direct", sa.Boolean, nullable=False),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("document_id", sa.String(80), sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("local_id", sa.String(20), nullable=False),
    sa.Column("subject_id", sa.String(40), sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("subject_name_id", sa.String(40), nullable=False, index=True),
    sa.Column("predicate", sa.String(40), nullable=False, index=True),
    sa.Column("object_id", sa.String(40), sa.ForeignKey("entities.id")),
    sa.Column("object_name_id", sa.String(40), index=True),
    sa.Column("object_literal", sa.Text),
    sa.Column("polarity", sa.String(10), nullable=False),
    sa.Column("hedged", sa.Boolean, nullable=False),
    sa.Column("source_id", sa.String(40), sa.ForeignKey("entities.id")),
    sa.Column("source_name_id", sa.String(40), index=True),
    sa.Column("via", sa.Text, nullable=False),  # JSON list of name ids, outermost first
    sa.Column("cue", sa.Text),
    sa.Column("attribution_id", sa.String(40)),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("tense", sa.String(10)),  # "past" for a relation stated as over; NULL for one that holds
    # The document's day and publisher, written with the claim (a document never changes; migration 0012):
    # a dossier reads them for every claim it shows, and here that costs no lookup of the document.
    sa.Column("day", sa.String(10)),
    sa.Column("publisher", sa.Text),
)

document_conflicts = sa.Table(
    "document_conflicts",
    metadata,
    sa.Column("document_id", sa.String(80), sa.ForeignKey("documents.id"), primary_key=True),
    sa.Column("claim_a", sa.String(40), primary_key=True),
    sa.Column("claim_b", sa.String(40), primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("explanation", sa.Text, nullable=False),
)

# One row per event a document reports.  Casualty figures are kept as bounds
# (an exact figure has min = max; "at least 12" has no max) so reports can be
# compared; ``claims`` lists the stored claims the event implies.
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("document_id", sa.String(80), sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("local_id", sa.String(20), nullable=False),
    sa.Column("type", sa.String(16), nullable=False, index=True),
    sa.Column("mode", sa.String(24)),
    sa.Column("actor_id", sa.String(40), sa.ForeignKey("entities.id")),
    sa.Column("actor_name_id", sa.String(40), index=True),
    sa.Column("target_id", sa.String(40), sa.ForeignKey("entities.id")),
    sa.Column("target_name_id", sa.String(40), index=True),
    sa.Column("place_id", sa.String(40), sa.ForeignKey("entities.id")),
    sa.Column("place_name_id", sa.String(40), index=True),
    sa.Column("place_geonames_id", sa.Integer),  # where the place resolved (entities[].geo), as this document read it
    sa.Column("place_lat", sa.Float),
    sa.Column("place_lon", sa.Float),
    sa.Column("place_country", sa.Text),
    sa.Column("place_admin1", sa.Text),
    sa.Column("date", sa.String(10), index=True),  # YYYY-MM-DD, YYYY-MM or YYYY
    sa.Column("date_precision", sa.String(8)),
    sa.Column("killed_min", sa.Integer),
    sa.Column("killed_max", sa.Integer),
    sa.Column("wounded_min", sa.Integer),
    sa.Column("wounded_max", sa.Integer),
    sa.Column("kidnapped_min", sa.Integer),
    sa.Column("kidnapped_max", sa.Integer),
    sa.Column("polarity", sa.String(10), nullable=False),
    sa.Column("hedged", sa.Boolean, nullable=False),
    sa.Column("source_id", sa.String(40), sa.ForeignKey("entities.id")),
    sa.Column("source_name_id", sa.String(40), index=True),
    sa.Column("via", sa.Text, nullable=False),  # JSON list of name ids, outermost first
    sa.Column("attribution_id", sa.String(40)),
    sa.Column("claims", sa.Text, nullable=False),  # JSON list of claim ids
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("trigger_start", sa.Integer, nullable=False),
    sa.Column("trigger_end", sa.Integer, nullable=False),
    sa.Column("trigger_text", sa.Text, nullable=False),
)

judgements = sa.Table(
    "judgements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("left_id", sa.String(40), sa.ForeignKey("names.id"), nullable=False, index=True),
    sa.Column("right_id", sa.String(40), sa.ForeignKey("names.id"), nullable=False, index=True),
    sa.Column("judgement", sa.String(10), nullable=False),  # positive | negative | unsure
    sa.Column("by_hand", sa.Boolean, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    # the matcher version that decided an automatic judgement; NULL for hand judgements and for a
    # document naming two names as one (evidence, not a decision), never re-judged (migration 0006)
    sa.Column("matcher", sa.Integer, index=True),
)
# One automatic judgement per pair of names and reason (each document naming two names as one is
# its own evidence; hand judgements accumulate, the latest wins), so a concurrent ingest that
# reaches the same verdict inserts nothing (migration 0003).
AUTO_JUDGEMENT = judgements.c.by_hand.is_(False)
UNIQUE_AUTO_JUDGEMENT = sa.Index(
    "ux_judgements_auto",
    judgements.c.left_id,
    judgements.c.right_id,
    judgements.c.reason,
    unique=True,
    sqlite_where=AUTO_JUDGEMENT,
)


def for_postgresql() -> None:
    """Give the tables their PostgreSQL-only options (idempotent); called when a PostgreSQL engine is made.

    Not written in the ``Index`` itself: naming a ``postgresql_`` option loads
    SQLAlchemy's PostgreSQL dialect, a cost every command on a SQLite store
    would pay at start for nothing.
    """
    UNIQUE_AUTO_JUDGEMENT.dialect_options["postgresql"]["where"] = AUTO_JUDGEMENT
    MERGED_ORIGINS.dialect_options["postgresql"]["where"] = MERGED_ORIGIN


# Counters kept with the statements, in the same transaction (store/counts.py): documents are only ever
# added, so each name's counts grow by what each new document adds and resolution reads a row per name,
# never one per mention, however many documents write the name.
name_documents = sa.Table(
    "name_documents",
    metadata,
    sa.Column("name_id", sa.String(40), sa.ForeignKey("names.id"), primary_key=True),
    sa.Column("documents", sa.Integer, nullable=False),  # distinct documents whose entity names carry it
)

name_spellings = sa.Table(
    "name_spellings",
    metadata,
    sa.Column("name_id", sa.String(40), sa.ForeignKey("names.id"), primary_key=True),
    sa.Column("name", sa.Text, primary_key=True),  # entities.name
    sa.Column("type", sa.String(16), primary_key=True),
    sa.Column("entities", sa.Integer, nullable=False),  # entities written this way with this name node
)

# ---- derived: rebuilt from the rows above, never edited by hand ----

canonical = sa.Table(
    "canonical",
    metadata,
    sa.Column("name_id", sa.String(40), sa.ForeignKey("names.id"), primary_key=True),
    sa.Column("actor_id", sa.String(40), nullable=False, index=True),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
)

origins = sa.Table(
    "origins",
    metadata,
    sa.Column("document_id", sa.String(80), sa.ForeignKey("documents.id"), primary_key=True),
    sa.Column("origin_id", sa.String(80), nullable=False, index=True),
)
# The documents another document is the origin of (migration 0014), with their origin: a dossier looks up
# every claim's document here, and a document that is its own origin, as most are, is no entry to read.
MERGED_ORIGIN = origins.c.origin_id != origins.c.document_id
MERGED_ORIGINS = sa.Index("ix_origins_merged", origins.c.document_id, origins.c.origin_id, sqlite_where=MERGED_ORIGIN)

# Every spelling of a publisher → the outlet's key (folded, spaces dropped) and the one name shown for it.
outlets = sa.Table(
    "outlets",
    metadata,
    sa.Column("spelling", sa.Text, primary_key=True),
    sa.Column("key", sa.Text, nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
)

# ---- incremental bookkeeping: what the derived rows have not caught up with, and where neighbours are ----

# Names and documents written (or judged) since the derived rows were last brought up to date.
# A log: one row per note, deleted by the refresh that acted on it (store/touched.py).
touched = sa.Table(
    "touched",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(8), nullable=False),  # "name" or "document"
    sa.Column("item_id", sa.String(80), nullable=False),
)

# The resolution blocks each judged name is filed under (resolve/blocking.py), so a new name finds
# the names it must be compared with without the store re-keying every name.
name_blocks = sa.Table(
    "name_blocks",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("name_id", sa.String(40), sa.ForeignKey("names.id"), primary_key=True, index=True),
)

# Each document's MinHash LSH band values (resolve/origins.py): documents sharing one are near-duplicate candidates.
minhash_bands = sa.Table(
    "minhash_bands",
    metadata,
    sa.Column("band", sa.Integer, primary_key=True),
    sa.Column("bucket", sa.LargeBinary, primary_key=True),
    sa.Column("document_id", sa.String(80), sa.ForeignKey("documents.id"), primary_key=True, index=True),
)

# A person's short form scoped to one document whose only evidence is that document naming it as one
# actor with one full name: it takes that full name's actor (resolve/short_forms.py) instead of being clustered.
short_forms = sa.Table(
    "short_forms",
    metadata,
    sa.Column("name_id", sa.String(40), sa.ForeignKey("names.id"), primary_key=True),
    sa.Column("full_id", sa.String(40), sa.ForeignKey("names.id"), nullable=False, index=True),
)

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
