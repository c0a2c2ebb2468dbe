"""Which inputs a source names, and what each input holds: articles or reasons.

A source is a folder (read recursively in sorted path order), a file path, a list
of paths, or a list of `(file_name, bytes)` pairs from an upload widget. Each input
yields `(origin, Draft)` pairs for its articles and `(origin, reason)` pairs for
what could not be read, so nothing is silently lost.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from loaders.article import Draft, Rejected, from_record, from_seed_text
from loaders.decode import NotText, decode

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ""})
RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson", ".csv"})
RECORD_FIELDS = ("date", "text", "title", "source", "url")


class Input(NamedTuple):
    """One file to read: from disk (`path`) or already in memory (`data`).

    A NamedTuple rather than a frozen dataclass: a 100,000-file folder makes as many,
    on every fingerprint, and a tuple is built several times faster.
    """

    origin: str
    path: str | None = None
    data: bytes | None = None

    def size(self) -> int:
        return len(self.data) if self.data is not None else os.stat(self.path).st_size

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        with open(self.path, "rb") as handle:
            return handle.read()


Source = str | os.PathLike | Sequence[str | os.PathLike] | Sequence[tuple[str, bytes]]


def files_under(folder: str) -> list[str]:
    """Every file below `folder` (not following directory symlinks), in sorted path order.

    os.scandir and string keys rather than Path.rglob and Path comparison: the latter
    cost seconds per 100,000 files, paid on every fingerprint of a large corpus.
    """
    found: list[str] = []
    pending = [folder]
    nested = False
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                    nested = True
                elif entry.is_file():
                    found.append(entry.path)
    if not nested:
        return sorted(found)
    return sorted(found, key=lambda p: p.replace(os.sep, "\0"))  # as comparing path parts: a separator sorts first


def resolve(source: Source) -> list[Input]:
    """The inputs named by `source`, folders expanded in sorted path order.

    Raises FileNotFoundError naming the first path that does not exist.
    """
    if isinstance(source, (str, os.PathLike)):
        source = [source]
    inputs: list[Input] = []
    for item in source:
        if isinstance(item, tuple):
            name, data = item
            inputs.append(Input(origin=str(name), data=bytes(data)))
            continue
        path = Path(item)
        if path.is_dir():
            inputs.extend([Input._make((p, p, None)) for p in files_under(str(path))])
        elif path.is_file():
            inputs.append(Input(origin=str(path), path=str(path)))
        else:
            raise FileNotFoundError(f"no such file or folder: {os.fspath(item)}")
    return inputs


def read_input(item: Input, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[tuple[str, Draft]], list[tuple[str, str]]]:
    """The articles in one input and the reasons for whatever in it is not an article."""
    suffix = Path(item.origin).suffix.lower()
    if suffix not in TEXT_SUFFIXES | RECORD_SUFFIXES:
        return [], [(item.origin, f"unsupported file type {suffix!r} (use .txt, .json, .jsonl or .csv)")]
    try:
        size = item.size()
        if size > max_bytes:
            return [], [(item.origin, f"file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB limit")]
        text = decode(item.read())
    except NotText as err:
        return [], [(item.origin, str(err))]
    except OSError as err:
        return [], [(item.origin, f"cannot read file: {err.strerror or err}")]
    if suffix in TEXT_SUFFIXES:
        try:
            return [(item.origin, from_seed_text(text))], []
        except Rejected as err:
            return [], [(item.origin, str(err))]
    drafts: list[tuple[str, Draft]] = []
    rejected: list[tuple[str, str]] = []
    try:
        for origin, record in _records(item.origin, suffix, text):
            try:
                drafts.append((origin, _draft_from_record(record)))
            except Rejected as err:
                rejected.append((origin, str(err)))
    except Rejected as err:
        rejected.append((item.origin, str(err)))
    if not drafts and not rejected:
        rejected.append((item.origin, "no records in file"))
    return drafts, rejected


def _records(origin: str, suffix: str, text: str) -> Iterator[tuple[str, object]]:
    """(origin:row, record) for each record; raises Rejected when the whole file is unreadable."""
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise Rejected(f"invalid JSON: {err.msg} at line {err.lineno}") from None
        items = data if isinstance(data, list) else [data]
        yield from ((f"{origin}:{n}", record) for n, record in enumerate(items, 1))
    elif suffix == ".csv":
        yield from _csv_records(origin, text)
    else:
        for line_no, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                yield f"{origin}:{line_no}", json.loads(line)
            except json.JSONDecodeError as err:
                yield f"{origin}:{line_no}", Rejected(f"invalid JSON line: {err.msg}")


def _csv_records(origin: str, text: str) -> Iterator[tuple[str, object]]:
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [(name or "").strip().lower() for name in reader.fieldnames or []]
    except csv.Error as err:
        raise Rejected(f"invalid CSV: {err}") from None
    missing = [field for field in ("date", "text") if field not in header]
    if missing:
        raise Rejected(f"CSV lacks column(s) {', '.join(missing)}")
    reader.fieldnames = header
    try:
        for n, row in enumerate(reader, 1):
            yield f"{origin}:{n}", row
    except csv.Error as err:
        raise Rejected(f"invalid CSV at record {reader.line_num}: {err}") from None


def _draft_from_record(record: object) -> Draft:
    if isinstance(record, Rejected):
        raise record
    if not isinstance(record, dict):
        raise Rejected(f"record is a JSON {type(record).__name__}, not an object")
    fields = {key.strip().lower(): value for key, value in record.items() if isinstance(key, str)}
    for required in ("date", "text"):
        if not isinstance(fields.get(required), str) or not fields[required].strip():
            raise Rejected(f"record has no {required!r} text field")
    values = {name: fields[name] if isinstance(fields.get(name), str) else "" for name in RECORD_FIELDS}
    return from_record(**values)

