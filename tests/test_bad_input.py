"""Every class of bad input becomes a `rejected` row with a reason, and never an exception."""

from __future__ import annotations

import codecs
import random

import pytest

from loaders import load_corpus
from tests.conftest import SEED_000, SEED_004

GOOD = " date 2024-03-05 Astana hosts battery forum\n\nASTANA – Officials met to discuss battery plants.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _reasons(corpus):
    return dict(zip(corpus.rejected["origin"].map(lambda o: o.rsplit("/", 1)[-1]), corpus.rejected["reason"]))


def _load(write_files, files, **kwargs):
    return load_corpus(write_files(files), cache_dir=False, **kwargs)


def test_issue_mix_loads_the_two_seeds_and_rejects_the_six_others(write_files):
    folder = write_files({
        SEED_000.name: SEED_000.read_bytes(),
        SEED_004.name: SEED_004.read_bytes(),
        "900_copy_of_004.txt": SEED_004.read_bytes(),
        "901_no_header.txt": "Kazakhstan and the EU met again.\n",
        "902_bad_date.txt": " date 2025-02-30 Ministers meet\n\nThe talks went on.\n",
        "903_empty_body.txt": " date 2025-01-10\n\n\n",
        "904_random.txt": random.Random(7).randbytes(600),
        "905_image.png": PNG,
    })
    corpus = load_corpus(folder, cache_dir=False)
    assert sorted(corpus.articles["origin"].map(lambda o: o.rsplit("/", 1)[-1])) == [SEED_000.name, SEED_004.name]
    assert _reasons(corpus) == {
        "900_copy_of_004.txt": f"duplicate of {folder / SEED_004.name}",
        "901_no_header.txt": "no 'date YYYY-MM-DD' header on the first line",
        "902_bad_date.txt": "date 2025-02-30 is not a real date",
        "903_empty_body.txt": "empty body: no text after the header",
        "904_random.txt": _reasons(corpus)["904_random.txt"],
        "905_image.png": "unsupported file type '.png' (use .txt, .json, .jsonl or .csv)",
    }
    assert _reasons(corpus)["904_random.txt"].startswith("not UTF-8 text (byte 0x")


def test_no_date_header(write_files):
    assert _reasons(_load(write_files, {"a.txt": "Just a body.\n"})) == {
        "a.txt": "no 'date YYYY-MM-DD' header on the first line"}


def test_date_header_in_another_form(write_files):
    assert _reasons(_load(write_files, {"a.txt": "date 05/03/2024 Title\n\nBody.\n"})) == {
        "a.txt": "date '05/03/2024' is not in YYYY-MM-DD form"}


def test_date_that_is_not_a_real_date(write_files):
    assert _reasons(_load(write_files, {"a.txt": "date 2023-13-01\n\nBody.\n"})) == {
        "a.txt": "date 2023-13-01 is not a real date"}


def test_empty_body(write_files):
    assert _reasons(_load(write_files, {"a.txt": "date 2023-01-01 \n   \n\nPhoto: someone\n"})) == {
        "a.txt": "empty body: no text after the header"}


def test_empty_file(write_files):
    assert _reasons(_load(write_files, {"a.txt": b""})) == {"a.txt": "no 'date YYYY-MM-DD' header on the first line"}


def test_bytes_that_are_not_utf8(write_files):
    reasons = _reasons(_load(write_files, {"a.txt": "date 2024-01-01 Caf\xe9\n\nBody.".encode("latin-1")}))
    assert reasons == {"a.txt": "not UTF-8 text (byte 0xe9 at offset 19)"}


def test_binary_with_nul_bytes_that_happen_to_be_utf8(write_files):
    reasons = _reasons(_load(write_files, {"a.txt": b"date 2024-01-01\n\n\x00\x01\x02 body"}))
    assert reasons == {"a.txt": "binary content (3 control characters)"}


def test_unsupported_file_type(write_files):
    assert _reasons(_load(write_files, {"notes.docx": b"PK\x03\x04"})) == {
        "notes.docx": "unsupported file type '.docx' (use .txt, .json, .jsonl or .csv)"}


def test_file_over_the_size_limit(write_files):
    corpus = _load(write_files, {"big.txt": GOOD + "x" * 3000, "ok.txt": GOOD}, max_bytes=2048)
    assert _reasons(corpus) == {"big.txt": "file is 0.0 MB, over the 0.00195312 MB limit"}
    assert len(corpus.articles) == 1


def test_exact_duplicate_keeps_the_first_in_sorted_order(write_files):
    folder = write_files({"b.txt": GOOD, "a.txt": GOOD})
    corpus = load_corpus(folder, cache_dir=False)
    assert list(corpus.articles["origin"]) == [str(folder / "a.txt")]
    assert _reasons(corpus) == {"b.txt": f"duplicate of {folder / 'a.txt'}"}


def test_duplicate_across_parallel_batches_is_still_rejected(write_files):
    files = {f"{n:04d}.txt": f"date 2024-01-01\n\nArticle number {n} about hydrogen." for n in range(80)}
    files["0999.txt"] = files["0003.txt"]
    corpus = load_corpus(write_files(files), cache_dir=False, engine="processes", workers=2)
    assert len(corpus.articles) == 80
    assert list(corpus.rejected["reason"].str.rsplit("/", n=1).str[-1]) == ["0003.txt"]


@pytest.mark.parametrize("engine", ["serial", "processes"])
def test_every_later_copy_names_the_first_even_beside_a_copy_in_its_own_batch(write_files, engine):
    """With two processes, batches of 32 files: the copies in the second and the third batch each name the first
    batch's file, the third batch's second copy included (which that batch rejected as a copy of its first)."""
    files = {f"{n:04d}.txt": f"date 2024-01-01\n\nArticle number {n} about hydrogen." for n in range(90)}
    for copy in ("0040a.txt", "0070a.txt", "0070b.txt"):
        files[copy] = files["0003.txt"]
    folder = write_files(files)
    corpus = load_corpus(folder, cache_dir=False, engine=engine, workers=2)
    assert len(corpus.articles) == 90
    reasons = dict(zip(corpus.rejected["origin"].str.rsplit("/", n=1).str[-1], corpus.rejected["reason"]))
    assert reasons == {"0040a.txt": f"duplicate of {folder / '0003.txt'}",
                       "0070a.txt": f"duplicate of {folder / '0003.txt'}",
                       "0070b.txt": f"duplicate of {folder / '0003.txt'}"}


def test_a_copy_keeps_naming_its_own_first_when_two_files_share_that_first_ones_name():
    """Two uploads called a.txt (A, then B) and b.txt (B), combined with a folder holding A: the first a.txt is a
    copy of the folder's file, and b.txt still names the a.txt that holds B (an origin is not unique here)."""
    a_text = b"date 2024-01-01\n\nArticle A about hydrogen in Astana.\n"
    b_text = b"date 2024-01-02\n\nArticle B about lithium in Almaty.\n"
    base = load_corpus([("data/x.txt", a_text)], cache_dir=False)
    uploads = load_corpus([("upload:a.txt", a_text), ("upload:a.txt", b_text), ("upload:b.txt", b_text)], cache_dir=False)
    both = base.combine(uploads)
    assert sorted(zip(both.rejected["origin"], both.rejected["reason"])) == [
        ("upload:a.txt", "duplicate of data/x.txt"), ("upload:b.txt", "duplicate of upload:a.txt")]
    assert list(both.articles["origin"]) == ["data/x.txt", "upload:a.txt"]


def test_missing_path_raises_naming_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.txt"):
        load_corpus([tmp_path / "nowhere.txt"], cache_dir=False)


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_utf16_without_bom_is_not_guessed(write_files, bom):
    encoded = GOOD.encode("utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be")
    reasons = _reasons(_load(write_files, {"a.txt": encoded}))
    assert list(reasons) == ["a.txt"]
    assert reasons["a.txt"].startswith(("not UTF-8 text", "binary content"))


@pytest.mark.parametrize("name, content", [
    ("a.jsonl", "\n\n"), ("a.json", "[]"), ("a.csv", "date,text\n"),
])
def test_record_file_without_records(write_files, name, content):
    assert _reasons(_load(write_files, {name: content})) == {name: "no records in file"}


def _failing_quotes(monkeypatch, marker):
    """Make the quotes extractor fail on every article whose text holds `marker`, as an extractor bug would."""
    import loaders.quotes as quotes

    real = quotes.quotes_table

    def quotes_table(articles, paragraphs):
        if paragraphs["text"].str.contains(marker).any():
            raise RecursionError("maximum recursion depth exceeded")
        return real(articles, paragraphs)

    monkeypatch.setattr(quotes, "quotes_table", quotes_table)


def test_an_article_an_extractor_fails_on_is_rejected_and_the_others_load(write_files, monkeypatch):
    _failing_quotes(monkeypatch, "TRIGGER")
    corpus = _load(write_files, {"good.txt": GOOD, "bad.txt": GOOD.replace("Officials", "TRIGGER officials")})
    assert corpus.articles["origin"].map(lambda o: o.rsplit("/", 1)[-1]).tolist() == ["good.txt"]
    assert _reasons(corpus) == {"bad.txt": "could not be analysed: RecursionError in an extractor"}


def test_a_single_article_an_extractor_fails_on_is_rejected_not_raised(write_files, monkeypatch):
    _failing_quotes(monkeypatch, "TRIGGER")
    corpus = _load(write_files, {"bad.txt": GOOD.replace("Officials", "TRIGGER officials")})
    assert corpus.articles.empty
    assert _reasons(corpus) == {"bad.txt": "could not be analysed: RecursionError in an extractor"}


def test_an_extractor_that_fails_on_every_article_of_a_batch_is_a_bug_and_raises(write_files, monkeypatch):
    _failing_quotes(monkeypatch, "Officials")
    with pytest.raises(RecursionError):
        _load(write_files, {"a.txt": GOOD, "b.txt": GOOD.replace("battery plants", "solar parks")})
