"""The measurements behind `python -m benchmarks`, each taken in a fresh child process.

`python -m benchmarks.measure TASK ARGS...` runs one measurement and prints its
result as one JSON object on the last line of stdout:

- `scan DIR`: read every file and count `\\w+` words (the floor a build is compared with).
- `build DIR CACHE [WORKERS [ENGINE]]`: `load_corpus(DIR, cache_dir=CACHE)` with CACHE empty, every table touched;
  with its stage seconds (`loaders.stages`).
- `warm DIR CACHE`: the same call once CACHE holds the build.
- `first DIR CACHE`: a dashboard server's first load of DIR once CACHE holds the build (`ui.loading`), without
  the dashboard's other imports.
- `held DIR CACHE`: RSS after loading through CACHE with the dashboard's imports, after gc.
- `search DIR CACHE`: seconds to build the corpus's search index, its size, and the slowest of NEW_SEARCHES.
- `pages APP DIR CACHE RUNS WARMUPS [PAGES]`: AppTest rerun seconds of every page of APP (or of the PAGES named,
  comma-separated): unfiltered, with a
  theme filter, with a search (SEARCH), and with a new search on each run (the full-text search and the
  filtering it triggers included).

`run_child` starts a task and samples the RSS of the child's whole process tree
(the child plus every descendant, e.g. build workers) while it runs.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import pkgutil
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

WORD = re.compile(r"\w+")
ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "Overview": "overview.py",
    "Timeline": "timeline.py",
    "Value chains": "value_chains.py",
    "Quotes": "quotes.py",
    "Framing": "framing.py",
    "People & organisations": "people.py",
    "Places": "places.py",
    "Articles": "articles.py",
}
THEME = "hydrogen"
THEME_LABEL = re.compile(r"theme|value chain", re.IGNORECASE)
SEARCH = '"green hydrogen" OR electroly*'
SEARCH_LABEL = re.compile(r"search", re.IGNORECASE)
# Searches of each kind (words, phrase, OR, exclusion, prefix); `new_search(i)` makes each run's query text
# unique (excluding a word no article has), so no run reuses the view (and the search) of an earlier one.
NEW_SEARCHES = ("lithium OR cobalt", '"raw materials" -coal', "Kazakhstan -hydrogen", "electroly*", "Smailov",
                "battery plant", '"European Union" OR EU', "Samruk* OR KazMunayGas")
DASHBOARD_IMPORTS = ("streamlit", "plotly", "plotly.express", "plotly.graph_objects", "altair")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.02
MIB = 1024 * 1024
APP_TIMEOUT = 3600.0


@dataclass
class ChildResult:
    """A child's JSON result, the peak RSS sum of its process tree (MiB) and its wall seconds."""

    result: dict
    tree_peak_mb: float
    wall_s: float


def scan(folder: str | os.PathLike) -> tuple[int, float]:
    """Word count of every file in `folder` and the seconds a plain single-process read and regex took."""
    start = time.perf_counter()
    with os.scandir(folder) as entries:
        words = sum(_words_in(entry.path) for entry in entries if entry.is_file())
    return words, time.perf_counter() - start


def scan_files(paths: list[str]) -> tuple[int, float]:
    """`scan` over a list of files."""
    start = time.perf_counter()
    words = sum(_words_in(path) for path in paths)
    return words, time.perf_counter() - start


def _words_in(path: str) -> int:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return len(WORD.findall(handle.read()))


def tree_rss_bytes(root: int) -> int:
    """Sum of the resident set sizes of process `root` and all its descendants (0 once it is gone)."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                ppid = int(handle.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(name))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            pass
        stack.extend(children.get(pid, ()))
    return total


def run_child(task: str, *args: str, env: dict[str, str] | None = None) -> ChildResult:
    """Runs `python -m benchmarks.measure TASK ARGS` in a fresh process, sampling its tree's RSS.

    Raises RuntimeError with the child's stderr tail when it fails.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.measure", task, *map(str, args)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **(env or {})},
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(SAMPLE_SECONDS):
            peak = max(peak, tree_rss_bytes(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate()
    finally:
        done.set()
        sampler.join()
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        tail = "\n".join(err.strip().splitlines()[-15:])
        raise RuntimeError(f"benchmark task {task!r} failed (exit {proc.returncode}):\n{tail}")
    lines = out.strip().splitlines()
    return ChildResult(json.loads(lines[-1]) if lines else {}, peak / MIB, wall)


def _maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _current_rss_mb() -> float:
    with open("/proc/self/statm", "rb") as handle:
        return int(handle.read().split()[1]) * PAGE_SIZE / MIB


def _touch_tables(corpus) -> int:
    from loaders import schema

    return sum(len(getattr(corpus, name)) for name in schema.TABLES)


def task_build(folder: str, cache: str, workers: str = "", engine: str = "auto") -> dict:
    """Cold build seconds (with `workers` processes and `engine` when given), where the build process's time
    went (`loaders.stages`), and its own and its largest worker's peak RSS (MiB)."""
    from loaders import load_corpus
    from loaders.stages import Stages

    stages = Stages()
    start = time.perf_counter()
    corpus = load_corpus(folder, cache_dir=cache, workers=int(workers) if workers else None, engine=engine,
                         stages=stages)
    rows = _touch_tables(corpus)
    seconds = time.perf_counter() - start
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": seconds,
        "cpu_s": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
        "articles": len(corpus.articles),
        "rejected": len(corpus.rejected),
        "rows": rows,
        "stages": stages.as_dict(),
        "self_maxrss_mb": _maxrss_mb(resource.RUSAGE_SELF),
        "children_maxrss_mb": _maxrss_mb(resource.RUSAGE_CHILDREN),
    }


def task_warm(folder: str, cache: str) -> dict:
    """Seconds of `load_corpus` served from a filled cache, in a process that has imported only loaders."""
    from loaders import load_corpus

    start = time.perf_counter()
    corpus = load_corpus(folder, cache_dir=cache)
    _touch_tables(corpus)
    return {"seconds": time.perf_counter() - start, "articles": len(corpus.articles)}


def task_first(folder: str, cache: str) -> dict:
    """Seconds of a dashboard server's first load of `folder` once `cache` holds its build (`ui.loading`)."""
    os.environ["DASHBOARD_CACHE_DIR"] = cache
    from ui import loading

    start = time.perf_counter()
    corpus = loading._session_corpus(Path(folder), None)  # as `ui.loading.base_corpus` does
    _touch_tables(corpus)
    return {"seconds": time.perf_counter() - start, "articles": len(corpus.articles)}


def dashboard_modules() -> list[str]:
    """The third-party and `ui` modules the dashboard imports, in import order."""
    import ui

    return [*DASHBOARD_IMPORTS, *(f"ui.{m.name}" for m in pkgutil.iter_modules(ui.__path__))]


def task_held(folder: str, cache: str) -> dict:
    """RSS (MiB) of a process holding the corpus loaded through `cache`, with the dashboard's imports and its
    entrypoint's Arrow allocator (`ui.loading.use_system_allocator`: without it, Arrow's default pool keeps
    about 200 MiB of freed read buffers at 100,000 articles), after gc."""
    for name in dashboard_modules():
        importlib.import_module(name)
    from loaders import load_corpus
    from ui.loading import use_system_allocator

    use_system_allocator()

    corpus = load_corpus(folder, cache_dir=cache)
    gc.collect()
    rss = _current_rss_mb()
    return {"rss_mb": rss, "articles": len(corpus.articles)}


def _theme_widget(at):
    """The first select-like widget labelled theme/value chain offering a hydrogen option, with that option's value."""
    from streamlit.testing.v1.element_tree import _format_value_for_widget

    for kind in ("multiselect", "selectbox", "radio", "button_group"):
        for widget in getattr(at, kind):
            label = getattr(widget, "label", "") or ""
            options = list(getattr(widget, "options", []))
            if not THEME_LABEL.search(label):
                continue
            for option in options:
                if THEME not in option.lower():
                    continue
                for raw in (option, THEME, THEME.capitalize(), option.lower()):
                    if _format_value_for_widget(widget.format_func, raw) == option:
                        return widget, raw
    return None, None


def _set_theme(at, theme_on: bool, original) -> object:
    """Selects (or restores) the theme filter; returns the widget's original value."""
    widget, raw = _theme_widget(at)
    if widget is None:
        raise LookupError("no widget labelled 'theme' or 'value chain' offering a hydrogen option")
    before = widget.value
    if not theme_on:
        widget.set_value(original)
    elif widget.type == "multiselect" or (widget.type == "button_group" and not widget._is_single_select):
        widget.set_value([raw])
    else:
        widget.set_value(raw)
    return before


def page_labels(name: str) -> list[str]:
    """The figures taken of page `name`, in order: unfiltered, with the theme, with SEARCH, with a new search per run."""
    return [name, f"{name} (theme={THEME})", f"{name} (q={SEARCH})", f"{name} (a new search each run)"]


def new_search(i: int) -> str:
    """The i-th query of the new-search runs: one of NEW_SEARCHES, made unique without changing what it finds."""
    return f"{NEW_SEARCHES[i % len(NEW_SEARCHES)]} -zz{i}qq"


def _search_box(at):
    """The sidebar text input labelled search (the articles search)."""
    box = next((w for w in at.sidebar.text_input if SEARCH_LABEL.search(w.label or "")), None)
    if box is None:
        raise LookupError("no sidebar text input labelled 'search'")
    return box


def _timed_runs(at, runs: int, warmups: int, label: str) -> float:
    """Median seconds of `runs` reruns after `warmups` reruns; raises if the page shows an exception."""
    for _ in range(warmups):
        at.run(timeout=APP_TIMEOUT)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run(timeout=APP_TIMEOUT)
        times.append(time.perf_counter() - start)
    if len(at.exception):
        raise RuntimeError(f"{label} raised: {at.exception[0].value}")
    return statistics.median(times)


def _new_search_runs(at, runs: int, warmups: int, label: str, first: int) -> float:
    """Median seconds of `runs` runs that each follow a new search (`new_search(first + i)`), after `warmups`."""
    times = []
    for i in range(warmups + runs):
        _search_box(at).set_value(new_search(first + i))
        start = time.perf_counter()
        at.run(timeout=APP_TIMEOUT)
        if i >= warmups:
            times.append(time.perf_counter() - start)
    if len(at.exception):
        raise RuntimeError(f"{label} raised: {at.exception[0].value}")
    return statistics.median(times)


def task_pages(app: str, folder: str, cache: str, runs: str, warmups: str, only: str = "") -> dict:
    """Median AppTest rerun seconds for each page of `app` (the figures of `page_labels`); `only`: the names of
    the pages to measure, comma-separated (default every page of PAGES)."""
    from streamlit.testing.v1 import AppTest

    wanted = [n.strip() for n in only.split(",") if n.strip()] or list(PAGES)
    unknown = [n for n in wanted if n not in PAGES]
    if unknown:
        raise ValueError(f"no page named {unknown}; pages: {list(PAGES)}")

    os.environ["DASHBOARD_DATA"] = folder
    os.environ["DASHBOARD_CACHE_DIR"] = cache
    runs_n, warm_n = int(runs), max(1, int(warmups))
    at = AppTest.from_file(app, default_timeout=APP_TIMEOUT)
    at.run(timeout=APP_TIMEOUT)
    pages: dict[str, float] = {}
    errors: dict[str, str] = {}
    for number, (name, file) in enumerate((n, PAGES[n]) for n in wanted):
        plain, themed, searched, searching = page_labels(name)
        try:
            at.switch_page(f"pages/{file}")
            pages[plain] = _timed_runs(at, runs_n, warm_n, plain)
            original = _set_theme(at, True, None)
            pages[themed] = _timed_runs(at, runs_n, warm_n, themed)
            _set_theme(at, False, original)
            _search_box(at).set_value(SEARCH)
            pages[searched] = _timed_runs(at, runs_n, warm_n, searched)
            pages[searching] = _new_search_runs(at, runs_n, warm_n, searching, number * (runs_n + warm_n))
            _search_box(at).set_value("")
            at.run(timeout=APP_TIMEOUT)
        except Exception as err:  # one broken page must not cost the other pages' figures
            missing = next(label for label in page_labels(name) if label not in pages)
            errors[missing] = f"{type(err).__name__}: {err}"
    return {"pages": pages, "errors": errors}


def task_search(folder: str, cache: str) -> dict:
    """Seconds to build the search index of the corpus in CACHE (written to a fresh folder), its size on disk
    (MiB), and the seconds of the slowest of NEW_SEARCHES (articles and quotes) on the index stored in CACHE."""
    from loaders import load_corpus, search
    from loaders.query import parse

    corpus = load_corpus(folder, cache_dir=cache)
    with tempfile.TemporaryDirectory() as scratch:
        start = time.perf_counter()
        search.write(corpus, Path(scratch) / search.INDEX_DIR)
        build_s = time.perf_counter() - start
        size = sum(path.stat().st_size for path in Path(scratch).rglob("*") if path.is_file())
    index = search.for_corpus(corpus)
    times = []
    for text in NEW_SEARCHES:
        start = time.perf_counter()
        index.articles(parse(text))
        index.quotes(parse(text))
        times.append(time.perf_counter() - start)
    return {"index_build_s": build_s, "index_mb": size / MIB, "search_s": max(times)}


def task_stories(folder: str, cache: str) -> dict:
    """CPU seconds (one core) of grouping the copies of one story over the corpus in CACHE, as a build does it:
    every article's signature (the workers' share) and the grouping (the parent's)."""
    from loaders import build, load_corpus, stories

    corpus = load_corpus(folder, cache_dir=cache)
    texts, ids = build.article_texts(corpus.articles, corpus.paragraphs), corpus.articles["article_id"].tolist()
    start = time.process_time()
    story = stories.group(ids, stories.signatures(texts))
    return {"seconds": time.process_time() - start, "stories": len(set(story.tolist()))}


def task_scan(folder: str) -> dict:
    """Words and seconds of the plain scan."""
    words, seconds = scan(folder)
    return {"words": words, "seconds": seconds}


TASKS = {"scan": task_scan, "build": task_build, "warm": task_warm, "first": task_first, "held": task_held, "search": task_search,
         "stories": task_stories,
         "pages": task_pages}


def main(argv: list[str]) -> int:
    """Child entry point: run TASK and print its JSON result as the last stdout line."""
    if not argv or argv[0] not in TASKS:
        print(f"usage: python -m benchmarks.measure {{{'|'.join(TASKS)}}} ARGS...", file=sys.stderr)
        return 2
    result = TASKS[argv[0]](*argv[1:])
    sys.stdout.flush()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
