"""Tables on the pages: capped listings, a row that opens an article in the reader or a quote in its
paragraph, and date labels."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from ui import filters as uf
from ui.app import view
from ui.text import md_escape

MAX_ROWS = 2000
READER = "pages/articles.py"
WHO = "pages/people.py"
# The "chain" column of every article listing, with what its values mean.
CHAIN_COLUMN = st.column_config.TextColumn(
    "Main value chain", help="The value chain the article mentions most; “several” when chains tie for most, "
                             "“none” when it mentions no chain.")


def capped(frame: pd.DataFrame, what: str, limit: int = MAX_ROWS, total: int | None = None) -> pd.DataFrame:
    """The first `limit` rows of `frame`, with a caption when rows were left out (of `total`, when `frame` is
    already a head of a longer table)."""
    total = len(frame) if total is None else total
    if total > limit:
        st.caption(f"Showing the first {limit:,} of {total:,} {what}; narrow the filters or download to see all.")
        return frame.head(limit)
    return frame


def reader_params(article_id: str) -> dict[str, str]:
    """The URL parameters of the reader open on `article_id` under the current filters."""
    return {**uf.to_params(view().filters), "article": str(article_id)}


def who_link(name: str, label: str | None = None) -> None:
    """A link to the People & organisations page open on `name` (a person, organisation or project) under the
    current filters."""
    st.page_link(WHO, label=md_escape(label or name), icon=":material/person_search:",
                 query_params={**uf.to_params(view().filters), "name": name})


def open_article(article_id: str) -> None:
    """Switches to the Articles page with `article_id` open in the reader (and in the URL)."""
    st.session_state["ar_open"] = str(article_id)
    st.switch_page(READER, query_params=reader_params(article_id))


def article_table(frame: pd.DataFrame, columns: list[str], key: str, **options: Any) -> None:
    """`frame[columns]` as a table in which selecting a row opens that row's article (frame.article_id) in
    the reader."""
    picked = st.dataframe(frame[columns], hide_index=True, width="stretch", on_select="rerun",
                          selection_mode="single-row", key=key, **options)
    rows = list(picked.selection.rows) if picked else []
    if rows and rows[0] < len(frame):
        open_article(frame["article_id"].iat[rows[0]])


def article_listing(listing: pd.DataFrame, key: str) -> None:
    """Rows of `View.article_list` (date, title, source, main chain), capped at MAX_ROWS, as a table in which
    selecting a row opens the article in the reader: the articles behind a period, a person or a place."""
    article_table(capped(listing, "articles"), ["date", "title", "source", "chain"], key=key,
                  column_config={"date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                                 "title": st.column_config.TextColumn("Title", width="large"), "source": "Source",
                                 "chain": CHAIN_COLUMN})
    st.caption("Select a row to read the article.")


def open_from_table(picked: Any, rows: pd.DataFrame, id_column: str, key: str, limit: int = 500,
                    also: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows a selectbox keyed `key` offers to open, indexed by `id_column`: the first `limit` of `rows`,
    plus the open one from `also` (every row the filters pass) when it lies further down.

    A newly clicked row of the table `picked` (st.dataframe's selection) becomes the open one; an open one
    the filters dropped falls back to the first row, with a note. (A link's unknown id never gets here: the
    sidebar drops it with a warning.)
    """
    by_id = rows.head(limit).drop_duplicates(id_column).set_index(id_column)
    selected = list(picked.selection.rows) if picked else []
    if selected != st.session_state.get(f"{key}_last_row"):
        st.session_state[f"{key}_last_row"] = selected
        if selected and selected[0] < len(rows):
            st.session_state[key] = rows[id_column].iat[selected[0]]
    wanted = st.session_state.get(key)
    if wanted is not None and wanted not in by_id.index and also is not None:
        extra = also[also[id_column] == wanted]
        if len(extra):
            by_id = pd.concat([by_id, extra.head(1).set_index(id_column)])
    if wanted not in by_id.index:
        if wanted is not None and len(by_id):
            what = id_column.removesuffix("_id")
            st.caption(f"The {what} that was open is not among the filtered {what}s; showing the first instead.")
        st.session_state[key] = by_id.index[0] if len(by_id) else None
    return by_id


def date_label(day: dt.date | pd.Timestamp | None) -> str:
    """YYYY-MM-DD, or an em dash for a missing date."""
    return "—" if day is None or pd.isna(day) else pd.Timestamp(day).strftime("%Y-%m-%d")


def date_labels(dates: pd.Series) -> pd.Series:
    """`date_label` of every date in a datetime column, as one column operation."""
    return dates.dt.strftime("%Y-%m-%d").fillna("—")
