"""The shared sidebar: the filter widgets (set from the URL when it brings a new view), the uploader, and the
filtered view every page draws from."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from loaders import Corpus, query
from ui import filters as uf
from ui import loading, uploads, url
from ui.text import counted, md_escape
from ui.view import View, uploaded

KEYS = {"from": "f_from", "to": "f_to", "theme": "f_theme", "source": "f_source",
        "speaker": "f_speaker", "side": "f_side", "q": "f_q", "count": "f_count"}
SEARCH_HELP = ('Whole words, any case: `lithium battery` (both) · `"green hydrogen"` (phrase) · '
               '`lithium OR cobalt` · `-coal` (exclude) · `electroly*` (prefix).')
# Streamlit 1.67's date field takes a typed date when the focus leaves it, not on Enter: say so.
DATE_HELP = "Pick a day in the calendar, or type it and click outside the box to apply it."
NARROWS = ("Dates, themes, sources and the search choose articles; speakers and side choose quotes and the "
           "articles that have them. Every page counts what passes.")
STORY_HELP = ("The same wire story republished by several outlets, lightly edited, is one story. On: only the first "
              "copy of each story that passes the filters is kept, so the story and each quote in it count once.")


@dataclass(frozen=True)
class _UrlNotes:
    """The warnings of the last URL read, and the filters it gave: shown while those filters stand."""

    filters: uf.Filters
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Notices:
    """What the sidebar has to tell this run, drawn under the page's title (`notices`)."""

    load_error: str
    upload_error: str
    url_warnings: tuple[str, ...]


@dataclass(frozen=True)
class _CachedView:
    fingerprint: str
    filters: uf.Filters
    view: View


@st.cache_data(max_entries=8, show_spinner=False)
def _options(fingerprint: str, _full: Corpus) -> dict[str, list[str]]:
    """Widget options of the corpus with `fingerprint`: its lexicon's themes, sources A–Z (then uf.UNKNOWN_SOURCE
    if some article has none), speakers by quote count (people first, then speakers that are no person, such as
    institutions), sides."""
    full = _full
    sources = full.articles["source"].astype("string").fillna("")
    unknown = [uf.UNKNOWN_SOURCE] if uf.no_source(full.articles["source"]).any() else []
    person = full.quotes["person"].astype("string").fillna("")
    speakers = full.quotes["speaker"].astype("string").fillna("")
    by_count = speakers[(speakers != "") & (person == "")].value_counts()
    people = full.people.sort_values(["n_quotes", "name"], ascending=[False, True])["name"].tolist()
    return {
        "theme": list(full.themes),
        "source": list(dict.fromkeys([*sorted(s for s in sources.unique() if s.strip()), *unknown])),
        "speaker": list(dict.fromkeys([*people, *sorted(by_count.index, key=lambda n: (-by_count[n], n))])),
        "side": list(uf.SIDES),
    }


@st.cache_resource(max_entries=4)
def _shared(fingerprint: str) -> dict:
    """The per-article aggregates of the corpus `fingerprint` (`View.once`): one store per server, shared by
    every session and filter."""
    return {}


def _session_shared(fingerprint: str) -> dict:
    """The per-article aggregates of this session's corpus with its uploads (`View.once`): kept in the session,
    for its current upload only, so that uploads never push the data folder's out of the server's store."""
    held: dict[str, dict] = st.session_state.get("_upload_shared") or {}
    if fingerprint not in held:
        held = st.session_state["_upload_shared"] = {fingerprint: {}}
    return held[fingerprint]


def _read_url(page: str, corpus: Corpus, options: dict[str, list[str]]) -> None:
    """When the URL brings a view the session has not drawn (first run, a link, Back/Forward): its filters and
    `page`'s own state into the widgets, and its warnings kept for display."""
    if not url.arrived(page):
        return
    params = url.current()
    filters, warnings = uf.parse_params(params, themes=options["theme"], sources=options["source"],
                                        speakers=options["speaker"])
    _set_widgets(filters)
    warnings += url.read_page(page, params, corpus)
    st.session_state["_url_notes"] = _UrlNotes(filters, tuple(warnings))


def _set_widgets(filters: uf.Filters) -> None:
    st.session_state.update({
        KEYS["from"]: filters.date_from, KEYS["to"]: filters.date_to, KEYS["theme"]: list(filters.themes),
        KEYS["source"]: list(filters.sources), KEYS["speaker"]: list(filters.speakers),
        KEYS["side"]: list(filters.sides), KEYS["q"]: filters.q, KEYS["count"]: filters.per_story,
    })


def _keep_known(key: str, options: list[str]) -> None:
    known = set(options)
    st.session_state[key] = [v for v in st.session_state.get(key) or [] if v in known]


def _date_bounds(full: Corpus) -> dict:
    """The date inputs' range: the corpus's publication span (the calendar opens there), widened to hold the
    dates already chosen."""
    dates = full.articles["date"].dropna()
    if dates.empty:
        return dict(min_value=uf.DATE_MIN, max_value=uf.DATE_MAX)
    chosen = [d for d in (st.session_state.get(KEYS["from"]), st.session_state.get(KEYS["to"])) if d]
    low = min([dates.min().date(), *chosen])
    high = max([dates.max().date(), *chosen])
    return dict(min_value=low, max_value=high)


def _filter_widgets(full: Corpus, options: dict[str, list[str]]) -> uf.Filters:
    """The filter widgets; returns their values as Filters (an inverted date range is ignored with a note)."""
    if st.button("Reset filters", icon=":material/filter_alt_off:"):
        _set_widgets(uf.Filters())
    st.caption(NARROWS)
    left, right = st.columns(2)
    bounds = dict(**_date_bounds(full), format="YYYY-MM-DD", help=DATE_HELP)
    date_from = left.date_input("From", key=KEYS["from"], **bounds)
    date_to = right.date_input("To", key=KEYS["to"], **bounds)
    for name, label in (("theme", "Themes"), ("source", "Sources"), ("speaker", "Speakers"), ("side", "Side")):
        _keep_known(KEYS[name], options[name])
        st.multiselect(label, options[name], key=KEYS[name], placeholder="Any")
    st.text_input("Search articles", key=KEYS["q"], placeholder='words, "a phrase", OR, -word, prefix*',
                  max_chars=uf.MAX_Q, help=SEARCH_HELP)
    ss = st.session_state
    q = " ".join((ss[KEYS["q"]] or "").split())
    search_notes(q)
    st.toggle("Count each story once", key=KEYS["count"], help=STORY_HELP)
    if date_from and date_to and date_from > date_to:
        st.warning("From is after To: the date range is ignored.")
        date_from = date_to = None
    return uf.Filters(
        date_from=date_from, date_to=date_to, themes=tuple(ss[KEYS["theme"]]), sources=tuple(ss[KEYS["source"]]),
        speakers=tuple(ss[KEYS["speaker"]]), sides=tuple(ss[KEYS["side"]]), q=q, per_story=bool(ss[KEYS["count"]]),
    )


def search_notes(text: str) -> None:
    """One small warning per part of the search `text` that was ignored or cut (unclosed quote, lone OR, ...)."""
    for note in query.parse(text).notes:
        st.warning(md_escape(note), icon=":material/manage_search:")


def sidebar(page: str) -> View:
    """Draws the shared sidebar (filters, uploads), syncs the URL to `page`'s view, keeps the run's notices for
    `notices`, and returns the filtered view (kept per session until the filters change)."""
    base, load_error = loading.base_corpus()
    with st.sidebar:
        st.header("Filters")
        filters_box = st.container()
        st.divider()
        full, upload_error = uploads.with_uploads(base)
        options = _options(full.fingerprint, full)
        _read_url(page, full, options)  # against the uploads too: a link may open an uploaded article
        with filters_box:
            filters = _filter_widgets(full, options)
        folder_rejected = 0 if load_error else len(full.rejected) - int(uploaded(full.rejected["origin"]).sum())
        folder = loading.data_path().name.replace("`", "'")  # in a code span, where Markdown escapes do not apply
        st.caption(f"{counted(len(full.articles), 'article')} loaded from `{folder}`"
                   + (" plus your uploads" if full is not base else "")
                   + (f"; {counted(folder_rejected, 'file')} could not be read (listed on the Articles page)."
                      if folder_rejected else "."))
    url.sync(page, filters)
    notes: _UrlNotes | None = st.session_state.get("_url_notes")
    st.session_state["_notices"] = Notices(
        load_error, upload_error, notes.warnings if notes and notes.filters == filters else ())
    cached: _CachedView | None = st.session_state.get("_view")
    if cached and cached.fingerprint == full.fingerprint and cached.filters == filters:
        return cached.view
    index = loading.search_index(full) if filters.q else None
    shared = _shared(full.fingerprint) if full is base else _session_shared(full.fingerprint)
    tables = full.tables()
    positions = uf.kept_positions(tables, shared.setdefault("article_positions", {}))  # with the corpus's aggregates
    view = View(corpus=uf.apply_filters(tables, filters, index, positions), full=full, filters=filters,
                chains=full.value_chains, themes=full.themes, shared=shared)
    st.session_state["_view"] = _CachedView(full.fingerprint, filters, view)
    return view


def rejected_rows(full: Corpus) -> pd.DataFrame:
    """The data folder's files that did not become articles, with their reasons (uploads are shown apart)."""
    return full.rejected[~uploaded(full.rejected["origin"])]


def notices(full: Corpus) -> None:
    """The run's notices in the main area: the data folder's load error, the upload's, the link's warnings."""
    found: Notices | None = st.session_state.get("_notices")
    if found is None:
        return
    if found.load_error:
        st.error(found.load_error)
    uploads.notice(full, found.upload_error)
    if found.url_warnings:
        st.warning("  \n".join(md_escape(line) for line in uf.warning_lines(found.url_warnings)),
                   icon=":material/link_off:")
