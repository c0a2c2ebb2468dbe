"""Tables on disk as a Parquet dataset: each table in one or more part files, plus a manifest written last.

The same layout serves the build cache and `python -m loaders --out DIR`. A table is one
part (`articles.parquet`) when one process wrote it, or several (`articles-0.parquet`,
`articles-1.parquet`, ...) when build workers each wrote theirs (`loaders.parts`); its rows
are its parts' rows in part order. The manifest records each part's size, row count and
BLAKE2 checksum, so a partial or corrupt dataset is detected on reading (`Unusable`) rather
than trusted, plus what the caller adds (a corpus's themes).

Replacing a dataset is atomic for readers: `DIR` is a symbolic link to a sibling
version folder `.DIR.v-…`; a save writes a new version beside it and switches the link
with one rename, keeping the previous version for readers still on it. A reader
resolves the link once and retries if the version it read was replaced under it.
Staging folders left by a killed save are removed by the next save.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from loaders import schema

try:
    import fcntl
except ImportError:  # Windows: saves are not locked against each other there
    fcntl = None

MANIFEST = "manifest.json"
FORMAT = "eu-kz-corpus/2"
# Rows a part file gathers into one Parquet row group, in Arrow bytes: few row groups read faster, and a
# build worker holds at most this much per table.
ROW_GROUP_BYTES = 16 * 2**20
# Parts a table may have in a manifest: one per build worker, and no machine has this many cores.
MAX_PARTS = 4096
# A part file's name (`part_file`): a table name, maybe a part number.
_PART_FILE = re.compile(r"[a-z]+(?:-[0-9]{1,4})?\.parquet\Z")
# String columns left in their parts' chunks when read: the article and paragraph texts, 200 MB each at 100,000
# articles, are only ever sliced or read row by row (filtered views leave them out), and joining them would
# add their size to the build's peak as it reads its tables back.
SLICED = frozenset({("paragraphs", "text")})
MANIFEST_MAX_BYTES = 1 << 20
# Arrow reads without the GIL, so the two big text tables (first in schema order) decode side by
# side. More threads buy little and cost held memory: each one's malloc arena keeps freed pages.
READ_THREADS = 2
READ_ATTEMPTS = 3
# A staging folder whose writer is gone, or older than this, is debris of a killed save.
STALE_STAGING_SECONDS = 24 * 3600


class Unusable(ValueError):
    """A stored dataset is missing, partial or corrupt; the message says which part."""


def is_dataset(path: str | os.PathLike) -> bool:
    """Whether `path` is a folder holding a stored dataset's manifest: a JSON object whose format names this
    project's datasets (of any version), not just any file called manifest.json."""
    try:
        manifest = _parsed_manifest(Path(path))
    except Unusable:
        return False
    return isinstance(manifest, dict) and str(manifest.get("format", "")).startswith(FORMAT.split("/")[0] + "/")


def lacks_manifest(path: str | os.PathLike) -> bool:
    """Whether `path` looks like a stored dataset whose manifest is gone (its tables without manifest.json)."""
    path = Path(path)
    return path.is_dir() and any(_PART_FILE.match(p.name) for p in path.glob("articles*.parquet")) and not is_dataset(path)


def save(tables: dict[str, pd.DataFrame], folder: str | os.PathLike, fingerprint: str,
         extra: Mapping[str, Any] | None = None, write_more: Callable[[Path], None] | None = None) -> Path:
    """Writes `tables` (each as one part) as the dataset `folder`, replacing any dataset there atomically for
    its readers; `write_more(version_folder)` adds files beside the tables (a search index). See `create`."""
    def fill(staging: Path) -> dict[str, list[dict]]:
        entries = {name: [write_part(frame, name, staging / part_file(name, 0, 1))] for name, frame in tables.items()}
        if write_more is not None:
            write_more(staging)
        return entries
    return create(folder, fingerprint, fill, extra)


def create(folder: str | os.PathLike, fingerprint: str, fill: Callable[[Path], dict[str, list[dict]]],
           extra: Mapping[str, Any] | None = None) -> Path:
    """Publishes as the dataset `folder` what `fill(staging_folder)` writes, replacing any dataset there
    atomically for its readers.

    `fill` writes the parts and returns, per table, its parts' manifest entries (`part_entry`) in row order;
    `extra` adds entries (JSON values, such as the corpus's themes) to the manifest, for `load_version`.
    Raises FileExistsError if `folder` is a non-empty folder that is not a dataset: it is never emptied.
    """
    folder = Path(folder)
    _refuse_foreign(folder)  # before the work of filling it, and again when publishing
    folder.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(folder.parent)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.tmp-{os.getpid()}-", dir=folder.parent))
    try:
        entries = {name: {"rows": sum(part["rows"] for part in parts), "parts": parts}
                   for name, parts in fill(staging).items()}
        manifest = {**(extra or {}), "format": FORMAT, "fingerprint": fingerprint, "tables": entries}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1))
        with _locked(folder):
            _publish(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def part_file(name: str, part: int, parts: int) -> str:
    """File name of part `part` of table `name` stored in `parts` parts."""
    return f"{name}.parquet" if parts == 1 else f"{name}-{part}.parquet"


def part_entry(path: Path, rows: int) -> dict:
    """The manifest entry of the part file `path` holding `rows` rows."""
    return {"file": path.name, "rows": rows, "bytes": path.stat().st_size, "blake2b": _checksum(path)}


def write_part(frame: pd.DataFrame, name: str, path: Path) -> dict:
    """Writes `frame` (table `name`) as one part file; returns its manifest entry."""
    with PartWriter(name, path) as part:
        part.write(frame)
    return part.entry


class PartWriter:
    """One part file of table `name`, written frame by frame so a worker never holds its whole part; frames are
    gathered into row groups of about ROW_GROUP_BYTES (a row group per batch made reading 50 dictionaries per
    column dearer). `entry` is its manifest entry once closed."""

    def __init__(self, name: str, path: Path):
        self.name, self.path, self.rows, self.entry = name, path, 0, None
        self._schema = schema.arrow_schema(name)
        self._writer = pq.ParquetWriter(path, self._schema, compression="zstd")
        self._held: list[pa.Table] = []

    def write(self, frame: pd.DataFrame) -> None:
        """Appends the rows of `frame` (a frame of this table's columns and dtypes)."""
        if len(frame):
            self._held.append(pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False))
            self.rows += len(frame)
            if sum(t.nbytes for t in self._held) >= ROW_GROUP_BYTES:
                self._flush()

    def _flush(self) -> None:
        if self._held:
            self._writer.write_table(pa.concat_tables(self._held), row_group_size=2**31 - 1)
            self._held = []

    def close(self) -> dict:
        """Finishes the file; returns its manifest entry."""
        self._flush()
        self._writer.close()
        self.entry = part_entry(self.path, self.rows)
        return self.entry

    def discard(self) -> None:
        """Closes the file if `close` has not, after an error: its handle is not left to the garbage collector."""
        if self.entry is None and self._writer.is_open:
            with contextlib.suppress(Exception):
                self._writer.close()

    def __enter__(self) -> PartWriter:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.close()
        else:
            self.discard()


def _publish(staging: Path, folder: Path) -> None:
    """Makes `staging` the current version of `folder` and drops all but the previous version (under the lock)."""
    _refuse_foreign(folder)
    plain = folder.is_dir() and not folder.is_symlink()  # a plain folder: from an older save, or the user's
    version = staging.with_name(f".{folder.name}.v-{staging.name.rsplit('-', 1)[-1]}")
    os.rename(staging, version)
    keep = {version.name}
    if plain:  # kept as the previous version, for readers still on it
        aside = folder.with_name(f".{folder.name}.v-{os.getpid()}plain")
        os.rename(folder, aside)
        keep.add(aside.name)
    link = folder.with_name(f".{folder.name}.link-{os.getpid()}-{time.monotonic_ns()}")
    os.symlink(version.name, link)
    keep.add(_target(folder))
    os.replace(link, folder)
    for old in _versions(folder):
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)


def _refuse_foreign(folder: Path) -> None:
    """Raises FileExistsError when `folder` is a plain folder holding anything but a dataset: never replaced."""
    if folder.is_dir() and not folder.is_symlink() and any(folder.iterdir()) and not is_dataset(folder):
        raise FileExistsError(f"{folder} holds files that are not a dataset; not replacing it")


def remove(folder: str | os.PathLike) -> None:
    """Deletes the dataset `folder`: its link and every version behind it."""
    folder = Path(folder)
    with _locked(folder):
        if folder.is_symlink():
            folder.unlink()
        elif folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
        for old in _versions(folder):
            shutil.rmtree(old, ignore_errors=True)
    with contextlib.suppress(OSError):
        _lock_path(folder).unlink()


def remove_stale_staging(parent: str | os.PathLike) -> list[Path]:
    """Removes the staging folders (and half-made links) in `parent` whose writer is gone or that are over a day old."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(parent):
            marker = ".tmp-" if ".tmp-" in entry.name else ".link-" if ".link-" in entry.name else None
            if not entry.name.startswith(".") or marker is None:
                continue
            pid = entry.name.split(marker, 1)[1].split("-", 1)[0]
            age = time.time() - entry.stat(follow_symlinks=False).st_mtime
            if age > STALE_STAGING_SECONDS or not _alive(pid):
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def evict(root: str | os.PathLike, keep: int) -> list[Path]:
    """Removes all but the `keep` most recently used datasets directly under `root`; returns those removed.

    Use is the manifest's modification time, which `touch` sets on every cache hit.
    """
    root = Path(root)
    try:
        datasets = [p for p in root.iterdir() if not p.name.startswith(".") and is_dataset(p)]
    except OSError:
        return []
    datasets.sort(key=_last_used, reverse=True)
    for old in datasets[keep:]:
        remove(old)
    return datasets[keep:]


def latest(root: str | os.PathLike, entry: str, value: object) -> Path | None:
    """The most recently used dataset directly under `root` whose manifest's `entry` is `value` (None: none):
    the one a warm start of the same source most likely reads."""
    try:
        candidates = [p for p in Path(root).iterdir() if not p.name.startswith(".")]
    except OSError:
        return None
    for folder in sorted(candidates, key=_last_used, reverse=True):
        try:
            manifest = _parsed_manifest(folder)
        except Unusable:
            continue
        if isinstance(manifest, dict) and manifest.get(entry) == value:
            return folder
    return None


def touch(folder: str | os.PathLike) -> None:
    """Marks the dataset `folder` as used now (for `evict`)."""
    with contextlib.suppress(OSError):
        os.utime(Path(folder) / MANIFEST)


def load(folder: str | os.PathLike) -> tuple[dict[str, pd.DataFrame], str]:
    """The tables and fingerprint stored in `folder`; raises Unusable if anything does not check out."""
    tables, manifest, _ = load_version(folder)
    return tables, manifest["fingerprint"]


def load_version(folder: str | os.PathLike) -> tuple[dict[str, pd.DataFrame], dict, Path]:
    """The tables stored in `folder`, the manifest they were checked against and the version folder they
    were read from (where `save`'s `write_more` put its files); raises Unusable if anything does not check
    out. Of the manifest only format, fingerprint and tables are checked: other entries (`save`'s `extra`)
    are as read, for the caller to validate.

    The version behind `folder` is resolved once; a read that fails because a concurrent save
    replaced that version is retried on the new one.
    """
    folder = Path(folder)
    for attempt in range(READ_ATTEMPTS):
        version = Path(os.path.realpath(folder))
        try:
            manifest = _manifest(version)
            entries = manifest["tables"]
            with ThreadPoolExecutor(max_workers=READ_THREADS) as pool:
                reads = {name: pool.submit(read_table, version, name, entries.get(name)) for name in schema.TABLES}
                return {name: read.result() for name, read in reads.items()}, manifest, version
        except Unusable:
            if attempt + 1 == READ_ATTEMPTS or Path(os.path.realpath(folder)) == version:
                raise
    raise AssertionError("unreachable")


def read_manifest(folder: str | os.PathLike) -> tuple[dict, str]:
    """(table name -> manifest entry, fingerprint) of the dataset in `folder`; raises Unusable if the
    manifest is unreadable, of another format or of the wrong shape."""
    manifest = _manifest(Path(folder))
    return manifest["tables"], manifest["fingerprint"]


def _parsed_manifest(folder: Path) -> object:
    """The JSON value of `folder`'s manifest file, unchecked; raises Unusable if it is missing, unreadable, over
    MANIFEST_MAX_BYTES or not JSON."""
    try:
        with open(folder / MANIFEST, "rb") as handle:
            raw = handle.read(MANIFEST_MAX_BYTES + 1)
    except FileNotFoundError:
        raise Unusable(f"{folder}: {MANIFEST} is missing; rebuild the dataset with python -m loaders") from None
    except OSError as err:
        raise Unusable(f"{folder}: unreadable manifest ({type(err).__name__})") from None
    if len(raw) > MANIFEST_MAX_BYTES:
        raise Unusable(f"{folder}: manifest over {MANIFEST_MAX_BYTES // 1024} KB")
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as err:
        raise Unusable(f"{folder}: unreadable manifest ({type(err).__name__})") from None


def _manifest(folder: Path) -> dict:
    """The manifest of the dataset in `folder`, its format, fingerprint and tables checked (see `read_manifest`)."""
    manifest = _parsed_manifest(folder)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else type(manifest).__name__
        raise Unusable(f"{folder}: format {found!r}, expected {FORMAT!r}")
    entries, fingerprint = manifest.get("tables"), manifest.get("fingerprint")
    if not isinstance(fingerprint, str) or not isinstance(entries, dict):
        raise Unusable(f"{folder}: manifest lacks a fingerprint or a tables object")
    for name, entry in entries.items():
        parts = entry.get("parts") if isinstance(entry, dict) else None
        if not (_is_count(entry.get("rows") if isinstance(entry, dict) else None) and isinstance(parts, list)
                and 1 <= len(parts) <= MAX_PARTS and all(map(_is_part, parts))
                and sum(p["rows"] for p in parts) == entry["rows"]):
            raise Unusable(f"{folder}: manifest entry for {name!r} lacks rows or parts (each a file, rows, bytes "
                           "and blake2b)")
        expected = [part_file(name, k, len(parts)) for k in range(len(parts))]
        if [p["file"] for p in parts] != expected:
            names = expected[0] if len(expected) == 1 else f"{expected[0]} to {expected[-1]}"
            raise Unusable(f"{folder}: the parts of {name!r} are not {names}, in order")
    return manifest


def _is_part(part: object) -> bool:
    return (isinstance(part, dict) and isinstance(part.get("file"), str) and _is_count(part.get("rows"))
            and _is_count(part.get("bytes")) and isinstance(part.get("blake2b"), str))


def read_table(folder: Path, name: str, entry: dict | None) -> pd.DataFrame:
    """One stored table (its parts in order), checked against its manifest entry and the schema; raises
    Unusable otherwise."""
    if entry is None:
        raise Unusable(f"{folder}: manifest lists no {name} table")
    pieces = [_read_part(folder / part["file"], part) for part in entry["parts"]]
    path = folder / entry["parts"][0]["file"]
    if any(piece.column_names != schema.columns(name) for piece in pieces):
        raise Unusable(f"{path}: columns differ from this version's tables (built by another version? "
                       "build it again with python -m loaders)")
    try:
        table = pieces[0] if len(pieces) == 1 else pa.concat_tables(pieces)
        return schema.from_arrow(name, _joined(name, table))
    except pa.ArrowException as err:
        raise Unusable(f"{folder}: the parts of {name} do not stack ({err})") from None
    except (TypeError, ValueError) as err:
        raise Unusable(f"{path}: values do not fit the schema ({err})") from None


def _joined(name: str, table: pa.Table) -> pa.Table:
    """`table` (table `name`) with each string column in one chunk (other columns become numpy arrays in pandas),
    but the columns in SLICED: a take over an Arrow string column of several chunks first copies the whole
    column (a quote's text: 10 ms for 2,000 rows of 438,000), and every filtered view takes rows."""
    for i, (field, column) in enumerate(zip(table.schema, table.columns)):
        if column.num_chunks > 1 and pa.types.is_large_string(field.type) and (name, field.name) not in SLICED:
            table = table.set_column(i, field, pa.chunked_array([column.combine_chunks()], type=field.type))
    return table


def _read_part(path: Path, part: dict) -> pa.Table:
    """One part file as Arrow, checked against its manifest entry; raises Unusable otherwise."""
    try:
        if path.stat().st_size != part["bytes"] or _checksum(path) != part["blake2b"]:
            raise Unusable(f"{path}: checksum mismatch")
        table = pq.ParquetFile(path).read()  # not read_table: its dataset layer costs 0.3 s to import
    except (OSError, pa.ArrowException) as err:
        raise Unusable(f"{path}: {err}") from None
    if table.num_rows != part["rows"]:
        raise Unusable(f"{path}: rows differ from the manifest")
    return table


def stored_fingerprint(folder: str | os.PathLike) -> str:
    """The fingerprint a dataset's manifest records, without reading its tables ("" if unreadable)."""
    try:
        return read_manifest(folder)[1]
    except Unusable:
        return ""


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _versions(folder: Path) -> list[Path]:
    prefix = f".{folder.name}.v-"
    try:
        return [p for p in folder.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return []


def _target(folder: Path) -> str:
    try:
        return os.readlink(folder)
    except OSError:
        return ""


def _last_used(folder: Path) -> float:
    try:
        return (folder / MANIFEST).stat().st_mtime
    except OSError:
        return 0.0


def _alive(pid: str) -> bool:
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _lock_path(folder: Path) -> Path:
    return folder.with_name(f".{folder.name}.lock")


@contextlib.contextmanager
def _locked(folder: Path):
    """An exclusive lock on replacing `folder`, held by one process at a time."""
    if fcntl is None:
        yield
        return
    with open(_lock_path(folder), "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _checksum(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "blake2b").hexdigest()
