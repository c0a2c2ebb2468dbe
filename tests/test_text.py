"""Escaped highlighting, literal Markdown, quote spans over paragraphs and the CSV of downloads."""

from __future__ import annotations

import csv
import html
import io
import re

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from ui.text import csv_download, highlight, md_escape, quote_spans

TAG = re.compile(r"<[^>]*>")


def test_no_spans_is_just_escaped_text():
    assert highlight("a <b> & 'c'", []) == "a &lt;b&gt; &amp; &#x27;c&#x27;"


def test_one_span_is_wrapped_in_a_mark_with_its_label():
    out = highlight("Lithium output doubles", [(0, 7, "term", "raw materials")])
    assert out.startswith('<mark class="hl-term" style="')
    assert 'title="raw materials">Lithium</mark> output doubles' in out


def test_overlapping_spans_split_into_pieces_carrying_both():
    out = highlight("abcdef", [(0, 4, "quote"), (2, 6, "term", "batteries")])
    pieces = re.findall(r'<mark class="([^"]*)"[^>]*title="([^"]*)">([^<]*)</mark>', out)
    assert pieces == [("hl-quote", "quote", "ab"), ("hl-quote hl-term", "quote; batteries", "cd"), ("hl-term", "batteries", "ef")]


def test_nested_span_and_clamped_offsets():
    out = highlight("abc", [(-5, 99, "quote"), (1, 2, "date", "in March"), (2, 2, "amount")])
    assert TAG.sub("", out) == "abc"
    assert out.count("<mark") == 3


def test_text_and_labels_are_escaped():
    out = highlight('<script>alert("x")</script>', [(0, 8, "term", '"><img src=x onerror=alert(1)>')])
    assert "<script>" not in out and "<img" not in out
    assert 'title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"' in out


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from(["quote", "term", "date", "amount", "x y"])), max_size=6))
def test_highlight_keeps_every_character_and_only_its_own_tags(text, spans):
    out = highlight(text, spans)
    assert html.unescape(TAG.sub("", out)) == text
    assert {t.split()[0] for t in TAG.findall(out)} <= {"<mark", "</mark>"}


def test_md_escape_makes_markdown_literal():
    assert md_escape("<script>") == r"\<script\>"
    assert md_escape("*a* :red[b] $x$ `c`") == r"\*a\* \:red\[b\] \$x\$ \`c\`"
    assert md_escape("two\nlines") == "two lines"


def test_quote_in_one_paragraph():
    paras = ["He said: Ore exports grow fast.", "Next."]
    assert quote_spans(paras, 0, 9, 31, "Ore exports grow fast.") == [(0, 9, 31)]


def test_quote_over_three_paragraphs():
    paras = ["Intro: «First part", "middle part", "last part» she said."]
    quote = "First part\n\nmiddle part\n\nlast part"
    assert quote_spans(paras, 0, 8, 9, quote) == [(0, 8, 18), (1, 0, 11), (2, 0, 9)]


def test_quote_with_offsets_outside_the_article():
    assert quote_spans(["short"], 3, 0, 2, "sh") == []
    assert quote_spans(["short"], 0, 2, 99, "ort") == []


def test_csv_download_is_utf8_with_a_byte_order_mark_and_formula_safe():
    frame = pd.DataFrame({"speaker": ["Aleška Simkić", "=cmd"], "n": [1, 2]})
    data = csv_download(frame)
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    assert "Aleška Simkić".encode("utf-8") in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == [["speaker", "n"], ["Aleška Simkić", "1"], ["'=cmd", "2"]]


def test_a_count_takes_its_noun_in_the_number_it_needs():
    from ui.text import counted
    assert [counted(n, "article") for n in (0, 1, 2, 12345)] == ["0 articles", "1 article", "2 articles",
                                                                 "12,345 articles"]
