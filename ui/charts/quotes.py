"""Quotes: per value chain, per speaker and per side (EU, Kazakhstan, other)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import pandas as pd
import plotly.graph_objects as go

from ui.charts.style import SIDE_COLORS, SIDE_NAMES, UNSPECIFIED, count_axis, count_heatmap, label_texts, style_figure
from ui.filters import isin, speaker_key


def explode_themes(quotes: pd.DataFrame) -> pd.DataFrame:
    """`quotes` with one row per value chain in `themes` (column `chain`; "unspecified" for none)."""
    chains = quotes["themes"].astype("string").fillna("").str.split(",")
    out = quotes.assign(chain=chains).explode("chain")
    out["chain"] = out["chain"].str.strip().replace("", UNSPECIFIED).fillna(UNSPECIFIED).astype("string")
    return out.reset_index(drop=True)


def quotes_per_chain(ex: pd.DataFrame, chains: Sequence[str]) -> pd.DataFrame:
    """Quotes per chain and kind, from their `explode_themes` rows `ex`: columns chain, direct, reported, total;
    chains then "unspecified"."""
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
    counts = key[key != ""].value_counts().sort_index()
    top = counts.sort_values(ascending=False, kind="stable").index[:n]  # most quotes, then A–Z; only their rows are described
    chosen = isin(key, top).to_numpy()
    named, key = quotes[chosen], key[chosen]
    frame = pd.DataFrame({
        "speaker": key, "role": named["speaker_role"].astype("string").fillna(""),
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
        fig.add_trace(go.Bar(x=part["quotes"], y=label_texts(part["speaker"]), orientation="h", name=SIDE_NAMES[side],
                             marker_color=color, customdata=customdata(part), hovertemplate=hover))
    fig.update_yaxes(categoryorder="array", categoryarray=label_texts(table["speaker"]), autorange="reversed")
    fig.update_xaxes(title_text="quotes", **count_axis(table["quotes"].max() if len(table) else 0))
    fig.update_layout(barmode="stack")
    return style_figure(fig, 120 + 26 * max(1, len(table)))


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
    return count_heatmap(table, "Purples", "%{y} on %{x}: %{z} quotes", 120 + 26 * max(1, len(table)))


def side_chains(ex: pd.DataFrame, chains: Sequence[str]) -> pd.DataFrame:
    """Quotes per (side, chain) for the EU and Kazakhstan sides and "other", from their `explode_themes` rows
    `ex`: columns side, chain, quotes."""
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
    fig.update_yaxes(title_text="quotes", **count_axis(table["quotes"].max() if len(table) else 0))
    return style_figure(fig, 340)


def people_figure(people: pd.DataFrame, n: int = 10) -> go.Figure:
    """Horizontal bars of the `n` most quoted people (from the people table), coloured by side."""
    top = people.sort_values(["n_quotes", "name"], ascending=[False, True]).head(n)
    table = pd.DataFrame({
        "speaker": top["name"].astype("string"), "role": top["role"].astype("string").fillna(""),
        "side": top["side"].astype("string").fillna(""), "quotes": top["n_quotes"].astype("int64"),
    })
    return _side_bars(table, lambda part: [html.escape(r) for r in part["role"]],
                      "%{y}<br>%{customdata}<br>%{x} quotes<extra></extra>")
