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


def uploaded(origins: pd.Series) -> pd.Series:
    """Boolean Series: the row (article or rejected file) came from this session's uploads, not the data folder."""
    return origins.astype("string").fillna("").str.startswith(UPLOAD_PREFIX).astype(bool)
