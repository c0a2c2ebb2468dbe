"""People, organisations, projects and places: who the filtered articles name, how often over time, who appears
with whom, and where. Persons come from the quotes (`quotes.person`, one name per person), organisations and projects
from the entities table; an organisation's quotes are those whose speaker is its name as written."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from ui.charts.style import count_axis, style_figure
from ui.codes import codes, distinct_per, first_of_run, recode

PERSON = "person"
KINDS = (PERSON, "organisation", "project")
_COLORS = {"mentions": "#0EA5E9", "quotes": "#A855F7"}


class Directory(NamedTuple):
    """Every name the page can open in the whole corpus, by code, and where each occurs, built once per corpus so
    that a filter change only masks and counts: `names` (A-Z) and `kinds`; persons' quotes sorted by code then
    article (`quote_code`, `quote_row` the quote's position in quotes, `quote_key` = code × articles + article);
    organisations' and projects' (code, article) pairs with their mentions (`pair_code`, `pair_article`,
    `pair_mentions`). Articles are rows of the whole articles table."""

    names: np.ndarray
    kinds: np.ndarray
    quote_code: np.ndarray
    quote_row: np.ndarray
    quote_article: np.ndarray
    quote_key: np.ndarray
    quote_of_body: np.ndarray  # the quote's name is a body's (rare: a name the article also gives a body)
    pair_code: np.ndarray
    pair_article: np.ndarray
    pair_mentions: np.ndarray
    n_articles: int


def build_directory(person: pd.Series, quote_article: np.ndarray, entities: pd.DataFrame,
                    entity_article: np.ndarray, n_articles: int) -> Directory:
    """`Directory` of the quotes' `person` column (with each quote's article row, -1 for none) and the entities
    rows (name, kind; with each row's article row); places, and rows without a name or an article, are left out.
    A name both quoted as a person and named as a body is one body (a project if it is ever named as one) whose
    articles and mentions count its quotes too."""
    entity_code, names = codes(entities["name"])  # a missing name reads as ""
    body = entities["kind"].isin(KINDS[1:]).to_numpy() & (entity_article >= 0)
    body[body] = names[entity_code[body]] != ""
    bodies = names[np.unique(entity_code[body])]
    projects = names[np.unique(entity_code[body & (entities["kind"] == KINDS[2]).to_numpy()])]
    quoted, person_names = codes(person)
    persons = person_names[np.unique(quoted[quote_article >= 0])]
    vocabulary = np.array(sorted({*bodies, *persons} - {""}), dtype=object)
    kinds = np.full(len(vocabulary), PERSON, dtype=object)
    kinds[pd.Index(vocabulary).get_indexer(bodies)] = KINDS[1]
    kinds[pd.Index(vocabulary).get_indexer(projects)] = KINDS[2]
    n = max(n_articles, 1)
    pair_key, pair_mentions = np.unique(recode(entities["name"], vocabulary)[body].astype(np.int64) * n
                                        + entity_article[body], return_counts=True)
    code = recode(person, vocabulary)
    spoken = np.flatnonzero((code >= 0) & (quote_article >= 0))
    key = code[spoken].astype(np.int64) * n + quote_article[spoken]
    order = np.argsort(key, kind="stable")
    spoken, key = spoken[order], key[order]
    return Directory(vocabulary, kinds, (key // n).astype(np.int32), spoken.astype(np.int32),
                     quote_article[spoken].astype(np.int32), key, kinds[code[spoken]] != PERSON,
                     (pair_key // n).astype(np.int32), (pair_key % n).astype(np.int32),
                     pair_mentions.astype(np.int64), n)


def directory(d: Directory, articles: np.ndarray | None, quotes: np.ndarray | None) -> pd.DataFrame:
    """The names of `d` in the given articles and quotes (boolean masks over the whole tables; None: all):
    columns name, kind, articles (distinct articles), mentions (quotes of a person, named occurrences of a body
    or project); most articles first, then A-Z."""
    keep = np.ones(len(d.quote_row), dtype=bool)
    if articles is not None:
        keep &= articles[d.quote_article]
    if quotes is not None:
        keep &= quotes[d.quote_row]
    n = len(d.names)
    persons = keep & ~d.quote_of_body
    key, code = d.quote_key[persons], d.quote_code[persons]
    counted = np.bincount(code[first_of_run(key)], minlength=n)  # quote keys are sorted: one run per article
    mentions = np.bincount(code, minlength=n)
    pairs = slice(None) if articles is None else articles[d.pair_article]
    pair_code, pair_article = d.pair_code[pairs], d.pair_article[pairs]
    counted += np.bincount(pair_code, minlength=n)
    mentions += np.bincount(pair_code, weights=d.pair_mentions[pairs], minlength=n).astype(np.int64)
    bodies = keep & d.quote_of_body
    if bodies.any():  # a body's quotes: its mentions, and articles counted once with those that name it
        code = d.quote_code[bodies]
        mentions += np.bincount(code, minlength=n)
        quoted = np.zeros(n, dtype=bool)
        quoted[code] = True
        named = quoted[pair_code]
        both = np.unique(np.concatenate([pair_code[named].astype(np.int64) * d.n_articles + pair_article[named],
                                         d.quote_key[bodies]]))
        counted[quoted] = np.bincount(both // d.n_articles, minlength=n)[quoted]
    found = np.flatnonzero(counted)
    found = found[np.lexsort((found, -counted[found]))]
    return pd.DataFrame({"name": d.names[found], "kind": d.kinds[found], "articles": counted[found],
                         "mentions": mentions[found]}).astype(
        {"name": "string", "kind": "string", "articles": "int64", "mentions": "int64"})


def _count(names: pd.Series, articles: pd.Series, kind: str) -> pd.DataFrame:
    """name, kind, articles, mentions of one kind's rows, counted on the label codes."""
    name = names.astype("category")
    codes = name.cat.codes.to_numpy()
    article = articles.astype("category").cat.codes.to_numpy()
    keep = codes >= 0
    n = len(name.cat.categories)
    mentions = np.bincount(codes[keep], minlength=n)
    distinct = distinct_per(codes[keep], article[keep], n, max(int(article.max(initial=0)) + 1, 1))
    found = mentions > 0
    return pd.DataFrame({"name": name.cat.categories.astype(str)[found], "kind": kind, "articles": distinct[found],
                         "mentions": mentions[found]})


def activity(mention_dates: pd.Series, quote_dates: pd.Series, freq: str) -> pd.DataFrame:
    """Per period (`freq`: "M" or "Q"…, pandas period codes) the mentions and the quotes: columns period
    (its first day), kind ("mentions" or "quotes"), count; periods without either are left out."""
    rows = []
    for kind, dates in (("mentions", mention_dates), ("quotes", quote_dates)):
        if len(dates):
            counts = pd.Series(1, index=pd.DatetimeIndex(dates).to_period(freq)).groupby(level=0).sum()
            rows.append(pd.DataFrame({"period": counts.index.to_timestamp(), "kind": kind, "count": counts.to_numpy()}))
    if not rows:
        return pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"), "kind": pd.Series(dtype="string"),
                             "count": pd.Series(dtype="int64")})
    return pd.concat(rows, ignore_index=True).astype({"kind": "string", "count": "int64"})


def activity_figure(table: pd.DataFrame, freq_label: str) -> go.Figure:
    """Grouped bars per period: mentions and quotes."""
    fig = go.Figure()
    for kind in ("mentions", "quotes"):
        part = table[table["kind"] == kind]
        if len(part):
            fig.add_trace(go.Bar(x=part["period"], y=part["count"], name=kind, marker_color=_COLORS[kind],
                                 hovertemplate=f"%{{x|%b %Y}}: %{{y}} {kind}<extra></extra>"))
    fig.update_layout(barmode="group")
    fig.update_xaxes(title_text=freq_label)
    fig.update_yaxes(title_text="count", **count_axis(table["count"].max() if len(table) else 0))
    return style_figure(fig, 300)


def companions(d: Directory, articles: np.ndarray, quotes: np.ndarray | None, exclude: str, n: int = 12) -> pd.DataFrame:
    """The persons, organisations and projects of `d` named in most of the chosen one's `articles` (a boolean mask
    over the whole articles; `quotes` as for `directory`), but `exclude`: columns name, kind, articles (shared
    articles); most first, then A-Z."""
    every = directory(d, articles, quotes)
    every = every[every["name"] != exclude]
    return every.head(n)[["name", "kind", "articles"]].reset_index(drop=True)


def chains_of(main_chains: pd.Series) -> pd.DataFrame:
    """How many of the chosen one's articles have each main value chain: columns chain, articles, most first."""
    counts = main_chains.astype("string").value_counts()
    return pd.DataFrame({"chain": counts.index.astype(str), "articles": counts.to_numpy()}).astype(
        {"chain": "string", "articles": "int64"})


def label(name: str, kind: str, articles: int) -> str:
    """A name as the chooser lists it."""
    return f"{name} · {kind} · {articles:,} article{'s' if articles != 1 else ''}"


def places(rows: pd.DataFrame) -> pd.DataFrame:
    """Every place the given entities rows (name, lat, lon, article_id; kind place) name: columns name, lat,
    lon (NaN for a country or an area, which have no point), articles (distinct), mentions; most articles
    first, then A–Z."""
    if rows.empty:
        return pd.DataFrame({"name": pd.Series(dtype="string"), "lat": pd.Series(dtype="float64"),
                             "lon": pd.Series(dtype="float64"), "articles": pd.Series(dtype="int64"),
                             "mentions": pd.Series(dtype="int64")})
    counted = _count(rows["name"], rows["article_id"], "place").drop(columns="kind")
    points = (pd.DataFrame({"name": rows["name"].astype(str), "lat": rows["lat"].astype("float64"),
                            "lon": rows["lon"].astype("float64")}).drop_duplicates("name"))
    out = counted.merge(points, on="name", how="left")[["name", "lat", "lon", "articles", "mentions"]]
    return (out.sort_values(["articles", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
            .astype({"name": "string", "articles": "int64", "mentions": "int64"}))


MAP_LAYER = "places"  # the layer id a map click's selection is keyed by


def map_deck(table: pd.DataFrame) -> pdk.Deck:
    """The places with a point, as circles sized by their articles (area proportional) over a map centred on
    Kazakhstan; a click selects a place (the selection's objects under MAP_LAYER carry its name). The points
    are drawn without the basemap's tiles too (deck.gl needs no tiles, plotly's geo maps need a download)."""
    points = table.dropna(subset=["lat", "lon"])
    top = max(int(points["articles"].max()), 1) if len(points) else 1
    data = [{"name": str(n), "lat": float(lat), "lon": float(lon), "articles": int(a),
             "radius": float(3 + 15 * np.sqrt(a / top))}
            for n, lat, lon, a in zip(points["name"], points["lat"], points["lon"], points["articles"])]
    layer = pdk.Layer("ScatterplotLayer", data=data, id=MAP_LAYER, get_position=["lon", "lat"], get_radius="radius",
                      radius_units="pixels", radius_scale=1, radius_min_pixels=3, radius_max_pixels=18, get_fill_color=[14, 165, 233, 170], get_line_color=[7, 89, 133, 255],
                      stroked=True, line_width_min_pixels=1, pickable=True)
    return pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=46.0, longitude=62.0, zoom=2.4),
                    tooltip={"text": "{name}: {articles} articles"}, map_style="light")
