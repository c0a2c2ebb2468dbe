"""Mentioned dates: each recognised form, each trap, the seeds, gold texts and robustness."""

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from loaders import schema
from loaders.article import from_seed_text
from loaders.events import events_table, find_events

GOLD = Path(__file__).parent / "gold"
SEEDS = sorted((Path(__file__).parents[1] / "data" / "articles").glob("*.txt"))
PUB = dt.date(2025, 4, 7)  # a Monday


def events(text, pub=PUB):
    return [(text[s:e], str(d), str(d_end), precision) for d, d_end, precision, s, e in find_events(text, pub)]


def frames(named_texts):
    articles, paragraphs = [], []
    for name, text in named_texts:
        draft = from_seed_text(text)
        articles.append((name, pd.Timestamp(draft.date)))
        paragraphs += [(name, no, para) for no, para in enumerate(draft.paragraphs)]
    return (pd.DataFrame(articles, columns=["article_id", "date"]),
            pd.DataFrame(paragraphs, columns=["article_id", "para_no", "text"]))


@pytest.mark.parametrize("text, expected", [
    ("signed on 8 November 2022.", ("8 November 2022", "2022-11-08", "2022-11-08", "day")),
    ("signed on November 8, 2022.", ("November 8, 2022", "2022-11-08", "2022-11-08", "day")),
    ("signed on the 8th of November 2022.", ("8th of November 2022", "2022-11-08", "2022-11-08", "day")),
    ("dated 2025-04-04 in the register", ("2025-04-04", "2025-04-04", "2025-04-04", "day")),
    ("dated 04.03.2025 in Astana", ("04.03.2025", "2025-03-04", "2025-03-04", "day")),
    ("signed in November 2022", ("November 2022", "2022-11-01", "2022-11-30", "month")),
    ("signed in Feb. 2024", ("Feb. 2024", "2024-02-01", "2024-02-29", "month")),
])
def test_dates_with_a_year(text, expected):
    assert events(text) == [expected]


def test_day_without_year_after_a_past_verb_is_the_last_occurrence():
    assert events("met on April 4 and on April 7") == [
        ("April 4", "2025-04-04", "2025-04-04", "day"), ("April 7", "2025-04-07", "2025-04-07", "day")]
    assert events("met on April 9 and on 8 Nov") == [
        ("April 9", "2024-04-09", "2024-04-09", "day"), ("8 Nov", "2024-11-08", "2024-11-08", "day")]
    assert events("signed on Nov. 8") == [("Nov. 8", "2024-11-08", "2024-11-08", "day")]


def test_day_without_year_after_a_future_verb_is_the_next_occurrence():
    assert events("will take office on April 1") == [("April 1", "2026-04-01", "2026-04-01", "day")]


def test_day_without_year_and_no_tense_is_the_nearest_occurrence():
    assert events("The vote is on April 20") == [("April 20", "2025-04-20", "2025-04-20", "day")]
    assert events("The vote was on December 30") == [("December 30", "2024-12-30", "2024-12-30", "day")]


def test_today_s_meeting_dates_the_meeting():
    assert events("At today’s meeting the minister spoke") == [("today", "2025-04-07", "2025-04-07", "day")]


def test_year_only_counts_in_a_date_context():
    assert events("in 2024, by 2030, since 2019, the 2024 roadmap") == [
        ("2024", "2024-01-01", "2024-12-31", "year"), ("2030", "2030-01-01", "2030-12-31", "year"),
        ("2019", "2019-01-01", "2019-12-31", "year"), ("2024", "2024-01-01", "2024-12-31", "year")]


def test_numbers_that_look_like_years_are_not_dates():
    assert events("2,024 tonnes, by 2030 tonnes, in 2030 MW, 2024 people came, for 2025.5, COP2024") == []


def test_year_ranges():
    assert events("for 2025-2026, the 2023–2024 plan, in 2023/24") == [
        ("2025-2026", "2025-01-01", "2026-12-31", "range"), ("2023–2024", "2023-01-01", "2024-12-31", "range"),
        ("2023/24", "2023-01-01", "2024-12-31", "range")]
    assert events("From 2023 to 2025 and between 2019 and 2021") == [
        ("From 2023 to 2025", "2023-01-01", "2025-12-31", "range"),
        ("between 2019 and 2021", "2019-01-01", "2021-12-31", "range")]


def test_backwards_or_absurd_year_ranges_are_skipped():
    assert events("code 2025-2019 and 1990-2099") == []


def test_month_and_day_ranges():
    assert events("between May and July 2024; May–June 2023; 8-10 November 2022; November 8-10, 2022") == [
        ("between May and July 2024", "2024-05-01", "2024-07-31", "range"),
        ("May–June 2023", "2023-05-01", "2023-06-30", "range"),
        ("8-10 November 2022", "2022-11-08", "2022-11-10", "range"),
        ("November 8-10, 2022", "2022-11-08", "2022-11-10", "range")]
    assert events("from March 2022 to May 2023") == [("from March 2022 to May 2023", "2022-03-01", "2023-05-31", "range")]


def test_weekday_is_the_nearest_on_or_before_publication():
    assert events("met on Tuesday and on Monday") == [
        ("Tuesday", "2025-04-01", "2025-04-01", "day"), ("Monday", "2025-04-07", "2025-04-07", "day")]


def test_weekday_before_an_explicit_date_defers_to_the_date():
    assert events("on Friday, April 4, 2025") == [("April 4, 2025", "2025-04-04", "2025-04-04", "day")]


def test_relative_years_and_months():
    assert events("last year, this year, next year, last month, next month") == [
        ("last year", "2024-01-01", "2024-12-31", "year"), ("this year", "2025-01-01", "2025-12-31", "year"),
        ("next year", "2026-01-01", "2026-12-31", "year"), ("last month", "2025-03-01", "2025-03-31", "month"),
        ("next month", "2025-05-01", "2025-05-31", "month")]
    assert events("over the last year, the past year") == []


def test_capitalised_relative_forms_at_sentence_start():
    assert events("Last year alone the fund spent more. Next month, talks resume. This year is busy. Next year too.") == [
        ("Last year", "2024-01-01", "2024-12-31", "year"), ("Next month", "2025-05-01", "2025-05-31", "month"),
        ("This year", "2025-01-01", "2025-12-31", "year"), ("Next year", "2026-01-01", "2026-12-31", "year")]
    assert events("The last year was hard. Over the last year prices fell. The past month was calm.") == []


@pytest.mark.parametrize("text, expected", [
    ("output in the first quarter of 2026 rose", ("first quarter of 2026", "2026-01-01", "2026-03-31", "range")),
    ("results for Q1 2026 were flat", ("Q1 2026", "2026-01-01", "2026-03-31", "range")),
    ("a Q4-2024 shipment", ("Q4-2024", "2024-10-01", "2024-12-31", "range")),
    ("the third quarter of fiscal 2025", ("third quarter of fiscal 2025", "2025-07-01", "2025-09-30", "range")),
    ("its 2nd quarter 2023 sales", ("2nd quarter 2023", "2023-04-01", "2023-06-30", "range")),
    ("tenders open in the second half of 2026.", ("second half of 2026", "2026-07-01", "2026-12-31", "range")),
    ("First-half 2024 revenue grew", ("First-half 2024", "2024-01-01", "2024-06-30", "range")),
    ("guidance for H2 2025 holds", ("H2 2025", "2025-07-01", "2025-12-31", "range")),
    ("orders booked in Q3'24", ("Q3'24", "2024-07-01", "2024-09-30", "range")),
    ("in the first half of next year", ("first half of next year", "2026-01-01", "2026-06-30", "range")),
    ("by the fourth quarter of this year", ("fourth quarter of this year", "2025-10-01", "2025-12-31", "range")),
])
def test_quarters_and_halves_are_ranges_of_exact_days(text, expected):
    assert events(text) == [expected]


def test_quarter_or_half_without_an_explicit_year_is_skipped_unless_of_the_year():
    assert events("in Q2, Q5 2025 and H3 2024, the second half") == []
    assert events("in the first half of the year") == [
        ("first half of the year", "2025-01-01", "2025-06-30", "range")]
    assert events("in the first quarter of this year and Q2 2024", pub=None) == [
        ("Q2 2024", "2024-04-01", "2024-06-30", "range")]


def test_early_mid_late_year_keep_year_precision():
    assert events("early 2025, mid-2026 and late 2027") == [
        ("2025", "2025-01-01", "2025-12-31", "year"), ("2026", "2026-01-01", "2026-12-31", "year"),
        ("2027", "2027-01-01", "2027-12-31", "year")]


@pytest.mark.parametrize("text, expected", [
    ("The two ministers today agreed a joint plan.", ("today", "2025-04-07")),
    ("A supply deal was signed today in Almaty.", ("today", "2025-04-07")),
    ("Today, the two delegations approved the text.", ("Today", "2025-04-07")),
    ("The board has today adopted its budget.", ("today", "2025-04-07")),
    ("The fund said earlier today it would invest.", ("today", "2025-04-07")),
    ("Both sides will sign the charter today.", ("today", "2025-04-07")),
    ("The council met yesterday behind closed doors.", ("yesterday", "2025-04-06")),
    ("Yesterday the ministry announced new quotas.", ("Yesterday", "2025-04-06")),
    ("The summit opens tomorrow in the capital.", ("tomorrow", "2025-04-08")),
    ("Envoys are due to meet tomorrow.", ("tomorrow", "2025-04-08")),
])
def test_today_yesterday_tomorrow_next_to_an_event_verb(text, expected):
    word, day = expected
    assert events(text) == [(word, day, day, "day")]


def test_today_meaning_nowadays_is_not_a_date():
    assert events("Today's economy needs copper. Today we offer courses. The region today holds vast reserves.") == []
    assert events("The pact, signed in 2019, today remains. Tomorrow's markets. They signed yesterday's minutes.") == [
        ("2019", "2019-01-01", "2019-12-31", "year")]
    assert events("The ministers today agreed a plan.", pub=None) == []


def test_years_ago_and_years_earlier():
    assert events("Exports reached 61% in 2024, up from 55% a year earlier.") == [
        ("2024", "2024-01-01", "2024-12-31", "year"), ("a year earlier", "2023-01-01", "2023-12-31", "year")]
    assert events("A year ago the mine was idle; two years ago it was shut.") == [
        ("A year ago", "2024-01-01", "2024-12-31", "year"), ("two years ago", "2023-01-01", "2023-12-31", "year")]
    assert events("Sales fell in 2021. A year earlier they peaked.") == [("2021", "2021-01-01", "2021-12-31", "year")]
    assert events("more than a year ago, over a year ago, the year ago figure") == []
    assert events("The plant opened in 2024, a year earlier than planned.") == [
        ("2024", "2024-01-01", "2024-12-31", "year")]


def test_lowercase_may_and_march_are_verbs_not_months():
    assert events("prices may rise 5 percent as workers march on") == []
    assert events("on May 5 percent was paid") == []


def test_impossible_dates_are_skipped_without_raising():
    assert events("on 30 February 2025, on 31.04.2024, on 2025-13-01") == []


def test_february_29_without_year_is_the_last_leap_day_before_publication():
    assert events("on February 29") == [("February 29", "2024-02-29", "2024-02-29", "day")]


def test_without_publication_date_only_absolute_dates_resolve():
    assert events("on April 4, on Tuesday, last year, in May 2024", pub=None) == [
        ("May 2024", "2024-05-01", "2024-05-31", "month")]


def test_seed_acceptance_rows():
    articles, paragraphs = frames([(p.stem[:3], p.read_text("utf-8")) for p in SEEDS])
    frame = events_table(articles, paragraphs)
    rows = set(zip(frame.article_id, frame.date.dt.strftime("%Y-%m-%d"), frame.date_end.dt.strftime("%Y-%m-%d"),
                   frame.precision.astype(str), frame.expression))
    assert {("000", "2025-04-04", "2025-04-04", "day", "April 4"),
            ("000", "2022-11-01", "2022-11-30", "month", "November 2022"),
            ("000", "2025-01-01", "2026-12-31", "range", "2025-2026"),
            ("000", "2023-01-01", "2024-12-31", "range", "2023-2024")} == rows
    first = frame.iloc[0]
    assert first.sentence.startswith("Kazakhstan and the European Union endorsed") and first.sentence.endswith("on April 4.")
    assert list(frame.dtypes.astype(str)) == list(schema.empty("events").dtypes.astype(str))


def test_events_table_with_no_dates_is_the_empty_contract_frame():
    articles = pd.DataFrame({"article_id": ["a"], "date": [pd.Timestamp("2025-01-01")]})
    paragraphs = pd.DataFrame({"article_id": ["a", "a"], "para_no": [0, 1], "text": ["no dates", None]})
    assert events_table(articles, paragraphs).equals(schema.empty("events"))


def test_article_without_a_known_date_still_gets_absolute_dates():
    articles = pd.DataFrame({"article_id": ["a"], "date": [pd.NaT]})
    paragraphs = pd.DataFrame({"article_id": ["a", "b"], "para_no": [0, 0], "text": ["on April 4, 2024, on Monday"] * 2})
    frame = events_table(articles, paragraphs)
    assert list(frame.expression) == ["April 4, 2024", "April 4, 2024"]


@pytest.mark.parametrize("txt", sorted(GOLD.glob("*.txt")), ids=lambda p: p.stem)
def test_gold_events(txt):
    expected = json.loads(txt.with_suffix(".events.json").read_text("utf-8"))
    frame = events_table(*frames([(txt.stem, txt.read_text("utf-8"))]))
    got = [{"para_no": int(p), "date": d.strftime("%Y-%m-%d"), "date_end": e.strftime("%Y-%m-%d"),
            "precision": pr, "expression": ex}
           for p, d, e, pr, ex in zip(frame.para_no, frame.date, frame.date_end, frame.precision, frame.expression)]
    assert got == expected


DATEY = st.lists(st.sampled_from(list("0123456789 .,-–/") + [
    "May", "Nov.", "April", "in ", "by ", "from ", " to ", "between ", " and ", "on Tuesday", "last year", "2024",
    "29", "31", "February", "Q1 ", "H2", "first quarter of ", "second half of ", "'", "today", "Yesterday",
    "signed ", "will meet ", " a year ago", " a year earlier", "Last year"]), max_size=25).map("".join)


@given(st.one_of(st.text(), DATEY), st.dates(dt.date(1, 1, 2), dt.date(9998, 12, 30)) | st.none())
def test_find_events_never_raises_and_offsets_point_at_the_expression(text, pub):
    for d, d_end, precision, start, end in find_events(text, pub):
        assert 0 <= start < end <= len(text)
        assert d <= d_end and precision in {"day", "month", "year", "range"}


@settings(deadline=None)  # builds a DataFrame per example; timing depends on machine load
@given(st.one_of(st.text(), DATEY))
def test_events_table_rows_index_their_paragraph(text):
    articles = pd.DataFrame({"article_id": ["a"], "date": [pd.Timestamp("2025-04-07")]})
    paragraphs = pd.DataFrame({"article_id": ["a"], "para_no": [0], "text": [text]})
    frame = events_table(articles, paragraphs)
    for start, end, expression, sentence in zip(frame.start, frame.end, frame.expression, frame.sentence):
        assert text[start:end] == expression
        assert expression in sentence


# Every capitalised word an alternative of the date pattern can begin with, and a few it cannot, each followed by
# what may make it a date
OPENERS = [
    "", "A", "An", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Between", "From",
    "First", "Second", "Third", "Fourth", "Final", "Last", "Next", "This", "On", "Since", "Until", "By", "Q3", "H1",
    "Today", "Yesterday", "Tomorrow", "Monday", "Sunday", "JUNE", "SEPTEMBER", "Sept.", "Dec", "March", "Kazakhstan",
    "Tokayev", "mid-2024", "year"]
FOLLOWERS = [
    "", "2024", "5", "12-14", "March", "May 2025", "Monday", "Sunday and Monday", "year", "week", "quarter",
    "quarter of 2023", "half of June", "half of the year", "months of 2022", "years ago", "the start of the year",
    "spring", "'s meeting", "Friday's talks", "July to September 2021", "2019 and 2021", "Nov. 7", "end"]


def _permissive():
    """The date pattern with every capital letter let in at the start, as it was before START."""
    from loaders import event_patterns as P

    return P.PATTERN, re.compile(P.PATTERN.pattern.replace(P.START, r"(?=[A-Z]|" + P.START[3:], 1))


def test_the_start_filter_lets_in_every_date_any_capital_would():
    """START admits only the words a date alternative can open with: every opener before every follower gives
    the same matches as a pattern that admits any capital letter."""
    strict, permissive = _permissive()
    for opener in OPENERS:
        for sep in (" ", "-", ", "):
            for follower in FOLLOWERS:
                padded = f" {opener}{sep}{follower} on"
                assert ([m.span() for m in strict.finditer(padded)]
                        == [m.span() for m in permissive.finditer(padded)]), padded


@given(st.lists(st.sampled_from(OPENERS + FOLLOWERS + [" ", ", ", ". ", "-"]), max_size=12).map(" ".join))
def test_the_start_filter_on_runs_of_date_words(text):
    strict, permissive = _permissive()
    padded = " " + text
    assert [m.span() for m in strict.finditer(padded)] == [m.span() for m in permissive.finditer(padded)]
