"""`python -m benchmarks`: build, scan, warm-start, memory and page-rerun figures per corpus size; pathological inputs.

For each size N a synthetic corpus (benchmarks.corpus, fixed seed) is written once
under the work folder, then every figure is taken in fresh child processes
(benchmarks.measure) as the median of --runs runs after --warmups warm-up runs:

- build_s: cold `load_corpus(dir, cache_dir=<fresh empty folder>)` with every table
  touched, timed inside the child (interpreter start and imports excluded).
- scan_s: reading every file and `re.findall(r"\\w+", text)` in one process; `words`
  is its count; build_scan_ratio = build_s / scan_s; words_per_second = words / build_s.
  Both see the files in the OS page cache (the warm-up run reads them first).
- warm_start_s: `load_corpus` in a fresh process through the cache the last build filled.
- peak_rss_mb: the build's process tree, MiB: the highest sum of the RSS of the build
  process and all its descendants (pool workers), sampled every 20 ms from /proc,
  raised to the build process's own ru_maxrss and its largest worker's
  (RUSAGE_CHILDREN, read after the pool closed) when a sample missed a spike.
  getrusage cannot sum workers (RUSAGE_CHILDREN gives the largest one), hence the
  sampling. Shared pages count once per process, so this errs high.
- held_rss_mb: RSS of a fresh process holding the corpus loaded through the cache,
  after importing streamlit, plotly, altair and every ui module and choosing Arrow's
  allocator as the dashboard's entrypoint does (the system pool), after gc.collect().
- index_build_s, index_mb, search_s: seconds to build the full-text search index of the
  loaded corpus (part of build_s: a build stores it with the tables), its size on disk in
  MiB, and the seconds of the slowest search of measure.NEW_SEARCHES on the stored index.
- build_cpu_s, stories_cpu_s, stories_share: the CPU seconds of a cold build (its process and
  its workers), those of grouping the copies of one story over the built corpus on one core
  (every signature and the grouping, as the build does them), and their share of the build's
  CPU (target 10%).
- page_rerun_s: AppTest reruns of each page of the dashboard pointed at the corpus
  (DASHBOARD_DATA, DASHBOARD_CACHE_DIR = the filled cache): unfiltered, with the theme
  filter set to hydrogen, with the search box set to measure.SEARCH, and runs that each
  follow a new search (the full-text search and the filtering it triggers included);
  null when the dashboard or its pages are missing.

- build_stages: where the build process's time went (`loaders.stages`), wall seconds per
  stage (listing, fingerprint, map, merge, write, publish, read; the workers run map and
  write), `parent_cpu` (the build process's own CPU while the workers run) and `serial`
  (every stage but the workers', plus parent_cpu): the part of a build more workers cannot
  shrink. Target: 10 s at 100,000.

Then the scaling section ("scaling", unless --no-scaling): the cold build of a corpus of
--scaling-articles (default 10,000) with `--workers 1` (serial) and with `--workers 2` (a pool
of two processes), medians as above, and the speedup (target 1.8).

Then the pathological-input section (benchmarks.pathological): seconds and peak RSS of
loading one hostile file alone (runs of initials, percentages, quotes, `{}` lines, CSV
rows, ...) at 10 KB, 100 KB and 1 MB, and their growth per 10× size. `--pathological`
runs only that section, `--no-pathological` skips it. `--json` writes one object:
"sizes" (the list, one object per corpus size, exactly KEYS), "scaling" and "pathological"
(one object per input kind), each present when its section ran.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks import corpus, pathological
from benchmarks.measure import PAGES, ROOT, page_labels, run_child

KEYS = (
    "articles", "words", "build_s", "scan_s", "build_scan_ratio", "words_per_second",
    "warm_start_s", "peak_rss_mb", "held_rss_mb", "index_build_s", "index_mb", "search_s", "build_cpu_s",
    "stories_cpu_s", "stories_share", "page_rerun_s", "build_stages",
)
TARGETS = {
    "build_scan_ratio": ("<= 5", 5.0),
    "warm_start_s": ("<= 2 s", 2.0),
    "peak_rss_mb": ("<= 1.5 GiB", 1536.0),
    "held_rss_mb": ("<= 1 GiB", 1024.0),
    "page": ("<= 0.3 s", 0.3),
    "serial": ("<= 10 s", 10.0),
    "speedup": (">= 1.8", 1.8),
    "stories_share": ("<= 10%", 0.10),
}
TARGET_SIZE = 100_000
DEFAULT_SIZES = "1000,10000,100000"
SCALING_SIZE = 10_000  # the --workers 1 against --workers 2 comparison, by default


def parse_sizes(text: str) -> list[int]:
    """Sizes from "1000,10000"; raises ValueError on anything but positive integers."""
    sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) <= 0:
        raise ValueError(f"need positive article counts, got {text!r}")
    return sizes


def ensure_corpus(workdir: Path, n: int, seed: int) -> Path:
    """The corpus folder for (n, seed), written unless a complete one from the same generator exists."""
    version = hashlib.blake2b(Path(corpus.__file__).read_bytes(), digest_size=6).hexdigest()
    folder = workdir / f"corpus-{n}-seed{seed}"
    marker = workdir / f"corpus-{n}-seed{seed}.done"
    if marker.is_file() and marker.read_text() == version and folder.is_dir():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    corpus.generate(n, folder, seed)
    marker.write_text(version)
    return folder


def dashboard_missing(app: Path) -> list[str]:
    """Files the page benchmark needs that are absent: the entry script and each page."""
    needed = [app, *(app.parent / "pages" / file for file in PAGES.values())]
    return [str(path) for path in needed if not path.is_file()]


def _repeat(runs: int, warmups: int, measure) -> list:
    for i in range(warmups):
        measure(i)
    return [measure(warmups + i) for i in range(runs)]


def measure_size(n: int, folder: Path, workdir: Path, args, log) -> dict:
    """Every figure for the corpus in `folder`, as one row with exactly KEYS."""
    log(f"[{n}] scan")
    scans = _repeat(args.runs, args.warmups, lambda _: run_child("scan", folder).result)
    words = scans[-1]["words"]
    scan_s = statistics.median(s["seconds"] for s in scans)

    cache_root = workdir / f"cache-{n}"
    shutil.rmtree(cache_root, ignore_errors=True)

    def build(i: int) -> dict:
        cache = cache_root / f"run{i}"
        log(f"[{n}] build run {i + 1}/{args.runs + args.warmups}")
        child = run_child("build", folder, cache)
        res = child.result
        res["peak_mb"] = max(child.tree_peak_mb, res["self_maxrss_mb"], res["children_maxrss_mb"])
        return res

    builds = _repeat(args.runs, args.warmups, build)
    cache = cache_root / f"run{args.runs + args.warmups - 1}"
    for stale in cache_root.iterdir():
        if stale != cache:
            shutil.rmtree(stale, ignore_errors=True)
    build_s = statistics.median(b["seconds"] for b in builds)

    log(f"[{n}] warm start, held RSS")
    warm = _repeat(args.runs, args.warmups, lambda _: run_child("warm", folder, cache).result)
    held = _repeat(args.runs, args.warmups, lambda _: run_child("held", folder, cache).result)
    log(f"[{n}] search index")
    searches = _repeat(args.runs, args.warmups, lambda _: run_child("search", folder, cache).result)
    log(f"[{n}] story grouping")
    grouping = _repeat(args.runs, args.warmups, lambda _: run_child("stories", folder, cache).result)
    build_cpu_s = statistics.median(b["cpu_s"] for b in builds)
    stories_cpu_s = statistics.median(g["seconds"] for g in grouping)

    pages = None
    if args.pages:
        log(f"[{n}] page reruns")
        res = run_child("pages", args.app, folder, cache, args.runs, args.warmups).result
        pages = res["pages"]
        for page, error in res["errors"].items():
            print(f"  page {page!r} not measured at {n} articles: {error}", file=sys.stderr)
    return {
        "articles": n,
        "words": words,
        "build_s": build_s,
        "scan_s": scan_s,
        "build_scan_ratio": build_s / scan_s,
        "words_per_second": words / build_s,
        "warm_start_s": statistics.median(w["seconds"] for w in warm),
        "peak_rss_mb": statistics.median(b["peak_mb"] for b in builds),
        "held_rss_mb": statistics.median(h["rss_mb"] for h in held),
        **{key: statistics.median(s[key] for s in searches) for key in ("index_build_s", "index_mb", "search_s")},
        "build_cpu_s": build_cpu_s,
        "stories_cpu_s": stories_cpu_s,
        "stories_share": stories_cpu_s / build_cpu_s,
        "page_rerun_s": pages,
        "build_stages": {key: statistics.median(b["stages"][key] for b in builds) for key in builds[0]["stages"]},
    }


def measure_scaling(workdir: Path, args, log) -> dict:
    """Cold build seconds of the --scaling-articles corpus with one worker (a serial build) and with two (a pool
    of two processes, whatever the size), and the speedup: what a second core buys on this machine."""
    n = args.scaling_articles
    folder = ensure_corpus(workdir, n, args.seed)
    figures = {}
    for workers in (1, 2):
        def build(i: int, workers: int = workers) -> float:
            cache = workdir / f"scaling-{workers}-run{i}"
            shutil.rmtree(cache, ignore_errors=True)
            log(f"[scaling] {n} articles, --workers {workers}, run {i + 1}/{args.runs + args.warmups}")
            try:
                return run_child("build", folder, cache, workers, "processes" if workers > 1 else "serial").result["seconds"]
            finally:
                shutil.rmtree(cache, ignore_errors=True)
        figures[f"workers{workers}_s"] = statistics.median(_repeat(args.runs, args.warmups, build))
    return {"articles": n, **figures, "speedup": figures["workers1_s"] / figures["workers2_s"]}


def format_stages(rows: list[dict]) -> str:
    """The build's stages per size (wall seconds), its parent's CPU in the workers' stages and the serial part
    (every stage but the workers', plus that CPU), with its target."""
    names = list(rows[0]["build_stages"])
    lines = [f"{'articles':>9} " + " ".join(f"{name:>11}" for name in names[:-1])
             + f" {'serial s (' + TARGETS['serial'][0] + ')':>20}"]
    for r in rows:
        stages = r["build_stages"]
        lines.append(f"{r['articles']:>9,} " + " ".join(f"{stages[name]:>11.2f}" for name in names[:-1])
                     + f" {stages['serial']:>18.2f}{_mark(stages['serial'], 'serial') if r['articles'] >= TARGET_SIZE else '  '}")
    return ("build stages, wall s (workers run map and write; parent_cpu: the build process's own CPU meanwhile)\n"
            + "\n".join(lines))


def format_scaling(row: dict) -> str:
    """The --workers 1 / --workers 2 comparison as two lines."""
    return (f"scaling at {row['articles']:,} articles: --workers 1 {row['workers1_s']:.2f} s, --workers 2 "
            f"{row['workers2_s']:.2f} s, speedup {row['speedup']:.2f} ({TARGETS['speedup'][0]})"
            + ("!" if row["speedup"] < TARGETS["speedup"][1] else ""))


def _mark(value: float, key: str) -> str:
    return " !" if value > TARGETS[key][1] else "  "


def format_table(rows: list[dict]) -> str:
    """The figures as a text table, sizes down, figures across, targets in the headers; '!' marks a miss."""
    head = (
        f"{'articles':>9} {'words':>11} {'build s':>8} {'scan s':>7} {'build/scan':>12} {'words/s':>9}"
        f" {'warm s':>9} {'peak MiB':>10} {'held MiB':>10} {'slowest page s':>15}"
    )
    goal = (
        f"{'':>9} {'':>11} {'':>8} {'':>7} {TARGETS['build_scan_ratio'][0]:>12} {'':>9}"
        f" {TARGETS['warm_start_s'][0]:>9} {TARGETS['peak_rss_mb'][0]:>10} {TARGETS['held_rss_mb'][0]:>10}"
        f" {TARGETS['page'][0]:>15}"
    )
    lines = [head, goal, "-" * len(head)]
    for r in rows:
        pages = r["page_rerun_s"]
        slowest = f"{max(pages.values()):13.3f}{_mark(max(pages.values()), 'page')}" if pages else f"{'absent':>15}"
        lines.append(
            f"{r['articles']:>9,} {r['words']:>11,} {r['build_s']:>8.2f} {r['scan_s']:>7.3f}"
            f" {r['build_scan_ratio']:>10.1f}{_mark(r['build_scan_ratio'], 'build_scan_ratio')}"
            f" {r['words_per_second']:>9,.0f}"
            f" {r['warm_start_s']:>7.2f}{_mark(r['warm_start_s'], 'warm_start_s')}"
            f" {r['peak_rss_mb']:>8.0f}{_mark(r['peak_rss_mb'], 'peak_rss_mb')}"
            f" {r['held_rss_mb']:>8.0f}{_mark(r['held_rss_mb'], 'held_rss_mb')} {slowest}"
        )
    lines += ["", f"{'articles':>9} {'index build s':>14} {'index MiB':>10} {'slowest search s':>17}"
                  f" {'build CPU s':>12} {'stories CPU s':>14} {'stories share (' + TARGETS['stories_share'][0] + ')':>21}"]
    lines += [f"{r['articles']:>9,} {r['index_build_s']:>14.2f} {r['index_mb']:>10.1f} {r['search_s']:>17.4f}"
              f" {r['build_cpu_s']:>12.1f} {r['stories_cpu_s']:>14.2f} {r['stories_share']:>19.1%}"
              f"{_mark(r['stories_share'], 'stories_share') if r['articles'] >= TARGET_SIZE else '  '}" for r in rows]
    measured = [r for r in rows if r["page_rerun_s"]]
    if measured:
        names = [label for name in PAGES for label in page_labels(name)]
        width = max(map(len, names))
        lines += ["", f"{'page rerun median s (' + TARGETS['page'][0] + ')':<{width}} "
                  + " ".join(f"{r['articles']:>10,}" for r in measured)]
        for name in names:
            cells = []
            for r in measured:
                value = r["page_rerun_s"].get(name)
                cells.append(f"{'-':>10}" if value is None else f"{value:>8.3f}{_mark(value, 'page')}")
            lines.append(f"{name:<{width}} " + " ".join(cells))
    lines.append(f"targets apply at {TARGET_SIZE:,} articles; '!' marks a figure over its target")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: measure each size, then the pathological inputs; print each section's table as it
    finishes, optionally write the JSON object."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default=DEFAULT_SIZES, help=f"comma-separated sizes (default {DEFAULT_SIZES})")
    parser.add_argument("--json", type=Path, help='write the figures here as one JSON object: "sizes" (a list, one object'
                        ' per size) and "pathological" (one object per input kind)')
    parser.add_argument("--runs", type=int, default=3, help="measured runs per figure; the median is reported (default 3)")
    parser.add_argument("--warmups", type=int, default=1, help="unreported warm-up runs before them (default 1)")
    parser.add_argument("--workdir", type=Path, help="keeps corpora and caches here for reuse (default: a temp dir, removed)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--app", type=Path, default=ROOT / "dashboard.py", help="dashboard entry script (default dashboard.py)")
    parser.add_argument("--no-pages", dest="pages", action="store_false", help="skip the page rerun figures")
    parser.add_argument("--no-scaling", dest="scaling", action="store_false",
                        help="skip the --workers 1 against --workers 2 builds")
    parser.add_argument("--scaling-articles", type=int, default=SCALING_SIZE,
                        help=f"corpus size of the --workers 1 against --workers 2 builds (default {SCALING_SIZE:,})")
    section = parser.add_mutually_exclusive_group()
    section.add_argument("--pathological", action="store_true",
                         help="run only the pathological-input section (one hostile file per kind and size)")
    section.add_argument("--no-pathological", action="store_true", help="skip the pathological-input section")
    args = parser.parse_args(argv)
    try:
        sizes = parse_sizes(args.articles)
    except ValueError as err:
        parser.error(str(err))
    if args.runs < 1 or args.warmups < 0:
        parser.error("--runs must be >= 1 and --warmups >= 0")
    args.app = args.app.resolve()

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    figures: dict[str, list[dict] | dict] = {}
    if not args.pathological:
        with_workdir(args, lambda workdir: measure_corpora(workdir, sizes, args, log, figures))
    if not args.no_pathological:
        figures["pathological"] = pathological.run(log=log)
        print(("\n" if "sizes" in figures else "") + "pathological inputs\n" + pathological.format_table(figures["pathological"]))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n")
    return 0


def measure_corpora(workdir: Path, sizes: list[int], args, log, figures: dict) -> None:
    """The corpus-size section, then the scaling section (sharing `workdir`, so a corpus both use is written
    once), each printed as it finishes and stored in `figures`."""
    figures["sizes"] = measure_sizes(workdir, sizes, args, log)
    print(format_table(figures["sizes"]) + "\n\n" + format_stages(figures["sizes"]), flush=True)
    if args.scaling:
        figures["scaling"] = measure_scaling(workdir, args, log)
        print("\n" + format_scaling(figures["scaling"]), flush=True)


def measure_sizes(workdir: Path, sizes: list[int], args, log) -> list[dict]:
    """The rows of the corpus-size section, one per size."""
    if args.pages and (missing := dashboard_missing(args.app)):
        print("page figures absent: the dashboard is missing " + ", ".join(missing), file=sys.stderr)
        args.pages = False
    rows = []
    for n in sizes:
        log(f"[{n}] corpus in {workdir}")
        rows.append(measure_size(n, ensure_corpus(workdir, n, args.seed), workdir, args, log))
    return rows


def with_workdir(args, measure):
    """`measure(workdir)` in --workdir, or in a temporary folder removed afterwards."""
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="benchmarks-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        return measure(workdir)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
