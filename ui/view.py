"""The filtered view a page draws: the corpus after the sidebar's filters, the whole corpus beside it, and the
aggregates several widgets of one page share (computed once per filter change)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from loaders import Corpus
from ui import charts
from ui import filters as uf
from ui.codes import recode

UPLOAD_PREFIX = "upload:"  # the origin of every article and rejected row that came from the uploader
# In a table derived once from the whole corpus: each row's position in the whole articles or quotes table.
ROW = "_row"
# The label columns of quotes that the quote table shows as text.
QUOTE_LABELS = ["speaker", "speaker_role", "side", "kind", "cue", "attribution", "rule", "themes"]


@dataclass(frozen=True)
class View:
    """What pages draw: the filtered corpus (its tables cut when first read), the whole one, the filters and the
    theme names (the whole corpus's). `shared` holds per-article aggregates of the whole corpus, computed once
    per corpus and shared by every view of it (sessions included), so that a filter change only selects their
    rows. What `once` and the selections return is read-only: a page that changed it in place would change it
    for every session."""

    corpus: uf.Filtered
    full: Corpus
    filters: uf.Filters
    chains: tuple[str, ...]
    themes: tuple[str, ...]
    shared: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
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

    def once(self, name: str, build: Callable[[], Any]) -> Any:
        """`build()` computed once per whole corpus (shared by all its views), for per-article aggregates."""
        if name not in self.shared:
            self.shared[name] = build()
        return self.shared[name]

    def _select(self, name: str, base: str, build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """The rows that pass the filters of `build()`: a table derived once per corpus whose column ROW holds each
        row's position in the whole corpus's `base` table ("articles" or "quotes"), so a view selects its rows
        with one array lookup instead of matching ids."""
        every, keep = self._passing_rows(name, base, build)
        return every if keep is None else self.memo(name, lambda: every[keep].reset_index(drop=True))

    def _passing_rows(self, name: str, base: str, build: Callable[[], pd.DataFrame]) -> tuple[pd.DataFrame, np.ndarray | None]:
        """The whole table `build()` (as for `_select`) and which of its rows pass the filters (None: all)."""
        every = self.once(name, build)
        passing = self.corpus.passing(base)
        if passing is None:
            return every, None
        return every, self.memo(f"{name} rows", lambda: passing[every[ROW].to_numpy()])

    def _with_article_rows(self, frame: pd.DataFrame) -> pd.DataFrame:
        """`frame` (keyed by article_id) with ROW, each row's article's position in the whole corpus (a row
        of no article of the corpus is left out: -1 would select by the last article)."""
        rows = recode(frame["article_id"], self.full.articles["article_id"])
        return frame.assign(**{ROW: rows})[rows >= 0]

    def every_chain_pair(self) -> pd.DataFrame:
        """`charts.article_chains` of the whole corpus: (article_id, chain, n, date) per chain an article mentions."""
        return self.once("every_chain_pair", lambda: charts.article_chains(self.full.mentions, self.full.articles, self.chains))

    def chain_pairs(self) -> pd.DataFrame:
        """The filtered articles' rows of `every_chain_pair`."""
        return self._select("chain_pairs", "articles", lambda: self._with_article_rows(self.every_chain_pair()))

    def theme_pairs(self) -> tuple[pd.DataFrame, np.ndarray | None]:
        """One row per (article_id, theme) an article of the whole corpus mentions, and which rows are the filtered
        articles' (None: all): what co-occurrence counts, without copying the rows that pass."""
        return self._passing_rows("theme_pairs", "articles", lambda: self._with_article_rows(
            self.full.mentions[["article_id", "theme"]].drop_duplicates()))

    def term_pairs(self) -> tuple[pd.DataFrame, np.ndarray | None]:
        """One row per (article_id, theme, term) an article of the whole corpus mentions for a value chain (the term
        charts count no other theme: half the rows), and which rows are the filtered articles' (None: all)."""
        def build() -> pd.DataFrame:
            mentions = self.full.mentions
            chain = recode(mentions["theme"], self.chains) >= 0
            return self._with_article_rows(mentions.loc[chain, ["article_id", "theme", "term"]].drop_duplicates())
        return self._passing_rows("term_pairs", "articles", build)

    def every_main_chain(self) -> pd.Series:
        """`charts.main_chain` of every article of the whole corpus, indexed by article_id: an article's main
        chain does not depend on the filters."""
        full = self.full.articles
        return self.once("main_chain", lambda: charts.main_chain(full, self.every_chain_pair()).set_axis(full["article_id"]))

    def main_chain(self) -> pd.Series:
        """Main value chain of each filtered article (aligned with corpus.articles), selected by position: the
        filtered articles are the passing rows of the whole table, in its order."""
        every, articles, passing = self.every_main_chain(), self.corpus.articles, self.corpus.passing("articles")
        return self.memo("main_chain", lambda: pd.Series(every.to_numpy() if passing is None else every.to_numpy()[passing],
                                                         index=articles.index, dtype="string"))

    def date_index(self) -> charts.DateIndex:
        """`charts.date_index` of the whole corpus's events, built once per corpus: the timeline selects its groups."""
        return self.once("date_index", lambda: charts.date_index(self.full.events))

    def event_rows(self) -> np.ndarray:
        """Positions in the whole corpus's `events` of the events of the filtered articles: what the timeline counts,
        without copying the events and their sentences."""
        passing = self.corpus.passing("events")
        return self.memo("event_rows", lambda: np.arange(len(self.full.events)) if passing is None
                         else np.flatnonzero(passing))

    def article_list(self) -> pd.DataFrame:
        """The filtered articles as the Articles page lists them, newest first: with `chain` (main value chain),
        `source` (labelled), `place` as text and `uploaded`, without the article's text; the whole corpus's list
        built once, selected per view."""
        def build() -> pd.DataFrame:
            a = self.full.articles
            return (a.assign(chain=self.every_main_chain().to_numpy(), source=uf.source_labels(a["source"]),
                             place=a["place"].astype("string").fillna(""), uploaded=uploaded(a["origin"]),
                             **{ROW: np.arange(len(a))})
                    .sort_values(["date", "title"], ascending=[False, True]).reset_index(drop=True))
        return self._select("article_list", "articles", build)

    def quote_chains(self) -> pd.DataFrame:
        """`charts.explode_themes` of the filtered quotes, newest first (a row per value chain a quote mentions, with
        the name the speaker is counted by, `charts.SPEAKER_KEY`), selected from the whole corpus's; without the
        quote's text (`ROW` finds it in the whole corpus's quotes), which the counts never read and a selection
        would copy."""
        quotes = self.full.quotes
        lean = ["quote_id", "article_id", "date", "speaker", "side", "kind", "themes"]
        return self._select("quote_chains", "quotes", lambda: charts.explode_themes(
            quotes[lean].assign(**{ROW: np.arange(len(quotes)), charts.SPEAKER_KEY: uf.speaker_key(quotes).astype("category")})
            .sort_values("date", ascending=False, kind="stable")))

    def quote_labels(self) -> pd.DataFrame:
        """The filtered quotes' label columns (categoricals), selected from the whole corpus's by position: what the
        speaker counts read, without the quotes' ids and texts that a cut of the quotes table would copy."""
        quotes = self.full.quotes
        labels = ["person", "speaker", "speaker_role", "side", "kind", "article_id"]
        return self._select("quote_labels", "quotes", lambda: quotes[labels].assign(**{ROW: np.arange(len(quotes))}))

    def quote_table(self) -> tuple[pd.DataFrame, np.ndarray]:
        """Every quote of the corpus as the Quotes page lists and exports them, newest first (labels as text, with
        its article's full title `article`, source and url; built once per corpus), and which rows pass the
        filters: the page takes only the rows it shows, not every passing quote with its text."""
        def build() -> pd.DataFrame:
            quotes, info = self.full.quotes, self.article_info()
            ids = quotes["article_id"]
            return (quotes.astype({col: "string" for col in QUOTE_LABELS}).fillna({col: "" for col in QUOTE_LABELS})
                    .assign(article=ids.map(info["title"]), source=ids.map(info["source"]), url=ids.map(info["url"]),
                            **{ROW: np.arange(len(quotes))})
                    .sort_values(["date", "quote_id"], ascending=[False, True]).reset_index(drop=True))
        every, keep = self._passing_rows("quote_table", "quotes", build)
        return every, np.ones(len(every), dtype=bool) if keep is None else keep

    def compared_quotes(self) -> tuple[pd.DataFrame, np.ndarray]:
        """The whole corpus's quotes of the two sides the Framing page compares (`charts.framing.SIDES`), newest
        first, built once: ROW, `side` (0 or 1, the position in SIDES), `year` (of the quote's date, as text categories, A-Z)
        and `chain` (the article's main value chain, `main_chain`); and the positions of those passing the
        filters (ascending), so that the page counts the terms split once (`compared_terms`) by position."""
        def build() -> pd.DataFrame:
            quotes = self.full.quotes
            side = recode(quotes["side"], charts.framing.SIDES)
            article = recode(quotes["article_id"], self.full.articles["article_id"])
            keep = np.flatnonzero((side >= 0) & (article >= 0))
            chain = self.every_main_chain().to_numpy()
            frame = pd.DataFrame({ROW: keep, "side": side[keep].astype(np.int64),
                                  "year": quotes["date"].dt.year.to_numpy()[keep],
                                  "chain": pd.Categorical(chain[article[keep]])})
            return (frame.astype({"year": "Int64"}).astype({"year": "string"}).fillna({"year": ""}).astype({"year": "category"})
                    .iloc[np.argsort(-quotes["date"].to_numpy()[keep].astype(np.int64), kind="stable")]
                    .reset_index(drop=True))
        every, keep = self._passing_rows("compared_quotes", "quotes", build)
        return every, self.memo("compared_positions", lambda: np.arange(len(every)) if keep is None else np.flatnonzero(keep))

    def compared_terms(self) -> charts.framing.QuoteTerms:
        """The terms of every quote of `compared_quotes` (in its order), split once per corpus."""
        def build() -> charts.framing.QuoteTerms:
            every, _ = self.compared_quotes()
            return charts.framing.split_terms(self.full.quotes["terms"].iloc[every[ROW].to_numpy()])
        return self.once("compared_terms", build)

    def term_themes(self) -> np.ndarray:
        """`charts.framing.term_themes` of `compared_terms`' vocabulary and the corpus's themes, once per corpus."""
        return self.once("term_themes", lambda: charts.framing.term_themes(
            self.compared_terms().terms, self.theme_of_term(), self.themes))

    def theme_of_term(self) -> pd.Series:
        """The theme of each lexicon term the corpus mentions, by the term lower-cased as quotes.terms holds it: the
        themes of the corpus's own lexicon (it may not be the default one), read from its mentions."""
        def build() -> pd.Series:
            mentions = self.full.mentions
            term, theme = mentions["term"].astype("category"), mentions["theme"].astype("category")
            of_term = np.full(len(term.cat.categories), -1)
            of_term[term.cat.codes.to_numpy()] = theme.cat.codes.to_numpy()  # a term has one theme: any row gives it
            names = np.append(theme.cat.categories.astype(str).to_numpy(dtype=object), None)
            return pd.Series(names[of_term], index=term.cat.categories.astype(str).str.lower()).dropna()
        return self.once("theme_of_term", build)

    def who_directory(self) -> charts.who.Directory:
        """`charts.who.build_directory` of the whole corpus, once: what the People & organisations page counts."""
        return self.once("who_directory", lambda: charts.who.build_directory(
            self.full.quotes["person"], self.corpus.positions("quotes"), self.full.entities,
            self.corpus.positions("entities"), len(self.full.articles)))

    def place_rows(self) -> pd.DataFrame:
        """The filtered articles' named places (entities rows of kind place): name, lat, lon, article_id and
        ROW (the row's position in the whole corpus's entities)."""
        def build() -> pd.DataFrame:
            entities = self.full.entities
            keep = np.flatnonzero((entities["kind"] == "place").to_numpy())
            return entities.iloc[keep][["name", "lat", "lon", "article_id"]].assign(**{ROW: keep}).reset_index(drop=True)
        return self._select("place_rows", "entities", build)

    def place_articles(self, place: str) -> pd.DataFrame:
        """The filtered articles naming `place`, as `article_list` lists them (newest first)."""
        rows = self.place_rows()
        named = rows[(rows["name"] == place).to_numpy()]
        mask = np.zeros(len(self.full.articles) + 1, dtype=bool)
        mask[recode(named["article_id"], self.full.articles["article_id"])] = True
        listing = self.article_list()
        return listing[mask[listing[ROW].to_numpy()]]

    def who_rows(self, name: str, kind: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The chosen one's rows in the filtered articles: its mentions (entities rows of an organisation or
        project: name, kind, surface, side, chains, article_id, and `article_row`, the article's position in the
        whole corpus; none for a person) and the quotes it speaks (a person's by `person`, a body's by its name
        as the speaker: speaker_role, side, ROW, `article_row` and `date`), found by label code."""
        entities, quotes = self.full.entities, self.full.quotes
        if kind == charts.who.PERSON:
            hit = np.zeros(len(entities), dtype=bool)
        else:
            bodies = self.once("entity_bodies", lambda: entities["kind"].isin(charts.who.KINDS[1:]).to_numpy())
            hit = is_label(entities["name"], name) & bodies
        rows = self._passing_of("entities", hit)
        mentions = entities.iloc[rows][["name", "kind", "surface", "side", "chains", "article_id"]].assign(
            article_row=self.corpus.positions("entities")[rows]).reset_index(drop=True)
        said = self._passing_of("quotes", is_label(quotes["person" if kind == charts.who.PERSON else "speaker"], name))
        spoken = quotes.iloc[said][["speaker_role", "side"]].assign(
            **{ROW: said, "article_row": self.corpus.positions("quotes")[said], "date": quotes["date"].to_numpy()[said]})
        return mentions, spoken.reset_index(drop=True)

    def _passing_of(self, table: str, hit: np.ndarray) -> np.ndarray:
        """Positions of the rows of the whole `table` that are `hit` and pass the filters."""
        passing = self.corpus.passing(table)
        return np.flatnonzero(hit if passing is None else hit & passing)

    def who_mask(self, mentions: pd.DataFrame, spoken: pd.DataFrame) -> np.ndarray:
        """Which articles of the whole corpus name or quote the chosen one (a boolean per article row): what the
        page selects its articles, dates, chains and companions with."""
        mask = np.zeros(len(self.full.articles), dtype=bool)
        for rows in (mentions["article_row"].to_numpy(), spoken["article_row"].to_numpy()):
            mask[rows[rows >= 0]] = True
        return mask

    def who_facts(self, name: str, kind: str, mentions: pd.DataFrame, spoken: pd.DataFrame) -> list[str]:
        """What the page says of the chosen one under its name: kind, side, roles the articles give it (most
        often first), the spellings it is named by, the value chains the registry links it to."""
        facts = [kind]
        sides = ranked(mentions["side"], spoken["side"])
        if sides:
            facts.append("side: " + sides[0])
        roles = ranked(spoken["speaker_role"])
        if roles:
            facts.append("roles: " + "; ".join(roles[:3]))
        forms = [f for f in ranked(mentions["surface"]) if f != name][:4]
        if forms:
            facts.append("also written: " + ", ".join(forms))
        chains = ranked(mentions["chains"])  # the registry's, so one for all of a name's rows
        if chains:
            facts.append("registry's value chains: " + chains[0])
        return facts

    def who_listing(self) -> pd.DataFrame:
        """`charts.who.directory` of the filtered articles and quotes: everyone the page can open here."""
        return self.memo("who_listing", lambda: charts.who.directory(
            self.who_directory(), self.corpus.passing("articles"), self.corpus.passing("quotes")))

    def who_companions(self, articles: np.ndarray, name: str) -> pd.DataFrame:
        """`charts.who.companions` of the chosen one's articles (`articles`: `who_mask`) and the filtered quotes."""
        return charts.who.companions(self.who_directory(), articles, self.corpus.passing("quotes"), name)

    def who_names(self) -> frozenset[str]:
        """Every name the People & organisations page can open in the whole corpus: persons quoted, organisations
        and projects named; a link is drawn only to one of them."""
        return self.once("who_names", lambda: frozenset(self.who_directory().names))

    def article_info(self) -> pd.DataFrame:
        """Title (in full), source (labelled, `uf.source_labels`) and url by article_id, over the whole corpus:
        what a table of quotes shows and exports of each quote's article."""
        def build() -> pd.DataFrame:
            articles = self.full.articles
            return pd.DataFrame({"title": articles["title"], "source": uf.source_labels(articles["source"]),
                                 "url": articles["url"].astype("string").fillna("")}).set_axis(articles["article_id"])
        return self.once("article_info", build)


def is_label(column: pd.Series, label: str) -> np.ndarray:
    """Boolean array: which rows of a label column hold `label`, compared on the category codes."""
    values = column.astype("category")
    code = values.cat.categories.get_indexer([label])[0]
    return values.cat.codes.to_numpy() == code if code >= 0 else np.zeros(len(values), dtype=bool)


def ranked(*columns: pd.Series) -> list[str]:
    """The non-empty labels of label columns, most rows first (ties A-Z), counted on their categories: what a
    page says is most often written, without turning every row into text."""
    counts = pd.concat([c.astype("category").value_counts(sort=False) for c in columns])
    counts = counts.groupby(counts.index.astype(str)).sum()
    counts = counts[(counts > 0) & (counts.index != "")]
    return list(counts.index[np.lexsort((counts.index.to_numpy(dtype=object).astype(str), -counts.to_numpy()))])


def uploaded(origins: pd.Series) -> pd.Series:
    """Boolean Series: the row (article or rejected file) came from this session's uploads, not the data folder."""
    return origins.astype("string").fillna("").str.startswith(UPLOAD_PREFIX).astype(bool)
