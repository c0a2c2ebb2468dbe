"""Serial, multi-process and Dask builds give the same tables, row for row, and the workers write the dataset."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from loaders import load_corpus, schema, search, store
from loaders.query import parse
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


# Workers write the dataset: one part of each table and one index shard per worker


def _layout(folder):
    manifest = json.loads((folder / store.MANIFEST).read_text())
    return {name: [part["file"] for part in entry["parts"]] for name, entry in manifest["tables"].items()}


@pytest.mark.parametrize("engine", ["processes", "dask"])
def test_each_worker_writes_its_own_part_of_every_table_and_its_own_index_shard(varied_folder, serial, tmp_path,
                                                                                engine):
    if engine == "dask":
        pytest.importorskip("dask.distributed", reason="the dask extra is not installed: pip install -e '.[dask]'")
    built = load_corpus(varied_folder, cache_dir=tmp_path / "cache", engine=engine, workers=2)
    _assert_same(serial, built)
    folder = Path(built.folder)
    assert _layout(folder) == {name: ["people.parquet"] if name == "people" else [f"{name}-0.parquet",
                                                                                  f"{name}-1.parquet"]
                               for name in schema.TABLES}
    assert sorted(p.name for p in (folder / search.INDEX_DIR).iterdir()) == ["0", "1", search.STAMP]
    assert not list(folder.parent.glob(".*tmp-*")), "the staging folder is gone once the dataset is published"
    first_part = pq.ParquetFile(folder / "articles-0.parquet").metadata.num_rows
    assert 0 < first_part < len(built.articles)


def test_a_search_over_two_shards_finds_the_rows_a_single_index_finds(varied_folder, tmp_path):
    built = load_corpus(varied_folder, cache_dir=tmp_path / "cache", engine="processes", workers=2)
    sharded = search.for_corpus(built)
    single = search.build(built.tables())
    for text in ("lithium", "battery plants", "Kowalska", "note*", "hydrogen -lithium", "\"Note 149\""):
        query = parse(text)
        articles, quotes = sharded.articles(query), sharded.quotes(query)
        assert articles.tolist() == single.articles(query).tolist(), text
        assert quotes.tolist() == single.quotes(query).tolist(), text
        assert articles.tolist() == sorted(articles.tolist())
    assert len(sharded.articles(parse("\"Note 149\""))) == 1  # an article of the second worker's shard
    assert len(sharded.quotes(parse("Abenov"))) == 75  # the odd notes of 150
