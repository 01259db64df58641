"""Pipelines that take far too long on one marked document, for the time-budget tests.

Two kinds of slowness, for the two ways the budget is enforced (``nlp/components/budget.py``):

* ``test_slow_v1``, a component that keeps working in Python steps on a
  document holding ``SLOW`` — what one of our super-linear passes would do;
  it is registered in this process only, so it serves analyses run here (a
  thread of a Dask worker living in the test process, the main thread);
* a copy of the model with an entity ruler whose pattern backtracks for ever
  on the word ``BACKTRACKS`` (compiled code, like a tokenizer's quadratic
  search), saved to a folder, so a worker *process* loads it by path.
"""

from __future__ import annotations

import time
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp.components.pipeline import load_model

SLOW = "QWERTY-SLOW"
BACKTRACKS = "a" * 40 + "b"  # ^(a+)+$ tries every way of cutting the a's before it fails on the b
STEP = 0.05  # seconds per step of the slow component
STEPS = 1200  # a minute in all: longer than any budget a test sets, short enough not to hang a broken run


@Language.component("test_slow_v1")
def slow(doc: Doc) -> Doc:
    if SLOW in doc.text:
        for _ in range(STEPS):
            time.sleep(STEP)
    return doc


def saved_with_slow_component(folder: Path) -> str:
    """The model with ``test_slow_v1`` first, saved to ``folder``; its path, to load as a model."""
    nlp = load_model()
    nlp.add_pipe("test_slow_v1", first=True)
    nlp.to_disk(folder)
    return str(folder)


def saved_with_backtracking_ruler(folder: Path) -> str:
    """The model with an entity ruler that backtracks for ever on ``BACKTRACKS``, saved to ``folder``."""
    nlp = load_model()
    ruler = nlp.add_pipe("entity_ruler", first=True)
    ruler.add_patterns([{"label": "SLOW", "pattern": [{"TEXT": {"REGEX": "^(a+)+$"}}]}])  # type: ignore[attr-defined]
    nlp.to_disk(folder)
    return str(folder)
