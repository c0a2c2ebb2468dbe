"""Money and percent amounts: currencies, scales, separators, ranges, traps, seeds, gold, robustness."""

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from loaders import schema
from loaders.amounts import amounts_table, find_amounts
from loaders.article import from_seed_text

GOLD = Path(__file__).parent / "gold"
SEEDS = sorted((Path(__file__).parents[1] / "data" / "articles").glob("*.txt"))


def amounts(text):
    return [(text[s:e], kind, value, currency) for kind, value, currency, s, e in find_amounts(text)]


def paragraphs_frame(named_texts):
    rows = []
    for name, text in named_texts:
        rows += [(name, no, para) for no, para in enumerate(from_seed_text(text).paragraphs)]
    return pd.DataFrame(rows, columns=["article_id", "para_no", "text"])


@pytest.mark.parametrize("text, expected", [
    ("€3 million", ("€3 million", "money", 3e6, "EUR")),
    ("US$3.3 million", ("US$3.3 million", "money", 3.3e6, "USD")),
    ("$5m", ("$5m", "money", 5e6, "USD")),
    ("€2.5bn", ("€2.5bn", "money", 2.5e9, "EUR")),
    ("EUR 1.5 billion", ("EUR 1.5 billion", "money", 1.5e9, "EUR")),
    ("USD 3.3 mln", ("USD 3.3 mln", "money", 3.3e6, "USD")),
    ("£40k", ("£40k", "money", 4e4, "GBP")),
    ("₸500 thousand", ("₸500 thousand", "money", 5e5, "KZT")),
    ("KZT 1 200 000", ("KZT 1 200 000", "money", 1.2e6, "KZT")),
    ("500 billion tenge", ("500 billion tenge", "money", 5e11, "KZT")),
    ("12.5 trillion tenge", ("12.5 trillion tenge", "money", 1.25e13, "KZT")),
    ("100 million US dollars", ("100 million US dollars", "money", 1e8, "USD")),
    ("7 million euros", ("7 million euros", "money", 7e6, "EUR")),
    ("20 Euro", ("20 Euro", "money", 20.0, "EUR")),
    ("3 bln rubles", ("3 bln rubles", "money", 3e9, "RUB")),
    ("200 million yuan", ("200 million yuan", "money", 2e8, "CNY")),
    ("1,000,000 dollars", ("1,000,000 dollars", "money", 1e6, "USD")),
    ("1\u202f000\u202f000 €", ("1\u202f000\u202f000 €", "money", 1e6, "EUR")),
    ("1.000.000 €", ("1.000.000 €", "money", 1e6, "EUR")),
    ("3,3 million euros", ("3,3 million euros", "money", 3.3e6, "EUR")),
    ("3,5 €", ("3,5 €", "money", 3.5, "EUR")),
    ("$1,250.75", ("$1,250.75", "money", 1250.75, "USD")),
])
def test_money_forms(text, expected):
    assert amounts(f"It was {text} in all.") == [expected]


def test_parenthetical_conversion_is_its_own_row():
    assert amounts("a €3 million (US$3.3 million) project") == [
        ("€3 million", "money", 3e6, "EUR"), ("US$3.3 million", "money", 3.3e6, "USD")]


def test_ranges_are_one_row_at_the_lower_bound_with_the_shared_scale():
    assert amounts("€2-3 billion, 2 to 4 million euros, between $1 and $2 billion, 30-40%") == [
        ("€2-3 billion", "money", 2e9, "EUR"), ("2 to 4 million euros", "money", 2e6, "EUR"),
        ("between $1 and $2 billion", "money", 1e9, "USD"), ("30-40%", "percent", 30.0, "")]


def test_percent_forms():
    assert amounts("30%, 30 %, 12.5 per cent, 7 percent, 3,5 %, 30 Percent") == [
        ("30%", "percent", 30.0, ""), ("30 %", "percent", 30.0, ""), ("12.5 per cent", "percent", 12.5, ""),
        ("7 percent", "percent", 7.0, ""), ("3,5 %", "percent", 3.5, ""), ("30 Percent", "percent", 30.0, "")]


def test_percentage_points_are_not_percent():
    assert amounts("up 2 percentage points") == []


@pytest.mark.parametrize("text", [
    "in 2024 and 2025", "8 November 2022", "the COP27 summit", "Article 5 of the treaty",
    "call +7 7172 123456", "the 3rd round", "the 2023-2024 roadmap", "2030 tonnes of copper", "1,500 jobs",
    "In 2023 EUR rates fell", "version 1.2.3",
])
def test_not_amounts(text):
    assert amounts(text) == []


def test_year_before_a_prefixed_code_is_not_read_as_money():
    assert amounts("In 2023 EUR 5 million was spent") == [("EUR 5 million", "money", 5e6, "EUR")]


def test_seed_acceptance_rows():
    frame = amounts_table(paragraphs_frame([(p.stem[:3], p.read_text("utf-8")) for p in SEEDS]))
    rows = list(zip(frame.article_id, frame.para_no, frame.kind.astype(str), frame.value, frame.currency.astype(str),
                    frame.expression, frame.start, frame.end))
    assert rows == [("000", 7, "money", 3e6, "EUR", "€3 million", 87, 97),
                    ("000", 7, "money", 3.3e6, "USD", "US$3.3 million", 99, 113),
                    ("004", 3, "percent", 30.0, "", "30%", 128, 131)]
    assert frame.sentence.iloc[2].startswith("He added that") and frame.sentence.iloc[2].endswith("trade volume.")
    assert list(frame.dtypes.astype(str)) == list(schema.empty("amounts").dtypes.astype(str))


def test_amounts_table_without_amounts_is_the_empty_contract_frame():
    frame = pd.DataFrame({"article_id": ["a", "a"], "para_no": [0, 1], "text": ["in 2024", None]})
    assert amounts_table(frame).equals(schema.empty("amounts"))


@pytest.mark.parametrize("txt", sorted(GOLD.glob("*.txt")), ids=lambda p: p.stem)
def test_gold_amounts(txt):
    expected = json.loads(txt.with_suffix(".amounts.json").read_text("utf-8"))
    frame = amounts_table(paragraphs_frame([(txt.stem, txt.read_text("utf-8"))]))
    got = [{"para_no": int(p), "kind": k, "value": v, "currency": c, "expression": ex}
           for p, k, v, c, ex in zip(frame.para_no, frame.kind, frame.value, frame.currency, frame.expression)]
    assert got == expected


MONEYISH = st.lists(st.sampled_from(list("0123456789 .,-–%()\u202f") + [
    "€", "$", "US$", "EUR ", "KZT", " million", "bn", "m", " tenge", " euros", " per cent", "between ", " and ",
    " to ", "k"]), max_size=25).map("".join)


@settings(deadline=None)  # builds a DataFrame per example; timing depends on machine load
@given(st.one_of(st.text(), MONEYISH))
def test_amounts_table_never_raises_and_rows_index_their_paragraph(text):
    frame = amounts_table(pd.DataFrame({"article_id": ["a"], "para_no": [0], "text": [text]}))
    for start, end, expression, sentence, value in zip(frame.start, frame.end, frame.expression, frame.sentence,
                                                        frame.value):
        assert text[start:end] == expression
        assert expression in sentence
        assert value >= 0
