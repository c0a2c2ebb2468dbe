"""Entities (loaders/entities): the registry and gazetteer, the head-noun and noun rules, acronyms an article
defines, and the entities table's contract."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from loaders import schema
from loaders.entities import entities_table
from loaders.entities.registry import _build, load_registry
from loaders.entities.rules import find_names, find_places, find_projects

REGISTRY = load_registry()


def rows(*paragraphs: str) -> list[tuple]:
    """(para_no, surface, name, kind) of every entity of one article of `paragraphs`."""
    frame = entities_table(pd.DataFrame({"article_id": "a", "para_no": range(len(paragraphs)), "text": paragraphs}))
    return list(zip(frame["para_no"], frame["surface"].astype(str), frame["name"].astype(str), frame["kind"].astype(str)))


def test_listed_names_take_the_registry_name_side_and_point():
    frame = entities_table(pd.DataFrame({"article_id": ["a"], "para_no": [0], "text": [
        "Kazatomprom and the EBRD met in Nur-Sultan and Mangystau region."]}))
    got = frame.drop(columns=["article_id", "para_no", "start", "end"]).astype(object).to_dict("records")
    assert [(r["surface"], r["name"], r["kind"], r["side"], r["chains"]) for r in got] == [
        ("Kazatomprom", "Kazatomprom", "organisation", "Kazakhstan", "raw materials"),
        ("EBRD", "European Bank for Reconstruction and Development", "organisation", "other", ""),
        ("Nur-Sultan", "Astana", "place", "", ""),
        ("Mangystau region", "Mangystau", "place", "", "")]
    assert (round(got[2]["lat"], 2), round(got[2]["lon"], 2)) == (51.18, 71.45)
    assert math.isnan(got[0]["lat"])


def test_countries_and_cities_come_from_the_gazetteer_and_datelines_match_in_capitals():
    assert rows("TASHKENT – Germany, the Republic of Poland and Ust-Kamenogorsk.") == [
        (0, "TASHKENT", "Tashkent", "place"), (0, "Germany", "Germany", "place"),
        (0, "Republic of Poland", "Poland", "place"), (0, "Ust-Kamenogorsk", "Oskemen", "place")]


def test_names_are_whole_words_a_hyphen_is_a_boundary_and_case_matters():
    assert rows("Moscow-based traders, the ergonomic UNESCO-listed site and erg.") == [
        (0, "Moscow", "Moscow", "place"), (0, "UNESCO", "UNESCO", "organisation")]


def test_a_form_written_with_the_matches_only_after_the_and_leaves_it_out():
    assert rows("The Commission agreed. Commission members left.") == [(0, "Commission", "European Commission", "organisation")]


def test_the_longest_name_wins_and_a_place_inside_a_body_is_not_a_place():
    assert rows("The Ministry of Ecology and Natural Resources of Kazakhstan said so.") == [
        (0, "Ministry of Ecology and Natural Resources of Kazakhstan", "Ministry of Ecology and Natural Resources of Kazakhstan",
         "organisation")]


def test_a_body_named_in_a_persons_title_is_not_an_organisation_but_a_place_is_a_place():
    # "EU Ambassador", "Minister of Energy": titles; a company the person chairs is still a company
    assert rows("EU Ambassador Kestutis Jankauskas and Minister of Energy Almasadam Satkaliyev of Kazakhstan met "
                "Chairman of the Board of Samruk Holding Berik Ali.") == [
        (0, "Kazakhstan", "Kazakhstan", "place"), (0, "Samruk Holding", "Samruk Holding", "organisation")]


def test_an_acronym_in_brackets_names_its_body_for_the_rest_of_the_article():
    assert rows("The Caspian Lithium Fund (CLF) was set up.", "CLF will lend.", "") == [
        (0, "Caspian Lithium Fund", "Caspian Lithium Fund", "organisation"), (0, "CLF", "Caspian Lithium Fund", "organisation"),
        (1, "CLF", "Caspian Lithium Fund", "organisation")]
    assert rows("CLF will lend.") == []  # defined in another article: unknown here


def test_head_nouns_make_names_of_capitalised_runs():
    found = [(f.name, f.kind) for f in find_names(
        "The Development Bank of Kazakhstan, JSC NC Temir Zholy, the Navoi Mining and Metallurgical Plant, "
        "the Kazakhstan 2050 Strategy, the World Bank Group, Saudi-listed ACWA Power and the Uzbek Foreign "
        "Ministry met the Tajik Aluminum Company.")]
    assert found == [("Development Bank of Kazakhstan", "organisation"), ("JSC NC Temir Zholy", "organisation"),
                     ("Navoi Mining and Metallurgical Plant", "project"), ("Kazakhstan 2050 Strategy", "project"),
                     ("World Bank Group", "organisation"), ("ACWA Power", "organisation"),
                     ("Foreign Ministry", "organisation"), ("Tajik Aluminum Company", "organisation")]


def test_a_head_alone_names_nothing_unless_a_state_body_after_the():
    assert [f.name for f in find_names("Bank officials met. Group sales rose. Later the Government agreed.")] == ["Government"]


def test_a_run_stops_before_a_persons_name_and_at_a_sentence():
    assert [f.name for f in find_names("Minister of Energy and Mineral Resources Sauat Mynbayev spoke. "
                                       "Americans. The Astana Hub opened.")] == ["Astana Hub"]


def test_project_and_place_nouns():
    assert [(f.name, f.kind) for f in find_projects(
        "The Kumtor mine, the Roghun hydroelectric power station, a Kazakh uranium mine and Kazatomprom should mine.")] == [
        ("Kumtor mine", "project"), ("Roghun hydroelectric power station", "project")]
    assert find_places("In Syrdarya region, the Kazakh region and the Abay Oblast; in the region.") == [
        (3, 18, "Syrdarya"), (46, 57, "Abay")]


def test_a_place_noun_after_a_listed_place_keeps_its_point():
    frame = entities_table(pd.DataFrame({"article_id": ["a"], "para_no": [0], "text": ["Shymkent city grew."]}))
    assert (frame["surface"].iat[0], frame["name"].iat[0], frame["kind"].iat[0]) == ("Shymkent city", "Shymkent", "place")
    assert not math.isnan(frame["lat"].iat[0])


def test_a_bad_registry_is_refused_with_its_reason():
    with pytest.raises(ValueError, match="kind"):
        _build(b'[[entity]]\nname = "X"\nkind = "person"\n')
    with pytest.raises(ValueError, match="side"):
        _build(b'[[entity]]\nname = "X"\nkind = "organisation"\nside = "Mars"\n')
    with pytest.raises(ValueError, match="'XB' belongs to both"):
        _build(b'[[entity]]\nname = "X"\nkind = "organisation"\nvariants = ["XB"]\n'
               b'[[entity]]\nname = "Y"\nkind = "organisation"\nvariants = ["XB"]\n')


def test_the_table_conforms_and_an_article_without_names_has_no_rows():
    frame = entities_table(pd.DataFrame({"article_id": ["a", "b"], "para_no": [0, 0], "text": ["no names here", None]}))
    assert frame.empty and list(frame.dtypes.astype(str)) == list(schema.empty("entities").dtypes.astype(str))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Kazatomprom", "the EBRD", "Ministry of Energy", "in", "Astana", "(EDB)", "EDB",
                                 "Bank", "and", "of", "Kazakh", "uranium mine", "region", ",", ".", "The", "x"]),
                max_size=25))
def test_every_row_points_at_its_surface_and_rows_never_overlap(words):
    text = " ".join(words)
    frame = entities_table(pd.DataFrame({"article_id": ["a"], "para_no": [0], "text": [text]}))
    spans = list(zip(frame["start"], frame["end"], frame["surface"].astype(str)))
    assert all(text[s:e] == surface and s < e for s, e, surface in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
