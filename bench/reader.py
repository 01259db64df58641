"""Throughput of the document reader alone (no NLP), on text scrapes and HTML pages.

Generates a few hundred synthetic documents in a temporary folder from the
demo corpus in examples/ (paragraphs shuffled and numbered so no two are
alike), then times ``claimgraph.ingest.read_paths`` over them on one core.
Baselines measured in the same run, on the same files:

- text: reading and UTF-8-decoding the files, nothing else (the floor any reader pays);
- HTML: plain ``trafilatura.extract`` on each page (what our HTML path builds on).

Usage: ``.venv/bin/python bench/reader.py [--docs N]``
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from claimgraph.ingest import read_paths
from claimgraph.ingest.text import read_layout
from claimgraph.model import Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _paragraphs() -> list[str]:
    """Body paragraphs of the demo scrape, the pool synthetic articles are drawn from."""
    text = (EXAMPLES / "levant-monitor-hezbollah.txt").read_text(encoding="utf-8")
    return read_layout(text).text.split("\n\n")


def make_corpus(folder: Path, count: int) -> tuple[Path, Path]:
    """``count`` text scrapes and ``count`` HTML pages with header, byline and footer around varied bodies."""
    pool = _paragraphs()
    rng = random.Random(7)
    text_dir, html_dir = folder / "text", folder / "html"
    text_dir.mkdir()
    html_dir.mkdir()
    for n in range(count):
        body = [f"{p} (item {n}.{i})" for i, p in enumerate(rng.sample(pool, k=len(pool)))] * 2
        title = f"Armed cell number {n} surfaces near the ceasefire line"
        scrape = [
            "...",
            title,
            "",
            f"Middle East {1 + n % 28} March 2024 09:{n % 60:02d} (UTC +02:00)",
            "A teaser line that stops short",
            title,
            "",
            "Beirut, Lebanon, Mar. 12",
            "",
            "By Mariam Haddad-Levant Monitor:",
            "",
            *body,
            "",
            "For any questions or feedback, follow the author on Twitter: @someone",
            "Tags:",
            "Latest",
        ]
        (text_dir / f"doc{n:04d}.txt").write_text("\n".join(scrape), encoding="utf-8")
        paragraphs = "".join(f"<p>{p}</p>" for p in body)
        page = (
            f"<html><head><title>{title}</title><meta name='author' content='Mariam Haddad'>"
            f"<meta property='article:published_time' content='2024-03-12T09:30:00+02:00'></head><body>"
            f"<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/subscribe'>Subscribe</a></nav>"
            f"<article><h1>{title}</h1><p>By Mariam Haddad</p>{paragraphs}</article>"
            f"<aside><h2>Latest</h2><ul><li><a href='/a'>Another story</a></li></ul></aside>"
            f"<footer>© 2024 Levant Monitor. All rights reserved.</footer></body></html>"
        )
        (html_dir / f"doc{n:04d}.html").write_text(page, encoding="utf-8")
    return text_dir, html_dir


def rate(run: Callable[[], int]) -> tuple[float, int]:
    """Documents per second of ``run`` (which returns how many documents it produced), best of three."""
    best, produced = float("inf"), 0
    for _ in range(3):
        started = time.perf_counter()
        produced = run()
        best = min(best, time.perf_counter() - started)
    return produced / best, produced


def ours(folder: Path) -> Callable[[], int]:
    return lambda: sum(isinstance(r, Document) for r in read_paths([folder]))


def decode_only(folder: Path) -> Callable[[], int]:
    return lambda: sum(bool(p.read_bytes().decode("utf-8")) for p in sorted(folder.iterdir()))


def plain_trafilatura(folder: Path) -> Callable[[], int]:
    return lambda: sum(bool(trafilatura.extract(p.read_text(encoding="utf-8"))) for p in sorted(folder.iterdir()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300, help="documents of each kind (default 300)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text_dir, html_dir = make_corpus(Path(tmp), args.docs)
        rows = [
            ("text", "claimgraph reader", *rate(ours(text_dir))),
            ("text", "read + utf-8 decode only", *rate(decode_only(text_dir))),
            ("html", "claimgraph reader", *rate(ours(html_dir))),
            ("html", "plain trafilatura.extract", *rate(plain_trafilatura(html_dir))),
        ]
    print(f"{'input':<6} {'reader':<28} {'docs':>5} {'docs/s':>9}")
    for kind, name, per_second, produced in rows:
        print(f"{kind:<6} {name:<28} {produced:>5} {per_second:>9.1f}")
    print(f"text: claimgraph reader / decode-only = {rows[0][2] / rows[1][2]:.3f}")
    print(f"html: claimgraph reader / plain trafilatura.extract = {rows[2][2] / rows[3][2]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
