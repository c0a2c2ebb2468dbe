"""Quotes: per value chain, per speaker and per side (EU, Kazakhstan, other)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.charts.style import SIDE_COLORS, SIDE_NAMES, UNSPECIFIED, count_axis, count_heatmap, label_texts, style_figure
from ui.codes import codes, distinct_per, table
from ui.filters import speaker_codes

SPEAKER_KEY = "speaker_key"  # in exploded quote rows: the name the speaker is counted by (filters.speaker_key)


def explode_themes(quotes: pd.DataFrame) -> pd.DataFrame:
    """`quotes` with one row per value chain in `themes` (column `chain`, a categorical; "unspecified" for none).
    Each distinct `themes` value is split once, not each quote's: a corpus has a few dozen of them."""
    themes = quotes["themes"].astype("category")
    code, texts = codes(themes)
    split = [[t.strip() or UNSPECIFIED for t in str(text).split(",")] for text in texts]  # "": none, "unspecified"
    chains = pd.Index(list(dict.fromkeys(t for parts in split for t in parts)))
    lengths = np.array([len(parts) for parts in split])
    flat = np.concatenate([chains.get_indexer(parts) for parts in split])
    first = np.cumsum(lengths) - lengths  # where each `themes` value's chains start in `flat`
    per_row = lengths[code]
    rows = np.repeat(np.arange(len(quotes)), per_row)
    nth = np.arange(len(rows)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    chain = pd.Categorical.from_codes(flat[first[code[rows]] + nth] if len(rows) else np.zeros(0, dtype=int),
                                      categories=chains)
    return quotes.iloc[rows].reset_index(drop=True).assign(chain=chain)


def quotes_per_chain(ex: pd.DataFrame, chains: Sequence[str]) -> pd.DataFrame:
    """Quotes per chain and kind, from their `explode_themes` rows `ex`: columns chain, direct, reported, total;
    chains then "unspecified"."""
    rows = [*chains, UNSPECIFIED]
    counts = _cross(ex["chain"], ex["kind"], rows, ["direct", "reported"]).astype("int64")
    return pd.DataFrame({"chain": pd.array(rows, dtype="string"), "direct": counts[:, 0], "reported": counts[:, 1],
                         "total": counts.sum(axis=1)})


def speakers_table(quotes: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The `n` speakers with most quotes: speaker (filters.speaker_key), role (longest seen, then A–Z), side (most
    frequent, then A–Z), quotes, direct, reported, articles. Counted on integer codes (the label columns are
    categoricals): at 100,000 articles the top speakers hold a third of all quotes, and grouping their rows by
    text cost a fifth of a second per filter change."""
    code, names = speaker_codes(quotes)
    counts = np.bincount(code, minlength=len(names))
    counts[0] = 0  # unattributed
    order = np.lexsort((np.asarray(names, dtype=object), -counts))  # most quotes, then A–Z
    top = order[counts[order] > 0][:n]
    k = len(top)
    rank = np.full(len(names), -1)
    rank[top] = np.arange(k)
    who = rank[code]
    chosen = who >= 0
    who = who[chosen]
    kind, kind_texts = codes(quotes["kind"], chosen)
    direct = np.bincount(who, weights=(kind_texts == "direct")[kind], minlength=k).astype("int64")
    article, article_texts = codes(quotes["article_id"], chosen)
    role, role_texts = codes(quotes["speaker_role"], chosen)
    side, side_texts = codes(quotes["side"], chosen)
    return pd.DataFrame({
        "speaker": pd.array(names[top], dtype="string"),
        "role": pd.array(_first_present(who, role, role_texts, k, key=lambda t: (-len(t), t)), dtype="string"),
        "side": pd.array(_most_frequent(who, side, side_texts, k), dtype="string"),
        "quotes": counts[top].astype("int64"), "direct": direct, "reported": counts[top].astype("int64") - direct,
        "articles": distinct_per(who, article, k, len(article_texts)).astype("int64"),
    })


def _first_present(who: np.ndarray, found: np.ndarray, texts: np.ndarray, k: int, key) -> list[str]:
    """Per speaker 0..k-1, the first text (in `key` order) of the codes their rows hold."""
    order = sorted(range(len(texts)), key=lambda i: key(texts[i]))
    present = table(who, found, k, len(texts))[:, order] > 0
    return [texts[order[i]] if row.any() else "" for i, row in zip(present.argmax(axis=1), present)]


def _most_frequent(who: np.ndarray, found: np.ndarray, texts: np.ndarray, k: int) -> list[str]:
    """Per speaker 0..k-1, the text their rows hold most often, the first in A–Z order on a tie."""
    order = sorted(range(len(texts)), key=lambda i: texts[i])
    counts = table(who, found, k, len(texts))[:, order]
    return [texts[order[i]] if row.any() else "" for i, row in zip(counts.argmax(axis=1), counts)]


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


def speaker_chains(ex: pd.DataFrame, speakers: Sequence[str], chains: Sequence[str]) -> pd.DataFrame:
    """Square frame speakers × [*chains, "unspecified"]: how many of each speaker's quotes touch each chain, from
    the quotes' `explode_themes` rows `ex` with their SPEAKER_KEY column (filters.speaker_key), which a view
    explodes once per corpus."""
    columns = [*chains, UNSPECIFIED]
    return pd.DataFrame(_cross(ex[SPEAKER_KEY], ex["chain"], list(speakers), columns), index=list(speakers),
                        columns=columns, dtype="int64")


def _cross(rows: pd.Series, columns: pd.Series, row_labels: list[str], column_labels: list[str]) -> np.ndarray:
    """Counts of each (row label, column label) pair of two label columns, as a matrix in the order given (a label
    the columns never hold counts 0); counted on codes, never on the texts of each row."""
    r, r_texts = codes(rows)
    c, c_texts = codes(columns)
    matrix = table(r, c, len(r_texts), len(c_texts))
    # a label absent from the column reads the missing label's cell of an all-zero row or column appended here
    matrix = np.pad(matrix, ((0, 1), (0, 1)))
    r_at = {text: i for i, text in enumerate(r_texts) if text}  # "" (missing) is never a label asked for
    c_at = {text: i for i, text in enumerate(c_texts) if text}
    return matrix[np.ix_([r_at.get(t, len(r_texts)) for t in row_labels], [c_at.get(t, len(c_texts)) for t in column_labels])]


def speaker_chains_figure(table: pd.DataFrame) -> go.Figure:
    """Heatmap of quotes per speaker and chain, counts in the cells."""
    return count_heatmap(table, "Purples", "%{y} on %{x}: %{z} quotes", 120 + 26 * max(1, len(table)))


def side_chains(ex: pd.DataFrame, chains: Sequence[str]) -> pd.DataFrame:
    """Quotes per (side, chain) for the EU and Kazakhstan sides and "other", from their `explode_themes` rows
    `ex`: columns side, chain, quotes."""
    sides, columns = ["EU", "Kazakhstan", "other"], [*chains, UNSPECIFIED]
    return pd.DataFrame({
        "side": pd.array([s for s in sides for _ in columns], dtype="string"),
        "chain": pd.array(columns * len(sides), dtype="string"),
        "quotes": _cross(ex["side"], ex["chain"], sides, columns).ravel().astype("int64"),
    })


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
