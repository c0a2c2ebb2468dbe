"""Coverage over time: each article's main value chain, articles per period, the dates articles mention,
and each chain's share of a period's articles."""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.charts.style import BAR_MS, FREQS, NONE, SEVERAL, chain_colors, chain_order, count_axis, hover_text, style_figure


def article_chains(mentions: pd.DataFrame, chains: Sequence[str]) -> pd.DataFrame:
    """One row per (article_id, chain) for each value chain an article mentions, with its mention count."""
    m = mentions[mentions["theme"].astype("string").isin(chains).fillna(False)]
    out = (
        m.assign(chain=m["theme"].astype("string"))
        .groupby(["article_id", "chain"], observed=True)
        .size()
        .rename("n")
        .reset_index()
    )
    return out.astype({"article_id": "string", "chain": "string", "n": "int64"})


def main_chain(articles: pd.DataFrame, mentions: pd.DataFrame, chains: Sequence[str]) -> pd.Series:
    """Per article (indexed like `articles`): the chain it mentions most; "several" when two or more chains tie
    for most (an article on all three equally is about none of them in particular); "none" without a chain."""
    pairs = article_chains(mentions, chains)
    best = pairs[pairs["n"] == pairs.groupby("article_id")["n"].transform("max")]
    single = best.drop_duplicates("article_id", keep=False).set_index("article_id")["chain"]
    ids = articles["article_id"].astype("string")
    out = ids.map(single).astype("string")
    return out.mask(out.isna() & ids.isin(best["article_id"]), SEVERAL).fillna(NONE)


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """First day of the week (Monday), month or quarter of each date."""
    return dates.dt.to_period(FREQS[freq]).dt.start_time


def coverage_counts(
    articles: pd.DataFrame, mentions: pd.DataFrame, chains: Sequence[str], freq: str
) -> pd.DataFrame:
    """Articles per (period, main chain): columns period, chain, articles; chains in lexicon order, then "several"
    and "none"."""
    frame = pd.DataFrame(
        {"period": period_start(articles["date"], freq), "chain": main_chain(articles, mentions, chains)}
    ).dropna(subset=["period"])
    counts = frame.groupby(["period", "chain"]).size().rename("articles").reset_index()
    order = {c: i for i, c in enumerate(chain_order(chains))}
    counts = counts.assign(rank=counts["chain"].map(order)).sort_values(["period", "rank"])
    return counts.drop(columns="rank").reset_index(drop=True).astype({"articles": "int64"})


def event_markers(events: pd.DataFrame, limit: int = 1500) -> tuple[pd.DataFrame, int]:
    """Events grouped by the day they denote: (frame, number of days before the cut to `limit`).

    Columns: date, articles (distinct articles mentioning it), mentions, expression and
    sentence of one mention, precision. Keeps the `limit` days most articles mention.
    """
    cols = ["date", "articles", "mentions", "expression", "sentence", "precision"]
    ev = events.dropna(subset=["date"])
    if ev.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(cols, ["datetime64[ns]", "int64", "int64", "string", "string", "string"])}), 0
    first = ev.drop_duplicates("date").set_index("date")
    grouped = ev.groupby("date").agg(articles=("article_id", "nunique"), mentions=("article_id", "size"))
    grouped = grouped.join(first[["expression", "sentence", "precision"]]).reset_index()
    total = len(grouped)
    grouped = grouped.sort_values(["articles", "date"], ascending=[False, True]).head(limit)
    grouped = grouped.sort_values("date").reset_index(drop=True)
    return grouped.astype({"expression": "string", "sentence": "string", "precision": "string"})[cols], total


def coverage_figure(counts: pd.DataFrame, markers: pd.DataFrame, chains: Sequence[str], freq: str = "month") -> go.Figure:
    """Stacked bars of articles per period by main chain, over a row of event markers on the same x axis.

    customdata of a bar point is [period ISO date, chain]; of an event point [date ISO, "event"].
    """
    has_events = not markers.empty
    fig = make_subplots(
        rows=2 if has_events else 1, cols=1, shared_xaxes=True, vertical_spacing=0.06,
        row_heights=[0.72, 0.28] if has_events else [1.0],
    )
    colors = chain_colors(chains)
    for chain in chain_order(chains):
        part = counts[counts["chain"] == chain]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=part["period"], y=part["articles"], name=chain, marker_color=colors[chain],
                width=BAR_MS[freq], offset=0,
                customdata=list(zip(part["period"].dt.strftime("%Y-%m-%d"), part["chain"])),
                hovertemplate="%{x|%Y-%m-%d}<br>%{y} articles · " + html.escape(chain) + "<extra></extra>",
            ),
            row=1, col=1,
        )
    if has_events:
        fig.add_trace(
            go.Scatter(
                x=markers["date"], y=markers["articles"], mode="markers", name="events mentioned",
                marker=dict(size=9, color="#A855F7", symbol="diamond", line=dict(width=0)),
                customdata=list(zip(markers["date"].dt.strftime("%Y-%m-%d"), ["event"] * len(markers))),
                text=[
                    f"<b>{html.escape(str(e))}</b> ({html.escape(str(p))}) · {a} article(s)<br>{hover_text(s)}"
                    for e, p, a, s in zip(markers["expression"], markers["precision"], markers["articles"], markers["sentence"])
                ],
                hovertemplate="%{text}<extra></extra>",
            ),
            row=2, col=1,
        )
        fig.update_yaxes(title_text="events", row=2, col=1, **count_axis(markers["articles"].max()))
    top = counts.groupby("period")["articles"].sum().max() if len(counts) else 0
    fig.update_yaxes(title_text="articles", row=1, col=1, **count_axis(top))
    fig.update_layout(barmode="stack", bargap=0.15, hovermode="closest", clickmode="event+select")
    return style_figure(fig, 520 if has_events else 400)


def chain_share(articles: pd.DataFrame, mentions: pd.DataFrame, chains: Sequence[str], freq: str) -> pd.DataFrame:
    """Per (period, chain), every period from the first article's to the last's: articles mentioning the chain, all
    articles of the period and their share; the share is NaN (a gap, not 0 %) in a period without articles."""
    periods = pd.DataFrame({"article_id": articles["article_id"], "period": period_start(articles["date"], freq)})
    periods = periods.dropna(subset=["period"])
    total = periods.groupby("period").size().rename("total")
    if len(total):
        every = pd.period_range(total.index.min(), total.index.max(), freq=FREQS[freq]).start_time
        total = total.reindex(pd.Index(every, name="period"), fill_value=0)
    pairs = article_chains(mentions, chains).merge(periods, on="article_id")
    hits = pairs.groupby(["period", "chain"]).size().rename("articles")
    grid = pd.MultiIndex.from_product([total.index, list(chains)], names=["period", "chain"])
    out = hits.reindex(grid, fill_value=0).reset_index().join(total, on="period")
    out["share"] = (out["articles"] / out["total"].where(out["total"] > 0)).astype("float64")
    return out.astype({"chain": "string", "articles": "int64", "total": "int64"})


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
