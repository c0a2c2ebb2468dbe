"""Quote extraction and speaker attribution: gold files, seed acceptance, edge cases, properties."""

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import load_corpus, schema
from loaders.quotes import quotes_table

GOLD = Path(__file__).parent / "gold"
SEEDS = Path(__file__).parent.parent / "data" / "articles"
FIELDS = ["para_no", "kind", "text", "speaker", "speaker_role", "side", "attribution", "cue"]


def _quotes(*paras: str) -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": ["a1"], "date": pd.to_datetime(["2025-01-01"])})
    paragraphs = pd.DataFrame({"article_id": ["a1"] * len(paras), "para_no": range(len(paras)), "text": list(paras)})
    return quotes_table(articles, paragraphs)


def _rows(frame: pd.DataFrame) -> list[dict]:
    return [{k: (int(v) if k == "para_no" else str(v)) for k, v in row.items()}
            for row in frame[FIELDS].astype(object).to_dict("records")]


@pytest.mark.parametrize("txt", sorted(GOLD.glob("*.txt")), ids=lambda p: p.stem)
def test_gold_files_give_exactly_the_annotated_rows(txt):
    gold_path = txt.with_suffix(".quotes.json")
    if not gold_path.exists():
        pytest.skip("no quote annotation")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert _rows(load_corpus(txt).quotes) == [{k: g[k] for k in FIELDS} for g in gold]


@pytest.fixture(scope="module")
def seed_quotes():
    return load_corpus(SEEDS).quotes


def test_seeds_have_exactly_four_direct_quotes_by_the_right_people(seed_quotes):
    direct = seed_quotes[seed_quotes["kind"] == "direct"]
    assert sorted(direct["speaker"].astype(str)) == [
        "Aleška Simkić", "Alikhan Smailov", "Ursula von der Leyen", "Ursula von der Leyen"]
    roles = dict(zip(direct["speaker"].astype(str), zip(direct["speaker_role"].astype(str), direct["side"].astype(str))))
    assert roles == {
        "Aleška Simkić": ("EU Ambassador to Kazakhstan", "EU"),
        "Alikhan Smailov": ("Prime Minister of Kazakhstan", "Kazakhstan"),
        "Ursula von der Leyen": ("President of the European Commission", "EU"),
    }
    assert sorted(direct["attribution"].astype(str)) == ["explicit", "explicit", "pronoun", "pronoun"]


def test_seed_reported_rows(seed_quotes):
    reported = seed_quotes[seed_quotes["kind"] == "reported"]
    got = {(str(r.speaker), str(r.cue), str(r.attribution), str(r.text)[:30]) for r in reported.itertuples()}
    assert got == {
        ("EU Delegation to Kazakhstan", "according to", "according_to", "The roadmap will include more "),
        ("Aleška Simkić", "according to", "according_to", "this new roadmap marks another"),
        ("Prime Minister of Kazakhstan", "informed", "explicit", "Kazakhstan and the European Un"),
        ("Alikhan Smailov", "added", "pronoun", "the European Union remains one"),
        ("Ursula von der Leyen", "noted", "explicit", "the European Union is one of t"),
        ("Ursula von der Leyen", "noted", "pronoun", "These value chains are very im"),
        ("Ursula von der Leyen", "added", "explicit", "the memorandum of mutual under"),
    }
    orgs = reported[reported["speaker_role"].isin(["press service", "press office"])]
    assert sorted(zip(orgs["speaker_role"].astype(str), orgs["side"].astype(str))) == [
        ("press office", "Kazakhstan"), ("press service", "EU")]


def test_offsets_point_at_the_text(seed_quotes):
    corpus = load_corpus(SEEDS)
    paras = {(r.article_id, r.para_no): r.text for r in corpus.paragraphs.itertuples()}
    for r in seed_quotes.itertuples():
        assert paras[(r.article_id, r.para_no)][r.start:r.end] == r.text


def test_apostrophes_are_not_quotes():
    q = _quotes("Kazakhstan’s exports and the PM's plans grew, while the states’ shares fell.")
    assert q.empty


def test_scare_quotes_and_titles_are_not_quotes():
    q = _quotes("The fund «Samruk-Kazyna» joined the “Global Gateway” strategy and the «Green Energy» "
                "programme, a “strategic” step for the “Trans-Caspian International Transport Route”.")
    assert q.empty


def test_nested_quote_stays_inside_its_quote():
    q = _quotes("“They told us: ‘Build the plant first.’ We agreed,” Anna Schmidt said.")
    assert _rows(q) == [{"para_no": 0, "kind": "direct", "text": "They told us: ‘Build the plant first.’ We agreed,",
                         "speaker": "Anna Schmidt", "speaker_role": "", "side": "", "attribution": "explicit",
                         "cue": "said"}]


def test_pronoun_goes_to_last_named_person_of_that_gender():
    q = _quotes("Marat Seitkali met Ursula Becker and Timur Nurlanov in Astana.",
                "“The talks were long but useful for both sides,” he said.",
                "“We will meet again in the spring in Brussels,” she said.")
    assert list(q["speaker"].astype(str)) == ["Timur Nurlanov", "Ursula Becker"]
    assert list(q["attribution"].astype(str)) == ["pronoun", "pronoun"]


def test_colon_in_previous_paragraph_attributes_the_quote():
    q = _quotes("Energy Minister Almasadam Satkaliyev said:", "“Hydrogen exports will start before 2030.”")
    assert _rows(q) == [{"para_no": 1, "kind": "direct", "text": "Hydrogen exports will start before 2030.",
                         "speaker": "Almasadam Satkaliyev", "speaker_role": "Energy Minister", "side": "other",
                         "attribution": "explicit", "cue": "said"}]


def test_unclosed_quote_without_continuation_is_dropped():
    assert _quotes("“This sentence never closes and runs on", "A new paragraph.").empty


def test_definite_role_resolves_to_its_holder():
    q = _quotes("EU Commissioner for Trade Jan Novak visited Almaty.",
                "“Kazakhstan is a reliable partner for European industry,” the commissioner said.")
    assert list(q["speaker"].astype(str)) == ["Jan Novak"]
    assert list(q["side"].astype(str)) == ["EU"]


def test_empty_input_gives_empty_table():
    assert quotes_table(schema.empty("articles"), schema.empty("paragraphs")).empty
    assert list(_quotes("").columns) == schema.columns("quotes")


# Surrogates are left out: a string[pyarrow] paragraphs frame cannot hold them.
PARA = st.text(alphabet=st.sampled_from(list("ab AB.,:;“”«»\"‘’„‚'—\n")) | st.characters(blacklist_categories=("Cs",)),
               max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.lists(PARA, min_size=1, max_size=4))
def test_never_raises_and_rows_point_inside_their_paragraph(paras):
    q = _quotes(*paras)
    assert list(q.columns) == schema.columns("quotes")
    for r in q.itertuples():
        assert r.text.strip()
        assert 0 <= r.start <= len(paras[r.para_no])
        assert 0 <= r.end <= max(len(p) for p in paras)
        if "\n\n" not in r.text:
            assert r.start < r.end


# The cases below pin the behaviour the fast paths rely on: people are collected from the whole
# article before any speaker is resolved, cue and "according to" gates keep every frame, and the
# memoised phrase reading never carries one article's persons into another.

def test_surname_before_the_full_introduction_takes_the_later_role():
    got = _rows(_quotes(
        "“The new refinery will open next spring and hire local engineers,” Berger said.",
        "Hanna Berger, director of a Bavarian cathode plant, visited the site in March.",
    ))
    assert got == [{"para_no": 0, "kind": "direct", "speaker": "Hanna Berger",
                    "speaker_role": "director of a Bavarian cathode plant", "side": "other",
                    "attribution": "explicit", "cue": "said",
                    "text": "The new refinery will open next spring and hire local engineers,"}]


def test_cue_right_after_a_dash_attributes_the_quote():
    got = _rows(_quotes(
        "“We expect the first shipments of concentrate before the winter” — said Marek Nowak, "
        "the EU Ambassador to Kazakhstan."))
    assert [(r["speaker"], r["speaker_role"], r["cue"], r["attribution"]) for r in got] == [
        ("Marek Nowak", "EU Ambassador to Kazakhstan", "said", "explicit")]


def test_according_to_without_a_speech_verb_is_reported():
    got = _rows(_quotes(
        "Exports of tungsten concentrate will double by 2030, according to Marek Nowak, "
        "the EU Ambassador to Kazakhstan."))
    assert [(r["kind"], r["text"], r["speaker"], r["cue"], r["attribution"]) for r in got] == [
        ("reported", "Exports of tungsten concentrate will double by 2030", "Marek Nowak",
         "according to", "according_to")]


def test_pronoun_reaches_a_person_named_in_a_paragraph_without_quotes():
    got = _rows(_quotes(
        "Marek Nowak, the EU Ambassador to Kazakhstan, toured the plant in Pavlodar.",
        "The plant employs four hundred people.",
        "He said the partners would publish a map of the deposits next year.",
    ))
    assert [(r["para_no"], r["text"], r["speaker"], r["attribution"]) for r in got] == [
        (2, "the partners would publish a map of the deposits next year", "Marek Nowak", "pronoun")]


def test_same_surname_resolves_within_each_article():
    said = "Nowak said the two sides would sign a roadmap on rare earth processing this year."
    articles = pd.DataFrame({"article_id": ["a1", "a2"], "date": pd.to_datetime(["2025-01-01", "2025-02-01"])})
    paragraphs = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a2"], "para_no": [0, 1, 0, 1], "text": [
        "Marek Nowak, the EU Ambassador to Kazakhstan, opened the forum in Astana.", said,
        "Ewa Nowak, head of a Polish battery recycler, met investors in Almaty.", said]})
    got = quotes_table(articles, paragraphs)
    assert list(zip(got["article_id"].astype(str), got["speaker"].astype(str), got["speaker_role"].astype(str))) == [
        ("a1", "Marek Nowak", "EU Ambassador to Kazakhstan"),
        ("a2", "Ewa Nowak", "head of a Polish battery recycler"),
    ]
