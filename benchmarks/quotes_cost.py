"""The quotes stage alone, repeated on the same parsed tables: its CPU cost per article, steady enough to compare commits.

`python -m benchmarks.quotes_cost DIR [--limit N] [--repeat R]` parses the first N files of DIR once, then
runs `quotes_table` R times and prints the fastest run's CPU milliseconds per article. On a shared machine
wall and CPU times wander by ±30%; for a comparison between two commits that noise cannot blur, run it under
valgrind's instruction counter in each commit's checkout and subtract a `--repeat 0` run (parsing only):

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python -m benchmarks.quotes_cost DIR --limit 150 --repeat 3
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python -m benchmarks.quotes_cost DIR --limit 150 --repeat 0

(the difference of the two "I refs" totals, divided by 3, is the instructions of one quotes run).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from loaders import build
from loaders.inputs import resolve
from loaders.quotes import quotes_table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quotes_cost", description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, help="corpus folder (e.g. written by benchmarks.corpus)")
    parser.add_argument("--limit", type=int, default=2000, help="files to parse (default 2000)")
    parser.add_argument("--repeat", type=int, default=5, help="quotes runs (default 5; 0 parses only)")
    args = parser.parse_args(argv)
    tables = build.build_batch(resolve(args.dir)[: args.limit])
    articles, paragraphs = tables["articles"], tables["paragraphs"]
    runs = []
    for _ in range(args.repeat):
        start = time.process_time()
        quotes_table(articles, paragraphs)
        runs.append(time.process_time() - start)
    if runs:
        print(f"{len(articles):,} articles: quotes {1000 * min(runs) / max(len(articles), 1):.3f} ms/article "
              f"(fastest of {len(runs)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
