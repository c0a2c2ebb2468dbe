"""One person, one identity: the `person` key of quotes, per-article sides, offices that are no persons."""

import pandas as pd

from loaders import load_corpus
from loaders.quotes import quotes_table
from ui import charts
from ui.filters import Filters, apply_filters


def _quotes(*paras: str, place: str = "") -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": ["a1"], "date": pd.to_datetime(["2025-01-01"]), "place": [place]})
    paragraphs = pd.DataFrame({"article_id": ["a1"] * len(paras), "para_no": range(len(paras)), "text": list(paras)})
    return quotes_table(articles, paragraphs)


def _corpus(tmp_path, *articles: str):
    for i, body in enumerate(articles):
        (tmp_path / f"{i}.txt").write_text(body, encoding="utf-8")
    return load_corpus(tmp_path, cache_dir=False)


def test_two_spellings_of_one_name_are_one_person_in_quotes_and_people(tmp_path):
    corpus = _corpus(
        tmp_path,
        "date 2024-03-01\n\nPresident Kassym-Jomart Tokayev met investors.\n\n"
        "“We will open new deposits to partners,” Tokayev said.",
        "date 2024-05-02\n\nPresident Kassym-Jomart Tokaev spoke in Astana.\n\n"
        "“Processing at home comes first,” Tokaev said.",
    )
    quotes = corpus.quotes
    assert sorted(quotes["speaker"].astype(str)) == ["Kassym-Jomart Tokaev", "Kassym-Jomart Tokayev"]
    assert quotes["person"].astype(str).nunique() == 1
    assert set(quotes["person"].astype(str)) == set(corpus.people["name"].astype(str))
    assert int(corpus.people["n_quotes"].iloc[0]) == 2


def test_an_organisation_or_unnamed_source_has_no_person():
    q = _quotes(
        "Prime Minister Olzhas Bektenov chaired the session.",
        "The PM's press office said that the government would cut red tape for miners.",
        "Two people familiar with the talks said that the deal was close.",
        "“The plant starts next year,” Bektenov said.",
    )
    got = [(str(s), str(p)) for s, p in zip(q["speaker"], q["person"])]
    assert got == [("Press service of the Prime Minister", ""), ("", ""), ("Olzhas Bektenov", "Olzhas Bektenov")]


def test_every_role_an_article_gives_a_person_decides_one_side_for_all_their_quotes():
    q = _quotes(
        "Ministers from both sides met on Tuesday.",
        "“Our ore should be processed here,” said Almas Nurpeisov, head of the geology committee at the ministry.",
        "Kazakh Vice Minister Almas Nurpeisov later told reporters that exports of raw ore would be limited.",
    )
    assert [(str(r), str(s)) for r, s in zip(q["speaker_role"], q["side"])] == [
        ("head of the geology committee at the ministry", "Kazakhstan")] * 2


def test_a_known_side_carries_to_articles_that_give_the_person_no_role(tmp_path):
    corpus = _corpus(
        tmp_path,
        "date 2024-03-01\n\nEU Ambassador to Kazakhstan Marta Kovac visited a lithium site.\n\n"
        "“This is what partnership looks like,” Kovac said.",
        "date 2024-04-01\n\nMarta Kovac toured a plant.\n\n“Both sides gain from local refining,” Kovac said.",
    )
    q = corpus.quotes.sort_values("date")
    assert list(q["side"].astype(str)) == ["EU", "EU"]
    assert list(q["speaker_role"].astype(str)) == ["EU Ambassador to Kazakhstan", ""]


def test_the_speaker_filter_and_the_speaker_counts_take_every_spelling_of_a_person(tmp_path):
    corpus = _corpus(
        tmp_path,
        "date 2024-03-01\n\nPresident Kassym-Jomart Tokayev met investors.\n\n"
        "“We will open new deposits to partners,” Tokayev said.",
        "date 2024-05-02\n\nPresident Kassym-Jomart Tokaev spoke in Astana.\n\n"
        "“Processing at home comes first,” Tokaev said.\n\n"
        "The Ministry of Energy said that the grid would be ready for green hydrogen by 2030.",
    )
    name = str(corpus.people["name"].iloc[0])
    filtered = apply_filters(corpus.tables(), Filters(speakers=(name,)))
    assert len(filtered["quotes"]) == 2
    assert list(filtered["people"]["n_quotes"]) == [2]
    table = charts.speakers_table(corpus.quotes)
    assert list(zip(table["speaker"].astype(str), table["quotes"])) == [(name, 2), ("Ministry of Energy", 1)]


def test_a_third_countrys_office_stays_other_in_an_article_from_astana():
    q = _quotes("“Western states are rushing to sign contracts in the region,” Russian Deputy Prime Minister Alexei "
                "Overin said at the forum.", place="Astana")
    assert [str(s) for s in q["side"]] == ["other"]


def test_a_private_company_listed_only_by_kind_is_an_organisation_of_side_other():
    q = _quotes("Kazakhmys Group has suspended production at the mine.",
                "“All violations have been rectified,” the company said.")
    assert [(str(s), str(p), str(d)) for s, p, d in zip(q["speaker"], q["person"], q["side"])] == [
        ("Kazakhmys", "", "other")]


def test_a_dateline_that_reads_as_no_side_leaves_the_first_paragraph_to_decide():
    q = _quotes("Germany’s government adopted a hydrogen strategy.",
                "“The time is ripe for hydrogen,” Economy Minister Peter Altmeyer said.", place="Berlin")
    assert [str(d) for d in q["side"]] == ["EU"]
