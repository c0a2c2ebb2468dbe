"""Streamlit-side shared code: cached loading, the sidebar with its URL sync, the search index, the filtered
view and empty states (the highlighted reader is ui/reader.py).

The entrypoint (dashboard.py) calls `sidebar()` once per run; pages call `view()` to
get the filtered corpus and never load or parse anything themselves.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from loaders import Corpus, corpus_fingerprint, load_corpus, query, schema, search
from ui import charts
from ui import filters as uf
from ui.text import counted, md_escape

ROOT = Path(__file__).resolve().parents[1]
DATA_ENV = "DASHBOARD_DATA"
DEFAULT_DATA = "data/articles"
MAX_ROWS = 2000
FINGERPRINT_TTL = 60.0
UPLOAD_TYPES = ["txt", "json", "jsonl", "csv"]
KEYS = {"from": "f_from", "to": "f_to", "theme": "f_theme", "source": "f_source",
        "speaker": "f_speaker", "side": "f_side", "q": "f_q"}
SEARCH_HELP = ('Whole words, any case: `lithium battery` (both) · `"green hydrogen"` (phrase) · '
               '`lithium OR cobalt` · `-coal` (exclude) · `electroly*` (prefix).')
# The server holds one corpus for hours: the system allocator hands freed Parquet read buffers back,
# where Arrow's default mimalloc pool kept about as much again as the tables themselves.
pa.set_memory_pool(pa.system_memory_pool())


@dataclass(frozen=True)
class View:
    """What pages draw: the filtered corpus, the whole one, the filters and the theme names (the whole corpus's)."""

    corpus: Corpus
    full: Corpus
    filters: uf.Filters
    chains: tuple[str, ...]
    themes: tuple[str, ...]
    _memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def cross(self) -> tuple[str, ...]:
        """The cross-cutting themes (all themes that are not value chains)."""
        return tuple(t for t in self.themes if t not in self.chains)

    def memo(self, name: str, build: Callable[[], Any]) -> Any:
        """`build()` computed once per view (i.e. per filter change), for aggregates several widgets share."""
        if name not in self._memo:
            self._memo[name] = build()
        return self._memo[name]

    def main_chain(self) -> pd.Series:
        """Main value chain of each filtered article (aligned with corpus.articles)."""
        c = self.corpus
        return self.memo("main_chain", lambda: charts.main_chain(c.articles, c.mentions, self.chains))

    def titles(self) -> pd.Series:
        """Article title by article_id, over the whole corpus."""
        return self.memo("titles", lambda: self.full.articles.set_index("article_id")["title"])

    def article_info(self) -> pd.DataFrame:
        """Title (in full), source (labelled, `uf.source_labels`) and url by article_id, over the whole corpus:
        what a table of quotes shows and exports of each quote's article."""
        def build() -> pd.DataFrame:
            articles = self.full.articles
            return pd.DataFrame({"title": articles["title"], "source": uf.source_labels(articles["source"]),
                                 "url": articles["url"].astype("string").fillna("")}).set_axis(articles["article_id"])
        return self.memo("article_info", build)


def data_path() -> Path:
    """The data folder: $DASHBOARD_DATA (default data/articles), relative to the repository root."""
    path = Path(os.environ.get(DATA_ENV) or DEFAULT_DATA)
    return path if path.is_absolute() else ROOT / path


def empty_corpus(reason: str = "") -> Corpus:
    """A corpus with no rows (and one rejected row naming `reason`, if given), with the default lexicon's themes."""
    tables = {name: schema.empty(name) for name in schema.TABLES}
    if reason:
        tables["rejected"] = schema.conform("rejected", pd.DataFrame({"origin": [str(data_path())], "reason": [reason]}))
    return Corpus.from_tables(tables, f"empty:{reason}")


@dataclass
class _LoadedCorpora:
    """The corpora this server has loaded, by (path, fingerprint), shared by every session."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    by_key: dict[tuple[str, str], Corpus] = field(default_factory=dict)


@st.cache_resource
def _loaded() -> _LoadedCorpora:
    """The one store of loaded corpora.

    A resource cache, not st.cache_data: a Corpus is frozen and never mutated, and
    cache_data would unpickle a full copy of every table on every rerun (hundreds of
    MB at 100,000 articles). Loading happens outside any cached function so that a
    build can draw its progress bar.
    """
    return _LoadedCorpora()


def load_cached(path: str, fingerprint: str, progress: Callable[[int, int], None] | None = None) -> Corpus:
    """The corpus in `path`, loaded once per `fingerprint`; a new fingerprint replaces the old corpus."""
    store = _loaded()
    with store.lock:
        key = (path, fingerprint)
        if key in store.by_key:
            return store.by_key[key]
        corpus = load_corpus(path, progress=progress, fingerprint=fingerprint)
        if corpus.fingerprint == fingerprint:  # a failed read of a dataset carries another key: never kept
            store.by_key = {key: corpus}
        return corpus


def _fingerprint(path: Path) -> str:
    """corpus_fingerprint of `path`, recomputed at most once a minute per session (it stats every file)."""
    cached = st.session_state.get("_fingerprint")
    now = time.monotonic()
    if cached and cached[0] == str(path) and now - cached[2] < FINGERPRINT_TTL:
        return cached[1]
    value = corpus_fingerprint(path)
    st.session_state["_fingerprint"] = (str(path), value, now)
    return value


def base_corpus() -> tuple[Corpus, str]:
    """The corpus of the data folder and an error message ("" when it loaded)."""
    path = data_path()
    bar = st.empty()

    def progress(done: int, total: int) -> None:
        bar.progress(done / total, text=f"Building tables: {done:,} of {total:,} files")

    try:
        with st.spinner("Loading articles…"):
            return load_cached(str(path), _fingerprint(path), progress), ""
    except FileNotFoundError:
        message = (f"Data folder {path} not found: start the app with `make run DATA=FOLDER` (or set {DATA_ENV}), "
                   "or upload articles in the sidebar.")
        return empty_corpus(message), message
    finally:
        bar.empty()


def _with_uploads(base: Corpus) -> tuple[Corpus, str]:
    """The sidebar uploader, and `base` combined with the uploaded files (cached per session and file set)."""
    files = st.file_uploader(
        "Add your own articles", type=UPLOAD_TYPES, accept_multiple_files=True, key="upload",
        help="Plain text (a `date YYYY-MM-DD` line, title, body), JSON, JSON Lines or CSV records. "
             "They stay in this browser session only.",
    )
    if not files:
        return base, ""
    key = (base.fingerprint, tuple((f.file_id, f.name, f.size) for f in files))
    cached = st.session_state.get("_upload")
    if cached and cached[0] == key:
        return cached[1], cached[2]
    try:
        uploaded = load_corpus([(f.name, f.getvalue()) for f in files], cache_dir=False)
        combined, error = base.combine(uploaded), ""
    except Exception as err:  # any failure of a user's file becomes a message, never a traceback
        combined = base
        error = f"Could not read the uploaded files ({type(err).__name__}). Check they are UTF-8 text, JSON or CSV article files."
    st.session_state["_upload"] = (key, combined, error)
    return combined, error


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


def _read_url(options: dict[str, list[str]]) -> None:
    """On a session's first run: the URL's filters into the widget keys, and their warnings kept for display."""
    if st.session_state.get("_url_read"):
        return
    st.session_state["_url_read"] = True
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    filters, warnings = uf.parse_params(
        params, themes=options["theme"], sources=options["source"], speakers=options["speaker"]
    )
    _set_widgets(filters)
    st.session_state["_url_warnings"] = (filters, warnings)


def _set_widgets(filters: uf.Filters) -> None:
    st.session_state.update({
        KEYS["from"]: filters.date_from, KEYS["to"]: filters.date_to, KEYS["theme"]: list(filters.themes),
        KEYS["source"]: list(filters.sources), KEYS["speaker"]: list(filters.speakers),
        KEYS["side"]: list(filters.sides), KEYS["q"]: filters.q,
    })


def _keep_known(key: str, options: Iterable[str]) -> None:
    known = set(options)
    st.session_state[key] = [v for v in st.session_state.get(key) or [] if v in known]


def _filter_widgets(options: dict[str, list[str]]) -> uf.Filters:
    """The filter widgets; returns their values as Filters (an inverted date range is ignored with a note)."""
    if st.button("Reset filters", icon=":material/filter_alt_off:"):
        _set_widgets(uf.Filters())
    left, right = st.columns(2)
    bounds = dict(min_value=uf.DATE_MIN, max_value=uf.DATE_MAX, format="YYYY-MM-DD")
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
    if date_from and date_to and date_from > date_to:
        st.warning("From is after To: the date range is ignored.")
        date_from = date_to = None
    return uf.Filters(
        date_from=date_from, date_to=date_to, themes=tuple(ss[KEYS["theme"]]), sources=tuple(ss[KEYS["source"]]),
        speakers=tuple(ss[KEYS["speaker"]]), sides=tuple(ss[KEYS["side"]]), q=q,
    )


def search_notes(text: str) -> None:
    """One small warning per part of the search `text` that was ignored or cut (unclosed quote, lone OR, ...)."""
    for note in query.parse(text).notes:
        st.warning(md_escape(note), icon=":material/manage_search:")


@st.cache_resource(max_entries=4, show_spinner="Indexing the articles for search…")
def _search_index(fingerprint: str, _corpus: Corpus) -> search.SearchIndex:
    """The full-text index of the corpus `fingerprint`: opened (or built once) per server, shared by every session."""
    return search.for_corpus(_corpus)


def search_index(corpus: Corpus) -> search.SearchIndex:
    """The full-text index of `corpus` (see loaders/search.py): stored with its dataset, or built in memory."""
    return _search_index(corpus.fingerprint, corpus)


def sidebar() -> View:
    """Draws the shared sidebar (filters, uploads, rejected files), syncs the URL and stores the filtered view."""
    base, load_error = base_corpus()
    with st.sidebar:
        options = _options(base.fingerprint, base)
        _read_url(options)
        st.header("Filters")
        filters_box = st.container()
        st.divider()
        full, upload_error = _with_uploads(base)
        options = _options(full.fingerprint, full)
        with filters_box:
            filters = _filter_widgets(options)
        if upload_error:
            st.error(upload_error)
        rejected = full.rejected
        with st.expander(f"Rejected files ({len(rejected)})", expanded=False):
            if rejected.empty:
                st.caption("Every file became an article.")
            else:
                st.dataframe(rejected.head(MAX_ROWS), hide_index=True, width="stretch")
                if len(rejected) > MAX_ROWS:
                    st.caption(f"First {MAX_ROWS:,} of {len(rejected):,}.")
        st.caption(f"{counted(len(full.articles), 'article')} loaded from `{md_escape(data_path().name)}`"
                   + (" plus your uploads." if full is not base else "."))
    if load_error:
        st.error(load_error)
    st.query_params.from_dict(uf.to_params(filters))
    parsed = st.session_state.get("_url_warnings")
    if parsed and parsed[0] == filters and parsed[1]:
        st.warning("  \n".join(md_escape(line) for line in uf.warning_lines(parsed[1])), icon=":material/link_off:")
    key = (full.fingerprint, filters)
    cached = st.session_state.get("_view")
    if cached and cached[0] == key:
        return cached[1]
    corpus = replace(full, **uf.apply_filters(full.tables(), filters, search_index(full) if filters.q else None))
    view_ = View(corpus=corpus, full=full, filters=filters, chains=full.value_chains, themes=full.themes)
    st.session_state["_view"] = (key, view_)
    return view_


@contextmanager
def entrypoint() -> Iterator[None]:
    """Marks the entrypoint's run, so `view()` knows the sidebar was drawn by it."""
    st.session_state["_in_entrypoint"] = True
    st.session_state["_left_pages_mode"] = False
    try:
        yield
    finally:
        st.session_state["_in_entrypoint"] = False


def view() -> View:
    """The filtered view the entrypoint's sidebar stored for this run.

    Because the page files live in pages/, Streamlit starts in its pages/-folder mode
    (PagesManager.uses_pages_directory) until a run reaches st.navigation: the first
    run of a fresh server deep-linked to /timeline, and every AppTest run, execute the
    page file alone. A page run without the entrypoint leaves that mode and reruns
    once, so dashboard.py (wide layout, navigation, sidebar) runs the same page; if
    that does not help, the page draws the sidebar itself.
    """
    if st.session_state.get("_in_entrypoint"):
        return st.session_state["_view"][1]
    if not st.session_state.get("_left_pages_mode"):
        st.session_state["_left_pages_mode"] = True
        PagesManager.uses_pages_directory = False
        st.rerun()
    return sidebar()


def page(title: str, *, caption: str | None = None, quotes: bool = False) -> View:
    """The page's view, under its title; stops the page with a friendly note when there is nothing to draw."""
    v = view()
    st.title(title)
    if caption:
        st.caption(caption)
    if _empty_state(v, quotes=quotes):
        st.stop()
    return v


def _empty_state(v: View, *, quotes: bool) -> bool:
    """Shows a friendly st.info when the filters leave nothing to draw; True if so."""
    if v.full.articles.empty:
        st.info("No articles are loaded yet. Upload article files in the sidebar, or start the app with "
                f"`make run DATA=FOLDER` (or `{DATA_ENV}`) pointing at a folder of articles.", icon=":material/inbox:")
        return True
    if v.corpus.articles.empty:
        hints = uf.loosen_hints(v.full.tables(), v.filters, search_index(v.full) if v.filters.q else None)
        tips = [f"clearing **{label}** ({n:,} article{'s' if n != 1 else ''})" for label, n in hints]
        advice = ("Try " + ", or ".join(tips) + ".") if tips else "Try resetting the filters."
        st.info(f"No articles match the current filters. {advice}", icon=":material/filter_alt_off:")
        return True
    if quotes and v.corpus.quotes.empty:
        narrow = [name for name, on in (("speakers", v.filters.speakers), ("side", v.filters.sides)) if on]
        advice = f"Try clearing **{'** or **'.join(narrow)}**." if narrow else "These articles quote nobody."
        st.info(f"{len(v.corpus.articles):,} articles match, but none of their quotes do. {advice}",
                icon=":material/format_quote:")
        return True
    return False


def capped(frame: pd.DataFrame, what: str, limit: int = MAX_ROWS, total: int | None = None) -> pd.DataFrame:
    """The first `limit` rows of `frame`, with a caption when rows were left out (of `total`, when `frame` is
    already a head of a longer table)."""
    total = len(frame) if total is None else total
    if total > limit:
        st.caption(f"Showing the first {limit:,} of {total:,} {what}; narrow the filters or download to see all.")
        return frame.head(limit)
    return frame


def open_from_table(picked: Any, rows: pd.DataFrame, id_column: str, key: str, limit: int = 500) -> pd.DataFrame:
    """The first `limit` rows indexed by `id_column`, for a selectbox keyed `key` that opens one of them.

    A newly clicked row of the table `picked` (st.dataframe's selection) becomes the open one;
    otherwise the open one stays, or falls back to the first row when the filters dropped it.
    """
    by_id = rows.head(limit).drop_duplicates(id_column).set_index(id_column)
    selected = list(picked.selection.rows) if picked else []
    if selected != st.session_state.get(f"{key}_last_row"):
        st.session_state[f"{key}_last_row"] = selected
        if selected and selected[0] < len(rows):
            st.session_state[key] = rows[id_column].iat[selected[0]]
    if st.session_state.get(key) not in by_id.index:
        st.session_state[key] = by_id.index[0] if len(by_id) else None
    return by_id


def date_label(day: dt.date | pd.Timestamp | None) -> str:
    """YYYY-MM-DD, or an em dash for a missing date."""
    return "—" if day is None or pd.isna(day) else pd.Timestamp(day).strftime("%Y-%m-%d")


def date_labels(dates: pd.Series) -> pd.Series:
    """`date_label` of every date in a datetime column, as one column operation."""
    return dates.dt.strftime("%Y-%m-%d").fillna("—")
