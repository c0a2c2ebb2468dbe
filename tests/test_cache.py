"""The Parquet build cache: a hit loads, a changed input rebuilds, a damaged cache is rebuilt."""

from __future__ import annotations

import os

import pytest

from loaders import load_corpus, parts, store
from tests.conftest import SEED_000, SEED_004


@pytest.fixture
def builds(monkeypatch):
    """Counts the real builds that load_corpus runs."""
    calls = []
    real = parts.build_dataset

    def counting(inputs, *args, **kwargs):
        calls.append(len(inputs))
        return real(inputs, *args, **kwargs)

    monkeypatch.setattr(parts, "build_dataset", counting)
    return calls


@pytest.fixture
def folder(write_files):
    return write_files({SEED_000.name: SEED_000.read_bytes(), SEED_004.name: SEED_004.read_bytes()})


def _cached_folder(cache, corpus):
    return cache / corpus.fingerprint


def test_second_load_is_a_cache_hit_with_identical_tables(folder, tmp_path, builds):
    cache = tmp_path / "cache"
    first = load_corpus(folder, cache_dir=cache)
    second = load_corpus(folder, cache_dir=cache)
    assert builds == [2]
    assert second.fingerprint == first.fingerprint
    for name, table in first.tables().items():
        assert second.tables()[name].equals(table), name


def test_a_given_fingerprint_hits_the_cache_without_listing_the_files_again(folder, tmp_path, builds, monkeypatch):
    from loaders import corpus as corpus_module

    cache = tmp_path / "cache"
    first = load_corpus(folder, cache_dir=cache)
    fingerprint = corpus_module.corpus_fingerprint(folder)
    assert fingerprint == first.fingerprint

    def no_listing(source):
        raise AssertionError("the files were listed again")

    monkeypatch.setattr(corpus_module, "resolve", no_listing)
    again = load_corpus(folder, cache_dir=cache, fingerprint=fingerprint)
    assert builds == [2]
    assert again.articles.equals(first.articles)


def test_changed_input_misses_and_rebuilds(folder, tmp_path, builds):
    cache = tmp_path / "cache"
    first = load_corpus(folder, cache_dir=cache)
    path = folder / SEED_000.name
    path.write_bytes(path.read_bytes().replace(b"ASTANA", b"ALMATY"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    second = load_corpus(folder, cache_dir=cache)
    assert builds == [2, 2]
    assert second.fingerprint != first.fingerprint
    assert sorted(second.articles["place"].astype(str)) == ["Almaty", "Astana"]


def test_added_file_misses(folder, tmp_path, builds):
    cache = tmp_path / "cache"
    load_corpus(folder, cache_dir=cache)
    (folder / "new.txt").write_text("date 2024-01-01\n\nA new note on hydrogen.")
    assert len(load_corpus(folder, cache_dir=cache).articles) == 3
    assert builds == [2, 3]


@pytest.mark.parametrize("damage", ["truncate", "garble", "drop_table", "bad_manifest"])
def test_damaged_cache_is_discarded_and_rebuilt(folder, tmp_path, builds, damage):
    cache = tmp_path / "cache"
    first = load_corpus(folder, cache_dir=cache)
    stored = _cached_folder(cache, first)
    quotes = stored / "quotes.parquet"
    if damage == "truncate":
        quotes.write_bytes(quotes.read_bytes()[: quotes.stat().st_size // 2])
    elif damage == "garble":
        data = bytearray(quotes.read_bytes())
        data[len(data) // 2] ^= 0xFF
        quotes.write_bytes(bytes(data))
    elif damage == "drop_table":
        quotes.unlink()
    else:
        (stored / store.MANIFEST).write_text("{")
    with pytest.raises(store.Unusable):
        store.load(stored)
    again = load_corpus(folder, cache_dir=cache)
    assert builds == [2, 2]
    assert again.quotes.equals(first.quotes)
    store.load(stored)


def test_caching_can_be_turned_off(folder, tmp_path, builds, monkeypatch):
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(tmp_path / "env-cache"))
    load_corpus(folder, cache_dir=False)
    assert not (tmp_path / "env-cache").exists()
    load_corpus(folder)
    assert (tmp_path / "env-cache").is_dir()


def test_uploads_are_keyed_on_content(tmp_path, builds):
    cache = tmp_path / "cache"
    one = load_corpus([("a.txt", b"date 2024-01-01\n\nFirst text.")], cache_dir=cache)
    two = load_corpus([("a.txt", b"date 2024-01-01\n\nOther text.")], cache_dir=cache)
    assert one.fingerprint != two.fingerprint
    assert builds == [1, 1]


def test_damaged_built_dataset_is_reported_not_raised(folder, tmp_path, seed_corpus):
    out = seed_corpus.save(tmp_path / "built")
    (out / "articles.parquet").write_bytes(b"PAR1 broken")
    corpus = load_corpus(out)
    assert corpus.articles.empty
    assert list(corpus.rejected["origin"]) == [str(out)]
    assert "articles.parquet" in corpus.rejected["reason"].iloc[0]


@pytest.fixture
def reads(monkeypatch):
    """The dataset folders store.load_version reads, in order."""
    calls = []
    real = store.load_version

    def counting(folder):
        calls.append(os.path.abspath(folder))
        return real(folder)

    monkeypatch.setattr(store, "load_version", counting)
    return calls


def test_a_warm_start_reads_the_last_build_of_the_folder_once_while_it_fingerprints(folder, tmp_path, builds, reads):
    cache = tmp_path / "cache"
    first = load_corpus(folder, cache_dir=cache)
    assert store.latest(cache, "source", os.path.abspath(folder)) == cache / first.fingerprint
    reads.clear()
    again = load_corpus(folder, cache_dir=cache)
    assert builds == [2] and reads == [str(cache / first.fingerprint)]  # the prefetch, used as it is
    for name, table in first.tables().items():
        assert again.tables()[name].equals(table), name


def test_a_prefetched_build_of_files_since_changed_is_dropped_for_a_new_build(folder, tmp_path, builds, reads):
    cache = tmp_path / "cache"
    first = load_corpus(folder, cache_dir=cache)
    (folder / SEED_004.name).unlink()
    reads.clear()
    again = load_corpus(folder, cache_dir=cache)
    assert builds == [2, 1]
    assert reads[0] == str(cache / first.fingerprint)  # read ahead, then not served
    assert len(again.articles) == 1 and again.fingerprint != first.fingerprint


def test_no_build_of_another_folder_is_read_ahead(folder, tmp_path, reads):
    cache = tmp_path / "cache"
    first = load_corpus(folder, cache_dir=cache)
    other = tmp_path / "other"
    other.mkdir()
    (other / SEED_000.name).write_bytes(SEED_000.read_bytes())
    reads.clear()
    load_corpus(other, cache_dir=cache)
    assert str(cache / first.fingerprint) not in reads
