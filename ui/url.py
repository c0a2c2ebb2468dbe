"""The view in the URL: the sidebar's filters (ui/filters.py) and each page's own state, so that a copied link
reopens the same view and the browser's Back and Forward step through filter changes.

Page parameters, as data (`PAGE_PARAMS`), keyed by the page's URL path:
  articles   article  the article open in the reader (article_id)
  quotes     quote    the quote open in its paragraph (quote_id)
             qq       the Quotes page's own search (same syntax as q)
             kind     direct or reported (absent: both)
  framing    chain    the value chain compared (absent: all)
             year     the year whose words are ranked (absent: all years)
             term     the word whose quotes are listed
  people     name     the person, organisation or project whose page is open
  places     place    the place whose articles are listed
  timeline   freq     week, month or quarter
             period   YYYY-MM-DD, first day of the chosen period
             date     YYYY-MM-DD, the chosen date the articles mention

The session's widgets hold the state; the URL follows them (`sync`, written only when it differs). When the
URL changes under the session (the first run, a link followed, Back or Forward), `arrived` says so and the
sidebar sets the widgets from it. A click in the page navigation drops the query string: that is a page
switch, not a new view, and the session's state is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from loaders import Corpus
from loaders.terms import SEPARATOR
from ui import filters as uf
from ui.charts.framing import ALL

MAX_TEXT = uf.MAX_Q
_WRITTEN = "_url_written"


@dataclass(frozen=True)
class PageParam:
    """One page's state in the URL: parameter `name`, the session key of the widget holding it, and its kind:
    "text", "day" (a pd.Timestamp), "one" (one of `choices`), "some" (a list of `choices`; all = absent),
    "article" or "quote" (the id of one in the corpus), "chain" (one of the corpus's value chains), "year" (one
    its articles were published in), "term" (one of its quotes' terms, quotes.terms), "name" (a person it
    quotes or an organisation or project it names) or "place" (a place it names). A value equal to
    `default` is left out of the URL."""

    name: str
    key: str
    kind: str
    choices: tuple[str, ...] = ()
    default: str | None = None


PAGE_PARAMS: dict[str, tuple[PageParam, ...]] = {
    "articles": (PageParam("article", "ar_open", "article"),),
    "quotes": (PageParam("quote", "qt_open", "quote"), PageParam("qq", "qt_q", "text"),
               PageParam("kind", "qt_kind", "some", ("direct", "reported"))),
    "framing": (PageParam("chain", "fr_chain", "chain", default=ALL), PageParam("year", "fr_year", "year", default=ALL),
                PageParam("term", "fr_term", "term")),
    "people": (PageParam("name", "wh_name", "name"),),
    "places": (PageParam("place", "pl_place", "place"),),
    "timeline": (PageParam("freq", "tl_freq", "one", ("week", "month", "quarter")),
                 PageParam("period", "tl_period", "day"), PageParam("date", "tl_event", "day")),
}


@dataclass(frozen=True)
class Written:
    """What this session last wrote to the URL, and on which page."""

    page: str
    params: dict[str, list[str]]


def current() -> dict[str, list[str]]:
    """The URL's parameters as the browser sent them: name -> every value given."""
    return {name: st.query_params.get_all(name) for name in st.query_params}


def arrived(page: str) -> bool:
    """True when the URL holds a view the session has not drawn yet: the session's first run, a link followed,
    or Back/Forward. A query string dropped by a click in the page navigation is not one."""
    written: Written | None = st.session_state.get(_WRITTEN)
    now = current()
    if written is None:
        return True
    if now == written.params:
        return False
    return bool(now) or page == written.page


def parse_page_param(param: PageParam, raws: list[str], warnings: list[str], corpus: Corpus) -> object:
    """The value of `param` that the URL's `raws` give (None when absent or unusable, with a warning); an id
    must be one of `corpus`."""
    given = [r.strip() for r in raws if r.strip()]
    if not given:
        return None
    raw = given[0]
    if "<" in raw or ">" in raw:
        warnings.append(f"{param.name}: {uf.shown(raw)} contains < or >; ignored.")
        return None
    if param.kind == "text":
        return raw[:MAX_TEXT]
    if param.kind in ("article", "quote"):
        table = corpus.articles if param.kind == "article" else corpus.quotes
        if not (table[f"{param.kind}_id"] == raw).any():
            warnings.append(f"{param.name}: no {param.kind} has the id {uf.shown(raw)}; ignored.")
            return None
        return raw
    if param.kind in CORPUS_VALUES:
        value = CORPUS_VALUES[param.kind](corpus, raw)
        if value is None:
            warnings.append(f"{param.name}: these articles have no {param.kind} {uf.shown(raw)}; ignored.")
        return value
    if param.kind == "day":
        try:
            return pd.Timestamp(dt.date.fromisoformat(raw))
        except ValueError:
            warnings.append(f"{param.name}: {uf.shown(raw)} is not a date in YYYY-MM-DD form; ignored.")
            return None
    asked = [v.strip().casefold() for v in raw.split(",") if v.strip()]
    for value in asked:
        if value not in param.choices:
            warnings.append(f"{param.name}: unknown value {uf.shown(value)}; ignored.")
    chosen = [c for c in param.choices if c in asked]
    if not chosen:
        return None
    return chosen[0] if param.kind == "one" else chosen


def _chain(corpus: Corpus, raw: str) -> str | None:
    """The corpus's value chain named `raw` (any case), or None."""
    return next((c for c in corpus.value_chains if c.casefold() == raw.casefold()), None)


def _year(corpus: Corpus, raw: str) -> str | None:
    """`raw` when it is a year some article of the corpus was published in, else None."""
    years = corpus.articles["date"].dt.year
    return raw if re.fullmatch(r"[0-9]{4}", raw) and (years == int(raw)).any() else None


def _term(corpus: Corpus, raw: str) -> str | None:
    """`raw`, lower-cased, when some quote of the corpus has it among its terms (quotes.terms), else None."""
    term = raw.lower()  # as loaders/terms.py writes them
    if SEPARATOR in term:
        return None
    bounded = SEPARATOR + corpus.quotes["terms"] + SEPARATOR
    return term if bounded.str.contains(SEPARATOR + term + SEPARATOR, regex=False).any() else None


def _name(corpus: Corpus, raw: str) -> str | None:
    """`raw` when it is a person the corpus quotes or an organisation or project it names, else None."""
    if (corpus.people["name"] == raw).any():
        return raw
    names = corpus.entities["name"].astype("category").cat.categories
    return raw if raw in set(names) and corpus.entities.loc[corpus.entities["name"] == raw, "kind"].ne("place").any() else None


def _place(corpus: Corpus, raw: str) -> str | None:
    """`raw` when it is a place the corpus names, else None."""
    places = corpus.entities.loc[corpus.entities["kind"] == "place", "name"]
    return raw if (places == raw).any() else None


# The page-parameter kinds whose value must be one the corpus has, with the function that finds it.
CORPUS_VALUES = {"chain": _chain, "year": _year, "term": _term, "name": _name, "place": _place}


def format_page_param(param: PageParam, value: object) -> str:
    """`value` as the URL writes it ("" for a value that is the default, so it is left out)."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == param.default:
        return ""
    if param.kind == "day":
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if param.kind == "some":
        values = [c for c in param.choices if c in set(value or ())]
        return "" if len(values) in (0, len(param.choices)) else ",".join(values)
    return str(value)


def read_page(page: str, params: Mapping[str, list[str]], corpus: Corpus) -> list[str]:
    """Sets the widgets of `page` from the URL's `params` (a widget whose parameter is absent goes back to its
    default); returns one warning per value dropped."""
    warnings: list[str] = []
    for param in PAGE_PARAMS.get(page, ()):
        value = parse_page_param(param, params.get(param.name, []), warnings, corpus)
        if value is None:
            st.session_state.pop(param.key, None)
        else:
            st.session_state[param.key] = value
    return warnings


def page_params(page: str) -> dict[str, str]:
    """The URL parameters of `page`'s widgets as they stand in the session."""
    out = {}
    for param in PAGE_PARAMS.get(page, ()):
        text = format_page_param(param, st.session_state.get(param.key))
        if text:
            out[param.name] = text
    return out


def sync(page: str, filters: uf.Filters) -> None:
    """Writes the view (filters, then `page`'s own parameters) to the URL when it differs from what is there."""
    params = {**uf.to_params(filters), **page_params(page)}
    wanted = {name: [value] for name, value in params.items()}
    if wanted != current():
        st.query_params.from_dict(params)
    st.session_state[_WRITTEN] = Written(page, wanted)
