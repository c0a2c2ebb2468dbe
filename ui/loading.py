"""Loading for the server: the data folder's corpus, loaded once per fingerprint and shared by every session,
and its full-text index. Nothing here draws except the build's progress bar."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import streamlit as st

from loaders import Corpus, corpus_fingerprint, is_built, load_built, load_corpus, schema, search

ROOT = Path(__file__).resolve().parents[1]
DATA_ENV = "DASHBOARD_DATA"
DEFAULT_DATA = "data/articles"
FINGERPRINT_TTL = 60.0
log = logging.getLogger(__name__)


def use_system_allocator() -> None:
    """Arrow allocates from the system pool: the server holds one corpus for hours, and the system allocator
    hands freed Parquet read buffers back, where Arrow's default mimalloc pool kept about as much again as the
    tables themselves. Called once by the entrypoint."""
    pa.set_memory_pool(pa.system_memory_pool())


def data_path() -> Path:
    """The data folder: $DASHBOARD_DATA (default data/articles), relative to the repository root."""
    path = Path(os.environ.get(DATA_ENV) or DEFAULT_DATA)
    return path if path.is_absolute() else ROOT / path


def empty_corpus(reason: str = "") -> Corpus:
    """A corpus with no rows (and one rejected row naming `reason`, if given), with the default lexicon's themes."""
    tables = {name: schema.empty(name) for name in schema.TABLES}
    if reason:
        tables["rejected"] = schema.conform("rejected", pd.DataFrame({"origin": [str(data_path())], "reason": [reason]}))
    return Corpus.from_tables(tables, f"empty:{reason}")


@dataclass
class ChildBuild:
    """A `python -m loaders` child building a folder, and what its stderr said so far (drained by a thread, so
    the child never blocks on a full pipe and outlives a script run that a click interrupts)."""

    child: subprocess.Popen
    reader: threading.Thread | None = None
    done: int = 0
    total: int = 0
    tail: deque = field(default_factory=lambda: deque(maxlen=20))

    def read(self) -> None:
        """Drains the child's stderr: 'progress DONE TOTAL' lines set the counts, others are kept in `tail`."""
        for line in self.child.stderr or ():
            words = line.split()
            if len(words) == 3 and words[0] == "progress" and words[1].isdigit() and words[2].isdigit():
                self.done, self.total = int(words[1]), int(words[2])
            elif line.strip():
                self.tail.append(line.rstrip())


@dataclass
class _LoadedCorpora:
    """The corpora this server has loaded, by (path, fingerprint), and the builds under way, by path; shared by
    every session."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    by_key: dict[tuple[str, str], Corpus] = field(default_factory=dict)
    builds: dict[str, ChildBuild] = field(default_factory=dict)


@st.cache_resource
def _loaded() -> _LoadedCorpora:
    """The one store of loaded corpora.

    A resource cache, not st.cache_data: a Corpus is frozen and never mutated, and
    cache_data would unpickle a full copy of every table on every rerun (hundreds of
    MB at 100,000 articles). Loading happens outside any cached function so that a
    build can draw its progress bar.
    """
    return _LoadedCorpora()


def load_cached(path: str, fingerprint: str, progress: Callable[[int, int], None] | None = None) -> Corpus:
    """The corpus in `path`, loaded once per `fingerprint`; a new fingerprint replaces the old corpus. A folder
    not built yet is built apart (`build_apart`) into the build cache first."""
    store = _loaded()
    key = (path, fingerprint)
    loaded = store.by_key.get(key)  # served without waiting for another session's build
    if loaded is not None:
        return loaded
    with store.lock:
        if key in store.by_key:
            return store.by_key[key]
        if not is_built(path, fingerprint):
            build_apart(path, progress)
        # serial: should the files have changed since the build, the server builds them itself, in this process
        corpus = load_corpus(path, progress=progress, fingerprint=fingerprint, engine="serial")
        if corpus.fingerprint == fingerprint:  # a failed read of a dataset carries another key: never kept
            store.by_key = {key: corpus}
        return corpus


def build_apart(path: str, progress: Callable[[int, int], None] | None = None) -> None:
    """Builds the folder `path` into the build cache with `python -m loaders` in a child process (or waits for
    the one already building it), passing on its progress.

    Not the loaders' worker pool inside the server: a pool started beside Streamlit's threads must spawn its
    workers, and a spawned worker re-imports the main module, which under `streamlit run` is the running
    script, so every worker ran the dashboard (and a build of its own). A child process builds as the
    command line does, at the command line's cost, and hands its memory back when it exits. A click that
    interrupts the waiting run leaves the child building; the next run waits for it again.
    """
    store = _loaded()
    build = store.builds.get(path)
    if build is None:
        command = [sys.executable, "-m", "loaders", path, "--progress", "lines"]
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                 errors="replace")
        build = store.builds[path] = ChildBuild(child)
        build.reader = threading.Thread(target=build.read, name=f"build {path}", daemon=True)
        build.reader.start()
    while build.child.poll() is None:
        if progress and build.total:
            progress(build.done, build.total)
        time.sleep(0.2)
    if build.reader is not None:
        build.reader.join(timeout=10)  # the last lines
    if progress and build.total:
        progress(build.done, build.total)
    store.builds.pop(path, None)
    if build.child.returncode not in (0, 1):  # 1: no article loaded, which the load shows as rejected rows
        log.warning("building %s failed (exit %s): %s", path, build.child.returncode, " | ".join(build.tail))


@dataclass(frozen=True)
class _Fingerprint:
    """A session's last fingerprint of the data folder and when it was taken."""

    path: str
    value: str
    at: float


def _session_corpus(path: Path, progress: Callable[[int, int], None] | None) -> Corpus:
    """The corpus of `path` for this session. Its fingerprint is taken at most once a minute per session (it
    stats every file); while the server holds no corpus of `path` yet, its cached build is read during the
    fingerprint (`load_built`), so a server's first load costs a warm start, not a fingerprint and then a read."""
    cached: _Fingerprint | None = st.session_state.get("_fingerprint")
    now = time.monotonic()
    if cached and cached.path == str(path) and now - cached.at < FINGERPRINT_TTL:
        return load_cached(str(path), cached.value, progress)
    store = _loaded()
    if any(folder == str(path) for folder, _ in store.by_key):
        fingerprint = corpus_fingerprint(path)
    else:
        with store.lock:
            fingerprint, corpus = load_built(path)
            if corpus is not None and corpus.fingerprint == fingerprint:  # a failed read of a dataset: never kept
                store.by_key = {(str(path), fingerprint): corpus}
    st.session_state["_fingerprint"] = _Fingerprint(str(path), fingerprint, now)
    return load_cached(str(path), fingerprint, progress)


def base_corpus() -> tuple[Corpus, str]:
    """The corpus of the data folder and an error message ("" when it loaded)."""
    path = data_path()
    bar = st.empty()

    def progress(done: int, total: int) -> None:
        bar.progress(done / total, text=f"Building tables: {done:,} of {total:,} files")

    try:
        with st.spinner("Loading articles…"):
            return _session_corpus(path, progress), ""
    except FileNotFoundError:
        message = (f"Data folder {path} not found: start the app with `make run DATA=FOLDER` (or set {DATA_ENV}), "
                   "or upload articles in the sidebar.")
        return empty_corpus(message), message
    finally:
        bar.empty()


@st.cache_resource(max_entries=4, show_spinner="Indexing the articles for search…")
def _search_index(fingerprint: str, _corpus: Corpus) -> search.SearchIndex:
    """The full-text index of the corpus `fingerprint`: opened (or built once) per server, shared by every session."""
    return search.for_corpus(_corpus)


def search_index(corpus: Corpus) -> search.SearchIndex:
    """The full-text index of `corpus` (see loaders/search.py): stored with its dataset, or built in memory."""
    return _search_index(corpus.fingerprint, corpus)
