"""Inputs → ``Document`` records (or ``ExtractionError`` records with a reason)."""

from claimgraph.ingest.sources import read_paths

__all__ = ["read_paths"]
