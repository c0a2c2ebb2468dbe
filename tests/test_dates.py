"""The timeline's date counts (`ui.charts.dates`): a filtered view that selects groups of the whole corpus's index
counts exactly what counting its own events from scratch counts, and both match a plain pandas count."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import schema
from ui import charts

DAYS = pd.to_datetime(["2023-05-01", "2024-01-01", "2024-03-15", "2024-06-10", "2030-01-01"]).tolist() + [pd.NaT]
SPANS = {"day": 0, "month": 30, "year": 365, "range": 6}
ARTICLES = ["a1", "a2", "a3", None]  # None: an event of no article (a mention, never an article)

event = st.tuples(st.sampled_from(ARTICLES), st.sampled_from(DAYS), st.sampled_from(list(SPANS)))
events_tables = st.lists(event, max_size=25).map(lambda rows: schema.conform("events", pd.DataFrame({
    "article_id": pd.Series([a for a, _, _ in rows], dtype="string"),
    "para_no": 0,
    "date": pd.Series([d for _, d, _ in rows], dtype="datetime64[ns]"),
    "date_end": pd.Series([d + pd.Timedelta(days=SPANS[p]) for _, d, p in rows], dtype="datetime64[ns]"),
    "precision": [p for _, _, p in rows],
    "expression": [f"e{i}" for i in range(len(rows))],  # names each event, so the first mention is checked too
    "sentence": [f"s{i}" for i in range(len(rows))],
    "start": 0, "end": 1,
})))


def by_pandas(events: pd.DataFrame) -> list[tuple]:
    """(date, articles, mentions, first expression) per mentioned day, counted the plain way."""
    dated = events[events["date"].notna()]
    known = dated["article_id"].astype("string").fillna("")
    grouped = dated.assign(known=known.where(known != "")).groupby("date", sort=True)
    return [(day, g["known"].nunique(), len(g), g["expression"].iloc[0]) for day, g in grouped]


def rows(markers: pd.DataFrame) -> list[tuple]:
    return list(zip(markers["date"], markers["articles"], markers["mentions"], markers["expression"]))


@settings(max_examples=200, deadline=None)
@given(events_tables, st.sets(st.sampled_from(ARTICLES[:3])))
def test_a_filtered_view_counts_the_dates_of_its_articles_exactly(events, chosen):
    passing = events["article_id"].astype("string").isin(chosen).fillna(False).to_numpy(dtype=bool)
    index = charts.date_index(events)
    markers, total = charts.event_markers(events, passing=passing, index=index)
    own = events[passing].reset_index(drop=True)
    assert rows(markers) == rows(charts.event_markers(own)[0]) == by_pandas(own)
    assert total == len(by_pandas(own))
    assert rows(charts.event_markers(events, index=index)[0]) == by_pandas(events)


@settings(max_examples=200, deadline=None)
@given(events_tables, st.sets(st.sampled_from(ARTICLES[:3])), st.sampled_from(["month", "quarter"]))
def test_a_filtered_timeline_draws_and_leaves_out_what_its_own_events_give(events, chosen, freq):
    passing = events["article_id"].astype("string").isin(chosen).fillna(False).to_numpy(dtype=bool)
    counts = pd.DataFrame({"period": pd.to_datetime(["2024-01-01", "2024-04-01"]), "chain": "none", "articles": 1})
    own = events[passing].reset_index(drop=True)
    selected, left = charts.timeline_markers(events, counts, freq, passing=passing, index=charts.date_index(events))
    alone, left_alone = charts.timeline_markers(own, counts, freq)
    assert rows(selected) == rows(alone) and selected["precise"].tolist() == alone["precise"].tolist()
    assert left == left_alone
    span_end = pd.Timestamp("2024-05-01" if freq == "month" else "2024-07-01")
    dated = own[own["date"].notna()]
    assert (left.before, left.after) == (dated.loc[dated["date"] < "2024-01-01", "date"].nunique(),
                                         dated.loc[dated["date"] >= span_end, "date"].nunique())
    precise = charts.is_precise(dated)
    inside = ((dated["date"] >= "2024-01-01") & (dated["date"] < span_end)).to_numpy()
    assert left.days == dated[inside & precise]["date"].nunique() + dated[inside & ~precise]["date"].nunique()


def test_an_article_mentioning_a_day_precisely_and_vaguely_counts_once_in_the_list_and_once_per_kind():
    events = schema.conform("events", pd.DataFrame({
        "article_id": ["a1", "a1"], "para_no": 0,
        "date": pd.to_datetime(["2024-01-01", "2024-01-01"]), "date_end": pd.to_datetime(["2024-01-01", "2024-12-31"]),
        "precision": ["day", "year"], "expression": ["on 1 January 2024", "in 2024"], "sentence": ["s", "s"],
        "start": 0, "end": 1,
    }))
    markers, total = charts.event_markers(events)
    assert (total, rows(markers)) == (1, [(pd.Timestamp("2024-01-01"), 1, 2, "on 1 January 2024")])
    counts = pd.DataFrame({"period": pd.to_datetime(["2024-01-01"]), "chain": "none", "articles": 1})
    drawn, left = charts.timeline_markers(events, counts, "quarter")
    assert rows(drawn) == [(pd.Timestamp("2024-01-01"), 1, 1, "on 1 January 2024"),
                           (pd.Timestamp("2024-01-01"), 1, 1, "in 2024")]
    assert drawn["precise"].tolist() == [True, False] and left == charts.LeftOut(0, 0, 2)
    assert np.array_equal(charts.date_index(events).lead, [True, False])
