"""Serial, multi-process and Dask builds give the same tables, row for row."""

from __future__ import annotations

import pytest

from loaders import load_corpus
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def varied_folder(tmp_path_factory):
    """The seeds plus many small articles of our own, enough for several batches."""
    folder = tmp_path_factory.mktemp("varied")
    for path in SEEDS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    speakers = ["Marta Kowalska, EU Commissioner for Energy,", "Nurlan Abenov, Kazakh Minister of Industry,"]
    for n in range(150):
        who = speakers[n % 2]
        (folder / f"{n:04d}.txt").write_text(
            f"date 2024-{n % 12 + 1:02d}-{n % 27 + 1:02d} Note {n} on lithium and hydrogen\n\n"
            f"ASTANA – The partners discussed lithium deposits and green hydrogen, worth €{n + 1} million.\n\n"
            f"“We will build battery plants together,” said {who} in March 2024.\n"
        )
    (folder / "9999.txt").write_text((folder / "0007.txt").read_text())
    return folder


@pytest.fixture(scope="module")
def serial(varied_folder):
    return load_corpus(varied_folder, cache_dir=False, engine="serial")


def _assert_same(one, other):
    for name, table in one.tables().items():
        assert other.tables()[name].equals(table), name


def test_process_pool_build_equals_serial_build(varied_folder, serial):
    assert len(serial.articles) == 152
    assert len(serial.rejected) == 1
    _assert_same(serial, load_corpus(varied_folder, cache_dir=False, engine="processes", workers=2))


def test_dask_build_equals_serial_build(varied_folder, serial):
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed: pip install -e '.[dask]'")
    _assert_same(serial, load_corpus(varied_folder, cache_dir=False, engine="dask", workers=2))
