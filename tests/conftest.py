"""Shared fixtures: the embedded seed corpus, a builder of article folders, the app on a folder and its downloads."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from loaders import load_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "articles"
SEED_000 = SEEDS / "000_c9518c213fe21bc0.txt"
SEED_004 = SEEDS / "004_f58e5914f477101f.txt"


@pytest.fixture(scope="session")
def seed_corpus():
    """The two embedded seed articles, loaded without touching any shared cache."""
    return load_corpus(SEEDS, cache_dir=False)


@pytest.fixture
def write_files(tmp_path):
    """Writes {name: bytes | str} under a fresh folder and returns the folder."""

    def write(files: dict[str, bytes | str]) -> Path:
        folder = tmp_path / "articles"
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return folder

    return write


@pytest.fixture
def app_on(monkeypatch, tmp_path):
    """A maker of the dashboard in AppTest serving a folder (DASHBOARD_DATA), with a build cache of its own."""

    def make(folder: str | Path) -> AppTest:
        monkeypatch.setenv("DASHBOARD_DATA", str(folder))
        monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(tmp_path / "cache"))
        return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)

    return make


@pytest.fixture
def downloads(monkeypatch):
    """The data of every st.download_button the app draws from now on, in order."""
    seen = []
    real = st.download_button

    def spy(label, data=None, *args, **kwargs):
        seen.append(data)
        return real(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", spy)
    return seen
