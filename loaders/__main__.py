"""`python -m loaders PATH... [--out DIR]`: load articles, print a summary, optionally write Parquet.

Exit status 0 when at least one article loaded, 1 when none did, 2 on a usage error
or a missing path.
"""

from __future__ import annotations

import argparse
import re
import sys

from tqdm import tqdm

from loaders import build, store
from loaders.corpus import Corpus, load_corpus
from loaders.inputs import DEFAULT_MAX_BYTES

PROGRESS_MIN_FILES = 500
# `--progress lines`: one line per finished batch on stderr, for a program that runs the build (the dashboard).
PROGRESS_LINE = "progress {done} {total}"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if args.progress == "lines":
            try:
                print(PROGRESS_LINE.format(done=done, total=total), file=sys.stderr, flush=True)
            except OSError:  # whoever read the lines has gone: the build goes on
                args.progress = "none"
            return
        if args.progress == "none" or total < PROGRESS_MIN_FILES:
            return
        if bar is None:
            bar = tqdm(total=total, unit="file", desc="building", file=sys.stderr)
        bar.update(done - bar.n)

    try:
        corpus = load_corpus(
            args.paths if len(args.paths) > 1 else args.paths[0],
            max_bytes=int(args.max_mb * 2**20),
            cache_dir=False if args.no_cache else args.cache_dir,
            out=args.out,
            lexicon_path=args.lexicon,
            engine=args.engine,
            workers=args.workers,
            scheduler=args.scheduler,
            progress=progress,
            content_hash=args.content_hash,
        )
    except FileNotFoundError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # --out cannot take the dataset (an unwritable cache falls back to a temporary folder)
        where = f"cannot write {printable(args.out)}: " if args.out else ""
        print(f"error: {where}{printable(err)}", file=sys.stderr)
        return 2
    except RuntimeError as err:  # the dask engine without its extra, or workers that cannot see the dataset's folder
        print(f"error: {printable(err)}", file=sys.stderr)
        return 2
    except store.Unusable as err:  # the dataset just built did not read back (another save replaced it meanwhile)
        print(f"error: the dataset built could not be read back: {printable(err)}", file=sys.stderr)
        return 2
    finally:
        if bar is not None:
            bar.close()
    print(summary(corpus))
    if args.out:
        print(f"wrote {printable(args.out)}")
    return 0 if len(corpus.articles) else 1


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with control characters (newlines, terminal escapes) shown as `\\xNN`, so a file name cannot forge lines."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def summary(corpus: Corpus) -> str:
    """Human-readable account of a corpus: counts, date span, sources, and every rejected input."""
    articles = corpus.articles
    lines = [f"articles: {len(articles)}"]
    if len(articles):
        lines.append(f"dates: {articles['date'].min():%Y-%m-%d} to {articles['date'].max():%Y-%m-%d}")
        sources = articles["source"].astype(str).replace("", "(unnamed)").value_counts()
        lines.append("sources: " + ", ".join(f"{printable(name)} ({n})" for name, n in sources.items()))
    lines.append(
        f"paragraphs: {len(corpus.paragraphs)}, quotes: {len(corpus.quotes)}, people: {len(corpus.people)}, "
        f"mentions: {len(corpus.mentions)}, events: {len(corpus.events)}, amounts: {len(corpus.amounts)}, "
        f"entities: {len(corpus.entities)}"
    )
    lines.append(f"rejected: {len(corpus.rejected)}")
    lines.extend(f"  {printable(origin)}: {printable(reason)}" for origin, reason in corpus.rejected.itertuples(index=False))
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="article files or folders (.txt, .json, .jsonl, .csv), or a built dataset")
    parser.add_argument("--out", metavar="DIR", help="build into DIR, a Parquet dataset (the build's workers write their parts there)")
    parser.add_argument("--engine", choices=build.ENGINES, default="auto", help="how to map the batch build")
    parser.add_argument("--workers", type=int, help="worker processes (default: every core)")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, with --engine dask")
    parser.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 2**20, help="reject files larger than this")
    parser.add_argument("--lexicon", metavar="TOML", help="theme lexicon to use instead of loaders/lexicon.toml")
    parser.add_argument("--cache-dir", metavar="DIR", help="build cache folder (default: $DASHBOARD_CACHE_DIR or a temp folder)")
    parser.add_argument("--no-cache", action="store_true", help="build without reading or writing the cache")
    parser.add_argument("--progress", choices=("bar", "lines", "none"), default="bar",
                        help="how to report a build's progress on stderr: a bar (from 500 files), "
                             "'progress DONE TOTAL' lines, or nothing")
    parser.add_argument("--content-hash", action=argparse.BooleanOptionalAction, default=None,
                        help="key the cache on file contents rather than sizes and times (default: only when "
                             "the files add up to 64 MB or less)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
