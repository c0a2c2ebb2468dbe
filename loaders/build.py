"""From inputs to tables: one pure batch function, and the engines that map it (serially, over local
processes or over Dask).

`build_batch` turns a list of inputs into every article-level table; `FirstCopies` decides, batch after
batch in input order, which articles copy one seen in an earlier batch (they become `rejected` rows);
`merge` joins batches held in memory and `finish` adds the corpus-level `people` table. A build from
files goes through `loaders.parts`, whose workers write their own parts of the dataset; each engine maps
the same functions, so their results are identical row for row.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.types import union_categoricals

from loaders import schema
from loaders.inputs import DEFAULT_MAX_BYTES, Input, read_input

Tables = dict[str, pd.DataFrame]
Progress = Callable[[int, int], None]

ANALYSED = ("quotes", "mentions", "events", "amounts", "entities")  # the tables `analyse` extracts
BATCH_TABLES = ("articles", "paragraphs", "rejected", *ANALYSED)
ARTICLE_KEYED = ("articles", "paragraphs", *ANALYSED)
PARALLEL_MIN_INPUTS = 2000
BATCHES = 64
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
            article_rows.append((aid, draft.date, draft.title, draft.source, draft.place,
                                 len(body.split()), draft.url, origin, aid))  # its own story until `finish`
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
    return out | {name: concat(name, [p[name] for p in parts]) for name in ANALYSED}


def analyse(articles: pd.DataFrame, paragraphs: pd.DataFrame, lexicon_path: str | None = None) -> Tables:
    """The text-analytics tables (ANALYSED: quotes, mentions, events, amounts, entities) of parsed articles."""
    from loaders.amounts import amounts_table
    from loaders.entities import entities_table
    from loaders.events import events_table
    from loaders.quotes import quotes_table
    from loaders.sentences import sentence_spans
    from loaders.terms import quote_themes_and_terms
    from loaders.themes import load_lexicon, mentions_table

    lexicon = load_lexicon(lexicon_path)
    quotes = quotes_table(articles, paragraphs)
    themes, terms = quote_themes_and_terms(quotes["text"].tolist(), lexicon)
    try:
        return {
            "quotes": schema.conform("quotes", quotes.assign(themes=themes, terms=terms)),
            "mentions": mentions_table(paragraphs, lexicon),
            "events": events_table(articles, paragraphs),
            "amounts": amounts_table(paragraphs),
            "entities": entities_table(paragraphs),
        }
    finally:
        sentence_spans.cache_clear()  # the stages shared the batch's sentences; a worker keeps none after it


def merge(batches: Iterable[Tables]) -> Tables:
    """The batches joined in order; an article seen in an earlier batch becomes a rejected row."""
    first = FirstCopies()
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in BATCH_TABLES}
    for batch in batches:
        batch = first.admit(batch["articles"]).apply(batch)
        for name in BATCH_TABLES:
            parts[name].append(batch[name])
    return {name: concat(name, parts.pop(name)) for name in BATCH_TABLES}


@dataclass(frozen=True)
class Copies:
    """The articles of a batch that copy an article of an earlier batch: their ids, their rejected rows, and
    the batch's own rejections that named one of them renamed to name the original."""

    ids: frozenset[str] = frozenset()
    rejected: pd.DataFrame | None = None
    renamed: dict[str, str] = field(default_factory=dict)

    def keep(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The rows of `frame` (a table keyed by article_id) that are not the copies'."""
        return frame[~frame["article_id"].isin(self.ids)] if self.ids else frame

    def apply(self, batch: Tables) -> Tables:
        """`batch` without the copies' rows, their rejections before the batch's own."""
        if not self.ids:
            return batch
        out = {name: self.keep(table) if name in ARTICLE_KEYED else table for name, table in batch.items()}
        reasons = batch["rejected"]["reason"]
        own = batch["rejected"].assign(reason=reasons.map(lambda r: self.renamed.get(r, r)).astype(reasons.dtype))
        return out | {"rejected": concat("rejected", [self.rejected, own])}


class FirstCopies:
    """The origin of every article admitted so far, batch after batch: which articles of the next batch are
    copies of an earlier one."""

    def __init__(self) -> None:
        self._origin: dict[str, str] = {}

    def admit(self, articles: pd.DataFrame) -> Copies:
        """The copies among a batch's `articles` (article_id and origin suffice); the others are admitted."""
        ids, origins = articles["article_id"].tolist(), articles["origin"].tolist()
        # one set lookup per article of the batch: matching the batch against every id seen so far (isin) cost
        # a pass over all of them per batch, 30 s of the parent's time at 100,000 articles
        seen = [aid in self._origin for aid in ids]
        copies = Copies()
        if any(seen):
            dupes = [(aid, origin) for aid, origin, dupe in zip(ids, origins, seen) if dupe]
            rejected = schema.conform("rejected", pd.DataFrame(
                {"origin": [o for _, o in dupes], "reason": [f"duplicate of {self._origin[a]}" for a, _ in dupes]}))
            # a copy the batch rejected itself names the batch's first copy, now rejected too: name the original
            # (by origin, so only for an origin one article of the batch has: two uploads may share a file name)
            single = pd.Series(origins).value_counts()
            renamed = {f"duplicate of {o}": f"duplicate of {self._origin[a]}" for a, o in dupes if single[o] == 1}
            copies = Copies(frozenset(a for a, _ in dupes), rejected, renamed)
        self._origin.update((aid, origin) for aid, origin, dupe in zip(ids, origins, seen) if not dupe)
        return copies


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


def finish(tables: Tables, grouped: int = 0) -> Tables:
    """The merged tables plus the corpus-level `people` table, with `quotes.person` one name per person and
    `articles.story_id` grouping the copies of one story.

    The first `grouped` articles keep the stories they have (a built corpus that uploads are added to); the
    others are grouped among themselves. Grouping them with the built corpus would need every one of its
    signatures again, seconds at 100,000 articles on each upload, so an upload that copies a story of the
    corpus is a story of its own.
    """
    from loaders import stories
    from loaders.people import with_people

    quotes, people = with_people(tables["quotes"])
    articles = tables["articles"]
    new = articles.iloc[grouped:]
    story = stories.group(new["article_id"].tolist(), stories.signatures(article_texts(new, tables["paragraphs"])))
    story = np.concatenate([articles["story_id"].iloc[:grouped].to_numpy(dtype=object), story])
    articles = schema.conform("articles", articles.assign(story_id=story))
    return {**tables, "articles": articles, "quotes": quotes, "people": people}


def article_texts(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> list[str]:
    """The body of each of `articles` (in their order): its paragraphs joined by a blank line, as the parser
    read it; "" for an article without paragraphs."""
    owner = schema.recode(paragraphs["article_id"], articles["article_id"])
    mine = np.flatnonzero(owner >= 0)
    order = mine[np.lexsort((paragraphs["para_no"].to_numpy()[mine], owner[mine]))]
    offsets = np.concatenate([[0], np.cumsum(np.bincount(owner[mine], minlength=len(articles)))])
    texts = schema.arrow_text(paragraphs["text"].iloc[order])
    joined = pc.binary_join(pa.LargeListArray.from_arrays(pa.array(offsets, pa.int64()), texts),
                            pa.scalar("\n\n", pa.large_string()))
    return joined.to_pylist()


def batches(inputs: Sequence[Input]) -> list[list[Input]]:
    """`inputs` cut into batches of 32 to 1,000, about BATCHES of them: enough that a slow batch does not hold up
    a dozen workers; the same cut for every engine and number of workers, so every build gives the same rows."""
    size = max(32, min(1000, len(inputs) // BATCHES + 1))
    return [list(inputs[i:i + size]) for i in range(0, len(inputs), size)] or [[]]


def choose_engine(engine: str, workers: int, n_inputs: int) -> str:
    """The engine `engine` names; for `auto`, local processes for large inputs and serial for small ones,
    where starting workers would cost more than it saves. Raises ValueError for an unknown engine."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "auto":
        return "processes" if workers > 1 and n_inputs >= PARALLEL_MIN_INPUTS else "serial"
    return engine


Mapper = Callable[..., Iterator]


@contextmanager
def mapper(engine: str, workers: int, scheduler: str | None = None) -> Iterator[Mapper]:
    """A `map(function, *iterables)` running on `engine` (serial, processes or dask; see `choose_engine`),
    yielding results in order; its workers live until the block ends.

    Dask runs on the cluster at `scheduler` (tcp://host:8786), else on a local cluster of `workers` processes.
    """
    if engine == "serial":
        yield map
    elif engine == "processes":
        # fork is fast and needs no importable __main__, but is unsafe beside other threads (a server).
        context = multiprocessing.get_context("fork" if threading.active_count() == 1 else "spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            yield pool.map
    else:
        with _dask_client(workers, scheduler) as client:
            yield lambda function, *iterables: (f.result() for f in client.map(function, *iterables, pure=False))


@contextmanager
def _dask_client(workers: int, scheduler: str | None):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise RuntimeError("the dask engine needs the 'dask' extra: pip install -e '.[dask]'") from err
    if scheduler:
        with Client(scheduler) as client:
            yield client
    else:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield client


def code_version() -> str:
    """Hash of the loader's own source files, so a changed rule invalidates cached tables."""
    digest = hashlib.blake2b(digest_size=8)
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")) + sorted(root.rglob("*.toml")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
