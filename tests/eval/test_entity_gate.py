"""Eval gate for entities: pinned floors on score.py's measures (raise them as quality rises).

Entity F1 counts one-to-one matches of (name or alias, type) against the
gold files; alias recall is the share of gold names and aliases found in
the matched entity.  The floors sit a little under the figures measured
when they were pinned (dev, 30 articles: entity F1 0.943, alias recall
0.974, in-sample: the learned type corrector is trained on dev, and its
5-fold document cross-validation gives 0.917, reported by
scripts/train_type_corrector.py; check, 12 articles never tuned on: 0.856 /
0.949; with the corrector retrained beside en_core_web_md's recognizer: dev 0.937 / 0.974 by default,
and with that recognizer on (the ner_model setting, off by default) dev 0.947 / 0.970 in-sample, 0.919
cross-validated, check 0.880 / 0.965; with the institution-name shape, the date/creed/office/law cuts and a
leader's family name as a modifier, dev 0.942 / 0.978 by default, check unchanged; with an outlet's short form, dev 0.943 / 0.980; with town-named army units, dev 0.945 / 0.980; with US state short forms, dev 0.946 / 0.981; with 'X, as the region is known', dev 0.947 / 0.981; with a body and a nationality joined, dev 0.949 / 0.981; with a country's possessive before its body, coalitions
named by the state leading them and dateline places, dev 0.952 / 0.981, check 0.856 / 0.949;
with names the text treats as outlets, dev 0.956 / 0.981; with a town before a state body read as the town
and the corrector retrained on the result, dev 0.962 / 0.981 in-sample, 0.942 cross-validated, CoNLL 0.791 in-sample,
0.754 cross-validated; with a lower-case word cut from a person's name, check 0.858 / 0.953, CoNLL 0.797; with
names placed by another place ('X near Hama'), dev 0.963 / 0.981, check 0.860 / 0.953; with a month after
a given name as its family name and '<Name> Watch' as a body's name, dev 0.966 / 0.981; with 'X, the last town
held by' and apostrophe names ("Dara'a") as places, dev 0.968 / 0.982; with the family name taken into a body
the rules make a person, dev 0.970 / 0.982), so a
change that loses a
couple of actors or splits one fails here.  The plain
model (``bench/plain_spacy.py``) scores entity F1 0.39 on the seed and 0.62
on dev on the same measure.  On general news (the first CoNLL-2003 dev
documents, ``score.py conll``) our F1 must stay at or above the plain
model's on the same texts; it was 0.691 against 0.643 on the whole of eng.testa when pinned (0.701 with truecasing;
0.743 cross-validated with the type corrector, which also learns from eng.testa; 0.782 with md's recognizer on).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.extraction import extract_paths, to_json
from claimgraph.ingest import read_paths
from claimgraph.model import Document, Extraction
from claimgraph.nlp.components.pipeline import Analyzer, load_model
from claimgraph.nlp.components.records import plain_entities

FLOORS = {
    ("seed", "entity_f1"): 1.0,
    ("seed", "alias_recall"): 1.0,
    ("dev", "entity_f1"): 0.968,  # 0.970 in-sample with place noun phrases, apostrophe names, family names (s13-ents)
    ("dev", "alias_recall"): 0.978,
    ("check", "entity_f1"): 0.860,  # 0.862 (s14-ents: a plural common noun opening a sentence names no one)
    ("check", "alias_recall"): 0.95,  # 0.953 (s11-ents)
}


def measure(scores: dict[str, Any], name: str) -> float:
    value = scores["entities"]["f1"] if name == "entity_f1" else scores["aliases"]["value"]
    return float(value)


@pytest.mark.slow
@pytest.mark.parametrize(("corpus", "name"), sorted(FLOORS))
def test_entity_floor(corpus: str, name: str, corpus_scores: dict[str, dict[str, Any]]) -> None:
    scores = corpus_scores[corpus]
    assert scores["missing"] == 0, f"{corpus}: documents without a prediction"
    assert measure(scores, name) >= FLOORS[corpus, name], f"{corpus} {name} fell below its floor"


@pytest.mark.slow
def test_every_entity_is_well_formed(extractions: dict[str, list[dict[str, Any]]]) -> None:
    """Ids in order, contract types, mentions that point at their text."""
    for objs in extractions.values():
        for obj in objs:
            text, title = obj["document"]["text"], obj["document"]["title"] or ""
            assert [e["id"] for e in obj["entities"]] == [f"e{i}" for i in range(1, len(obj["entities"]) + 1)]
            for entity in obj["entities"]:
                assert entity["type"] in {"PERSON", "ARMED_GROUP", "ORGANIZATION", "MEDIA", "PLACE"}
                for m in entity["mentions"]:
                    source = title if m.get("field") == "title" else text
                    assert source[m["start"] : m["end"]] == m["text"]


CONLL_DOCS = 60  # the first documents of CoNLL-2003 dev (eng.testa): enough to compare, quick to run


def conll_f1(shared_dir: Path, conll: Path, texts: Path, extract: Callable[[Path], list[dict[str, Any]]]) -> float:
    """score.py's ``conll`` overall F1 of one extractor over the exported texts."""
    prediction = texts.parent / f"{texts.name}.jsonl"
    prediction.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in extract(texts)), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), "conll", str(conll), str(prediction), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(json.loads(done.stdout)["overall"]["f1"])


@pytest.mark.slow
def test_general_news_is_not_worse_than_the_plain_model(shared_dir: Path, tmp_path: Path) -> None:
    """Domain rules must not break general news: CoNLL F1 at least the stock model's on the same texts."""
    source = shared_dir / "eval" / "conll2003" / "eng.testa"
    if not source.is_file():
        pytest.skip(f"{source} is absent")
    documents = source.read_text(encoding="utf-8").split("-DOCSTART-")[:CONLL_DOCS]
    conll = tmp_path / "subset.conll"
    conll.write_text("-DOCSTART-".join(documents), encoding="utf-8")
    texts = tmp_path / "texts"
    subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), "conll-export", str(conll), str(texts)],
        capture_output=True,
        check=True,
    )
    analyzer = Analyzer.load()
    plain = load_model()

    def ours(path: Path) -> list[dict[str, Any]]:
        return [to_json(r) for r in extract_paths([path], analyzer)]

    def stock(path: Path) -> list[dict[str, Any]]:
        docs = [d for d in read_paths([path]) if isinstance(d, Document)]
        return [to_json(Extraction(d, plain_entities(plain(d.text)))) for d in docs]

    ours_f1, stock_f1 = conll_f1(shared_dir, conll, texts, ours), conll_f1(shared_dir, conll, texts, stock)
    assert ours_f1 >= stock_f1, f"CoNLL F1 {ours_f1:.3f} below the plain model's {stock_f1:.3f}"
