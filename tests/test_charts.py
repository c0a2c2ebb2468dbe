"""Chart builders on the hand-built corpus: the right traces, axes and counts."""

from __future__ import annotations

import html

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders import schema
from ui import charts
from ui.filters import speaker_key
from tests.ui_sample import CHAINS, THEMES, tables

CROSS = THEMES[3:]


def coverage(articles, mentions, chains, freq):
    """coverage_counts of `articles` with their main chains taken from `mentions`, as the Timeline page has them."""
    return charts.coverage_counts(articles, charts.main_chain(articles, charts.article_chains(mentions, articles, chains)),
                                  chains, freq)


def test_main_chain_is_the_most_mentioned_chain_and_several_on_a_tie():
    t = tables()
    # a1: raw materials 2 vs batteries 1; a2: hydrogen alone; a3: raw materials 1, batteries 1 (a tie); a4: none
    assert charts.main_chain(t["articles"], charts.article_chains(t["mentions"], t["articles"], CHAINS)).tolist() == ["raw materials", "hydrogen", "several", "none"]


def test_main_chain_ties_only_among_the_top_chains():
    t = tables()
    three = pd.DataFrame({"article_id": ["a1"] * 5, "theme": ["hydrogen", "hydrogen", "batteries", "batteries", "raw materials"]})
    # a1: hydrogen 2 and batteries 2 tie above raw materials 1 -> several; the other articles mention nothing
    assert charts.main_chain(t["articles"], charts.article_chains(three, t["articles"], CHAINS)).tolist() == ["several", "none", "none", "none"]
    one = three[three["theme"] != "batteries"]
    assert charts.main_chain(t["articles"], charts.article_chains(one, t["articles"], CHAINS)).tolist() == ["hydrogen", "none", "none", "none"]


def test_coverage_counts_per_month():
    t = tables()
    counts = coverage(t["articles"], t["mentions"], CHAINS, "month")
    assert counts.assign(period=counts["period"].dt.strftime("%Y-%m")).values.tolist() == [
        ["2024-03", "raw materials", 1], ["2024-06", "hydrogen", 1],
        ["2025-02", "several", 1], ["2025-02", "none", 1],
    ]


@pytest.mark.parametrize("first, last, freq", [
    ("2025-01-01", "2025-06-30", "week"),  # 6 calendar months: 26 weeks
    ("2025-01-31", "2025-07-01", "month"),  # 7 calendar months
    ("2020-01-01", "2024-12-31", "month"),  # 60 months
    ("2020-01-01", "2025-01-01", "quarter"),  # 61 months
    ("2019-01-01", "2026-12-30", "quarter"),  # the 2,000-article benchmark: 32 quarters, not 96 months
    ("2024-05-05", "2024-05-05", "week"),
])
def test_default_freq_follows_the_span_of_the_dates(first, last, freq):
    dates = pd.Series(pd.to_datetime([last, None, first]))
    assert charts.default_freq(dates) == freq


def test_default_freq_without_dates_is_month_and_never_draws_more_than_80_bars_in_19_years():
    assert charts.default_freq(pd.Series(pd.to_datetime([None, None]))) == "month"
    assert charts.default_freq(pd.Series([], dtype="datetime64[ns]")) == "month"
    start = pd.Timestamp("2006-01-15")
    for days in range(0, 19 * 365, 11):
        dates = pd.Series([start, start + pd.Timedelta(days=days)])
        bars = charts.period_start(dates, charts.default_freq(dates))
        assert len(pd.period_range(bars[0], bars[1], freq=charts.FREQS[charts.default_freq(dates)])) <= 80, days


@given(st.lists(st.one_of(st.none(), st.datetimes(min_value=pd.Timestamp("1700-01-01").to_pydatetime(),
                                                max_value=pd.Timestamp("2200-12-31").to_pydatetime())), max_size=30),
       st.sampled_from(list(charts.FREQS)))
def test_period_start_is_the_calendar_periods_first_day_for_any_date(days, freq):
    dates = pd.Series(pd.to_datetime(days), dtype="datetime64[ns]", name="date")
    expected = dates.dt.to_period(charts.FREQS[freq]).dt.start_time.astype("datetime64[ns]")
    assert charts.period_start(dates, freq).equals(expected)


def test_an_unknown_period_is_refused():
    with pytest.raises(ValueError, match="unknown period 'year'"):
        charts.period_start(pd.Series(pd.to_datetime(["2025-02-13"])), "year")


def test_no_theme_counts_nothing_rather_than_failing():
    mentions = tables()["mentions"]
    assert charts.cooccurrence(mentions, []).shape == (0, 0)
    assert charts.top_terms(mentions, []).empty


def test_week_periods_start_on_monday_and_quarters_on_the_first_month():
    dates = pd.Series(pd.to_datetime(["2025-02-13", "2025-05-30"]))
    assert charts.period_start(dates, "week").dt.strftime("%Y-%m-%d").tolist() == ["2025-02-10", "2025-05-26"]
    assert charts.period_start(dates, "quarter").dt.strftime("%Y-%m-%d").tolist() == ["2025-01-01", "2025-04-01"]


def test_event_markers_group_by_day_and_respect_the_limit():
    markers, total = charts.event_markers(tables()["events"])
    assert total == 2
    assert markers[["articles", "mentions", "expression"]].values.tolist() == [[1, 1, "in March"], [2, 2, "by 2030"]]
    top, total = charts.event_markers(tables()["events"], limit=1)
    assert (total, top["expression"].tolist()) == (2, ["by 2030"])


def _events() -> pd.DataFrame:
    """The sample's events and four more: a year and a long range inside the 2024-2025 quarters, a week's range
    inside, a month before them."""
    more = pd.DataFrame(
        [
            ("a1", 0, "2024-01-01", "2024-12-31", "year", "in 2024", "Output grew in 2024.", 0, 7),
            ("a3", 0, "2024-01-01", "2025-12-31", "range", "in 2024-2025", "Talks ran in 2024-2025.", 0, 12),
            ("a2", 0, "2024-06-10", "2024-06-16", "range", "last week", "A valley was mapped last week.", 0, 9),
            ("a1", 1, "2019-05-01", "2019-05-31", "month", "in May 2019", "Ore was first found in May 2019.", 0, 11),
        ],
        columns=["article_id", "para_no", "date", "date_end", "precision", "expression", "sentence", "start", "end"],
    ).assign(date=lambda f: pd.to_datetime(f["date"]), date_end=lambda f: pd.to_datetime(f["date_end"]))
    return schema.conform("events", pd.concat([tables()["events"], more], ignore_index=True))


def test_dates_known_to_the_day_or_month_are_precise_years_and_long_spans_are_not():
    assert charts.is_precise(_events()).tolist() == [False, True, False, False, False, True, True]


def test_timeline_markers_keep_the_coverage_span_and_count_what_they_leave_out():
    t = tables()
    counts = coverage(t["articles"], t["mentions"], CHAINS, "quarter")
    assert charts.coverage_span(counts, "quarter") == (pd.Timestamp("2024-01-01"), pd.Timestamp("2025-04-01"))
    markers, left_out = charts.timeline_markers(_events(), counts, "quarter")
    assert markers.assign(date=markers["date"].dt.strftime("%Y-%m-%d"))[["date", "articles", "precise"]].values.tolist() == [
        ["2024-06-10", 1, True], ["2025-03-01", 1, True], ["2024-01-01", 2, False],
    ]
    assert left_out == charts.LeftOut(before=1, after=1, days=3)  # May 2019; 2030
    assert charts.coverage_caption(markers, left_out) == (
        "Bars: articles per period, coloured by the value chain each article mentions most (“several” where chains "
        "tie). Diamonds (lower row): the dates the articles mention to the day or month, height = articles mentioning "
        "the date; hover for the sentence. Hidden: 1 date known only to the year or a longer span (drawn at the first "
        "day); click “years, long spans” in the legend to show them. Not drawn: 1 mentioned date before the "
        "coverage span and 1 after it; choose them in the list below."
    )
    top, left_out = charts.timeline_markers(_events(), counts, "quarter", limit=1)
    assert (len(top), left_out.days) == (2, 3)
    assert "Showing the 2 dates most articles mention, of 3." in charts.coverage_caption(top, left_out)


def test_timeline_markers_outside_every_period_leave_an_empty_row():
    t = tables()
    counts = coverage(t["articles"], t["mentions"], CHAINS, "month")  # 2024-03 to 2025-02
    markers, left_out = charts.timeline_markers(t["events"], counts, "month")
    assert markers.empty and list(markers.columns)[-1] == "precise"
    assert left_out == charts.LeftOut(before=0, after=2, days=0)  # March 2025 and 2030
    assert charts.coverage_caption(markers, left_out).endswith(
        "tie). Not drawn: 2 mentioned dates after the coverage span; choose them in the list below.")
    none = charts.timeline_markers(t["events"].iloc[0:0], counts, "month")
    assert charts.coverage_caption(*none).endswith("tie). These articles mention no dates.")
    assert charts.coverage_figure(counts, markers, CHAINS, "month").layout.xaxis.range == ("2024-03-01", "2025-03-01")


def test_coverage_figure_stacks_chains_over_a_row_of_dates_on_the_coverage_span():
    t = tables()
    counts = coverage(t["articles"], t["mentions"], CHAINS, "quarter")
    markers, _ = charts.timeline_markers(_events(), counts, "quarter")
    fig = charts.coverage_figure(counts, markers, CHAINS, "quarter")
    assert [(d.type, d.name, d.visible) for d in fig.data] == [
        ("bar", "raw materials", None), ("bar", "hydrogen", None), ("bar", "several", None), ("bar", "none", None),
        ("scatter", "day or month dates", True), ("scatter", "years, long spans", "legendonly"),
    ]
    assert fig.layout.barmode == "stack"
    assert [list(d.y) for d in fig.data] == [[1], [1], [1], [1], [1, 1], [2]]
    assert [d.marker.color for d in fig.data[:4]] == ["#EA580C", "#3B82F6", "#DB2777", "#94A3B8"]
    assert list(fig.data[0].customdata[0]) == ["2024-01-01", "raw materials"]
    assert list(fig.data[5].customdata[0]) == ["2024-01-01", "event"]
    assert fig.data[4].yaxis == "y2" and fig.layout.xaxis.matches == "x2"
    # the shared x axis spans the quarters with articles, not the dates mentioned (2019, 2030)
    assert fig.layout.xaxis.range == fig.layout.xaxis2.range == ("2024-01-01", "2025-04-01")
    assert (fig.layout.yaxis.title.text, fig.layout.yaxis2.title.text) == ("articles", "articles mentioning<br>the date")
    assert fig.data[5].text[0] == "<b>in 2024</b> (year) · 2 article(s)<br>Output grew in 2024."


def test_hover_text_is_escaped():
    t = tables()
    counts = coverage(t["articles"], t["mentions"], CHAINS, "quarter")
    events = t["events"].assign(sentence="Plan <b>bold</b> & <script>x</script>")
    fig = charts.coverage_figure(counts, charts.timeline_markers(events, counts, "quarter")[0], CHAINS, "quarter")
    assert "&lt;script&gt;x&lt;/script&gt;" in fig.data[-1].text[0]
    assert "<script>" not in fig.data[-1].text[0]


def test_coverage_figure_without_events_has_one_row():
    t = tables()
    counts = coverage(t["articles"], t["mentions"], CHAINS, "month")
    fig = charts.coverage_figure(counts, charts.timeline_markers(t["events"].iloc[0:0], counts, "month")[0], CHAINS)
    assert [d.type for d in fig.data] == ["bar", "bar", "bar", "bar"]
    assert "yaxis2" not in fig.layout


def test_chain_mix_counts_each_chain_and_articles_without_any():
    t = tables()
    mix = charts.chain_mix(t["articles"], charts.article_chains(t["mentions"], t["articles"], CHAINS), CHAINS)
    assert mix.values.tolist() == [["raw materials", 2], ["batteries", 2], ["hydrogen", 1], ["none", 1]]
    fig = charts.mix_figure(mix, total=4)
    assert list(fig.data[0].text) == ["2 (50%)", "2 (50%)", "1 (25%)", "1 (25%)"]
    assert fig.data[0].orientation == "h"


def test_chain_share_per_quarter():
    t = tables()
    share = charts.chain_share(t["articles"], charts.article_chains(t["mentions"], t["articles"], CHAINS), CHAINS, "quarter")
    q1_2025 = share[share["period"] == pd.Timestamp("2025-01-01")]
    assert q1_2025[["chain", "articles", "total", "share"]].values.tolist() == [
        ["raw materials", 1, 2, 0.5], ["batteries", 1, 2, 0.5], ["hydrogen", 0, 2, 0.0],
    ]
    fig = charts.share_figure(share, CHAINS)
    assert [d.name for d in fig.data] == list(CHAINS)
    assert fig.layout.yaxis.tickformat == ".0%"


def test_a_period_without_articles_is_a_gap_in_the_share_not_zero_or_full():
    t = tables()
    share = charts.chain_share(t["articles"], charts.article_chains(t["mentions"], t["articles"], CHAINS), CHAINS, "quarter")
    raw = share[share["chain"] == "raw materials"]
    # articles in 2024 Q1, Q2 and 2025 Q1; none in 2024 Q3 and Q4
    assert raw["period"].dt.strftime("%Y-%m").tolist() == ["2024-01", "2024-04", "2024-07", "2024-10", "2025-01"]
    assert raw[["articles", "total"]].values.tolist() == [[1, 1], [0, 1], [0, 0], [0, 0], [1, 2]]
    assert raw["share"].isna().tolist() == [False, False, True, True, False]
    fig = charts.share_figure(share, CHAINS)
    assert [y if y == y else None for y in fig.data[0].y] == [1.0, 0.0, None, None, 0.5]
    assert {d.connectgaps for d in fig.data} == {False}
    assert charts.chain_share(t["articles"].iloc[0:0], charts.article_chains(t["mentions"], t["articles"], CHAINS), CHAINS, "quarter").empty


def test_cooccurrence_matrix_and_heatmap():
    matrix = charts.cooccurrence(tables()["mentions"], THEMES)
    assert matrix.loc["raw materials", "batteries"] == 2
    assert matrix.loc["batteries", "batteries"] == 2
    assert matrix.loc["hydrogen", "investment & finance"] == 1
    assert matrix.loc["hydrogen", "raw materials"] == 0
    assert (matrix.to_numpy() == matrix.to_numpy().T).all()
    fig = charts.cooccurrence_figure(matrix)
    assert fig.data[0].type == "heatmap" and list(fig.data[0].x) == [html.escape(t) for t in THEMES]


def test_cooccurrence_of_no_mentions_is_all_zero():
    matrix = charts.cooccurrence(tables()["mentions"].iloc[0:0], THEMES)
    assert matrix.shape == (5, 5) and int(matrix.to_numpy().sum()) == 0


def _term_pairs(mentions: pd.DataFrame) -> pd.DataFrame:
    return mentions[["article_id", "theme", "term"]].drop_duplicates()


def test_top_terms_and_their_faceted_altair_chart():
    terms = charts.top_terms(_term_pairs(tables()["mentions"]), CHAINS, n=1)
    assert terms.values.tolist() == [["raw materials", "ore", 2], ["batteries", "battery", 1], ["hydrogen", "hydrogen", 1]]
    spec = charts.terms_figure(charts.top_terms(_term_pairs(tables()["mentions"]), CHAINS), CHAINS).to_dict()
    assert spec["facet"]["column"]["field"] == "chain"
    assert spec["spec"]["mark"]["type"] == "bar"
    assert spec["resolve"]["scale"]["y"] == "independent"
    assert spec["spec"]["encoding"]["color"]["scale"]["domain"] == list(CHAINS)


def test_cross_themes_inside_each_chain():
    table = charts.cross_themes(charts.cooccurrence(tables()["mentions"], [*CHAINS, *CROSS]), CHAINS, CROSS)
    assert table.values.tolist() == [
        ["raw materials", "investment & finance", 0], ["raw materials", "research & skills", 1],
        ["batteries", "investment & finance", 0], ["batteries", "research & skills", 1],
        ["hydrogen", "investment & finance", 1], ["hydrogen", "research & skills", 0],
    ]
    fig = charts.cross_figure(table, CHAINS)
    assert [d.name for d in fig.data] == list(CHAINS) and fig.layout.barmode == "group"


def test_quotes_per_chain_by_kind():
    table = charts.quotes_per_chain(charts.explode_themes(tables()["quotes"]), CHAINS)
    assert table.values.tolist() == [
        ["raw materials", 1, 1, 2], ["batteries", 1, 0, 1], ["hydrogen", 1, 0, 1], ["unspecified", 0, 1, 1],
    ]


def test_speakers_table_and_figure():
    table = charts.speakers_table(tables()["quotes"])
    assert table.values.tolist() == [
        ["Aigerim Sadykova", "minister", "Kazakhstan", 2, 1, 1, 2],
        ["Pieter Janssen", "commissioner", "EU", 1, 1, 0, 1],
    ]
    fig = charts.speakers_figure(table)
    assert [(d.name, list(d.y), list(d.x)) for d in fig.data] == [
        ("EU", ["Pieter Janssen"], [1]), ("Kazakhstan", ["Aigerim Sadykova"], [2]),
    ]
    assert list(fig.layout.yaxis.categoryarray) == ["Aigerim Sadykova", "Pieter Janssen"]


def test_speaker_chains_and_side_chains():
    quotes = tables()["quotes"]
    exploded = charts.explode_themes(quotes.assign(**{charts.SPEAKER_KEY: speaker_key(quotes)}))
    matrix = charts.speaker_chains(exploded, ["Aigerim Sadykova", "Pieter Janssen"], CHAINS)
    assert matrix.values.tolist() == [[2, 1, 0, 0], [0, 0, 1, 0]]
    assert charts.speaker_chains_figure(matrix).data[0].type == "heatmap"
    sides = charts.side_chains(charts.explode_themes(tables()["quotes"]), CHAINS)
    assert sides[sides["quotes"] > 0].values.tolist() == [
        ["EU", "hydrogen", 1], ["Kazakhstan", "raw materials", 2], ["Kazakhstan", "batteries", 1],
    ]
    fig = charts.side_chains_figure(sides)
    assert [d.name for d in fig.data] == ["EU", "Kazakhstan", "other"]


def test_people_figure_ranks_by_quotes():
    fig = charts.people_figure(tables()["people"], n=1)
    assert [(d.name, list(d.y), list(d.x)) for d in fig.data] == [("Kazakhstan", ["Aigerim Sadykova"], [2])]


def test_coverage_bars_span_most_of_their_period():
    t = tables()
    counts = coverage(t["articles"], t["mentions"], CHAINS, "week")
    fig = charts.coverage_figure(counts, charts.timeline_markers(t["events"], counts, "week")[0], CHAINS, "week")
    assert fig.data[0].width == 0.85 * 7 * 86_400_000 and fig.data[0].offset == 0


def _colours(fig) -> dict[str, str]:
    """{legend name or bar label: colour} of a figure's traces (bars, lines, or one bar trace coloured per bar)."""
    out = {}
    for d in fig.data:
        if d.name:
            out[d.name] = d.line.color if d.type == "scatter" else d.marker.color
        else:
            out.update(zip(d.y, d.marker.color))
    return out


def test_a_chain_has_one_colour_and_legends_one_order_in_every_chart():
    t = tables()
    chains = (*CHAINS, "investment & finance")  # a fourth chain takes the first colour after the fixed ones
    colors = charts.chain_colors(chains)
    assert colors == {
        "raw materials": "#EA580C", "batteries": "#059669", "hydrogen": "#3B82F6", "investment & finance": "#F43F5E",
        "several": "#DB2777", "unspecified": "#94A3B8", "none": "#94A3B8",
    }
    counts = coverage(t["articles"], t["mentions"], chains, "month")
    figures = {
        "coverage": charts.coverage_figure(counts, charts.event_markers(t["events"].iloc[0:0])[0], chains),
        "mix": charts.mix_figure(charts.chain_mix(t["articles"], charts.article_chains(t["mentions"], t["articles"], chains), chains), 4),
        "share": charts.share_figure(charts.chain_share(t["articles"], charts.article_chains(t["mentions"], t["articles"], chains), chains, "month"), chains),
        "cross": charts.cross_figure(charts.cross_themes(charts.cooccurrence(t["mentions"], [*chains, "research & skills"]), chains, ["research & skills"]), chains),
    }
    seen = {name: _colours(fig) for name, fig in figures.items()}
    assert {name: list(c) for name, c in seen.items()} == {
        "coverage": ["raw materials", "several", "none"],  # a2 ties hydrogen with investment & finance
        "mix": [*chains, "none"], "share": list(chains), "cross": list(chains),
    }
    assert all(c == {k: colors[k] for k in c} for c in seen.values())
    terms = charts.terms_figure(charts.top_terms(_term_pairs(t["mentions"]), chains), chains).to_dict()["spec"]["encoding"]["color"]
    assert terms["scale"]["range"] == [colors[c] for c in chains]
    # plotly lists stacked bars' legend bottom-up unless told otherwise
    assert figures["coverage"].layout.legend.traceorder == "normal"


def test_sides_are_eu_kazakhstan_other_unknown_in_every_chart():
    table = pd.DataFrame({
        "speaker": ["Nobody Known", "A Diplomat", "Pieter Janssen", "Aigerim Sadykova"], "role": ["", "", "", ""],
        "side": ["", "other", "EU", "Kazakhstan"], "quotes": [4, 3, 2, 1], "direct": [4, 3, 2, 1], "reported": [0, 0, 0, 0],
    })
    fig = charts.speakers_figure(table)
    assert [(d.name, d.marker.color) for d in fig.data] == [
        ("EU", "#6366F1"), ("Kazakhstan", "#EAB308"), ("other", "#94A3B8"), ("unknown", "#CBD5E1"),
    ]
    assert fig.layout.barmode == "stack" and fig.layout.legend.traceorder == "normal"
    sides = charts.side_chains_figure(charts.side_chains(charts.explode_themes(tables()["quotes"]), CHAINS))
    assert [(d.name, d.marker.color) for d in sides.data] == [("EU", "#6366F1"), ("Kazakhstan", "#EAB308"), ("other", "#94A3B8")]


def test_count_axis_steps_by_one_up_to_five_and_never_shows_a_range_under_five_above():
    assert charts.count_axis(5) == {"tickformat": ",d", "rangemode": "tozero", "tick0": 0, "dtick": 1}
    assert charts.count_axis(6) == {"tickformat": ",d", "rangemode": "tozero", "tick0": 0, "autorangeoptions": {"include": 5}}


def _count_axes(fig) -> list[tuple[str, int | None, object]]:
    """(title, dtick, autorange include) of every axis whose ticks are whole numbers."""
    axes = [*fig.select_xaxes(), *fig.select_yaxes()]
    return [(a.title.text, a.dtick, a.autorangeoptions.include) for a in axes if a.tickformat == ",d"]


def test_every_count_axis_has_whole_number_ticks():
    t = tables()
    counts = coverage(t["articles"], t["mentions"], CHAINS, "quarter")
    quotes = charts.speakers_table(t["quotes"])
    small = {
        "coverage": charts.coverage_figure(counts, charts.timeline_markers(_events(), counts, "quarter")[0], CHAINS, "quarter"),
        "mix": charts.mix_figure(charts.chain_mix(t["articles"], charts.article_chains(t["mentions"], t["articles"], CHAINS), CHAINS), 4),
        "cross": charts.cross_figure(charts.cross_themes(charts.cooccurrence(t["mentions"], [*CHAINS, *CROSS]), CHAINS, CROSS), CHAINS),
        "speakers": charts.speakers_figure(quotes),
        "people": charts.people_figure(t["people"]),
        "sides": charts.side_chains_figure(charts.side_chains(charts.explode_themes(t["quotes"]), CHAINS)),
    }
    assert {name: _count_axes(fig) for name, fig in small.items()} == {
        "coverage": [("articles", 1, None), ("articles mentioning<br>the date", 1, None)],
        "mix": [("articles mentioning the chain", 1, None)], "cross": [("articles mentioning both", 1, None)],
        "speakers": [("quotes", 1, None)], "people": [("quotes", 1, None)], "sides": [("quotes", 1, None)],
    }
    # 7 quotes stacked for one speaker: plotly's own (whole) steps, over at least 0..5
    big = charts.speakers_figure(quotes.assign(quotes=[7, 1]))
    assert _count_axes(big) == [("quotes", None, 5)]
    terms = charts.terms_figure(charts.top_terms(_term_pairs(t["mentions"]), CHAINS), CHAINS).to_dict()
    assert terms["spec"]["encoding"]["x"]["axis"] == {"format": ",d", "tickMinStep": 1}


def test_legends_sit_under_the_plot_clear_of_the_mode_bar_and_the_x_axis():
    t = tables()
    counts = coverage(t["articles"], t["mentions"], CHAINS, "quarter")
    figures = {
        "coverage": charts.coverage_figure(counts, charts.timeline_markers(_events(), counts, "quarter")[0], CHAINS, "quarter"),
        "share": charts.share_figure(charts.chain_share(t["articles"], charts.article_chains(t["mentions"], t["articles"], CHAINS), CHAINS, "quarter"), CHAINS),
        "cross": charts.cross_figure(charts.cross_themes(charts.cooccurrence(t["mentions"], [*CHAINS, *CROSS]), CHAINS, CROSS), CHAINS),
        "speakers": charts.speakers_figure(charts.speakers_table(t["quotes"])),
        "sides": charts.side_chains_figure(charts.side_chains(charts.explode_themes(t["quotes"]), CHAINS)),
    }
    legends = {name: (f.layout.legend.orientation, f.layout.legend.yanchor, f.layout.legend.x, round(f.layout.legend.y, 4))
               for name, f in figures.items()}
    # y = -(tick labels 28 px [+ x title 22 px]) / (plot height: figure - margins 44 - that gap)
    assert legends == {
        "coverage": ("h", "top", 0, round(-28 / (520 - 44 - 28), 4)),
        "share": ("h", "top", 0, round(-28 / (360 - 44 - 28), 4)),
        "cross": ("h", "top", 0, round(-50 / (140 + 22 * 3 * 2 - 44 - 50), 4)),
        "speakers": ("h", "top", 0, round(-50 / (120 + 26 * 2 - 44 - 50), 4)),
        "sides": ("h", "top", 0, round(-28 / (340 - 44 - 28), 4)),
    }
    # the figure grows by two legend rows; the top margin keeps the mode bar's room, no legend in it
    assert [(f.layout.height, f.layout.margin.t) for f in figures.values()] == [
        (564, 36), (404, 36), (316, 36), (216, 36), (384, 36),
    ]
    assert charts.mix_figure(charts.chain_mix(t["articles"], charts.article_chains(t["mentions"], t["articles"], CHAINS), CHAINS), 4).layout.height == 260  # no legend


def test_speakers_table_breaks_ties_a_to_z_takes_the_longest_role_and_skips_unattributed_quotes():
    q = pd.DataFrame({
        "person": ["Zed Abay", "Ann Bek", "", "Ann Bek", "Zed Abay", ""],
        "speaker": ["Zed Abay", "Ann Bek", "Ministry", "Ann Bek", "Zed Abay", ""],
        "speaker_role": ["minister", "envoy", "", "special envoy", "", ""],
        "side": ["EU", "Kazakhstan", "other", "Kazakhstan", "EU", ""],
        "kind": ["direct", "reported", "direct", "direct", "direct", "reported"],
        "article_id": ["a1", "a1", "a2", "a3", "a1", "a2"],
    }).astype("category")
    assert charts.speakers_table(q).values.tolist() == [
        ["Ann Bek", "special envoy", "Kazakhstan", 2, 1, 1, 2],
        ["Zed Abay", "minister", "EU", 2, 2, 0, 1],
        ["Ministry", "", "other", 1, 1, 0, 1],
    ]
    assert charts.speakers_table(q, n=1)["speaker"].tolist() == ["Ann Bek"]
    assert charts.speakers_table(q.iloc[0:0]).empty


def test_explode_themes_reads_missing_and_empty_themes_as_unspecified_and_side_chains_skips_missing_sides():
    q = pd.DataFrame({"side": ["EU", None, "Kazakhstan", "", "EU"],
                      "themes": ["hydrogen", "batteries,hydrogen", None, "", "raw materials, batteries"]})
    ex = charts.explode_themes(q)
    assert list(zip(ex["side"].fillna("-"), ex["chain"].astype(str))) == [
        ("EU", "hydrogen"), ("-", "batteries"), ("-", "hydrogen"), ("Kazakhstan", "unspecified"), ("", "unspecified"),
        ("EU", "raw materials"), ("EU", "batteries")]
    sides = charts.side_chains(ex, CHAINS)
    assert sides[sides["quotes"] > 0].values.tolist() == [
        ["EU", "raw materials", 1], ["EU", "batteries", 1], ["EU", "hydrogen", 1], ["Kazakhstan", "unspecified", 1]]
    assert charts.explode_themes(q.iloc[0:0]).empty


def test_a_missing_side_counts_with_the_empty_side_not_as_a_side_of_its_own():
    q = pd.DataFrame({"person": ["Ann Bek"] * 7, "speaker": ["Ann Bek"] * 7, "speaker_role": [""] * 7,
                      "side": ["", "", None, None, "EU", "EU", "EU"], "kind": ["direct"] * 7,
                      "article_id": ["a1"] * 7}).astype("category")
    assert charts.speakers_table(q)["side"].tolist() == [""]  # four quotes without a side, three EU


def test_an_event_of_no_article_is_a_mention_not_an_article():
    events = tables()["events"].copy()
    ids = events["article_id"].astype("string").tolist()
    events["article_id"] = pd.Series([None, *ids[1:]], dtype="string").astype("category")
    markers, _ = charts.event_markers(events)
    day = markers.set_index("date").loc[events.loc[0, "date"]]
    same_day = events[events["date"] == events.loc[0, "date"]]
    assert day["mentions"] == len(same_day) and day["articles"] == same_day["article_id"].nunique()
