"""The highlighted reader: one article's rows of any table, the spans of each highlight kind (quotes, theme
terms, dates, amounts, search hits) and their escaped HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pandas as pd
import streamlit as st

from loaders import schema
from loaders.query import Query, hit_spans, parse
from ui.filters import source_labels
from ui.tables import date_labels
from ui.text import highlight, md_escape, quote_spans
from ui.view import View

HIGHLIGHT_KINDS = {"quote": "quotes", "term": "theme terms", "date": "dates", "amount": "amounts",
                   "search": "search hits"}


def legend(kinds: Sequence[str]) -> None:
    """One line naming each highlight style in use."""
    pieces = [highlight(HIGHLIGHT_KINDS[k], [(0, len(HIGHLIGHT_KINDS[k]), k)]) for k in kinds]
    st.html('<div style="font-size:0.85rem;opacity:0.85">Highlighted: ' + " · ".join(pieces) + "</div>")


def render_paragraphs(paragraphs: Sequence[tuple[int, str]], spans: dict[int, list[tuple]]) -> None:
    """Paragraphs (para_no, text) as escaped HTML with their spans highlighted."""
    body = "".join(
        f'<p style="white-space:pre-wrap;line-height:1.65;margin:0 0 0.9em 0">{highlight(text, spans.get(no, []))}</p>'
        for no, text in paragraphs
    )
    st.html(f'<div class="article-reader" style="max-width:52rem">{body}</div>')


def render_title(title: str, spans: list[tuple]) -> None:
    """The article's title as a heading, with its spans (a headline quote, search hits) highlighted."""
    if not spans:
        st.subheader(md_escape(title))
        return
    st.html(f'<h3 style="font-weight:600;margin:0.5em 0 0.4em 0">{highlight(title, spans)}</h3>')


def searches(*texts: str) -> list[tuple[str, Query]]:
    """(text, parsed query) of each search text with words to highlight (an exclusion alone has none), for
    `search_spans`."""
    parsed = [(text, parse(text)) for text in dict.fromkeys(t.strip() for t in texts)]
    return [(text, q) for text, q in parsed if q.wanted]


def search_spans(text: str, queries: Sequence[tuple[str, Query]]) -> list[tuple[int, int, str, str]]:
    """Highlight spans (kind "search", labelled with the search) of every hit of `queries` in `text`."""
    return [(start, end, "search", f"search: {label}") for label, q in queries for start, end in hit_spans(text, q)]


def article_spans(v: View, article_id: str, title: str, paragraphs: Sequence[str],
                  kinds: Iterable[str]) -> dict[int, list[tuple]]:
    """Spans per paragraph of one article for the chosen highlight kinds (quote, term, date, amount, search
    hits of the sidebar's search); the title's (a headline quote, search hits) under schema.HEADLINE.

    Each table is cut to the article's rows before any label is built: labels over
    the whole corpus would cost seconds at 100,000 articles.
    """
    kinds = set(kinds)
    spans: dict[int, list[tuple]] = {}
    labels: dict[str, tuple[str, Callable[[pd.DataFrame], pd.Series]]] = {
        "term": ("mentions", lambda r: r["theme"].astype("string") + ": " + r["term"].astype("string")),
        "date": ("events", lambda r: "date: " + r["date"].dt.strftime("%Y-%m-%d")
                 + " (" + r["precision"].astype("string") + ")"),
        "amount": ("amounts", lambda r: r["kind"].astype("string") + ": " + r["expression"].astype("string")),
    }
    for kind, (table, label) in labels.items():
        if kind in kinds:
            rows = rows_of(v, table, article_id)
            for no, start, end, text in zip(rows["para_no"], rows["start"], rows["end"], label(rows)):
                spans.setdefault(int(no), []).append((int(start), int(end), kind, str(text)))
    if "quote" in kinds:
        rows = rows_of(v, "quotes", article_id)
        for no, start, end, text, speaker in zip(rows["para_no"], rows["start"], rows["end"], rows["text"], rows["speaker"]):
            label = f"quote: {speaker}" if speaker else "quote: unattributed"
            if no == schema.HEADLINE:
                spans.setdefault(schema.HEADLINE, []).append((int(start), int(end), "quote", label))
                continue
            for p, s, e in quote_spans(paragraphs, int(no), int(start), int(end), str(text)):
                spans.setdefault(p, []).append((s, e, "quote", label))
    queries = searches(v.filters.q) if "search" in kinds else []
    for no, text in ({schema.HEADLINE: title, **dict(enumerate(paragraphs))} if queries else {}).items():
        if hits := search_spans(text, queries):
            spans.setdefault(no, []).extend(hits)
    return spans


def named_in(v: View, article_id: str) -> list[str]:
    """The persons quoted and the organisations and projects named in one article, most often first (persons
    by their quotes, the others by their mentions), each once."""
    quotes = rows_of(v, "quotes", article_id)
    entities = rows_of(v, "entities", article_id)
    bodies = entities.loc[entities["kind"].astype("string") != "place", "name"].astype("string")
    persons = quotes["person"].astype("string").fillna("")
    counts = pd.concat([persons[persons != ""], bodies]).value_counts(sort=False)
    return list(counts.sort_values(ascending=False, kind="stable").index)


def places_in(v: View, article_id: str) -> list[str]:
    """The places one article names, most often first, each once."""
    entities = rows_of(v, "entities", article_id)
    places = entities.loc[entities["kind"].astype("string") == "place", "name"].astype("string")
    return list(places.value_counts(sort=False).sort_values(ascending=False, kind="stable").index)


@st.cache_resource(max_entries=16, show_spinner=False)
def _article_rows(fingerprint: str, table: str, _ids: pd.Series) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """(key -> group number, row positions grouped by key, group bounds) of one key column (`table` names it)
    of the corpus `fingerprint`: its rows by article id, or its articles by story.

    Built once per corpus and shared by every session, so opening an article reads a
    slice instead of comparing every row of a multi-million-row table.
    """
    codes, ids = pd.factorize(_ids)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(ids) + 1))
    return {str(a): i for i, a in enumerate(ids)}, order, bounds


def rows_of(v: View, table: str, article_id: str) -> pd.DataFrame:
    """The rows of the whole corpus's `table` (paragraphs, quotes, mentions, events, amounts, entities) that belong
    to one article, in table order."""
    frame = getattr(v.full, table)
    rows = rows_of_key(v.full.fingerprint, table, frame["article_id"], article_id)
    if not len(rows):
        return frame.iloc[0:0]
    if rows[-1] - rows[0] == len(rows) - 1:  # one run of rows (how the build writes them): a zero-copy slice
        return frame.iloc[rows[0]:rows[-1] + 1]
    return frame.iloc[rows]


def copies_of(v: View, article_id: str) -> pd.DataFrame:
    """Where else the story of `article_id` was published: the date, source and title of each other copy of it
    in the whole corpus, in corpus order (the first copy first)."""
    articles = v.full.articles
    rows = rows_of_key(v.full.fingerprint, "articles", articles["article_id"], article_id)
    same = rows_of_key(v.full.fingerprint, "stories", articles["story_id"], str(articles["story_id"].iloc[rows[0]])) \
        if len(rows) else rows
    # three columns before the rows: a take over the whole table would copy its text column
    copies = articles[["date", "source", "title"]].iloc[[r for r in same.tolist() if r != rows[0]]]
    return pd.DataFrame({"date": date_labels(copies["date"]), "source": source_labels(copies["source"]),
                         "title": copies["title"]}).reset_index(drop=True)


def rows_of_key(fingerprint: str, name: str, keys: pd.Series, key: str) -> np.ndarray:
    """Positions of the rows of `keys` (a column of the corpus `fingerprint`, named `name` for the cache) equal to
    `key`, ascending."""
    ids, order, bounds = _article_rows(fingerprint, name, keys)
    at = ids.get(key)
    return order[bounds[at]:bounds[at + 1]] if at is not None else order[0:0]


def paragraphs_of(v: View, article_id: str) -> list[str]:
    """The paragraph texts of one article, in order."""
    rows = rows_of(v, "paragraphs", article_id).sort_values("para_no")
    return rows["text"].astype(str).tolist()
