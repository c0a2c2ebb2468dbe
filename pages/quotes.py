"""Quotes: every quote in a searchable table with a CSV download, who speaks (and on which chains, EU vs
Kazakhstan), and one quote opened in its paragraph with the search hits highlighted."""

import numpy as np
import pandas as pd
import streamlit as st

from loaders.query import parse
from loaders.schema import HEADLINE
from ui import app, charts, loading, reader, sidebar, tables
from ui.filters import isin
from ui.text import counted, csv_download, md_escape, quote_spans

v = app.page("Quotes", quotes=True)

c = v.corpus
every, passing = v.quote_table()

tab_all, tab_people = st.tabs(["All quotes", "Speakers"])
with tab_all:
    left, right = st.columns([3, 2])
    search = " ".join(left.text_input("Search quotes", key="qt_q", placeholder="words in the quote, speaker or role",
                                      persist_state="session", help=sidebar.SEARCH_HELP).split())
    with left:
        sidebar.search_notes(search)
    kinds = right.pills("Kind", ["direct", "reported"], selection_mode="multi", default=["direct", "reported"],
                        key="qt_kind", persist_state="session")
    keep = passing
    wanted = parse(search)
    if not wanted.empty:
        found = v.memo(f"quote_search {search}",
                       lambda: v.full.quotes["quote_id"].iloc[loading.search_index(v.full).quotes(wanted)])
        keep = keep & isin(every["quote_id"], found).to_numpy()
    if kinds and len(kinds) == 1:
        keep = keep & (every["kind"] == kinds[0]).to_numpy()
    positions = np.flatnonzero(keep)  # rows of `every` shown; only those on screen are taken
    st.caption(f"{len(positions):,} of {counted(int(passing.sum()), 'quote')}.")
    columns = ["date", "kind", "speaker", "text", "side", "themes", "speaker_role", "article", "source"]
    on_screen = ["date", "speaker", "text", "kind", "side", "themes", "speaker_role", "article", "source"]  # a phone shows three
    st.download_button(
        "Download these quotes (CSV)",
        data=lambda: csv_download(every.iloc[positions][[*columns, "url", "cue", "attribution", "rule", "quote_id",
                                                         "article_id"]]),
        file_name="quotes.csv", mime="text/csv", icon=":material/download:", on_click="ignore", key="qt_download",
    )
    rows = tables.capped(every.iloc[positions[:tables.MAX_ROWS]], "quotes", total=len(positions))
    picked = st.dataframe(
        rows[on_screen], hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="qt_table",
        column_config={
            "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD", width="small"),
            "kind": st.column_config.TextColumn("Kind", width="small"), "speaker": "Speaker",
            "text": st.column_config.TextColumn("Quote", width="large"), "side": st.column_config.TextColumn("Side", width="small"),
            "themes": "Value chains", "speaker_role": "Role", "article": "Article", "source": "Source",
        },
    )

    st.subheader("Read a quote in its paragraph")
    opened = st.session_state.get("qt_open")  # a quote opened by a link may lie below the rows offered
    further = (every.iloc[np.flatnonzero(keep & (every["quote_id"] == opened).to_numpy())]
               if opened and not (rows["quote_id"].head(500) == opened).any() else None)
    by_id = tables.open_from_table(picked, rows, "quote_id", "qt_open", also=further)
    options = list(by_id.index)

    text = by_id["text"].astype("string")
    labels = dict(zip(by_id.index, tables.date_labels(by_id["date"]) + " · "
                      + by_id["speaker"].replace("", "unattributed") + ": " + text.str.slice(0, 89)
                      + text.str.len().gt(89).map({True: "…", False: ""})))
    chosen = st.selectbox("Quote", options, format_func=labels.__getitem__, key="qt_open",
                          help="Or select a row in the table above.")
    app.sync_url()
    if chosen is not None:
        q = by_id.loc[chosen]
        if int(q["para_no"]) == HEADLINE:  # a headline quote: offsets into the title
            paragraphs = [str(q["article"])]
            spans = [(0, int(q["start"]), int(q["end"]))]
        else:
            paragraphs = reader.paragraphs_of(v, q["article_id"])
            spans = quote_spans(paragraphs, int(q["para_no"]), int(q["start"]), int(q["end"]), str(q["text"]))
        meta = [q["speaker"] or "unattributed", q["speaker_role"], q["side"], f"{q['kind']} quote",
                f"cue: {q['cue']}", f"found by: {str(q['rule']).replace('_', ' ')}", tables.date_label(q["date"])]
        st.markdown(md_escape(" · ".join(str(m) for m in meta if m)))
        st.page_link("pages/articles.py", label="From: " + md_escape(f"{q['article']} · {q['source']}"),
                     icon=":material/article:", query_params=tables.reader_params(q["article_id"]),
                     help="Read the whole article")
        who = next((str(n) for n in (q["person"], q["speaker"]) if pd.notna(n) and str(n) in v.who_names()), "")
        if who:  # only a name the People & organisations page knows: "government" is nobody's page
            tables.who_link(who, f"All about {who}")
        searches = reader.searches(v.filters.q, search)
        if spans:
            first, last = spans[0][0], spans[-1][0]
            shown_paras = [(n, paragraphs[n]) for n in range(first, last + 1)]
            marks = {n: reader.search_spans(text, searches) for n, text in shown_paras}
            for p, s, e in spans:
                marks[p].append((s, e, "quote", "quote"))
        else:
            st.warning("The quote's position does not match its article's paragraphs; showing the quote alone.")
            shown_paras = [(0, str(q["text"]))]
            marks = {0: reader.search_spans(shown_paras[0][1], searches)}
        if searches:
            reader.legend(["quote", "search"] if spans else ["search"])
        reader.render_paragraphs(shown_paras, marks)

with tab_people:
    speakers = v.memo("speakers", lambda: charts.speakers_table(v.quote_labels(), n=15))
    if speakers.empty:
        st.info("No quote in these articles names its speaker.", icon=":material/person_off:")
    else:
        left, right = st.columns(2)
        with left:
            st.subheader("Who speaks most")
            st.plotly_chart(charts.speakers_figure(speakers), key="qt_speakers")
        with right:
            st.subheader("On which value chains")
            matrix = v.memo("speaker_chains", lambda: charts.speaker_chains(v.quote_chains(), list(speakers["speaker"]),
                                                                            v.chains))
            st.plotly_chart(charts.speaker_chains_figure(matrix), key="qt_speaker_chains")
        st.subheader("EU and Kazakhstan voices by value chain")
        sides = v.memo("side_chains", lambda: charts.side_chains(v.quote_chains(), v.chains))
        st.plotly_chart(charts.side_chains_figure(sides), key="qt_sides")
        st.caption("A quote counts for each value chain it mentions itself; “unspecified” quotes name none.")
        st.dataframe(speakers, hide_index=True, width="stretch",
                     column_config={"speaker": "Speaker", "role": "Role", "side": "Side", "quotes": "Quotes",
                                    "direct": "Direct", "reported": "Reported", "articles": "Articles"})
