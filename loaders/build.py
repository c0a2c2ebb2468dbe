"""From inputs to tables: one pure batch function, mapped serially, over local processes or over Dask.

`build_batch` turns a list of inputs into every article-level table; `merge` joins the
batches in input order, turning articles already seen in an earlier batch into
`rejected` rows; `finish` adds the corpus-level `people` table. Each engine maps the
same batch function, so their results are identical row for row.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from loaders import schema
from loaders.inputs import DEFAULT_MAX_BYTES, Input, read_input
from loaders.stages import Stages

Tables = dict[str, pd.DataFrame]
Progress = Callable[[int, int], None]

BATCH_TABLES = ("articles", "paragraphs", "rejected", "quotes", "mentions", "events", "amounts")
ARTICLE_KEYED = ("articles", "paragraphs", "quotes", "mentions", "events", "amounts")
PARALLEL_MIN_INPUTS = 2000
ENGINES = ("auto", "serial", "processes", "dask")


def article_id(body: str) -> str:
    """Stable 16-hex id of an article body (already whitespace-normalised by the parser)."""
    return hashlib.blake2b(body.encode("utf-8"), digest_size=8).hexdigest()


def build_batch(inputs: Sequence[Input], max_bytes: int = DEFAULT_MAX_BYTES, lexicon_path: str | None = None) -> Tables:
    """Every article-level table for `inputs`; duplicates within the batch become rejected rows."""
    article_rows, paragraph_rows, rejected = [], [], []
    first_origin: dict[str, str] = {}
    for item in inputs:
        try:
            drafts, reasons = read_input(item, max_bytes)
        except Exception as err:  # a parser bug on one input must not take the whole load down with it
            drafts, reasons = [], [(item.origin, f"could not be read: {type(err).__name__} in the parser")]
        rejected.extend(reasons)
        for origin, draft in drafts:
            body = "\n\n".join(draft.paragraphs)
            aid = article_id(body)
            if aid in first_origin:
                rejected.append((origin, f"duplicate of {first_origin[aid]}"))
                continue
            first_origin[aid] = origin
            article_rows.append((aid, draft.date, draft.title, draft.source, draft.place, body,
                                 len(body.split()), draft.url, origin))
            paragraph_rows.extend((aid, no, text) for no, text in enumerate(draft.paragraphs))
    articles = pd.DataFrame(article_rows, columns=schema.columns("articles"))
    articles["date"] = pd.to_datetime(articles["date"])
    articles = schema.conform("articles", articles)
    paragraphs = schema.conform("paragraphs", pd.DataFrame(paragraph_rows, columns=schema.columns("paragraphs")))
    tables = {"articles": articles, "paragraphs": paragraphs,
              "rejected": schema.conform("rejected", pd.DataFrame(rejected, columns=schema.columns("rejected")))}
    try:
        return tables | analyse(articles, paragraphs, lexicon_path)
    except Exception as err:  # an extractor bug: find the articles that trigger it rather than lose the batch
        return _analyse_one_by_one(tables, lexicon_path, err)


def _analyse_one_by_one(tables: Tables, lexicon_path: str | None, error: Exception) -> Tables:
    """The batch analysed article by article; an article an extractor fails on becomes a rejected row.

    Re-raises `error` when every article of a batch of several fails: that is a broken extractor, not bad input.
    A batch of one article that fails is that article's rejection (a folder of one file, an upload).
    """
    articles, paragraphs = tables["articles"], tables["paragraphs"]
    kept, failed, parts = [], [], []
    for aid, origin in zip(articles["article_id"].tolist(), articles["origin"].tolist()):
        one = articles["article_id"] == aid
        try:
            parts.append(analyse(articles[one], paragraphs[paragraphs["article_id"] == aid], lexicon_path))
            kept.append(aid)
        except Exception as err:
            failed.append((origin, f"could not be analysed: {type(err).__name__} in an extractor"))
    if len(failed) > 1 and not kept:
        raise error
    keep = articles["article_id"].isin(kept)
    out = {
        "articles": articles[keep].reset_index(drop=True),
        "paragraphs": paragraphs[paragraphs["article_id"].isin(kept)].reset_index(drop=True),
        "rejected": concat("rejected", [tables["rejected"], schema.conform(
            "rejected", pd.DataFrame(failed, columns=schema.columns("rejected")))]),
    }
    return out | {name: concat(name, [p[name] for p in parts]) for name in ("quotes", "mentions", "events", "amounts")}


def analyse(articles: pd.DataFrame, paragraphs: pd.DataFrame, lexicon_path: str | None = None) -> Tables:
    """The text-analytics tables (quotes, mentions, events, amounts) of parsed articles."""
    from loaders.amounts import amounts_table
    from loaders.events import events_table
    from loaders.quotes import quotes_table
    from loaders.themes import load_lexicon, mentions_table

    lexicon = load_lexicon(lexicon_path)
    quotes = quotes_table(articles, paragraphs)
    return {
        "quotes": schema.conform("quotes", quotes.assign(themes=lexicon.chains_in(quotes["text"].tolist()))),
        "mentions": mentions_table(paragraphs, lexicon),
        "events": events_table(articles, paragraphs),
        "amounts": amounts_table(paragraphs),
    }


def merge(batches: Iterable[Tables]) -> Tables:
    """The batches joined in order; an article seen in an earlier batch becomes a rejected row."""
    return join(collect(batches))


def join(parts: dict[str, list[pd.DataFrame]]) -> Tables:
    """Each table's batch frames stacked, emptying `parts` as it goes so only one table is ever held twice."""
    return {name: concat(name, parts.pop(name)) for name in list(parts)}


def collect(batches: Iterable[Tables]) -> dict[str, list[pd.DataFrame]]:
    """Each table's batch frames in order, with articles seen in an earlier batch turned into rejected rows."""
    first_origin: dict[str, str] = {}
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in BATCH_TABLES}
    for batch in batches:
        articles = batch["articles"]
        ids = articles["article_id"].tolist()
        # one set lookup per article of the batch: matching the batch against every id seen so far (isin) cost
        # a pass over all of them per batch, 30 s of the parent's time at 100,000 articles
        seen = np.fromiter((aid in first_origin for aid in ids), dtype=bool, count=len(ids))
        if seen.any():
            dupes = articles.loc[seen]
            parts["rejected"].append(schema.conform("rejected", pd.DataFrame({
                "origin": dupes["origin"].to_numpy(),
                "reason": [f"duplicate of {first_origin[aid]}" for aid in dupes["article_id"]],
            })))
            dupe_ids = set(dupes["article_id"])
            batch = {name: (table[~table["article_id"].isin(dupe_ids)] if name in ARTICLE_KEYED else table)
                     for name, table in batch.items()}
            # a copy the batch rejected itself names the batch's first copy, now rejected too: name the original
            # (by origin, so only for an origin one article of the batch has: two uploads may share a file name)
            single = articles["origin"].value_counts()
            renamed = {f"duplicate of {origin}": f"duplicate of {first_origin[aid]}"
                       for aid, origin in zip(dupes["article_id"], dupes["origin"]) if single[origin] == 1}
            reasons = batch["rejected"]["reason"]
            batch["rejected"] = batch["rejected"].assign(reason=reasons.map(lambda r: renamed.get(r, r)).astype(reasons.dtype))
            ids = [aid for aid, dupe in zip(ids, seen) if not dupe]
        first_origin.update(zip(ids, batch["articles"]["origin"].tolist()))
        for name in BATCH_TABLES:
            parts[name].append(batch[name])
    return parts


def concat(name: str, frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Frames of table `name` stacked, categoricals unioned rather than decayed to strings."""
    frames = [f for f in frames if len(f)] or [schema.empty(name)]
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    columns = {}
    for col, dtype in schema.dtypes(name).items():
        pieces = [f[col] for f in frames]
        if dtype == schema.LABEL:
            columns[col] = pd.Series(union_categoricals(pieces))
        else:
            columns[col] = pd.concat(pieces, ignore_index=True)
    return pd.DataFrame(columns)


def finish(tables: Tables) -> Tables:
    """The merged tables plus the corpus-level `people` table, with `quotes.person` one name per person."""
    from loaders.people import with_people

    quotes, people = with_people(tables["quotes"])
    return {**tables, "quotes": quotes, "people": people}


def build_tables(
    inputs: Sequence[Input],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    lexicon_path: str | None = None,
    engine: str = "auto",
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
    stages: Stages | None = None,
) -> Tables:
    """Every table of a corpus built from `inputs` with the chosen engine (its time charged to `stages`' map
    and merge).

    `auto` uses local processes for large inputs and stays serial for small ones,
    where starting workers would cost more than it saves.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    stages = stages or Stages()
    workers = workers or os.cpu_count() or 1
    if engine == "auto":
        engine = "processes" if workers > 1 and len(inputs) >= PARALLEL_MIN_INPUTS else "serial"
    batches = _batches(inputs, 1 if engine == "serial" else workers)
    task = partial(build_batch, max_bytes=max_bytes, lexicon_path=lexicon_path)
    with stages.stage("map"):
        if engine == "serial":
            parts = collect(_reporting(map(task, batches), batches, progress))
        elif engine == "processes":
            parts = _with_pool(task, batches, workers, progress)
        else:
            parts = collect(_reporting(_dask_map(task, batches, workers, scheduler), batches, progress))
    with stages.stage("merge"):
        return finish(join(parts))


def _batches(inputs: Sequence[Input], workers: int) -> list[list[Input]]:
    size = max(32, min(1000, len(inputs) // (workers * 8) + 1))
    return [list(inputs[i:i + size]) for i in range(0, len(inputs), size)] or [[]]


def _reporting(results: Iterable[Tables], batches: list[list[Input]], progress: Progress | None) -> Iterable[Tables]:
    total, done = sum(map(len, batches)), 0
    for batch, result in zip(batches, results):
        done += len(batch)
        if progress:
            progress(done, total)
        yield result


def _with_pool(task, batches, workers, progress) -> dict[str, list[pd.DataFrame]]:
    """`collect` of the batches built by a pool of `workers` processes, returned after the workers have exited:
    their memory is back before the caller stacks the tables."""
    # fork is fast and needs no importable __main__, but is unsafe beside other threads (a server).
    context = multiprocessing.get_context("fork" if threading.active_count() == 1 else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return collect(_reporting(pool.map(task, batches), batches, progress))


def _dask_map(task, batches, workers, scheduler) -> Iterable[Tables]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise RuntimeError("the dask engine needs the 'dask' extra: pip install -e '.[dask]'") from err
    if scheduler:
        client, cluster = Client(scheduler), None
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(task, batches, pure=False)
        for future in futures:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def code_version() -> str:
    """Hash of the loader's own source files, so a changed rule invalidates cached tables."""
    digest = hashlib.blake2b(digest_size=8)
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")) + sorted(root.rglob("*.toml")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
