"""Timeline: coverage per period stacked by main value chain, the dates articles mention on the same axis,
and the articles behind a chosen period or date (chart selection or the selectboxes)."""

import pandas as pd
import streamlit as st

from ui import app, charts
from ui.text import counted
from ui.filters import source_labels

FORMATS = {"week": "week of %Y-%m-%d", "month": "%b %Y", "quarter": "%Y Q{q}"}

v = app.page("Timeline")

c = v.corpus
freq = st.segmented_control("Coverage per", list(charts.FREQS), default=charts.default_freq(c.articles["date"]),
                            required=True, key="tl_freq", persist_state="session")


def period_name(start: pd.Timestamp) -> str:
    return start.strftime(FORMATS[freq]).replace("{q}", str(start.quarter))


counts = v.memo(f"coverage_{freq}", lambda: charts.coverage_counts(c.articles, c.mentions, v.chains, freq))
markers, n_days = v.memo("event_markers", lambda: charts.event_markers(c.events))
drawn, left_out = v.memo(f"timeline_markers_{freq}", lambda: charts.timeline_markers(c.events, counts, freq))
st.plotly_chart(
    v.memo(f"coverage_figure_{freq}", lambda: charts.coverage_figure(counts, drawn, v.chains, freq)), key=f"tl_chart_{freq}",
    on_select="rerun", selection_mode=("points", "box"),
)
st.caption(charts.coverage_caption(drawn, left_out)
           + " Click a bar or a diamond, or drag a box, to list the articles behind it.")

periods = charts.period_start(c.articles["date"], freq)
per_period = periods.value_counts().sort_index(ascending=False)
left, right = st.columns(2)
chosen_period = left.selectbox(
    "Or choose a period", list(per_period.index), index=None, placeholder="Choose a period", key=f"tl_period_{freq}",
    format_func=lambda p: f"{period_name(p)} · {counted(per_period[p], 'article')}",
)
by_date = markers.sort_values(["articles", "date"], ascending=[False, True])
event_days = list(by_date["date"])
labels = dict(zip(by_date["date"], by_date["expression"]))
counts_by_day = dict(zip(by_date["date"], by_date["articles"]))
chosen_event = right.selectbox(
    "Or choose a date the articles mention", event_days, index=None, placeholder="Choose a date", key="tl_event",
    format_func=lambda d: f"{app.date_label(d)} · “{labels[d]}” · {counted(counts_by_day[d], 'article')}",
)

selection = st.session_state.get(f"tl_chart_{freq}")
points = selection.selection.points if selection else []
wanted = pd.Series(False, index=c.articles.index)
described, days = [], []
chain = v.main_chain()
for point in points:
    custom = point.get("customdata") or []
    if len(custom) != 2:
        continue
    day, what = pd.Timestamp(custom[0]), custom[1]
    if what == "event":
        days.append(day)
    else:
        wanted |= (periods == day) & (chain == what)
        described.append(f"{period_name(day)} · {what}")
if chosen_period is not None:
    wanted |= periods == chosen_period
    described.append(period_name(chosen_period))
if chosen_event is not None:
    days.append(chosen_event)
days = list(dict.fromkeys(days))
if days:
    wanted |= c.articles["article_id"].isin(c.events.loc[c.events["date"].isin(days), "article_id"])
    described.append("date " + ", ".join(app.date_label(d) for d in days))

if described:
    chosen = c.articles[wanted].assign(chain=chain[wanted], source=lambda f: source_labels(f["source"]))
    chosen = chosen.sort_values("date", ascending=False)
    st.subheader(f"{counted(len(chosen), 'article')} behind {', '.join(dict.fromkeys(described))}")
    st.dataframe(
        app.capped(chosen, "articles")[["date", "title", "source", "chain"]], hide_index=True, width="stretch",
        column_config={"date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                       "title": st.column_config.TextColumn("Title", width="large"), "source": "Source",
                       "chain": "Main value chain"},
        key="tl_articles",
    )
    if days:
        sentences = c.events[c.events["date"].isin(days)].merge(c.articles[["article_id", "title"]], on="article_id")
        with st.expander(f"The {len(sentences):,} sentences mentioning {', '.join(app.date_label(d) for d in days)}"):
            st.dataframe(app.capped(sentences, "sentences")[["expression", "precision", "sentence", "title"]],
                         hide_index=True, width="stretch")
else:
    st.info("Choose a period or a date above (or in the chart) to list its articles.", icon=":material/touch_app:")
