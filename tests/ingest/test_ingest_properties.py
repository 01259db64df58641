"""Issue 16: every reader, fed random bytes, random JSON shapes or random file names, gives records, never raises."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.extraction import to_json
from claimgraph.ingest import read_paths
from claimgraph.ingest.sources import READERS
from claimgraph.model import Document, Extraction, ExtractionError

EXTENSIONS = sorted({*READERS, ".warc", ".warc.gz", ".unknown"})
QUICK = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=60),
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(
            st.sampled_from(["text", "html", "title", "published", "authors", "url", "id", "name", "x"])
            | st.text(max_size=8),
            inner,
            max_size=6,
        )
    ),
    max_leaves=30,
)


def read_bytes_as(name: bytes, content: bytes) -> list[Document | ExtractionError]:
    """Write ``content`` to a file named ``name`` in a fresh folder and read the folder and the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(os.fsencode(folder), name)
        with open(path, "wb") as fh:
            fh.write(content)
        results = list(read_paths([Path(folder)])) + list(read_paths([Path(os.fsdecode(path))]))
    for result in results:
        assert isinstance(result, Document | ExtractionError)
        line = json.dumps(
            to_json(result if isinstance(result, ExtractionError) else Extraction(document=result)), ensure_ascii=False
        )
        assert "\\u0000" not in line and line.encode("utf-8")  # the contract's JSON, storable on every backend
    return results


@QUICK
@given(ext=st.sampled_from(EXTENSIONS), content=st.binary(max_size=2000))
def test_random_bytes_under_every_extension(ext: str, content: bytes) -> None:
    results = read_bytes_as(b"doc" + ext.encode(), content)
    assert len(results) >= 1  # the file named explicitly always answers


@QUICK
@given(ext=st.sampled_from([".json", ".jsonl", ".ndjson"]), value=json_values, records=st.integers(1, 3))
def test_random_json_shapes(ext: str, value: object, records: int) -> None:
    text = json.dumps(value) if ext == ".json" else "\n".join([json.dumps(value)] * records)
    read_bytes_as(b"records" + ext.encode(), text.encode())


@QUICK
@given(
    name=st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b and b.strip(b".")),
    ext=st.sampled_from([".txt", ".json", ".warc"]),
)
def test_random_file_names(name: bytes, ext: str) -> None:
    results = read_bytes_as(name + ext.encode(), b"The Gray Heron Brigade crossed the river near Estmoor on Monday.")
    assert all(r.source_path.encode("utf-8") for r in results)
