"""claimgraph: conflict and security news → a sourced knowledge graph.

The public API is small and pinned by a test: ``extract`` (paths →
``Extraction``/``ExtractionError`` records) and ``to_json`` (a record → the
contract's JSON).  They are imported on first use, so ``import
claimgraph.ingest`` or ``claimgraph.store`` does not load spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimgraph.extract import extract_paths as extract
    from claimgraph.extract import to_json

__all__ = ["extract", "to_json"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "extract":
        from claimgraph.extract import extract_paths

        return extract_paths
    if name == "to_json":
        from claimgraph.extract import to_json

        return to_json
    raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")
