"""The ingest's live display: totals, rate and failures on one line, one line per worker (no terminal needed)."""

from __future__ import annotations

from claimgraph.progress import IngestDisplay


def test_the_display_counts_outcomes_and_gives_each_worker_a_line() -> None:
    display = IngestDisplay(files=4)
    display.analysed("process 11", 2)
    display.analysed("process 12", 1)
    display.analysed("process 11", 1)
    for outcome in ("stored", "stored", "failed"):
        display.written("a.txt", outcome)
    lines = [task.description for task in display.bar.tasks]
    total = display.bar.tasks[0]
    assert total.total == 4 and total.completed == 3
    assert lines[0].startswith("3 documents (") and "stored 2, duplicates 0, failed 1" in lines[0]
    assert "docs/s" in lines[0]
    assert [line.split(":")[0].strip() for line in lines[1:]] == ["process 11", "process 12"]
    assert "3 analysed" in lines[1] and "1 analysed" in lines[2]
