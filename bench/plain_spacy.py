"""The baseline the entity work is measured against: the stock spaCy model, nothing else.

Writes ``claimgraph extract``-shaped JSON Lines whose entities are the plain
model's ``doc.ents`` mapped to the contract's types (PERSON → PERSON, ORG →
ORGANIZATION, GPE/LOC → PLACE; other labels dropped), one entity per
distinct name, so ``score.py`` can score it beside our extractor.  Documents
are read by the same ingest as ``claimgraph extract``.  Usage:

    .venv/bin/python bench/plain_spacy.py PATH [PATH ...] > plain.jsonl
    python3 ../shared/tools/score.py articles ../shared/corpus/dev plain.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys

from claimgraph.extraction import to_json
from claimgraph.ingest import read_paths
from claimgraph.model import Document, Extraction
from claimgraph.nlp.components.pipeline import load_model
from claimgraph.nlp.components.records import plain_entities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    nlp = load_model()
    items = list(read_paths(args.paths))
    documents = [d for d in items if isinstance(d, Document)]
    docs = dict(zip((id(d) for d in documents), nlp.pipe(d.text for d in documents), strict=True))
    for item in items:
        result = item if not isinstance(item, Document) else Extraction(item, plain_entities(docs[id(item)]))
        sys.stdout.write(json.dumps(to_json(result), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
