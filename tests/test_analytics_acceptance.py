"""The text-analytics tables on the embedded corpus, end to end through load_corpus."""

from __future__ import annotations

import pandas as pd


def test_exactly_four_direct_quotes_with_speakers_roles_and_sides(seed_corpus):
    direct = seed_corpus.quotes[seed_corpus.quotes["kind"] == "direct"]
    rows = sorted(zip(direct["speaker"].astype(str), direct["speaker_role"].astype(str), direct["side"].astype(str)))
    assert rows == [
        ("Aleška Simkić", "EU Ambassador to Kazakhstan", "EU"),
        ("Alikhan Smailov", "Prime Minister of Kazakhstan", "Kazakhstan"),
        ("Ursula von der Leyen", "President of the European Commission", "EU"),
        ("Ursula von der Leyen", "President of the European Commission", "EU"),
    ]
    pronoun = direct[direct["attribution"] == "pronoun"]
    assert sorted(pronoun["speaker"].astype(str)) == ["Aleška Simkić", "Ursula von der Leyen"]


def test_reported_statements_of_the_three_speakers(seed_corpus):
    reported = seed_corpus.quotes[seed_corpus.quotes["kind"] == "reported"]
    found = {(str(s), str(c), str(a), " ".join(t.split()[:5]))
             for s, c, a, t in zip(reported["speaker"], reported["cue"], reported["attribution"], reported["text"])}
    assert ("Alikhan Smailov", "added", "pronoun", "the European Union remains one") in found
    assert ("Ursula von der Leyen", "noted", "explicit", "the European Union is one") in found
    assert ("Ursula von der Leyen", "noted", "pronoun", "These value chains are very") in found
    assert ("Ursula von der Leyen", "added", "explicit", "the memorandum of mutual understanding") in found
    assert ("Aleška Simkić", "according to", "according_to", "this new roadmap marks another") in found


def test_every_article_mentions_all_three_value_chains(seed_corpus):
    chains = seed_corpus.mentions.groupby("article_id", observed=True)["theme"].agg(lambda s: set(s.astype(str)))
    assert len(chains) == 2
    assert all({"raw materials", "batteries", "hydrogen"} <= found for found in chains)


def test_events_and_amounts(seed_corpus):
    events = seed_corpus.events
    assert ((events["date"] == pd.Timestamp("2025-04-04")) & (events["precision"] == "day")).any()
    assert ((events["date"] == pd.Timestamp("2022-11-01")) & (events["precision"] == "month")
            & (events["date_end"] == pd.Timestamp("2022-11-30"))).any()
    amounts = set(zip(seed_corpus.amounts["kind"].astype(str), seed_corpus.amounts["value"],
                      seed_corpus.amounts["currency"].astype(str)))
    assert {("money", 3_000_000.0, "EUR"), ("money", 3_300_000.0, "USD"), ("percent", 30.0, "")} <= amounts


def test_people_lists_the_three_speakers_with_their_sides(seed_corpus):
    people = seed_corpus.people.set_index("name")
    assert sorted(people.index) == ["Aleška Simkić", "Alikhan Smailov", "Ursula von der Leyen"]
    assert people["side"].astype(str).to_dict() == {
        "Aleška Simkić": "EU", "Alikhan Smailov": "Kazakhstan", "Ursula von der Leyen": "EU"}
    assert people.loc["Ursula von der Leyen", "n_quotes"] == 5
    assert people.loc["Alikhan Smailov", "first_seen"] == pd.Timestamp("2022-11-08")


def test_quote_themes_come_from_the_quote_text(seed_corpus):
    quotes = seed_corpus.quotes
    batteries = quotes[quotes["text"].str.startswith("We know for example how important batteries")]
    assert list(batteries["themes"].astype(str)) == ["batteries"]
