"""Entrypoint: `streamlit run dashboard.py`. Page config, the shared sidebar, then the chosen page."""

import streamlit as st

from ui import app, loading

st.set_page_config(page_title="EU–Kazakhstan raw materials monitor", page_icon=":material/hub:", layout="wide")
loading.use_system_allocator()

pages = st.navigation([
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("pages/value_chains.py", title="Value chains", icon=":material/account_tree:"),
    st.Page("pages/quotes.py", title="Quotes", icon=":material/format_quote:"),
    st.Page("pages/framing.py", title="Framing", icon=":material/compare_arrows:"),
    st.Page("pages/people.py", title="People & organisations", icon=":material/groups:"),
    st.Page("pages/places.py", title="Places", icon=":material/map:"),
    st.Page("pages/articles.py", title="Articles", icon=":material/article:"),
])
with app.entrypoint(pages.url_path):
    app.draw_sidebar()
    pages.run()
