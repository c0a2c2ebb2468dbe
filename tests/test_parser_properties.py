"""Property tests: no bytes or text makes the loader raise; parsing keeps what it promises."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders import load_corpus
from loaders.article import Rejected, from_seed_text
from loaders.decode import NotText, decode
from loaders.quotes.names import unlist_parentheses

SUFFIXES = st.sampled_from([".txt", ".json", ".jsonl", ".csv", "", ".bin"])
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2000), SUFFIXES)
def test_arbitrary_bytes_never_raise_and_are_accounted_for(data, suffix):
    _assert_accounted_for(load_corpus([(f"upload{suffix}", data)], cache_dir=False), f"upload{suffix}")


@FAST
@given(st.text(max_size=2000), SUFFIXES)
def test_arbitrary_text_never_raises(text, suffix):
    data = text.encode("utf-8", "surrogatepass")
    _assert_accounted_for(load_corpus([(f"upload{suffix}", data)], cache_dir=False), f"upload{suffix}")


def _assert_accounted_for(corpus, name):
    origins = [*corpus.articles["origin"], *corpus.rejected["origin"]]
    assert origins, "the input vanished without an article or a reason"
    assert all(o == name or o.startswith(f"{name}:") for o in origins)
    assert corpus.rejected["reason"].str.len().gt(0).all()


@FAST
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)), st.text(max_size=800))
def test_any_body_under_a_valid_header_is_an_article_or_an_empty_body(day, body):
    try:
        draft = from_seed_text(f" date {day.isoformat()} {body}")
    except Rejected as err:
        assert str(err) == "empty body: no text after the header"
        return
    assert draft.date == day
    assert draft.paragraphs and all(p and p == p.strip() for p in draft.paragraphs)
    assert all("\n\n" not in p for p in draft.paragraphs)


@FAST
@given(st.binary(max_size=500))
def test_decode_returns_clean_text_or_says_why_not(data):
    try:
        text = decode(data)
    except NotText as err:
        assert str(err)
        return
    assert "\r" not in text and "\x00" not in text


@given(st.text(alphabet="Ab (),.“”", max_size=120))
def test_unlisting_parentheses_keeps_offsets_and_changes_only_commas(text):
    out = unlist_parentheses(text)
    assert len(out) == len(text)
    assert all(a == b or (a == "," and b == " ") for a, b in zip(text, out))
