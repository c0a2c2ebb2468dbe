"""Article files to pandas tables: `load_corpus(source) -> Corpus`. Knows nothing of Streamlit."""

from loaders.corpus import Corpus, corpus_fingerprint, load_corpus

__all__ = ["Corpus", "corpus_fingerprint", "load_corpus"]
