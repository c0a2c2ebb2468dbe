"""Tables on disk as a Parquet dataset: one file per table plus a manifest written last.

The same layout serves the build cache and `python -m loaders --out DIR`. The
manifest records each file's size, row count and BLAKE2 checksum, so a partial or
corrupt dataset is detected on reading (`Unusable`) rather than trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from loaders import schema

MANIFEST = "manifest.json"
FORMAT = "eu-kz-corpus/1"
# Arrow reads without the GIL, so the two big text tables (first in schema order) decode side by
# side. More threads buy little and cost held memory: each one's malloc arena keeps freed pages.
READ_THREADS = 2


class Unusable(ValueError):
    """A stored dataset is missing, partial or corrupt; the message says which part."""


def is_dataset(path: str | os.PathLike) -> bool:
    """Whether `path` is a folder holding a stored dataset's manifest."""
    return (Path(path) / MANIFEST).is_file()


def save(tables: dict[str, pd.DataFrame], folder: str | os.PathLike, fingerprint: str) -> Path:
    """Writes `tables` to `folder` atomically (a sibling temp folder renamed into place)."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        entries = {}
        for name, frame in tables.items():
            path = staging / f"{name}.parquet"
            pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, compression="zstd")
            entries[name] = {"rows": len(frame), "bytes": path.stat().st_size, "blake2b": _checksum(path)}
        manifest = {"format": FORMAT, "fingerprint": fingerprint, "tables": entries}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1))
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def load(folder: str | os.PathLike) -> tuple[dict[str, pd.DataFrame], str]:
    """The tables and fingerprint stored in `folder`; raises Unusable if anything does not check out."""
    folder = Path(folder)
    entries, fingerprint = read_manifest(folder)
    with ThreadPoolExecutor(max_workers=READ_THREADS) as pool:
        reads = {name: pool.submit(read_table, folder, name, entries.get(name)) for name in schema.TABLES}
        return {name: read.result() for name, read in reads.items()}, fingerprint


def read_manifest(folder: str | os.PathLike) -> tuple[dict, str]:
    """(table name -> manifest entry, fingerprint) of the dataset in `folder`; raises Unusable if the
    manifest is unreadable or of another format."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
        entries, fingerprint = manifest["tables"], manifest["fingerprint"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise Unusable(f"{folder}: unreadable manifest ({err})") from None
    if manifest.get("format") != FORMAT:
        raise Unusable(f"{folder}: format {manifest.get('format')!r}, expected {FORMAT!r}")
    return entries, fingerprint


def read_table(folder: Path, name: str, entry: dict | None) -> pd.DataFrame:
    """One stored table, checked against its manifest entry and the schema; raises Unusable otherwise."""
    path = folder / f"{name}.parquet"
    if entry is None:
        raise Unusable(f"{folder}: manifest lists no {name} table")
    try:
        if path.stat().st_size != entry["bytes"] or _checksum(path) != entry["blake2b"]:
            raise Unusable(f"{path}: checksum mismatch")
        frame = pq.ParquetFile(path).read().to_pandas()  # not read_table: its dataset layer costs 0.3 s to import
    except (OSError, pa.ArrowException) as err:
        raise Unusable(f"{path}: {err}") from None
    if len(frame) != entry["rows"] or list(frame.columns) != schema.columns(name):
        raise Unusable(f"{path}: rows or columns differ from the manifest and schema")
    return schema.conform(name, frame)


def stored_fingerprint(folder: str | os.PathLike) -> str:
    """The fingerprint a dataset's manifest records, without reading its tables ("" if unreadable)."""
    try:
        return str(json.loads((Path(folder) / MANIFEST).read_text())["fingerprint"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""


def _checksum(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "blake2b").hexdigest()
