"""The dates articles mention, as the timeline draws and lists them: grouped once per corpus by (day, article,
precision), so that a filter change only selects groups and sums them (three counts of every event per change cost
85 ms at 90,000 articles)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from ui.charts.timeline import coverage_span
from ui.codes import codes, first_of_run
from ui.text import counted

MARKER_COLUMNS = {"date": "datetime64[ns]", "articles": "int64", "mentions": "int64", "expression": "string",
                  "sentence": "string", "precision": "string"}


class DateIndex(NamedTuple):
    """The dated events of a table, one row per group of mentions of one day by one article at one precision kind
    (`is_precise`), in day order."""

    days: np.ndarray  # the distinct days mentioned, sorted (datetime64[ns])
    day: np.ndarray  # per group: its day's position in `days`
    precise: np.ndarray  # per group: dated to the day or month (`is_precise`)
    first: np.ndarray  # per group: position in the events table of its first mention
    mentions: np.ndarray  # per group: how many events it holds
    known: np.ndarray  # per group: its article is known (an event of no article counts as a mention only)
    lead: np.ndarray  # per group: the first of its (day, article), precise before vague: counts the article once


def is_precise(events: pd.DataFrame, rows: np.ndarray | None = None) -> np.ndarray:
    """Whether each event (of `rows`, positions in `events`; None: all) has a date known to the day or month (a
    day, a month or a range under 31 days), not only to its year, quarter or a longer range: those sit at their
    first day, and years piled up on 1 January."""
    rows = np.arange(len(events)) if rows is None else np.asarray(rows)
    start = events["date"].to_numpy(dtype="datetime64[ns]")[rows]
    end = events["date_end"].to_numpy(dtype="datetime64[ns]")[rows]
    short = (end - start) < np.timedelta64(31, "D")  # NaT compares False
    precision = events["precision"].astype("category")  # tested once per category, not per event
    fine = np.append(precision.cat.categories.isin(["day", "month"]), False)[precision.cat.codes.to_numpy()[rows]]
    return fine | short


def date_index(events: pd.DataFrame) -> DateIndex:
    """The `DateIndex` of `events`: one sort of the dated events by (day, article, precise first, position)."""
    rows = np.flatnonzero(~np.isnat(events["date"].to_numpy(dtype="datetime64[ns]")))
    day, days = pd.factorize(events["date"].to_numpy(dtype="datetime64[ns]")[rows], sort=True)
    article, texts = codes(events["article_id"], rows)
    vague = ~is_precise(events, rows)
    key = (day.astype(np.int64) * len(texts) + article) * 2 + vague
    order = np.argsort(key, kind="stable")  # rows stay in table order within a group
    key = key[order]
    starts = np.flatnonzero(first_of_run(key))
    pair = key[starts] // 2
    return DateIndex(
        days=np.asarray(days, dtype="datetime64[ns]"), day=day[order][starts], precise=~vague[order][starts],
        first=rows[order][starts], mentions=np.diff(np.r_[starts, len(key)]),
        known=texts[pair % len(texts)] != "", lead=first_of_run(pair),
    )


def event_markers(events: pd.DataFrame, limit: int = 1500, passing: np.ndarray | None = None,
                  index: DateIndex | None = None) -> tuple[pd.DataFrame, int]:
    """Events grouped by the day they denote: (frame, number of days before the cut to `limit`).

    Columns: date, articles (distinct articles mentioning it), mentions, expression and sentence of one mention
    (the first), precision. Keeps the `limit` days most articles mention, in day order. `passing` (a boolean
    array over `events`; None: all) says which events count; `index` is `date_index(events)`, which a page builds
    once per corpus (built here when not given)."""
    index = date_index(events) if index is None else index
    return _markers(events, index, _groups(index, passing), index.known & index.lead, limit)


class LeftOut(NamedTuple):
    """What the coverage chart does not draw of the dates the articles mention."""

    before: int  # distinct dates before the coverage span
    after: int  # distinct dates after it
    days: int  # dates inside it (precise and vague apart), of which the chart draws the `limit` most mentioned


def timeline_markers(events: pd.DataFrame, counts: pd.DataFrame, freq: str, limit: int = 500,
                     passing: np.ndarray | None = None, index: DateIndex | None = None) -> tuple[pd.DataFrame, LeftOut]:
    """The dates the coverage chart draws: `event_markers` of the events (`passing`, `index` as there) inside
    `coverage_span`, precise and vague dates apart (column `precise`; each kind cut to its `limit` most mentioned
    days), and what is left out. 500 a kind: more diamonds only overlap on a chart a screen wide, and each costs
    its hover text on every filter change; every date stays in the page's list."""
    index = date_index(events) if index is None else index
    empty = _markers(events, index, np.zeros(len(index.day), dtype=bool), index.known, limit)[0].assign(precise=pd.Series(dtype="bool"))
    span = coverage_span(counts, freq)
    if span is None:
        return empty, LeftOut(0, 0, 0)
    groups = _groups(index, passing)
    lo, hi = np.searchsorted(index.days, [np.datetime64(edge, "ns") for edge in span])
    seen = np.bincount(index.day[groups], minlength=len(index.days)) > 0
    inside = groups & (index.day >= lo) & (index.day < hi)
    kinds = [(_markers(events, index, inside & (index.precise == flag), index.known, limit), flag) for flag in (True, False)]
    drawn = [markers.assign(precise=flag) for (markers, _), flag in kinds if len(markers)]
    left_out = LeftOut(int(seen[:lo].sum()), int(seen[hi:].sum()), sum(total for (_, total), _ in kinds))
    return (pd.concat(drawn, ignore_index=True) if drawn else empty), left_out


def _groups(index: DateIndex, passing: np.ndarray | None) -> np.ndarray:
    """Which groups of `index` count: all, or those whose events pass (a group's events are one article's, so
    they pass or fail together)."""
    return np.ones(len(index.day), dtype=bool) if passing is None else np.asarray(passing)[index.first]


def _markers(events: pd.DataFrame, index: DateIndex, groups: np.ndarray, counted_article: np.ndarray,
             limit: int) -> tuple[pd.DataFrame, int]:
    """`event_markers` of the groups `groups` (a boolean mask over the index's groups), a group counting its
    article where `counted_article` holds."""
    day, n = index.day[groups], len(index.days)
    mentions = np.bincount(day, weights=index.mentions[groups], minlength=n).astype(np.int64)
    articles = np.bincount(day, weights=counted_article[groups], minlength=n).astype(np.int64)
    first = np.full(n, len(events))
    np.minimum.at(first, day, index.first[groups])
    present = np.flatnonzero(mentions)
    keep = present[np.lexsort((present, -articles[present]))[:limit]]  # most articles, then the earlier day
    keep.sort()
    shown = events.iloc[first[keep]]
    out = pd.DataFrame({"date": index.days[keep], "articles": articles[keep], "mentions": mentions[keep],
                        "expression": shown["expression"].to_numpy(), "sentence": shown["sentence"].to_numpy(),
                        "precision": shown["precision"].to_numpy()})
    return out.astype(MARKER_COLUMNS), len(present)


def coverage_caption(markers: pd.DataFrame, left_out: LeftOut) -> str:
    """What the coverage chart shows and leaves out, for its caption (`markers`, `left_out`: `timeline_markers`)."""
    note = "Bars: articles per period, coloured by the value chain each article mentions most (“several” where chains tie)."
    precise = markers["precise"] if len(markers) else pd.Series(dtype="bool")
    if precise.any():
        note += (" Diamonds (lower row): the dates the articles mention to the day or month, height = articles "
                 "mentioning the date; hover for the sentence.")
    if vague := int((~precise).sum()):
        note += (f" Hidden: {counted(vague, 'date')} known only to the year or a longer span (drawn at the first "
                 "day); click “years, long spans” in the legend to show them.")
    if left_out.days > len(markers):
        note += f" Showing the {len(markers):,} dates most articles mention, of {left_out.days:,}."
    before, after = left_out.before, left_out.after
    if before and after:
        note += f" Not drawn: {counted(before, 'mentioned date')} before the coverage span and {after:,} after it"
    elif before or after:
        note += f" Not drawn: {counted(before or after, 'mentioned date')} {'before' if before else 'after'} the coverage span"
    if before or after:
        note += "; choose them in the list below."
    elif markers.empty:
        note += " These articles mention no dates."
    return note

