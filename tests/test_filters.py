"""URL parameters <-> Filters, and what the filters keep of each table."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import search
from ui.filters import (
    UNKNOWN_SOURCE, Filters, apply_filters, article_positions, kept_positions, loosen_hints, parse_params, recount_people,
    source_labels,
    to_params,
)
from tests.ui_sample import THEMES, tables
from ui.codes import distinct_per

SOURCES = ("Kazinform", "Astana Times", "Reuters")
SPEAKERS = ("Aigerim Sadykova", "Pieter Janssen")


def parse(params):
    return parse_params(params, themes=THEMES, sources=SOURCES, speakers=SPEAKERS)


def test_round_trip_of_every_parameter():
    params = {
        "from": "2024-01-01", "to": "2024-12-31", "theme": "hydrogen,investment & finance",
        "source": "Astana Times,Reuters", "speaker": "Pieter Janssen", "side": "EU,other", "q": "valley",
    }
    filters, warnings = parse(params)
    assert warnings == []
    assert filters == Filters(
        date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31), themes=("hydrogen", "investment & finance"),
        sources=("Astana Times", "Reuters"), speakers=("Pieter Janssen",), sides=("EU", "other"), q="valley",
    )
    assert to_params(filters) == params
    assert parse(to_params(filters)) == (filters, [])


def test_count_story_round_trips_and_any_other_count_is_dropped_with_a_warning():
    assert parse({"count": "story"}) == (Filters(per_story=True), [])
    assert to_params(Filters(per_story=True)) == {"count": "story"}
    assert parse({"count": "Story "}) == (Filters(per_story=True), [])
    assert parse({"count": "articles"}) == (Filters(), ['count: "articles" is not \'story\'; each article counts.'])


def test_empty_filters_serialise_to_no_parameters():
    assert to_params(Filters()) == {}
    assert parse({}) == (Filters(), [])


def test_names_match_case_insensitively_and_come_back_canonical():
    filters, warnings = parse({"theme": "HYDROGEN, Batteries", "side": "eu", "source": "reuters"})
    assert warnings == []
    assert filters.themes == ("hydrogen", "batteries")
    assert filters.sides == ("EU",)
    assert filters.sources == ("Reuters",)


def test_bad_date_is_dropped_with_a_warning_naming_it():
    filters, warnings = parse({"from": "2025-13-01", "to": "05/01/2025"})
    assert filters == Filters()
    assert warnings == [
        'from: "2025-13-01" is not a date in YYYY-MM-DD form; ignored.',
        'to: "05/01/2025" is not a date in YYYY-MM-DD form; ignored.',
    ]


def test_date_outside_the_supported_years_is_dropped():
    filters, warnings = parse({"from": "0001-01-01"})
    assert filters.date_from is None
    assert warnings == ['from: "0001-01-01" is outside 1900–2100; ignored.']


def test_from_after_to_drops_both():
    filters, warnings = parse({"from": "2025-06-01", "to": "2025-01-01", "q": "ore"})
    assert (filters.date_from, filters.date_to, filters.q) == (None, None, "ore")
    assert warnings == ['from/to: "2025-06-01" is after "2025-01-01"; both ignored.']


def test_unknown_theme_is_dropped_and_known_ones_kept():
    filters, warnings = parse({"theme": "hydrogen,unicorns"})
    assert filters.themes == ("hydrogen",)
    assert warnings == ['theme: unknown value "unicorns"; ignored.']


def test_unknown_source_speaker_and_side_are_dropped():
    filters, warnings = parse({"source": "Daily Planet", "speaker": "Nobody Known", "side": "Mars"})
    assert filters == Filters()
    assert warnings == [
        'source: unknown value "Daily Planet"; ignored.',
        'speaker: unknown value "Nobody Known"; ignored.',
        'side: unknown value "Mars"; ignored.',
    ]


@pytest.mark.parametrize("name", ["from", "theme", "source", "speaker", "side", "q"])
def test_angle_brackets_drop_the_whole_value(name):
    filters, warnings = parse({name: "<script>alert(1)</script>"})
    assert filters == Filters()
    assert warnings == [f'{name}: "<script>alert(1)</script>" contains < or >; ignored.']


def test_empty_values_mean_no_filter_without_warning():
    filters, warnings = parse({"from": "", "to": " ", "theme": "", "side": ",,", "q": "   "})
    assert (filters, warnings) == (Filters(), [])


def test_empty_items_in_a_list_are_skipped():
    filters, warnings = parse({"theme": "hydrogen,,batteries,"})
    assert (filters.themes, warnings) == (("hydrogen", "batteries"), [])


def test_repeated_list_parameter_is_merged_without_duplicates():
    filters, warnings = parse({"theme": ["hydrogen", "batteries,hydrogen"]})
    assert (filters.themes, warnings) == (("hydrogen", "batteries"), [])


def test_repeated_single_parameter_keeps_the_first():
    filters, warnings = parse({"from": ["2024-01-01", "2025-01-01"]})
    assert filters.date_from == dt.date(2024, 1, 1)
    assert warnings == ['from: given 2 times; using the first, "2024-01-01".']


def test_unknown_parameter_names_are_ignored_silently():
    assert parse({"utm_source": "mail", "embed": "true"}) == (Filters(), [])


def test_long_values_are_cut_in_warnings_and_control_characters_escaped():
    filters, warnings = parse({"theme": "x" * 100, "source": "bad\nline"})
    assert filters == Filters()
    assert warnings == [
        'theme: unknown value "' + "x" * 60 + '…"; ignored.',
        'source: unknown value "bad\\nline"; ignored.',
    ]


def test_long_search_text_is_cut():
    filters, warnings = parse({"q": "ore " * 100})
    assert len(filters.q) <= 200 and filters.q.startswith("ore ore")
    assert warnings == ["q: longer than 200 characters; cut to the first 200."]


def test_search_text_whitespace_is_collapsed():
    assert parse({"q": "  hydrogen   valley "})[0].q == "hydrogen valley"


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(
    st.sampled_from(["from", "to", "theme", "source", "speaker", "side", "q", "count", "other"]) | st.text(max_size=5),
    st.text(max_size=40) | st.lists(st.text(max_size=20), max_size=3),
    max_size=8,
))
def test_parse_params_never_raises_and_its_output_round_trips(params):
    filters, warnings = parse(params)
    assert all(isinstance(w, str) and w for w in warnings)
    assert set(filters.themes) <= set(THEMES)
    assert parse(to_params(filters)) == (filters, [])


# --- filtering semantics -------------------------------------------------------------


def ids(frame):
    return sorted(frame["article_id"].unique().tolist())


def test_no_filter_returns_the_tables_unchanged_and_the_quotes_without_their_text_and_terms():
    t = tables()
    out = apply_filters(t, Filters())
    assert all(out[name] is t[name] for name in t if name != "quotes")
    lean = [c for c in t["quotes"].columns if c not in ("text", "terms")]
    assert list(out["quotes"].columns) == lean and out["quotes"].equals(t["quotes"][lean])
    assert list(apply_filters(t, Filters(q="lithium"))["quotes"].columns) == lean
    assert out.count("quotes") == len(t["quotes"]) and out.count("articles") == len(t["articles"])


def test_date_range_is_inclusive():
    out = apply_filters(tables(), Filters(date_from=dt.date(2024, 6, 20), date_to=dt.date(2025, 2, 11)))
    assert ids(out["articles"]) == ["a2", "a3"]


def test_theme_filter_keeps_articles_mentioning_any_selected_theme():
    out = apply_filters(tables(), Filters(themes=("hydrogen", "batteries")))
    assert ids(out["articles"]) == ["a1", "a2", "a3"]
    out = apply_filters(tables(), Filters(themes=("hydrogen",)))
    assert ids(out["articles"]) == ["a2"]
    # theme is article-level: the other mentions of a passing article stay
    assert sorted(out["mentions"]["theme"].astype(str)) == ["hydrogen", "investment & finance"]


def test_source_filter():
    out = apply_filters(tables(), Filters(sources=("Kazinform", "Reuters")))
    assert ids(out["articles"]) == ["a1", "a3"]


def test_unknown_source_keeps_exactly_the_articles_without_a_source():
    t = tables()
    assert ids(apply_filters(t, Filters(sources=(UNKNOWN_SOURCE,)))["articles"]) == ["a4"]
    assert ids(apply_filters(t, Filters(sources=("Reuters", UNKNOWN_SOURCE)))["articles"]) == ["a3", "a4"]
    # a missing source (null, as a dataset written by other code may hold) counts as unknown like a blank one
    t["articles"] = t["articles"].assign(source=pd.Series(["Kazinform", None, "Reuters", " "], dtype="category"))
    assert ids(apply_filters(t, Filters(sources=(UNKNOWN_SOURCE,)))["articles"]) == ["a2", "a4"]
    assert ids(apply_filters(t, Filters(sources=("Kazinform",)))["articles"]) == ["a1"]


def test_unknown_source_round_trips_through_the_url():
    filters, warnings = parse_params({"source": "(UNKNOWN SOURCE),Reuters"}, themes=THEMES,
                                     sources=(*SOURCES, UNKNOWN_SOURCE), speakers=SPEAKERS)
    assert (filters.sources, warnings) == ((UNKNOWN_SOURCE, "Reuters"), [])
    assert to_params(filters) == {"source": "(unknown source),Reuters"}
    assert parse(to_params(Filters(sources=(UNKNOWN_SOURCE,))))[1] == ['source: unknown value "(unknown source)"; ignored.']


def test_source_labels_name_every_missing_source_and_keep_the_rest():
    sources = pd.Series(["Kazinform", "", None, "  ", "Reuters"], dtype="category")
    assert source_labels(sources).tolist() == ["Kazinform", UNKNOWN_SOURCE, UNKNOWN_SOURCE, UNKNOWN_SOURCE, "Reuters"]


def test_search_matches_whole_words_of_title_and_text_in_any_case():
    t = tables()
    assert ids(apply_filters(t, Filters(q="LITHIUM"))["articles"]) == ["a1"]
    assert ids(apply_filters(t, Filters(q='"valley on"'))["articles"]) == ["a2"]  # a phrase of the title
    assert ids(apply_filters(t, Filters(q="vall"))["articles"]) == []  # not inside a word
    assert ids(apply_filters(t, Filters(q="vall*"))["articles"]) == ["a2"]
    assert ids(apply_filters(t, Filters(q="*stars*"))["articles"]) == ["a3"]  # punctuation, not a pattern
    assert ids(apply_filters(t, Filters(q="$2 billion"))["articles"]) == ["a2"]
    assert ids(apply_filters(t, Filters(q="st.rs"))["articles"]) == []
    assert ids(apply_filters(t, Filters(q="ore OR grain -cathode"))["articles"]) == ["a1", "a4"]


def test_a_given_index_is_used_and_the_search_combines_with_the_other_filters():
    t = tables()
    index = search.build(t)
    f = Filters(q="ore OR grain", date_from=dt.date(2025, 1, 1))
    assert ids(apply_filters(t, f, index)["articles"]) == ids(apply_filters(t, f)["articles"]) == ["a3", "a4"]
    assert ids(apply_filters(t, Filters(q="*"), index)["articles"]) == ["a1", "a2", "a3", "a4"]  # no words: no filter
    assert loosen_hints(t, Filters(q="unicorns", themes=("hydrogen",)), index) == [("search text", 1), ("themes", 0)]


def test_article_tables_follow_the_filtered_articles():
    out = apply_filters(tables(), Filters(date_from=dt.date(2025, 1, 1)))
    assert ids(out["articles"]) == ["a3", "a4"]
    for name in ("paragraphs", "mentions", "events", "quotes"):
        assert set(out[name]["article_id"]) <= {"a3", "a4"}, name
    assert len(out["paragraphs"]) == 3
    assert out["amounts"].empty
    assert len(out["rejected"]) == 1


def test_speaker_and_side_narrow_the_quotes_and_the_articles_that_have_them():
    out = apply_filters(tables(), Filters(speakers=("Aigerim Sadykova",)))
    assert ids(out["articles"]) == ["a1", "a3"]
    assert out["quotes"]["quote_id"].tolist() == ["q1", "q3"]  # not q4, the other quote of a3
    assert (out.count("articles"), out.count("quotes")) == (2, 2)
    assert set(out["mentions"]["article_id"]) == {"a1", "a3"}
    out = apply_filters(tables(), Filters(sides=("EU", "other")))
    assert ids(out["articles"]) == ["a2"]
    assert out["quotes"]["quote_id"].tolist() == ["q2"]


def test_the_unknown_side_selects_the_quotes_whose_side_is_empty():
    out = apply_filters(tables(), Filters(sides=("unknown",)))
    assert out["quotes"]["quote_id"].tolist() == ["q4"]
    assert ids(out["articles"]) == ["a3"]
    assert parse({"side": "Unknown,eu"})[0].sides == ("unknown", "EU")


def test_loosen_hints_name_the_speaker_and_side_filters_too():
    f = Filters(speakers=("Pieter Janssen",), sides=("Kazakhstan",))
    assert apply_filters(tables(), f)["articles"].empty
    assert loosen_hints(tables(), f) == [("speakers", 2), ("side", 1)]


def test_people_are_recounted_over_the_filtered_quotes():
    out = apply_filters(tables(), Filters(date_from=dt.date(2025, 1, 1)))
    people = out["people"]
    assert people["name"].tolist() == ["Aigerim Sadykova"]
    assert people[["n_quotes", "n_articles"]].values.tolist() == [[1, 1]]
    assert people["first_seen"].iat[0] == people["last_seen"].iat[0] == dt.datetime(2025, 2, 11)
    assert people.dtypes.to_dict() == tables()["people"].dtypes.to_dict()


def test_loosen_hints_say_what_each_filter_costs():
    f = Filters(date_from=dt.date(2030, 1, 1), themes=("hydrogen",))
    assert apply_filters(tables(), f)["articles"].empty
    assert loosen_hints(tables(), f) == [("date range", 1), ("themes", 0)]


@pytest.mark.parametrize("dtype", ["string[pyarrow]", "category", "object"])
def test_isin_matches_plain_membership_for_every_column_dtype(dtype):
    from ui.filters import isin

    column = pd.Series(["b", None, "a", "c", "a"], dtype=dtype, index=[10, 11, 12, 13, 14])
    if dtype == "category":
        column = column.cat.add_categories(["unused"])
    wanted = pd.Series(["a", "unused", "zz"], dtype="category")
    got = isin(column, wanted)
    assert got.tolist() == [False, False, True, False, True]
    assert list(got.index) == [10, 11, 12, 13, 14]
    assert isin(column, []).sum() == 0


def test_a_person_quoted_in_several_articles_is_recounted_with_the_span_of_their_quotes():
    t = tables()
    out = apply_filters(t, Filters(sides=("Kazakhstan",)))
    mine = t["quotes"][t["quotes"]["person"].astype("string") == "Aigerim Sadykova"]
    people = out["people"].set_index("name")
    assert people.loc["Aigerim Sadykova", ["n_quotes", "n_articles"]].tolist() == [len(mine), mine["article_id"].nunique()]
    assert (people.loc["Aigerim Sadykova", "first_seen"], people.loc["Aigerim Sadykova", "last_seen"]) == (
        mine["date"].min(), mine["date"].max())
    assert mine["date"].min() < mine["date"].max() and mine["article_id"].nunique() == 2


@pytest.mark.parametrize("dtype", ["string", "category"])
def test_article_positions_find_each_rows_article_and_minus_one_for_an_unknown_one(dtype):
    t = {"articles": pd.DataFrame({"article_id": pd.array(["a1", "a2", "a3"], dtype="string")}),
         "quotes": pd.DataFrame({"article_id": pd.Series(["a3", "zz", "a1", "a3", None], dtype=dtype)})}
    assert article_positions(t, "quotes").tolist() == [2, -1, 0, 2, -1]
    store = {}
    kept = kept_positions(t, store)
    assert kept("quotes").tolist() == [2, -1, 0, 2, -1] and kept("quotes") is store["quotes"]


def test_a_row_whose_article_is_unknown_never_passes_a_filter():
    t = tables()
    t = {**t, "quotes": pd.concat([t["quotes"], t["quotes"].iloc[[0]].assign(article_id="nowhere")], ignore_index=True)}
    out = apply_filters(t, Filters(date_from=dt.date(2000, 1, 1)))
    assert "nowhere" not in set(out["quotes"]["article_id"].astype(str))


def test_distinct_per_counts_each_codes_distinct_partners():
    a = np.array([0, 0, 0, 2, 2, 1])
    b = np.array([5, 5, 3, 0, 0, 7])
    assert distinct_per(a, b, 4, 8).tolist() == [2, 1, 1, 0]
    assert distinct_per(a[:0], b[:0], 2, 8).tolist() == [0, 0]


def test_a_quote_without_a_date_counts_but_never_as_a_first_or_last_sighting():
    t = tables()
    quotes = t["quotes"].copy()
    mine = (quotes["person"].astype("string") == "Aigerim Sadykova").to_numpy()
    first_row = np.flatnonzero(mine)[0]
    quotes.loc[first_row, "date"] = pd.NaT
    people = recount_people(t["people"], quotes).set_index("name")
    dated = quotes.loc[mine, "date"].dropna()
    assert people.loc["Aigerim Sadykova", "n_quotes"] == int(mine.sum())
    assert people.loc["Aigerim Sadykova", "first_seen"] == dated.min()


def test_count_story_keeps_the_first_passing_copy_of_each_story_and_only_its_quotes():
    t = tables()
    t["articles"] = t["articles"].assign(story_id=["a1", "a2", "a1", "a4"])  # a3 is a copy of a1's story
    out = apply_filters(t, Filters(per_story=True))
    assert out["articles"]["article_id"].tolist() == ["a1", "a2", "a4"]
    assert out["quotes"]["quote_id"].tolist() == ["q1", "q2"]
    assert ids(out["mentions"]) == ["a1", "a2"]
    later = apply_filters(t, Filters(per_story=True, date_from=dt.date(2025, 1, 1)))
    assert later["articles"]["article_id"].tolist() == ["a3", "a4"]  # a1 does not pass: its copy a3 stands in
    assert apply_filters(t, Filters(date_from=dt.date(2024, 1, 1)))["articles"]["article_id"].tolist() == [
        "a1", "a2", "a3", "a4"]
