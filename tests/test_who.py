"""People & organisations: the directory of names, activity over time, who appears with whom
(ui/charts/who.py), and the page in AppTest with and without its URL parameter."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from ui.charts import who as W


def people(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["person", "article_id"]).astype("category")


def entities(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["name", "kind", "article_id"]).astype({"name": "category", "article_id": "category"})


def directory_of(person_rows: list[tuple[str, str]], entity_rows: list[tuple[str, str, str]]) -> W.Directory:
    """`W.build_directory` of our rows, articles numbered A-Z by id."""
    p, e = people(*person_rows), entities(*entity_rows)
    articles = pd.Index(sorted({row[-1] for row in [*person_rows, *entity_rows]}))
    return W.build_directory(p["person"], articles.get_indexer(p["article_id"]), e,
                             articles.get_indexer(e["article_id"]), len(articles))


EXAMPLE = directory_of([("Ann Lee", "a1"), ("Ann Lee", "a1"), ("Ann Lee", "a2"), ("Bo Li", "a3")],
                       [("EBRD", "organisation", "a1"), ("EBRD", "organisation", "a1"), ("EBRD", "organisation", "a3"),
                        ("EBRD", "organisation", "a4"), ("Hyrasia One", "project", "a2")])


def test_the_directory_counts_articles_and_mentions_per_name():
    assert W.directory(EXAMPLE, None, None).to_dict("records") == [
        {"name": "EBRD", "kind": "organisation", "articles": 3, "mentions": 4},
        {"name": "Ann Lee", "kind": "person", "articles": 2, "mentions": 3},
        {"name": "Bo Li", "kind": "person", "articles": 1, "mentions": 1},
        {"name": "Hyrasia One", "kind": "project", "articles": 1, "mentions": 1}]


def test_the_directory_of_some_articles_and_quotes_counts_only_theirs():
    articles = np.array([False, True, True, True])  # a1 left out
    quotes = np.array([True, True, False, True])  # Ann Lee's quote in a2 left out
    assert W.directory(EXAMPLE, articles, quotes).values.tolist() == [
        ["EBRD", "organisation", 2, 2], ["Bo Li", "person", 1, 1], ["Hyrasia One", "project", 1, 1]]
    assert W.directory(EXAMPLE, None, quotes).values.tolist()[:2] == [
        ["EBRD", "organisation", 3, 4], ["Ann Lee", "person", 1, 2]]


def test_a_name_both_quoted_and_named_is_listed_once_as_the_entity_with_both_counted():
    d = directory_of([("Akorda", "a1"), ("Akorda", "a2")], [("Akorda", "organisation", "a2"), ("Akorda", "organisation", "a3")])
    assert W.directory(d, None, None).values.tolist() == [["Akorda", "organisation", 3, 4]]
    assert W.directory(d, np.array([True, False, False]), None).values.tolist() == [["Akorda", "organisation", 1, 1]]


def test_a_body_without_a_name_or_an_article_is_left_out():
    e = entities(("", "organisation", "a1"), ("EBRD", "organisation", "a1"), ("Kazatomprom", "organisation", "a9"))
    e.loc[len(e)] = [pd.NA, "project", "a1"]
    d = W.build_directory(people(("Zoe Ray", "a1"))["person"], np.array([0]), e, np.array([0, 0, -1, 0]), 1)
    assert W.directory(d, None, None).values.tolist() == [["EBRD", "organisation", 1, 1], ["Zoe Ray", "person", 1, 1]]


def test_the_directory_of_nothing_is_empty():
    assert W.directory(directory_of([], []), None, None).empty


def test_activity_counts_per_period_and_kind():
    out = W.activity(pd.Series(pd.to_datetime(["2024-01-05", "2024-01-20", "2024-03-01"])),
                     pd.Series(pd.to_datetime(["2024-03-09"])), "M")
    assert [(p.strftime("%Y-%m"), k, c) for p, k, c in out.itertuples(index=False)] == [
        ("2024-01", "mentions", 2), ("2024-03", "mentions", 1), ("2024-03", "quotes", 1)]
    fig = W.activity_figure(out, "month")
    assert [t.name for t in fig.data] == ["mentions", "quotes"]


def test_companions_count_shared_articles_without_the_chosen_one():
    d = directory_of([("Ann Lee", "a1"), ("Bo Li", "a1"), ("Bo Li", "a2"), ("Cy Do", "a3")],
                     [("EBRD", "organisation", "a1"), ("EBRD", "organisation", "a2")])
    out = W.companions(d, np.array([True, True, False]), None, exclude="Ann Lee", n=5)
    assert out.values.tolist() == [["Bo Li", "person", 2], ["EBRD", "organisation", 2]]  # most shared, then A-Z


def test_chains_of_its_articles():
    assert W.chains_of(pd.Series(["hydrogen", "batteries", "hydrogen"])).values.tolist() == [["hydrogen", 2], ["batteries", 1]]


# --- the page on the seed articles -----------------------------------------------------------------------------------

@pytest.fixture
def at(app_on):
    from tests.test_app import ROOT
    return app_on(ROOT / "data" / "articles")


def open_page(at, **params):
    at.query_params.update(params)
    at.switch_page("pages/people.py").run()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plain(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def test_the_page_opens_on_the_most_named_and_lists_its_articles(at):
    at = open_page(at)
    assert at.title[0].value == "People & organisations"
    chooser = at.selectbox(key="wh_name")
    assert chooser.value == "European Union" and chooser.options[0].startswith("European Union · organisation · 2 articles")
    assert [m.value for m in at.metric][:1] == ["2"]
    assert len(at.dataframe[-1].value) == 2  # its articles
    assert at.query_params == {"name": "European Union"} or at.query_params == {}


def test_a_link_opens_a_person_with_their_roles_and_quotes(at):
    at = open_page(at, name="Alikhan Smailov")
    assert at.selectbox(key="wh_name").value == "Alikhan Smailov"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "1" and metrics["Quotes"] == "2"
    facts = plain(at.caption[1].value)
    assert facts.startswith("person · side: Kazakhstan · roles: ")
    with_it = at.dataframe[1].value
    assert "Alikhan Smailov" not in set(with_it["name"]) and "European Union" in set(with_it["name"])
    assert at.query_params == {"name": "Alikhan Smailov"}


def test_a_name_no_article_has_is_dropped_from_a_link_with_a_warning(at):
    at = open_page(at, name="Nobody Atall")
    assert any("name" in plain(w.value) and "Nobody Atall" in plain(w.value) for w in at.warning)
    assert at.selectbox(key="wh_name").value == "European Union"


def test_places_count_articles_and_keep_a_point_only_where_there_is_one():
    rows = pd.DataFrame({"name": ["Astana", "Astana", "Kazakhstan", "Astana"], "lat": [51.2, 51.2, float("nan"), 51.2],
                         "lon": [71.4, 71.4, float("nan"), 71.4], "article_id": ["a1", "a2", "a1", "a2"]})
    out = W.places(rows.astype({"name": "category", "article_id": "category"}))
    assert out[["name", "articles", "mentions"]].values.tolist() == [["Astana", 2, 3], ["Kazakhstan", 1, 1]]
    assert out["lat"].iloc[0] == 51.2 and pd.isna(out["lat"].iloc[1])
    layer = W.map_deck(out).layers[0]
    assert layer.id == W.MAP_LAYER and [(p["name"], p["articles"]) for p in layer.data] == [("Astana", 2)]


def test_the_places_page_lists_every_place_and_a_linked_places_articles(at):
    at.query_params["place"] = "Samarkand"
    at.switch_page("pages/places.py").run()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.dataframe[0].value["name"].tolist()[:2] == ["Kazakhstan", "Central Asia"]
    assert at.selectbox(key="pl_place").value == "Samarkand"
    assert at.subheader[-1].value == "1 article naming Samarkand"
    assert at.query_params == {"place": "Samarkand"}


def test_a_companion_chosen_on_the_last_run_opens_on_the_next(at):
    at = open_page(at, name="Alikhan Smailov")
    at.session_state["wh_next"] = "Ursula von der Leyen"  # what a selected row under "Appears with" stores
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="wh_name").value == "Ursula von der Leyen"
    assert at.query_params == {"name": "Ursula von der Leyen"}
