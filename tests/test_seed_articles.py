"""The two embedded seed articles load into exactly the expected rows."""

from __future__ import annotations

from loaders import schema
from loaders.build import article_texts
from tests.conftest import SEED_000, SEED_004


def _article(corpus, path):
    """The article read from `path`, with its body (`text`: its paragraphs joined, as the parser read it)."""
    rows = corpus.articles[corpus.articles["origin"] == str(path)]
    assert len(rows) == 1
    return rows.assign(text=article_texts(rows, corpus.paragraphs)).iloc[0]


def test_both_seeds_load_and_nothing_is_rejected(seed_corpus):
    assert len(seed_corpus.articles) == 2
    assert seed_corpus.rejected.empty
    assert list(seed_corpus.articles["date"].dt.strftime("%Y-%m-%d")) == ["2025-04-07", "2022-11-08"]


def test_seed_004_title_source_place_and_clean_body(seed_corpus):
    article = _article(seed_corpus, SEED_004)
    assert article["title"] == "Kazakhstan, EU sign strategic partnership document"
    assert article["source"] == "Kazinform"
    assert article["place"] == "Astana"
    assert article["text"].startswith("Kazakhstan and the European Union have entered into a memorandum")
    for leftover in ("sign strategic partnership document", "ASTANA", "KAZINFORM", "Photo:", "primeminister.kz"):
        assert leftover not in article["text"]
    assert article["text"].endswith("aims at development of long-term partnership relations.")


def test_seed_000_body_on_header_line_gets_a_derived_title(seed_corpus):
    article = _article(seed_corpus, SEED_000)
    assert article["place"] == "Astana"
    assert article["source"] == ""
    assert article["text"].startswith("Kazakhstan and the European Union endorsed")
    assert article["title"] == (
        "Kazakhstan and the European Union endorsed the partnership roadmap for 2025-2026 in the framework…"
    )


def test_each_seed_has_eight_paragraphs_whose_words_the_article_counts(seed_corpus):
    for path in (SEED_000, SEED_004):
        article = _article(seed_corpus, path)
        paragraphs = seed_corpus.paragraphs[seed_corpus.paragraphs["article_id"] == article["article_id"]]
        assert list(paragraphs["para_no"]) == list(range(8))
        assert article["n_words"] == sum(len(p.split()) for p in paragraphs["text"])


def test_word_counts_and_ids(seed_corpus):
    articles = seed_corpus.articles.set_index("origin")
    assert articles.loc[str(SEED_000), "n_words"] == 298
    assert articles.loc[str(SEED_004), "n_words"] == 281
    assert articles["article_id"].str.fullmatch(r"[0-9a-f]{16}").all()
    assert articles["article_id"].is_unique


def test_same_article_loaded_twice_gets_the_same_id(seed_corpus):
    from loaders import load_corpus

    again = load_corpus([SEED_004], cache_dir=False)
    assert again.articles["article_id"].iloc[0] == _article(seed_corpus, SEED_004)["article_id"]


def test_every_table_follows_the_contract(seed_corpus):
    for name, frame in seed_corpus.tables().items():
        assert list(frame.columns) == schema.columns(name), name
        assert dict(frame.dtypes.astype(str)) == dict(schema.empty(name).dtypes.astype(str)), name


def test_article_texts_join_each_articles_paragraphs_in_order_whatever_the_table_order():
    import pandas as pd

    paragraphs = pd.DataFrame({"article_id": pd.Categorical(["b", "a", "a", "c", "b"]), "para_no": [1, 1, 0, 0, 0],
                               "text": ["b1", "a1", "a0", "c0", "b0"]})
    assert article_texts(pd.DataFrame({"article_id": ["a", "b", "x"]}), paragraphs) == ["a0\n\na1", "b0\n\nb1", ""]
    assert article_texts(pd.DataFrame({"article_id": []}), paragraphs) == []


def test_article_texts_of_a_table_read_from_several_parts():
    """A stored table's text column keeps one chunk per part; taking every row in order keeps them."""
    import pandas as pd
    import pyarrow as pa

    from loaders import schema

    parts = [pa.table({"article_id": pa.array(ids).dictionary_encode(), "para_no": pa.array([0] * len(ids), pa.int32()),
                       "text": pa.array(texts, pa.large_string())}) for ids, texts in ((["a", "b"], ["x", "y"]), (["c"], ["z"]))]
    paragraphs = schema.from_arrow("paragraphs", pa.concat_tables(parts))
    assert article_texts(pd.DataFrame({"article_id": ["a", "b", "c"]}), paragraphs) == ["x", "y", "z"]
