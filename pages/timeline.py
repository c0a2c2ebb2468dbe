"""Timeline: coverage per period stacked by main value chain, the dates articles mention on the same axis,
and the articles behind a chosen period or date (chart selection or the selectboxes)."""

import pandas as pd
import streamlit as st

from ui import app, charts, tables
from ui.text import counted
from ui.filters import isin

FORMATS = {"week": "week of %Y-%m-%d", "month": "%b %Y", "quarter": "%Y Q{q}"}

v = app.page("Timeline")

c = v.corpus
freq = st.segmented_control("Coverage per", list(charts.FREQS), default=charts.default_freq(c.articles["date"]),
                            required=True, key="tl_freq", persist_state="session")


def period_name(start: pd.Timestamp) -> str:
    return start.strftime(FORMATS[freq]).replace("{q}", str(start.quarter))


counts = v.memo(f"coverage_{freq}", lambda: charts.coverage_counts(c.articles, v.main_chain(), v.chains, freq))
events, passing, index = v.full.events, v.corpus.passing("events"), v.date_index()  # the whole corpus's, and which pass
markers, _ = v.memo("event_markers", lambda: charts.event_markers(events, passing=passing, index=index))
drawn, left_out = v.memo(f"timeline_markers_{freq}", lambda: charts.timeline_markers(events, counts, freq, passing=passing,
                                                                                   index=index))
st.plotly_chart(
    v.memo(f"coverage_figure_{freq}", lambda: charts.coverage_figure(counts, drawn, v.chains, freq)), key=f"tl_chart_{freq}",
    on_select="rerun", selection_mode=("points", "box"),
)
st.caption(charts.coverage_caption(drawn, left_out)
           + " Click a bar or a diamond to list the articles behind it.")

periods = charts.period_start(c.articles["date"], freq)
per_period = periods.value_counts().sort_index(ascending=False)
by_date = markers.sort_values(["articles", "date"], ascending=[False, True])
event_days = list(by_date["date"])
labels = dict(zip(by_date["date"], by_date["expression"]))
counts_by_day = dict(zip(by_date["date"], by_date["articles"]))

# A click in the chart chooses the clicked bar's period or diamond's date in the selectboxes below (once per
# click, so the selectboxes can be cleared again), which keeps the choice in the URL.
selection = st.session_state.get(f"tl_chart_{freq}")
points = [p.get("customdata") or [] for p in (selection.selection.points if selection else [])]
if points != st.session_state.get("tl_chart_last"):
    st.session_state["tl_chart_last"] = points
    for custom in points:
        if len(custom) == 2:
            st.session_state["tl_event" if custom[1] == "event" else "tl_period"] = pd.Timestamp(custom[0])
if st.session_state.get("tl_period") not in per_period.index:
    st.session_state.pop("tl_period", None)
if st.session_state.get("tl_event") not in counts_by_day:
    st.session_state.pop("tl_event", None)

left, right = st.columns(2)
chosen_period = left.selectbox(
    "Period", list(per_period.index), index=None, placeholder="Choose a period", key="tl_period",
    format_func=lambda p: f"{period_name(p)} · {counted(per_period[p], 'article')}",
)
chosen_event = right.selectbox(
    "Date the articles mention", event_days, index=None, placeholder="Choose a date", key="tl_event",
    format_func=lambda d: f"{tables.date_label(d)} · “{labels[d]}” · {counted(counts_by_day[d], 'article')}",
)
app.sync_url()

wanted = pd.Series(False, index=c.articles.index)
described = []
if chosen_period is not None:
    wanted |= periods == chosen_period
    described.append(period_name(chosen_period))
if chosen_event is not None:
    event_rows = v.event_rows()
    on_day = events.iloc[event_rows[events["date"].to_numpy()[event_rows] == chosen_event.to_datetime64()]]
    wanted |= isin(c.articles["article_id"], on_day["article_id"].astype("string")).to_numpy()
    described.append("date " + tables.date_label(chosen_event))

if described:
    listing = v.article_list()
    chosen = listing[isin(listing["article_id"], c.articles.loc[wanted, "article_id"])]
    st.subheader(f"{counted(len(chosen), 'article')} behind {' and '.join(described)}")
    tables.article_listing(chosen, key="tl_articles")
    if chosen_event is not None:
        sentences = on_day.merge(c.articles[["article_id", "title"]], on="article_id")
        with st.expander(f"The {len(sentences):,} sentences mentioning {tables.date_label(chosen_event)}"):
            st.dataframe(tables.capped(sentences, "sentences")[["expression", "precision", "sentence", "title"]],
                         hide_index=True, width="stretch")
else:
    st.info("Choose a period or a date above (or click the chart) to list its articles.", icon=":material/touch_app:")
