"""A small hand-built corpus (our own invented text) for the dashboard's pure-function tests."""

from __future__ import annotations

import pandas as pd

from loaders import schema
from loaders.entities import entities_table
from loaders.terms import quote_themes_and_terms
from loaders.themes import load_lexicon

CHAINS = ("raw materials", "batteries", "hydrogen")
THEMES = (*CHAINS, "investment & finance", "research & skills")

_PARAS = {
    "a1": ["Lithium output in the north will double, the ministry said.", "Battery plants follow the ore."],
    "a2": ["A hydrogen valley is planned near the coast.", "Funding of $2 billion is sought by 2030."],
    "a3": ["Cathode makers met ore producers in March.", "Nobody named spoke of *stars* and <b>tags</b>."],
    "a4": ["A report on grain exports, with no partnership theme at all."],
}


def tables() -> dict[str, pd.DataFrame]:
    """Every table of a four-article corpus: a1 2024-03 Kazinform, a2 2024-06, a3 2025-02, a4 2025-02 (no theme)."""
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a4"],
        "date": pd.to_datetime(["2024-03-05", "2024-06-20", "2025-02-11", "2025-02-28"]),
        "title": ["Lithium output to double", "Hydrogen valley on the coast", "Cathode talks in March", "Grain <b>exports</b> & $5"],
        "source": ["Kazinform", "Astana Times", "Reuters", ""],
        "place": ["Astana", "", "", ""],
        "n_words": [19, 17, 16, 11],
        "url": ["", "", "", ""],
        "origin": ["a1.txt", "a2.txt", "a3.txt", "a4.txt"],
        "story_id": ["a1", "a2", "a3", "a4"],
    })
    paragraphs = pd.DataFrame(
        [(a, i, t) for a, paras in _PARAS.items() for i, t in enumerate(paras)],
        columns=["article_id", "para_no", "text"],
    )
    mentions = pd.DataFrame(
        [
            ("a1", 0, "raw materials", "lithium", 0, 7),
            ("a1", 1, "batteries", "battery", 0, 7),
            ("a1", 1, "raw materials", "ore", 26, 29),
            ("a2", 0, "hydrogen", "hydrogen", 2, 10),
            ("a2", 1, "investment & finance", "funding", 0, 7),
            ("a3", 0, "batteries", "cathode", 0, 7),
            ("a3", 0, "raw materials", "ore", 23, 26),
            ("a3", 0, "research & skills", "makers", 8, 14),
        ],
        columns=["article_id", "para_no", "theme", "term", "start", "end"],
    )
    quotes = pd.DataFrame(
        [
            ("q1", "a1", "2024-03-05", 0, 0, 42, "Lithium output in the north will double", "Aigerim Sadykova", "Aigerim Sadykova", "minister", "Kazakhstan", "reported", "said", "explicit", "speaker_cue_that", "raw materials"),
            ("q2", "a2", "2024-06-20", 0, 0, 43, "A hydrogen valley is planned near the coast", "Pieter Janssen", "Pieter Janssen", "commissioner", "EU", "direct", "said", "explicit", "speaker_cue_after", "hydrogen"),
            ("q3", "a3", "2025-02-11", 0, 0, 41, "Cathode makers met ore producers in March", "Aigerim Sadykova", "Aigerim Sadykova", "", "Kazakhstan", "direct", "noted", "explicit", "frame_before", "raw materials,batteries"),
            ("q4", "a3", "2025-02-11", 1, 0, 46, "Nobody named spoke of *stars* and <b>tags</b>", "", "", "", "", "reported", "according to", "unattributed", "according_to_before", ""),
        ],
        columns=["quote_id", "article_id", "date", "para_no", "start", "end", "text", "speaker", "person", "speaker_role", "side", "kind", "cue", "attribution", "rule", "themes"],
    ).assign(date=lambda f: pd.to_datetime(f["date"]), terms=lambda f: quote_themes_and_terms(f["text"], load_lexicon())[1])
    people = pd.DataFrame(
        [
            ("Aigerim Sadykova", "minister", "Kazakhstan", 2, 2, "2024-03-05", "2025-02-11"),
            ("Pieter Janssen", "commissioner", "EU", 1, 1, "2024-06-20", "2024-06-20"),
        ],
        columns=["name", "role", "side", "n_quotes", "n_articles", "first_seen", "last_seen"],
    ).assign(first_seen=lambda f: pd.to_datetime(f["first_seen"]), last_seen=lambda f: pd.to_datetime(f["last_seen"]))
    events = pd.DataFrame(
        [
            ("a2", 1, "2030-01-01", "2030-12-31", "year", "by 2030", "Funding of $2 billion is sought by 2030.", 31, 38),
            ("a3", 0, "2025-03-01", "2025-03-31", "month", "in March", "Cathode makers met ore producers in March.", 33, 41),
            ("a1", 0, "2030-01-01", "2030-12-31", "year", "by 2030", "Output doubles by 2030.", 0, 7),
        ],
        columns=["article_id", "para_no", "date", "date_end", "precision", "expression", "sentence", "start", "end"],
    ).assign(date=lambda f: pd.to_datetime(f["date"]), date_end=lambda f: pd.to_datetime(f["date_end"]))
    amounts = pd.DataFrame(
        [("a2", 1, "money", 2e9, "USD", "$2 billion", "Funding of $2 billion is sought by 2030.", 11, 21)],
        columns=["article_id", "para_no", "kind", "value", "currency", "expression", "sentence", "start", "end"],
    )
    rejected = pd.DataFrame({"origin": ["empty.txt"], "reason": ["no text"]})
    frames = {
        "articles": articles, "paragraphs": paragraphs, "rejected": rejected, "quotes": quotes,
        "people": people, "mentions": mentions, "events": events, "amounts": amounts,
        "entities": entities_table(paragraphs),
    }
    return {name: schema.conform(name, frame) for name, frame in frames.items()}
