"""The page lifecycle: the entrypoint draws the sidebar once per run, and each page asks `page()` for its
filtered view, under its title and the run's notices, or stops with a friendly empty state.

Pages never load or parse anything themselves: the view comes from ui/sidebar.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from ui import filters as uf
from ui import loading, sidebar, url
from ui.view import View


@contextmanager
def entrypoint(page: str) -> Iterator[None]:
    """The entrypoint's run for the page at URL path `page` ("" for the default page): the sidebar is drawn
    inside it, so `view()` knows the view is ready."""
    st.session_state["_in_entrypoint"] = True
    st.session_state["_left_pages_mode"] = False
    st.session_state["_page"] = page
    try:
        yield
    finally:
        st.session_state["_in_entrypoint"] = False


def draw_sidebar() -> None:
    """The shared sidebar, once per run, for the page being run."""
    sidebar.sidebar(st.session_state.get("_page", ""))


def view() -> View:
    """The filtered view the entrypoint's sidebar stored for this run.

    Because the page files live in pages/, Streamlit starts in its pages/-folder mode
    (PagesManager.uses_pages_directory) until a run reaches st.navigation: the first
    run of a fresh server deep-linked to /timeline, and every AppTest run, execute the
    page file alone. A page run without the entrypoint leaves that mode and reruns
    once, so dashboard.py (wide layout, navigation, sidebar) runs the same page; if
    that does not help, the page draws the sidebar itself. Streamlit 1.67 offers no
    supported switch for this (the flag is set from the folder's existence when the
    server starts), so the write stays, pinned by tests/test_app.py and tests/test_browser.py.
    """
    if st.session_state.get("_in_entrypoint"):
        return st.session_state["_view"].view
    if not st.session_state.get("_left_pages_mode"):
        st.session_state["_left_pages_mode"] = True
        PagesManager.uses_pages_directory = False
        st.rerun()
    return sidebar.sidebar(st.session_state.get("_page", ""))


def page(title: str, *, caption: str | None = None, quotes: bool = False) -> View:
    """The page's view, under its title and the run's notices; stops the page with a friendly note when there
    is nothing to draw."""
    v = view()
    st.title(title)
    if caption:
        st.caption(caption)
    sidebar.notices(v.full)
    if _empty_state(v, quotes=quotes):
        st.stop()
    return v


def sync_url() -> None:
    """Writes the page's state to the URL after the page changed it (a row opened, a period chosen)."""
    url.sync(st.session_state.get("_page", ""), view().filters)


def _empty_state(v: View, *, quotes: bool) -> bool:
    """Shows a friendly st.info when the filters leave nothing to draw; True if so."""
    if v.full.articles.empty:
        st.info("No articles are loaded yet. Upload article files in the sidebar, or start the app with "
                f"`make run DATA=FOLDER` (or `{loading.DATA_ENV}`) pointing at a folder of articles.",
                icon=":material/inbox:")
        return True
    if not v.corpus.count("articles"):
        index = loading.search_index(v.full) if v.filters.q else None
        hints = uf.loosen_hints(v.full.tables(), v.filters, index)
        tips = [f"clearing **{label}** ({n:,} article{'s' if n != 1 else ''})" for label, n in hints]
        advice = ("Try " + ", or ".join(tips) + ".") if tips else "Try resetting the filters."
        st.info(f"No articles match the current filters. {advice}", icon=":material/filter_alt_off:")
        return True
    if quotes and not v.corpus.count("quotes"):
        st.info(f"{v.corpus.count('articles'):,} articles match, but these articles quote nobody.",
                icon=":material/format_quote:")
        return True
    return False
