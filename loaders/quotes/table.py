"""The quotes table: every article's direct and reported quotes, one row per quote."""

from __future__ import annotations

import bisect
import hashlib
import re
from itertools import groupby
from operator import itemgetter

import pandas as pd

from loaders import schema
from loaders.sides import home_side
from loaders.quotes.cues import WORDS_OF_ANY_RE, participle_that
from loaders.quotes.direct import direct_rows
from loaders.quotes.headline import headline_row, is_own_title
from loaders.quotes.marks import mask_quoted_names, overlaps
from loaders.quotes.names import unlist_parentheses
from loaders.quotes.reported import reported_rows_of
from loaders.quotes.resolve import Article
from loaders.quotes.rows import COLUMNS, Row, single_spaced

# a reported clause open before a quote: after "that" (up to a colon announcing the quote: "He noted that …: “…”"),
# or right after "said" ("said on Tuesday it had stopped talks because the agreement “…”"), never across a colon
# nor after a cue set between commas ("Italy, said the minister, “has …”")
_THAT_CLAUSE_RE = re.compile(r"\bthat\s+[^\s“”«»\"]+\s[^“”«»\"]*$"
                             r"|\b(?:said|says)\s+[^\s“”«»\":]+\s[^“”«»\":]*[^“”«»\":,\s]\s*$")


def article_rows(paras: list[str], home: str = "", title: str = "") -> list[Row]:
    """The quote rows of one article: its direct quotes (with any "and added that" clause) and reported
    speech in the sentences outside them, read in order (a sentence's reported speech before the quotes
    that follow it), so that "it said", "the statement said" or a quote left without attribution can
    reach who spoke before. A
    person's role and side are the same on all their rows of the article (Article.settled).

    `home` is the article's home side (see sides.home_side), given to government offices
    without a side marker. A `title` that attributes words to one of the body's speakers gives a
    row of paragraph -1 (headline.py), with offsets into the title.
    """
    source = paras
    paras = [unlist_parentheses(mask_quoted_names(text)) for text in paras]
    art = Article(paras, home, title)
    rows: list[Row] = []
    quoted: list[list[tuple[int, int]]] = [[] for _ in paras]
    previous: tuple[int, int, Row] | None = None
    read = [0] * len(paras)  # per paragraph, how many of its sentences have been read (-1: none to read)
    bounds: list[list[int] | None] = [None] * len(paras)

    def reported_in(p: int, limit: int) -> None:
        """Reported speech in the sentences of paragraph `p` that end by `limit`, not read yet."""
        if read[p] < 0:
            return
        edges = bounds[p]
        if edges is None:
            text = paras[p]
            if not (art.has_cue(p, 0, len(text)) or "ccording" in text
                    or participle_that(text) or ("In " in text and WORDS_OF_ANY_RE.search(text))):
                read[p] = -1
                return
            edges = bounds[p] = art.starts(p) + [len(text)]
        if read[p] >= len(edges) - 1 or edges[read[p] + 1] > limit:
            return
        regions = sorted(quoted[p])
        while read[p] < len(edges) - 1 and edges[read[p] + 1] <= limit:
            s, e = edges[read[p]], edges[read[p] + 1]
            read[p] += 1
            if not overlaps(regions, s, e) or _clause_quotes(paras[p], regions, s):
                rows.extend(reported_rows_of(art, p, s, e))

    done = 0  # paragraphs read to their end
    for segs in art.spans:
        p0, s0 = segs[0][0], segs[0][1]
        for p in range(done, p0):
            reported_in(p, len(paras[p]))
        done = max(done, p0)
        reported_in(p0, art.sentence(p0, max(s0 - 1, 0))[0])  # the sentences before the quote's own
        found = direct_rows(art, segs, previous)
        if found is None:
            continue
        previous = (segs[-1][0], segs[-1][2], found[0])
        rows.extend(found)
        for p, s, e in segs:
            quoted[p].append((s - 1, e + 1))
    for p in range(len(paras)):
        reported_in(p, len(paras[p]))
    if title:
        top = headline_row(art, title, rows)
        if top is not None:
            rows.append(top)
    rows.sort(key=lambda r: (r.para_no, r.start))
    rows = [r._replace(text=source[r.para_no][r.start:r.end]) if r.para_no >= 0 and paras[r.para_no] is not source[r.para_no]
            else r for r in rows]
    named = {r.person for r in rows if r.person}  # single-spaced, as the rows write them
    settled = {key: art.settled(name) for name in art.persons if (key := single_spaced(name)) in named}
    return [r._replace(speaker_role=single_spaced(settled[r.person][0]), side=settled[r.person][1])
            if r.person in settled else r for r in rows]


def _clause_quotes(text: str, regions: list[tuple[int, int]], start: int) -> bool:
    """Whether the first quote in the sentence at `start` stands inside a reported clause that began before it
    ("He noted that trade in the region remains “at a modest level”"), or follows one that a colon ends
    ("According to him, prices rose by 7%: “The shock is passing.”"): the clause is reported speech, and the
    quoted words are also a direct quote of their own."""
    k = bisect.bisect_left(regions, (start,))
    if k == len(regions):
        return False
    opens = regions[k][0]  # the clause's "that" stands within a few hundred characters of the quote
    return bool(_THAT_CLAUSE_RE.search(text, max(start, opens - 300), opens)
                or (text.startswith("According to ", start) and text[start:opens].rstrip().endswith(":")))


def _quote_id(article_id: str, p: int, start: int, kind: str) -> str:
    return hashlib.blake2b(f"{article_id}|{p}|{start}|{kind}".encode(), digest_size=8).hexdigest()


def quotes_table(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The quotes table (schema "quotes") of all articles; `themes` and `terms` are left empty for the
    build step."""
    if paragraphs.empty or articles.empty:
        return schema.empty("quotes")
    dates = dict(zip(articles["article_id"].astype(str), pd.to_datetime(articles["date"])))
    ids: list[str] = []
    records: list[Row] = []
    ordered = paragraphs.sort_values(["article_id", "para_no"], kind="stable")
    ordered = ordered[ordered["article_id"].notna()]
    texts = ["" if pd.isna(t) else str(t) for t in ordered["text"].tolist()]
    titles = (dict(zip(articles["article_id"].astype(str), articles["title"].fillna("").astype(str)))
              if "title" in articles.columns else {})
    places = (dict(zip(articles["article_id"].astype(str), articles["place"].fillna("").astype(str)))
              if "place" in articles.columns else {})
    for article_id, group in groupby(zip(ordered["article_id"].tolist(), texts), key=itemgetter(0)):
        article_id = str(article_id)
        paras = [text for _, text in group]
        title = titles.get(article_id, "")
        home = home_side(places.get(article_id, ""), f"{title}\n{paras[0]}" if paras else title, "\n".join(paras[1:]))
        for row in article_rows(paras, home, title if paras and is_own_title(title, paras[0]) else ""):
            ids.append(article_id)
            records.append(row)
    if not records:
        return schema.empty("quotes")
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    frame.insert(0, "article_id", ids)
    frame["quote_id"] = [_quote_id(a, p, s, k) for a, p, s, k in
                         zip(frame["article_id"], frame["para_no"], frame["start"], frame["kind"])]
    frame["date"] = frame["article_id"].map(dates)
    frame["themes"] = ""
    frame["terms"] = ""
    return schema.conform("quotes", frame)
