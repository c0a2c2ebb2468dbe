"""Entry point: lists the loaded articles and any rejected input (the full dashboard builds on this)."""

import os
from pathlib import Path

import streamlit as st

from loaders import corpus_fingerprint, load_corpus

DATA = Path(__file__).parent / os.environ.get("DASHBOARD_DATA", "data/articles")


@st.cache_data(show_spinner="Loading articles…")
def load(path: str, fingerprint: str):
    """Articles and rejected inputs of the corpus at `path`, cached on its fingerprint."""
    corpus = load_corpus(path)
    return corpus.articles, corpus.rejected


st.set_page_config(page_title="EU–Kazakhstan partnership news", layout="wide")
st.title("EU–Kazakhstan partnership news")
articles, rejected = load(str(DATA), corpus_fingerprint(DATA))
st.metric("Articles", len(articles))
st.dataframe(articles[["date", "title", "source", "place", "n_words"]], hide_index=True)
if len(rejected):
    st.warning(f"{len(rejected)} input(s) could not be read.")
    st.dataframe(rejected, hide_index=True)
