"""Chart builders: corpus tables in, aggregated frame or figure out. No Streamlit.

Each `*_counts`/`*_table` function aggregates (so the browser only ever receives a
few hundred points) and each `*_figure` function draws an aggregate. Colours are
fixed per value chain and per side, mid-saturation so they read on light and dark
backgrounds. Text that ends up in a plotly hover label is HTML-escaped first
(plotly interprets a subset of HTML there).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence

import altair as alt
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.filters import isin, speaker_key

NONE = "none"
UNSPECIFIED = "unspecified"
CHAIN_COLORS: dict[str, str] = {
    "raw materials": "#EA580C",
    "batteries": "#059669",
    "hydrogen": "#3B82F6",
    NONE: "#94A3B8",
    UNSPECIFIED: "#94A3B8",
}
SIDE_COLORS: dict[str, str] = {"EU": "#6366F1", "Kazakhstan": "#EAB308", "other": "#94A3B8", "": "#CBD5E1"}
FREQS: dict[str, str] = {"week": "W", "month": "M", "quarter": "Q"}
BAR_MS: dict[str, float] = {k: 0.85 * days * 86_400_000 for k, days in {"week": 7, "month": 30.4, "quarter": 91.3}.items()}
_EXTRA = ["#A855F7", "#EC4899", "#14B8A6", "#F43F5E", "#84CC16", "#0EA5E9"]


def chain_color(name: str, index: int = 0) -> str:
    """Colour of a value chain (or any other theme, by its position)."""
    return CHAIN_COLORS.get(name, _EXTRA[index % len(_EXTRA)])


def _labels(values: Iterable) -> list[str]:
    """Category labels (axis ticks, and hovers through %{x}/%{y}) escaped: plotly draws its pseudo-HTML in them."""
    return [html.escape(str(v)) for v in values]


def _hover(text: str, width: int = 70, limit: int = 280) -> str:
    """`text` escaped for a plotly hover label, cut at `limit` and wrapped at `width` characters."""
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "<br>".join(html.escape(part) for part in lines)


def _style(fig: go.Figure, height: int, *, legend: bool = True) -> go.Figure:
    fig.update_layout(
        height=height,
        margin=dict(l=8, r=8, t=36, b=8),
        showlegend=legend,
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, title_text=""),
    )
    return fig


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
    """Per article (indexed like `articles`): the chain it mentions most (ties: lexicon order), else "none"."""
    pairs = article_chains(mentions, chains)
    order = {c: i for i, c in enumerate(chains)}
    pairs = pairs.assign(rank=pairs["chain"].map(order)).sort_values(
        ["article_id", "n", "rank"], ascending=[True, False, True]
    )
    top = pairs.drop_duplicates("article_id").set_index("article_id")["chain"]
    return articles["article_id"].map(top).astype("string").fillna(NONE)


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """First day of the week (Monday), month or quarter of each date."""
    return dates.dt.to_period(FREQS[freq]).dt.start_time


def coverage_counts(
    articles: pd.DataFrame, mentions: pd.DataFrame, chains: Sequence[str], freq: str
) -> pd.DataFrame:
    """Articles per (period, main chain): columns period, chain, articles; chains in lexicon order, "none" last."""
    frame = pd.DataFrame(
        {"period": period_start(articles["date"], freq), "chain": main_chain(articles, mentions, chains)}
    ).dropna(subset=["period"])
    counts = frame.groupby(["period", "chain"]).size().rename("articles").reset_index()
    order = {c: i for i, c in enumerate([*chains, NONE])}
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
    for i, chain in enumerate([*chains, NONE]):
        part = counts[counts["chain"] == chain]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=part["period"], y=part["articles"], name=chain, marker_color=chain_color(chain, i),
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
                    f"<b>{html.escape(str(e))}</b> ({html.escape(str(p))}) · {a} article(s)<br>{_hover(s)}"
                    for e, p, a, s in zip(markers["expression"], markers["precision"], markers["articles"], markers["sentence"])
                ],
                hovertemplate="%{text}<extra></extra>",
            ),
            row=2, col=1,
        )
        fig.update_yaxes(title_text="events", row=2, col=1)
    fig.update_yaxes(title_text="articles", row=1, col=1)
    fig.update_layout(barmode="stack", bargap=0.15, hovermode="closest", clickmode="event+select")
    return _style(fig, 520 if has_events else 400)


def chain_mix(articles: pd.DataFrame, mentions: pd.DataFrame, chains: Sequence[str]) -> pd.DataFrame:
    """Articles mentioning each chain (an article may count for several) and those mentioning none."""
    pairs = article_chains(mentions[isin(mentions["article_id"], articles["article_id"])], chains)
    per = pairs.groupby("chain").size()
    none = int((~isin(articles["article_id"], pairs["article_id"])).sum())
    rows = [(c, int(per.get(c, 0))) for c in chains] + [(NONE, none)]
    return pd.DataFrame(rows, columns=["chain", "articles"]).astype({"chain": "string", "articles": "int64"})


def mix_figure(mix: pd.DataFrame, total: int) -> go.Figure:
    """Horizontal bars of articles per chain, labelled with the share of `total` articles."""
    share = [f"{n} ({n / total:.0%})" if total else str(n) for n in mix["articles"]]
    fig = go.Figure(
        go.Bar(
            x=mix["articles"], y=mix["chain"], orientation="h", text=share, textposition="auto",
            marker_color=[chain_color(c, i) for i, c in enumerate(mix["chain"])],
            hovertemplate="%{y}: %{x} articles<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text="articles mentioning the chain")
    return _style(fig, 260, legend=False)


def chain_share(articles: pd.DataFrame, mentions: pd.DataFrame, chains: Sequence[str], freq: str) -> pd.DataFrame:
    """Per (period, chain): articles mentioning the chain, all articles of the period and their share."""
    periods = pd.DataFrame({"article_id": articles["article_id"], "period": period_start(articles["date"], freq)})
    periods = periods.dropna(subset=["period"])
    total = periods.groupby("period").size().rename("total")
    pairs = article_chains(mentions, chains).merge(periods, on="article_id")
    hits = pairs.groupby(["period", "chain"]).size().rename("articles")
    grid = pd.MultiIndex.from_product([total.index, list(chains)], names=["period", "chain"])
    out = hits.reindex(grid, fill_value=0).reset_index().join(total, on="period")
    out["share"] = out["articles"] / out["total"]
    return out.astype({"chain": "string", "articles": "int64", "total": "int64"})


def share_figure(share: pd.DataFrame, chains: Sequence[str]) -> go.Figure:
    """Lines of each chain's share of the period's articles (0–100 %)."""
    fig = go.Figure()
    for i, chain in enumerate(chains):
        part = share[share["chain"] == chain]
        fig.add_trace(
            go.Scatter(
                x=part["period"], y=part["share"], name=chain, mode="lines+markers",
                line=dict(color=chain_color(chain, i), width=2.5, dash=("solid", "dash", "dot")[i % 3]),
                customdata=list(zip(part["articles"], part["total"])),
                hovertemplate=html.escape(chain) + " · %{x|%Y-%m-%d}: %{y:.0%} (%{customdata[0]} of %{customdata[1]})<extra></extra>",
            )
        )
    fig.update_yaxes(tickformat=".0%", range=[0, 1.05], title_text="share of articles")
    return _style(fig, 360)


def cooccurrence(mentions: pd.DataFrame, themes: Sequence[str]) -> pd.DataFrame:
    """Square frame themes × themes: articles mentioning both (diagonal: articles mentioning the theme)."""
    theme_codes = pd.Categorical(mentions["theme"].astype("string"), categories=list(themes)).codes
    keep = theme_codes >= 0
    article_codes = pd.factorize(mentions["article_id"][keep])[0]
    onehot = np.zeros((article_codes.max() + 1 if len(article_codes) else 0, len(themes)), dtype=np.int64)
    onehot[article_codes, theme_codes[keep]] = 1
    return pd.DataFrame(onehot.T @ onehot, index=list(themes), columns=list(themes))


def cooccurrence_figure(matrix: pd.DataFrame) -> go.Figure:
    """Heatmap of the co-occurrence matrix with the counts written in the cells."""
    return _count_heatmap(matrix, "Teal", "%{y} & %{x}: %{z} articles", 120 + 42 * len(matrix))


def _count_heatmap(table: pd.DataFrame, colorscale: str, hover: str, height: int) -> go.Figure:
    """Heatmap of a count table, rows top to bottom, with the counts written in the cells."""
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy(), x=_labels(table.columns), y=_labels(table.index), text=table.to_numpy(),
            texttemplate="%{text}", colorscale=colorscale, showscale=False, hovertemplate=hover + "<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    return _style(fig, height, legend=False)


def top_terms(mentions: pd.DataFrame, chains: Sequence[str], n: int = 8) -> pd.DataFrame:
    """The `n` terms found in most articles per chain: columns chain, term, articles."""
    m = mentions[mentions["theme"].astype("string").isin(chains).fillna(False)]
    pairs = pd.DataFrame({"chain": m["theme"].astype("string"), "term": m["term"].astype("string"), "article_id": m["article_id"]})
    counts = pairs.drop_duplicates().groupby(["chain", "term"]).size().rename("articles").reset_index()
    counts = counts.sort_values(["chain", "articles", "term"], ascending=[True, False, True])
    counts = counts.groupby("chain").head(n)
    order = {c: i for i, c in enumerate(chains)}
    counts = counts.assign(rank=counts["chain"].map(order)).sort_values(["rank", "articles", "term"], ascending=[True, False, True])
    return counts.drop(columns="rank").reset_index(drop=True).astype({"articles": "int64"})


def terms_figure(terms: pd.DataFrame, chains: Sequence[str]) -> alt.Chart:
    """Small multiples (one panel per chain) of horizontal bars: the terms driving each chain."""
    domain = list(chains)
    return (
        alt.Chart(terms)
        .mark_bar()
        .encode(
            x=alt.X("articles:Q", title="articles"),
            y=alt.Y("term:N", sort="-x", title=None, axis=alt.Axis(labelLimit=130, labelOverlap=False)),
            color=alt.Color("chain:N", scale=alt.Scale(domain=domain, range=[chain_color(c, i) for i, c in enumerate(domain)]), legend=None),
            tooltip=["chain:N", "term:N", "articles:Q"],
        )
        .properties(width=150, height=alt.Step(18))
        .facet(column=alt.Column("chain:N", sort=domain, title=None))
        .resolve_scale(y="independent", x="independent")
    )


def cross_themes(mentions: pd.DataFrame, chains: Sequence[str], cross: Sequence[str]) -> pd.DataFrame:
    """Per (chain, cross-cutting theme): articles mentioning both; every pair present, zeros included."""
    pairs = mentions[["article_id", "theme"]].assign(theme=mentions["theme"].astype("string")).drop_duplicates()
    left = pairs[pairs["theme"].isin(chains)].rename(columns={"theme": "chain"})
    right = pairs[pairs["theme"].isin(cross)]
    both = left.merge(right, on="article_id").groupby(["chain", "theme"]).size().rename("articles")
    grid = pd.MultiIndex.from_product([list(chains), list(cross)], names=["chain", "theme"])
    return both.reindex(grid, fill_value=0).reset_index().astype({"chain": "string", "theme": "string", "articles": "int64"})


def cross_figure(table: pd.DataFrame, chains: Sequence[str]) -> go.Figure:
    """Grouped horizontal bars: for each cross-cutting theme, the articles it shares with each chain."""
    fig = go.Figure()
    for i, chain in enumerate(chains):
        part = table[table["chain"] == chain]
        fig.add_trace(
            go.Bar(
                x=part["articles"], y=part["theme"], orientation="h", name=chain, marker_color=chain_color(chain, i),
                hovertemplate=html.escape(chain) + " & %{y}: %{x} articles<extra></extra>",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text="articles mentioning both")
    return _style(fig, 140 + 22 * len(chains) * max(1, table["theme"].nunique()))


def explode_themes(quotes: pd.DataFrame) -> pd.DataFrame:
    """`quotes` with one row per value chain in `themes` (column `chain`; "unspecified" for none)."""
    chains = quotes["themes"].astype("string").fillna("").str.split(",")
    out = quotes.assign(chain=chains).explode("chain")
    out["chain"] = out["chain"].str.strip().replace("", UNSPECIFIED).fillna(UNSPECIFIED).astype("string")
    return out.reset_index(drop=True)


def quotes_per_chain(quotes: pd.DataFrame, chains: Sequence[str]) -> pd.DataFrame:
    """Quotes per chain and kind: columns chain, direct, reported, total; chains then "unspecified"."""
    ex = explode_themes(quotes)
    table = pd.crosstab(ex["chain"], ex["kind"].astype("string")) if len(ex) else pd.DataFrame()
    table = table.reindex(index=[*chains, UNSPECIFIED], columns=["direct", "reported"], fill_value=0)
    table["total"] = table["direct"] + table["reported"]
    table.index.name = "chain"
    table.columns.name = None
    return table.reset_index().astype({"chain": "string", "direct": "int64", "reported": "int64", "total": "int64"})


def speakers_table(quotes: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The `n` speakers with most quotes: speaker (filters.speaker_key), role (longest seen), side (most frequent),
    quotes, direct, reported, articles."""
    key = speaker_key(quotes)
    named = quotes[key != ""]
    frame = pd.DataFrame({
        "speaker": key[key != ""], "role": named["speaker_role"].astype("string").fillna(""),
        "side": named["side"].astype("string").fillna(""), "direct": (named["kind"].astype("string") == "direct").astype("int64"),
        "article_id": named["article_id"],
    })
    grouped = frame.groupby("speaker").agg(quotes=("direct", "size"), direct=("direct", "sum"), articles=("article_id", "nunique"))
    grouped["reported"] = grouped["quotes"] - grouped["direct"]
    role = frame.assign(size=frame["role"].str.len()).sort_values(["speaker", "size"], ascending=[True, False])
    grouped["role"] = role.drop_duplicates("speaker").set_index("speaker")["role"]
    sides = frame.groupby(["speaker", "side"]).size().rename("k").reset_index().sort_values(["speaker", "k"], ascending=[True, False])
    grouped["side"] = sides.drop_duplicates("speaker").set_index("speaker")["side"]
    grouped = grouped.reset_index().sort_values(["quotes", "speaker"], ascending=[False, True]).head(n)
    cols = ["speaker", "role", "side", "quotes", "direct", "reported", "articles"]
    return grouped[cols].reset_index(drop=True).astype(
        {"role": "string", "side": "string", "quotes": "int64", "direct": "int64", "reported": "int64", "articles": "int64"}
    )


def speakers_figure(speakers: pd.DataFrame) -> go.Figure:
    """Horizontal bars of quotes per speaker, coloured by side (EU, Kazakhstan, other)."""
    return _side_bars(
        speakers, lambda part: list(zip(part["direct"], part["reported"], [html.escape(r) for r in part["role"]])),
        "%{y}<br>%{customdata[2]}<br>%{x} quotes: %{customdata[0]} direct, %{customdata[1]} reported<extra></extra>",
    )


def _side_bars(table: pd.DataFrame, customdata: Callable[[pd.DataFrame], list], hover: str) -> go.Figure:
    """Stacked horizontal bars of `quotes` per `speaker`, one trace per side, in the table's order."""
    fig = go.Figure()
    for side, color in SIDE_COLORS.items():
        part = table[table["side"] == side]
        if part.empty:
            continue
        fig.add_trace(go.Bar(x=part["quotes"], y=_labels(part["speaker"]), orientation="h", name=side or "unknown side",
                             marker_color=color, customdata=customdata(part), hovertemplate=hover))
    fig.update_yaxes(categoryorder="array", categoryarray=_labels(table["speaker"]), autorange="reversed")
    fig.update_xaxes(title_text="quotes")
    fig.update_layout(barmode="stack")
    return _style(fig, 120 + 26 * max(1, len(table)))


def speaker_chains(quotes: pd.DataFrame, speakers: Sequence[str], chains: Sequence[str]) -> pd.DataFrame:
    """Square frame speakers × [*chains, "unspecified"]: how many of each speaker's quotes touch each chain."""
    key = speaker_key(quotes)
    ex = explode_themes(quotes.assign(speaker=key)[isin(key, speakers)])
    table = pd.crosstab(ex["speaker"].astype("string"), ex["chain"]) if len(ex) else pd.DataFrame()
    table = table.reindex(index=list(speakers), columns=[*chains, UNSPECIFIED], fill_value=0).astype("int64")
    table.index.name = table.columns.name = None
    return table


def speaker_chains_figure(table: pd.DataFrame) -> go.Figure:
    """Heatmap of quotes per speaker and chain, counts in the cells."""
    return _count_heatmap(table, "Purples", "%{y} on %{x}: %{z} quotes", 120 + 26 * max(1, len(table)))


def side_chains(quotes: pd.DataFrame, chains: Sequence[str]) -> pd.DataFrame:
    """Quotes per (side, chain) for the EU and Kazakhstan sides and "other": columns side, chain, quotes."""
    ex = explode_themes(quotes)
    ex = ex.assign(side=ex["side"].astype("string").fillna(""))
    ex = ex[ex["side"] != ""]
    counts = ex.groupby(["side", "chain"]).size().rename("quotes")
    grid = pd.MultiIndex.from_product([["EU", "Kazakhstan", "other"], [*chains, UNSPECIFIED]], names=["side", "chain"])
    return counts.reindex(grid, fill_value=0).reset_index().astype({"side": "string", "chain": "string", "quotes": "int64"})


def side_chains_figure(table: pd.DataFrame) -> go.Figure:
    """Grouped bars: quotes per chain, one bar per side."""
    fig = go.Figure()
    for side in ["EU", "Kazakhstan", "other"]:
        part = table[table["side"] == side]
        fig.add_trace(
            go.Bar(x=part["chain"], y=part["quotes"], name=side, marker_color=SIDE_COLORS[side],
                   hovertemplate=side + " on %{x}: %{y} quotes<extra></extra>")
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text="quotes")
    return _style(fig, 340)


def people_figure(people: pd.DataFrame, n: int = 10) -> go.Figure:
    """Horizontal bars of the `n` most quoted people (from the people table), coloured by side."""
    top = people.sort_values(["n_quotes", "name"], ascending=[False, True]).head(n)
    table = pd.DataFrame({
        "speaker": top["name"].astype("string"), "role": top["role"].astype("string").fillna(""),
        "side": top["side"].astype("string").fillna(""), "quotes": top["n_quotes"].astype("int64"),
    })
    return _side_bars(table, lambda part: [html.escape(r) for r in part["role"]],
                      "%{y}<br>%{customdata}<br>%{x} quotes<extra></extra>")
