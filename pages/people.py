"""People & organisations: one person, organisation or project at a time, as the filtered articles show it:
its mentions and quotes over time, its roles and side, its value chains, who appears with it, and its
articles."""

import pandas as pd
import streamlit as st

from ui import app, charts, tables
from ui.text import counted, md_escape
from ui.view import ROW

W = charts.who
CHOICES_SHOWN = 3000  # names offered in the chooser, most articles first (a linked name is always offered)

v = app.page("People & organisations", caption="A page per person, organisation or project: what the filtered "
                                                "articles say of it, when, and with whom.")

def span_label(dates: pd.Series) -> str:
    """The span of `dates` short enough for a metric: one month, months within a year, else years."""
    if not len(dates):
        return "—"
    first, last = dates.min(), dates.max()
    if first.to_period("M") == last.to_period("M"):
        return f"{first:%b %Y}"
    return f"{first:%b} – {last:%b %Y}" if first.year == last.year else f"{first:%Y} – {last:%Y}"


every = v.who_listing()
if every.empty:
    st.info("These articles quote no named person and name no organisation or project.", icon=":material/person_off:")
    st.stop()

if "wh_next" in st.session_state:  # a row chosen under "Appears with" on the last run: its page now
    st.session_state["wh_name"] = st.session_state.pop("wh_next")
offered = every.head(CHOICES_SHOWN)
wanted = st.session_state.get("wh_name")
if wanted is not None and wanted not in set(offered["name"]):
    found = every[every["name"] == wanted]
    if len(found):
        offered = pd.concat([offered, found])  # a linked name below the most named is still offered
    else:
        st.caption(md_escape(f"“{wanted}” is not named in the filtered articles; showing the most named instead."))
        del st.session_state["wh_name"]
by_name = offered.set_index("name")
name = st.selectbox("Person, organisation or project", list(by_name.index), key="wh_name",
                    format_func=lambda n: W.label(n, by_name.at[n, "kind"], int(by_name.at[n, "articles"])),
                    help="Most named first; type to search.")
app.sync_url()
kind = str(by_name.at[name, "kind"])

mentions, spoken = v.memo(f"who_rows {name}", lambda: v.who_rows(name, kind))
its_articles = v.memo(f"who_mask {name}", lambda: v.who_mask(mentions, spoken))  # over the whole corpus's articles
dates = v.full.articles["date"]
n_articles = int(its_articles.sum())
cols = st.columns(4)
cols[0].metric("Articles", f"{n_articles:,}")
cols[1].metric("Quotes", f"{len(spoken):,}", help="Quotes whose speaker is this person, or this body as written.")
if kind != W.PERSON:
    cols[2].metric("Mentions", f"{len(mentions):,}", help="Times the articles name it, every spelling counted.")
seen = dates[its_articles]
cols[3].metric("Seen", span_label(seen), help="First and last article naming or quoting it.")

facts = v.memo(f"who_facts {name}", lambda: v.who_facts(name, kind, mentions, spoken))
st.caption(md_escape(" · ".join(f for f in facts if f)))

st.subheader("Over time")
freq = "Q" if len(seen) and (seen.max() - seen.min()).days > 5 * 365 else "M"
activity = W.activity(dates.iloc[mentions["article_row"].to_numpy()] if len(mentions) else dates.iloc[:0],
                      spoken["date"], freq)
if activity.empty:
    st.info("Nothing to draw.", icon=":material/timeline:")
else:
    st.plotly_chart(W.activity_figure(activity, "quarter" if freq == "Q" else "month"), key="wh_activity")
    st.caption(("Mentions are the times the articles name it; quotes are its own words." if kind != W.PERSON
                else "Quotes are the person's own words, direct and reported."))

left, right = st.columns(2)
with left:
    st.subheader("Value chains of its articles")
    chains = W.chains_of(v.every_main_chain()[its_articles])
    st.dataframe(chains, hide_index=True, width="stretch",
                 column_config={"chain": "Main value chain", "articles": "Articles"})
with right:
    st.subheader("Appears with")
    with_it = v.memo(f"who_with {name}", lambda: v.who_companions(its_articles, name))
    if with_it.empty:
        st.info("Nobody else is named in its articles.", icon=":material/group_off:")
    else:
        picked = st.dataframe(with_it, hide_index=True, width="stretch", on_select="rerun",
                              selection_mode="single-row", key=f"wh_with_{name}",
                              column_config={"name": "Name", "kind": "Kind", "articles": "Shared articles"})
        rows = list(picked.selection.rows) if picked else []
        if rows and rows[0] < len(with_it):  # the chooser exists already: its value changes on the next run
            st.session_state["wh_next"] = with_it["name"].iat[rows[0]]
            st.rerun()
        st.caption("Select a row to open its page.")

st.subheader(f"Its {counted(n_articles, 'article')}")
listing = v.article_list()
its = listing[its_articles[listing[ROW].to_numpy()]]
tables.article_listing(its, key="wh_articles")
