"""Shared look of the charts: colours per value chain and side, escaping of plotly labels, layout and axes."""

from __future__ import annotations

import html
from functools import lru_cache
from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go

NONE = "none"
UNSPECIFIED = "unspecified"
SEVERAL = "several"
CHAIN_COLORS: dict[str, str] = {
    "raw materials": "#EA580C",
    "batteries": "#059669",
    "hydrogen": "#3B82F6",
    SEVERAL: "#DB2777",
    NONE: "#94A3B8",
    UNSPECIFIED: "#94A3B8",
}
SIDE_COLORS: dict[str, str] = {"EU": "#6366F1", "Kazakhstan": "#EAB308", "other": "#94A3B8", "": "#CBD5E1"}
SIDE_NAMES: dict[str, str] = {"EU": "EU", "Kazakhstan": "Kazakhstan", "other": "other", "": "unknown"}
FREQS: dict[str, str] = {"week": "W", "month": "M", "quarter": "Q"}
BAR_MS: dict[str, float] = {k: 0.85 * days * 86_400_000 for k, days in {"week": 7, "month": 30.4, "quarter": 91.3}.items()}
MARGIN: dict[str, int] = dict(l=8, r=8, t=36, b=8)  # the top margin holds plotly's mode bar
TICKS_PX, TITLE_PX, LEGEND_PX = 28, 22, 44  # heights of x tick labels, an x axis title and two legend rows (390 px)
_EXTRA = ["#A855F7", "#EC4899", "#14B8A6", "#F43F5E", "#84CC16", "#0EA5E9"]


def chain_color(name: str, index: int = 0) -> str:
    """Colour of a value chain (or any other theme, by its position)."""
    return CHAIN_COLORS.get(name, _EXTRA[index % len(_EXTRA)])


def chain_order(chains: Sequence[str]) -> list[str]:
    """Every chain label in legend order: the corpus's chains (lexicon order), then "several", "unspecified", "none".
    Charts draw the labels they have in this order, so legends read alike."""
    return [*chains, SEVERAL, UNSPECIFIED, NONE]


def chain_colors(chains: Sequence[str]) -> dict[str, str]:
    """Colour of every label of `chain_order(chains)`: the same for a chain in every chart, whatever it draws."""
    return {name: chain_color(name, i) for i, name in enumerate(chain_order(chains))}


def label_texts(values: Iterable) -> list[str]:
    """Category labels (axis ticks, and hovers through %{x}/%{y}) escaped: plotly draws its pseudo-HTML in them."""
    return [html.escape(str(v)) for v in values]


@lru_cache(maxsize=16384)
def hover_text(text: str, width: int = 70, limit: int = 280) -> str:
    """`text` escaped for a plotly hover label, cut at `limit` and wrapped at `width` characters (remembered: the
    same sentences come back on every filter change)."""
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


def count_axis(top: float) -> dict:
    """Axis settings for counts of `top` at most: whole numbers only. Plotly's automatic ticks step by 0.5 on a range
    up to about 5 ("0.5 article"); so one tick per unit up to 5, and above it a range that never shrinks below 5,
    even when legend clicks hide the tallest traces."""
    axis = dict(tickformat=",d", rangemode="tozero", tick0=0)
    return axis | (dict(dtick=1) if top <= 5 else dict(autorangeoptions=dict(include=5)))


def legend_y(fig: go.Figure, height: int) -> float:
    """Where the top of a legend under the plot of a `height` px figure (legend not counted) goes: below the x tick
    labels and the x title if there is one. Plotly places it in plot heights (negative: below), and the plot is
    the figure less its margins and that gap."""
    below = TICKS_PX + (TITLE_PX if any(a.title.text for a in fig.select_xaxes()) else 0)
    return -below / max(height - MARGIN["t"] - MARGIN["b"] - below, below)


def style_figure(fig: go.Figure, height: int, *, legend: bool = True) -> go.Figure:
    """`fig` `height` px tall with the dashboard's margins, plus room for a legend horizontal under the plot: at the
    top, plotly's mode bar (top right) covered the legend on a 390 px phone."""
    fig.update_layout(
        height=height + (LEGEND_PX if legend else 0),
        margin=MARGIN,
        showlegend=legend,
        # "normal": plotly reverses the legend of stacked bars by default, so legends would read in two orders
        legend=dict(orientation="h", yanchor="top", y=legend_y(fig, height), x=0, title_text="", traceorder="normal"),
    )
    return fig


def count_heatmap(table: pd.DataFrame, colorscale: str, hover: str, height: int) -> go.Figure:
    """Heatmap of a count table, rows top to bottom, with the counts written in the cells."""
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy(), x=label_texts(table.columns), y=label_texts(table.index), text=table.to_numpy(),
            texttemplate="%{text}", colorscale=colorscale, showscale=False, hovertemplate=hover + "<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    return style_figure(fig, height, legend=False)
