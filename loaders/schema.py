"""The table contract: every table of a `Corpus`, its columns, their dtypes and meaning.

Each table is described once here. `empty(name)` gives a zero-row frame with the
right dtypes and `conform(name, frame)` casts a built frame to the contract, so
every producer (parser, extractors, cache, Dask build) hands out the same shape.

Conventions:
- Unknown text values are the empty string, never NaN (`source`, `speaker`, ...).
- `para_no` is 0-based; `start`/`end` are character offsets into that paragraph's
  text (end exclusive), so every extracted row points at its evidence. A quote in the
  article's title has `para_no` HEADLINE (-1) and offsets into `articles.title`.
- An article's text is held once, as its rows of `paragraphs` (para_no order); joined by a blank line
  ("\\n\\n") it is the body the parser read (`build.article_texts`). The articles table has no copy of it:
  at 100,000 articles that copy was 195 MiB of every served corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

TEXT = "string[pyarrow]"
LABEL = "category"
# article_id in the tables keyed by article: one string per article plus a small integer code per row,
# rather than a 16-character string on each of millions of rows.
ARTICLE_KEY = "category"
# para_no of a quote found in the title line rather than in a paragraph.
HEADLINE = -1
DATE = "datetime64[ns]"

TABLES: dict[str, dict[str, tuple[str, str]]] = {
    "articles": {
        "article_id": (TEXT, "stable 16-hex hash of the normalised body; equal bodies, equal ids"),
        "date": (DATE, "publication date"),
        "title": (TEXT, "title line, or the first sentence shortened at a word boundary"),
        "source": (LABEL, "outlet named by the dateline or the record (e.g. Kazinform); else empty"),
        "place": (LABEL, "dateline city in title case (e.g. Astana); else empty"),
        "n_words": ("int32", "number of words in the body (its paragraphs)"),
        "url": (TEXT, "link given by a JSON/CSV record; else empty"),
        "origin": (TEXT, "file path; for a JSON/CSV record, path plus ':row'"),
        "story_id": (TEXT, "article_id of the first article (in corpus order) of the story this article is a copy "
                           "of, the same story republished and lightly edited (loaders/stories.py); its own id "
                           "when it has no copy"),
    },
    "paragraphs": {
        "article_id": (ARTICLE_KEY, "article the paragraph belongs to"),
        "para_no": ("int32", "0-based position in the article"),
        "text": (TEXT, "paragraph text"),
    },
    "rejected": {
        "origin": (TEXT, "file path, or path plus ':row' for a record"),
        "reason": (TEXT, "why it did not become an article"),
    },
    "quotes": {
        "quote_id": (TEXT, "stable id: article_id, paragraph and offset hashed"),
        "article_id": (ARTICLE_KEY, "article quoted from"),
        "date": (DATE, "publication date of the article"),
        "para_no": ("int32", "paragraph where the quote starts; -1 (HEADLINE) for the title"),
        "start": ("int32", "offset of the quote text in that paragraph"),
        "end": ("int32", "end offset (in the last paragraph, for a quote over several)"),
        "text": (TEXT, "quoted or reported words, without quote marks"),
        "speaker": (LABEL, "full name as first introduced; empty when unattributed"),
        "person": (LABEL, "the speaker's name as in people.name when the speaker is a person; empty for "
                          "organisations and unnamed sources"),
        "speaker_role": (LABEL, "role from apposition or title; else empty"),
        "side": (LABEL, "EU, Kazakhstan or other; empty when unattributed"),
        "kind": (LABEL, "direct or reported"),
        "cue": (LABEL, "speech verb or phrase: said, noted, added, according to, informed..."),
        "attribution": (LABEL, "explicit, pronoun, according_to or unattributed"),
        "rule": (LABEL, "name of the quote rule that found the quote and its speaker (loaders/quotes)"),
        "themes": (LABEL, "value chains the quote itself mentions, comma-separated, lexicon order"),
        "terms": (TEXT, "the quote's distinct words, lower-case and without stopwords, and the canonical lexicon "
                        "terms it mentions in place of the words they match, sorted, '|'-joined "
                        "(loaders/terms.py): what the Framing page compares"),
    },
    "people": {
        "name": (TEXT, "speaker's full name"),
        "role": (TEXT, "most specific role seen"),
        "side": (LABEL, "EU, Kazakhstan or other"),
        "n_quotes": ("int32", "quotes (direct and reported) attributed"),
        "n_articles": ("int32", "articles quoting them"),
        "first_seen": (DATE, "earliest article date quoting them"),
        "last_seen": (DATE, "latest article date quoting them"),
    },
    "mentions": {
        "article_id": (ARTICLE_KEY, "article"),
        "para_no": ("int32", "paragraph"),
        "theme": (LABEL, "theme name from the lexicon"),
        "term": (LABEL, "canonical lexicon term that matched"),
        "start": ("int32", "offset of the match in the paragraph"),
        "end": ("int32", "end offset of the match"),
    },
    "events": {
        "article_id": (ARTICLE_KEY, "article"),
        "para_no": ("int32", "paragraph"),
        "date": (DATE, "first day the expression denotes"),
        "date_end": (DATE, "last day it denotes (same as date for a day)"),
        "precision": (LABEL, "day, month, year or range"),
        "expression": (TEXT, "as written"),
        "sentence": (TEXT, "sentence containing it"),
        "start": ("int32", "offset of the expression in the paragraph"),
        "end": ("int32", "end offset"),
    },
    "amounts": {
        "article_id": (ARTICLE_KEY, "article"),
        "para_no": ("int32", "paragraph"),
        "kind": (LABEL, "money or percent"),
        "value": ("float64", "value in units (3 million -> 3000000.0); percent as written (30%% -> 30.0)"),
        "currency": (LABEL, "ISO 4217 code for money; empty for percent"),
        "expression": (TEXT, "as written"),
        "sentence": (TEXT, "sentence containing it"),
        "start": ("int32", "offset of the expression in the paragraph"),
        "end": ("int32", "end offset"),
    },
    "entities": {
        "article_id": (ARTICLE_KEY, "article"),
        "para_no": ("int32", "paragraph"),
        "start": ("int32", "offset of the name in the paragraph"),
        "end": ("int32", "end offset"),
        "surface": (LABEL, "the name as written (without a leading 'the' or a possessive 's)"),
        "name": (LABEL, "canonical name: the registry's (loaders/entities/registry.toml) or the gazetteer's, "
                        "else as written; an acronym the article defines takes the name it stands for"),
        "kind": (LABEL, "organisation, project or place"),
        "side": (LABEL, "EU, Kazakhstan or other when the registry gives one; else empty"),
        "chains": (LABEL, "value chains the registry links it to, comma-separated; else empty"),
        "lat": ("float32", "latitude of a city or region (a region's administrative centre); NaN otherwise"),
        "lon": ("float32", "longitude, as lat"),
    },
}


def columns(name: str) -> list[str]:
    """Column names of table `name`, in contract order."""
    return list(TABLES[name])


def dtypes(name: str) -> dict[str, str]:
    """Column -> dtype of table `name`."""
    return {col: dtype for col, (dtype, _) in TABLES[name].items()}


def empty(name: str) -> pd.DataFrame:
    """A zero-row frame of table `name` with the contract's dtypes."""
    return pd.DataFrame({col: pd.Series(dtype=dtype) for col, dtype in dtypes(name).items()})


def conform(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` restricted to the contract's columns, in order, cast to its dtypes.

    Raises KeyError naming any missing column: a producer bug, not bad input.
    """
    missing = [col for col in TABLES[name] if col not in frame.columns]
    if missing:
        raise KeyError(f"{name} table lacks columns {missing}")
    out = frame.loc[:, columns(name)].reset_index(drop=True)
    cast = {col: dtype for col, dtype in dtypes(name).items() if out[col].dtype != dtype}
    return out.astype(cast) if cast else out


def from_arrow(name: str, table: pa.Table) -> pd.DataFrame:
    """A stored Arrow table of table `name` as its frame, conformed: text straight to Arrow-backed strings."""
    return conform(name, table.to_pandas(types_mapper=_PANDAS.get))


def arrow_schema(name: str) -> pa.Schema:
    """The Arrow schema table `name` is stored with: the same for every part of a table, so parts written
    batch by batch stack (a label's dictionary indices are int32 whatever a batch's number of categories)."""
    return pa.schema([(col, _ARROW[dtype]) for col, dtype in dtypes(name).items()])


_PANDAS = {pa.large_string(): pd.StringDtype("pyarrow"), pa.string(): pd.StringDtype("pyarrow")}
_ARROW = {TEXT: pa.large_string(), LABEL: pa.dictionary(pa.int32(), pa.large_string()), DATE: pa.timestamp("ns"),
          "int32": pa.int32(), "float32": pa.float32(), "float64": pa.float64()}


def arrow_text(column: pd.Series) -> pa.Array:
    """A text column as one Arrow large_string array, missing values as "": rows taken from a stored table may
    keep its parts' chunks, which Arrow's list and split kernels cannot take as one array."""
    texts = pa.array(column.fillna(""), type=pa.large_string())
    return texts.combine_chunks() if isinstance(texts, pa.ChunkedArray) else texts


def recode(column: pd.Series, labels: Sequence[str] | pd.Series) -> np.ndarray:
    """The position in `labels` of each row's label (-1: missing or not among them), worked out once per category
    (a label column of a built dataset is categorical; another is made so first)."""
    values = column.astype("category")
    known = pd.Index(pd.array(labels, dtype="string")).get_indexer(values.cat.categories.astype("string"))
    return np.append(known, -1)[values.cat.codes.to_numpy()]


def describe(name: str) -> str:
    """Markdown list of the columns of table `name`, for docs and the CLI."""
    return "\n".join(f"- `{col}` ({dtype}): {doc}" for col, (dtype, doc) in TABLES[name].items())
