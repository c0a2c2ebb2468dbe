"""The whole app in Streamlit's AppTest, on the two embedded seed articles (2022-11-08 and 2025-04-07).

Note: AppTest re-detects the pages/ folder on every run, so after `switch_page` the
page file first runs without dashboard.py (Streamlit's pages/-folder mode);
`ui.app.view()` then leaves that mode and reruns through the entrypoint, as the real
server does. tests/test_browser.py checks the page switch in a browser.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from loaders import load_corpus
from ui.filters import UNKNOWN_SOURCE
from ui.sidebar import NARROWS

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["pages/overview.py", "pages/timeline.py", "pages/value_chains.py", "pages/quotes.py", "pages/framing.py",
         "pages/people.py", "pages/places.py", "pages/articles.py"]
GOOD_UPLOAD = (
    b" date 2025-05-02 Pilot electrolyser opens in Pavlodar\n\n"
    b"A pilot electrolyser for green hydrogen opened in Pavlodar, the regional office said on Friday. "
    b"Officials said lithium and battery projects would follow next year."
)


@pytest.fixture
def at(app_on):
    return app_on(ROOT / "data" / "articles")


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def plain(markdown: str) -> str:
    """Markdown with backslash escapes removed: the text the reader sees."""
    return re.sub(r"\\(.)", r"\1", markdown)


def no_exception(at):
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_seed_corpus(at, page):
    at.run()
    at.switch_page(page).run()
    no_exception(at)
    assert at.title[0].value == {"overview": "Overview", "timeline": "Timeline", "value_chains": "Value chains",
                                 "quotes": "Quotes", "framing": "Framing", "people": "People & organisations",
                                 "places": "Places", "articles": "Articles"}[Path(page).stem]
    assert not at.info or page in ("pages/timeline.py", "pages/framing.py", "pages/places.py")  # they wait for a choice


def test_a_built_dataset_is_served_without_parsing(monkeypatch, tmp_path, seed_corpus):
    from loaders import parts

    built = seed_corpus.save(tmp_path / "built")
    monkeypatch.setenv("DASHBOARD_DATA", str(built))
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(tmp_path / "cache"))

    def no_build(*args, **kwargs):
        raise AssertionError("the built dataset was parsed again")

    monkeypatch.setattr(parts, "build_dataset", no_build)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30).run()
    no_exception(at)
    assert metric(at, "Articles") == "2"
    assert metric(at, "Quotes") == "11"


def test_overview_counts_the_whole_corpus(at):
    at.run()
    no_exception(at)
    assert metric(at, "Articles") == "2"
    assert metric(at, "Date span") == "Nov 2022 – Apr 2025"
    assert at.query_params == {}


def test_from_parameter_filters_the_articles(at):
    at.query_params["from"] = "2025-01-01"
    at.run()
    no_exception(at)
    assert metric(at, "Articles") == "1"
    assert at.date_input(key="f_from").value.isoformat() == "2025-01-01"
    assert at.query_params == {"from": "2025-01-01"}
    assert not at.warning


def test_theme_parameter_selects_the_theme(at):
    at.query_params["theme"] = "hydrogen"
    at.run()
    assert at.multiselect(key="f_theme").value == ["hydrogen"]
    assert metric(at, "Articles") == "2"
    assert at.query_params == {"theme": "hydrogen"}


def test_bad_date_and_unknown_theme_are_dropped_with_warnings(at):
    at.query_params.update({"from": "2025-02-30", "theme": "hydrogen,unicorns"})
    at.run()
    no_exception(at)
    assert [plain(w.value).split("  \n") for w in at.warning] == [[
        "This link asked for values that were ignored:",
        'from: "2025-02-30" is not a date in YYYY-MM-DD form; ignored.',
        'theme: unknown value "unicorns"; ignored.',
    ]]
    assert at.multiselect(key="f_theme").value == ["hydrogen"]
    assert at.query_params == {"theme": "hydrogen"}


def test_a_thousand_unknown_values_give_one_warning(at):
    at.query_params["speaker"] = ",".join(f"nobody{i}" for i in range(1000))
    at.run()
    no_exception(at)
    assert len(at.warning) == 1
    lines = plain(at.warning[0].value).split("  \n")
    assert lines[1] == 'speaker: unknown value "nobody0"; ignored.'
    assert lines[-1] == "…and 995 more."


def test_script_value_is_dropped_and_shown_as_escaped_text(at):
    at.query_params["q"] = "<script>alert(1)</script>"
    at.run()
    no_exception(at)
    assert at.warning[0].value.endswith(r"q\: \"\<script\>alert\(1\)\</script\>\" contains \< or \>; ignored\.")
    assert plain(at.warning[0].value).endswith('q: "<script>alert(1)</script>" contains < or >; ignored.')
    assert at.text_input(key="f_q").value == ""
    assert metric(at, "Articles") == "2"
    assert at.query_params == {}


def test_changing_a_filter_rewrites_the_url(at):
    at.run()
    at.multiselect(key="f_theme").set_value(["batteries"]).run()
    at.text_input(key="f_q").set_value("Smailov").run()
    no_exception(at)
    assert metric(at, "Articles") == "1"
    assert at.query_params == {"theme": "batteries", "q": "Smailov"}


def test_empty_state_instead_of_charts(at):
    at.query_params["from"] = "2030-01-01"
    at.run()
    no_exception(at)
    assert "No articles match the current filters" in at.info[0].value
    assert "date range" in at.info[0].value
    assert not at.metric
    for page in PAGES[1:]:
        at.switch_page(page).run()
        no_exception(at)
        assert "No articles match" in at.info[0].value, page
        assert not at.get("plotly_chart") and not at.dataframe, page


def test_a_speaker_filter_that_leaves_no_article_names_it_among_the_filters_to_clear(at):
    at.query_params.update({"speaker": "Alikhan Smailov", "from": "2025-01-01"})
    at.switch_page("pages/quotes.py").run()
    at.run()
    no_exception(at)
    assert at.info[0].value == ("No articles match the current filters. Try clearing **date range** (1 article), "
                                "or clearing **speakers** (1 article).")


@pytest.mark.parametrize("page", PAGES)
def test_speaker_and_side_filters_narrow_the_articles_on_every_page(at, page):
    """Smailov is quoted in the 2022 article only: every page shows that article alone, and its quotes by him."""
    at.query_params.update({"speaker": "Alikhan Smailov", "side": "Kazakhstan"})
    at.switch_page(page).run()
    at.run()
    no_exception(at)
    if page == "pages/overview.py":
        assert (metric(at, "Articles"), metric(at, "Quotes"), metric(at, "People quoted")) == ("1", "2", "1")
    if page == "pages/timeline.py":
        assert at.selectbox(key="tl_period").options == ["week of 2022-11-07 · 1 article"]  # one day: weeks
    if page == "pages/quotes.py":
        assert set(at.dataframe[0].value["speaker"].astype(str)) == {"Alikhan Smailov"}
    if page == "pages/articles.py":
        assert at.dataframe[0].value["title"].tolist() == ["Kazakhstan, EU sign strategic partnership document"]
    if page == "pages/framing.py":  # one side left: nothing to compare
        assert at.info[0].value.startswith("No EU-side speaker is quoted in these articles")
    assert NARROWS in [c.value for c in at.sidebar.caption]


def test_page_switch_keeps_filters_and_rewrites_the_url(at):
    at.query_params.update({"from": "2025-01-01", "theme": "hydrogen"})
    at.run()
    expected = {"from": "2025-01-01", "theme": "hydrogen"}
    assert at.query_params == expected
    own = {"pages/timeline.py": {"freq"}, "pages/quotes.py": {"quote"}, "pages/articles.py": {"article"},
           "pages/people.py": {"name"}}
    for page in PAGES[1:] + PAGES[:1]:
        at.query_params.clear()  # a page switch in the browser drops the query string
        at.switch_page(page).run()
        no_exception(at)
        params = dict(at.query_params)
        assert {k: params.pop(k) for k in expected} == expected, page
        assert set(params) == own.get(page, set()), page  # plus the page's own state
        assert at.multiselect(key="f_theme").value == ["hydrogen"], page
        assert at.date_input(key="f_from").value.isoformat() == "2025-01-01", page
    assert metric(at, "Articles") == "1"


def test_timeline_lists_the_articles_of_a_chosen_period_and_date(at):
    at.switch_page("pages/timeline.py").run()
    at.run()
    at.selectbox(key="tl_period").select_index(0).run()
    no_exception(at)
    assert at.subheader[0].value == "1 article behind Apr 2025"
    assert at.dataframe[0].value["title"].tolist()[0].startswith("Kazakhstan and the European Union endorsed")
    assert at.query_params == {"freq": "month", "period": "2025-04-01"}
    at.selectbox(key="tl_period").set_value(None)
    at.selectbox(key="tl_event").select_index(0).run()
    assert at.subheader[0].value.startswith("1 article behind date ")
    assert set(at.query_params) == {"freq", "date"}
    sentences = at.dataframe[1].value  # the sentences mentioning the date, with their article's title
    assert list(sentences.columns) == ["expression", "precision", "sentence", "title"] and len(sentences) >= 1
    assert sentences["title"].tolist()[0] == at.dataframe[0].value["title"].tolist()[0]


def test_quotes_page_table_download_and_highlighted_paragraph(at):
    at.switch_page("pages/quotes.py").run()
    at.run()
    no_exception(at)
    table = at.dataframe[0].value
    assert len(table) == 11 and set(table["kind"].astype(str)) == {"direct", "reported"}
    assert list(table.columns[:3]) == ["date", "speaker", "text"]  # what a 390-pixel screen shows
    assert at.get("download_button")
    quote = at.selectbox(key="qt_open")
    assert quote.value is not None
    html = at.get("html")[0].proto.body
    assert html.count("<mark") == 1 and "hl-quote" in html
    meta = [m.value.replace("\\", "") for m in at.markdown if "found by" in m.value]
    assert meta and "cue: said · found by: speaker cue after" in meta[0]


def test_quotes_search_narrows_the_table(at):
    at.switch_page("pages/quotes.py").run()
    at.run()
    at.text_input(key="qt_q").set_value("von der leyen").run()
    assert set(at.dataframe[0].value["speaker"].astype(str)) == {"Ursula von der Leyen"}


def test_articles_reader_highlights_terms_and_escapes_text(at):
    at.switch_page("pages/articles.py").run()
    at.run()
    no_exception(at)
    body = at.get("html")[-1].proto.body
    assert "hl-term" in body and "hl-quote" in body and "hl-date" in body and "hl-amount" in body
    assert "<script" not in body


def test_upload_of_a_good_and_a_bad_file(at):
    at.run().run()  # widget ids of the first AppTest run differ from later ones (see the report)
    assert metric(at, "Articles") == "2"
    uploader = at.sidebar.get("file_uploader")[0]
    uploader.upload("pilot.txt", GOOD_UPLOAD, "text/plain").upload("broken.json", b"{not json", "application/json")
    at.run()
    no_exception(at)
    assert metric(at, "Articles") == "3"
    assert at.main.warning[0].value == "1 uploaded file did not become articles; the reasons are below."
    rejected = at.main.dataframe[0].value  # in full, in the main area, under the warning
    assert rejected["origin"].tolist() == ["broken.json"] and rejected["reason"].str.contains("JSON").all()
    assert at.main.info[0].value.startswith("1 uploaded article is included, marked “uploaded”. Uploads live in "
                                            "this browser session only")
    latest = at.main.dataframe[1].value
    assert latest["title"].tolist()[0] == "Pilot electrolyser opens in Pavlodar"
    assert latest["chain"].tolist()[0] == "hydrogen"
    at.switch_page("pages/articles.py").run()
    listing = at.main.dataframe[1].value
    assert dict(zip(listing["title"], listing["uploaded"])) == {
        "Pilot electrolyser opens in Pavlodar": True, "Kazakhstan, EU sign strategic partnership document": False,
        **{t: False for t in listing["title"] if t.startswith("Kazakhstan and the European Union")}}
    assert any("uploaded in this session" in c.value for c in at.main.caption)


def test_unreadable_upload_is_a_message_not_a_traceback(at):
    at.run().run()
    at.sidebar.get("file_uploader")[0].upload("noise.csv", b"\xff\xfe\x00\x01garbage,,,\n\x00", "text/csv")
    at.run()
    no_exception(at)
    assert metric(at, "Articles") == "2"
    assert at.main.warning[0].value == "1 uploaded file did not become articles; the reasons are below."
    assert at.main.dataframe[0].value["origin"].tolist() == ["noise.csv"]


def test_the_data_folders_unreadable_files_are_listed_in_full_on_the_articles_page(app_on, write_files):
    folder = write_files({"good.txt": GOOD_UPLOAD, "headless.txt": "An article without its date line, at length."})
    at = app_on(folder)
    at.run()
    assert any(c.value.endswith("1 file could not be read (listed on the Articles page).") for c in at.sidebar.caption)
    at.switch_page("pages/articles.py").run()
    no_exception(at)
    expander = at.main.expander[-1]
    assert expander.label == "Files in the data folder that could not be read (1)"
    rejected = expander.dataframe[0].value
    assert rejected["origin"].str.endswith("headless.txt").tolist() == [True]
    assert rejected["reason"].tolist() == ["no 'date YYYY-MM-DD' header on the first line"]


def test_rows_of_gives_one_articles_rows_whatever_the_table_order():
    from dataclasses import replace

    from loaders import load_corpus
    from ui.view import View
    from ui.reader import rows_of

    corpus = load_corpus(ROOT / "data" / "articles", cache_dir=False)
    shuffled = corpus.mentions.sample(frac=1.0, random_state=7).reset_index(drop=True)
    for full in (corpus, replace(corpus, mentions=shuffled, fingerprint=corpus.fingerprint + ":shuffled")):
        v = View(corpus=full, full=full, filters=None, chains=(), themes=())
        for article_id in full.articles["article_id"]:
            expected = full.mentions[full.mentions["article_id"] == article_id]
            got = rows_of(v, "mentions", article_id)
            assert len(got) > 0
            pd.testing.assert_frame_equal(got.sort_index(), expected.sort_index())
        assert rows_of(v, "mentions", "0000000000000000").empty


def test_date_labels_match_the_single_date_label_missing_dates_included():
    from ui import tables

    dates = pd.Series(pd.to_datetime(["2025-04-07", None, "2022-11-08"]))
    assert list(tables.date_labels(dates)) == ["2025-04-07", "—", "2022-11-08"]
    assert list(tables.date_labels(dates)) == [tables.date_label(d) for d in dates]


HEADLINE_ARTICLE = (
    " date 2025-03-03\nKazakhstan will export green hydrogen by 2030 - Energy Minister\n\n"
    "ASTANA – Energy Minister Daulet Serikbayev said on Monday that the first electrolyser tender would open in May.\n\n"
    "“We have the wind and the land, and now we have the buyers,” Serikbayev told reporters.\n"
)


def test_a_headline_quote_is_shown_in_its_title(app_on, write_files):
    at = app_on(write_files({"h.txt": HEADLINE_ARTICLE}))
    at.switch_page("pages/quotes.py").run()
    at.run()
    no_exception(at)
    table = at.dataframe[0].value
    headline = table.index[table["text"].astype(str) == "Kazakhstan will export green hydrogen by 2030"]
    assert len(headline) == 1 and table.loc[headline[0], "speaker"] == "Daulet Serikbayev"
    box = at.selectbox(key="qt_open")
    box.select_index(next(i for i, label in enumerate(box.options) if "export green hydrogen" in label)).run()
    no_exception(at)
    shown = at.get("html")[0].proto.body
    assert "- Energy Minister" in shown and "<mark" in shown and "hl-quote" in shown
    assert not at.warning
    at.switch_page("pages/articles.py").run()
    no_exception(at)
    title = at.get("html")[0].proto.body
    assert title.startswith("<h3") and "<mark" in title and "Kazakhstan will export green hydrogen by 2030" in title


# One article with a source (from its "ASTANA (Kazinform) –" dateline) and a long title line, and one record
# with a url and no source.
LONG_TITLE = ("Aleška Simkić says the European Union and Kazakhstan will open three lithium and graphite "
              "processing plants in the north of the country")
SOURCED = (f" date 2025-03-03 {LONG_TITLE}\n\n"
           "ASTANA (Kazinform) – “We will build three plants by 2027,” said Aleška Simkić, an adviser at the "
           "European Commission.\n")
UNSOURCED = {"date": "2025-04-04", "title": "Hydrogen tender opens in Pavlodar", "url": "https://example.org/tender",
             "text": "“The tender opens in May,” Energy Minister Daulet Serikbayev said on Monday."}


@pytest.fixture
def two_sources(app_on, write_files, downloads):
    """The app on SOURCED and UNSOURCED; the data of every download button is appended to `two_sources.downloads`."""
    at = app_on(write_files({"sourced.txt": SOURCED, "unsourced.json": json.dumps(UNSOURCED)}))
    at.downloads = downloads
    return at


def sources_by_title(table: pd.DataFrame) -> dict[str, object]:
    return dict(zip(table["title"], table["source"]))


def test_quotes_download_is_utf8_with_a_bom_and_has_source_url_and_the_full_title(two_sources):
    at = two_sources
    at.switch_page("pages/quotes.py").run()
    at.run()
    no_exception(at)
    data = at.downloads[-1]() if callable(at.downloads[-1]) else at.downloads[-1]
    assert data.startswith(codecs.BOM_UTF8)
    header, *rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert header == ["date", "kind", "speaker", "text", "side", "themes", "speaker_role", "article", "source", "url",
                      "cue", "attribution", "rule", "quote_id", "article_id"]
    got = sorted((r[header.index("speaker")], r[header.index("article")], r[header.index("source")],
                  r[header.index("url")]) for r in rows)
    assert len(rows) == 3
    assert got == [
        ("Aleška Simkić", LONG_TITLE, "Kazinform", ""),
        ("Aleška Simkić", LONG_TITLE, "Kazinform", ""),
        ("Daulet Serikbayev", "Hydrogen tender opens in Pavlodar", UNKNOWN_SOURCE, "https://example.org/tender"),
    ]


def test_an_article_without_a_source_shows_unknown_source_on_every_page_listing_sources(two_sources):
    at = two_sources
    expected = {LONG_TITLE: "Kazinform", "Hydrogen tender opens in Pavlodar": UNKNOWN_SOURCE}
    at.run()
    no_exception(at)
    assert sources_by_title(at.main.dataframe[0].value) == expected  # Overview: latest articles

    at.switch_page("pages/articles.py").run()
    no_exception(at)
    assert sources_by_title(at.main.dataframe[0].value) == expected
    assert [plain(c.value) for c in at.main.caption if "words" in c.value] == [
        f"2025-04-04 · {UNKNOWN_SOURCE} · 12 words · main chain: none"]  # the reader opens the newest

    at.switch_page("pages/timeline.py").run()
    at.segmented_control(key="tl_freq").set_value("month").run()  # two months apart: weeks by default
    at.selectbox(key="tl_period").set_value(pd.Timestamp("2025-04-01")).run()
    no_exception(at)
    assert sources_by_title(at.main.dataframe[0].value) == {"Hydrogen tender opens in Pavlodar": UNKNOWN_SOURCE}

    at.switch_page("pages/quotes.py").run()
    no_exception(at)
    table = at.main.dataframe[0].value
    assert sorted(zip(table["speaker"].astype(str), table["source"].astype(str))) == [
        ("Aleška Simkić", "Kazinform"), ("Aleška Simkić", "Kazinform"), ("Daulet Serikbayev", UNKNOWN_SOURCE)]
    link = at.main.get("page_link")[0].proto
    assert plain(link.label) == f"From: Hydrogen tender opens in Pavlodar · {UNKNOWN_SOURCE}"  # the newest quote


def test_the_unknown_source_is_a_filter_value_the_url_selects(two_sources):
    at = two_sources
    at.query_params["source"] = UNKNOWN_SOURCE
    at.run()
    no_exception(at)
    assert not at.warning
    assert at.multiselect(key="f_source").options == ["Kazinform", UNKNOWN_SOURCE]
    assert at.multiselect(key="f_source").value == [UNKNOWN_SOURCE]
    assert metric(at, "Articles") == "1"
    assert sources_by_title(at.main.dataframe[0].value) == {"Hydrogen tender opens in Pavlodar": UNKNOWN_SOURCE}
    assert at.query_params == {"source": UNKNOWN_SOURCE}


def test_choosing_the_unknown_source_in_the_sidebar_writes_it_to_the_url(two_sources):
    at = two_sources
    at.run()
    at.multiselect(key="f_source").set_value([UNKNOWN_SOURCE, "Kazinform"]).run()
    no_exception(at)
    assert metric(at, "Articles") == "2"
    assert at.query_params == {"source": f"{UNKNOWN_SOURCE},Kazinform"}
    at.multiselect(key="f_source").set_value(["Kazinform"]).run()
    assert sources_by_title(at.main.dataframe[0].value) == {LONG_TITLE: "Kazinform"}
    assert at.query_params == {"source": "Kazinform"}


SMAILOV_ARTICLE = "af5218cd9485ed60"


def test_a_link_to_an_article_opens_it_in_the_reader(at):
    at.query_params.update({"article": SMAILOV_ARTICLE, "theme": "hydrogen"})
    at.switch_page("pages/articles.py").run()
    at.run()
    no_exception(at)
    assert at.selectbox(key="ar_open").value == SMAILOV_ARTICLE
    assert at.query_params == {"article": SMAILOV_ARTICLE, "theme": "hydrogen"}


def test_a_link_to_an_unknown_article_is_a_warning_and_the_reader_opens_the_first(at):
    at.query_params.update({"article": "0000000000000000"})
    at.switch_page("pages/articles.py").run()
    at.run()
    no_exception(at)
    assert plain(at.warning[0].value).split("\n")[1] == 'article: no article has the id "0000000000000000"; ignored.'
    assert at.query_params == {"article": at.selectbox(key="ar_open").value}


def test_an_open_article_the_filters_drop_gives_way_to_the_first_with_a_note(at):
    at.query_params.update({"article": SMAILOV_ARTICLE})
    at.switch_page("pages/articles.py").run()
    at.run()
    at.date_input(key="f_from").set_value(pd.Timestamp("2025-01-01").date()).run()
    no_exception(at)
    assert "The article that was open is not among the filtered articles; showing the first instead." in [
        c.value for c in at.main.caption]
    assert at.selectbox(key="ar_open").value != SMAILOV_ARTICLE


def test_a_link_to_a_quote_restores_the_quote_the_quotes_search_and_the_kind(at):
    corpus_quotes = load_corpus(ROOT / "data" / "articles", cache_dir=False).quotes
    wanted = corpus_quotes[(corpus_quotes["kind"] == "direct")
                           & (corpus_quotes["speaker"] == "Ursula von der Leyen")]["quote_id"].iat[-1]
    fresh = at
    fresh.query_params.update({"quote": wanted, "qq": "leyen", "kind": "direct"})
    fresh.switch_page("pages/quotes.py").run()
    fresh.run()
    no_exception(fresh)
    assert fresh.selectbox(key="qt_open").value == wanted
    assert fresh.text_input(key="qt_q").value == "leyen"
    assert fresh.get("button_group")[0].value == ["direct"]
    table = fresh.dataframe[0].value
    assert set(table["speaker"].astype(str)) == {"Ursula von der Leyen"} and set(table["kind"].astype(str)) == {"direct"}
    assert fresh.query_params == {"quote": wanted, "qq": "leyen", "kind": "direct"}


def test_a_link_restores_the_timelines_granularity_and_period(at):
    at.query_params.update({"freq": "quarter", "period": "2022-10-01"})
    at.switch_page("pages/timeline.py").run()
    at.run()
    no_exception(at)
    assert at.get("button_group")[0].value == "quarter"
    assert at.subheader[0].value == "1 article behind 2022 Q4"


def test_bad_page_parameters_are_dropped_with_warnings(at):
    at.query_params.update({"freq": "decade", "period": "spring"})
    at.switch_page("pages/timeline.py").run()
    at.run()
    no_exception(at)
    assert plain(at.warning[0].value).split("\n") == [
        "This link asked for values that were ignored:  ",
        'freq: unknown value "decade"; ignored.  ',
        'period: "spring" is not a date in YYYY-MM-DD form; ignored.']
    assert at.query_params == {"freq": "month"}


def test_a_url_that_changes_under_the_session_back_or_forward_sets_the_filters(at):
    at.run()
    at.multiselect(key="f_theme").set_value(["hydrogen"]).run()
    at.date_input(key="f_from").set_value(pd.Timestamp("2025-01-01").date()).run()
    assert at.query_params == {"from": "2025-01-01", "theme": "hydrogen"}
    at.query_params.clear()
    at.query_params["theme"] = "hydrogen"  # Back: the browser sends the previous URL
    at.run()
    no_exception(at)
    assert at.date_input(key="f_from").value is None and at.multiselect(key="f_theme").value == ["hydrogen"]
    assert metric(at, "Articles") == "2"
    at.query_params.clear()  # Back again, to the first view, on the same page: every filter off
    at.run()
    assert at.multiselect(key="f_theme").value == [] and at.query_params == {}


def test_the_date_inputs_open_on_the_corpus_span_and_hold_a_linked_date_outside_it(at):
    at.run()
    start, end = at.date_input(key="f_from"), at.date_input(key="f_to")
    assert (start.proto.min, start.proto.max) == ("2022-11-08", "2025-04-07")
    assert (end.proto.min, end.proto.max) == ("2022-11-08", "2025-04-07")
    at.query_params["from"] = "2019-05-01"  # a link may ask for a day before the first article
    at.run()
    no_exception(at)
    assert at.date_input(key="f_from").proto.min == "2019-05-01"
    assert at.date_input(key="f_from").value.isoformat() == "2019-05-01"


def test_an_uploaded_article_opened_by_a_link_stays_open(at):
    """A title opens the reader through a link carrying the article's id: an uploaded article's id is known too."""
    pilot = load_corpus([("pilot.txt", GOOD_UPLOAD)], cache_dir=False).articles["article_id"].iat[0]
    at.run().run()
    at.sidebar.get("file_uploader")[0].upload("pilot.txt", GOOD_UPLOAD, "text/plain")
    at.run()
    at.query_params.clear()
    at.query_params["article"] = pilot  # what opening its title in the Overview's latest articles sends
    at.switch_page("pages/articles.py").run()
    no_exception(at)
    assert not [w for w in at.warning if "ignored" in w.value]
    assert at.selectbox(key="ar_open").value == pilot


def test_value_chains_lists_each_chains_quotes_with_their_own_text(at, seed_corpus):
    at.switch_page("pages/value_chains.py").run()
    at.run()
    no_exception(at)
    quotes = seed_corpus.quotes
    assert at.segmented_control(key="vc_chain").options == list(seed_corpus.value_chains)
    for chain in seed_corpus.value_chains:
        at.segmented_control(key="vc_chain").set_value(chain).run()
        no_exception(at)
        about = quotes[quotes["themes"].astype(str).apply(lambda themes, c=chain: c in [t.strip() for t in themes.split(",")])]
        if not len(about):
            assert at.info[-1].value == f"No quote in these articles mentions {chain}."
            continue
        shown = at.dataframe[-1].value
        assert list(shown["date"]) == sorted(shown["date"], reverse=True), chain  # newest first
        assert sorted(zip(shown["speaker"].astype(str), shown["text"].astype(str))) == sorted(
            zip(about["speaker"].astype(str), about["text"].astype(str))), chain
