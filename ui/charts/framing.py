"""Framing: the words and themes one side's speakers use more than the other side's.

A term's lean is the log-odds ratio of a quote from each side using it, as a z-score, with an informative prior
in the manner of Monroe, Colaresi and Quinn ("Fightin' Words", Political Analysis 2008): each side's rate starts
from the two sides' pooled rate, worth PRIOR_QUOTES quotes, so a term few quotes use is pulled towards no lean,
and a z beyond ±1.96 is a difference chance would give less than one time in twenty. Counts are quotes, not
occurrences, so a lean agrees with the shares shown beside it: a speaker repeating a word in one quote does not
make it a side's word. Terms come from quotes.terms (loaders/terms.py), split once per corpus
and counted per filter change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import altair as alt
import numpy as np
import pandas as pd
import pyarrow.compute as pc

from loaders.schema import arrow_text
from loaders.terms import SEPARATOR
from ui.charts.style import SIDE_COLORS

SIDES = ("EU", "Kazakhstan")  # compared: the first leans positive
PRIOR_QUOTES = 10.0  # weight of the pooled rate in each side's rate, in quotes
MIN_QUOTES = 5  # a term must be in at least this many of the compared quotes to be ranked
Z_DISTINCT = 1.96  # |z| beyond this: a difference chance gives less than once in twenty
ALL = "all"


class QuoteTerms(NamedTuple):
    """Every compared quote's distinct terms (quotes.terms), split once per corpus so that a filter change only
    selects and counts: the vocabulary `terms` (A-Z, so a term's code orders ties), and one pair per (quote, term),
    `quote_of` (the quote's position among the `n_quotes` split) and `term_of` (the term's code)."""

    terms: np.ndarray
    quote_of: np.ndarray
    term_of: np.ndarray
    n_quotes: int


class TermCounts(NamedTuple):
    """How many quotes of each side use each term, per group (a year): `counts[term, group, side]`, the quotes
    compared per group and side `quotes[group, side]`, and which compared quote uses which term
    (`quote_of`/`term_of`, one pair per distinct term of a quote, `quote_of` ascending)."""

    terms: np.ndarray
    groups: tuple[str, ...]
    counts: np.ndarray
    quotes: np.ndarray
    quote_of: np.ndarray
    term_of: np.ndarray


def split_terms(terms: pd.Series) -> QuoteTerms:
    """`QuoteTerms` of quotes whose terms (quotes.terms, `SEPARATOR`-joined) are given in order: one Arrow split."""
    lists = pc.split_pattern(arrow_text(terms), SEPARATOR)
    encoded = pc.dictionary_encode(pc.list_flatten(lists))
    vocabulary = encoded.dictionary.to_numpy(zero_copy_only=False).astype(object)
    code, owner = encoded.indices.to_numpy(), pc.list_parent_indices(lists).to_numpy()
    real = vocabulary != ""
    order = np.argsort(vocabulary[real], kind="stable")
    rank = np.full(len(vocabulary), -1, dtype=np.int32)  # int32 halves what the corpus keeps
    rank[np.flatnonzero(real)[order]] = np.arange(len(order), dtype=np.int32)
    keep = real[code]
    return QuoteTerms(vocabulary[real][order], owner[keep].astype(np.int32), rank[code[keep]], len(terms))


def term_counts(qt: QuoteTerms, chosen: np.ndarray | None, side: np.ndarray, group: np.ndarray,
                groups: Sequence[str]) -> TermCounts:
    """`TermCounts` of the quotes of `qt` at positions `chosen` (ascending; None: all of them), given with their side
    (0: SIDES[0], 1: SIDES[1]) and group (an index into `groups`): the terms they use (A-Z), and `quote_of` as
    positions in `chosen`."""
    n_groups = len(groups)
    quotes = np.bincount(group * 2 + side, minlength=n_groups * 2).reshape(n_groups, 2)
    owner, code = qt.quote_of, qt.term_of
    if chosen is not None:
        position = np.full(qt.n_quotes, -1, dtype=np.int32)
        position[chosen] = np.arange(len(chosen), dtype=np.int32)
        owner = position[owner]
        keep = owner >= 0
        owner, code = owner[keep], code[keep]
    used = np.bincount(code, minlength=len(qt.terms)) > 0  # only the terms these quotes use: a few filtered
    renumber = (np.cumsum(used) - 1).astype(np.int32)       # quotes need not count the whole vocabulary
    terms, code = qt.terms[used], renumber[code]
    cells = (code.astype(np.int64) * n_groups + group[owner]) * 2 + side[owner]
    counts = np.bincount(cells, minlength=len(terms) * n_groups * 2).reshape(len(terms), n_groups, 2)
    return TermCounts(terms, tuple(groups), counts, quotes, owner, code)


def log_odds_z(counts: np.ndarray, quotes: np.ndarray) -> np.ndarray:
    """z-score of each row's lean towards SIDES[0] (positive) or SIDES[1] (negative): `counts` is (rows …) × 2 sides
    (quotes using the term), `quotes` the quotes of each side, broadcast against it (one pair for all rows, or one
    per group: counts[term, group, side] with quotes[group, side]); see the module docstring for the prior."""
    y = counts.astype(np.float64)
    n = np.asarray(quotes, dtype=np.float64)
    pooled = y.sum(axis=-1) / np.maximum(n.sum(axis=-1), 1.0)
    alpha, beta = PRIOR_QUOTES * pooled, PRIOR_QUOTES * (1 - pooled)
    used, unused = y + alpha[..., None], (n - y) + beta[..., None]
    with np.errstate(divide="ignore", invalid="ignore"):
        logit = np.log(used) - np.log(unused)
        z = (logit[..., 0] - logit[..., 1]) / np.sqrt((1 / used + 1 / unused).sum(axis=-1))
    return np.nan_to_num(z, nan=0.0, posinf=0.0, neginf=0.0)


def _selected(tc: TermCounts, group: str) -> tuple[np.ndarray, np.ndarray]:
    """Counts (terms × sides) and quotes (per side) of one group, or of all groups summed (`ALL`)."""
    if group == ALL:
        return tc.counts.sum(axis=1), tc.quotes.sum(axis=0)
    g = tc.groups.index(group)
    return tc.counts[:, g, :], tc.quotes[g]


def _leaning(z: np.ndarray, used: np.ndarray, n: int) -> list[np.ndarray]:
    """Per side (SIDES order), the codes of the `n` used terms leaning most towards it: strongest first, ties A-Z
    (term codes are in A-Z order)."""
    picked = []
    for sign in (1, -1):
        rows = np.flatnonzero(used & (sign * z > 0))
        picked.append(rows[np.lexsort((rows, -sign * z[rows]))[:n]])
    return picked


def distinctive_terms(tc: TermCounts, group: str = ALL, n: int = 15, min_quotes: int = MIN_QUOTES) -> pd.DataFrame:
    """The `n` terms leaning most towards each side, in `group` (a year, or `ALL`): columns side (the one it leans
    to), term, z, EU and Kazakhstan (quotes using it), EU share and Kazakhstan share (of that side's quotes, %),
    distinct (|z| beyond Z_DISTINCT); only terms used by at least `min_quotes` compared quotes, and leaning
    (z ≠ 0). Strongest first within each side."""
    counts, quotes = _selected(tc, group)
    columns = ["side", "term", "z", *SIDES, *(f"{s} share" for s in SIDES), "distinct"]
    used = counts.sum(axis=1) >= min_quotes
    if not used.any():
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(columns, _DTYPES)})
    z = log_odds_z(counts, quotes)
    frames = [pd.DataFrame({
        "side": side, "term": tc.terms[rows], "z": z[rows].round(2),
        SIDES[0]: counts[rows, 0], SIDES[1]: counts[rows, 1],
        f"{SIDES[0]} share": _share(counts[rows, 0], quotes[0]), f"{SIDES[1]} share": _share(counts[rows, 1], quotes[1]),
        "distinct": np.abs(z[rows]) > Z_DISTINCT,
    }) for side, rows in zip(SIDES, _leaning(z, used, n))]
    return pd.concat(frames, ignore_index=True).astype(dict(zip(columns, _DTYPES)))


_DTYPES = ["string", "string", "float64", "int64", "int64", "float64", "float64", "bool"]


def _share(used: np.ndarray, quotes: int) -> np.ndarray:
    """Percent of `quotes` that `used` are, rounded to one decimal (0 for no quotes)."""
    return np.round(100.0 * used / quotes, 1) if quotes else np.zeros(len(used))


def distinctive_by_group(tc: TermCounts, n: int = 5, min_quotes: int = MIN_QUOTES) -> pd.DataFrame:
    """Per named group (year) with quotes from both sides: its `n` most distinctive terms of each side (as
    `distinctive_terms` ranks them), ", "-joined: columns group, EU, Kazakhstan (the terms), and the quotes compared
    (EU quotes, Kazakhstan quotes). Every group's leans in one computation."""
    z, used = log_odds_z(tc.counts, tc.quotes), tc.counts.sum(axis=2) >= min_quotes
    rows = [(name, *(", ".join(tc.terms[codes]) for codes in _leaning(z[:, g], used[:, g], n)), *tc.quotes[g].tolist())
            for g, name in enumerate(tc.groups) if name and tc.quotes[g].all()]
    columns = ["group", *SIDES, *(f"{s} quotes" for s in SIDES)]
    return pd.DataFrame(rows, columns=columns).astype(
        {"group": "string", SIDES[0]: "string", SIDES[1]: "string", f"{SIDES[0]} quotes": "int64",
         f"{SIDES[1]} quotes": "int64"})


def term_themes(terms: np.ndarray, theme_of_term: pd.Series, themes: Sequence[str]) -> np.ndarray:
    """Per term of a vocabulary (`QuoteTerms.terms`), the position in `themes` of its theme, -1 for a word that is
    no lexicon term; `theme_of_term` maps a canonical lexicon term, lower-cased, to its theme."""
    return pd.Index(list(themes)).get_indexer(pd.Series(terms).map(theme_of_term))


def theme_counts(tc: TermCounts, theme_of: np.ndarray, n_themes: int, n_quotes: int) -> np.ndarray:
    """Per compared quote (0..n_quotes-1) and theme: whether any of its terms is one of the theme's lexicon terms
    (`theme_of`: `term_themes` of tc.terms)."""
    of_pair = theme_of[tc.term_of]
    mentions = np.zeros((n_quotes, n_themes), dtype=bool)
    has = of_pair >= 0
    mentions[tc.quote_of[has], of_pair[has]] = True
    return mentions


def side_themes(mentions: np.ndarray, side: np.ndarray, themes: Sequence[str]) -> pd.DataFrame:
    """Per theme and side: the share of that side's compared quotes mentioning it (%, `share`), how many
    (`quotes`), and the theme's lean (z, as for terms; positive leans to SIDES[0]): one row per (theme, side)."""
    per_side = np.stack([mentions[side == s].sum(axis=0) for s in (0, 1)], axis=1)
    quotes = np.bincount(side, minlength=2)
    z = log_odds_z(per_side, quotes)
    rows = [(theme, SIDES[s], int(per_side[t, s]), float(_share(per_side[t:t + 1, s], int(quotes[s]))[0]),
             round(float(z[t]), 2)) for t, theme in enumerate(themes) for s in (0, 1)]
    return pd.DataFrame(rows, columns=["theme", "side", "quotes", "share", "z"]).astype(
        {"theme": "string", "side": "string", "quotes": "int64", "share": "float64", "z": "float64"})


def terms_figure(top: pd.DataFrame, side: str) -> alt.Chart:
    """Horizontal bars of one side's distinctive terms (from `distinctive_terms`), longest lean on top; a term
    whose lean is within chance is drawn pale."""
    part = top[top["side"] == side].assign(lean=lambda f: f["z"].abs())
    return (
        alt.Chart(part)
        .mark_bar(color=SIDE_COLORS[side])
        .encode(
            x=alt.X("lean:Q", title=f"lean towards {side} (z)"),
            y=alt.Y("term:N", sort="-x", title=None, axis=alt.Axis(labelLimit=160, labelOverlap=False)),
            opacity=alt.condition(alt.datum.distinct, alt.value(1.0), alt.value(0.35)),
            tooltip=[alt.Tooltip("term:N", title="term"), alt.Tooltip("z:Q", title="z", format=".2f"),
                     *(alt.Tooltip(f"{s}:Q", title=f"{s} quotes") for s in SIDES),
                     *(alt.Tooltip(f"{s} share:Q", title=f"% of {s} quotes", format=".1f") for s in SIDES)],
        )
        .properties(height=alt.Step(18))
    )


def themes_figure(table: pd.DataFrame) -> alt.Chart:
    """Grouped horizontal bars: per theme, the share of each side's quotes that mention it."""
    domain = list(SIDES)
    return (
        alt.Chart(table)
        .mark_bar()
        .encode(
            x=alt.X("share:Q", title="% of the side's quotes"),
            y=alt.Y("theme:N", sort=None, title=None, axis=alt.Axis(labelLimit=180)),
            yOffset=alt.YOffset("side:N", sort=domain),
            color=alt.Color("side:N", scale=alt.Scale(domain=domain, range=[SIDE_COLORS[s] for s in domain]),
                            legend=alt.Legend(orient="top", title=None)),
            tooltip=[alt.Tooltip("theme:N"), alt.Tooltip("side:N"), alt.Tooltip("quotes:Q", title="quotes"),
                     alt.Tooltip("share:Q", title="% of the side's quotes", format=".1f"),
                     alt.Tooltip("z:Q", title="lean (z, + EU)", format=".2f")],
        )
        .properties(height=alt.Step(12))
    )
