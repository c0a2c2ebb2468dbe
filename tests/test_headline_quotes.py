"""Headlines attribute words in a few fixed shapes; a headline row is kept only when its speaker is one of the
body's speakers. Rows of the title have para_no -1 and offsets into the title."""

import pandas as pd
import pytest

from loaders.quotes import article_rows, quotes_table
from loaders.schema import HEADLINE

BODY = (
    "ASTANA – Energy Minister Daulet Serikbayev said on Monday that the first electrolyser tender would open in May.",
    "“We have the wind and the land, and now we have the buyers,” Serikbayev told reporters.",
)


def _headline(title: str, *body: str) -> list[tuple]:
    paras = body or BODY
    articles = pd.DataFrame({"article_id": ["a1"], "date": pd.to_datetime(["2025-03-03"]), "place": [""],
                             "title": [title]})
    paragraphs = pd.DataFrame({"article_id": ["a1"] * len(paras), "para_no": range(len(paras)), "text": list(paras)})
    q = quotes_table(articles, paragraphs)
    top = q[q["para_no"] == -1]
    return [(k, t, s, r, title[a:b]) for k, t, s, r, a, b in
            zip(top["kind"], top["text"], top["speaker"], top["rule"], top["start"], top["end"])]


@pytest.mark.parametrize("title, rule", [
    ("Energy Minister: Kazakhstan will export green hydrogen by 2030", "headline_speaker_colon"),
    ("Kazakhstan will export green hydrogen by 2030 - Energy Minister", "headline_dash_speaker"),
    ("Kazakhstan will export green hydrogen by 2030 – Serikbayev", "headline_dash_speaker"),
    ("Kazakhstan will export green hydrogen by 2030: minister", "headline_colon_speaker"),
    ("Kazakhstan will export green hydrogen by 2030, minister says", "headline_comma_speaker"),
    ("Serikbayev says Kazakhstan will export green hydrogen by 2030", "headline_speaker_says"),
])
def test_each_shape_attributes_the_headline_to_the_body_speaker_it_names(title, rule):
    assert _headline(title) == [("reported", "Kazakhstan will export green hydrogen by 2030", "Daulet Serikbayev",
                                 rule, "Kazakhstan will export green hydrogen by 2030")]


def test_words_in_quote_marks_make_a_direct_headline_quote_without_the_marks():
    assert _headline("“We have the buyers now” – Serikbayev") == [
        ("direct", "We have the buyers now", "Daulet Serikbayev", "headline_quote_then_speaker", "We have the buyers now")]


@pytest.mark.parametrize("surname", ["Šefčovič", "Łukaszewicz", "Ødegaard"])
def test_a_headline_speaker_whose_name_opens_with_a_capital_beyond_latin_1_is_read(surname):
    body = (f"EU Commissioner Maroš {surname} visited Astana on Monday.",
            f"“We have the buyers now,” {surname} told reporters.")
    assert _headline(f"{surname}: “We have the buyers now”", *body) == [
        ("direct", "We have the buyers now", f"Maroš {surname}", "headline_speaker_colon", "We have the buyers now")]


def test_a_topic_after_the_speaker_is_not_part_of_the_speaker():
    assert _headline("Serikbayev on the tender: “We have the buyers now”") == [
        ("direct", "We have the buyers now", "Daulet Serikbayev", "headline_speaker_colon", "We have the buyers now")]


@pytest.mark.parametrize("title", [
    "Astana: new electrolyser plant opens on the steppe",            # a place, not a speaker
    "Kazakhstan, Germany sign deal on wind and storage project",      # a comma between actors
    "Green hydrogen tender opens in May - Reuters",                   # an outlet the body never quotes
    "Prime Minister: Kazakhstan will export green hydrogen by 2030",  # a role nobody in the body holds
    "Kazakhstan - hydrogen",                                           # too few words to be a claim
])
def test_a_headline_whose_speaker_is_not_one_of_the_bodys_gives_no_row(title):
    assert _headline(title) == []


def test_an_organisation_named_in_the_headline_is_the_organisation_the_body_quotes():
    body = ("The Ministry of Energy of Kazakhstan said on Friday that supplies would continue without a break.",)
    assert _headline("Gas supplies continue without a break - Ministry of Energy", *body) == [
        ("reported", "Gas supplies continue without a break", "Ministry of Energy of Kazakhstan",
         "headline_dash_speaker", "Gas supplies continue without a break")]


def test_a_title_made_from_the_first_sentence_is_not_read_as_a_headline():
    first = "Serikbayev says Kazakhstan will export green hydrogen by 2030"
    assert _headline(first, first + ", speaking in Astana.", *BODY[1:]) == []


def test_a_body_role_shorter_than_the_headlines_still_names_its_holder():
    body = ("Minister Lejla Hodzic spoke to farmers on Tuesday.",
            "“The mine will not open before the law changes,” the minister said.")
    assert _headline("Energy Minister on lithium: the mine waits for the law", *body) == [
        ("reported", "the mine waits for the law", "Lejla Hodzic", "headline_speaker_colon", "the mine waits for the law")]


@pytest.mark.parametrize("title", ["Ferri, “Old mines get a new licence law this winter”",
                                   "Ferri, 'Old mines get a new licence law this winter'"])
def test_a_headline_naming_its_speaker_then_a_comma_before_the_quote(title):
    rows = article_rows(["Marco Ferri, the Business Minister, said that mines will reopen."], title=title)
    assert [(r.para_no, r.text, r.speaker, r.rule) for r in rows if r.para_no == HEADLINE] == [
        (HEADLINE, "Old mines get a new licence law this winter", "Marco Ferri", "headline_speaker_comma")]


def test_a_headline_speaker_after_says_is_the_speaker_not_the_verb():
    rows = article_rows(["The grid will hold through winter, Moldovan Foreign Minister Ion Rusu said Friday."],
                        title="'Grid Held In Spring, Grid Will Hold In Winter,' Says Foreign Minister")
    assert [(r.text, r.speaker) for r in rows if r.para_no == HEADLINE] == [
        ("Grid Held In Spring, Grid Will Hold In Winter,", "Ion Rusu")]


def test_a_headline_role_is_the_one_person_quoted_when_the_body_gives_them_no_role_and_speaks_of_that_role():
    rows = article_rows(["“Please check a rumour before you share it,” said Bakhrom Yusupov.",
                         "“Every clinic has enough vaccine for the season,” the Health Minister said."],
                        title="Health Minister on the flu season: “Our clinics keep nothing back”")
    assert [(r.text, r.speaker) for r in rows if r.para_no == HEADLINE] == [
        ("Our clinics keep nothing back", "Bakhrom Yusupov")]


def test_a_headline_role_is_not_the_one_person_quoted_when_the_body_never_speaks_of_that_role():
    rows = article_rows(["Kazakhstan's hospitals have stocked up on vaccines, the health ministry said.",
                         "At a clinic in Almaty doctors were busy. “We see twice as many patients,” said Aigerim Bekova."],
                        title="Health Minister: “Our hospitals are ready for winter”")
    assert [r for r in rows if r.para_no == HEADLINE] == []


def test_a_headline_role_is_nobody_when_the_one_person_quoted_holds_another_role():
    rows = article_rows(["“We will cooperate,” said Deputy Mayor Bakhrom Yusupov."],
                        title="Health Minister on the flu season: “Our clinics keep nothing back”")
    assert [r for r in rows if r.para_no == HEADLINE] == []

