"""Value chains: each chain's share of coverage over time, which themes occur together, the terms and
cross-cutting themes driving each chain, and the quotes about each."""

import numpy as np
import pandas as pd
import streamlit as st

from ui import app, charts, tables
from ui.view import ROW

v = app.page("Value chains")

c = v.corpus
freq = st.segmented_control("Share per", list(charts.FREQS), default=charts.default_freq(c.articles["date"]), required=True,
                            key="vc_freq", persist_state="session")
st.subheader("Share of coverage over time")
share = v.memo(f"share_{freq}", lambda: charts.chain_share(c.articles, v.chain_pairs(), v.chains, freq))
st.plotly_chart(charts.share_figure(share, v.chains), key="vc_share")
st.caption("For each period, the share of its articles that mention the chain; shares add up to more than 100% "
           "when articles mention several chains. A line breaks where a period has no articles.")

left, right = st.columns(2)
with left:
    st.subheader("Themes mentioned together")
    pairs, passing = v.theme_pairs()
    matrix = v.memo("cooccurrence", lambda: charts.cooccurrence(pairs, v.themes, rows=passing))
    st.plotly_chart(charts.cooccurrence_figure(matrix), key="vc_cooc")
    st.caption("Articles mentioning both themes; the diagonal counts articles mentioning the theme at all.")
with right:
    st.subheader("Cross-cutting themes inside each chain")
    cross = v.memo("cross", lambda: charts.cross_themes(matrix, v.chains, v.cross))
    st.plotly_chart(charts.cross_figure(cross, v.chains), key="vc_cross")

st.subheader("Terms driving each chain")
term_pairs, term_passing = v.term_pairs()
terms = v.memo("terms", lambda: charts.top_terms(term_pairs, v.chains, n=8, rows=term_passing))
if terms.empty:
    st.info("These articles mention no value-chain term.", icon=":material/search_off:")
else:
    st.altair_chart(charts.terms_figure(terms, v.chains), key="vc_terms")
    st.caption("The lexicon terms found in most articles, per chain (each article counted once per term).")

st.subheader("Quotes about each chain")
per_chain = v.memo("quotes_per_chain", lambda: charts.quotes_per_chain(v.quote_chains(), v.chains))
st.dataframe(per_chain, hide_index=True, column_config={"chain": "Value chain", "direct": "Direct",
                                                         "reported": "Reported", "total": "Total"})
QUOTES_SHOWN = 500


def latest_quotes(chain: str) -> tuple[int, pd.DataFrame]:
    """How many filtered quotes mention `chain`, and the newest QUOTES_SHOWN of them (`View.quote_chains` is newest
    first) with their article titles and texts."""
    quotes = v.quote_chains()
    about = np.flatnonzero((quotes["chain"] == chain).to_numpy())
    newest = quotes.iloc[about[:QUOTES_SHOWN]]
    titles = v.article_info()["title"]  # looked up for the rows shown: mapping the categorical maps every article
    return len(about), newest.assign(article=titles.reindex(newest["article_id"].astype("string")).to_numpy(),
                                     text=v.full.quotes["text"].iloc[newest[ROW].to_numpy()].to_numpy(),
                                     **{col: newest[col].astype("string").fillna("") for col in ("speaker", "side", "kind")})


if not v.chains:
    st.info("The lexicon these articles were built with has no value chain.", icon=":material/format_quote:")
    st.stop()
chain = st.segmented_control("Quotes about", list(v.chains), default=v.chains[0], required=True, key="vc_chain",
                             persist_state="session")
total, table = v.memo(f"quotes_about_{chain}", lambda: latest_quotes(chain))
if not total:
    st.info(f"No quote in these articles mentions {chain}.", icon=":material/format_quote:")
else:
    tables.article_table(
        tables.capped(table, "quotes", limit=QUOTES_SHOWN, total=total), ["date", "speaker", "text", "side", "kind", "article"],
        column_config={"date": st.column_config.DateColumn("Date", format="YYYY-MM-DD", width="small"),
                       "speaker": "Speaker", "text": st.column_config.TextColumn("Quote", width="large"),
                       "side": st.column_config.TextColumn("Side", width="small"),
                       "kind": st.column_config.TextColumn("Kind", width="small"), "article": "Article"},
        key=f"vc_quotes_{chain}",
    )
    st.caption("Select a row to read the quote's article.")
