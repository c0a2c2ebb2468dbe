"""The Timeline page in AppTest: its coverage period follows the span of the articles, its x axis stays on the
coverage span, and its caption counts the mentioned dates it does not draw."""

from __future__ import annotations

import json

ARTICLES = {
    "a.txt": " date 2025-01-10 Lithium talks open in Astana\n\n"
             "Officials met on 14 January 2025 to discuss lithium and battery supply, a ministry said. "
             "The first memorandum on raw materials dates from 2019 and the plan runs to 2030.",
    "b.txt": " date 2025-03-20 Hydrogen pilot in Pavlodar\n\n"
             "A green hydrogen electrolyser opened on 18 March 2025, the regional office said. "
             "Exports are planned by 2030.",
}


def figure(at) -> dict:
    """The coverage chart's plotly figure, as the page sent it."""
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_a_three_month_span_is_drawn_per_week_on_its_own_span(app_on, write_files):
    at = app_on(write_files(ARTICLES))
    at.run()
    at.switch_page("pages/timeline.py").run()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.segmented_control(key="tl_freq").value == "week"
    layout = figure(at)["layout"]
    # Monday 6 January to the Monday after the week of 20 March, not the dates mentioned (2019, 2030)
    assert layout["xaxis"]["range"] == ["2025-01-06", "2025-03-24"]
    assert layout["yaxis2"]["title"]["text"] == "articles mentioning<br>the date"
    caption = at.caption[0].value
    assert "Not drawn: 1 mentioned date before the coverage span and 1 after it" in caption, caption
    at.segmented_control(key="tl_freq").set_value("quarter").run()
    assert figure(at)["layout"]["xaxis"]["range"] == ["2025-01-01", "2025-04-01"]
