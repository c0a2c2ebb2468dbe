"""Where a warm start's time goes: the fingerprint, then each stored table's read.

`python -m benchmarks.profile_warm DIR [--cache CACHE]` times, in this fresh process,
what `load_corpus(DIR, cache_dir=CACHE)` does on a cache hit: listing the inputs,
the fingerprint (one stat per file), and reading the stored tables as the loader
does (two threads); then each table read alone, for the breakdown. On a cache miss
it builds the cache first and asks for a second run, since a build warms the process.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from loaders import corpus_fingerprint, load_corpus, schema, store
from loaders.corpus import default_cache_dir
from loaders.inputs import resolve


def _timed(call, *args):
    start = time.perf_counter()
    result = call(*args)
    return result, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_warm", description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, help="corpus folder (e.g. written by benchmarks.corpus)")
    parser.add_argument("--cache", type=Path, default=None, help="cache folder (default: the loader's)")
    args = parser.parse_args(argv)
    cache_root = args.cache or default_cache_dir()

    inputs, t_list = _timed(resolve, args.dir)
    fingerprint, t_fingerprint = _timed(corpus_fingerprint, inputs)
    folder = cache_root / fingerprint
    if not store.is_dataset(folder):
        load_corpus(args.dir, cache_dir=cache_root, fingerprint=fingerprint)
        print(f"cache filled in {folder}; run again for a warm-start profile")
        return 0
    (tables, _), t_load = _timed(store.load, folder)
    rows = {name: len(frame) for name, frame in tables.items()}
    memory = {name: frame.memory_usage(deep=True).sum() / 2**20 for name, frame in tables.items()}
    del tables
    entries, _ = store.read_manifest(folder)
    print(f"{len(inputs):,} inputs")
    print(f"{'step':<34}{'seconds':>9}")
    print(f"{'list inputs':<34}{t_list:>9.3f}")
    print(f"{'fingerprint (stat every file)':<34}{t_fingerprint:>9.3f}")
    print(f"{'read stored tables (2 threads)':<34}{t_load:>9.3f}")
    print(f"{'total':<34}{t_list + t_fingerprint + t_load:>9.3f}")
    print(f"\n{'table, read alone':<14}{'rows':>12}{'Parquet MiB':>13}{'memory MiB':>12}{'seconds':>9}")
    for name in schema.TABLES:
        _, seconds = _timed(store.read_table, folder, name, entries.get(name))
        on_disk = sum(part["bytes"] for part in entries[name]["parts"]) / 2**20
        print(f"{name:<14}{rows[name]:>12,}{on_disk:>13.1f}{memory[name]:>12.1f}{seconds:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
