"""claimgraph: conflict and security news → a sourced knowledge graph.

The public API is small and pinned by a test: ``extract`` (inputs →
extraction records) and ``to_json`` (a record → the contract's JSON).
"""

from claimgraph.extract import extract_paths as extract
from claimgraph.extract import to_json

__all__ = ["extract", "to_json"]
__version__ = "0.1.0"
