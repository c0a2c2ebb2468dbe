"""The dashboard's shared filters: URL parsing/serialising and filtering of the corpus tables.

Pure functions, no Streamlit: the sidebar (ui/sidebar.py) turns widget values into a
`Filters`, and every page draws from `apply_filters(tables, filters)`.

URL contract (all optional, canonical form written by `to_params`):
  from, to   YYYY-MM-DD, inclusive
  theme      comma-separated lexicon theme names
  source     comma-separated outlet names; UNKNOWN_SOURCE ("(unknown source)") for articles with none
  speaker    comma-separated speaker names
  side       comma-separated of EU, Kazakhstan, other, unknown (a quote whose side is not known)
  q          a search (loaders.query syntax: whole words, "phrase", OR, -exclude, prefix*) over titles and texts
  count      "story": every count takes the copies of one story once (COUNT_STORY); absent: each article counts

Semantics, the same on every page: an article passes when its date is in [from, to], its source is one of
`source` (a missing or blank source counting as UNKNOWN_SOURCE), it mentions ANY of `theme`, the search `q`
matches it in the corpus's full-text index, and, when `speaker` or `side` is set, it has at least one quote
by one of those speakers and on one of those sides. With count=story, of the articles that pass, only the
first of each story (`articles.story_id`, in corpus order) is kept, so a wire story republished by five
outlets, and each quote in it, counts once. Paragraphs, mentions, events and amounts follow the
passing articles (theme is an article-level filter: a mention, date or amount sentence rarely names the theme
itself, so cutting them at sentence level would hide the context an analyst filters for). Quotes follow the
passing articles and are further restricted by `speaker` and `side`; a speaker is a person's one name through
the corpus (`quotes.person`, so every spelling of a name is one speaker) or, for an organisation, its name as
written (`speaker_key`); people are recounted over the remaining quotes. A comma cannot occur inside a value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from loaders import query, search
from ui.codes import codes, distinct_per, recode

# The side filter's values: the sides of quotes.side, then UNKNOWN_SIDE for a quote whose side is empty.
UNKNOWN_SIDE = "unknown"
SIDES: tuple[str, ...] = ("EU", "Kazakhstan", "other", UNKNOWN_SIDE)
PARAMS: tuple[str, ...] = ("from", "to", "theme", "source", "speaker", "side", "q", "count")
# The one value of `count`: take the copies of a story once.
COUNT_STORY = "story"
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
MAX_Q = 200
_SHOWN = 60
# What every page shows, and the source filter offers, for an article with no source (about half of them).
UNKNOWN_SOURCE = "(unknown source)"


@dataclass(frozen=True)
class Filters:
    """The active filter values; the empty default lets everything through."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    themes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    q: str = ""
    per_story: bool = False

    @property
    def active(self) -> bool:
        """True when any filter restricts the data."""
        return self != Filters()


def shown(value: str) -> str:
    """`value` double-quoted for a message, non-printable characters escaped, cut at 60 characters."""
    cut = value if len(value) <= _SHOWN else value[:_SHOWN] + "…"
    return '"' + "".join(c if c.isprintable() else repr(c)[1:-1] for c in cut).replace('"', '\\"') + '"'


def _values(raw: str | Sequence[str]) -> list[str]:
    return [raw] if isinstance(raw, str) else [str(v) for v in raw]


def _parse_date(name: str, raw: str, warnings: list[str]) -> dt.date | None:
    text = raw.strip()
    if not text:
        return None
    try:
        day = dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    if day is None:
        warnings.append(f"{name}: {shown(raw)} is not a date in YYYY-MM-DD form; ignored.")
        return None
    if not DATE_MIN <= day <= DATE_MAX:
        warnings.append(f"{name}: {shown(raw)} is outside {DATE_MIN.year}–{DATE_MAX.year}; ignored.")
        return None
    return day


def _parse_names(
    name: str, raws: list[str], known: Iterable[str], warnings: list[str]
) -> tuple[str, ...]:
    canonical = {k.casefold(): k for k in known}
    chosen: dict[str, None] = {}
    for raw in raws:
        for item in raw.split(","):
            item = item.strip()
            if not item:
                continue
            match = canonical.get(item.casefold())
            if match is None:
                warnings.append(f"{name}: unknown value {shown(item)}; ignored.")
            else:
                chosen[match] = None
    return tuple(chosen)


def parse_params(
    params: Mapping[str, str | Sequence[str]],
    *,
    themes: Iterable[str],
    sources: Iterable[str],
    speakers: Iterable[str],
) -> tuple[Filters, list[str]]:
    """The `Filters` a URL asks for, and one plain-text warning per value dropped.

    Never raises. Dropped: a value containing < or >, a date that is not YYYY-MM-DD
    (or is outside 1900–2100), `from` after `to` (both), a name not among the known
    themes/sources/speakers/sides (matched case-insensitively), repeats of a
    single-valued parameter beyond the first. Empty values mean "no filter";
    unknown parameter names (utm_source, embed, ...) are ignored silently.
    Repeated list parameters (?theme=a&theme=b) are merged.
    """
    warnings: list[str] = []
    clean: dict[str, list[str]] = {}
    for name in PARAMS:
        if name not in params:
            continue
        kept = []
        for raw in _values(params[name]):
            if "<" in raw or ">" in raw:
                warnings.append(f"{name}: {shown(raw)} contains < or >; ignored.")
            else:
                kept.append(raw)
        clean[name] = kept

    single: dict[str, str] = {}
    for name in ("from", "to", "q", "count"):
        given = [v for v in clean.get(name, []) if v.strip()]
        if len(given) > 1:
            warnings.append(f"{name}: given {len(given)} times; using the first, {shown(given[0])}.")
        if given:
            single[name] = given[0]

    date_from = _parse_date("from", single.get("from", ""), warnings)
    date_to = _parse_date("to", single.get("to", ""), warnings)
    if date_from and date_to and date_from > date_to:
        warnings.append(
            f"from/to: {shown(date_from.isoformat())} is after {shown(date_to.isoformat())}; both ignored."
        )
        date_from = date_to = None

    q = " ".join(single.get("q", "").split())
    if len(q) > MAX_Q:
        warnings.append(f"q: longer than {MAX_Q} characters; cut to the first {MAX_Q}.")
        q = q[:MAX_Q].rstrip()

    count = single.get("count", "").strip().lower()
    if count and count != COUNT_STORY:
        warnings.append(f"count: {shown(count)} is not {COUNT_STORY!r}; each article counts.")
    filters = Filters(
        date_from=date_from,
        date_to=date_to,
        themes=_parse_names("theme", clean.get("theme", []), themes, warnings),
        sources=_parse_names("source", clean.get("source", []), sources, warnings),
        speakers=_parse_names("speaker", clean.get("speaker", []), speakers, warnings),
        sides=_parse_names("side", clean.get("side", []), SIDES, warnings),
        q=q,
        per_story=count == COUNT_STORY,
    )
    return filters, warnings


def to_params(filters: Filters) -> dict[str, str]:
    """The canonical URL parameters of `filters`: only active ones, lists comma-joined."""
    out: dict[str, str] = {}
    if filters.date_from:
        out["from"] = filters.date_from.isoformat()
    if filters.date_to:
        out["to"] = filters.date_to.isoformat()
    for name, values in (
        ("theme", filters.themes),
        ("source", filters.sources),
        ("speaker", filters.speakers),
        ("side", filters.sides),
    ):
        if values:
            out[name] = ",".join(values)
    if filters.q:
        out["q"] = filters.q
    if filters.per_story:
        out["count"] = COUNT_STORY
    return out


def isin(column: pd.Series, values: Iterable[str] | pd.Series) -> pd.Series:
    """Boolean Series: `column` (any string-like dtype) is one of `values`, missing = False.

    Done in Arrow: pandas' isin on Arrow strings loops in Python over `values`, far
    too slow for a 100,000-article id list.
    """
    if isinstance(getattr(values, "dtype", None), pd.CategoricalDtype):
        values = values.unique()  # by codes: far fewer strings to convert
    needles = pa.array(pd.Series(values, dtype="string[pyarrow]")).unique()
    if isinstance(column.dtype, pd.CategoricalDtype):  # test each category once, then look the codes up
        categories = pa.array(column.cat.categories.astype("string[pyarrow]"))
        known = np.append(pc.fill_null(pc.is_in(categories, value_set=needles), False).to_numpy(zero_copy_only=False), False)
        return pd.Series(known[column.cat.codes.to_numpy()], index=column.index, dtype=bool)
    haystack = pa.array(column.astype("string[pyarrow]"))
    hit = pc.fill_null(pc.is_in(haystack, value_set=needles), False)
    return pd.Series(hit.to_numpy(zero_copy_only=False), index=column.index, dtype=bool)


def no_source(sources: pd.Series) -> pd.Series:
    """Boolean Series: the source is missing or blank, the articles UNKNOWN_SOURCE stands for."""
    return sources.astype("string").fillna("").str.strip().eq("").astype(bool)


def source_labels(sources: pd.Series) -> pd.Series:
    """`sources` as shown and exported: text, with UNKNOWN_SOURCE for a missing or blank one, so no page shows
    a blank or "None" and the label reads as the filter value that selects those articles."""
    return sources.astype("string").mask(no_source(sources), UNKNOWN_SOURCE)


def article_mask(tables: Mapping[str, pd.DataFrame], filters: Filters,
                 index: search.SearchIndex | None = None) -> pd.Series:
    """Boolean mask over tables["articles"]: the articles passing date, source, theme, q, and having a quote
    that passes speaker and side.

    `index` is the full-text index of these tables; without one, a search builds it in memory.
    """
    articles = tables["articles"]
    mask = pd.Series(True, index=articles.index)
    if filters.date_from:
        mask &= articles["date"] >= pd.Timestamp(filters.date_from)
    if filters.date_to:
        mask &= articles["date"] < pd.Timestamp(filters.date_to) + pd.Timedelta(days=1)
    if filters.sources:
        hit = isin(articles["source"], filters.sources)
        if UNKNOWN_SOURCE in filters.sources:
            hit |= no_source(articles["source"])
        mask &= hit
    if filters.themes:
        mentions = tables["mentions"]
        hit = mentions.loc[isin(mentions["theme"], filters.themes), "article_id"]
        mask &= isin(articles["article_id"], hit)
    mask = mask.astype(bool)
    wanted = query.parse(filters.q)
    if not wanted.empty:
        index = index or search.build(tables)
        hit = np.zeros(len(articles), dtype=bool)
        hit[index.articles(wanted)] = True
        mask &= pd.Series(hit, index=articles.index, dtype=bool)
    if filters.speakers or filters.sides:
        quotes = tables["quotes"]
        mask &= isin(articles["article_id"], quotes.loc[quote_mask(quotes, filters), "article_id"])
    if filters.per_story:
        passing = np.flatnonzero(mask.to_numpy())
        keep = np.zeros(len(articles), dtype=bool)
        keep[passing[~articles["story_id"].iloc[passing].duplicated().to_numpy()]] = True
        mask = pd.Series(keep, index=articles.index, dtype=bool)
    return mask


def speaker_key(quotes: pd.DataFrame) -> pd.Series:
    """The name each quote's speaker is filtered and counted by: `person` for a person, else `speaker`
    ("" when unattributed); as text. Worked out once per distinct name, not per quote: the two columns are
    categoricals, and turning every row into a string cost a tenth of a second at 100,000 articles."""
    codes, names = speaker_codes(quotes)
    return pd.Series(np.asarray(names, dtype=object)[codes], index=quotes.index, dtype="string")


def speaker_codes(quotes: pd.DataFrame) -> tuple[np.ndarray, pd.Index]:
    """`speaker_key` as integer codes into the distinct names (code 0 is "", unattributed): what counts by
    speaker group on."""
    person = quotes["person"].astype("category")
    speaker = quotes["speaker"].astype("category")
    names = pd.Index(list(dict.fromkeys(["", *map(str, person.cat.categories), *map(str, speaker.cat.categories)])))
    by_person = np.append(names.get_indexer(person.cat.categories.astype(str)), 0)[person.cat.codes.to_numpy()]
    by_speaker = np.append(names.get_indexer(speaker.cat.categories.astype(str)), 0)[speaker.cat.codes.to_numpy()]
    return np.where(by_person > 0, by_person, by_speaker), names


def quote_mask(quotes: pd.DataFrame, filters: Filters) -> pd.Series:
    """Boolean mask over `quotes`: by the speakers and sides (their articles aside)."""
    mask = pd.Series(True, index=quotes.index)
    if filters.speakers:
        mask &= isin(speaker_key(quotes), filters.speakers)
    if filters.sides:
        side = quotes["side"].astype("string").fillna("")
        mask &= isin(side.replace("", UNKNOWN_SIDE), filters.sides)
    return mask.astype(bool)


def article_positions(tables: Mapping[str, pd.DataFrame], name: str) -> np.ndarray:
    """The position in `tables["articles"]` of each row's article in table `name` (-1: no such article): what
    selects an article-keyed table's rows by the passing articles with one array lookup. An article_id column
    that is categorical (as a built dataset's is) is looked up once per category."""
    return recode(tables[name]["article_id"], tables["articles"]["article_id"])


def kept_positions(tables: Mapping[str, pd.DataFrame], store: dict[str, np.ndarray]) -> Callable[[str], np.ndarray]:
    """`article_positions` of `tables`, each table's worked out once and kept in `store` (shared by every view of
    the corpus)."""
    def positions(name: str) -> np.ndarray:
        if name not in store:
            store[name] = article_positions(tables, name)
        return store[name]
    return positions


def recount_people(people: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """`people` restricted to the persons quoted in `quotes`, with counts and first/last seen recomputed. Counted
    on the `person` column's codes: grouping 100,000 articles' quotes by name text cost a tenth of a second."""
    person = quotes["person"].astype("category")
    names = person.cat.categories.astype(str)
    code = person.cat.codes.to_numpy()
    named = (code >= 0) & np.append(names != "", False)[code]
    code = code[named]
    if not len(code):
        return people.iloc[0:0].reset_index(drop=True)
    k = len(names)
    dates = quotes["date"].to_numpy(dtype="datetime64[ns]")[named]
    dated = ~np.isnat(dates)  # a quote without a date counts, but never as a first or last sighting
    first = np.full(k, np.iinfo(np.int64).max)
    last = np.full(k, np.iinfo(np.int64).min)
    np.minimum.at(first, code[dated], dates[dated].astype("int64"))
    np.maximum.at(last, code[dated], dates[dated].astype("int64"))
    first = np.where(first == np.iinfo(np.int64).max, np.iinfo(np.int64).min, first)  # never dated: NaT
    article, article_texts = codes(quotes["article_id"], named)
    n_quotes = np.bincount(code, minlength=k)
    seen = np.flatnonzero(n_quotes)
    stats = pd.DataFrame({"n_quotes": n_quotes[seen], "n_articles": distinct_per(code, article, k, len(article_texts))[seen],
                          "first_seen": first[seen].astype("datetime64[ns]"), "last_seen": last[seen].astype("datetime64[ns]")},
                         index=pd.Index(names[seen], name="person"))
    out = people.drop(columns=["n_quotes", "n_articles", "first_seen", "last_seen"])
    out = out[isin(out["name"], stats.index)].join(stats, on="name")
    out = out.astype({c: people[c].dtype for c in people.columns})[list(people.columns)]
    return out.sort_values(["n_quotes", "name"], ascending=[False, True]).reset_index(drop=True)


# The tables a filtered view cuts without their largest columns: pages read a quote's text or terms from the whole
# corpus's table, by position, only for the rows they need.
LEAN = {"quotes": ("text", "terms")}


class Filtered(Mapping[str, pd.DataFrame]):
    """Every corpus table restricted by `filters` (see the module docstring; the LEAN tables without their largest columns),
    each cut when it is first read:
    a page reads the few tables it draws, and cutting the others (the paragraph texts above all) on every
    filter change cost as much as drawing. `rejected` is kept whole. Read as a mapping (`out["quotes"]`) or as
    a corpus is (`out.quotes`)."""

    def __init__(self, tables: Mapping[str, pd.DataFrame], filters: Filters,
                 index: search.SearchIndex | None = None,
                 positions: Callable[[str], np.ndarray] | None = None) -> None:
        """`positions(name)` gives `article_positions(tables, name)`; a caller that keeps them per corpus passes
        its keeper, so each view looks its rows up instead of matching article ids."""
        self._tables, self._filters, self._index = tables, filters, index
        self._positions = positions or (lambda name: article_positions(tables, name))
        self._cut: dict[str, pd.DataFrame] = {}
        self._masks: dict[str, np.ndarray] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._cut:
            self._cut[name] = self._restrict(name)
        return self._cut[name]

    def __iter__(self):
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    def passing(self, name: str) -> np.ndarray | None:
        """Boolean array over the whole `name` table (articles, quotes or an article-keyed table): the rows
        that pass; None when no filter is active. What a table derived from the whole corpus, carrying each row's
        position, selects its rows with."""
        if not self._filters.active:
            return None
        if name not in self._masks:
            tables, filters = self._tables, self._filters
            if name == "articles":
                mask = article_mask(tables, filters, self._index).to_numpy(dtype=bool)
            else:  # in a passing article (a position of -1 reads the False appended), and for quotes by speaker and side
                mask = np.append(self.passing("articles"), False)[self.positions(name)]
                if name == "quotes" and (filters.speakers or filters.sides):
                    mask &= quote_mask(tables[name], filters).to_numpy(dtype=bool)
            self._masks[name] = mask
        return self._masks[name]

    def positions(self, name: str) -> np.ndarray:
        """`article_positions` of table `name` (of the whole corpus; kept per corpus when the caller keeps them)."""
        return self._positions(name)

    def count(self, name: str) -> int:
        """How many rows of table `name` pass, without cutting the table."""
        passing = self.passing(name)
        return len(self._tables[name]) if passing is None else int(passing.sum())

    def _restrict(self, name: str) -> pd.DataFrame:
        tables, filters = self._tables, self._filters
        if name in LEAN:  # no page reads these columns of a cut (they read the whole corpus's)
            table = tables[name]
            keep = [col for col in table.columns if col not in LEAN[name]]
            if not filters.active:
                return table[keep]
            return table.loc[self.passing(name), keep].reset_index(drop=True)
        if not filters.active or name == "rejected":
            return tables[name]
        if name == "people":  # recounted from the three columns it reads, not from a cut of every quote column
            return recount_people(tables["people"], tables["quotes"].loc[self.passing("quotes"), ["person", "article_id", "date"]])
        return tables[name][self.passing(name)].reset_index(drop=True)

    articles = property(lambda self: self["articles"], doc="The articles passing the filters.")
    paragraphs = property(lambda self: self["paragraphs"], doc="Their paragraphs.")
    rejected = property(lambda self: self["rejected"], doc="Every rejected input, unfiltered.")
    quotes = property(lambda self: self["quotes"], doc="Their quotes passing speaker and side, without `text` and `terms`.")
    people = property(lambda self: self["people"], doc="The persons of those quotes, recounted over them.")
    mentions = property(lambda self: self["mentions"], doc="Their theme mentions.")
    events = property(lambda self: self["events"], doc="The dates they mention.")
    amounts = property(lambda self: self["amounts"], doc="Their amounts.")
    entities = property(lambda self: self["entities"], doc="The organisations, projects and places they name.")


def apply_filters(tables: Mapping[str, pd.DataFrame], filters: Filters, index: search.SearchIndex | None = None,
                  positions: Callable[[str], np.ndarray] | None = None) -> Filtered:
    """Every corpus table restricted by `filters` (`index` as for `article_mask`, `positions` as for `Filtered`),
    cut lazily (`Filtered`)."""
    return Filtered(tables, filters, index, positions)


def loosen_hints(tables: Mapping[str, pd.DataFrame], filters: Filters,
                 index: search.SearchIndex | None = None) -> list[tuple[str, int]]:
    """For each active article filter, (its label, articles left if only it were cleared), most helpful first."""
    relax = {
        "date range": replace(filters, date_from=None, date_to=None),
        "themes": replace(filters, themes=()),
        "sources": replace(filters, sources=()),
        "search text": replace(filters, q=""),
        "speakers": replace(filters, speakers=()),
        "side": replace(filters, sides=()),
    }
    hints = []
    for label, loosened in relax.items():
        if loosened != filters:
            hints.append((label, int(article_mask(tables, loosened, index).sum())))
    return sorted(hints, key=lambda h: -h[1])


MAX_WARNINGS_LISTED = 5


def warning_lines(warnings: Sequence[str]) -> list[str]:
    """One message for all of a link's dropped values, as lines: the first few listed, the rest counted."""
    head = list(warnings[:MAX_WARNINGS_LISTED])
    lines = ["This link asked for values that were ignored:", *head]
    if len(warnings) > len(head):
        lines.append(f"…and {len(warnings) - len(head):,} more.")
    return lines
