"""`load_corpus`: from article files (or a built dataset) to a `Corpus` of pandas tables, cached.

The cache key (`fingerprint`) covers the inputs' names, sizes and modification times
(or content, for uploads), the size limit, the lexicon and the loader's own code, so
a changed input or rule rebuilds and an unchanged one loads from Parquet.
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from loaders import build, schema, store
from loaders.inputs import DEFAULT_MAX_BYTES, Input, Source, resolve

log = logging.getLogger(__name__)

CACHE_ENV = "DASHBOARD_CACHE_DIR"


@dataclass(frozen=True)
class Corpus:
    """Every table of a loaded corpus (columns in `loaders.schema`) and the key it was built under."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    rejected: pd.DataFrame
    quotes: pd.DataFrame
    people: pd.DataFrame
    mentions: pd.DataFrame
    events: pd.DataFrame
    amounts: pd.DataFrame
    fingerprint: str

    @classmethod
    def from_tables(cls, tables: dict[str, pd.DataFrame], fingerprint: str) -> Corpus:
        return cls(fingerprint=fingerprint, **{name: tables[name] for name in schema.TABLES})

    def tables(self) -> dict[str, pd.DataFrame]:
        """Table name -> frame, in contract order."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name in schema.TABLES}

    def combine(self, other: Corpus) -> Corpus:
        """This corpus plus `other`; an article of `other` already here becomes a rejected row."""
        batch_tables = [{n: t for n, t in c.tables().items() if n != "people"} for c in (self, other)]
        fingerprint = _digest([self.fingerprint, other.fingerprint])
        return Corpus.from_tables(build.finish(build.merge(batch_tables)), fingerprint)

    def save(self, folder: str | os.PathLike) -> Path:
        """Writes every table to `folder` as a Parquet dataset that `load_corpus(folder)` serves."""
        return store.save(self.tables(), folder, self.fingerprint)


def load_corpus(
    source: Source,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: str | os.PathLike | None | bool = None,
    lexicon_path: str | None = None,
    engine: str = "auto",
    workers: int | None = None,
    scheduler: str | None = None,
    progress: build.Progress | None = None,
    fingerprint: str | None = None,
) -> Corpus:
    """The corpus in `source`: a folder, a file, a list of paths, or a list of (file_name, bytes).

    A folder holding a built dataset (`python -m loaders ... --out DIR`) is served as
    it is. `cache_dir=None` uses $DASHBOARD_CACHE_DIR or a temp folder; `False` turns
    caching off. Raises FileNotFoundError for a missing path; bad content never raises:
    it becomes `rejected` rows.

    `fingerprint` is `corpus_fingerprint(source)` if the caller has just computed it:
    a cache hit then needs no second pass over the files.
    """
    corpus = _load(source, max_bytes, cache_dir, lexicon_path, engine, workers, scheduler, progress, fingerprint)
    _trim_heap()
    return corpus


def _load(source, max_bytes, cache_dir, lexicon_path, engine, workers, scheduler, progress, fingerprint) -> Corpus:
    if isinstance(source, (str, os.PathLike)) and store.is_dataset(source):
        return _load_dataset(Path(source))
    inputs = None
    if fingerprint is None:
        inputs = resolve(source)
        fingerprint = corpus_fingerprint(inputs, max_bytes=max_bytes, lexicon_path=lexicon_path)
    cache = _cache_folder(cache_dir, fingerprint)
    if cache is not None and store.is_dataset(cache):
        try:
            tables, _ = store.load(cache)
            return Corpus.from_tables(tables, fingerprint)
        except store.Unusable as err:
            log.warning("discarding unusable cache: %s", err)
            shutil.rmtree(cache, ignore_errors=True)
    inputs = resolve(source) if inputs is None else inputs
    tables = build.build_tables(inputs, max_bytes=max_bytes, lexicon_path=lexicon_path, engine=engine,
                                workers=workers, scheduler=scheduler, progress=progress)
    corpus = Corpus.from_tables(tables, fingerprint)
    if cache is not None:
        try:
            corpus.save(cache)
        except OSError as err:
            log.warning("cannot write cache %s: %s", cache, err)
    return corpus


def corpus_fingerprint(
    source: Source | list[Input], *, max_bytes: int = DEFAULT_MAX_BYTES, lexicon_path: str | None = None
) -> str:
    """Cheap key of what a build of `source` would produce: names, sizes, mtimes, rules and code."""
    if isinstance(source, (str, os.PathLike)) and store.is_dataset(source):
        return store.stored_fingerprint(source)
    inputs = source if isinstance(source, list) and all(isinstance(i, Input) for i in source) else resolve(source)
    parts = [build.code_version(), str(max_bytes)]
    if lexicon_path:
        parts.append(hashlib.blake2b(Path(lexicon_path).read_bytes(), digest_size=8).hexdigest())
    for item in inputs:
        if item.data is not None:
            parts.append(f"{item.origin}\0{hashlib.blake2b(item.data, digest_size=16).hexdigest()}")
        else:
            stat = os.stat(item.path)
            parts.append(f"{item.origin}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return _digest(parts)


def default_cache_dir() -> Path:
    """$DASHBOARD_CACHE_DIR, else a folder in the system temp dir (writable on Community Cloud)."""
    return Path(os.environ.get(CACHE_ENV) or Path(tempfile.gettempdir()) / "eu-kz-dashboard-cache")


def _cache_folder(cache_dir: str | os.PathLike | None | bool, fingerprint: str) -> Path | None:
    if cache_dir is False:
        return None
    root = default_cache_dir() if cache_dir in (None, True) else Path(cache_dir)
    return root / fingerprint


def _load_dataset(folder: Path) -> Corpus:
    try:
        tables, fingerprint = store.load(folder)
    except store.Unusable as err:
        rejected = schema.conform("rejected", pd.DataFrame({"origin": [str(folder)], "reason": [str(err)]}))
        tables = {name: schema.empty(name) for name in schema.TABLES} | {"rejected": rejected}
        return Corpus.from_tables(tables, _digest([str(folder), str(err)]))
    return Corpus.from_tables(tables, fingerprint)


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
