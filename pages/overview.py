"""Overview: headline counts, the value-chain mix, the latest articles and the most quoted people."""

import streamlit as st

from ui import app, charts, tables
from ui.filters import to_params

v = app.page("Overview", caption="EU–Kazakhstan strategic partnership on critical raw materials, batteries and "
             "renewable hydrogen, as the news covers it.")

c = v.corpus
first, last = c.articles["date"].min(), c.articles["date"].max()
cols = st.columns([1, 1, 1, 2])
cols[0].metric("Articles", f"{len(c.articles):,}", help="Articles passing the filters.")
cols[1].metric("Quotes", f"{c.count('quotes'):,}", help="Direct and reported quotes in those articles.")
cols[2].metric("People quoted", f"{len(c.people):,}", help="People quoted by name (one per person, whatever the "
               "spelling); institutions and unnamed sources are not counted.")
cols[3].metric("Date span", f"{first:%b %Y} – {last:%b %Y}" if first.to_period("M") != last.to_period("M") else f"{first:%b %Y}",
               help=f"First and last publication date: {tables.date_label(first)} to {tables.date_label(last)}.")

left, right = st.columns([3, 2])
with left:
    st.subheader("Value-chain mix")
    mix = v.memo("chain_mix", lambda: charts.chain_mix(c.articles, v.chain_pairs(), v.chains))
    st.plotly_chart(charts.mix_figure(mix, len(c.articles)), key="ov_mix")
    st.caption("Articles mentioning each value chain; an article can mention several.")
with right:
    st.subheader("Most quoted people")
    if c.people.empty:
        st.info("No named speaker is quoted in these articles.", icon=":material/format_quote:")
    else:
        st.plotly_chart(charts.people_figure(c.people, n=10), key="ov_people")
        for name in c.people["name"].head(3):
            tables.who_link(name, f"All about {name}")

st.subheader("Latest articles")
tables.article_table(
    v.article_list().head(12),
    ["date", "title", "source", "chain", "n_words"], key="ov_latest",
    column_config={
        "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
        "title": st.column_config.TextColumn("Title", width="large"),
        "source": "Source", "chain": tables.CHAIN_COLUMN, "n_words": st.column_config.NumberColumn("Words"),
    },
)
st.caption("Select a row to read the article.")
st.page_link("pages/articles.py", label="All the articles", icon=":material/arrow_forward:",
             query_params=to_params(v.filters))
