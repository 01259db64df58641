"""Inputs → ``Document`` records (or ``ExtractionError`` records with a reason).

sources      walk paths in a stable order, pick a reader per file
├── records  .json / .jsonl records (text or html, with their own metadata)
├── warc     .warc / .warc.gz archives, resuming after a corrupt record
├── feeds    RSS / Atom entries
├── html     pages through trafilatura, then the text layout rules
└── text     plain-text layout: headline, header block, body, footer
    ├── credits      datelines and bylines
    ├── boilerplate  junk, noise and footer lines
    └── dates        timestamps with their UTC offset
decode       bytes → text, or empty / binary / too_large / undecodable
article      what a reader found, and how it becomes a Document
"""

from claimgraph.ingest.sources import read_paths

__all__ = ["read_paths"]
