"""Encodings, line endings, datelines, titles, and the JSON / JSON Lines / CSV record formats."""

from __future__ import annotations

import codecs
import json

import pytest

from loaders import load_corpus
from loaders.article import from_record, from_seed_text
from loaders.build import article_texts

BODY = "date 2024-06-03 EU and Kazakhstan talk lithium\n\nASTANA – Both sides discussed lithium.\n\nA second paragraph follows."


def _one(corpus):
    """The corpus's one article, with its body (`text`: its paragraphs joined, as the parser read it)."""
    assert corpus.rejected.empty, corpus.rejected.to_dict("records")
    assert len(corpus.articles) == 1
    return corpus.articles.assign(text=article_texts(corpus.articles, corpus.paragraphs)).iloc[0]


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: t.replace("\n", "\r").encode("utf-8"),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "crlf", "cr"])
def test_encodings_and_line_endings_give_the_same_article(write_files, encode):
    article = _one(load_corpus(write_files({"a.txt": encode(BODY)}), cache_dir=False))
    assert article["title"] == "EU and Kazakhstan talk lithium"
    assert article["place"] == "Astana"
    assert article["text"] == "Both sides discussed lithium.\n\nA second paragraph follows."


@pytest.mark.parametrize("dateline, place, source", [
    ("ASTANA. KAZINFORM ", "Astana", "Kazinform"),
    ("ASTANA – ", "Astana", ""),
    ("ASTANA — ", "Astana", ""),
    ("ALMATY -- ", "Almaty", ""),
    ("ASTANA, April 7 (Reuters) - ", "Astana", "Reuters"),
    ("BRUSSELS, 8 November 2022 – ", "Brussels", ""),
    ("Brussels, 8 November 2022 – ", "Brussels", ""),
    ("NUR-SULTAN, Kazakhstan, March 3 (Trend) – ", "Nur-Sultan", "Trend"),
    ("Almaty (Reuters) - ", "Almaty", "Reuters"),
    ("UST-KAMENOGORSK – ", "Ust-Kamenogorsk", ""),
    ("ASTANA, Dec. 1, 2023 (Xinhua) – ", "Astana", "Xinhua"),
    ("ATYRAU, Kazakhstan, October 2. ", "Atyrau", ""),
    ("ALMATY. Mar 9 (Interfax-Kazakhstan) - ", "Almaty", "Interfax-Kazakhstan"),
    ("TASHKENT/ASTANA, Uzbekistan, June 11. ", "Tashkent/Astana", ""),
    ("YEREVAN, MARCH 27, ARMENPRESS. ", "Yerevan", "Armenpress"),
    ("WASHINGTON, February 14 - RIA Novosti. ", "Washington", "RIA Novosti"),
    ("MOSCOW (UrduPoint News / Sputnik - 31st May, 2023) ", "Moscow", "UrduPoint News / Sputnik"),
    ("Tashkent, Uzbekistan (UzDaily.com) -- ", "Tashkent", "UzDaily.com"),
    ("(MENAFN- Trend News Agency) ", "", "Trend News Agency"),
    ("(Bloomberg) -- ", "", "Bloomberg"),
    ("ASHGABAT, Sept 5: ", "Ashgabat", ""),
    ("BISHKEK Dec 22 ", "Bishkek", ""),
    ("ALMATY, 4 March 2021 ", "Almaty", ""),
])
def test_dateline_shapes_split_off_place_and_source(dateline, place, source):
    draft = from_record("2024-01-01", dateline + "The ministry announced a lithium tender.")
    assert (draft.place, draft.source) == (place, source)
    assert draft.paragraphs == ("The ministry announced a lithium tender.",)


@pytest.mark.parametrize("dateline, rest", [
    ("NEW YORK - ", "Apple Inc. said on Tuesday that sales grew."),
    ("LONDON - ", "Mr. Smith said the talks went on."),
])
def test_an_abbreviation_after_a_dateline_is_the_sentences_not_an_outlet(dateline, rest):
    draft = from_record("2024-01-01", dateline + rest)
    assert (draft.source, draft.paragraphs) == ("", (rest,))


@pytest.mark.parametrize("opening", [
    "Kazakhstan – a country rich in metals – wants partners.",
    "EU – Kazakhstan trade grew last year.",
    "In Astana, officials met on Monday.",
    "The EU said: talks will go on.",
    "ASTANA. The capital hosted the forum.",
    "NATO. A word that opens a sentence.",
    "NATO (the alliance) said it would help.",
    "NATO (founded in 1949) said it would help.",
    "ALMATY May 5 saw the first snow of the year.",
])
def test_text_without_a_dateline_is_left_alone(opening):
    draft = from_record("2024-01-01", opening)
    assert (draft.place, draft.source, draft.paragraphs) == ("", "", (opening,))


def test_title_on_the_line_after_the_header():
    draft = from_seed_text("date 2024-01-02\nHydrogen hub planned in Mangystau\n\nThe project is large.\n")
    assert draft.title == "Hydrogen hub planned in Mangystau"
    assert draft.paragraphs == ("The project is large.",)


def test_title_directly_followed_by_a_dateline_line():
    draft = from_seed_text("date 2024-01-02 Ministers meet in Brussels\nBRUSSELS – The meeting began.\n")
    assert (draft.title, draft.place, draft.paragraphs) == ("Ministers meet in Brussels", "Brussels", ("The meeting began.",))


def test_question_title_before_a_dateline_paragraph():
    draft = from_seed_text("date 2024-01-02 Will the EU buy Kazakh lithium?\n\nASTANA – Maybe.\n")
    assert draft.title == "Will the EU buy Kazakh lithium?"


def test_one_line_article_is_body_and_titled_from_its_first_sentence():
    draft = from_seed_text("date 2024-01-02 Dr. Smith visited Astana. He met officials.")
    assert draft.paragraphs == ("Dr. Smith visited Astana. He met officials.",)
    assert draft.title == "Dr. Smith visited Astana."


def test_credit_lines_are_dropped_and_a_source_line_names_the_outlet():
    draft = from_seed_text("date 2024-01-02\n\nOfficials met.\n\nPhoto: gov.kz\n\nSource: The Astana Times\n")
    assert draft.paragraphs == ("Officials met.",)
    assert draft.source == "The Astana Times"


def test_a_source_line_naming_the_informant_stays_a_paragraph_and_names_no_outlet():
    draft = from_seed_text("date 2025-04-11\n\nThe bloc still plans to open the clusters.\n\n"
                           "Source: Anna Kovacs, EU envoy to Moldova, speaking to a radio station, as relayed by a paper\n\n"
                           "Details: Kovacs said the plan \"still stands\".\n\nSource: Reuters, AFP\n")
    assert draft.paragraphs == ("The bloc still plans to open the clusters.",
                                "Source: Anna Kovacs, EU envoy to Moldova, speaking to a radio station, as relayed by a paper",
                                'Details: Kovacs said the plan "still stands".')
    assert draft.source == "Reuters, AFP"


def test_a_long_source_line_naming_a_publisher_is_still_the_outlet_credit():
    draft = from_seed_text("date 2025-04-11\n\nThe deal was signed.\n\n"
                           "Source: Press service of the Ministry of Energy, Republic of Kazakhstan\n")
    assert draft.paragraphs == ("The deal was signed.",)
    assert draft.source == "Press service of the Ministry of Energy, Republic of Kazakhstan"


def test_json_list_json_object_jsonl_and_csv(write_files):
    record = {"date": "2024-05-01", "text": "Lithium talks.\n\nSecond part.", "title": "T", "source": "Trend",
              "url": "https://example.org/a"}
    folder = write_files({
        "a.json": json.dumps([record, {**record, "text": "Other text."}]),
        "b.json": json.dumps({**record, "text": "Single object."}),
        "c.jsonl": json.dumps({**record, "text": "Line one."}) + "\n\n" + json.dumps({**record, "text": "Line two."}) + "\n",
        "d.csv": 'date,text,title,source,url\n2024-05-02,"Quoted, with comma\nand a line",T2,Reuters,\n',
    })
    corpus = load_corpus(folder, cache_dir=False)
    assert corpus.rejected.empty
    articles = corpus.articles.assign(text=article_texts(corpus.articles, corpus.paragraphs))
    by_origin = articles.set_index(articles["origin"].str.rsplit("/", n=1).str[-1])
    assert list(by_origin.index) == ["a.json:1", "a.json:2", "b.json:1", "c.jsonl:1", "c.jsonl:3", "d.csv:1"]
    assert by_origin.loc["a.json:1", "text"] == "Lithium talks.\n\nSecond part."
    assert by_origin.loc["a.json:1", "url"] == "https://example.org/a"
    assert by_origin.loc["d.csv:1", "source"] == "Reuters"
    assert by_origin.loc["d.csv:1", "text"] == "Quoted, with comma\n\nand a line"


def test_bad_records_are_rejected_one_by_one(write_files):
    folder = write_files({
        "a.jsonl": '{"date": "2024-01-01", "text": "Fine."}\n{broken\n[1, 2]\n{"date": "2024-01-01"}\n'
                   '{"date": "1 May 2024", "text": "x"}\n',
        "b.json": "{not json",
        "c.csv": "when,body\n2024-01-01,x\n",
    })
    corpus = load_corpus(folder, cache_dir=False)
    reasons = dict(zip(corpus.rejected["origin"].str.rsplit("/", n=1).str[-1], corpus.rejected["reason"]))
    assert len(corpus.articles) == 1
    assert reasons == {
        "a.jsonl:2": "invalid JSON line: Expecting property name enclosed in double quotes",
        "a.jsonl:3": "record is a JSON list, not an object",
        "a.jsonl:4": "the record's 'text' field is missing or empty",
        "a.jsonl:5": "date '1 May 2024' is not in YYYY-MM-DD form",
        "b.json": "invalid JSON: Expecting property name enclosed in double quotes at line 1",
        "c.csv": "CSV lacks column(s) date, text",
    }


def test_upload_pairs_of_name_and_bytes():
    corpus = load_corpus([("mine.txt", BODY.encode()), ("pic.gif", b"GIF89a")], cache_dir=False)
    assert list(corpus.articles["origin"]) == ["mine.txt"]
    assert list(corpus.rejected["origin"]) == ["pic.gif"]


def test_record_dates_may_carry_a_time():
    assert str(from_record("2024-05-01T10:00:00Z", "Body.").date) == "2024-05-01"


def test_a_folder_is_read_recursively_in_sorted_path_order(tmp_path):
    from loaders.inputs import resolve

    for relative in ["b.txt", "a-b/z.txt", "a/b/c.txt", "a/a.txt", "A.txt", ".hidden.txt"]:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("date 2025-01-01\nA line about lithium.")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.txt").write_text("date 2025-01-01\nAnother line.")
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    names = [i.origin[len(str(tmp_path)) + 1:] for i in resolve(tmp_path)]
    # the link to a folder is listed, not followed: reading it gives a rejected row, not silence
    assert names == [".hidden.txt", "A.txt", "a/a.txt", "a/b/c.txt", "a-b/z.txt", "b.txt", "elsewhere/x.txt", "link"]
