"""`load_corpus`: from article files (or a built dataset) to a `Corpus` of pandas tables, cached.

The cache key (`fingerprint`) covers the inputs' names, sizes and modification times
(or content, for uploads), the size limit, the lexicon and the loader's own code, so
a changed input or rule rebuilds and an unchanged one loads from Parquet. A corpus
carries the themes of the lexicon it was built with, and a saved one keeps them in its
manifest, so whoever serves it names the themes its mentions use.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import logging
import os
import stat
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields, replace
from pathlib import Path

import pandas as pd

from loaders import build, parts, schema, search, store
from loaders.inputs import DEFAULT_MAX_BYTES, Input, Source, resolve
from loaders.stages import Stages
from loaders.themes import KINDS, load_lexicon

log = logging.getLogger(__name__)

CACHE_ENV = "DASHBOARD_CACHE_DIR"
CACHE_KEEP_ENV = "DASHBOARD_CACHE_KEEP"
# Cached builds kept: the most recently used ones; every other entry is evicted after a new build.
CACHE_KEEP = 4
# Up to this total, a corpus is keyed on its files' contents rather than their sizes and times.
CONTENT_HASH_MAX_BYTES = 64 * 2**20
# The manifest entry holding a saved corpus's themes: a list of [name, kind] pairs in lexicon order.
THEMES_KEY = "themes"
SOURCE_KEY = "source"  # the manifest entry naming the folder a cached build was made from (`_likely_home`)

ThemeKinds = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Corpus:
    """Every table of a loaded corpus (columns in `loaders.schema`), the key it was built under, the
    (theme, kind) pairs of the lexicon it was built with and the dataset version folder its tables are
    stored in ("" for a corpus held only in memory), where its search index lives."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    rejected: pd.DataFrame
    quotes: pd.DataFrame
    people: pd.DataFrame
    mentions: pd.DataFrame
    events: pd.DataFrame
    amounts: pd.DataFrame
    entities: pd.DataFrame
    fingerprint: str
    theme_kinds: ThemeKinds
    folder: str = ""

    @classmethod
    def from_tables(cls, tables: dict[str, pd.DataFrame], fingerprint: str,
                    theme_kinds: ThemeKinds | None = None, folder: str = "") -> Corpus:
        """A corpus of `tables` whose lexicon had `theme_kinds` (default: the default lexicon's), stored in `folder`."""
        kinds = load_lexicon().theme_kinds if theme_kinds is None else tuple(theme_kinds)
        return cls(fingerprint=fingerprint, theme_kinds=kinds, folder=folder,
                   **{name: tables[name] for name in schema.TABLES})

    @property
    def themes(self) -> tuple[str, ...]:
        """The theme names of this corpus's lexicon, in lexicon order: the names its mentions can carry."""
        return tuple(name for name, _ in self.theme_kinds)

    @property
    def value_chains(self) -> tuple[str, ...]:
        """The value-chain themes of this corpus's lexicon, in lexicon order."""
        return tuple(name for name, kind in self.theme_kinds if kind == "value chain")

    def tables(self) -> dict[str, pd.DataFrame]:
        """Table name -> frame, in contract order."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name in schema.TABLES}

    def combine(self, other: Corpus) -> Corpus:
        """This corpus plus `other`, under this corpus's themes; an article of `other` already here becomes a
        rejected row. This corpus's articles keep their stories; `other`'s are grouped among themselves
        (`build.finish`)."""
        batch_tables = [{n: t for n, t in c.tables().items() if n != "people"} for c in (self, other)]
        fingerprint = _digest([self.fingerprint, other.fingerprint])
        return Corpus.from_tables(build.finish(build.merge(batch_tables), grouped=len(self.articles)), fingerprint,
                                  self.theme_kinds)

    def save(self, folder: str | os.PathLike) -> Path:
        """Writes every table to `folder` as a Parquet dataset that `load_corpus(folder)` serves, with the
        themes in its manifest and the search index beside the tables."""
        return store.save(self.tables(), folder, self.fingerprint, _themes_entry(self.theme_kinds),
                          lambda version: search.write(self, version / search.INDEX_DIR))


def load_corpus(
    source: Source,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: str | os.PathLike | None | bool = None,
    out: str | os.PathLike | None = None,
    lexicon_path: str | None = None,
    engine: str = "auto",
    workers: int | None = None,
    scheduler: str | None = None,
    progress: build.Progress | None = None,
    fingerprint: str | None = None,
    content_hash: bool | None = None,
    stages: Stages | None = None,
) -> Corpus:
    """The corpus in `source`: a folder, a file, a list of paths, or a list of (file_name, bytes).

    A folder holding a built dataset (`python -m loaders ... --out DIR`) is served as
    it is, with the themes of the lexicon it was built with. `cache_dir=None` uses $DASHBOARD_CACHE_DIR or a temp folder; `False` turns
    caching off. `out` names the dataset folder to build into (or to serve, when it already holds this
    build) instead of the cache: the build's workers write their parts there, so for Dask workers on
    other machines it must be a path they share. Raises FileNotFoundError for a missing path, and
    FileExistsError or OSError when `out` cannot take the dataset; bad content never raises: it becomes
    `rejected` rows.

    `fingerprint` is `corpus_fingerprint(source)` if the caller has just computed it:
    a cache hit then needs no second pass over the files. `content_hash` is passed to
    `corpus_fingerprint`. `stages`, when given, records where a build's time goes (`loaders.stages`).
    """
    stages = stages or Stages()
    options = dict(max_bytes=max_bytes, lexicon_path=lexicon_path, engine=engine, workers=workers or os.cpu_count() or 1,
                   scheduler=scheduler, progress=progress, stages=stages)
    if _is_stored(source):
        corpus = _load_dataset(Path(source))
        if out is not None:
            corpus = replace(corpus, folder=os.path.realpath(corpus.save(out)))
    else:
        corpus = _load(source, cache_dir, out, fingerprint, content_hash, options)
    _trim_heap()
    return corpus


def load_built(source: str | os.PathLike, *, cache_dir: str | os.PathLike | None = None) -> tuple[str, Corpus | None]:
    """`corpus_fingerprint(source)`, and the corpus when loading it needs no build (a built dataset, or a build
    the cache holds), else None. The cached build is read while the files are fingerprinted, as a warm
    `load_corpus` does: a server that builds elsewhere (`ui.loading`) starts as fast as the command line."""
    if _is_stored(source):
        return store.stored_fingerprint(source), _load_dataset(Path(source))
    options = dict(max_bytes=DEFAULT_MAX_BYTES, lexicon_path=None, stages=Stages())
    fingerprint, _, _, corpus = _stored_build(source, cache_dir, None, None, None, options)
    return fingerprint, corpus


def _stored_build(source: Source, cache_dir, out, fingerprint: str | None, content_hash: bool | None,
                  options: dict) -> tuple[str, list[Input] | None, Path | None, Corpus | None]:
    """The fingerprint of `source`, its inputs if they had to be listed, the dataset folder its build belongs in
    (None if only a temporary one will do), and the corpus when that folder holds this build, read in the
    background while the inputs are listed and fingerprinted."""
    stages: Stages = options["stages"]
    inputs = None
    with _Prefetch(_likely_home(source, cache_dir, out) if fingerprint is None else None) as prefetch:
        if fingerprint is None:
            with stages.stage("listing"):
                inputs = resolve(source)
            with stages.stage("fingerprint"):
                fingerprint = corpus_fingerprint(inputs, max_bytes=options["max_bytes"],
                                                 lexicon_path=options["lexicon_path"], content_hash=content_hash)
        # absolute, for workers with another working folder; not resolved: a dataset folder is a link to its version
        home = Path(os.path.abspath(out)) if out is not None else _cache_folder(cache_dir, fingerprint)
        if home is not None and store.stored_fingerprint(home) == fingerprint:
            try:
                tables, manifest, version = prefetch.read(home, fingerprint)
                store.touch(home)
                corpus = Corpus.from_tables(tables, fingerprint,
                                            _stored_themes(manifest, home, options["lexicon_path"]), str(version))
                return fingerprint, inputs, home, corpus
            except store.Unusable as err:  # the build replaces it
                log.warning("rebuilding an unusable dataset: %s", err)
    return fingerprint, inputs, home, None


def _load(source: Source, cache_dir, out, fingerprint: str | None, content_hash: bool | None, options: dict) -> Corpus:
    """The corpus of the article files in `source`, from the dataset `out` or the cache when it holds this
    build, else built there (or, with neither, in a temporary folder)."""
    stages: Stages = options["stages"]
    fingerprint, inputs, home, corpus = _stored_build(source, cache_dir, out, fingerprint, content_hash, options)
    if corpus is not None:
        return corpus
    if inputs is None:
        with stages.stage("listing"):
            inputs = resolve(source)
    theme_kinds = load_lexicon(options["lexicon_path"]).theme_kinds
    if home is not None and out is None and not _writable(home.parent):
        log.warning("cannot write the cache %s; building in a temporary folder", home.parent)
        home = None
    if home is None:
        with tempfile.TemporaryDirectory(prefix="eu-kz-build-") as scratch:
            built = parts.build_dataset(inputs, Path(scratch) / "corpus", fingerprint, index=False, **options)
            with stages.stage("read"):
                tables, _, _ = store.load_version(built)
        return Corpus.from_tables(tables, fingerprint, theme_kinds)
    parts.build_dataset(inputs, home, fingerprint, extra=_themes_entry(theme_kinds) | {SOURCE_KEY: _source_key(source)},
                        **options)
    with stages.stage("read"):
        tables, _, version = store.load_version(home)
    if out is None:
        with contextlib.suppress(OSError):  # a cache entry another user owns stays; this build is served
            store.evict(home.parent, keep=cache_keep())
    return Corpus.from_tables(tables, fingerprint, theme_kinds, str(version))


def _source_key(source: Source) -> str | None:
    """What a build's manifest records of its source: a file or folder's absolute path; None for anything else."""
    return os.path.abspath(source) if isinstance(source, (str, os.PathLike)) else None


def _likely_home(source: Source, cache_dir, out) -> Path | None:
    """The dataset a load of `source` will most likely read once its fingerprint is known: `out` when given,
    else the cache's most recently used build of the same folder."""
    if out is not None:
        return Path(os.path.abspath(out))
    key, root = _source_key(source), _cache_folder(cache_dir, "")
    return store.latest(root, SOURCE_KEY, key) if key is not None and root is not None else None


class _Prefetch:
    """Reads a dataset in a background thread while the caller lists and fingerprints the inputs: a warm start
    then costs the longer of the two instead of their sum (reading Parquet mostly runs outside the GIL). The
    read is used only for the folder and fingerprint the caller then asks for; another is waited for and dropped
    on leaving, so that a build never runs beside a corpus it does not need."""

    def __init__(self, folder: Path | None) -> None:
        self._folder, self._pool, self._read = folder, None, None
        if folder is not None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prefetch")
            self._read = self._pool.submit(store.load_version, folder)

    def __enter__(self) -> _Prefetch:
        return self

    def __exit__(self, kind, *_) -> None:
        if self._pool is not None:  # after an error, no wait: the read ends on its own and is dropped
            self._pool.shutdown(wait=kind is None, cancel_futures=True)
            self._read = None

    def read(self, home: Path, fingerprint: str) -> tuple[dict[str, pd.DataFrame], dict, Path]:
        """`store.load_version(home)`, from the prefetch when it read `home` at `fingerprint`."""
        read, self._read = self._read, None
        if read is not None and self._folder == home:
            try:
                found = read.result()
            except Exception:  # noqa: BLE001 - whatever failed there is met again, and reported, by the read below
                found = None
            if found is not None and found[1]["fingerprint"] == fingerprint:
                return found
            del found, read  # a version replaced meanwhile (the future holds it too): not kept beside the read below
        return store.load_version(home)


def _writable(folder: Path) -> bool:
    """Whether `folder` exists (made now if need be) and this process may create files in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _themes_entry(theme_kinds: ThemeKinds) -> dict:
    """The manifest entry recording a corpus's themes (read back by `_stored_themes`)."""
    return {THEMES_KEY: [list(pair) for pair in theme_kinds]}


def _is_stored(source: object) -> bool:
    """`source` is a path to a stored dataset (or to one whose manifest is missing, which loads as a rejection)
    rather than to article files."""
    return isinstance(source, (str, os.PathLike)) and (store.is_dataset(source) or store.lacks_manifest(source))


def is_built(source: str | os.PathLike, fingerprint: str, cache_dir: str | os.PathLike | None = None) -> bool:
    """True when loading `source` (whose `corpus_fingerprint` is `fingerprint`) needs no build: it is a built
    dataset, or the build cache holds that fingerprint."""
    if _is_stored(source):
        return True
    cache = _cache_folder(cache_dir, fingerprint)
    return cache is not None and store.is_dataset(cache)


def corpus_fingerprint(
    source: Source | list[Input],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    lexicon_path: str | None = None,
    content_hash: bool | None = None,
) -> str:
    """Key of what a build of `source` would produce: the inputs' names and state, the rules and the code.

    A file's state is its size and modification time, or a hash of its content: always with
    `content_hash=True`, never with False, and by default when the files add up to at most
    CONTENT_HASH_MAX_BYTES (an edit that keeps the size and restores the mtime, as `cp -p`,
    `rsync -t` or `tar -x` do, is then still seen; hashing 100,000 files would cost seconds per start).
    """
    if _is_stored(source):
        return store.stored_fingerprint(source)
    inputs = source if isinstance(source, list) and all(isinstance(i, Input) for i in source) else resolve(source)
    parts = [build.code_version(), str(max_bytes)]
    if lexicon_path:
        parts.append(hashlib.blake2b(Path(lexicon_path).read_bytes(), digest_size=8).hexdigest())
    states = [_state(item) for item in inputs]
    total = sum(state.st_size for state in states if isinstance(state, os.stat_result))
    hash_contents = content_hash if content_hash is not None else total <= CONTENT_HASH_MAX_BYTES
    parts.extend(f"{item.origin}\0{_input_key(item, state, hash_contents)}" for item, state in zip(inputs, states))
    return _digest(parts)


def _state(item: Input) -> os.stat_result | OSError | None:
    """The file state of an input read from disk (or why it cannot be had); None for any other input."""
    if item.path is None or item.problem is not None:
        return None
    try:
        return os.stat(item.path)
    except OSError as err:
        return err


def _input_key(item: Input, state: os.stat_result | OSError | None, hash_contents: bool) -> str:
    """What a fingerprint records of one input: its bytes' hash, its problem, its stat error or `_file_key`."""
    if item.data is not None:
        return hashlib.blake2b(item.data, digest_size=16).hexdigest()
    if item.problem is not None:
        return item.problem
    if isinstance(state, OSError):
        return f"error {state.errno}"
    return _file_key(item.path, state, hash_contents)


def _file_key(path: str, info: os.stat_result, hash_contents: bool) -> str:
    """Size and mtime of a file, or its size and a hash of its content."""
    if hash_contents and stat.S_ISREG(info.st_mode) and info.st_size <= CONTENT_HASH_MAX_BYTES:
        try:
            with open(path, "rb") as handle:
                return f"{info.st_size}\0{hashlib.file_digest(handle, 'blake2b').hexdigest()[:32]}"
        except OSError as err:
            return f"error {err.errno}"
    return f"{info.st_mode >> 12}\0{info.st_size}\0{info.st_mtime_ns}"


def default_cache_dir() -> Path:
    """$DASHBOARD_CACHE_DIR, else a folder in the system temp dir (writable on Community Cloud)."""
    return Path(os.environ.get(CACHE_ENV) or Path(tempfile.gettempdir()) / "eu-kz-dashboard-cache")


def cache_keep() -> int:
    """How many cached builds to keep: $DASHBOARD_CACHE_KEEP, else CACHE_KEEP."""
    value = os.environ.get(CACHE_KEEP_ENV, "")
    return int(value) if value.isdigit() and int(value) > 0 else CACHE_KEEP


def _cache_folder(cache_dir: str | os.PathLike | None | bool, fingerprint: str) -> Path | None:
    if cache_dir is False:
        return None
    root = default_cache_dir() if cache_dir in (None, True) else Path(cache_dir)
    return Path(os.path.abspath(root)) / fingerprint


def _load_dataset(folder: Path) -> Corpus:
    try:
        tables, manifest, version = store.load_version(folder)
    except store.Unusable as err:
        rejected = schema.conform("rejected", pd.DataFrame({"origin": [str(folder)], "reason": [str(err)]}))
        tables = {name: schema.empty(name) for name in schema.TABLES} | {"rejected": rejected}
        return Corpus.from_tables(tables, _digest([str(folder), str(err)]))
    return Corpus.from_tables(tables, manifest["fingerprint"], _stored_themes(manifest, folder), str(version))


def _stored_themes(manifest: dict, folder: str | os.PathLike, lexicon_path: str | None = None) -> ThemeKinds:
    """The (theme, kind) pairs a dataset's manifest records, else those of the lexicon in `lexicon_path`
    (default: the default lexicon).

    The manifest is untrusted input: the entry must be a list of [name, kind] string pairs with distinct
    non-empty names and known kinds. A missing entry (a dataset saved before corpora kept their themes)
    falls back quietly, a malformed one with a warning; neither makes the dataset unusable.
    """
    raw = manifest.get(THEMES_KEY)
    if raw is None:
        return load_lexicon(lexicon_path).theme_kinds
    if isinstance(raw, list) and all(map(_is_theme, raw)) and len({name for name, _ in raw}) == len(raw):
        return tuple((name, kind) for name, kind in raw)
    log.warning("%s: the manifest's %r entry is not a list of distinct [theme, kind] pairs; "
                "using the lexicon's themes instead", folder, THEMES_KEY)
    return load_lexicon(lexicon_path).theme_kinds


def _is_theme(pair: object) -> bool:
    return (isinstance(pair, list) and len(pair) == 2 and all(isinstance(s, str) for s in pair)
            and pair[0] != "" and pair[1] in KINDS)


def _trim_heap() -> None:
    """Hands the C heap's free pages back to the OS (glibc; a no-op elsewhere).

    Reading Parquet and building tables frees hundreds of MB of temporary buffers
    that glibc would otherwise keep mapped for the whole life of a dashboard process.
    """
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _digest(parts: list[str]) -> str:
    text = "".join(f"{part}\n" for part in parts)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
