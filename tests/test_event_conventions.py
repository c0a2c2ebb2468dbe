"""News conventions of the event dates (tests/devset/CONVENTIONS.md), one test each, on invented sentences.

Every expectation is the exact list of (date, date_end, precision, expression) tuples that `find_events` gives
for a text published on PUB.
"""

import datetime as dt

import pytest

from loaders.events import find_events

PUB = dt.date(2025, 4, 9)  # a Wednesday


def events(text, pub=PUB):
    return [(str(d), str(d_end), precision, text[s:e]) for d, d_end, precision, s, e in find_events(text, pub)]


def test_month_without_year_takes_its_year_from_the_tense():
    assert events("Exports fell in March. The mill closed in mid-May. Talks ended at the end of June.") == [
        ("2025-03-01", "2025-03-31", "month", "March"), ("2024-05-01", "2024-05-31", "month", "May"),
        ("2024-06-01", "2024-06-30", "month", "June")]
    assert events("The line will open in October. The agency plans to start the tender in early February.") == [
        ("2025-10-01", "2025-10-31", "month", "October"), ("2026-02-01", "2026-02-28", "month", "February")]
    assert events("Since January, prices have doubled.") == [("2025-01-01", "2025-01-31", "month", "January")]


def test_month_alone_needs_a_date_word_or_an_event_noun_and_may_a_date_word():
    assert events("The January events shook the city. The May summit ended. Fares may rise, said Theresa May.") == [
        ("2025-01-01", "2025-01-31", "month", "January")]
    assert events("The tender closes in May.") == [("2025-05-01", "2025-05-31", "month", "May")]
    assert events("In JUNE we met. Exports in March", pub=None) == []


def test_month_alone_under_a_conditional_is_not_dated():
    assert events("He added that the call for bids would open in June.") == []


def test_day_range_without_year_is_a_range_by_tense():
    assert events("The fair was held on June 11-13. The expo runs 14-16 April.") == [
        ("2024-06-11", "2024-06-13", "range", "June 11-13"), ("2025-04-14", "2025-04-16", "range", "14-16 April")]


def test_day_or_month_of_this_last_next_year():
    assert events("The vote is set for October 6 this year. Work began in November last year.") == [
        ("2025-10-06", "2025-10-06", "day", "October 6 this year"),
        ("2024-11-01", "2024-11-30", "month", "November last year")]
    assert events("The fair runs on 14-16 April next year.") == [
        ("2026-04-14", "2026-04-16", "range", "14-16 April next year")]


def test_month_ranges_without_year():
    assert events("Sowing ran from March to May. Output rose in January-March. "
                  "Heating runs from November to February.") == [
        ("2025-03-01", "2025-05-31", "range", "from March to May"),
        ("2025-01-01", "2025-03-31", "range", "January-March"),
        ("2024-11-01", "2025-02-28", "range", "from November to February")]


def test_half_of_a_month():
    assert events("Elections will be held in the first half of December. "
                  "Repairs ended in the second half of March 2024.") == [
        ("2025-12-01", "2025-12-15", "range", "first half of December"),
        ("2024-03-16", "2024-03-31", "range", "second half of March 2024")]


def test_last_and_next_week_are_monday_to_sunday_ranges():
    # "this week" stays skipped: tests/gold/q05_german annotates "visited ... this week" as no date.
    assert events("The ministers met last week. They meet again next week. Envoys came this week.") == [
        ("2025-03-31", "2025-04-06", "range", "last week"), ("2025-04-14", "2025-04-20", "range", "next week")]


def test_months_and_days_ago():
    assert events("Two months ago the mine closed. Three days ago it reopened. A month ago it flooded.") == [
        ("2025-02-01", "2025-02-28", "month", "Two months ago"), ("2025-04-06", "2025-04-06", "day", "Three days ago"),
        ("2025-03-01", "2025-03-31", "month", "A month ago")]


def test_quarter_without_year_is_of_the_publication_year():
    assert events("Output in the first quarter rose 4%. In the final quarter of the year, demand peaks.") == [
        ("2025-01-01", "2025-03-31", "range", "first quarter"),
        ("2025-10-01", "2025-12-31", "range", "final quarter of the year")]
    assert events("Sales in the fourth quarter fell.") == [("2024-10-01", "2024-12-31", "range", "fourth quarter")]
    assert events("The final quarter of this year is busy.") == [
        ("2025-10-01", "2025-12-31", "range", "final quarter of this year")]
    assert events("The third quarter-final was played. The first quarter of the century was calm. "
                  "A quarter left.") == []


def test_first_n_months_of_a_year():
    assert events("In the first nine months of 2024 exports rose. In 8 months of this year imports fell.") == [
        ("2024-01-01", "2024-09-30", "range", "first nine months of 2024"),
        ("2025-01-01", "2025-08-31", "range", "8 months of this year")]


def test_since_the_start_of_the_year_runs_to_publication():
    assert events("Since the start of the year, 20 plants have opened.") == [
        ("2025-01-01", "2025-04-09", "range", "Since the start of the year")]


def test_end_of_the_year_is_that_year():
    assert events("The plant will open by the end of the year. The line will open by year-end. "
                  "The year-end report.") == [
        ("2025-01-01", "2025-12-31", "year", "end of the year"), ("2025-01-01", "2025-12-31", "year", "year-end")]
    assert events("In 2019 exports grew, and by the end of the year they had doubled.") == [
        ("2019-01-01", "2019-12-31", "year", "2019"), ("2019-01-01", "2019-12-31", "year", "end of the year")]


def test_bare_weekday_by_tense():
    assert events("The minister said Friday that exports rose. She spoke at a Friday briefing. "
                  "Talks will resume Friday.") == [
        ("2025-04-04", "2025-04-04", "day", "Friday"), ("2025-04-04", "2025-04-04", "day", "Friday"),
        ("2025-04-11", "2025-04-11", "day", "Friday")]
    assert events("Talks resume next Monday. The talks took place on Monday. The results are due on Friday.") == [
        ("2025-04-14", "2025-04-14", "day", "Monday"), ("2025-04-07", "2025-04-07", "day", "Monday"),
        ("2025-04-11", "2025-04-11", "day", "Friday")]


def test_feast_days_recurring_days_and_names_are_not_weekday_dates():
    assert events("Black Friday sales rose. Good Friday is a holiday. The shop opens every Friday. "
                  "The Sunday Times reported it.") == []


def test_two_consecutive_weekdays_are_a_range():
    assert events("The envoy visited Astana on Thursday and Friday.") == [
        ("2025-04-03", "2025-04-04", "range", "on Thursday and Friday")]


def test_yesterday_and_tomorrow_always_date_something():
    assert events("The council met yesterday. Tomorrow, the country will celebrate. The cities of tomorrow. "
                  "Tomorrow's leaders met.") == [
        ("2025-04-08", "2025-04-08", "day", "yesterday"), ("2025-04-10", "2025-04-10", "day", "Tomorrow")]


def test_the_day_before_yesterday_and_after_tomorrow_are_two_days_away():
    assert events("Talks began the day before yesterday and end the day after tomorrow.") == [
        ("2025-04-07", "2025-04-07", "day", "the day before yesterday"),
        ("2025-04-11", "2025-04-11", "day", "the day after tomorrow")]


def test_today_with_any_past_form_dates_the_event():
    assert events("More than 20 tons have been harvested today. Today members of the board worked on the budget.") == [
        ("2025-04-09", "2025-04-09", "day", "today"), ("2025-04-09", "2025-04-09", "day", "Today")]
    assert events("Today we are committed to growth. Today, Kazakhstan is a united country.") == []


def test_day_without_year_follows_the_tense_of_its_own_clause():
    assert events("The summit will be held on April 20. The forum is planned to be held on March 31.") == [
        ("2025-04-20", "2025-04-20", "day", "April 20"), ("2026-03-31", "2026-03-31", "day", "March 31")]
    assert events("Prices will rise, but not from April 1. Talks resumed on April 20, the ministry said.") == [
        ("2025-04-01", "2025-04-01", "day", "April 1"), ("2024-04-20", "2024-04-20", "day", "April 20")]
    assert events("He said the talks would take place on March 5.") == [("2025-03-05", "2025-03-05", "day", "March 5")]
    assert events("The treaty, signed in 2019, enters into force on May 5.") == [
        ("2019-01-01", "2019-12-31", "year", "2019"), ("2025-05-05", "2025-05-05", "day", "May 5")]


def test_publication_stamp_at_the_start_of_a_paragraph_is_not_an_event():
    assert events("NUR-SULTAN (Outlet News / Agency - 24th November, 2020) SULTAN, November 24 (Agency) - "
                  "The firm said on Tuesday it agreed.") == [("2025-04-08", "2025-04-08", "day", "Tuesday")]
    assert events("ULAN BATOR, (Outlet / Outlet News - 2nd Apr, 2020 ) :) The mine shipped coal in March, "
                  "the agency said Thursday.") == [
        ("2025-03-01", "2025-03-31", "month", "March"), ("2025-04-03", "2025-04-03", "day", "Thursday")]


def test_agency_dateline_dates_are_kept():
    assert events("TASHKENT, JUNE 14 2017 (The Outlet) — The firm agreed.") == [
        ("2017-06-14", "2017-06-14", "day", "JUNE 14 2017")]
    assert events("DUSHANBE/Dec. 4 (The Outlet) – The firm agreed.") == [("2024-12-04", "2024-12-04", "day", "Dec. 4")]


def test_a_time_compared_with_is_not_an_event():
    assert events("Our people today are not the people of five years ago. Prices are higher than two years ago.") == []


def test_decades_are_not_years():
    assert events("The fund grew in the 2000s. Since the early 1990s the country has grown.") == []


def test_a_year_as_the_subject_of_a_clause():
    assert events("2024 was a hard year. He said that 2024, which is ending, has been hard. "
                  "He paid 2024 was.") == [
        ("2024-01-01", "2024-12-31", "year", "2024"), ("2024-01-01", "2024-12-31", "year", "2024")]


def test_last_or_next_with_a_month_is_the_one_before_or_after_the_publication_month():
    assert events("Last December the mine stopped. Output doubled last March. The line opens next May.") == [
        ("2024-12-01", "2024-12-31", "month", "Last December"), ("2025-03-01", "2025-03-31", "month", "last March"),
        ("2025-05-01", "2025-05-31", "month", "next May")]


def test_weeks_ago_is_the_week_that_many_weeks_back():
    assert events("Two weeks ago the ministers met in Baku.") == [
        ("2025-03-24", "2025-03-30", "range", "Two weeks ago")]


def test_months_of_the_current_year_run_from_january():
    assert events("For ten months of the current year trade rose by 16 percent.") == [
        ("2025-01-01", "2025-10-31", "range", "ten months of the current year")]


def test_as_of_today_dates_the_publication_day():
    assert events("As of today, no decision has been made.") == [("2025-04-09", "2025-04-09", "day", "today")]


def test_a_day_that_starts_a_measure_is_the_nearest_one_whatever_the_tense():
    assert events("The ministry said the curbs from May 1 were needed.") == [
        ("2025-05-01", "2025-05-01", "day", "May 1")]
    assert events("The ministry said the curbs were needed on May 1.") == [
        ("2024-05-01", "2024-05-01", "day", "May 1")]


def test_a_bare_weekday_with_no_tense_is_the_last_one():
    assert events("Japan raised the issue during a meeting Thursday in Malaysia, according to a statement.") == [
        ("2025-04-03", "2025-04-03", "day", "Thursday")]


def test_a_purpose_after_the_date_does_not_make_it_future():
    assert events("The minister met the EU Special Representative for Central Asia and the Deputy Secretary General "
                  "of the External Action Service on April 7-8 to discuss transport links.") == [
        ("2025-04-07", "2025-04-08", "range", "April 7-8")]


def test_a_season_is_its_three_months():
    assert events("The line opens this autumn. Talks stalled last winter. A tender follows next spring.") == [
        ("2025-09-01", "2025-11-30", "range", "this autumn"), ("2024-12-01", "2025-02-28", "range", "last winter"),
        ("2026-03-01", "2026-05-31", "range", "next spring")]
    assert events("Gas demand peaks this winter.", pub=dt.date(2025, 1, 20)) == [
        ("2024-12-01", "2025-02-28", "range", "this winter")]


@pytest.mark.parametrize("text", [
    "The EU foreign policy chief is in Kazakhstan today as part of a regional tour.",  # where someone is
    "The round of talks comes to an end in Bishkek today.",
    "Senators debated the plan at the Dewan Negara today.",
    "Today in Astana the government briefed the press.",
    "Gas supplies to the south were cut today at 00:00.",  # the hour it happened
    "The European Union and the Kyrgyz Republic are today opening negotiations.",  # an auxiliary, then a participle
    "The Foreign Ministry of Russia reports today.",  # a present speech verb
    "Investors have pumped £10m into the German clean hydrogen company HH2E today.",  # the verb eight words back
    "The minister spoke at the press briefing held before the Executive Government Meeting today.",
])
def test_today_dates_what_happens_where_or_when_it_is_said_to(text):
    assert [e[3].casefold() for e in events(text)] == ["today"]


def test_today_as_nowadays_still_dates_nothing():
    assert events("Today, Uzbekistan exports about 60 percent of its gas. The main task for the government today is "
                  "growth.") == []


def test_today_dates_a_meeting_an_address_or_a_signing():
    assert events("In his speech at the meeting of energy ministers in Astana today, the minister spoke of gas.") == [
        ("2025-04-09", "2025-04-09", "day", "today")]
    assert events("In his today’s address to the nation, the President thanked business.") == [
        ("2025-04-09", "2025-04-09", "day", "today")]
    assert events("Today the energy ministries of the two countries signed an agreement.") == [
        ("2025-04-09", "2025-04-09", "day", "Today")]
