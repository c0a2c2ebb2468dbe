"""Which inputs a source names, and what each input holds: articles or reasons.

A source is a folder (read recursively in sorted path order), a file path, a list
of paths, or a list of `(file_name, bytes)` pairs from an upload widget. Each input
yields `(origin, Draft)` pairs for its articles and `(origin, reason)` pairs for
what could not be read, so nothing is silently lost.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from loaders.article import Draft, Rejected, from_record, from_seed_text
from loaders.decode import NotText, decode

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ""})
RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson", ".csv"})
RECORD_FIELDS = ("date", "text", "title", "source", "url")


class Input(NamedTuple):
    """One file to read: from disk (`path`) or already in memory (`data`), or a `problem` found listing it.

    A NamedTuple rather than a frozen dataclass: a 100,000-file folder makes as many,
    on every fingerprint, and a tuple is built several times faster.
    """

    origin: str
    path: str | None = None
    data: bytes | None = None
    problem: str | None = None

    def load(self, max_bytes: int) -> bytes:
        """The input's bytes; raises Rejected (not a regular file, too large) or OSError.

        A file is opened without blocking and checked on its descriptor, so a FIFO or a
        device named `.txt` is refused rather than read forever, with no window between check and read.
        """
        if self.problem is not None:
            raise Rejected(self.problem)
        if self.data is not None:
            _check_size(len(self.data), max_bytes)
            return self.data
        fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise Rejected(_special_file_reason(info.st_mode))
            _check_size(info.st_size, max_bytes)
        except BaseException:
            os.close(fd)
            raise
        with os.fdopen(fd, "rb") as handle:
            return handle.read()


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise Rejected(f"file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB limit")


def _special_file_reason(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a link to a folder (links to folders are not followed)"
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file")
    return f"not a regular file ({kind})"


def printable_name(name: str) -> str:
    """`name` as valid Unicode: bytes that were not UTF-8 on disk (surrogate escapes) become `\\xNN`.

    File names come from the OS as str with lone surrogates standing for undecodable bytes; such a
    string cannot be encoded, hashed or written to Parquet, so origins are made printable once, here.
    """
    if encodes(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def encodes(text: str) -> bool:
    """Whether `text` is valid Unicode that UTF-8 can encode (no lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


Source = str | os.PathLike | Sequence[str | os.PathLike] | Sequence[tuple[str, bytes]]


def files_under(folder: str) -> list[Input]:
    """An input for everything below `folder` except folders, in sorted path order.

    Directory symlinks are not followed; links, FIFOs and other special entries become
    inputs too, so reading them yields a rejected row rather than silence, and a subfolder
    that cannot be listed becomes an input carrying that problem. os.scandir and string
    keys rather than Path.rglob and Path comparison: the latter cost seconds per 100,000
    files, paid on every fingerprint of a large corpus.
    """
    paths: list[str] = []
    problems: list[Input] = []
    pending = [folder]
    nested = False
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    try:
                        is_dir = entry.is_dir(follow_symlinks=False)
                    except OSError:
                        is_dir = False
                    if is_dir:
                        pending.append(entry.path)
                        nested = True
                    else:
                        paths.append(entry.path)
        except OSError as err:
            problems.append(Input(printable_name(current), problem=f"cannot list folder: {err.strerror or err}"))
    # every name checked in one encode: names that are not UTF-8 on disk are rare
    origins = paths if encodes("".join(paths)) else [printable_name(p) for p in paths]
    found = [*map(Input._make, zip(origins, paths, repeat(None), repeat(None))), *problems]
    if not nested:
        return sorted(found, key=_ORIGIN)
    return sorted(found, key=lambda i: i.origin.replace(os.sep, "\0"))  # as comparing path parts


_ORIGIN = attrgetter("origin")


def resolve(source: Source) -> list[Input]:
    """The inputs named by `source`, folders expanded in sorted path order.

    Raises FileNotFoundError naming the first path that does not exist (a broken link exists).
    """
    if isinstance(source, (str, os.PathLike)):
        source = [source]
    inputs: list[Input] = []
    for item in source:
        if isinstance(item, tuple):
            name, data = item
            inputs.append(Input(origin=printable_name(str(name)), data=bytes(data)))
            continue
        path = Path(item)
        if path.is_dir():
            inputs.extend(files_under(str(path)))
        elif os.path.lexists(path):  # a file, or a link or special file that reading will refuse with a reason
            inputs.append(Input(origin=printable_name(str(path)), path=str(path)))
        else:
            raise FileNotFoundError(f"no such file or folder: {os.fspath(item)}")
    return inputs


MAX_REJECTED_PER_FILE = 20


def read_input(item: Input, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[tuple[str, Draft]], list[tuple[str, str]]]:
    """The articles in one input and the reasons for whatever in it is not an article.

    A record file keeps its first MAX_REJECTED_PER_FILE rejected records as rows and counts the
    rest in one more row, so a file of a million broken lines cannot fill memory with reasons.
    """
    suffix = Path(item.origin).suffix.lower()
    if suffix not in TEXT_SUFFIXES | RECORD_SUFFIXES and item.problem is None:
        return [], [(item.origin, f"unsupported file type {suffix!r} (use .txt, .json, .jsonl or .csv)")]
    try:
        text = decode(item.load(max_bytes))
    except (NotText, Rejected) as err:
        return [], [(item.origin, str(err))]
    except OSError as err:
        return [], [(item.origin, _os_reason(item, err))]
    if suffix in TEXT_SUFFIXES:
        try:
            return [(item.origin, from_seed_text(text))], []
        except Rejected as err:
            return [], [(item.origin, str(err))]
    drafts: list[tuple[str, Draft]] = []
    rejected: list[tuple[str, str]] = []
    more: Counter[str] = Counter()
    try:
        for origin, record in _records(item.origin, suffix, text):
            try:
                drafts.append((origin, _draft_from_record(record)))
            except Rejected as err:
                if len(rejected) < MAX_REJECTED_PER_FILE:
                    rejected.append((origin, str(err)))
                else:
                    more[str(err)] += 1
    except Rejected as err:
        rejected.append((item.origin, str(err)))
    if more:
        (reason, count), = more.most_common(1)
        rejected.append((item.origin, f"and {more.total():,} more rejected records in this file, not listed "
                                      f"one by one (most often: {reason}, {count:,} times)"))
    if not drafts and not rejected:
        rejected.append((item.origin, "no records in file"))
    return drafts, rejected


def _os_reason(item: Input, err: OSError) -> str:
    if item.path is not None and os.path.islink(item.path) and not os.path.exists(item.path) and err.errno == errno.ENOENT:
        return "broken link: its target does not exist"
    return f"cannot read file: {err.strerror or err}"


def _records(origin: str, suffix: str, text: str) -> Iterator[tuple[str, object]]:
    """(origin:row, record) for each record; raises Rejected when the whole file is unreadable."""
    if suffix == ".json":
        data = _json(text, "invalid JSON")
        items = data if isinstance(data, list) else [data]
        yield from ((f"{origin}:{n}", record) for n, record in enumerate(items, 1))
    elif suffix == ".csv":
        yield from _csv_records(origin, text)
    else:
        for line_no, line in enumerate(io.StringIO(text), 1):  # lazily: a split would hold every line at once
            if not line.strip():
                continue
            try:
                yield f"{origin}:{line_no}", _json(line, "invalid JSON line", at_line=False)
            except Rejected as err:
                yield f"{origin}:{line_no}", err


def _json(text: str, what: str, at_line: bool = True) -> object:
    """The JSON value in `text`; raises Rejected for every way the text can fail to be one."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise Rejected(f"{what}: {err.msg}" + (f" at line {err.lineno}" if at_line else "")) from None
    except RecursionError:
        raise Rejected(f"{what}: nested too deeply") from None
    except ValueError as err:  # e.g. an integer of more digits than Python converts
        raise Rejected(f"{what}: {str(err).split(':')[0]}") from None


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
            raise Rejected(f"the record's {required!r} field is missing or empty")
    values = {name: fields[name] if isinstance(fields.get(name), str) else "" for name in RECORD_FIELDS}
    for name, value in values.items():
        if not value.isascii() and not encodes(value):
            raise Rejected(f"record's {name!r} field holds an invalid character (a lone UTF-16 surrogate escape)")
    return from_record(**values)

