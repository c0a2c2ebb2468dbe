"""A view selects its rows from tables derived once per corpus: what it selects must be what recomputing from
the filtered tables gives, for every kind of filter."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from loaders import Corpus
from tests.ui_sample import CHAINS, THEMES, tables
from ui import charts
from ui.filters import Filters, apply_filters
from ui.view import View

FILTERS = [
    Filters(),
    Filters(date_from=dt.date(2025, 1, 1)),
    Filters(themes=("hydrogen",)),
    Filters(speakers=("Aigerim Sadykova",)),
    Filters(sides=("unknown",)),
    Filters(q="ore OR grain"),
    Filters(date_to=dt.date(2020, 1, 1)),
]


def view(filters: Filters, shared: dict) -> View:
    full = Corpus.from_tables(tables(), "sample", tuple((t, "value chain" if t in CHAINS else "cross-cutting")
                                                         for t in THEMES))
    return View(corpus=apply_filters(full.tables(), filters), full=full, filters=filters, chains=CHAINS,
                themes=THEMES, shared=shared)


def rows(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return sorted(frame[columns].astype("string").itertuples(index=False, name=None))


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_what_a_view_selects_equals_recounting_the_filtered_tables(filters):
    shared = {}
    view(Filters(), shared).chain_pairs()  # the whole corpus's tables are built by an earlier, unfiltered view
    v = view(filters, shared)
    c = v.corpus
    assert rows(v.chain_pairs(), ["article_id", "chain", "n"]) == rows(
        charts.article_chains(c.mentions, c.articles, CHAINS), ["article_id", "chain", "n"])
    pairs, passing = v.theme_pairs()
    assert rows(pairs if passing is None else pairs[passing], ["article_id", "theme"]) == rows(
        c.mentions[["article_id", "theme"]].drop_duplicates(), ["article_id", "theme"])
    assert charts.cooccurrence(pairs, THEMES, rows=passing).equals(charts.cooccurrence(c.mentions, THEMES))
    terms, passing = v.term_pairs()
    assert charts.top_terms(terms, CHAINS, rows=passing).equals(
        charts.top_terms(c.mentions[["article_id", "theme", "term"]].drop_duplicates(), CHAINS))
    assert rows(v.quote_chains(), ["quote_id", "chain"]) == rows(charts.explode_themes(c.quotes), ["quote_id", "chain"])
    assert charts.speakers_table(v.quote_labels()).equals(charts.speakers_table(c.quotes))
    events = v.full.events.iloc[v.event_rows()]
    assert rows(events, ["article_id", "expression"]) == rows(c.events, ["article_id", "expression"])
    assert v.article_list()["article_id"].tolist() == (
        c.articles.sort_values(["date", "title"], ascending=[False, True])["article_id"].tolist())
    assert v.main_chain().tolist() == charts.main_chain(c.articles, charts.article_chains(c.mentions, c.articles, CHAINS)).tolist()
    every, keep = v.quote_table()
    assert every.loc[keep, "quote_id"].tolist() == (
        c.quotes.sort_values(["date", "quote_id"], ascending=[False, True])["quote_id"].tolist())
