"""The model's attribute ruler matched through column lookups where its rules are single words.

spaCy's ``AttributeRuler`` (the model's tag map and exceptions: a part of
speech and morphology per fine tag, a lemma per word form) asks a
``Matcher`` for every rule at every token: some 180 patterns tried one by
one at each of a document's tokens was the largest single stage of our
pipeline after the networks.  Almost all of its rules are one token that
equals given values ({"TAG": "NNS"}, {"LOWER": "'s", "TAG": "POS"}); for
those the tokens are found from the document's columns: each rule is filed
under one of its one-value tests (the word's where it has one), that test's
column is sorted once per document, and a rule's other tests are tried only
on the tokens that hold its value (comparing whole columns for each of some
170 rules cost twice as much).
The other rules (several tokens, several patterns, sets or expressions)
stay with a ``Matcher`` of their own.  The ruler sorts the matches and sets
the attributes itself, so it writes what it wrote before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

# Token attributes whose values a column holds as the Matcher compares them: a string's hash, a flag.
_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_SETS = ("IN", "NOT_IN")


@dataclass(frozen=True, slots=True)
class _Test:
    """A token's ``column`` equals a value (or is one of ``values``); ``negated``: is none of them (NOT_IN)."""

    column: int
    values: np.ndarray
    negated: bool

    def hits(self, column: np.ndarray) -> np.ndarray:
        found = column == self.values[0] if len(self.values) == 1 else np.isin(column, self.values)
        return ~found if self.negated else found


# One single-word rule: its match id and the tests a token must pass.
_Rule = tuple[int, tuple[_Test, ...]]


class IndexedRules:
    """Answers the ruler's ``matcher(doc, allow_missing=True, as_spans=False)`` with the same matches.

    ``matcher`` stays the ruler's own for what reads its patterns back
    (``AttributeRuler.patterns``, its error messages).
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.matcher = ruler.matcher
        self.rest = Matcher(ruler.vocab)
        self.rules: list[_Rule] = []
        strings = ruler.vocab.strings
        for k in range(len(ruler.attrs)):
            key = str(k)  # the ruler's match id of its k-th rule
            patterns = ruler.matcher.get(key)[1]
            tests = _tests(patterns[0][0], strings) if len(patterns) == 1 and len(patterns[0]) == 1 else None
            if tests is None:
                self.rest.add(key, patterns)
            else:
                self.rules.append((strings[key], tests))
        self.attrs: list[int | str] = sorted({test.column for _, tests in self.rules for test in tests})
        # column → value → the rules filed under that value, each with its other tests
        keyed: dict[int, dict[int, list[_Rule]]] = {}
        self.unkeyed: list[_Rule] = []  # rules with no one-value test (sets only, NOT_IN)
        for match_id, tests in self.rules:
            filed = _filed_under(tests)
            if filed is None:
                self.unkeyed.append((match_id, tests))
            else:
                by_value = keyed.setdefault(filed.column, {}).setdefault(int(filed.values[0]), [])
                by_value.append((match_id, tuple(test for test in tests if test is not filed)))
        # per column, its filed values (to find a document's at once) and their rules
        self.keyed = {column: (np.array(list(rules), dtype=np.uint64), rules) for column, rules in keyed.items()}

    def get(self, key: str) -> Any:
        return self.matcher.get(key)

    def __call__(self, doc: Doc, *, allow_missing: bool = False, as_spans: bool = False) -> list[tuple[int, int, int]]:
        assert not as_spans, "the attribute ruler asks for match tuples"
        found: list[tuple[int, int, int]] = self.rest(doc, allow_missing=allow_missing)
        if not len(doc) or not self.rules:
            return found
        table = doc.to_array(self.attrs).reshape(len(doc), len(self.attrs))
        columns = {attr: table[:, n] for n, attr in enumerate(self.attrs)}
        for column, (filed, by_value) in self.keyed.items():
            order = np.argsort(columns[column], kind="stable")
            distinct, starts = np.unique(columns[column][order], return_index=True)
            ends = np.append(starts[1:], len(doc))
            held = np.flatnonzero(np.isin(distinct, filed))  # the values some rule is filed under
            for value, start, end in zip(
                distinct[held].tolist(), starts[held].tolist(), ends[held].tolist(), strict=True
            ):
                for match_id, rest in by_value[value]:
                    at = order[start:end]
                    if rest:
                        at = at[np.logical_and.reduce([test.hits(columns[test.column][at]) for test in rest])]
                    found += [(match_id, i, i + 1) for i in at.tolist()]
        for match_id, tests in self.unkeyed:
            hits = np.logical_and.reduce([test.hits(columns[test.column]) for test in tests])
            found += [(match_id, i, i + 1) for i in np.flatnonzero(hits).tolist()]
        return found


def _filed_under(tests: tuple[_Test, ...]) -> _Test | None:
    """The test a rule is filed under: one that asks for one value, a word's before others (it holds fewer tokens)."""
    single = [test for test in tests if len(test.values) == 1 and not test.negated]
    return min(single, key=lambda test: test.column != LOWER, default=None)


def _tests(token: dict[str, Any], strings: StringStore) -> tuple[_Test, ...] | None:
    """A token pattern's tests when it holds only values and IN / NOT_IN lists of them on known columns, else None.

    The values are read as the Matcher reads them: a plain string by its
    entry in the vocabulary's strings, a set's members by their ids, a flag
    as 1 or 0.
    """
    tests = []
    for name, value in token.items():
        column = _COLUMNS.get(name)
        if column is None:
            return None
        if isinstance(value, dict):
            if len(value) != 1:
                return None
            ((op, members),) = value.items()
            if op not in _SETS or not all(isinstance(m, str) for m in members):
                return None
            ids = [get_string_id(m) for m in members]
            tests.append(_Test(column, np.array(ids, dtype=np.uint64), op == "NOT_IN"))
        else:
            plain = int(value) if isinstance(value, bool) else strings.add(value)
            tests.append(_Test(column, np.array([plain], dtype=np.uint64), False))
    return tuple(tests) if tests else None


def index_attribute_ruler(nlp: Language) -> None:
    """Give the model's attribute ruler, when it has one, column lookups for its single-word rules."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler):
        ruler.matcher = IndexedRules(ruler)  # type: ignore[assignment]  # called as the ruler calls its Matcher
