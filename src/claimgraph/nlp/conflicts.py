"""Conflict rules between claims, shared by extraction and the store. (Being written.)"""

from __future__ import annotations

from claimgraph.model import Claim, Conflict


def find_conflicts(claims: list[Claim]) -> list[Conflict]:
    """Pairs of ``claims`` that cannot both hold."""
    return []
