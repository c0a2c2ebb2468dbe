"""Hostile input (issue 15): every malformed file, name, link or record ends as an article or a rejected row
with a plain reason, nothing grows without bound, and text never turns into a formula, markup or a live link.

Each class of bad input has its own test with the exact reason it earns; a fuzz of more than 10,000 inputs
and property tests generate the same classes on purpose.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import json
import os
import random
import signal
import sys
import time
from contextlib import contextmanager

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st_

from loaders import load_corpus
from loaders.__main__ import printable, summary
from loaders.article import web_url
from loaders.inputs import MAX_REJECTED_PER_FILE, RECORD_SUFFIXES
from loaders.sentences import EVIDENCE_MAX_CHARS
from tests.ui_sample import tables as sample_tables
from ui import charts
from ui.filters import warning_lines
from ui.text import spreadsheet_safe

GOOD = b"date 2025-03-04\n\nASTANA - Officials opened a battery plant on the steppe."
RANGE = "(1900-01-01 to 2099-12-31)"
INT_LIMIT = sys.get_int_max_str_digits()
TOO_MANY_DIGITS = f"Exceeds the limit ({INT_LIMIT} digits) for integer string conversion"
SURROGATE = "holds an invalid character (a lone UTF-16 surrogate escape)"
_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet evaluates at the start of a cell (OWASP)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _rows(corpus) -> list[tuple[str, str]]:
    return [tuple(row) for row in corpus.rejected.itertuples(index=False)]


def _load(name: str, data: bytes):
    return load_corpus([(name, data)], cache_dir=False)


def _record(**fields) -> bytes:
    return json.dumps({"date": "2025-01-01", "text": "Officials met in Astana.", **fields}).encode()


@contextmanager
def _deadline(seconds: int):
    """Fails the test instead of hanging it if the block has not returned within `seconds`."""
    def timeout(signum, frame):
        raise AssertionError(f"still running after {seconds} s: the load blocked")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# 1. Uploads: one bad input is one rejected row, with its reason


@pytest.mark.parametrize("day", ["1600-01-01", "2100-01-01"])
def test_a_date_outside_the_tables_range_is_a_reason_not_a_crash(day):
    corpus = _load("a.txt", f"date {day}\n\nText.".encode())
    assert corpus.articles.empty
    assert _rows(corpus) == [("a.txt", f"date {day} is outside the range the tables hold {RANGE}")]


@pytest.mark.parametrize("field", ["text", "title"])
def test_a_lone_surrogate_escape_in_a_json_record_rejects_that_record(field):
    corpus = _load("a.json", _record(**{field: "x \ud800 y"}))
    assert corpus.articles.empty
    assert _rows(corpus) == [("a.json:1", f"record's '{field}' field {SURROGATE}")]


def test_a_surrogate_pair_escape_is_one_real_character_not_a_lone_surrogate():
    corpus = _load("a.json", _record(title="Smile \ud83d\ude00"))
    assert _rows(corpus) == []
    assert corpus.articles["title"].tolist() == ["Smile \U0001F600"]


@pytest.mark.parametrize("name, data, row", [
    ("a.json", b"[" * 100_000 + b"]" * 100_000, ("a.json", "invalid JSON: nested too deeply")),
    ("a.jsonl", b"[" * 100_000 + b"]" * 100_000 + b"\n" + GOOD, ("a.jsonl:1", "invalid JSON line: nested too deeply")),
])
def test_json_nested_a_hundred_thousand_deep(name, data, row):
    corpus = _load(name, data)
    assert _rows(corpus)[0] == row


def test_the_other_lines_of_a_record_file_still_count_after_a_deep_line():
    data = b"[" * 100_000 + b"]" * 100_000 + b"\n" + _record()
    corpus = _load("a.jsonl", data)
    assert _rows(corpus) == [("a.jsonl:1", "invalid JSON line: nested too deeply")]
    assert corpus.articles["origin"].tolist() == ["a.jsonl:2"]


@pytest.mark.skipif(INT_LIMIT == 0, reason="this interpreter converts integers of any length")
def test_a_json_integer_of_five_thousand_digits():
    corpus = _load("a.json", b'{"date":"2025-01-01","text":"x","title":' + b"9" * 5000 + b"}")
    assert _rows(corpus) == [("a.json", f"invalid JSON: {TOO_MANY_DIGITS}")]


def test_an_upload_name_with_a_lone_surrogate_gets_a_printable_origin():
    corpus = _load("a\ud800.txt", GOOD)
    assert corpus.articles["origin"].tolist() == ["a\\ud800.txt"]
    assert _rows(corpus) == []


def test_an_upload_name_with_an_undecodable_byte_shows_the_byte():
    corpus = _load("caf\udce9.txt", GOOD)
    assert corpus.articles["origin"].tolist() == ["caf\\xe9.txt"]


def test_a_mixed_upload_batch_keeps_its_good_files():
    corpus = load_corpus([
        ("good1.txt", GOOD),
        ("old.txt", b"date 1600-01-01\n\nText."),
        ("late.txt", b"date 2100-01-01\n\nText."),
        ("lone.json", _record(text="x \ud800 y")),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000),
        ("huge.json", b'{"date":"2025-01-01","text":"x","title":' + b"9" * 5000 + b"}"),
        ("bad\ud800name.txt", b"no header"),
        ("good2.jsonl", _record(text="A second good article on hydrogen.")),
    ], cache_dir=False)
    assert corpus.articles["origin"].tolist() == ["good1.txt", "good2.jsonl:1"]
    assert _rows(corpus) == [
        ("old.txt", f"date 1600-01-01 is outside the range the tables hold {RANGE}"),
        ("late.txt", f"date 2100-01-01 is outside the range the tables hold {RANGE}"),
        ("lone.json:1", f"record's 'text' field {SURROGATE}"),
        ("deep.json", "invalid JSON: nested too deeply"),
        ("huge.json", f"invalid JSON: {TOO_MANY_DIGITS}"),
        ("bad\\ud800name.txt", "no 'date YYYY-MM-DD' header on the first line"),
    ]


# 2. On disk: names that are not UTF-8, links, special files and folders that cannot be listed


def test_a_file_name_that_is_not_utf8_on_disk_becomes_an_article(tmp_path):
    """Read and cached: the origin must be printable to be hashed and written to Parquet."""
    folder = tmp_path / "articles"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(GOOD)
    corpus = load_corpus(folder, cache_dir=tmp_path / "cache")
    assert corpus.articles["origin"].tolist() == [f"{folder}/caf\\xe9.txt"]
    assert corpus.articles["origin"].iloc[0].endswith("caf\\xe9.txt")
    assert _rows(corpus) == []


def _symlink_loop(folder):
    os.symlink("loop.txt", folder / "loop.txt")
    return "loop.txt", "cannot read file: Too many levels of symbolic links"


def _dangling_symlink(folder):
    os.symlink("nowhere.txt", folder / "dangling.txt")
    return "dangling.txt", "broken link: its target does not exist"


def _fifo(folder):
    os.mkfifo(folder / "x.txt")
    return "x.txt", "not a regular file (a FIFO)"


def _link_to_a_folder(folder):
    (folder.parent / "elsewhere").mkdir()
    (folder.parent / "elsewhere" / "inside.txt").write_bytes(GOOD.replace(b"battery", b"hydrogen"))
    os.symlink(folder.parent / "elsewhere", folder / "link")
    return "link", "a link to a folder (links to folders are not followed)"


@pytest.mark.parametrize("make", [_symlink_loop, _dangling_symlink, _fifo, _link_to_a_folder],
                         ids=["symlink loop", "dangling symlink", "FIFO", "link to a folder"])
def test_each_link_or_special_file_is_one_rejected_row(tmp_path, make):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD)
    name, reason = make(folder)
    with _deadline(20):
        corpus = load_corpus(folder, cache_dir=False)
    assert corpus.articles["origin"].tolist() == [str(folder / "good.txt")]
    assert _rows(corpus) == [(str(folder / name), reason)]


def test_a_folder_that_cannot_be_listed_is_one_rejected_row(tmp_path, monkeypatch):
    """We run as root, where chmod does not lock a folder: os.scandir is made to refuse it instead."""
    folder = tmp_path / "articles"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "hidden.txt").write_bytes(GOOD)
    (folder / "good.txt").write_bytes(GOOD.replace(b"battery", b"lithium"))
    real_scandir = os.scandir

    def scandir(path="."):
        if not isinstance(path, int) and os.fspath(path) == str(folder / "locked"):  # rmtree passes descriptors
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    corpus = load_corpus(folder, cache_dir=False)
    assert corpus.articles["origin"].tolist() == [str(folder / "good.txt")]
    assert _rows(corpus) == [(str(folder / "locked"), "cannot list folder: Permission denied")]


def test_a_fifo_never_blocks_the_load_listing_fingerprint_or_cache(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD)
    os.mkfifo(folder / "x.txt")
    started = time.monotonic()
    with _deadline(20):
        for source in (folder, [folder / "x.txt"]):
            for cache, content_hash in ((False, None), (tmp_path / "cache", True), (tmp_path / "cache", False)):
                corpus = load_corpus(source, cache_dir=cache, content_hash=content_hash)
                assert (str(folder / "x.txt"), "not a regular file (a FIFO)") in _rows(corpus)
    assert time.monotonic() - started < 20


# 3. A fuzz of the crashing classes, and property tests that generate them


_SURROGATE_TAGS = {"\ud800": "\\ud800", "\udce9": "\\xe9", "\udfff": "\\udfff"}
_YEARS = ["0001", "0000", "1600", "1899", "1900", "2024", "2099", "2100", "9999"]
_UNSUPPORTED = "unsupported file type '.bin' (use .txt, .json, .jsonl or .csv)"


def _date_case(rng: random.Random) -> tuple[str, str | None]:
    """(a date token, the reason it is refused or None if it is a usable date)."""
    if rng.random() < 0.15:
        token = rng.choice(["2O24-01-01", "20x4-01-01", "2024/01/01", "24-01-01", "2024-1-01", "yyyy-mm-dd", "-"])
        return token, f"date {token!r} is not in YYYY-MM-DD form"
    year, month, day = rng.choice(_YEARS), rng.choice([1, 2, 6, 12, 13, 0]), rng.choice([1, 15, 28, 30, 31, 32, 0])
    token = f"{year}-{month:02d}-{day:02d}"
    try:
        value = dt.date(int(year), month, day)
    except ValueError:
        return token, f"date {token} is not a real date"
    if not dt.date(1900, 1, 1) <= value <= dt.date(2099, 12, 31):
        return token, f"date {token} is outside the range the tables hold {RANGE}"
    return token, None


def _fuzz_case(rng: random.Random, i: int) -> tuple[str, str, bytes, list | None]:
    """One generated input: (class, suffix, bytes, expected rows or None when only accounting can be checked).

    Expected rows are ("article", origin suffix) or ("rejected", origin suffix, reason), the origin
    suffix being "" for the file itself or ":n" for its n-th record.
    """
    body = f"Article {i} on lithium and hydrogen in Kazakhstan."
    kind = rng.choices(["date", "surrogate", "deep", "bigint", "many", "bytes", "bin", "valid"],
                       weights=[25, 15, 8, 8, 4, 15, 5, 20])[0]
    if kind == "date":
        token, reason = _date_case(rng)
        suffix = rng.choice([".txt", "", ".TXT", ".json", ".jsonl", ".csv"])
        if suffix in (".txt", "", ".TXT"):
            data, where = f"date {token}\n\n{body}".encode(), ""
        elif suffix == ".csv":
            data, where = f"date,text\n{token},{body}\n".encode(), ":1"
        else:
            data, where = json.dumps({"date": token, "text": body}).encode(), ":1"
        return kind, suffix, data, [("rejected", where, reason) if reason else ("article", where)]
    if kind == "surrogate":
        field = rng.choice(["text", "title", "source", "url", "date"])
        lone = rng.choice(["\\ud800", "\\udfff", "\\udbff", "\\udc80"])
        value = {"text": body, "title": "Title", "source": "Kazinform", "url": "https://example.org/a",
                 "date": "2025-01-01"}[field]
        record = json.dumps({"date": "2025-01-01", "text": body, field: value}).replace(value, value + " " + lone, 1)
        suffix = rng.choice([".json", ".jsonl"])
        return kind, suffix, record.encode(), [("rejected", ":1", f"record's '{field}' field {SURROGATE}")]
    if kind == "deep":
        depth = 100_000 if rng.random() < 0.05 else rng.choice([2_000, 5_000, 20_000])
        opening, closing = rng.choice([(b"[", b"]"), (b'{"a":', b"}")])
        suffix = rng.choice([".json", ".jsonl"])
        data = opening * depth + b"1" + closing * depth
        if suffix == ".json":
            return kind, suffix, data, [("rejected", "", "invalid JSON: nested too deeply")]
        return kind, suffix, data, [("rejected", ":1", "invalid JSON line: nested too deeply")]
    if kind == "bigint":
        digits = rng.choice(["1", "9", "5"]) + "".join(rng.choices("0123456789", k=rng.choice([4400, 5000, 20000])))
        suffix = rng.choice([".json", ".jsonl"])
        data = (digits if rng.random() < 0.3 else json.dumps({"date": "2025-01-01", "text": body, "title": 0})
                .replace('"title": 0', f'"title": {digits}')).encode()
        if INT_LIMIT == 0:
            return kind, suffix, data, None
        if suffix == ".json":
            return kind, suffix, data, [("rejected", "", f"invalid JSON: {TOO_MANY_DIGITS}")]
        return kind, suffix, data, [("rejected", ":1", f"invalid JSON line: {TOO_MANY_DIGITS}")]
    if kind == "many":
        n = rng.randint(MAX_REJECTED_PER_FILE + 1, 80)
        more = n - MAX_REJECTED_PER_FILE
        lack = "the record's 'date' field is missing or empty"
        return kind, ".jsonl", b"{}\n" * n, [
            *(("rejected", f":{k}", lack) for k in range(1, MAX_REJECTED_PER_FILE + 1)),
            ("rejected", "", f"and {more:,} more rejected records in this file, not listed one by one "
                             f"(most often: {lack}, {more:,} times)"),
        ]
    if kind == "bytes":
        return kind, rng.choice([".txt", ".json", ".jsonl", ".csv", ""]), rng.randbytes(rng.randint(0, 300)), None
    if kind == "bin":
        return kind, ".bin", rng.randbytes(rng.randint(0, 100)), [("rejected", "", _UNSUPPORTED)]
    suffix = rng.choice([".txt", "", ".json", ".jsonl", ".csv"])
    if suffix in (".txt", ""):
        data = f"date 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n\n{body}".encode()
    elif suffix == ".csv":
        data = f"date,text,title\n2024-05-06,{body},A title\n".encode()
    else:
        data = json.dumps({"date": "2024-05-06T10:00:00", "text": body, "url": "https://example.org"}).encode()
    return kind, suffix, data, [("article", "" if suffix in (".txt", "") else ":1")]


def _fuzz_inputs(seed: int, n: int) -> list[tuple[str, bytes, str, list | None]]:
    """n inputs (name, bytes, expected origin, expected rows); one in eight names carries a lone surrogate."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        kind, suffix, data, expected = _fuzz_case(rng, i)
        tag = rng.choice(list(_SURROGATE_TAGS)) if rng.random() < 0.125 else ""
        name = f"f{i:05d}-{kind}{tag}{suffix}"
        origin = f"f{i:05d}-{kind}{_SURROGATE_TAGS.get(tag, '')}{suffix}"
        out.append((name, data, origin, expected))
    return out


def test_a_fuzz_of_ten_thousand_hostile_inputs_in_one_load(record_property):
    """10,200 generated inputs, one load: no exception, every input accounted for, and every input whose
    outcome is known from how it was generated (all but the random bytes) gets exactly that outcome."""
    cases = _fuzz_inputs(seed=15, n=10_200)
    started = time.perf_counter()
    corpus = load_corpus([(name, data) for name, data, _, _ in cases], cache_dir=False)
    seconds = time.perf_counter() - started
    record_property("fuzz_seconds", round(seconds, 1))
    print(f"fuzz: {len(cases):,} inputs in {seconds:.1f} s")

    by_input: dict[str, list[tuple]] = {origin: [] for _, _, origin, _ in cases}
    for origin in corpus.articles["origin"]:
        by_input[origin.split(":", 1)[0]].append(("article", origin))
    for origin, reason in _rows(corpus):
        by_input[origin.split(":", 1)[0]].append(("rejected", origin, reason))  # KeyError: an origin nobody gave
    assert sum(map(len, by_input.values())) == len(corpus.articles) + len(corpus.rejected)
    for name, _, origin, expected in cases:
        got = by_input[origin]
        assert got, f"{origin!r} vanished: neither an article nor a rejected row"
        assert all(row[1] == origin or row[1].startswith(origin + ":") for row in got)
        if origin.endswith(tuple(RECORD_SUFFIXES)):
            assert sum(row[0] == "rejected" for row in got) <= MAX_REJECTED_PER_FILE + 1, origin
        else:
            assert len(got) == 1, origin
        if expected is not None:
            assert got == [(kind, origin + where, *reason) for kind, where, *reason in expected], origin
    kinds = {kind for _, _, _, expected in cases if expected for kind, *_ in expected}
    assert kinds == {"article", "rejected"} and len(corpus.articles) > 1000
    assert seconds < 30


_OUTSIDE = st_.one_of(st_.dates(max_value=dt.date(1899, 12, 31)), st_.dates(min_value=dt.date(2100, 1, 1)))


@FAST
@given(_OUTSIDE, st_.sampled_from([".txt", ".json", ".jsonl", ".csv"]))
def test_property_any_date_outside_the_range_is_refused_by_name(day, suffix):
    body = "Officials met in Astana."
    data = {".txt": f"date {day.isoformat()}\n\n{body}", ".csv": f"date,text\n{day.isoformat()},{body}\n"}.get(
        suffix, json.dumps({"date": day.isoformat(), "text": body}))
    corpus = _load(f"a{suffix}", data.encode())
    where = "" if suffix == ".txt" else ":1"
    assert _rows(corpus) == [(f"a{suffix}{where}", f"date {day.isoformat()} is outside the range the tables hold {RANGE}")]


_TEXT_WITH_SURROGATES = st_.text(st_.one_of(st_.characters(categories=["Cs"]), st_.sampled_from("ab é")), min_size=1)


@FAST
@given(_TEXT_WITH_SURROGATES, st_.sampled_from(["text", "title", "source"]), st_.sampled_from([".json", ".jsonl"]))
def test_property_surrogates_in_json_escapes_reject_the_record_or_pair_into_a_character(value, field, suffix):
    fields = {"date": "2025-01-01", "text": "Officials met in Astana.", "title": "Talks", "source": "Kazinform"}
    fields[field] = f"{fields[field]} {value}"
    data = json.dumps(fields)  # ensure_ascii: every surrogate is written as a \\uXXXX escape
    decoded = json.loads(data)[field]  # a high escape followed by a low one is one character, as in the loader
    corpus = _load(f"a{suffix}", data.encode())
    if any(0xD800 <= ord(c) <= 0xDFFF for c in decoded):
        assert _rows(corpus) == [(f"a{suffix}:1", f"record's '{field}' field {SURROGATE}")]
        assert corpus.articles.empty
    else:
        assert _rows(corpus) == [] and corpus.articles["origin"].tolist() == [f"a{suffix}:1"]


@FAST
@given(st_.text(st_.one_of(st_.characters(categories=["Cs"]), st_.sampled_from("ab-_ é")), min_size=1, max_size=20))
def test_property_any_upload_name_gives_a_printable_origin(stem):
    corpus = _load(f"{stem}.txt", GOOD)
    (origin,) = corpus.articles["origin"].tolist()
    origin.encode("utf-8")  # printable: it can be hashed, written to Parquet and shown
    surrogates = [c for c in stem if 0xD800 <= ord(c) <= 0xDFFF]
    if not surrogates:
        assert origin == f"{stem}.txt"
    elif all(0xDC80 <= ord(c) <= 0xDCFF for c in surrogates):  # bytes that were not UTF-8 on disk
        assert origin == f"{stem}.txt".encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    else:
        assert origin == f"{stem}.txt".encode("utf-8", "backslashreplace").decode("utf-8")


@FAST
@given(st_.integers(min_value=1, max_value=150_000), st_.sampled_from(["list", "object"]),
       st_.sampled_from([".json", ".jsonl"]))
def test_property_nesting_depth_is_parsed_or_refused_as_too_deep(depth, shape, suffix):
    """Up to 200 levels parse; from 20,000 they are refused; in between the interpreter's stack decides."""
    opening, closing = ("[", "]") if shape == "list" else ('{"a":', "}")
    corpus = _load(f"a{suffix}", (opening * depth + "1" + closing * depth).encode())
    too_deep = (f"a{suffix}", "invalid JSON: nested too deeply") if suffix == ".json" else (
        f"a{suffix}:1", "invalid JSON line: nested too deeply")
    parsed = (f"a{suffix}:1", "record is a JSON list, not an object" if shape == "list"
              else "the record's 'date' field is missing or empty")
    if shape == "list" and depth == 1 and suffix == ".json":  # [1] is a list of one record: the integer 1
        parsed = ("a.json:1", "record is a JSON int, not an object")
    assert corpus.articles.empty
    if depth <= 200:
        assert _rows(corpus) == [parsed]
    elif depth >= 20_000:
        assert _rows(corpus) == [too_deep]
    else:
        assert _rows(corpus) in ([parsed], [too_deep])


@pytest.mark.skipif(INT_LIMIT == 0, reason="this interpreter converts integers of any length")
@FAST
@given(st_.integers(min_value=1, max_value=12_000), st_.sampled_from("123456789"),
       st_.sampled_from(["title", "whole file"]), st_.sampled_from([".json", ".jsonl"]))
def test_property_big_integers_are_refused_past_the_interpreters_limit(digits, lead, where, suffix):
    number = lead + "7" * (digits - 1)
    text = number if where == "whole file" else '{"date":"2025-01-01","text":"Officials met in Astana.","title":%s}' % number
    corpus = _load(f"a{suffix}", text.encode())
    if digits > INT_LIMIT:
        assert _rows(corpus) == [(f"a{suffix}", f"invalid JSON: {TOO_MANY_DIGITS}") if suffix == ".json"
                                 else (f"a{suffix}:1", f"invalid JSON line: {TOO_MANY_DIGITS}")]
    elif where == "whole file":
        assert _rows(corpus) == [(f"a{suffix}:1", "record is a JSON int, not an object")]
    else:  # a title that is not text is ignored: the title comes from the first sentence
        assert _rows(corpus) == [] and corpus.articles["title"].tolist() == ["Officials met in Astana."]


# 4. Bounded growth


def test_a_record_file_of_ten_thousand_empty_objects_gives_twenty_one_rows():
    corpus = _load("a.jsonl", b"{}\n" * 10_000)
    lack = "the record's 'date' field is missing or empty"
    assert _rows(corpus) == [
        *((f"a.jsonl:{n}", lack) for n in range(1, 21)),
        ("a.jsonl", "and 9,980 more rejected records in this file, not listed one by one "
                    "(most often: the record's 'date' field is missing or empty, 9,980 times)"),
    ]


def test_evidence_of_a_paragraph_of_thirty_thousand_percentages_is_clipped_with_exact_offsets():
    corpus = _load("p.txt", b"date 2025-01-01\n\n" + b"5% " * 30_000)
    (text,) = corpus.paragraphs["text"].tolist()
    amounts = corpus.amounts
    assert len(amounts) == 30_000
    assert amounts["sentence"].str.len().max() == EVIDENCE_MAX_CHARS + 2 == 402
    for start, end, expression, sentence in zip(amounts["start"], amounts["end"], amounts["expression"], amounts["sentence"]):
        assert text[start:end] == expression == "5%"
        assert sentence.strip("…") in text


def test_an_article_of_forty_thousand_paragraphs_keeps_them_in_order():
    body = "\n\n".join(f"Line {n} of the report." for n in range(40_000))
    corpus = _load("long.txt", f"date 2025-01-01\n\n{body}".encode())
    para_no = corpus.paragraphs["para_no"]
    assert para_no.dtype == "int32"
    assert para_no.tolist() == list(range(40_000))
    assert corpus.paragraphs["text"].iloc[-1] == "Line 39999 of the report."


# 5. CSV export: no cell opens as a formula


def test_spreadsheet_safe_quotes_every_cell_a_spreadsheet_would_evaluate():
    frame = pd.DataFrame({
        "text": ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx", "plain"],
        "n": [1, -2, 3, 4, 5, 6, 7],
    })
    safe = spreadsheet_safe(frame)
    # a carriage return becomes a line break inside the cell: written bare, it would start a new row
    assert safe["text"].tolist() == ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\nx", "plain"]
    assert safe["n"].tolist() == [1, -2, 3, 4, 5, 6, 7] and safe["n"].dtype == "int64"
    assert frame["text"].iloc[0] == '=HYPERLINK("x")'  # the frame shown on the page is left alone
    rows = list(csv.reader(io.StringIO(safe.to_csv(index=False), newline="")))
    assert not [cell for row in rows[1:] for cell in row if cell.startswith(_FORMULA) and not cell.lstrip("-").isdigit()]


_FORMULA_QUOTES = [
    {"date": "2025-01-01", "title": '=HYPERLINK("http://evil.example","open")', "source": "@evil",
     "text": "“=1+1 is what the plant will cost,” said Minister Aigerim Sadykova on Monday.\n\n"
             "“-5% is the target for imports,” said Commissioner Pieter Janssen."},
    {"date": "2025-01-02", "title": "+cmd|' /C calc'!A0",
     "text": "“@SUM(A1) will rise next year,” said Minister Aigerim Sadykova, an official in Astana."},
]


def test_the_quotes_page_download_has_no_cell_that_opens_as_a_formula(app_on, write_files, downloads):
    """The page itself runs; the data of its download button is produced and read back as a spreadsheet would."""
    at = app_on(write_files({"a.jsonl": "\n".join(json.dumps(r) for r in _FORMULA_QUOTES)}))
    at.switch_page("pages/quotes.py").run()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    data = downloads[-1]() if callable(downloads[-1]) else downloads[-1]
    header, *rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 3 and "article" in header
    assert sorted(row[header.index("text")] for row in rows) == [
        "'-5% is the target for imports", "'=1+1 is what the plant will cost", "'@SUM(A1) will rise next year"]
    assert not [cell for row in rows for cell in row if cell.startswith(_FORMULA)]


def test_a_carriage_return_in_a_record_title_cannot_smuggle_a_formula_into_the_export():
    record = {"date": "2025-01-01", "title": "Talks\r=cmd|' /C calc'!A0",
              "text": "“We will build the plant,” said Minister Aigerim Sadykova on Monday."}
    corpus = _load("a.json", json.dumps(record).encode())
    titles = corpus.articles.set_index("article_id")["title"]
    export = corpus.quotes[["kind", "text"]].astype("string").assign(article=corpus.quotes["article_id"].map(titles))
    rows = list(csv.reader(io.StringIO(spreadsheet_safe(export).to_csv(index=False), newline="")))
    assert not [cell for row in rows for cell in row if cell.startswith(_FORMULA)]


# 6. Charts draw names as text


def test_a_speaker_name_with_markup_is_an_escaped_axis_label():
    quotes = sample_tables()["quotes"]
    quotes = quotes.assign(**{col: quotes[col].astype("string").replace("Pieter Janssen", "<b>Boss</b>")
                              for col in ("speaker", "person")})
    fig = charts.speakers_figure(charts.speakers_table(quotes))
    assert [(d.name, list(d.y)) for d in fig.data] == [("EU", ["&lt;b&gt;Boss&lt;/b&gt;"]), ("Kazakhstan", ["Aigerim Sadykova"])]
    assert list(fig.layout.yaxis.categoryarray) == ["Aigerim Sadykova", "&lt;b&gt;Boss&lt;/b&gt;"]


# 7. Only web links are links


@pytest.mark.parametrize("url, kept", [
    ("http://example.org/news?id=1", "http://example.org/news?id=1"),
    ("https://example.org", "https://example.org"),
    ("  https://example.org/a  ", "https://example.org/a"),
    ("data:text/html,<script>alert(1)</script>", ""),
    ("javascript:alert(1)", ""),
    ("ftp://x", ""),
    (" https://ex ample.com", ""),
    ("http://", ""),
])
def test_web_url_keeps_only_http_and_https_links(url, kept):
    assert web_url(url) == kept


def test_a_record_with_a_data_url_becomes_an_article_without_a_link():
    corpus = _load("a.json", _record(url="data:text/html,<script>alert(1)</script>"))
    assert corpus.articles[["origin", "url"]].values.tolist() == [["a.json:1", ""]]


# 8. The CLI prints names, it does not obey them


def test_printable_escapes_newlines_and_terminal_codes():
    assert printable("a\nb\x1b[31m") == "a\\x0ab\\x1b[31m"


def test_summary_prints_a_rejected_name_with_a_newline_on_one_line():
    corpus = _load("evil\nrejected: 0\x1b[31m.txt", b"no header")
    assert summary(corpus).split("\n") == [
        "articles: 0",
        "paragraphs: 0, quotes: 0, people: 0, mentions: 0, events: 0, amounts: 0, entities: 0",
        "rejected: 1",
        "  evil\\x0arejected: 0\\x1b[31m.txt: no 'date YYYY-MM-DD' header on the first line",
    ]


# 9. A link with a thousand bad values gives one short message


def test_a_thousand_warnings_become_seven_lines():
    warnings = [f'speaker: unknown value "nobody{n}"; ignored.' for n in range(1000)]
    assert warning_lines(warnings) == [
        "This link asked for values that were ignored:",
        *(f'speaker: unknown value "nobody{n}"; ignored.' for n in range(5)),
        "…and 995 more.",
    ]
