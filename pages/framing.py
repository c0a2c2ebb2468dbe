"""Framing: what EU-side and Kazakhstan-side speakers say, side by side: the words and themes each side uses
more than the other (per value chain and per year), and the quotes behind a word."""

import numpy as np
import pandas as pd
import streamlit as st

from ui import app, charts, tables
from ui.text import counted, md_escape
from ui.view import ROW

F = charts.framing
EU, KZ = F.SIDES
QUOTES_SHOWN = 200

v = app.page("Framing", caption="How the two sides talk about the partnership: the words and themes EU-side "
                                "speakers use more than Kazakhstan-side ones, and the other way round.", quotes=True)


def keep_known(key: str, options: list[str]) -> None:
    """Forgets the session's (or the link's) value of widget `key` when it is not one of `options` here."""
    if st.session_state.get(key) is not None and st.session_state[key] not in options:
        st.caption(md_escape(f"“{st.session_state[key]}” is not offered for these articles; showing the default instead."))
        del st.session_state[key]


def words(counts: F.TermCounts, years: list[str]) -> tuple[str, pd.DataFrame]:
    """The two sides' distinctive words in the chosen year (or all years); returns the year and the ranked words."""
    st.subheader("Words each side uses more")
    year = st.selectbox("Year", [F.ALL, *reversed(years)], key="fr_year",
                        format_func=lambda y: "All years" if y == F.ALL else y)
    top = v.memo(f"framing_top_{chain}_{year}", lambda: F.distinctive_terms(counts, year))
    if year != F.ALL and not counts.quotes[years.index(year)].all():
        st.info(f"Only one side is quoted in {year} in these articles; choose another year to compare.",
                icon=":material/compare_arrows:")
    elif top.empty:
        st.info(f"No word is used by {F.MIN_QUOTES} or more of these quotes; widen the filters to compare words.",
                icon=":material/text_fields:")
    else:
        for column, who in zip(st.columns(2), F.SIDES):
            with column:
                st.markdown(f"**Used more by {who}-side speakers**")
                if (top["side"] == who).any():
                    st.altair_chart(F.terms_figure(top, who), key=f"fr_terms_{who}")
                else:
                    st.caption(f"No word leans towards {who}.")
        st.caption(f"A word counts once per quote; only words in {F.MIN_QUOTES} or more of the compared quotes are "
                   "ranked. The lean is a log-odds z-score: beyond 1.96 (solid bars) the difference is unlikely to be "
                   "chance; pale bars lean the same way but within chance.")
    return year, top


def themes(counts: F.TermCounts, side: np.ndarray) -> None:
    """The share of each side's quotes touching each theme."""
    st.subheader("Themes each side raises")
    mentions = v.memo(f"framing_themes_{chain}", lambda: F.theme_counts(counts, v.term_themes(), len(v.themes), len(side)))
    st.altair_chart(v.memo(f"framing_themes_figure_{chain}",
                           lambda: F.themes_figure(F.side_themes(mentions, side, v.themes))), key="fr_themes")
    st.caption("The share of each side's quotes that use a term of the theme (lexicon.toml); hover a bar for its lean.")


def per_year(counts: F.TermCounts) -> None:
    """Each year's most distinctive words of each side, newest year first."""
    st.subheader("Distinctive words per year")
    by_year = v.memo(f"framing_years_{chain}", lambda: F.distinctive_by_group(counts))
    if by_year.empty:
        st.info("No year has quotes from both sides.", icon=":material/calendar_month:")
        return
    st.dataframe(by_year.iloc[::-1], hide_index=True, width="stretch",
                 column_config={"group": "Year", EU: "EU side uses more", KZ: "Kazakhstan side uses more",
                                f"{EU} quotes": "EU quotes", f"{KZ} quotes": "Kazakhstan quotes"})


def _used(counts: F.TermCounts, term: str) -> bool:
    """Whether the compared quotes use `term` (counts.terms holds only the terms they use, A-Z)."""
    at = int(np.searchsorted(counts.terms, term))
    return at < len(counts.terms) and counts.terms[at] == term


def quotes_behind(counts: F.TermCounts, offered: list[str], year: str, chosen: np.ndarray, side: np.ndarray) -> None:
    """A word's quotes from each side (in the chosen year), newest first; a row opens its article. `chosen`: the
    compared quotes' positions in `compared`, `side` theirs."""
    st.subheader("The quotes behind a word")
    offered = list(dict.fromkeys(offered))
    wanted = st.session_state.get("fr_term")
    if wanted and wanted not in offered and _used(counts, wanted):
        offered.append(wanted)  # a linked word outside the top lists is still offered, if these quotes use it
    keep_known("fr_term", offered)
    term = st.selectbox("Word", offered, index=None, key="fr_term", placeholder="Choose a word",
                        help="One of the words above; its quotes from both sides, newest first.")
    if term is None:
        st.info("Choose a word to read the quotes that use it.", icon=":material/touch_app:")
        return
    code = int(np.searchsorted(counts.terms, term))
    behind = np.unique(counts.quote_of[counts.term_of == code])  # positions in `chosen`, newest first
    if year != F.ALL:
        behind = behind[np.asarray(named)[year_of[behind]] == year]
    quotes, info = v.full.quotes, v.article_info()
    for column, (number, who) in zip(st.columns(2), enumerate(F.SIDES)):
        rows = compared[ROW].to_numpy()[chosen[behind[side[behind] == number]]]
        with column:
            st.markdown(f"**{who} side: {counted(len(rows), 'quote')}**")
            if not len(rows):
                continue
            shown = quotes.iloc[rows[:QUOTES_SHOWN]]
            table = shown[["article_id", "date"]].assign(
                speaker=shown["speaker"].astype("string").fillna(""), text=shown["text"].to_numpy(),
                article=info["title"].reindex(shown["article_id"].astype("string")).to_numpy())
            tables.article_table(
                tables.capped(table, "quotes", limit=QUOTES_SHOWN, total=len(rows)),
                ["date", "speaker", "text", "article"], key=f"fr_quotes_{who}",
                column_config={"date": st.column_config.DateColumn("Date", format="YYYY-MM-DD", width="small"),
                               "speaker": "Speaker", "text": st.column_config.TextColumn("Quote", width="large"),
                               "article": "Article"})
    st.caption("Select a row to read the quote's article.")


compared, passing = v.compared_quotes()
chains = [F.ALL, *v.chains]
keep_known("fr_chain", chains)
chain = st.segmented_control("Value chain", chains, default=F.ALL, required=True, key="fr_chain",
                             format_func=lambda c: "All chains" if c == F.ALL else c,
                             help="Quotes from articles whose main value chain this is.")


def in_chain(name: str) -> np.ndarray:
    """The positions of `passing` (compared quotes that pass the filters) from articles whose main chain is `name`."""
    code = compared["chain"].cat.categories.get_indexer([name])[0]
    return passing[compared["chain"].cat.codes.to_numpy()[passing] == code] if code >= 0 else passing[:0]


chosen = passing if chain == F.ALL else v.memo(f"framing_chosen_{chain}", lambda: in_chain(chain))
side = compared["side"].to_numpy()[chosen]
per_side = np.bincount(side, minlength=2)
year_of = compared["year"].cat.codes.to_numpy()[chosen]  # the year's position in the sorted categories
named = list(compared["year"].cat.categories.astype(str))
present = np.bincount(year_of, minlength=len(named)) > 0
years = [y for y, here in zip(named, present) if here and y]
keep_known("fr_year", [F.ALL, *years])
if per_side.all():
    st.caption(f"Comparing {counted(int(per_side[0]), 'EU-side quote')} with "
               f"{counted(int(per_side[1]), 'Kazakhstan-side quote')}{'' if chain == F.ALL else ' from articles about ' + chain}.")
    group_of = np.array([years.index(y) if y in years else len(years) for y in named], dtype=np.int64)
    counts = v.memo(f"framing_{chain}", lambda: F.term_counts(
        v.compared_terms(), None if len(chosen) == len(compared) else chosen, side, group_of[year_of], [*years, ""]))
    year, top = words(counts, years)
    themes(counts, side)
    per_year(counts)
    quotes_behind(counts, list(top["term"]), year, chosen, side)
else:  # the page is drawn without a stop: a stopped run keeps no sidebar in AppTest
    missing = EU if not per_side[0] else KZ
    st.info(f"No {missing}-side speaker is quoted in these articles{'' if chain == F.ALL else ' about ' + chain}, "
            "so there is nothing to compare. Widen the filters or choose another value chain.",
            icon=":material/compare_arrows:")
app.sync_url()
