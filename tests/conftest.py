"""Shared fixtures: the embedded seed corpus and a builder of article folders."""

from __future__ import annotations

from pathlib import Path

import pytest

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
