"""Places: where the filtered articles are about, on a map sized by articles, with every place named (countries
and regions such as Central Asia included) in a table; a clicked point or a chosen place lists its articles."""

import streamlit as st

from ui import app, charts, tables
from ui.text import counted, md_escape

W = charts.who

v = app.page("Places", caption="Cities and regions the filtered articles name, sized by the articles naming them.")

places = v.memo("places", lambda: W.places(v.place_rows()))
if places.empty:
    st.info("These articles name no place.", icon=":material/location_off:")
    st.stop()

points = places.dropna(subset=["lat", "lon"])
picked = st.pydeck_chart(v.memo("places_map", lambda: W.map_deck(places)), key="pl_map", on_select="rerun",
                         selection_mode="single-object", height=460)
st.caption(f"{len(points):,} {'city or region' if len(points) == 1 else 'cities and regions'} on the map (a region at its administrative "
           f"centre); countries and wider areas have no single point and are in the table only. Click a point to list its "
           "articles.")

names = [o.get("name") for o in ((picked.selection or {}).get("objects", {}).get(W.MAP_LAYER, []) if picked else [])]
if names != st.session_state.get("pl_map_last"):  # a new click (a cleared one too, so the same point counts again)
    st.session_state["pl_map_last"] = names
    if names:
        st.session_state["pl_place"] = names[0]
if st.session_state.get("pl_place") not in set(places["name"]):
    st.session_state.pop("pl_place", None)

left, right = st.columns([2, 3])
with left:
    st.subheader("Every place named")
    st.dataframe(places[["name", "articles", "mentions"]], hide_index=True, width="stretch", height=420,
                 column_config={"name": "Place", "articles": "Articles", "mentions": "Mentions"})
with right:
    by_name = places.set_index("name")
    place = st.selectbox("Place", list(by_name.index), index=None, key="pl_place", placeholder="Choose a place",
                         format_func=lambda n: f"{n} · {counted(int(by_name.at[n, 'articles']), 'article')}")
    app.sync_url()
    if place is None:
        st.info("Choose a place, or click a point on the map, to list its articles.", icon=":material/touch_app:")
    else:
        its = v.memo(f"place_articles {place}", lambda: v.place_articles(place))
        st.subheader(md_escape(f"{counted(len(its), 'article')} naming {place}"))
        tables.article_listing(its, key="pl_articles")
