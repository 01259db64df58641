"""claimgraph: conflict and security news → a sourced knowledge graph.

The public API is small and pinned by a test: ``Graph`` (an open store and
everything a front end asks of it: ingest, dossiers, claims, conflicts,
documents, judgements by hand, exports; ``ClaimQuery`` and ``EventQuery`` say which claims and events),
``extract`` (paths → ``Extraction``/``ExtractionError`` records),
``to_json`` (a record → the contract's JSON) and ``open_store`` (a store URL
→ an engine at the newest schema).  They are imported on first use, so
``import claimgraph`` does not load spaCy, and opening a ``Graph`` does not
either until something is analysed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimgraph.extraction import extract_paths as extract
    from claimgraph.extraction import to_json
    from claimgraph.graph import ClaimQuery, EventQuery, Graph
    from claimgraph.store import open_store

__all__ = ["ClaimQuery", "EventQuery", "Graph", "extract", "open_store", "to_json"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in ("Graph", "ClaimQuery", "EventQuery"):
        from claimgraph import graph

        return getattr(graph, name)
    if name == "extract":
        from claimgraph.extraction import extract_paths

        return extract_paths
    if name == "to_json":
        from claimgraph.extraction import to_json

        return to_json
    if name == "open_store":
        from claimgraph.store import open_store

        return open_store
    raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")
