"""Value chains and themes: the chain mix, which themes occur together, the terms and cross-cutting themes
driving each chain."""

from __future__ import annotations

import html
from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.charts.style import NONE, SEVERAL, UNSPECIFIED, chain_colors, count_axis, count_heatmap, style_figure
from ui.codes import recode, table
from ui.filters import isin


def chain_mix(articles: pd.DataFrame, pairs: pd.DataFrame, chains: Sequence[str]) -> pd.DataFrame:
    """Articles mentioning each chain (an article may count for several) and those mentioning none, from their
    `article_chains` rows `pairs`."""
    pairs = pairs[isin(pairs["article_id"], articles["article_id"])]
    per = pairs.groupby("chain").size()
    none = int((~isin(articles["article_id"], pairs["article_id"])).sum())
    rows = [(c, int(per.get(c, 0))) for c in chains] + [(NONE, none)]
    return pd.DataFrame(rows, columns=["chain", "articles"]).astype({"chain": "string", "articles": "int64"})


def mix_figure(mix: pd.DataFrame, total: int) -> go.Figure:
    """Horizontal bars of articles per chain, labelled with the share of `total` articles."""
    share = [f"{n} ({n / total:.0%})" if total else str(n) for n in mix["articles"]]
    colors = chain_colors([c for c in mix["chain"] if c not in (SEVERAL, UNSPECIFIED, NONE)])
    fig = go.Figure(
        go.Bar(
            x=mix["articles"], y=mix["chain"], orientation="h", text=share, textposition="auto",
            marker_color=[colors[c] for c in mix["chain"]],
            hovertemplate="%{y}: %{x} articles<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text="articles mentioning the chain", **count_axis(mix["articles"].max() if len(mix) else 0))
    return style_figure(fig, 260, legend=False)


def cooccurrence(mentions: pd.DataFrame, themes: Sequence[str], rows: np.ndarray | None = None) -> pd.DataFrame:
    """Square frame themes × themes: articles mentioning both (diagonal: articles mentioning the theme), from
    mention rows (or their distinct (article_id, theme) pairs: repeats count once); of the `rows` a boolean mask
    keeps (None: all), so a view counts the whole corpus's pairs it passes without copying them."""
    theme_codes = recode(mentions["theme"], themes)
    ids = mentions["article_id"].astype("category")
    article = ids.cat.codes.to_numpy()
    keep = (theme_codes >= 0) & (article >= 0)
    keep = keep if rows is None else keep & rows
    onehot = table(article, theme_codes, len(ids.cat.categories), len(themes), keep) > 0
    onehot = onehot.astype(np.float64)  # floats: the product runs in BLAS, exact far beyond any count
    return pd.DataFrame((onehot.T @ onehot).round().astype(np.int64), index=list(themes), columns=list(themes))


def cooccurrence_figure(matrix: pd.DataFrame) -> go.Figure:
    """Heatmap of the co-occurrence matrix with the counts written in the cells."""
    return count_heatmap(matrix, "Teal", "%{y} & %{x}: %{z} articles", 120 + 42 * len(matrix))


def top_terms(pairs: pd.DataFrame, chains: Sequence[str], n: int = 8, rows: np.ndarray | None = None) -> pd.DataFrame:
    """The `n` terms found in most articles per chain: columns chain, term, articles; from the distinct
    (article_id, theme, term) rows of the mentions (a view keeps them per corpus: `View.term_pairs`), of the
    `rows` a boolean mask keeps (None: all). Counted on the theme and term codes."""
    theme = recode(pairs["theme"], chains)
    term = pairs["term"].astype("category")
    term_codes = term.cat.codes.to_numpy()
    terms = term.cat.categories.astype(str)
    keep = (theme >= 0) & (term_codes >= 0)
    keep = keep if rows is None else keep & rows
    counts = table(theme, term_codes, len(chains), len(terms), keep)
    top = []
    for i, chain in enumerate(chains):
        found = np.flatnonzero(counts[i])
        best = sorted(found, key=lambda j: (-counts[i, j], terms[j]))[:n]  # most articles, then A–Z
        top += [(chain, terms[j], int(counts[i, j])) for j in best]
    return pd.DataFrame(top, columns=["chain", "term", "articles"]).astype(
        {"chain": "string", "term": "string", "articles": "int64"})


def terms_figure(terms: pd.DataFrame, chains: Sequence[str]) -> alt.Chart:
    """Small multiples (one panel per chain) of horizontal bars: the terms driving each chain."""
    domain, colors = list(chains), chain_colors(chains)
    return (
        alt.Chart(terms)
        .mark_bar()
        .encode(
            x=alt.X("articles:Q", title="articles", axis=alt.Axis(format=",d", tickMinStep=1)),
            y=alt.Y("term:N", sort="-x", title=None, axis=alt.Axis(labelLimit=130, labelOverlap=False)),
            color=alt.Color("chain:N", scale=alt.Scale(domain=domain, range=[colors[c] for c in domain]), legend=None),
            tooltip=["chain:N", "term:N", "articles:Q"],
        )
        .properties(width=150, height=alt.Step(18))
        .facet(column=alt.Column("chain:N", sort=domain, title=None))
        .resolve_scale(y="independent", x="independent")
    )


def cross_themes(matrix: pd.DataFrame, chains: Sequence[str], cross: Sequence[str]) -> pd.DataFrame:
    """Per (chain, cross-cutting theme): articles mentioning both, read from the `cooccurrence` matrix (which must
    hold every chain and cross-cutting theme); every pair present, zeros included."""
    block = matrix.reindex(index=list(chains), columns=list(cross), fill_value=0)
    out = block.rename_axis(index="chain", columns="theme").stack().rename("articles").reset_index()
    return out.astype({"chain": "string", "theme": "string", "articles": "int64"})


def cross_figure(table: pd.DataFrame, chains: Sequence[str]) -> go.Figure:
    """Grouped horizontal bars: for each cross-cutting theme, the articles it shares with each chain."""
    fig, colors = go.Figure(), chain_colors(chains)
    for chain in chains:
        part = table[table["chain"] == chain]
        fig.add_trace(
            go.Bar(
                x=part["articles"], y=part["theme"], orientation="h", name=chain, marker_color=colors[chain],
                hovertemplate=html.escape(chain) + " & %{y}: %{x} articles<extra></extra>",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text="articles mentioning both", **count_axis(table["articles"].max() if len(table) else 0))
    return style_figure(fig, 140 + 22 * len(chains) * max(1, table["theme"].nunique()))
