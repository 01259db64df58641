"""Invented extraction records for the store benchmarks: no NLP, so only the store is measured.

Document ``i`` is always the same record (its content depends on ``i``
alone), so stores of different sizes share their first documents and "ten
new documents" are the same ten whatever store they go into.  Names come
from pools of invented words: groups in several spellings, people by full
and short name, places; every twentieth document is a near-copy of the one
before it (a syndicated story), so origins have groups to find.
"""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path

import sqlalchemy as sa

from claimgraph.load import IngestSummary, write_results
from claimgraph.model import Claim, Document, Entity, Extraction, Span

WORDS = ["Amber", "Gray", "Copper", "Reed", "Iron", "Salt", "Cinder", "Moss", "Flint", "Birch", "Quarry", "Harrow"]
PLACES = ["Valdris", "Korvana", "Estmoor", "Lindhaven", "Merrow", "Tolvik", "Ardent", "Brisk", "Calder", "Dunmere"]
KINDS = ["Front", "Brigade", "Movement", "Battalion", "Army", "Guard"]
FIRST = ["Tomas", "Ilse", "Petra", "Oskar", "Hanna", "Jonas", "Mira", "Aleks", "Sanna", "Viktor", "Linnea", "Eero"]
LAST = ["Ekwall", "Marrow", "Sundqvist", "Lindell", "Virtanen", "Haldor", "Kessel", "Ostrand", "Brevik", "Tolvani"]


def _group(rng: random.Random) -> str:
    a, b = rng.sample(WORDS, 2)
    return f"{a} {b} {rng.choice(KINDS)}"


def _entity(local: str, name: str, etype: str, text: str, aliases: tuple[str, ...] = ()) -> Entity:
    start = text.find(name)
    return Entity(local, name, etype, aliases=list(aliases), mentions=[Span(start, start + len(name), name)])  # type: ignore[arg-type]


def extraction(i: int) -> Extraction:
    """Document ``i``: a short story naming two groups, a person and a place, with two claims."""
    rng = random.Random(i - i % 20 if i % 20 == 19 else i)  # document 19, 39, … retell 18, 38, …
    g1, g2 = _group(rng), _group(rng)
    first, last, place = rng.choice(FIRST), rng.choice(LAST), rng.choice(PLACES)
    person = f"{first} {last}"
    text = (
        f"Fighters of the {g1} attacked positions held by the {g2} near {place} on day {rng.randint(1, 900)}, "
        f"{person}, a spokesman for the {g1}, said. {last} said the {g2} had moved {rng.randint(2, 90)} "
        f"units into {place}, and residents said families had left the area since the fighting began."
    )
    if i % 20 == 19:
        text += " The report was carried by several outlets."
    words = g1.split()
    entities = [
        _entity("e1", g1, "ARMED_GROUP", text, (f"{words[0][0]}{words[1][0]}{words[2][0]}",) if i % 3 == 0 else ()),
        _entity("e2", g2, "ARMED_GROUP", text),
        _entity("e3", person, "PERSON", text, (last,)),
        _entity("e4", place, "PLACE", text),
    ]
    evidence = Span(0, len(text), text)  # type: ignore[arg-type]
    claims = [
        Claim("c1", "e1", "attacked", "e2", None, "affirmed", False, "e3", [], "said", None, evidence),
        Claim("c2", "e3", "spokesperson_of", "e1", None, "affirmed", False, None, [], None, None, evidence),
    ]
    digest = hashlib.sha256(f"synthetic-{i}\0{text}".encode()).hexdigest()
    doc = Document(id=f"sha256:{digest}", source_path=f"synthetic/{i:07d}.txt", text=text)
    return Extraction(document=doc, entities=entities, claims=claims)


def extractions(first: int, last: int) -> list[Extraction]:
    """Documents ``first`` .. ``last - 1``."""
    return [extraction(i) for i in range(first, last)]


FILL = 2000  # documents made and written per call while filling a store


def rss_mb() -> float:
    """The current resident set of this process, in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 1e6


def fill(engine: sa.Engine, size: int, marks: set[int], first: int = 0) -> dict[int, float]:
    """Write documents ``first`` .. ``size - 1`` through the ingest's writer, 500 per transaction.

    This is the bulk path an ingest takes (``write_results``: ``COPY`` on
    PostgreSQL), without the NLP and without the refresh at the end.
    Returns this process's resident memory after each of ``marks``
    documents (counted from document 0).
    """
    memory, before = {}, os.environ.get("CLAIMGRAPH_BATCH_SIZE")
    os.environ["CLAIMGRAPH_BATCH_SIZE"] = "500"
    try:
        start = first
        while start < size:
            done = min([size, start + FILL, *(m for m in marks if m > start)])  # calls end at the marks
            write_results(engine, extractions(start, done), "bench", IngestSummary())
            if done in marks:
                memory[done] = rss_mb()
            start = done
    finally:
        if before is None:
            del os.environ["CLAIMGRAPH_BATCH_SIZE"]
        else:
            os.environ["CLAIMGRAPH_BATCH_SIZE"] = before
    return memory
