"""Article files to pandas tables: `load_corpus(source) -> Corpus`. Knows nothing of Streamlit."""

from loaders.corpus import Corpus, corpus_fingerprint, is_built, load_built, load_corpus

__all__ = ["Corpus", "corpus_fingerprint", "is_built", "load_built", "load_corpus"]
