"""CPU time of `quotes_table` per article, and a row-for-row check against a saved reference.

`python -m benchmarks.profile_quotes DIR [--save REF] [--check REF] [--profile N] [--repeat K]`
loads the corpus in DIR once (serial, no cache), then times `quotes_table` over its
articles and paragraphs with `time.process_time()` (best of K runs). `--save` writes
the quotes and people tables to REF/quotes.parquet and REF/people.parquet;
`--check` compares them with `DataFrame.equals` and exits 1 on a difference;
`--profile N` prints the N costliest functions of one run under cProfile.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

import pandas as pd

from loaders import load_corpus
from loaders.people import people_table
from loaders.quotes import quotes_table


def _tables(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> dict[str, pd.DataFrame]:
    quotes = quotes_table(articles, paragraphs)
    return {"quotes": quotes, "people": people_table(quotes)}


def main(argv: list[str] | None = None) -> int:
    """Run the timing, then the optional save, check and profile steps; 1 when a check fails."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_quotes", description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, help="corpus folder (e.g. written by benchmarks.corpus)")
    parser.add_argument("--save", type=Path, help="write the reference tables to this folder")
    parser.add_argument("--check", type=Path, help="compare with the reference tables in this folder")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    args = parser.parse_args(argv)

    corpus = load_corpus(args.dir, cache_dir=False, engine="serial")
    articles, paragraphs = corpus.articles, corpus.paragraphs
    n = len(articles)
    best = float("inf")
    for _ in range(max(args.repeat, 1)):
        t0 = time.process_time()
        quotes_table(articles, paragraphs)
        best = min(best, time.process_time() - t0)
    print(f"quotes_table: {n} articles, {best:.3f} s CPU, {1000 * best / n:.3f} ms/article (best of {args.repeat})")

    tables = _tables(articles, paragraphs)
    print(f"quotes rows: {len(tables['quotes'])}, people rows: {len(tables['people'])}")
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for name, frame in tables.items():
            frame.to_parquet(args.save / f"{name}.parquet")
        print(f"saved reference to {args.save}")
    failed = False
    if args.check:
        for name, frame in tables.items():
            ref = pd.read_parquet(args.check / f"{name}.parquet")
            same = ref.equals(frame)
            failed |= not same
            print(f"{name}: {'identical' if same else 'DIFFERENT'} to {args.check / f'{name}.parquet'}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(quotes_table, articles, paragraphs)
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(args.profile)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
