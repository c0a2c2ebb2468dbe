"""A folder the dashboard serves is built apart, by `python -m loaders` in a child process, never by a worker
pool inside the server (whose spawned workers re-imported the running script and built again)."""

from __future__ import annotations

import threading
import time

import pytest

from loaders import corpus as corpus_module
from loaders import corpus_fingerprint, is_built, load_built, parts
from ui import loading

ARTICLE = "date 2025-03-0{n}\nElectrolyser tender number {n}\n\nThe ministry said tender {n} would open in Pavlodar.\n"


@pytest.fixture
def folder(write_files, tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(tmp_path / "cache"))
    return write_files({f"a{n}.txt": ARTICLE.format(n=n) for n in range(1, 4)})


def test_build_apart_fills_the_build_cache_and_passes_on_the_progress(folder):
    seen = []
    assert not is_built(folder, corpus_fingerprint(folder))
    loading.build_apart(str(folder), lambda done, total: seen.append((done, total)))
    assert set(seen) == {(3, 3)}  # one batch: polled while the child runs, and once more after it ends
    assert is_built(folder, corpus_fingerprint(folder))


def test_a_run_that_finds_the_folder_building_waits_for_that_child_instead_of_starting_another(folder, monkeypatch):
    started = []
    real = loading.subprocess.Popen

    def popen(*args, **kwargs):
        started.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(loading.subprocess, "Popen", popen)
    first = threading.Thread(target=loading.build_apart, args=(str(folder),))
    first.start()  # the run a click interrupted; its child goes on (it needs a second or more to import)
    while not loading._loaded().builds:
        time.sleep(0.01)
    loading.build_apart(str(folder))  # the next run
    first.join()
    assert len(started) == 1 and not loading._loaded().builds
    assert is_built(folder, corpus_fingerprint(folder))


def test_the_dashboard_loads_an_unbuilt_folder_without_building_in_its_own_process(folder, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("built inside the server process")

    monkeypatch.setattr(parts, "build_dataset", refuse)
    corpus = loading.load_cached(str(folder), corpus_fingerprint(folder))
    assert sorted(corpus.articles["title"]) == [f"Electrolyser tender number {n}" for n in range(1, 4)]


def test_a_servers_first_load_reads_the_cached_build_while_it_fingerprints_the_folder(folder, monkeypatch):
    loading.build_apart(str(folder))
    fingerprint, built = load_built(folder)
    assert fingerprint == corpus_fingerprint(folder) and built is not None and built.fingerprint == fingerprint
    loading._loaded().by_key.clear()
    reads = []
    real = corpus_module.store.load_version

    def load_version(home):
        reads.append(threading.current_thread().name)
        return real(home)

    def refuse(*args, **kwargs):
        raise AssertionError("no build for a folder the cache holds")

    monkeypatch.setattr(corpus_module.store, "load_version", load_version)
    monkeypatch.setattr(loading, "build_apart", refuse)
    served = loading._session_corpus(folder, None)
    assert served.fingerprint == fingerprint and len(served.articles) == 3
    assert loading._loaded().by_key == {(str(folder), fingerprint): served}
    assert len(reads) == 1 and reads[0].startswith("prefetch")  # one read, in the background thread
    assert loading._session_corpus(folder, None) is served  # the session's fingerprint, fresh: no read at all
    assert len(reads) == 1


def test_load_built_gives_no_corpus_for_a_folder_not_built_yet(folder, monkeypatch):
    monkeypatch.setattr(parts, "build_dataset", lambda *a, **k: pytest.fail("load_built never builds"))
    assert load_built(folder) == (corpus_fingerprint(folder), None)
