"""Peak resident memory and time for one long article: 100k, 1M and 5M characters.

Each size runs in a fresh process (peak RSS is per process) that builds an
invented article of that length — paragraphs of short sentences about
invented groups, people and places — and analyses it as ``claimgraph
extract`` would (one ``Document`` through ``Analyzer``), with the time
budget off.  The goal: peak memory flat within 2x across the three sizes,
which the parser's piecewise reading (``CLAIMGRAPH_CHUNK_CHARS``) gives;
``--chunk N`` sets the piece size, and a piece size above the article
length shows the old whole-document behaviour.

The baseline, in the same run: plain ``nlp.pipe`` of the stock model over
the 1M-character text cut into ordinary 5,000-character articles; the
ratio is our seconds per million characters over its.  Times are CPU seconds
of the process (the machine may be shared).  Usage:

    .venv/bin/python bench/memory.py [--sizes 100000,1000000,5000000] [--chunk 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

GROUPS = ["Amber Lantern Front", "Gray Heron Brigade", "Copper Valley Movement", "Northern Reed Battalion"]
PLACES = ["Valdris", "Korvana", "Estmoor", "Lindhaven", "Porto Sable"]
FIRST = ["Tomas", "Ilse", "Petra", "Oskar", "Hanna", "Jonas", "Mira", "Aleks", "Sanna", "Viktor"]
LAST = ["Ekwall", "Marrow", "Sundqvist", "Lindell", "Virtanen", "Haldor", "Kessel", "Ostrand", "Brevik"]


def article(chars: int) -> str:
    """An invented article of about ``chars`` characters, every paragraph a little different."""
    paragraphs, size, i = [], 0, 0
    while size < chars:
        group, place = GROUPS[i % 4], PLACES[(i // 4) % 5]
        person = f"{FIRST[i % 10]} {LAST[(i // 10) % 9]}"
        text = (
            f"Fighters of the {group} attacked positions near {place} on day {i}, said {person}, "
            f"a researcher who follows the conflict. {person} said the {group} had moved {i % 97 + 3} units "
            f"into the area. The {GROUPS[(i + 1) % 4]} denied that it works with the {group}."
        )
        paragraphs.append(text)
        size += len(text) + 2
        i += 1
    return "\n\n".join(paragraphs)[:chars]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_ours(chars: int) -> dict[str, float]:
    from claimgraph.model import Document
    from claimgraph.nlp.components.pipeline import Analyzer

    analyzer = Analyzer.load()
    loaded = peak_mb()
    document = Document(id="sha256:bench", source_path="bench.txt", text=article(chars), language="en")
    start = time.process_time()
    (result,) = list(analyzer.analyse_stream([document]))
    seconds = time.process_time() - start
    assert not hasattr(result, "code"), result
    return {"chars": chars, "seconds": seconds, "peak_mb": peak_mb(), "model_mb": loaded}


def run_plain(chars: int) -> dict[str, float]:
    from claimgraph.nlp.components.pipeline import load_model

    nlp = load_model()
    text = article(chars)
    docs = [text[i : i + 5000] for i in range(0, len(text), 5000)]
    start = time.process_time()
    for _ in nlp.pipe(docs, batch_size=32):
        pass
    return {"chars": chars, "seconds": time.process_time() - start, "peak_mb": peak_mb()}


def child(kind: str, chars: int, chunk: int) -> dict[str, float]:
    env = {**os.environ, "CLAIMGRAPH_DOC_SECONDS": "0", "CLAIMGRAPH_CHUNK_CHARS": str(chunk)}
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(chars)], env=env, capture_output=True, text=True, check=True
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000,1000000,5000000")
    parser.add_argument("--chunk", type=int, default=100_000)
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        kind, chars = args.child[0], int(args.child[1])
        print(json.dumps(run_ours(chars) if kind == "ours" else run_plain(chars)))
        return
    plain = child("plain", 1_000_000, args.chunk)
    plain_rate = plain["seconds"] / plain["chars"] * 1e6
    print(f"plain nlp.pipe, 1M characters in 5,000-character articles: {plain_rate:.1f} s per million characters")
    rows = []
    for chars in (int(s) for s in args.sizes.split(",")):
        row = child("ours", chars, args.chunk)
        rate = row["seconds"] / chars * 1e6
        rows.append(row)
        print(
            f"{chars:>9,} characters: peak {row['peak_mb']:,.0f} MB (model loaded: {row['model_mb']:,.0f} MB), "
            f"{row['seconds']:.1f} s, {rate:.1f} s per million characters = {rate / plain_rate:.2f}x plain"
        )
    peaks = [r["peak_mb"] for r in rows]
    print(f"peak memory, largest over smallest: {max(peaks) / min(peaks):.2f}x (goal: within 2x)")


if __name__ == "__main__":
    main()
