"""The search in the running app (AppTest) on the search sample: the URL's q, the reader's highlights, the Quotes
page's own search and messages for odd syntax."""

from __future__ import annotations

import re

import pytest

from tests.search_sample import write
from tests.test_app import metric, no_exception

SEARCH_MARK = re.compile(r'<mark class="[^"]*hl-search[^"]*"[^>]*>([^<]*)</mark>')


@pytest.fixture
def at(app_on, tmp_path):
    return app_on(write(tmp_path / "articles"))


def marked(at) -> list[str]:
    """The texts of every search-hit mark in the page's HTML blocks."""
    return [hit for block in at.get("html") for hit in SEARCH_MARK.findall(block.proto.body)]


def test_q_in_the_url_narrows_overview_and_articles_and_the_reader_marks_the_word(at):
    at.query_params["q"] = "tin"
    at.run()
    no_exception(at)
    assert metric(at, "Articles") == "1"  # "meeting" is not a hit
    assert at.text_input(key="f_q").value == "tin"
    at.switch_page("pages/articles.py").run()
    no_exception(at)
    assert at.main.dataframe[0].value["title"].tolist() == ["Tin smelter restarts in East Kazakhstan"]
    assert marked(at) == ["Tin", "search hits", "tin"]  # title, legend, paragraph
    opened = at.selectbox(key="ar_open").value
    assert at.query_params == {"q": "tin", "article": opened}


def test_a_phrase_or_and_exclusion_from_the_url(at):
    at.query_params["q"] = '"green hydrogen" OR cobalt -refinery'
    at.run()
    no_exception(at)
    assert metric(at, "Articles") == "1"
    at.switch_page("pages/articles.py").run()
    assert marked(at)[1:] == ["green hydrogen"]
    assert not at.warning


@pytest.mark.parametrize(("q", "message"), [
    ('"green hydrogen', "is not closed"),
    ("lithium OR", "a lone OR was ignored"),
    ("*", "a \\* must follow the start of a word"),
])
def test_odd_syntax_shows_a_message_and_no_traceback(at, q, message):
    at.query_params["q"] = q
    at.run()
    no_exception(at)
    assert [w for w in at.sidebar.warning if message in w.value], [w.value for w in at.sidebar.warning]
    for page in ("pages/articles.py", "pages/quotes.py", "pages/timeline.py"):
        at.switch_page(page).run()
        no_exception(at)


def test_search_engine_syntax_in_the_url_is_plain_text(at):
    at.query_params["q"] = "title:tin^2 (x"
    at.run()
    no_exception(at)
    assert "No articles match the current filters" in at.info[0].value
    assert "search text" in at.info[0].value


def test_quotes_search_finds_a_quote_by_a_word_and_marks_it_in_its_paragraph(at):
    at.switch_page("pages/quotes.py").run()
    at.run()
    at.text_input(key="qt_q").set_value("TREASURE").run()
    no_exception(at)
    assert at.dataframe[0].value["text"].tolist() == ["Our partners call this deposit a treasure"]
    assert marked(at) == ["search hits", "treasure"]
    at.text_input(key="qt_q").set_value("meet").run()  # "meeting" is in no quote, and "meet" is no word
    no_exception(at)
    assert at.dataframe[0].value.empty
