"""Articles: the filtered list, and a reader for one article with its quotes, theme terms, dates, amounts and
search hits highlighted."""

import streamlit as st

from loaders.article import web_url
from loaders.schema import HEADLINE
from ui import app, reader, sidebar, tables
from ui.text import counted, md_escape

NAMED_SHOWN = 8  # people, organisations and projects linked beside the article, most named first

v = app.page("Articles")

c = v.corpus
listing = v.article_list()
st.caption(f"{counted(len(listing), 'article')}, newest first. Select a row to read it below.")
rows = tables.capped(listing, "articles")
columns = ["date", "title", "source", "place", "chain", "n_words"] + (["uploaded"] if listing["uploaded"].any() else [])
picked = st.dataframe(
    rows[columns], hide_index=True, width="stretch",
    on_select="rerun", selection_mode="single-row", key="ar_table",
    column_config={"date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                   "title": st.column_config.TextColumn("Title", width="large"), "source": "Source",
                   "place": "Place", "chain": tables.CHAIN_COLUMN, "n_words": st.column_config.NumberColumn("Words"),
                   "uploaded": st.column_config.CheckboxColumn("Uploaded", help="Uploaded in this browser session")},
)

st.divider()
by_id = tables.open_from_table(picked, rows, "article_id", "ar_open", also=listing)
options = list(by_id.index)

left, right = st.columns([3, 2])
labels = dict(zip(by_id.index, tables.date_labels(by_id["date"]) + " · " + by_id["title"]))
chosen = left.selectbox("Read", options, key="ar_open", format_func=labels.__getitem__)
app.sync_url()
kinds = right.pills("Highlight", list(reader.HIGHLIGHT_KINDS), format_func=reader.HIGHLIGHT_KINDS.get,
                    selection_mode="multi", default=list(reader.HIGHLIGHT_KINDS), key="ar_kinds", persist_state="session")
kinds = [k for k in kinds or [] if k != "search" or reader.searches(v.filters.q)]  # no legend for no hits
article = by_id.loc[chosen]
paragraphs = reader.paragraphs_of(v, chosen)
spans = reader.article_spans(v, chosen, str(article["title"]), paragraphs, kinds)
reader.render_title(str(article["title"]), spans.get(HEADLINE, []))
meta = [tables.date_label(article["date"]), str(article["source"]), str(article["place"] or ""),
        f"{int(article['n_words']):,} words", f"main chain: {article['chain']}",
        "uploaded in this session" if article["uploaded"] else ""]
st.caption(md_escape(" · ".join(m for m in meta if m)))
copies = reader.copies_of(v, chosen)
if len(copies):
    with st.expander(f"Also published: {len(copies):,} other {'copy' if len(copies) == 1 else 'copies'} of this story"):
        st.dataframe(copies, hide_index=True, width="stretch")
link = web_url(str(article["url"] or ""))  # checked again here: a dataset built by older code may hold any link
if link:
    st.link_button("Open the original", link, icon=":material/open_in_new:")

text_col, side_col = st.columns([5, 2])
with text_col:
    if kinds:
        reader.legend(kinds)
    reader.render_paragraphs(list(enumerate(paragraphs)), spans)
with side_col:
    quotes = reader.rows_of(v, "quotes", chosen)
    st.metric("Quotes", len(quotes))
    named = reader.named_in(v, chosen)
    if named:
        st.markdown("**Named here**")
        for name in named[:NAMED_SHOWN]:
            tables.who_link(name)
    places = reader.places_in(v, chosen)
    if places:
        st.markdown("**Places**")
        st.caption(md_escape(", ".join(places)))
    themes = reader.rows_of(v, "mentions", chosen)
    if not themes.empty:
        st.markdown("**Themes**")
        counts = themes.groupby(themes["theme"].astype("string")).size().sort_values(ascending=False)
        st.dataframe(counts.rename("mentions"), width="stretch")
    amounts = reader.rows_of(v, "amounts", chosen)
    if not amounts.empty:
        st.markdown("**Amounts**")
        st.dataframe(amounts[["expression", "kind", "value", "currency"]], hide_index=True, width="stretch")
    events = reader.rows_of(v, "events", chosen)
    if not events.empty:
        st.markdown("**Dates mentioned**")
        st.dataframe(events[["expression", "date", "precision"]], hide_index=True, width="stretch",
                     column_config={"date": st.column_config.DateColumn("Date", format="YYYY-MM-DD")})

rejected = sidebar.rejected_rows(v.full)
if not rejected.empty:
    st.divider()
    with st.expander(f"Files in the data folder that could not be read ({len(rejected):,})"):
        st.dataframe(tables.capped(rejected, "files"), hide_index=True, width="stretch",
                     column_config={"origin": st.column_config.TextColumn("File", width="medium"),
                                    "reason": st.column_config.TextColumn("Reason", width="large")})
