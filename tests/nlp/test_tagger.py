"""The learned attribution taggers: the perceptron learns, the build is deterministic, the hybrid adds cues."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
import spacy
from claim_helpers import analyse, nlp
from spacy.tokens import Doc

from claimgraph.model import EntityType
from claimgraph.nlp.attribution import cue_columns, hybrid, tagger
from claimgraph.nlp.attribution.perceptron import Trainer, Weights, load, save, with_previous
from claimgraph.nlp.attribution.quotes import find_quotes, quoted_tokens
from claimgraph.nlp.attribution.reported import _complement

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear" / "data"


def _toy() -> list[tuple[list[list[str]], list[str]]]:
    """Sequences where a word after 'by' begins a span and a capitalised word after it continues it."""
    words = [
        "the",
        "plan",
        "was",
        "drafted",
        "by",
        "Ada",
        "Lovelace",
        "and",
        "approved",
        "by",
        "the",
        "board",
        "of",
        "Acme",
        "Corp",
    ]
    tags = ["O", "O", "O", "O", "O", "B", "I", "O", "O", "O", "O", "O", "O", "B", "I"]
    features = [
        [f"w={w}", f"prev={words[i - 1] if i else '<s>'}", f"cap={w[0].isupper()}"] for i, w in enumerate(words)
    ]
    return [(features, tags)] * 5


def test_prediction_adds_weights_in_feature_order_as_the_saved_table_reads() -> None:
    """The matrix the model predicts with sums a token's rows one after another, like a loop over its table.

    Forty features of tenths: summed pairwise or in another order, the
    floats differ in their last bits, and a margin on a threshold could flip.
    """
    table = {f"f{i}": (i / 10, -i / 10, 0.3) for i in range(40)} | {"P=O": (0.1, 0.2, 0.0)}
    model = Weights(("B", "I", "O"), table)
    features = [f"f{i}" for i in reversed(range(40))] + ["unknown", "f7"]

    def looped(names: list[str]) -> list[float]:
        totals = [0.0, 0.0, 0.0]
        for f in names:
            for k, w in enumerate(table.get(f, ())):
                totals[k] += w
        return totals

    assert model.scores(features) == looped(features)
    sentence = [features, [], ["f3", "unknown"], features[::-1]]  # summed together, tokens of unequal length
    assert model._own_scores(sentence) == [looped(f) for f in sentence]
    scores = looped([*features, "P=O"])  # the previous tag, O at the start, comes last
    ((tag, margin),) = model.tag([features])
    best = max(range(3), key=lambda k: (scores[k], -k))
    assert tag == "BIO"[best] and margin == scores[best] - max(s for k, s in enumerate(scores) if k != best)


def test_tagging_matrix_rows_gives_the_tags_and_margins_of_tagging_strings() -> None:
    """``tag_rows`` scores every previous tag at once; the choices and margins are those of ``tag``'s loop."""
    table = {f"f{i}": (i / 10, -i / 7, 0.3 - i / 20) for i in range(12)}
    table |= {"P=O": (0.1, 0.2, 0.0), "P=B": (-0.4, 0.9, 0.1), "P=I|f3": (0.25, -1.5, 2.0), "P=B|f1": (3.0, 0.0, 0.0)}
    model = Weights(("B", "I", "O"), table)
    sentences = [[["f1", "f5"], ["f3", "f9", "nope"], ["f1"]], [["f3"], ["f1", "f2", "f3", "f4"]]]
    tokens = [features for sentence in sentences for features in sentence]
    width = max(map(len, tokens))
    rows = np.array([[model.row(f) for f in features] + [model.zero] * (width - len(features)) for features in tokens])
    previous = {tag: np.array([model.row(with_previous(tag, f)[1]) for f in tokens]) for tag in model.previous_tags}
    expected = [pair for sentence in sentences for pair in model.tag(sentence)]
    assert model.tag_rows(rows, previous, [range(0, 3), range(3, 5)]) == expected


def test_perceptron_learns_a_tagging_and_its_file_is_byte_stable(tmp_path: Path) -> None:
    data = _toy()
    scores: list[float] = []

    def evaluate(model: Weights) -> float:
        right = sum(t == g for f, gold in data for (t, _), g in zip(model.tag(f), gold, strict=True))
        scores.append(right / sum(len(g) for _, g in data))
        return scores[-1]

    def build(path: Path) -> Weights:
        trainer = Trainer(("B", "I", "O"), seed=3)
        for features, tags in data:
            trainer.add(features, tags)
        model, _ = trainer.train(6, evaluate)
        save({"toy": model}, path, "toy model")
        return model

    model = build(tmp_path / "a.json.gz")
    build(tmp_path / "b.json.gz")
    assert max(scores) == 1.0
    assert [t for t, _ in model.tag(data[0][0])] == data[0][1]
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()
    assert load((tmp_path / "a.json.gz").read_bytes())["toy"] == model


def test_training_stops_after_patience_passes_without_a_better_score() -> None:
    trainer = Trainer(("B", "I", "O"), seed=3)
    for features, tags in _toy():
        trainer.add(features, tags)
    scores = iter([0.5, 0.7, 0.6, 0.7, 0.9, 0.95])
    seen: list[float] = []

    def evaluate(model: Weights) -> float:
        seen.append(next(scores))
        return seen[-1]

    _, kept = trainer.train(6, evaluate, patience=2)
    assert kept == 2 and seen == [0.5, 0.7, 0.6, 0.7]  # passes 3 and 4 do not beat pass 2: no pass 5


def _script() -> ModuleType:
    """The training script, imported from scripts/ (it is not part of the package)."""
    spec = importlib.util.spec_from_file_location("train_attribution", ROOT / "scripts" / "train_attribution.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    sys.modules["train_attribution"] = script
    spec.loader.exec_module(script)
    return script


@pytest.mark.slow
def test_training_script_on_a_small_slice_is_deterministic(tmp_path: Path) -> None:
    if not (POLNEAR / "train").is_dir():
        pytest.skip("../shared/eval/polnear is not present")
    script = _script()
    outs = [tmp_path / "one.json.gz", tmp_path / "two.json.gz"]
    cache = tmp_path / "parses"
    for out in outs:  # the first build parses the texts and caches the parses; the second reads them back
        args = ["--polnear", str(POLNEAR), "--out", str(out), "--train-docs", "3", "--dev-docs", "2", "--epochs", "2"]
        assert script.main([*args, "--cache", str(cache)]) == 0
    assert len(list(cache.glob("*.spacy"))) == 2
    assert outs[0].read_bytes() == outs[1].read_bytes()
    # --check featurizes without training and tells whether the file was built from these features and options
    assert script.main([*args, "--cache", str(cache), "--check"]) == 0
    assert script.main([*args[:-1], "3", "--cache", str(cache), "--check"]) == 1
    models = load(outs[0].read_bytes())
    assert set(models) == {"cue", "source"} and all(m.table for m in models.values())


def test_annotation_fragments_map_to_the_tokens_they_overlap() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Ana Ruiz said  the border is open.")  # "  ": a space token, never part of a span
    offsets = _script().Offsets.of(doc)
    assert offsets.tokens([(0, 8)]) == {0, 1}
    assert offsets.tokens([(5, 6), (9, 13)]) == {1, 2}  # inside a token counts; two fragments
    assert offsets.tokens([(13, 18)]) == {4}  # the space token left out
    assert offsets.tokens([(100, 120)]) == set()


def test_held_out_articles_are_polnear_train_articles_and_the_shipped_file_says_so() -> None:
    """A misspelt held-out name would hold nothing out; the shipped file carries the script's notice."""
    script = _script()
    shipped = json.loads(
        gzip.decompress((ROOT / "src" / "claimgraph" / "data" / "attribution_tagger.json.gz").read_bytes())
    )
    assert shipped["notice"] == script.NOTICE
    if not (POLNEAR / "train").is_dir():
        pytest.skip("../shared/eval/polnear is not present")
    names = {path.stem for path in (POLNEAR / "train" / "text").glob("*.txt")}
    assert script.HELD_OUT and names >= script.HELD_OUT


def test_learned_cue_outside_the_verb_list_adds_an_attribution() -> None:
    text = "Maria Okafor bristled at reports that the ceasefire had collapsed."
    result = analyse(text, {"Maria Okafor": "PERSON"})
    found = [a for a in result.attributions if a.cue.text.startswith("bristled")]
    assert len(found) == 1 and found[0].source is not None
    assert found[0].source.text == "Maria Okafor" and result.name(found[0].source.entity) == "Maria Okafor"
    assert found[0].content.text == "reports that the ceasefire had collapsed"


def test_a_learned_span_widens_a_rule_cue() -> None:
    result = analyse("Senator Maria Okafor expressed doubts about the ceasefire plan.", {"Maria Okafor": "PERSON"})
    assert [a.cue.text for a in result.attributions] == ["expressed doubts about"]


def test_rules_keep_their_attribution_when_the_tagger_also_marks_it() -> None:
    text = 'Lina Farouk visited the camp. "The wells are dry," Farouk said.'
    result = analyse(text, {"Lina Farouk": "PERSON"}, aliases={"Lina Farouk": ["Farouk"]})
    assert [(a.cue.text, a.content.text) for a in result.attributions] == [("said", '"The wells are dry,"')]


def test_a_group_calling_itself_a_name_reports_nothing() -> None:
    text = "A militia calling itself the River Guard seized the bridge, residents said on Monday."
    result = analyse(text, {"River Guard": "ARMED_GROUP"})
    assert not any(a.cue.text.startswith("call") for a in result.attributions)


def test_a_learned_cue_whose_content_only_holds_a_relative_clause_adds_nothing() -> None:
    text = "The militia has declared an emirate in the valleys where it operates."
    result = analyse(text, {})
    assert not any(a.cue.text.endswith("declared") for a in result.attributions)


def test_a_learned_cue_with_an_infinitive_content_is_an_intention_kept_apart() -> None:
    text = "A police spokesman declined to comment on whether the suspects would be charged."
    result = analyse(text, {})
    assert not any(a.cue.text.endswith("declined") for a in result.attributions)
    assert [(a.id, a.kind, a.cue.text, a.content.text) for a in result.stances] == [
        ("s1", "intention", "declined", "to comment on whether the suspects would be charged")
    ]


def test_a_learned_cue_with_a_bare_object_is_a_stance_kept_apart() -> None:
    result = analyse(
        "Senator Ivo Brandt has acknowledged the scale of the flooding in Kessab.", {"Ivo Brandt": "PERSON"}
    )
    assert result.attributions == []
    (stance,) = result.stances
    assert (stance.kind, stance.cue.text, stance.content.text) == (
        "stance",
        "has acknowledged",
        "the scale of the flooding in Kessab",
    )
    assert stance.source is not None and result.name(stance.source.entity) == "Ivo Brandt"


def test_a_learned_cue_with_no_words_of_its_own_adds_no_assertion() -> None:
    """With no dependents the rules can take for its content, a learned cue's content is only the longest
    stretch of its sentence: a stance may take it, but no assertion (claims rest on one) stands on it."""
    for text in (
        "Omar Saleh complained, and the wells of Varda are dry.",
        "The wells of Varda are dry and Omar Saleh complained.",
    ):
        doc = nlp()(text)
        cue = next(doc[t.i : t.i + 1] for t in doc if t.text == "complained")
        found = hybrid.propose(doc, [tagger.LearnedCue(cue, 50.0)], hybrid.Taken(set(), set()), set(), _complement)
        assert found == [], text


def test_an_infinitive_split_from_its_to_is_an_intention_and_a_cues_preposition_is_not() -> None:
    """The parser tags a "to" split from its verb as a preposition; what it opens is still an intention."""
    for text, kind in (
        ("Omar Saleh also hopes to one day be reunited with his brother, and wants to open a museum.", "intention"),
        ("Omar Saleh responded to the elders of Varda.", "stance"),
    ):
        doc = nlp()(text)
        to = next(t.i for t in doc if t.lower_ == "to")
        assert hybrid._kind(doc[to : len(doc) - 1]) == kind, text


def test_a_learned_cue_ending_its_line_in_a_colon_takes_the_next_paragraph() -> None:
    text = 'Ana Ruiz spoke for an hour. Ruiz continued:\n\n"The border will stay open to traders and families."\n'
    result = analyse(text, {"Ana Ruiz": "PERSON"}, aliases={"Ana Ruiz": ["Ruiz"]})
    found = [a for a in result.attributions if a.cue.text == "continued:"]
    assert len(found) == 1 and found[0].source is not None and found[0].source.text == "Ruiz"
    assert found[0].content.text == '"The border will stay open to traders and families."'


def test_a_stance_needs_less_of_the_taggers_confidence_than_an_assertion(monkeypatch: pytest.MonkeyPatch) -> None:
    """No claim rests on a stance, so a learned cue adds one at a margin an assertion must exceed."""
    text = (
        "Senator Ivo Brandt has acknowledged the scale of the flooding in Kessab. "
        "Maria Okafor bristled at reports that the ceasefire had collapsed."
    )
    names: dict[str, EntityType] = {"Ivo Brandt": "PERSON", "Maria Okafor": "PERSON"}
    monkeypatch.setattr(hybrid, "CUE_MARGIN", float("inf"))
    monkeypatch.setattr(hybrid, "STANCE_MARGIN", 0.0)
    result = analyse(text, names)
    assert [a.cue.text for a in result.stances] == ["has acknowledged"]
    assert not any(a.cue.text.startswith("bristled") for a in result.attributions)
    monkeypatch.setattr(hybrid, "STANCE_MARGIN", float("inf"))
    assert analyse(text, names).stances == []


def test_a_described_speaker_the_source_tagger_cuts_short_keeps_its_whole_phrase() -> None:
    """The tagger may mark one word of a long description; the cue's parsed subject is the speaker then."""
    text = (
        "Ivo Brandt, a member of the regional flood committee for the northern valleys, "
        "has acknowledged the scale of the flooding in Kessab."
    )
    result = analyse(text, {"Ivo Brandt": "PERSON"})
    (stance,) = result.stances
    assert stance.cue.text == "has acknowledged" and stance.source is not None
    assert stance.source.text == "Ivo Brandt, a member of the regional flood committee for the northern valleys,"
    assert result.name(stance.source.entity) == "Ivo Brandt"


def test_a_speaker_keeps_speaking_through_a_second_cue_of_its_own() -> None:
    """One speaker, two cues: the learned cue's source is the rule attribution's speaker, and its content
    stops where the conjoined or participle clause that holds the other cue starts."""
    names: dict[str, EntityType] = {"Ana Ruiz": "PERSON"}
    conjoined = analyse("Mayor Ana Ruiz has attacked the budget cuts and has called for an inquiry.", names)
    assert [(a.cue.text, a.content.text) for a in conjoined.attributions] == [("has called for", "an inquiry")]
    (stance,) = conjoined.stances
    assert (stance.cue.text, stance.content.text) == ("has attacked", "the budget cuts")
    assert stance.source is not None and conjoined.name(stance.source.entity) == "Ana Ruiz"
    participle = analyse("Ana Ruiz rejected the new rules, suggesting that the vote had been rigged.", names)
    assert [a.content.text for a in participle.attributions] == ["that the vote had been rigged"]
    assert [(a.cue.text, a.content.text) for a in participle.stances] == [("rejected", "the new rules")]


def _parsed(text: str) -> tuple[Doc, set[int]]:
    doc = nlp()(text)
    return doc, quoted_tokens(doc, find_quotes(doc.text))


def test_cue_features_read_the_word_its_head_children_and_neighbours_in_their_trained_order() -> None:
    doc, in_quote = _parsed('Officials said "the road is open" on Monday.')
    sequences = list(tagger.cue_sequences(doc, in_quote))
    assert [start for start, _ in sequences] == [s.start for s in doc.sents]
    said = sequences[0][1][1]
    assert said[:3] == ["l=say|VERB", "bias", "w=said"]
    assert said.index("k=nsubj") < said.index("lk=say|nsubj") < said.index("w-2=<edge>") < said.index("w-1=officials")
    assert said[-2:] == ["ll=official|say", 'lr=say|"']
    assert "qm1" in said and "q=False" in said and "first" not in said
    first = sequences[0][1][0]
    assert first[-1] == "first" and not any(f.startswith("ll=") for f in first)
    assert "q=True" in sequences[0][1][4]  # "road", inside the quotation


def test_columnar_cue_tagging_gives_the_spans_and_margins_of_tagging_each_sentence_s_strings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rows from the columns (remembered across documents, blocks of sentences) against ``tag`` over strings."""
    text = (
        "Ana Ruiz told reporters the bridge had reopened. The ministry denied any role in the strike. "
        '"We will rebuild," the mayor vowed on Tuesday, adding that aid was on its way. '
        "Critics questioned the plan, according to a statement."
    )
    model = tagger._models()["cue"]

    def by_strings(doc: Doc, in_quote: set[int]) -> list[tuple[int, int, float]]:
        return [
            span
            for start, seq in tagger.cue_sequences(doc, in_quote)
            for span in tagger.spans_of(model.tag(seq), start)
        ]

    for _ in range(2):  # the second time, every row comes from what the first remembered
        doc, in_quote = _parsed(text)
        assert [(c.span.start, c.span.end, c.score) for c in tagger.tag_cues(doc, in_quote)] == by_strings(
            doc, in_quote
        )
    expected = tagger.tag_cues(doc, in_quote)
    assert expected  # the sentences hold cues
    monkeypatch.setattr(cue_columns, "BLOCK", 12)  # a block a sentence or two
    assert len(list(cue_columns.CueColumns(doc, in_quote).blocks())) > 1
    assert tagger.tag_cues(doc, in_quote) == expected


def test_source_features_read_each_token_s_side_distance_and_path_up_to_the_cue() -> None:
    doc, in_quote = _parsed("The mayor of Harlow told reporters that the bridge was open.")
    told = next(t for t in doc if t.text == "told")
    cue = doc[told.i : told.i + 1]
    window = tagger.source_window(cue)
    sequence = tagger.source_sequence(cue, in_quote)
    assert len(sequence) == len(window) and window.start == 0
    mayor = sequence[1]
    assert mayor[:3] == ["r=L3|NOUN", "bias", "w=mayor"]  # three words before "told"
    assert "path=nsubj" in mayor and "hd=ROOT|nsubj" in mayor and "cl=tell|L" in mayor
    assert "path=pobj/prep/nsubj" in sequence[3] and "title=True" in sequence[3]  # Harlow, under "of"
    assert "r=in" in sequence[told.i] and "path=" in sequence[told.i]
    assert "w-1=<edge>" not in sequence[0] and not any(f.startswith("w-1=") for f in sequence[0])
    restored = doc.copy()  # a Doc given another's user_data reads its own columns
    restored.user_data.update(doc.user_data)
    assert tagger.source_sequence(restored[told.i : told.i + 1], in_quote) == sequence


def test_the_remembered_rows_stay_within_their_bound_and_change_no_tag(monkeypatch: pytest.MonkeyPatch) -> None:
    doc, in_quote = _parsed("Ana Ruiz told reporters the bridge had reopened, officials said on Monday.")
    expected = tagger.tag_cues(doc, in_quote)
    monkeypatch.setattr(tagger, "_REMEMBERED", 50)
    tagger._ROWS.clear()
    for _ in range(3):
        assert tagger.tag_cues(doc, in_quote) == expected
        rows = tagger._cue_rows()
        assert rows.size == sum(map(len, rows.known.values()))
        assert rows.size <= 50 + max(map(len, rows.known.values()))  # emptied before a slot passes the bound
    tagger._ROWS.clear()
