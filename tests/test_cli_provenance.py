"""Text output carries provenance, and the claim filters say what they match (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.model import Claim, Span
from records import document, entity, extraction, store_all

LONG = (
    "The Saltmarsh Guard is allied with the Tern Point Militia, a commander of the guard told reporters in a "
    "long statement read out at dusk near the old ferry crossing, adding many further details about the "
    "supply routes they share along the northern shore."
)
OWN = "The Tern Point Militia is part of the Eastern Shore Alliance."


def _claim(local_id: str, subject: str, obj: str, text: str, phrase: str, **kw: object) -> Claim:
    start = text.index(phrase)
    return Claim(local_id, subject, "allied_with" if "allied" in phrase else "part_of", obj, None,  # type: ignore[arg-type]
                 "affirmed", bool(kw.get("hedged", False)), kw.get("source"), list(kw.get("via", [])),  # type: ignore[arg-type]
                 None, None, Span(start, start + len(phrase), phrase))  # fmt: skip


@pytest.fixture
def shore(tmp_path: Path) -> str:
    a = document(LONG, "2019-04-02", "Guard and militia share routes", "a.txt")
    a.publisher = "Gull Bay Courier"
    ents_a = [
        entity("e1", "Saltmarsh Guard", "ARMED_GROUP", LONG, ("Marsh Guard",)),
        entity("e2", "Tern Point Militia", "ARMED_GROUP", LONG),
        entity("e3", "Noor Halvard", "PERSON", LONG),
        entity("e4", "Fenwick Radio", "MEDIA", LONG),
    ]
    quoted = _claim("c1", "e1", "e2", LONG, LONG, hedged=True, source="e3", via=["e4"])
    b = document(OWN, "2019-06-20", "Militia joins alliance", "b.txt")
    b.publisher = "Gull Bay Courier"
    ents_b = [entity("e1", "Tern Point Militia", "ARMED_GROUP", OWN), entity("e2", "Eastern Shore Alliance", "ARMED_GROUP", OWN)]  # fmt: skip
    own = _claim("c1", "e1", "e2", OWN, OWN)
    url = f"sqlite:///{tmp_path / 'shore.db'}"
    store_all(url, [extraction(a, ents_a, [quoted]), extraction(b, ents_b, [own])])
    return url


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_claims_text_shows_source_via_hedging_and_shortened_evidence(shore: str) -> None:
    code, out, _ = invoke("claims", "--db", shore)
    assert code == 0, out
    assert "said by Noor Halvard, reported by Gull Bay Courier; via Fenwick Radio; hedged" in out
    assert "article voice: Gull Bay Courier" in out
    quoted = next(line for line in out.splitlines() if "Saltmarsh Guard is allied" in line)
    assert quoted.strip().endswith("…”") and len(quoted.strip()) <= 165 and "northern shore" not in quoted
    assert OWN in out  # a short sentence is shown whole


def test_show_text_lists_each_claims_evidence(shore: str) -> None:
    code, out, _ = invoke("show", "Tern Point Militia", "--db", shore)
    assert code == 0, out
    assert OWN in out and "said by Noor Halvard" in out and "article voice: Gull Bay Courier" in out


def test_source_matches_the_publisher_of_article_voice_claims(shore: str) -> None:
    code, out, _ = invoke("claims", "--source", "gull bay courier", "--db", shore)
    assert code == 0, out
    assert "Eastern Shore Alliance" in out and "Saltmarsh Guard" not in out  # the quoted claim has its own source
    code, out, _ = invoke("claims", "--source", "Noor Halvard", "--db", shore)
    assert code == 0 and "Saltmarsh Guard" in out and "Eastern Shore Alliance" not in out
    assert invoke("claims", "--source", "Nobody Writes This", "--db", shore)[0] == 1


def test_dates_are_checked_as_dates_and_predicates_listed(shore: str) -> None:
    code, _, err = invoke("claims", "--since", "2019-13-01", "--db", shore)
    assert code == 2 and "'2019-13-01' is not a day" in err
    assert invoke("claims", "--until", "2019/06/01", "--db", shore)[0] == 2
    code, out, _ = invoke("claims", "--since", "2019-05-01", "--db", shore)
    assert code == 0 and "Eastern Shore Alliance" in out and "Saltmarsh Guard" not in out
    code, _, err = invoke("claims", "--predicate", "friends_with", "--db", shore)
    assert code == 2 and "allied_with" in err and "part_of" in err


def test_doc_prints_a_document_by_a_unique_prefix(shore: str) -> None:
    full = document(OWN, "2019-06-20", "Militia joins alliance", "b.txt").id
    code, out, _ = invoke("doc", full.removeprefix("sha256:")[:10], "--db", shore)
    assert code == 0, out
    assert out.startswith("Militia joins alliance\n") and "outlet: Gull Bay Courier" in out and full in out
    assert "The [Tern Point Militia] is part of" in out  # the mention marked in the text
    assert "Tern Point Militia part_of Eastern Shore Alliance (affirmed)" in out
    code, out, _ = invoke("doc", full, "--db", shore, "--json")
    assert code == 0 and '"text": "The Tern Point Militia' in out
    assert invoke("doc", "sha256:", "--db", shore)[0] == 1  # both documents start so: refused, not guessed
    assert invoke("doc", "ffffnotthere", "--db", shore)[0] == 1


def test_explain_names_documents_by_title_and_date(shore: str) -> None:
    code, out, _ = invoke("explain", "Marsh Guard", "--db", shore)
    assert code == 0, out
    assert "“Guard and militia share routes” (2019-04-02)" in out and "sha256:" not in out


def test_a_relation_stated_as_over_says_so_in_text(tmp_path: Path) -> None:
    text = "The Tern Point Militia was once part of the Eastern Shore Alliance."
    doc = document(text, "2019-07-01", "Militia history", "c.txt")
    ents = [entity("e1", "Tern Point Militia", "ARMED_GROUP", text), entity("e2", "Eastern Shore Alliance", "ARMED_GROUP", text)]  # fmt: skip
    past = _claim("c1", "e1", "e2", text, text)
    past.tense = "past"
    url = f"sqlite:///{tmp_path / 'past.db'}"
    store_all(url, [extraction(doc, ents, [past])])
    for command in (["claims"], ["show", "Tern Point Militia"], ["timeline", "Tern Point Militia"]):
        code, out, _ = invoke(*command, "--db", url)
        assert code == 0 and "; stated as past" in out, (command, out)


def test_role_filters_say_and_keep_their_role(shore: str) -> None:
    # the dossier of the Tern Point Militia holds both claims; --subject and --object each match one role
    code, out, _ = invoke("claims", "--subject", "Tern Point Militia", "--db", shore)
    assert code == 0 and "Eastern Shore Alliance" in out and "Saltmarsh Guard" not in out
    code, out, _ = invoke("claims", "--object", "Tern Point Militia", "--db", shore)
    assert code == 0 and "Saltmarsh Guard" in out and "Eastern Shore Alliance" not in out
    code, out, _ = invoke("show", "Tern Point Militia", "--db", shore)
    assert code == 0 and "Eastern Shore Alliance" in out and "Saltmarsh Guard" in out
    helps = {p.name: p.help or "" for p in typer.main.get_group(app).commands["claims"].params}  # type: ignore[attr-defined]
    assert "subject role (not the object" in helps["subject"] and "object role" in helps["object"]
