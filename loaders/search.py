"""Full-text search of a corpus with tantivy: the articles and the quotes a `loaders.query.Query` matches.

One index holds a document per article (`title`, and `text` with one value per paragraph, so a phrase
never runs from one paragraph into the next) and one per quote (`quote`: its words; `who`: speaker,
person and role, so the Quotes page finds a speaker under every spelling `people` merged). Article and
quote documents share no text field, so a search over article fields never returns a quote. Each
document carries its row in the corpus table as a fast field (ARTICLE_ROW / QUOTE_ROW); hits are ordered
by it, so a search returns row positions without reading anything back.

The index is written with the dataset, in INDEX_DIR of the version folder, as one or more shards: each
build worker indexes the batches it writes (`ShardWriter`, in `loaders.parts`), and `Corpus.save` writes
one. Shard k holds the rows after those of shard k-1, so a search concatenates the shards' hits in shard
order. INDEX_DIR is stamped (STAMP: format, fingerprint, row counts, shards) to the tables it was built from. `for_corpus` opens it;
when it is missing (a dataset saved before search existed) it is built once into that folder, and a
corpus without a folder (uploads combined in a session) or with an unwritable one is indexed in memory.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import tantivy

from loaders import schema, store
from loaders.query import ANALYZER, TOKENIZER, Clause, Query

if TYPE_CHECKING:
    from loaders.corpus import Corpus

log = logging.getLogger(__name__)

INDEX_DIR = "search"
STAMP = "corpus.json"
FORMAT = "eu-kz-search/2"
STAMP_MAX_BYTES = 4096
# The most shards a stamp may name: one per build worker, as many as a table's parts.
MAX_SHARDS = store.MAX_PARTS
# The index writer's memory budget and threads: twice the budget or a second thread saved no time at
# 100,000 articles (15-18 s either way on 2 cores), and the build holds the tables already.
WRITER_HEAP = 64 * 2**20
WRITER_THREADS = 1
# Rows turned into Python strings at a time while indexing.
CHUNK_ROWS = 2000
ARTICLE_FIELDS = ("title", "text")
QUOTE_FIELDS = ("quote", "who")
ARTICLE_ROW, QUOTE_ROW = "article_row", "quote_row"
# Escaped in a prefix's regex: a word is letters and digits, but ASCII folding turns a few into punctuation (⑴ -> "(1)").
_REGEX_SPECIAL = re.compile(r"([\\.+*?()|\[\]{}^$#&\-~])")


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in (*ARTICLE_FIELDS, *QUOTE_FIELDS):
        builder.add_text_field(name, tokenizer_name=TOKENIZER)  # positions indexed: phrases need them
    builder.add_unsigned_field(ARTICLE_ROW, fast=True)
    builder.add_unsigned_field(QUOTE_ROW, fast=True)
    return builder.build()


SCHEMA = _schema()


class SearchIndex:
    """The open shards of an index and the row counts of the articles and quotes tables it was built from."""

    def __init__(self, shards: Sequence[tantivy.Index], n_articles: int, n_quotes: int):
        for index in shards:
            index.register_tokenizer(TOKENIZER, ANALYZER)
            index.config_reader("manual")  # no watcher thread: an index never changes once written
        self._shards = list(shards)
        self.n_articles = n_articles
        self.n_quotes = n_quotes

    def articles(self, query: Query) -> np.ndarray:
        """Ascending int64 row positions in the corpus's `articles` of the articles `query` matches in title or
        text; every row when the query is empty (it restricts nothing)."""
        return self._rows(query, ARTICLE_FIELDS, ARTICLE_ROW, self.n_articles)

    def quotes(self, query: Query) -> np.ndarray:
        """Ascending int64 row positions in the corpus's `quotes` of the quotes `query` matches in their words,
        speaker, person or role; every row when the query is empty."""
        return self._rows(query, QUOTE_FIELDS, QUOTE_ROW, self.n_quotes)

    def _rows(self, query: Query, fields: Sequence[str], kind: str, total: int) -> np.ndarray:
        if query.empty:
            return np.arange(total, dtype=np.int64)
        if total == 0:
            return np.empty(0, dtype=np.int64)
        compiled = _compile(query, fields, kind)
        rows = []
        for index in self._shards:
            hits = index.searcher().search(compiled, limit=total, count=False, order_by_field=kind,
                                           order=tantivy.Order.Asc).hits
            rows.append(np.fromiter((row for row, _ in hits), dtype=np.int64, count=len(hits)))
        return rows[0] if len(rows) == 1 else np.concatenate(rows)


def _compile(query: Query, fields: Sequence[str], kind: str) -> tantivy.Query:
    """`query` as tantivy query objects over `fields`: each group must match, no excluded clause may."""
    parts = [(tantivy.Occur.Must, _any(group, fields)) for group in query.groups]
    if not parts:  # only exclusions: start from every document of this kind
        parts = [(tantivy.Occur.Must, tantivy.Query.exists_query(kind))]
    parts += [(tantivy.Occur.MustNot, _any((clause,), fields)) for clause in query.excluded]
    return tantivy.Query.boolean_query(parts)


def _any(clauses: Sequence[Clause], fields: Sequence[str]) -> tantivy.Query:
    """A query matching any of `clauses` in any of `fields`."""
    options = [_clause(clause, field) for clause in clauses for field in fields]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, option) for option in options])


def _clause(clause: Clause, field: str) -> tantivy.Query:
    """One clause in one field: a term, a phrase, or a prefix (a regex over the term dictionary, which
    unlike tantivy's phrase-prefix query has no cap on how many words it expands to)."""
    if clause.prefix:
        return tantivy.Query.regex_query(SCHEMA, field, _REGEX_SPECIAL.sub(r"\\\1", clause.words[0]) + ".*")
    if len(clause.words) == 1:
        return tantivy.Query.term_query(SCHEMA, field, clause.words[0])
    return tantivy.Query.phrase_query(SCHEMA, field, list(clause.words))


class ShardWriter:
    """One shard of an index, written to the new or empty `folder` (None: held in memory) batch by batch:
    `add` the corpus's tables a batch at a time, in row order, then `close`."""

    def __init__(self, folder: str | os.PathLike | None):
        if folder is not None:
            Path(folder).mkdir(parents=True, exist_ok=True)
        self.index = tantivy.Index(SCHEMA, path=None if folder is None else str(folder), reuse=False)
        self.index.register_tokenizer(TOKENIZER, ANALYZER)
        self._writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=WRITER_THREADS)

    def add(self, tables: Mapping[str, pd.DataFrame], first_article: int, first_quote: int) -> None:
        """Indexes the articles (with their paragraphs) and quotes of `tables`, whose first rows are rows
        `first_article` and `first_quote` of the corpus's tables."""
        for doc in _article_docs(tables["articles"], tables["paragraphs"], first_article):
            self._writer.add_document(doc)
        for doc in _quote_docs(tables["quotes"], first_quote):
            self._writer.add_document(doc)

    def close(self) -> tantivy.Index:
        """Commits the shard; returns it."""
        self._writer.commit()
        self._writer.wait_merging_threads()
        return self.index


def build(tables: Mapping[str, pd.DataFrame], folder: str | os.PathLike | None = None,
          fingerprint: str = "") -> SearchIndex:
    """The one-shard index of a corpus's `tables` (articles, paragraphs, quotes), written to the empty or new
    `folder` with its stamp, or held in memory when `folder` is None."""
    shard = ShardWriter(None if folder is None else Path(folder) / "0")
    shard.add(tables, 0, 0)
    index = shard.close()
    n_articles, n_quotes = len(tables["articles"]), len(tables["quotes"])
    if folder is not None:
        write_stamp(folder, fingerprint, n_articles, n_quotes, 1)
    return SearchIndex([index], n_articles, n_quotes)


def shard_folder(folder: str | os.PathLike, shard: int) -> Path:
    """Where shard number `shard` of the index in `folder` is written."""
    return Path(folder) / str(shard)


def write_stamp(folder: str | os.PathLike, fingerprint: str, n_articles: int, n_quotes: int, shards: int) -> None:
    """Stamps the index in `folder` (its `shards` shards written) as built from tables of these row counts."""
    stamp = {"format": FORMAT, "fingerprint": fingerprint, "articles": n_articles, "quotes": n_quotes,
             "shards": shards}
    (Path(folder) / STAMP).write_text(json.dumps(stamp))


def _text_chunks(frame: pd.DataFrame, columns: Sequence[str]) -> Iterator[tuple[int, list[list[str]]]]:
    """(first row, one list of str per column) for each CHUNK_ROWS rows of `frame`, missing values as "".

    Only one chunk is ever held as Python strings: all of a 100,000-article corpus's text at once would
    add hundreds of MB to the build's peak.
    """
    for start in range(0, len(frame), CHUNK_ROWS):
        part = frame.iloc[start:start + CHUNK_ROWS]
        yield start, [part[col].astype("string").fillna("").tolist() for col in columns]


def _article_docs(articles: pd.DataFrame, paragraphs: pd.DataFrame, first: int) -> Iterator[tantivy.Document]:
    """A document per article (title, and one `text` value per paragraph), CHUNK_ROWS articles at a time."""
    owner = schema.recode(paragraphs["article_id"], articles["article_id"])
    order = np.lexsort((paragraphs["para_no"].to_numpy(), owner))
    owner_sorted = owner[order]
    for start, (titles,) in _text_chunks(articles, ("title",)):
        lo, hi = np.searchsorted(owner_sorted, [start, start + len(titles)])
        rows = order[lo:hi]
        if len(rows) and rows[-1] - rows[0] == len(rows) - 1 and (np.diff(rows) == 1).all():
            rows = slice(rows[0], rows[-1] + 1)  # stored order: a slice, where a take would copy the whole column
        texts = paragraphs["text"].iloc[rows].astype("string").fillna("").tolist()
        bounds = np.searchsorted(owner_sorted[lo:hi], np.arange(start, start + len(titles) + 1))
        for k, (row, title) in enumerate(zip(range(first + start, first + start + len(titles)), titles)):
            doc = tantivy.Document()
            doc.add_unsigned(ARTICLE_ROW, row)
            doc.add_text("title", title)
            for paragraph in texts[bounds[k]:bounds[k + 1]]:
                doc.add_text("text", paragraph)
            yield doc


def _quote_docs(quotes: pd.DataFrame, first: int) -> Iterator[tantivy.Document]:
    for start, (texts, *who) in _text_chunks(quotes, ("text", "speaker", "person", "speaker_role")):
        for row, text, *names in zip(range(first + start, first + start + len(texts)), texts, *who):
            doc = tantivy.Document()
            doc.add_unsigned(QUOTE_ROW, row)
            doc.add_text("quote", text)
            for name in dict.fromkeys(n for n in names if n):
                doc.add_text("who", name)
            yield doc


def write(corpus: Corpus, folder: str | os.PathLike) -> None:
    """Writes the index of `corpus` to `folder` (new or empty), stamped with the corpus's fingerprint."""
    build(corpus.tables(), folder, corpus.fingerprint)


def open_stored(folder: str | os.PathLike, corpus: Corpus) -> SearchIndex | None:
    """The index stored in `folder` if its stamp says it was built from `corpus`'s tables, else None."""
    folder = Path(folder)
    expected = {"format": FORMAT, "fingerprint": corpus.fingerprint, "articles": len(corpus.articles),
                "quotes": len(corpus.quotes)}
    try:
        with open(folder / STAMP, "rb") as handle:
            stamp = json.loads(handle.read(STAMP_MAX_BYTES + 1))
        shards = stamp.pop("shards", None) if isinstance(stamp, dict) else None
        if stamp != expected or type(shards) is not int or not 1 <= shards <= MAX_SHARDS:
            return None
        indexes = [tantivy.Index.open(str(shard_folder(folder, k))) for k in range(shards)]
        return SearchIndex(indexes, expected["articles"], expected["quotes"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, RecursionError) as err:  # unreadable stamp or index: build another
        log.warning("search index %s unusable: %s", folder, err)
        return None


def for_corpus(corpus: Corpus) -> SearchIndex:
    """The search index of `corpus`: the one stored with it, else one built now (into its folder when it
    has one and the folder takes it, else in memory)."""
    if corpus.folder:
        home = Path(corpus.folder)
        found = open_stored(home / INDEX_DIR, corpus)
        if found is not None:
            return found
        try:
            return _build_into(home, corpus)
        except (OSError, ValueError) as err:
            log.warning("cannot store a search index in %s (%s); indexing in memory", home, err)
    return build(corpus.tables())


def _build_into(home: Path, corpus: Corpus) -> SearchIndex:
    """Builds the index in a staging folder inside `home` and renames it to INDEX_DIR, so no reader sees a
    half-written index; when another process stored its index first, that one is used."""
    store.remove_stale_staging(home)
    staging = Path(tempfile.mkdtemp(prefix=f".{INDEX_DIR}.tmp-{os.getpid()}-", dir=home))
    try:
        write(corpus, staging)
        with contextlib.suppress(OSError):  # the target exists: another process renamed its index first
            os.rename(staging, home / INDEX_DIR)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # nothing left after a successful rename
    found = open_stored(home / INDEX_DIR, corpus)
    if found is None:
        raise OSError(f"{home / INDEX_DIR} holds no index of these tables")
    return found
