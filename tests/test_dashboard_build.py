"""A folder the dashboard serves is built apart, by `python -m loaders` in a child process, never by a worker
pool inside the server (whose spawned workers re-imported the running script and built again)."""

from __future__ import annotations

import pytest

from loaders import build, corpus_fingerprint, is_built
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
    assert seen == [(3, 3)]
    assert is_built(folder, corpus_fingerprint(folder))


def test_the_dashboard_loads_an_unbuilt_folder_without_building_in_its_own_process(folder, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("built inside the server process")

    monkeypatch.setattr(build, "build_tables", refuse)
    corpus = loading.load_cached(str(folder), corpus_fingerprint(folder))
    assert sorted(corpus.articles["title"]) == [f"Electrolyser tender number {n}" for n in range(1, 4)]
