"""Sides of speakers, person detection, name merging and the people table."""

import pandas as pd
import pytest

from loaders import load_corpus, schema
from loaders.people import canonical_persons, is_name_token, is_person_name, merge_names, people_table
from loaders.quotes import article_rows
from loaders.sides import home_side, side_in_article, side_of


@pytest.mark.parametrize(("role", "org", "side"), [
    ("EU Ambassador to Kazakhstan", "", "EU"),
    ("Prime Minister of Kazakhstan", "", "Kazakhstan"),
    ("President of the European Commission", "", "EU"),
    ("Kazakh Deputy Prime Minister", "", "Kazakhstan"),
    ("Minister of Industry of Kazakhstan", "", "Kazakhstan"),
    ("Kazakh Ambassador to the EU", "", "Kazakhstan"),
    ("German Ambassador to Kazakhstan", "", "EU"),
    ("press service", "EU Delegation to Kazakhstan", "EU"),
    ("head of the EBRD office in Kazakhstan", "", "other"),
    ("", "European Bank for Reconstruction and Development", "other"),
    ("", "European Investment Bank", "EU"),
    ("CEO", "KazMunayGas", "Kazakhstan"),
    ("chairman", "samruk-kazyna", "Kazakhstan"),
    ("chief geologist of Rio Tinto", "", "other"),
    ("", "", ""),
    ("Commissioner for International Partnerships", "", "EU"),
    ("head of a delegation of the European Commission", "", "EU"),
    ("State Secretary at the Federal Ministry for Economic Affairs", "", "EU"),
    ("mining analyst at Halyk Finance in Almaty", "", "other"),
    ("senior economist at a think tank in Astana", "", "other"),
    ("Kazakh economist", "", "other"),
    ("analyst", "Samruk-Kazyna", "Kazakhstan"),
    ("Vice Minister of Industry and Construction", "", "other"),
    # a member state's private company is no government: other; a state one is its state's
    ("CEO of the German start-up Voltaic Minerals", "", "other"),
    ("managing director of the German company Ecoglobe Minerals", "", "other"),
    ("Kazakhstan's national atomic energy company", "", "Kazakhstan"),
    ("German state-owned company head", "", "EU"),
    ("Kazakh geologist", "", "other"),  # an expert, like an economist
    # the European Parliament's political groups, and the High Representative's full title
    ("Greens/EFA lawmaker", "", "EU"),
    ("rapporteur (S&D, Portugal)", "", "EU"),
    ("High Representative for Foreign Affairs and Security Policy", "", "EU"),
    # a European business lobby abroad and NATO are no EU bodies
    ("Chairman of the European Business Association of Kazakhstan", "", "other"),
    ("NATO Secretary General", "", "other"),
])
def test_side_of(role, org, side):
    assert side_of(role, org) == side


def test_side_keywords_need_word_boundaries():
    assert side_of("Europeanist writer") == "other"


@pytest.mark.parametrize(("name", "person"), [
    ("Ursula von der Leyen", True), ("Aleška Simkić", True), ("Kassym-Jomart Tokayev", True),
    ("EU Delegation to Kazakhstan", False), ("Prime Minister of Kazakhstan", False), ("European Union", False),
    ("Samruk-Kazyna", False), ("Tau-Ken Samruk", False), ("Ministry of Energy", False), ("EBRD", False), ("", False),
])
def test_is_person_name(name, person):
    assert is_person_name(name) is person


def test_merge_names_short_forms_and_transliterations():
    got = merge_names(["Kassym-Jomart Tokayev", "Kassym-Jomart Tokaev", "Tokayev", "Kassym-Jomart Tokayev",
                       "von der Leyen", "Ursula von der Leyen", "Aleska Simkic", "Aleška Simkić", "Aleška Simkić",
                       "Nurlan Nogayev", "Nurlan Nogaev", "Smith"])
    assert got["Kassym-Jomart Tokaev"] == "Kassym-Jomart Tokayev"
    assert got["Tokayev"] == "Kassym-Jomart Tokayev"
    assert got["von der Leyen"] == "Ursula von der Leyen"
    assert got["Aleska Simkic"] == "Aleška Simkić"
    assert got["Smith"] == "Smith"


def test_different_people_with_similar_names_stay_apart():
    got = merge_names(["Marat Karabayev", "Marat Karimov", "Askar Zhumagaliyev", "Askhat Zhumagaliyev"])
    assert len(set(got.values())) == 4


def test_people_table_from_seeds():
    corpus = load_corpus("data/articles")
    people = people_table(corpus.quotes)
    rows = {r.name: (r.role, r.side, r.n_quotes, r.n_articles, str(r.first_seen.date()))
            for r in people.itertuples()}
    assert rows == {
        "Ursula von der Leyen": ("President of the European Commission", "EU", 5, 1, "2022-11-08"),
        "Alikhan Smailov": ("Prime Minister of Kazakhstan", "Kazakhstan", 2, 1, "2022-11-08"),
        "Aleška Simkić": ("EU Ambassador to Kazakhstan", "EU", 2, 1, "2025-04-07"),
    }
    assert list(people.dtypes.astype(str)) == list(schema.empty("people").dtypes.astype(str))


def test_people_table_merges_across_articles():
    quotes = pd.DataFrame({
        "article_id": ["a", "b", "c", "c"],
        "date": pd.to_datetime(["2024-01-05", "2024-03-01", "2023-12-31", "2023-12-31"]),
        "person": ["Ursula von der Leyen", "von der Leyen", "", "Kassym-Jomart Tokaev"],
        "speaker_role": ["President of the European Commission", "", "press service", "President of Kazakhstan"],
        "side": ["EU", "", "EU", "Kazakhstan"],
    })
    people = people_table(quotes.assign(person=canonical_persons(quotes)))
    assert list(people["name"]) == ["Ursula von der Leyen", "Kassym-Jomart Tokaev"]
    assert list(people["n_quotes"]) == [2, 1]
    assert list(people["n_articles"]) == [2, 1]
    assert str(people["last_seen"].iloc[0].date()) == "2024-03-01"
    assert list(people["side"].astype(str)) == ["EU", "Kazakhstan"]


def test_people_table_of_nothing_is_empty():
    assert people_table(schema.empty("quotes")).empty


@pytest.mark.parametrize(("role", "org", "home", "side"), [
    ("Vice Minister of Industry and Construction", "", "Kazakhstan", "Kazakhstan"),
    ("Deputy Prime Minister", "", "Kazakhstan", "Kazakhstan"),
    ("", "Ministry of Industry and Construction", "Kazakhstan", "Kazakhstan"),
    ("akim of the region", "", "Kazakhstan", "Kazakhstan"),
    ("Minister of Energy", "", "", "other"),
    ("German Minister of Economy", "", "Kazakhstan", "EU"),
    ("chief executive of a cathode maker", "", "Kazakhstan", "other"),
    ("mining analyst at Halyk Finance", "", "Kazakhstan", "other"),
    ("Minister of Energy", "", "EU", "EU"),
    ("Texas Governor", "", "Kazakhstan", "other"),  # a governor or mayor naming a place elsewhere: that place's
    ("Governor of Hokkaido", "", "Kazakhstan", "other"),
    ("Mayor of Paris", "", "Kazakhstan", "EU"),
    ("Governor of Karaganda region", "", "EU", "Kazakhstan"),
    ("First Deputy Governor", "", "Kazakhstan", "Kazakhstan"),  # naming none: a Kazakh region's (an akim in English)
    ("Governor", "", "EU", "other"),  # elsewhere a bare governor tells no country
    ("National Bank Governor", "", "Kazakhstan", "Kazakhstan"),  # an institution's governor: its office
    ("Deputy Governor of the National Bank", "", "Kazakhstan", "Kazakhstan"),
    ("President of the Chamber of Deputies", "", "EU", "EU"),
    ("President of Chevron International Exploration and Production", "", "Kazakhstan", "other"),  # a company's
    ("Chairman of the National Bank", "", "Kazakhstan", "Kazakhstan"),  # the organisation is the office
    ("President of the Republic", "", "Kazakhstan", "Kazakhstan"),
    ("EBRD President", "", "Kazakhstan", "other"),  # a listed organisation's post, never the home country's office
])
def test_government_office_without_a_marker_takes_the_home_side(role, org, home, side):
    assert side_in_article(role, org, home) == side


@pytest.mark.parametrize(("role", "side"), [
    ("President of the Republic of Congo", "other"),  # the gazetteer's "Republic of the Congo", written short
    ("Minister of Mines of Zambia", "other"),
    ("Foreign Minister of Paraguay", "other"),
    ("Congolese Minister of Mines", "other"),  # a nationality sides.toml lists
    ("Minister of Industry of Czechia", "EU"),  # a member state under the gazetteer's name stays the EU's
    ("Minister of Energy", "Kazakhstan"),  # still no country: the home side
])
def test_any_countrys_office_is_that_countrys_not_the_home_sides(role, side):
    assert side_in_article(role, "", "Kazakhstan") == side


@pytest.mark.parametrize(("place", "first", "home"), [
    ("Atyrau", "", "Kazakhstan"), ("Ust-Kamenogorsk", "", "Kazakhstan"), ("Brussels", "Kazakhstan met", "EU"),
    ("", "Kazakhstan and the EU met.", "Kazakhstan"), ("", "Officials met in Astana.", "Kazakhstan"),
    ("", "The EU met Canada.", ""), ("Ottawa", "Kazakhstan met", ""),
])
def test_home_side(place, first, home):
    assert home_side(place, first) == home


def test_hyphenated_titles_are_not_name_tokens():
    assert not is_name_token("Vice-Minister")
    assert not is_name_token("Deputy-Chairman")
    assert is_name_token("Kassym-Jomart")


def test_people_table_keeps_the_side_found_in_context_for_an_office_without_a_country():
    quotes = pd.DataFrame({
        "article_id": ["a", "b"], "date": pd.to_datetime(["2024-01-05", "2024-03-01"]),
        "person": ["Almas Nurpeisov", "Dana Sadykova"],
        "speaker_role": ["Vice Minister of Industry and Construction", "mining analyst at Halyk Finance in Almaty"],
        "side": ["Kazakhstan", "other"],
    })
    people = people_table(quotes)
    assert dict(zip(people["name"], people["side"].astype(str))) == {
        "Almas Nurpeisov": "Kazakhstan", "Dana Sadykova": "other"}


@pytest.mark.parametrize(("body", "home"), [
    ("Poland will close its last mine in 2049. Polish unions agreed.", "EU"),  # named only after the lead
    ("Kazakhstan's ministry agreed, and Kazakh lawmakers voted.", "Kazakhstan"),
    ("Russia and Russian firms met; Poland watched.", ""),  # a third country named more often: no home
    ("Poland and Polish firms, Kazakhstan and Kazakh firms signed.", ""),  # a tie decides nothing
    ("Most gas went to Italy, Greece, Bulgaria, Hungary and Romania.", ""),  # several member states, once each
    ("Poland signed.", ""),  # named once: too little to tell
    ("", ""),
])
def test_a_lead_naming_no_side_leaves_the_home_to_the_country_the_body_names_most(body, home):
    assert home_side("", "The government spokesman said the deal was done.", body) == home


def test_a_second_subject_joined_by_and_is_who_a_matching_pronoun_refers_to():
    rows = article_rows(["Finance Minister Madi Takiyev and EU Commissioner Maria Lindholm signed the agreement.",
                         "“This is only the beginning of our cooperation,” she said."])
    assert [(r.speaker, r.side) for r in rows] == [("Maria Lindholm", "EU")]


def test_a_second_object_joined_by_and_is_still_an_object():
    rows = article_rows(["Minister Madi Takiyev met Anna Berg and Maria Lindholm in Astana.",
                         "“This is only the beginning of our cooperation,” he said."])
    assert [r.speaker for r in rows] == ["Madi Takiyev"]


@pytest.mark.parametrize("guest", ["Italian Prime Minister Giorgia Meloni", "German Chancellor Friedrich Merz"])
def test_a_role_with_a_country_is_never_a_person_whose_role_names_another(guest):
    rows = article_rows([f"President Kassym-Jomart Tokayev held talks with {guest} in Rome.",
                         "“Italy is our third largest trading partner in Europe,” the Kazakh President said."])
    assert [r.speaker for r in rows] == ["Kassym-Jomart Tokayev"]


@pytest.mark.parametrize("after", ["after talks with Kazakhstan’s Foreign Minister Murat Nurtleu",
                                   "during a meeting with President Kassym-Jomart Tokayev"])
def test_an_adverbial_after_the_speakers_name_is_no_role(after):
    rows = article_rows(["Bakhtiyor Saidov, Uzbek foreign minister, visited Astana.",
                         f"Trade has doubled over three years, said Bakhtiyor Saidov, {after}."])
    assert [(r.speaker, r.speaker_role, r.side) for r in rows] == [
        ("Bakhtiyor Saidov", "Uzbek foreign minister", "other")]


def test_a_title_naming_a_listed_organisation_outweighs_the_list_of_people():
    # Mark Rutte is listed as a Dutch prime minister; as NATO's Secretary General he speaks for NATO
    rows = article_rows(["NATO Secretary General Mark Rutte said the alliance valued its partners in Central Asia.",
                         "“We share an interest in a stable region,” Rutte said."])
    assert [(r.speaker, r.side) for r in rows] == [("Mark Rutte", "other")] * 2
