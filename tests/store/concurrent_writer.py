"""A writer process for the concurrency tests: ``python concurrent_writer.py URL FIRST LAST``.

Writes invented documents FIRST..LAST-1 through the store's own write loop
and prints the summary as JSON.  Every document names a few of the same
small pool of new names, so two writers started at once keep inserting the
same name rows and judgements at the same moment.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimgraph.load import IngestSummary, write_results
from claimgraph.model import Extraction
from claimgraph.store import open_store
from records import document, entity, extraction

WORDS = ["Amber", "Gray", "Copper", "Reed", "Iron", "Salt", "Cinder", "Moss"]
KINDS = ["Front", "Brigade", "Movement", "Battalion"]


def world(first: int, last: int) -> list[Extraction]:
    """Documents ``first`` .. ``last - 1``; document ``i`` is the same whoever writes it."""
    out = []
    for i in range(first, last):
        names = [f"{WORDS[(i + k) % 8]} {KINDS[(i * 3 + k) % 4]} {(i + k) % 7}" for k in range(4)]
        text = " and ".join(names) + f" met on day {i}."
        ents = [entity(f"e{k}", name, "ARMED_GROUP", text, (name.split()[0] + " " + name.split()[1],))
                for k, name in enumerate(names)]  # fmt: skip
        out.append(extraction(document(text, path=f"doc-{i}.txt"), ents))
    return out


if __name__ == "__main__":
    url, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    engine = open_store(url)
    summary = IngestSummary()
    write_results(engine, world(first, last), "test", summary)
    print(json.dumps(asdict(summary)))
