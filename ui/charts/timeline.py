"""Coverage over time: each article's main value chain, articles per period, the dates articles mention,
and each chain's share of a period's articles."""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.charts.style import BAR_MS, FREQS, NONE, SEVERAL, chain_colors, chain_order, count_axis, hover_text, style_figure
from ui.codes import recode, table


def article_chains(mentions: pd.DataFrame, articles: pd.DataFrame, chains: Sequence[str]) -> pd.DataFrame:
    """One row per (article_id, chain) for each value chain an article mentions (`chain` a categorical of `chains`,
    which the counts read as codes), with its mention count `n` and the article's `date` (NaT for an article not in
    `articles`), which the share over time counts by."""
    m = mentions[mentions["theme"].astype("string").isin(chains).fillna(False)]
    out = (
        m.assign(chain=m["theme"].astype("string"))
        .groupby(["article_id", "chain"], observed=True)
        .size()
        .rename("n")
        .reset_index()
    )
    out = out.astype({"article_id": "string", "chain": pd.CategoricalDtype(list(chains)), "n": "int64"})
    dates = pd.Series(articles["date"].to_numpy(dtype="datetime64[ns]"), index=articles["article_id"].astype("string"))
    return out.assign(date=dates.reindex(out["article_id"]).to_numpy())


def main_chain(articles: pd.DataFrame, pairs: pd.DataFrame) -> pd.Series:
    """Per article (indexed like `articles`), from its `article_chains` rows `pairs`: the chain it mentions most;
    "several" when two or more chains tie for most (an article on all three equally is about none of them in
    particular); "none" without a chain."""
    best = pairs[pairs["n"] == pairs.groupby("article_id")["n"].transform("max")]
    single = best.drop_duplicates("article_id", keep=False).set_index("article_id")["chain"]
    ids = articles["article_id"].astype("string")
    out = ids.map(single).astype("string")
    return out.mask(out.isna() & ids.isin(best["article_id"]), SEVERAL).fillna(NONE)


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """First day of the week (Monday), month or quarter of each date (NaT stays NaT), like
    `dates.dt.to_period(...).dt.start_time` at a tenth of its cost."""
    number, known = _period_numbers(dates.to_numpy(dtype="datetime64[ns]"), freq)
    starts = np.where(known, _period_starts(np.where(known, number, 0), freq), np.datetime64("NaT", "D"))
    return pd.Series(starts.astype("datetime64[ns]"), index=dates.index, name=dates.name)


def _period_numbers(dates: np.ndarray, freq: str) -> tuple[np.ndarray, np.ndarray]:
    """Each date's period as a count of weeks, months or quarters since 1970 (consecutive periods, consecutive
    numbers: a period's position on a timeline is a subtraction), and which dates are known (not NaT)."""
    if freq not in FREQS:
        raise ValueError(f"unknown period {freq!r}; choose one of {', '.join(FREQS)}")
    known = ~np.isnat(dates)
    day = dates.view(np.int64) // 86_400_000_000_000  # whole days since 1970-01-01 (a Thursday), rounded down
    if freq == "week":
        return (day + 3) // 7, known  # weeks from Monday 1969-12-29
    number = np.zeros(len(day), dtype=np.int64)
    if known.any():  # a month per calendar day of the dates' span, looked up: converting each date costs ten times
        first = day[known].min()
        months = np.arange(first, day[known].max() + 1).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
        number[known] = months[day[known] - first]
    return (number // 3 if freq == "quarter" else number), known


def _period_starts(number: np.ndarray, freq: str) -> np.ndarray:
    """First day (datetime64[D]) of each period numbered as `_period_numbers` numbers them."""
    if freq == "week":
        return (number * 7 - 3).astype("datetime64[D]")
    return (number * 3 if freq == "quarter" else number).astype("datetime64[M]").astype("datetime64[D]")


def default_freq(dates: pd.Series) -> str:
    """The coverage period that keeps the timeline readable for these publication dates: "week" while they fall in
    at most 6 calendar months (up to 27 bars), "month" up to 60 months (60 bars), "quarter" beyond (80 bars by
    about 20 years); "month" without dates. Always "month" drew 96 bars, a barcode, for 8 years."""
    dates = dates.dropna()
    if dates.empty:
        return "month"
    first, last = dates.min(), dates.max()
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return "week" if months <= 6 else "month" if months <= 60 else "quarter"


def coverage_counts(articles: pd.DataFrame, main: pd.Series, chains: Sequence[str], freq: str) -> pd.DataFrame:
    """Articles per (period, main chain), from the articles' `main_chain` (`main`, aligned with `articles`):
    columns period, chain, articles; chains in lexicon order, then "several" and "none"."""
    frame = pd.DataFrame({"period": period_start(articles["date"], freq), "chain": main}).dropna(subset=["period"])
    counts = frame.groupby(["period", "chain"]).size().rename("articles").reset_index()
    order = {c: i for i, c in enumerate(chain_order(chains))}
    counts = counts.assign(rank=counts["chain"].map(order)).sort_values(["period", "rank"])
    return counts.drop(columns="rank").reset_index(drop=True).astype({"articles": "int64"})


def coverage_span(counts: pd.DataFrame, freq: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The coverage chart's x range: first day of the first period with articles, first day after the last one
    (None without articles). Mentioned dates run from 2013 to 2036, and an axis stretched to them left the bars a
    third of the width."""
    if counts.empty:
        return None
    return counts["period"].min(), (counts["period"].max().to_period(FREQS[freq]) + 1).start_time


# Two rows on one x axis: the coverage bars over the date markers (what make_subplots(rows=2, shared_xaxes=True,
# vertical_spacing=0.06, row_heights=[0.72, 0.28]) lays out, at a tenth of a second less per figure).
ROWS = go.Layout(
    xaxis=dict(anchor="y", domain=[0.0, 1.0], matches="x2", showticklabels=False),
    yaxis=dict(anchor="x", domain=[0.3232, 1.0]),
    xaxis2=dict(anchor="y2", domain=[0.0, 1.0]),
    yaxis2=dict(anchor="x2", domain=[0.0, 0.2632]),
)


def coverage_figure(counts: pd.DataFrame, markers: pd.DataFrame, chains: Sequence[str], freq: str = "month") -> go.Figure:
    """Stacked bars of articles per period by main chain, over a row of date markers on the same x axis, which
    spans the periods with articles (`coverage_span`). Markers are `timeline_markers`: the dates known to the
    day or month drawn, the vaguer ones a legend click away.

    customdata of a bar point is [period ISO date, chain]; of a date point [date ISO, "event"].
    """
    has_events = not markers.empty
    fig = go.Figure(layout=ROWS if has_events else None)  # the layout make_subplots gives, without its cost
    colors = chain_colors(chains)
    for chain in chain_order(chains):
        part = counts[counts["chain"] == chain]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=part["period"], y=part["articles"], name=chain, marker_color=colors[chain],
                width=BAR_MS[freq], offset=0,
                customdata=np.column_stack([part["period"].dt.strftime("%Y-%m-%d"), part["chain"]]),
                hovertemplate="%{x|%Y-%m-%d}<br>%{y} articles · " + html.escape(chain) + "<extra></extra>",
            )
        )
    precise = markers["precise"] if "precise" in markers else pd.Series(True, index=markers.index)
    for flag, name, marker in [(True, "day or month dates", dict(color="#A855F7", symbol="diamond")),
                               (False, "years, long spans", dict(color="#A855F7", symbol="diamond-open"))]:
        part = markers[precise == flag]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part["date"], y=part["articles"], mode="markers", name=name, visible=True if flag else "legendonly",
                marker=dict(size=9, line=dict(width=1.5 if not flag else 0, color="#A855F7"), **marker),
                customdata=np.column_stack([part["date"].dt.strftime("%Y-%m-%d"), np.full(len(part), "event")]),
                text=[
                    f"<b>{html.escape(str(e))}</b> ({html.escape(str(p))}) · {a} article(s)<br>{hover_text(s)}"
                    for e, p, a, s in zip(part["expression"], part["precision"], part["articles"], part["sentence"])
                ],
                hovertemplate="%{text}<extra></extra>", xaxis="x2", yaxis="y2",
            )
        )
    if has_events:
        fig.update_layout(yaxis2=dict(title=dict(text="articles mentioning<br>the date", font_size=11),
                                      **count_axis(markers["articles"].max())))
    top = counts.groupby("period")["articles"].sum().max() if len(counts) else 0
    fig.update_layout(yaxis=dict(title_text="articles", **count_axis(top)))
    span = coverage_span(counts, freq)
    if span is not None:
        fig.update_xaxes(range=[day.strftime("%Y-%m-%d") for day in span])
    fig.update_layout(barmode="stack", bargap=0.15, hovermode="closest", clickmode="event+select")
    return style_figure(fig, 520 if has_events else 400)


def chain_share(articles: pd.DataFrame, pairs: pd.DataFrame, chains: Sequence[str], freq: str) -> pd.DataFrame:
    """From the articles' `article_chains` rows `pairs`, per (period, chain), every period from the first article's
    to the last's: articles mentioning the chain, all articles of the period and their share; the share is NaN (a
    gap, not 0 %) in a period without articles. Counted by the pairs' own dates (no join on article ids), on period
    numbers and chain codes."""
    number, known = _period_numbers(articles["date"].to_numpy(dtype="datetime64[ns]"), freq)
    number = number[known]
    first, periods = (number.min(), int(number.max() - number.min()) + 1) if len(number) else (0, 0)
    total = np.bincount(number - first, minlength=periods)
    chain = recode(pairs["chain"], chains)
    at, dated = _period_numbers(pairs["date"].to_numpy(dtype="datetime64[ns]"), freq)
    at -= first
    hits = table(at, chain, periods, len(chains), dated & (chain >= 0) & (at >= 0) & (at < periods))
    starts = _period_starts(np.arange(first, first + periods), freq).astype("datetime64[ns]")
    out = pd.DataFrame({"period": np.repeat(starts, len(chains)),
                        "chain": pd.array(np.tile(np.asarray(chains, dtype=object), periods), dtype="string"),
                        "articles": hits.ravel(), "total": np.repeat(total, len(chains)).astype("int64")})
    out["share"] = (out["articles"] / out["total"].where(out["total"] > 0)).astype("float64")
    return out


def share_figure(share: pd.DataFrame, chains: Sequence[str]) -> go.Figure:
    """Lines of each chain's share of the period's articles (0–100 %), broken where a period has no articles."""
    fig, colors = go.Figure(), chain_colors(chains)
    for i, chain in enumerate(chains):
        part = share[share["chain"] == chain]
        fig.add_trace(
            go.Scatter(
                x=part["period"], y=part["share"], name=chain, mode="lines+markers", connectgaps=False,
                line=dict(color=colors[chain], width=2.5, dash=("solid", "dash", "dot")[i % 3]),
                customdata=list(zip(part["articles"], part["total"])),
                hovertemplate=html.escape(chain) + " · %{x|%Y-%m-%d}: %{y:.0%} (%{customdata[0]} of %{customdata[1]})<extra></extra>",
            )
        )
    fig.update_yaxes(tickformat=".0%", range=[0, 1.05], title_text="share of articles")
    return style_figure(fig, 360)
