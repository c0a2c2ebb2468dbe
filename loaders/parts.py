"""A corpus built straight into a dataset: workers write the parts, the parent only plans and records.

`build_dataset` runs in two parallel rounds on one engine (`build.mapper`) and two small steps in the parent:

1. map (workers): each batch of inputs is built (`build.build_batch`) and staged as Arrow files in the
   dataset's staging folder; the worker returns only what the corpus-wide steps need (`Staged`: the
   articles' ids, origins and MinHash signatures, and the quotes' PEOPLE_COLUMNS).
2. merge (parent): copies of an article from an earlier batch are decided in input order
   (`build.FirstCopies`), the copies of one story grouped (`stories.group`), each person gets one name
   across the corpus and quotes their side (`people.resolve_people`), and the batches are cut into one
   contiguous run per worker (`Shard`).
3. write (workers): each shard's worker reads its staged batches, drops the copies, sets the articles'
   story and the quotes' person and side, and writes its own part of every table and its own shard of
   the search index.
4. publish (parent): the `people` table, the index stamp and the manifest, then the version goes live.

Nothing but ids, signatures, people columns and manifest entries crosses between processes, so the parent never
holds the corpus. The staging folder is the dataset's own, beside it: for Dask workers on other
machines, the dataset's folder must be on a path they share.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa

from loaders import build, schema, search, store, stories
from loaders.inputs import DEFAULT_MAX_BYTES, Input
from loaders.people import PEOPLE_COLUMNS, resolve_people
from loaders.stages import Stages

# The staged batches, inside the staging folder; removed before the dataset is published.
STAGED_DIR = ".batches"


class Staged(NamedTuple):
    """What a worker returns for a batch it built and staged."""

    articles: pd.DataFrame  # article_id and origin of the batch's articles
    signatures: np.ndarray  # their MinHash signatures (loaders.stories)
    people: pd.DataFrame  # PEOPLE_COLUMNS of the batch's quotes


class Shard(NamedTuple):
    """A contiguous run of batches that one worker writes as part `number` of every table."""

    number: int
    batches: list[int]
    copies: list[build.Copies]  # per batch
    first_article: list[int]  # per batch: the corpus row of its first kept article
    first_quote: list[int]  # per batch: the corpus row of its first kept quote
    person: pd.Categorical  # the shard's quotes' person and side, in row order
    side: pd.Categorical
    story: np.ndarray  # the shard's articles' story_id, in row order


def build_dataset(
    inputs: Sequence[Input],
    folder: str | Path,
    fingerprint: str,
    *,
    extra: dict | None = None,
    index: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    lexicon_path: str | None = None,
    engine: str = "auto",
    workers: int = 1,
    scheduler: str | None = None,
    progress: build.Progress | None = None,
    stages: Stages | None = None,
) -> Path:
    """Builds `inputs` as the dataset `folder` (replacing any there atomically, see `store.create`), with
    `extra` in its manifest and, when `index`, its search index; returns `folder`."""
    stages = stages or Stages()
    engine = build.choose_engine(engine, workers, len(inputs))
    cut = build.batches(inputs)
    task = partial(stage_batch, max_bytes=max_bytes, lexicon_path=lexicon_path)

    def fill(staging: Path) -> dict[str, list[dict]]:
        with build.mapper(engine, workers, scheduler) as run:
            with stages.stage("map"):
                staged = list(_reporting(run(task, range(len(cut)), cut, [staging] * len(cut)), cut, progress))
            with stages.stage("merge"):
                shards, people, totals = plan(staged, 1 if engine == "serial" else workers)
            with stages.stage("write"):
                written = list(run(write_shard, shards, [staging] * len(shards), [len(shards)] * len(shards),
                                   [index] * len(shards)))
        with stages.stage("publish"):
            shutil.rmtree(staging / STAGED_DIR, ignore_errors=True)
            if index:
                search.write_stamp(staging / search.INDEX_DIR, fingerprint, *totals, len(shards))
            entries = {name: [part[name] for part in written] for name in build.BATCH_TABLES}
            entries["people"] = [store.write_part(people, "people", staging / store.part_file("people", 0, 1))]
            return {name: entries[name] for name in schema.TABLES}

    with stages.stage("publish"):  # the manifest and the switch to the new version, after `fill`
        return store.create(folder, fingerprint, fill, extra)


def stage_batch(number: int, inputs: Sequence[Input], staging: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                lexicon_path: str | None = None) -> Staged:
    """Builds batch `number` of the inputs and stages its tables in `staging`; returns what the parent needs."""
    tables = build.build_batch(inputs, max_bytes, lexicon_path)
    if not staging.is_dir():
        raise RuntimeError(f"this worker cannot see the build's folder {staging}: the workers of a Dask cluster must "
                           "share the dataset's folder (build with --out on a path every machine mounts)")
    folder = _staged(staging, number)
    folder.mkdir(parents=True, exist_ok=True)  # a task run again after its worker died writes over its batch
    for name, frame in tables.items():
        with pa.OSFile(str(folder / f"{name}.arrow"), "wb") as sink, \
                pa.ipc.new_file(sink, schema.arrow_schema(name)) as writer:
            writer.write_table(pa.Table.from_pandas(frame, schema=schema.arrow_schema(name), preserve_index=False))
    articles = tables["articles"]
    return Staged(articles[["article_id", "origin"]], stories.signatures(build.article_texts(articles, tables["paragraphs"])),
                  tables["quotes"][PEOPLE_COLUMNS])


def plan(staged: Sequence[Staged], workers: int) -> tuple[list[Shard], pd.DataFrame, tuple[int, int]]:
    """(the shards to write, the people table, the corpus's (articles, quotes) row counts) from the staged
    batches, in input order."""
    first = build.FirstCopies()
    copies = [first.admit(batch.articles) for batch in staged]
    kept = [~batch.articles["article_id"].isin(c.ids).to_numpy() for c, batch in zip(copies, staged)]
    people = [c.keep(batch.people) for c, batch in zip(copies, staged)]
    first_article = np.concatenate([[0], np.cumsum([k.sum() for k in kept])]).astype(np.int64)
    first_quote = np.concatenate([[0], np.cumsum([len(p) for p in people])]).astype(np.int64)
    ids = [aid for k, batch in zip(kept, staged) for aid, keep in zip(batch.articles["article_id"].tolist(), k) if keep]
    story = stories.group(ids, np.concatenate([batch.signatures[k] for k, batch in zip(kept, staged)]))
    quotes = pd.concat(people, ignore_index=True)
    person, side, table = resolve_people(quotes)
    person, side = pd.Categorical(person), pd.Categorical(side)
    shards = []
    for number, run in enumerate(np.array_split(np.arange(len(staged)), min(workers, len(staged), store.MAX_PARTS))):
        batches = run.tolist()
        rows = slice(first_quote[batches[0]], first_quote[batches[-1] + 1])
        shards.append(Shard(number, batches, [copies[b] for b in batches], first_article[batches].tolist(),
                            first_quote[batches].tolist(), person[rows], side[rows],
                            story[first_article[batches[0]]:first_article[batches[-1] + 1]]))
    return shards, table, (int(first_article[-1]), int(first_quote[-1]))


def write_shard(shard: Shard, staging: Path, n_shards: int, index: bool = True) -> dict[str, dict]:
    """Writes part `shard.number` of every batch table (and of the search index, when `index`) from the
    shard's staged batches; returns each table's manifest entry."""
    writers: dict[str, store.PartWriter] = {}
    try:
        for name in build.BATCH_TABLES:
            writers[name] = store.PartWriter(name, staging / store.part_file(name, shard.number, n_shards))
        shard_index = search.ShardWriter(search.shard_folder(staging / search.INDEX_DIR, shard.number)) if index else None
        first_articles, first_quotes = shard.first_article[0], shard.first_quote[0]
        for batch, copies, first_article, first_quote in zip(shard.batches, shard.copies, shard.first_article,
                                                             shard.first_quote):
            tables = copies.apply(_read_staged(staging, batch))
            quotes, articles = tables["quotes"], tables["articles"]
            rows = slice(first_quote - first_quotes, first_quote - first_quotes + len(quotes))
            # only the batch's names in each part's dictionary, not the corpus's
            tables["quotes"] = schema.conform("quotes", quotes.assign(
                person=shard.person[rows].remove_unused_categories(), side=shard.side[rows].remove_unused_categories()))
            rows = slice(first_article - first_articles, first_article - first_articles + len(articles))
            tables["articles"] = schema.conform("articles", articles.assign(story_id=shard.story[rows]))
            for name, writer in writers.items():
                writer.write(tables[name])
            if shard_index is not None:
                shard_index.add(tables, first_article, first_quote)
        if shard_index is not None:
            shard_index.close()
        return {name: writer.close() for name, writer in writers.items()}
    finally:
        for writer in writers.values():
            writer.discard()


def _read_staged(staging: Path, number: int) -> dict[str, pd.DataFrame]:
    folder = _staged(staging, number)
    tables = {}
    for name in build.BATCH_TABLES:
        with pa.OSFile(str(folder / f"{name}.arrow"), "rb") as source:
            tables[name] = schema.from_arrow(name, pa.ipc.open_file(source).read_all())
    return tables  # the batch stays until the dataset is published: a shard run again reads it again


def _staged(staging: Path, number: int) -> Path:
    return staging / STAGED_DIR / str(number)


def _reporting(results: Iterable[Staged], cut: list[list[Input]], progress: build.Progress | None) -> Iterator[Staged]:
    total, done = sum(map(len, cut)), 0
    for batch, result in zip(cut, results):
        done += len(batch)
        if progress:
            progress(done, total)
        yield result
