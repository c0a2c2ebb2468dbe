"""A folder the dashboard serves is built apart, by `python -m loaders` in a child process, never by a worker
pool inside the server (whose spawned workers re-imported the running script and built again)."""

from __future__ import annotations

import threading
import time

import pytest

from loaders import corpus_fingerprint, is_built, parts
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
