"""People, organisations, projects and places: who the filtered articles name, how often over time, who appears
with whom, and where. Persons come from the quotes (`quotes.person`, one name per person), organisations and projects
from the entities table; an organisation's quotes are those whose speaker is its name as written."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from ui.charts.style import count_axis, style_figure
from ui.codes import distinct_per

PERSON = "person"
KINDS = (PERSON, "organisation", "project")
_COLORS = {"mentions": "#0EA5E9", "quotes": "#A855F7"}


def directory(people: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Every person quoted (`people`: person, article_id) and every organisation or project named (`entities`:
    name, kind, article_id) in the filtered articles: columns name, kind, articles (distinct articles),
    mentions (quotes of a person, named occurrences of a body or project); most articles first, then A–Z. A
    name that is both (an institution quoted and named) is listed under its entity kind."""
    frames = [_count(people["person"], people["article_id"], PERSON),
              *(_count(entities.loc[entities["kind"] == kind, "name"], entities.loc[entities["kind"] == kind, "article_id"], kind)
                for kind in KINDS[1:])]
    out = pd.concat(frames, ignore_index=True)
    out = out[out["name"] != ""].drop_duplicates("name", keep="last")  # an entity's row wins over a person's
    return (out.sort_values(["articles", "name"], ascending=[False, True], kind="stable")
            .reset_index(drop=True).astype({"name": "string", "kind": "string", "articles": "int64", "mentions": "int64"}))


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


def companions(people: pd.DataFrame, entities: pd.DataFrame, exclude: str, n: int = 12) -> pd.DataFrame:
    """The persons, organisations and projects named in most of the given articles' rows (`people`: person,
    article_id; `entities`: name, kind, article_id; both already cut to the chosen one's articles), but
    `exclude`: columns name, kind, articles (shared articles); most first, then A–Z."""
    every = directory(people, entities)
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
