"""The filtered view a page draws: the corpus after the sidebar's filters, the whole corpus beside it, and the
aggregates several widgets of one page share (computed once per filter change)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from loaders import Corpus
from ui import charts
from ui import filters as uf

UPLOAD_PREFIX = "upload:"  # the origin of every article and rejected row that came from the uploader


@dataclass(frozen=True)
class View:
    """What pages draw: the filtered corpus (its tables cut when first read), the whole one, the filters and the
    theme names (the whole corpus's). `shared` holds per-article aggregates of the whole corpus, computed once
    per corpus and shared by every view of it, so that a filter change only selects their rows."""

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

    def _selected(self, name: str, build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """The filtered articles' rows of the whole-corpus table `build()` (computed once per corpus)."""
        every = self.once(name, build)
        if not self.filters.active:
            return every
        return self.memo(name, lambda: every[uf.isin(every["article_id"], self.corpus.articles["article_id"])])

    def every_chain_pair(self) -> pd.DataFrame:
        """`charts.article_chains` of the whole corpus: (article_id, chain, n) per chain an article mentions."""
        return self.once("chain_pairs", lambda: charts.article_chains(self.full.mentions, self.chains))

    def chain_pairs(self) -> pd.DataFrame:
        """The filtered articles' rows of `every_chain_pair`."""
        return self._selected("chain_pairs", self.every_chain_pair)

    def theme_pairs(self) -> pd.DataFrame:
        """One row per (article_id, theme) a filtered article mentions: what co-occurrence counts."""
        return self._selected("theme_pairs", lambda: self.full.mentions[["article_id", "theme"]].drop_duplicates())

    def term_pairs(self) -> pd.DataFrame:
        """One row per (article_id, theme, term) a filtered article mentions: what the term charts count."""
        return self._selected("term_pairs", lambda: self.full.mentions[["article_id", "theme", "term"]].drop_duplicates())

    def every_main_chain(self) -> pd.Series:
        """`charts.main_chain` of every article of the whole corpus, indexed by article_id: an article's main
        chain does not depend on the filters."""
        full = self.full.articles
        return self.once("main_chain", lambda: charts.main_chain(full, self.every_chain_pair()).set_axis(full["article_id"]))

    def main_chain(self) -> pd.Series:
        """Main value chain of each filtered article (aligned with corpus.articles)."""
        every, articles = self.every_main_chain(), self.corpus.articles
        return self.memo("main_chain", lambda: pd.Series(every.reindex(articles["article_id"]).to_numpy(),
                                                         index=articles.index, dtype="string"))

    def article_list(self) -> pd.DataFrame:
        """The filtered articles as the Articles page lists them, newest first: with `chain` (main value chain),
        `source` (labelled), `place` as text and `uploaded`, without the article's text; the whole corpus's list
        built once, selected per view."""
        def build() -> pd.DataFrame:
            a = self.full.articles.drop(columns="text")
            return (a.assign(chain=self.every_main_chain().to_numpy(), source=uf.source_labels(a["source"]),
                             place=a["place"].astype("string").fillna(""), uploaded=uploaded(a["origin"]))
                    .sort_values(["date", "title"], ascending=[False, True]).reset_index(drop=True))
        every = self.once("article_list", build)
        if not self.filters.active:
            return every
        return self.memo("article_list", lambda: every[uf.isin(every["article_id"], self.corpus.articles["article_id"])]
                         .reset_index(drop=True))

    def quote_chains(self) -> pd.DataFrame:
        """`charts.explode_themes` of the filtered quotes (a row per value chain a quote mentions), selected from
        the whole corpus's."""
        every = self.once("quote_chains", lambda: charts.explode_themes(self.full.quotes))
        if not self.filters.active:
            return every
        return self.memo("quote_chains", lambda: every[uf.isin(every["quote_id"], self.corpus.quotes["quote_id"])])

    def titles(self) -> pd.Series:
        """Article title by article_id, over the whole corpus."""
        return self.once("titles", lambda: self.full.articles.set_index("article_id")["title"])

    def article_info(self) -> pd.DataFrame:
        """Title (in full), source (labelled, `uf.source_labels`) and url by article_id, over the whole corpus:
        what a table of quotes shows and exports of each quote's article."""
        def build() -> pd.DataFrame:
            articles = self.full.articles
            return pd.DataFrame({"title": articles["title"], "source": uf.source_labels(articles["source"]),
                                 "url": articles["url"].astype("string").fillna("")}).set_axis(articles["article_id"])
        return self.once("article_info", build)


def uploaded(origins: pd.Series) -> pd.Series:
    """Boolean Series: the row (article or rejected file) came from this session's uploads, not the data folder."""
    return origins.astype("string").fillna("").str.startswith(UPLOAD_PREFIX).astype(bool)
