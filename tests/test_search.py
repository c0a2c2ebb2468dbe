"""Full-text search: the query syntax, the articles and quotes it finds, its highlights, and where the index is kept."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import load_corpus, search
from loaders.query import MAX_CHARS, Clause, Query, hit_spans, parse
from tests.search_sample import ARTICLES, write


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The sample articles, built into a cache folder (so the index is stored with them)."""
    root = tmp_path_factory.mktemp("search")
    return load_corpus(write(root / "articles"), cache_dir=root / "cache")


@pytest.fixture(scope="module")
def index(corpus):
    return search.for_corpus(corpus)


def found(corpus, index, text: str) -> list[str]:
    """The keys (file stems) of the sample articles `text` finds."""
    rows = index.articles(parse(text))
    return sorted(Path(origin).stem for origin in corpus.articles["origin"].iloc[rows])


def test_a_word_matches_whole_words_only(corpus, index):
    assert found(corpus, index, "tin") == ["tin"]  # not "meeting"
    assert found(corpus, index, "ERG") == ["erg"]  # not "energy", "emergency"
    assert found(corpus, index, "meet") == []


def test_search_is_case_insensitive_and_folds_accents(corpus, index):
    assert found(corpus, index, "LITHIUM") == found(corpus, index, "lithium") == ["coal", "lithium"]
    assert found(corpus, index, "Simkic") == found(corpus, index, "simkić") == ["quote"]


def test_words_are_all_required_and_or_takes_either(corpus, index):
    assert found(corpus, index, "lithium cobalt") == []
    assert found(corpus, index, "lithium OR cobalt") == ["coal", "cobalt", "lithium"]
    assert found(corpus, index, "lithium or cobalt") == []  # lower-case "or" is a word
    assert found(corpus, index, "deposit lithium OR treasure") == ["lithium", "quote"]  # OR binds tighter


def test_a_quoted_phrase_needs_its_words_together_in_one_paragraph(corpus, index):
    assert found(corpus, index, '"green hydrogen"') == ["phrase"]
    assert found(corpus, index, "green hydrogen") == ["apart", "phrase"]
    assert found(corpus, index, "“green hydrogen”") == ["phrase"]  # typographic quotes too


def test_minus_and_not_exclude(corpus, index):
    everything = sorted(ARTICLES)
    assert found(corpus, index, "-coal") == [k for k in everything if k != "coal"]
    assert found(corpus, index, "lithium -coal") == found(corpus, index, "lithium NOT coal") == ["lithium"]
    assert found(corpus, index, 'hydrogen -"green hydrogen"') == ["apart"]


def test_a_trailing_star_matches_prefixes(corpus, index):
    assert found(corpus, index, "electroly*") == ["electrolysis", "phrase"]
    assert found(corpus, index, "electroly") == []


def test_a_word_said_only_in_a_quote_finds_the_article_and_the_quote(corpus, index):
    assert found(corpus, index, "treasure") == ["quote"]
    quotes = corpus.quotes["text"].iloc[index.quotes(parse("treasure"))].tolist()
    assert quotes == ["Our partners call this deposit a treasure"]
    by_speaker = index.quotes(parse("Satkaliyev")).tolist()
    by_role = index.quotes(parse('"energy minister" -grid')).tolist()
    assert by_speaker == by_role == index.quotes(parse("treasure")).tolist()
    assert index.quotes(parse("tin")).tolist() == []


def test_search_engine_syntax_is_plain_text(corpus, index):
    assert found(corpus, index, "title:tin") == []  # the words "title tin", not a field
    assert found(corpus, index, "tin^2") == []  # the words "tin 2", not a boost
    assert found(corpus, index, "(lithium OR cobalt)") == ["coal", "cobalt", "lithium"]
    assert found(corpus, index, "Ust-Kamenogorsk") == ["tin"]  # "ust kamenogorsk" as a phrase
    assert found(corpus, index, "[a TO z]") == []


@pytest.mark.parametrize(("text", "note"), [
    ('"green hydrogen', 'The quote mark before "green hydrogen" is not closed: its words are searched one by one.'),
    ("*", '"*": a * must follow the start of a word (electroly*); ignored.'),
    ("-", 'Nothing to search for in "-": a search needs letters or digits.'),
    ("OR", "OR needs a word or phrase on each side; a lone OR was ignored."),
    ("lithium OR", "OR needs a word or phrase on each side; a lone OR was ignored."),
    ("Ust-Kamen*", '"Ust-Kamen*": a * works at the end of a single word; searched without it.'),
    ("tin " * 3000, f"The search is longer than {MAX_CHARS:,} characters: only the start is used."),
    (" ".join(f"w{i}" for i in range(30)), "Only the first 24 words or phrases are searched."),
])
def test_odd_syntax_gives_a_note_and_never_raises(corpus, index, text, note):
    query = parse(text)
    assert note in query.notes
    index.articles(query)
    index.quotes(query)


def test_unclosed_quotes_and_control_characters_are_read_as_plain_words(corpus, index):
    assert found(corpus, index, '"green hydrogen') == ["apart", "phrase"]
    assert parse("tin\x00\x1b[0m\ud800") == Query(groups=((Clause(("tin",)),), (Clause(("0m",)),)))
    assert parse("   ") == Query()
    assert found(corpus, index, "*") == sorted(ARTICLES)  # nothing to search for restricts nothing


QUERY_TEXT = (st.lists(st.sampled_from(list('ab tin"“»-*():^~+![]{}\\/\x00\t') + [" OR ", " NOT ", " AND "]),
                       max_size=40).map("".join)
              | st.text(max_size=200))


@settings(max_examples=400, deadline=None)
@given(QUERY_TEXT)
def test_no_query_string_raises(index, text):
    query = parse(text)
    assert all(isinstance(note, str) and note for note in query.notes)
    for rows, total in ((index.articles(query), index.n_articles), (index.quotes(query), index.n_quotes)):
        assert list(rows) == sorted(set(rows)) and all(0 <= r < total for r in rows)
    assert hit_spans(text, query) == sorted(set(hit_spans(text, query)))


def test_hits_are_highlighted_where_the_index_matched():
    text = "A meeting on Tin. Green  hydrogen, green-hydrogen; Simkić met electrolysers"
    spans = hit_spans(text, parse('tin OR "green hydrogen" electroly* simkic -met'))
    assert [text[s:e] for s, e in spans] == ["Tin", "Green  hydrogen", "green-hydrogen", "Simkić", "electrolysers"]
    assert hit_spans("The green belt. The hydrogen plant.", parse('"green hydrogen"')) == []
    assert hit_spans("anything", parse("-anything")) == []


def test_the_index_is_stored_with_the_dataset_and_opened_not_rebuilt(corpus, monkeypatch):
    assert (Path(corpus.folder) / search.INDEX_DIR / search.STAMP).is_file()
    monkeypatch.setattr(search, "write", lambda *a: pytest.fail("the stored index was built again"))
    again = load_corpus(Path(corpus.articles["origin"].iloc[0]).parent, cache_dir=Path(corpus.folder).parent)
    assert again.folder == corpus.folder
    assert found(again, search.for_corpus(again), "tin") == ["tin"]


def test_a_dataset_without_an_index_gets_one_built_once_into_its_folder(corpus, tmp_path, monkeypatch):
    old = load_corpus(load_corpus(corpus.folder).save(tmp_path / "old"))
    shutil.rmtree(Path(old.folder) / search.INDEX_DIR)  # as saved before search existed
    assert found(old, search.for_corpus(old), "tin") == ["tin"]
    assert (Path(old.folder) / search.INDEX_DIR / search.STAMP).is_file()
    assert not [p for p in Path(old.folder).iterdir() if ".tmp-" in p.name]
    monkeypatch.setattr(search, "write", lambda *a: pytest.fail("built twice"))
    assert found(old, search.for_corpus(old), "tin") == ["tin"]


def test_an_index_of_other_tables_or_a_missing_folder_means_an_index_in_memory(corpus, tmp_path):
    other = replace(corpus, fingerprint="another build")  # the stamp no longer matches
    assert search.open_stored(Path(corpus.folder) / search.INDEX_DIR, other) is None
    assert found(other, search.for_corpus(other), "ERG") == ["erg"]
    gone = replace(corpus, folder=str(tmp_path / "removed"))
    assert found(gone, search.for_corpus(gone), "ERG") == ["erg"]
    assert not (tmp_path / "removed").exists()


def test_uploads_combined_into_a_corpus_are_searched_in_memory(corpus):
    upload = load_corpus([("extra.txt", b" date 2025-02-01 Tin prices\n\nTin prices rose again.")], cache_dir=False)
    combined = corpus.combine(upload)
    assert combined.folder == ""
    rows = search.for_corpus(combined).articles(parse("tin"))
    assert sorted(combined.articles["title"].iloc[rows]) == ["Tin prices", "Tin smelter restarts in East Kazakhstan"]
