"""Framing: a quote's terms (loaders/terms.py), the lean of a word between the two sides (ui/charts/framing.py),
and the Framing page in AppTest, with and without its URL parameters."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, strategies as st

from loaders.terms import SEPARATOR, quote_themes_and_terms, stopwords, terms_of
from loaders.themes import load_lexicon
from ui.charts import framing as F

LEX = load_lexicon()


# --- a quote's terms ---------------------------------------------------------------------------------------------

def test_terms_are_lexicon_terms_in_place_of_their_words_plus_the_other_words():
    themes, terms = terms_of("Kazakhstan's lithium and rare-earth batteries: we don't want 2,000 tonnes of "
                             "critical raw materials sold as ore, the EU’s partners said.", LEX)
    assert themes == ["raw materials", "raw materials", "batteries", "raw materials", "raw materials"]
    # "batteries" is the lexicon's "battery", "critical raw materials" one term (not also "raw", "materials"),
    # the possessive and digits go, and "we", "don't", "the", "said" are stopwords
    assert terms.split(SEPARATOR) == ["battery", "critical raw materials", "eu", "kazakhstan", "lithium", "ore",
                                      "partners", "rare earths", "sold", "tonnes", "want"]


def test_a_lexicon_term_with_a_digit_is_a_term():
    assert terms_of("H2 from Mangystau", LEX) == (["hydrogen"], "h2" + SEPARATOR + "mangystau")


def test_a_quote_without_words_has_no_terms_and_no_themes():
    assert quote_themes_and_terms(["", None, "2030 — 15%", "We will do it.", "We won't, we'd, I've."], LEX) == (
        ["", "", "", "", ""], ["", "", "", "", ""])


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_terms_are_distinct_sorted_lower_case_words_without_stopwords(text):
    _, joined = terms_of(text, LEX)
    terms = joined.split(SEPARATOR) if joined else []
    assert terms == sorted(set(terms))
    # digits only in the lexicon's own terms ("H2" is hydrogen), never in a plain word
    lexicon_terms = {term.lower() for _, _, _, term in LEX.find(text)}
    assert all(t and t == t.lower() and (t in lexicon_terms or not any(c.isnumeric() for c in t)) for t in terms)
    assert not set(terms) & stopwords()
    assert all(len(t) > 1 for t in terms)


# --- the lean of a word -----------------------------------------------------------------------------------------

def test_the_lean_follows_the_shares_and_swapping_the_sides_negates_it():
    counts, quotes = np.array([[50, 10], [10, 50], [20, 20], [5, 1]]), np.array([100, 100])
    z = F.log_odds_z(counts, quotes)
    assert z[0] > F.Z_DISTINCT and z[1] == pytest.approx(-z[0]) and z[2] == 0
    assert 0 < z[3] < F.Z_DISTINCT  # five quotes against one leans EU, within chance
    assert F.log_odds_z(counts[:, ::-1], quotes) == pytest.approx(-z)


def test_the_lean_is_of_rates_not_counts_a_side_with_more_quotes_does_not_lean_by_size():
    # 20 of 200 EU quotes and 10 of 100 Kazakh ones: the same rate, no lean
    assert F.log_odds_z(np.array([[20, 10]]), np.array([200, 100]))[0] == pytest.approx(0, abs=1e-9)


def test_more_quotes_at_the_same_rates_lean_further():
    small = F.log_odds_z(np.array([[6, 2]]), np.array([20, 20]))[0]
    large = F.log_odds_z(np.array([[60, 20]]), np.array([200, 200]))[0]
    assert 0 < small < F.Z_DISTINCT < large


def sample_counts() -> F.TermCounts:
    terms = pd.Series(["hydrogen|partners", "hydrogen|sovereignty", "", "partners|investors", "hydrogen", pd.NA],
                      dtype="string[pyarrow]")
    return F.term_counts(F.split_terms(terms), None, np.array([0, 1, 1, 0, 0, 1]), np.array([0, 0, 1, 1, 1, 1]),
                         ["2024", "2025"])


def test_term_counts_count_quotes_per_term_year_and_side():
    tc = sample_counts()
    assert list(tc.terms) == ["hydrogen", "investors", "partners", "sovereignty"]
    assert tc.quotes.tolist() == [[1, 1], [2, 2]]
    assert tc.counts.tolist() == [[[1, 1], [1, 0]], [[0, 0], [1, 0]], [[1, 0], [1, 0]], [[0, 1], [0, 0]]]
    assert sorted(zip(tc.quote_of.tolist(), tc.terms[tc.term_of].tolist())) == [
        (0, "hydrogen"), (0, "partners"), (1, "hydrogen"), (1, "sovereignty"), (3, "investors"), (3, "partners"),
        (4, "hydrogen")]


def test_term_counts_of_chosen_quotes_count_only_those_numbered_in_their_order():
    terms = pd.Series(["hydrogen|partners", "hydrogen|sovereignty", "", "partners|investors", "hydrogen", pd.NA],
                      dtype="string[pyarrow]")
    tc = F.term_counts(F.split_terms(terms), np.array([1, 3, 4]), np.array([1, 0, 0]), np.array([0, 1, 1]),
                       ["2024", "2025"])
    assert sorted(zip(tc.quote_of.tolist(), tc.terms[tc.term_of].tolist())) == [
        (0, "hydrogen"), (0, "sovereignty"), (1, "investors"), (1, "partners"), (2, "hydrogen")]
    assert tc.quotes.tolist() == [[0, 1], [2, 0]]
    assert list(tc.terms) == ["hydrogen", "investors", "partners", "sovereignty"]
    assert tc.counts[0].tolist() == [[0, 1], [1, 0]]
    only_first = F.term_counts(F.split_terms(terms), np.array([0]), np.array([0]), np.array([0]), ["2024"])
    assert list(only_first.terms) == ["hydrogen", "partners"]  # the terms the chosen quotes use, nothing else


def test_terms_of_quotes_read_from_several_parts_split_as_one():
    import pyarrow as pa

    from loaders import schema

    stored = pa.chunked_array([pa.array(["hydrogen|partners", "lithium"], pa.large_string()),
                               pa.array(["hydrogen"], pa.large_string())])
    terms = pd.Series(pd.arrays.ArrowStringArray(stored)).iloc[[0, 1, 2]]  # every row in order keeps the chunks
    assert isinstance(pa.array(terms), pa.ChunkedArray)
    qt = F.split_terms(terms)
    assert list(qt.terms) == ["hydrogen", "lithium", "partners"] and qt.quote_of.tolist() == [0, 0, 1, 2]
    assert schema.arrow_text(terms).to_pylist() == ["hydrogen|partners", "lithium", "hydrogen"]


def test_each_years_words_are_those_distinctive_terms_ranks_for_that_year():
    rng = np.random.default_rng(7)
    words = [f"w{i:02d}" for i in range(30)]
    terms = pd.Series(["|".join(sorted(set(rng.choice(words[:20] if i % 3 else words[10:], 4)))) for i in range(400)])
    side = (np.arange(400) % 3 == 0).astype(np.int64)  # Kazakhstan's quotes lean to w10..w29, EU's to w00..w19
    tc = F.term_counts(F.split_terms(terms), None, side, rng.integers(0, 3, 400), ["2023", "2024", "2025"])
    table = F.distinctive_by_group(tc, n=4)
    assert list(table["group"]) == ["2023", "2024", "2025"]
    for row in table.itertuples(index=False):
        top = F.distinctive_terms(tc, row.group, n=4)
        assert row.EU == ", ".join(top.loc[top["side"] == "EU", "term"]) != ""
        assert row.Kazakhstan == ", ".join(top.loc[top["side"] == "Kazakhstan", "term"]) != ""


def test_distinctive_terms_rank_each_sides_leaning_words_above_a_minimum_count():
    top = F.distinctive_terms(sample_counts(), min_quotes=1)
    assert list(zip(top["side"], top["term"])) == [("EU", "partners"), ("EU", "investors"), ("EU", "hydrogen"),
                                                   ("Kazakhstan", "sovereignty")]
    assert top.loc[0, ["EU", "Kazakhstan", "EU share", "Kazakhstan share"]].tolist() == [2, 0, 66.7, 0.0]
    assert not top["distinct"].any()
    assert list(F.distinctive_terms(sample_counts(), min_quotes=2)["term"]) == ["partners", "hydrogen"]
    assert F.distinctive_terms(sample_counts(), min_quotes=4).empty


def test_distinctive_terms_of_one_year():
    top = F.distinctive_terms(sample_counts(), "2024", min_quotes=1)
    assert list(zip(top["side"], top["term"])) == [("EU", "partners"), ("Kazakhstan", "sovereignty")]


def test_distinctive_words_per_year_leave_out_a_year_with_one_side():
    tc = F.term_counts(F.split_terms(pd.Series(["a1|b1", "a1", "c1", "d1"], dtype="string")), None,
                       np.array([0, 1, 0, 0]), np.array([0, 0, 1, 1]), ["2024", "2025"])
    table = F.distinctive_by_group(tc, n=2, min_quotes=1)
    assert table.to_dict("records") == [{"group": "2024", "EU": "b1", "Kazakhstan": "", "EU quotes": 1,
                                         "Kazakhstan quotes": 1}]


def test_themes_each_side_raises():
    tc = sample_counts()
    themes = ["hydrogen", "finance", "batteries"]
    theme_of = F.term_themes(tc.terms, pd.Series({"hydrogen": "hydrogen", "investors": "finance"}), themes)
    assert theme_of.tolist() == [0, 1, -1, -1]
    mentions = F.theme_counts(tc, theme_of, len(themes), 6)
    assert mentions.tolist() == [[True, False, False], [True, False, False], [False] * 3, [False, True, False],
                                 [True, False, False], [False] * 3]
    table = F.side_themes(mentions, np.array([0, 1, 1, 0, 0, 1]), ["hydrogen", "finance", "batteries"])
    assert table[["theme", "side", "quotes", "share"]].values.tolist() == [
        ["hydrogen", "EU", 2, 66.7], ["hydrogen", "Kazakhstan", 1, 33.3], ["finance", "EU", 1, 33.3],
        ["finance", "Kazakhstan", 0, 0.0], ["batteries", "EU", 0, 0.0], ["batteries", "Kazakhstan", 0, 0.0]]
    assert table["z"].iloc[0] > 0 and table["z"].iloc[4] == 0


def test_figures_draw_one_sides_words_and_both_sides_themes():
    top = F.distinctive_terms(sample_counts(), min_quotes=1)
    spec = F.terms_figure(top, "Kazakhstan").to_dict()
    assert [row["term"] for row in spec["datasets"][next(iter(spec["datasets"]))]] == ["sovereignty"]
    table = F.side_themes(np.ones((2, 1), dtype=bool), np.array([0, 1]), ["hydrogen"])
    assert F.themes_figure(table).to_dict()["encoding"]["color"]["scale"]["domain"] == ["EU", "Kazakhstan"]


# --- the page ---------------------------------------------------------------------------------------------------

def talks(i: int) -> str:
    """An article of our own: an EU trade commissioner and a Kazakh minister each quoted once, on hydrogen in the
    first three articles and on lithium in the others, in 2023 and 2024 by turns."""
    topic = "green hydrogen and electrolysers" if i < 3 else "lithium and copper mining"
    return (f"date {2023 + i % 2}-0{i + 1}-1{i}\nTalks in Astana, round {i + 1}\n\n"
            f"Delegations met in Astana for round {i + 1} of talks on {topic}.\n\n"
            "“Transparency and predictable rules will bring investors to every stage of the partnership,” said "
            "Anna Berg, the European Commissioner for Trade.\n\n"
            "“Sovereignty over our deposits and local processing come first in this partnership,” said Nurlan "
            "Sadykov, Kazakhstan's Minister of Industry.\n")


@pytest.fixture
def page(app_on, write_files):
    """The dashboard on six articles of `talks`, opened on the Framing page (URL parameters set by the caller
    before the first run)."""
    at = app_on(write_files({f"a{i}.txt": talks(i) for i in range(6)}))

    def open_(**params: str):
        at.query_params.update(params)
        at.switch_page("pages/framing.py").run()  # the first run, as a link to the page opens it
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at
    return open_


def plain(markdown: str) -> str:
    """Markdown with backslash escapes removed: the text the reader sees."""
    return re.sub(r"\\(.)", r"\1", markdown)


def chart_terms(at, key: str) -> list[str]:
    spec = at.get("arrow_vega_lite_chart")
    found = [c for c in spec if c.proto.id and key in c.proto.id] if spec else []
    import json
    for chart in found:
        data = json.loads(chart.proto.spec)
        return [row["term"] for row in next(iter(data["datasets"].values()))]
    raise AssertionError(f"no chart keyed {key}")


def test_the_page_compares_the_two_sides_words(page):
    at = page()
    assert at.title[0].value == "Framing"
    assert "Comparing 6 EU-side quotes with 6 Kazakhstan-side quotes." in [c.value for c in at.caption]
    top = at.session_state["fr_term"] if "fr_term" in at.session_state else None
    assert top is None and at.selectbox(key="fr_term").options[:1] == ["bring"]
    offered = at.selectbox(key="fr_term").options
    # every word of one side's quote leans to it; "partnership", in both, leans to neither
    assert set(offered) == {"bring", "investor", "predictable", "rules", "stage", "transparency", "come",
                            "deposit", "first", "local", "processing", "sovereignty"}
    assert at.dataframe[0].value["group"].tolist() == ["2024", "2023"]
    assert at.query_params == {}


def test_choosing_a_word_lists_its_quotes_and_writes_it_to_the_url(page):
    at = page()
    at.selectbox(key="fr_term").set_value("sovereignty").run()
    assert not at.exception
    assert at.query_params == {"term": "sovereignty"}
    assert [m.value for m in at.markdown if m.value.startswith("**")][-2:] == ["**EU side: 0 quotes**",
                                                                              "**Kazakhstan side: 6 quotes**"]
    listed = at.dataframe[-1].value
    assert set(listed["speaker"]) == {"Nurlan Sadykov"} and listed["date"].is_monotonic_decreasing


def test_a_link_restores_the_chain_the_year_and_the_word(page):
    at = page(chain="raw materials", year="2024", term="investor")
    assert at.segmented_control(key="fr_chain").value == "raw materials"
    assert at.selectbox(key="fr_year").value == "2024"
    assert at.selectbox(key="fr_term").value == "investor"
    assert "Comparing 3 EU-side quotes with 3 Kazakhstan-side quotes from articles about raw materials." in [
        c.value for c in at.caption]
    # three quotes a side are under the minimum: no word is ranked, but the linked word's quotes are listed
    assert any("No word is used by 5 or more" in i.value for i in at.info)
    assert [m.value for m in at.markdown if m.value.startswith("**")][-2:] == ["**EU side: 2 quotes**",
                                                                              "**Kazakhstan side: 0 quotes**"]
    assert at.query_params == {"chain": "raw materials", "year": "2024", "term": "investor"}


def test_unknown_values_in_a_link_fall_back_to_the_defaults_with_a_note(page):
    at = page(chain="uranium", year="1999", term="<b>")
    assert at.segmented_control(key="fr_chain").value == F.ALL
    assert at.selectbox(key="fr_year").value == F.ALL
    assert at.selectbox(key="fr_term").value is None
    assert plain(at.warning[0].value).split("\n") == [
        "This link asked for values that were ignored:  ", 'chain: these articles have no chain "uranium"; ignored.  ',
        'year: these articles have no year "1999"; ignored.  ', 'term: "<b>" contains < or >; ignored.']
    assert at.query_params == {}


def test_a_word_no_quote_uses_is_dropped_from_a_link(page):
    at = page(term="Sovereignty|come")
    assert plain(at.warning[0].value).split("\n")[1:] == ['term: these articles have no term "Sovereignty|come"; ignored.']


def test_a_linked_word_is_found_in_any_case(page):
    at = page(term="SOVEREIGNTY")
    assert at.selectbox(key="fr_term").value == "sovereignty"


def test_a_filter_that_leaves_one_side_says_there_is_nothing_to_compare(page):
    at = page(side="EU")
    assert [i.value for i in at.info] == [
        "No Kazakhstan-side speaker is quoted in these articles, so there is nothing to compare. Widen the filters "
        "or choose another value chain."]
    assert not at.get("arrow_vega_lite_chart")


def test_a_year_with_one_side_says_so(app_on, write_files):
    files = {f"a{i}.txt": talks(i) for i in range(6)}
    files["late.txt"] = ("date 2025-05-05\nA note from Brussels\n\nA short note.\n\n“We keep investing,” said Anna "
                         "Berg, the European Commissioner for Trade.\n")
    at = app_on(write_files(files))
    at.query_params["year"] = "2025"
    at.switch_page("pages/framing.py").run()
    at.run()
    assert not at.exception
    assert "Only one side is quoted in 2025 in these articles; choose another year to compare." in [i.value for i in at.info]
