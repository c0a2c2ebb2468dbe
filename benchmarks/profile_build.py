"""Where a build's time goes: CPU milliseconds per article for each stage, on one core.

`python -m benchmarks.profile_build DIR [--limit N] [--profile K]` builds the first N
files of DIR as one serial batch (no cache), then times each analysis stage again on
the parsed tables with `time.process_time()`. "read + parse" is the batch's time minus
the stages. `--profile K` prints the K costliest functions of the whole batch under
cProfile. The plain-scan floor of the same files is printed for comparison.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from benchmarks.measure import scan_files
from loaders import build
from loaders.amounts import amounts_table
from loaders.entities import entities_table
from loaders.events import events_table
from loaders.inputs import resolve
from loaders.people import people_table
from loaders.quotes import quotes_table
from loaders.terms import quote_themes_and_terms
from loaders.themes import load_lexicon, mentions_table


def _cpu(call, *args):
    start = time.process_time()
    result = call(*args)
    return result, time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_build", description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, help="corpus folder (e.g. written by benchmarks.corpus)")
    parser.add_argument("--limit", type=int, default=2000, help="files to build (default 2000)")
    parser.add_argument("--profile", type=int, default=0, help="print the K costliest functions")
    args = parser.parse_args(argv)

    inputs = resolve(args.dir)[: args.limit]
    lexicon = load_lexicon()
    tables, total = _cpu(build.build_batch, inputs)
    articles, paragraphs = tables["articles"], tables["paragraphs"]
    n = max(len(articles), 1)
    quotes, t_quotes = _cpu(quotes_table, articles, paragraphs)
    stages = {
        "quotes": t_quotes,
        "quote themes and terms": _cpu(quote_themes_and_terms, quotes["text"].tolist(), lexicon)[1],
        "mentions": _cpu(mentions_table, paragraphs, lexicon)[1],
        "events": _cpu(events_table, articles, paragraphs)[1],
        "amounts": _cpu(amounts_table, paragraphs)[1],
        "entities": _cpu(entities_table, paragraphs)[1],
    }
    stages = {"read + parse": total - sum(stages.values()), **stages}
    stages["people (once per corpus)"] = _cpu(people_table, quotes)[1]
    words = int(articles["n_words"].sum())
    print(f"{len(articles):,} articles, {words:,} words, one core")
    print(f"{'stage':<26}{'ms/article':>12}{'share':>8}")
    for name, seconds in stages.items():
        print(f"{name:<26}{1000 * seconds / n:>12.3f}{seconds / total:>8.0%}")
    print(f"{'batch total':<26}{1000 * total / n:>12.3f}   ({words / total:,.0f} words/s)")
    scan_words, scan_seconds = scan_files([item.path for item in inputs])
    print(f"{'plain scan':<26}{1000 * scan_seconds / n:>12.3f}   ({scan_words / scan_seconds:,.0f} words/s)")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(build.build_batch, inputs)
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
