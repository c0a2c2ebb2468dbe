"""Mentioned dates: calendar expressions in paragraphs resolved against the publication date.

`events_table` runs one compiled regex (`loaders.event_patterns.PATTERN`) over each paragraph and turns every
match into a (date, date_end, precision) triple: exact days, months, years (only in a date context), ranges,
quarters and halves of a year, weekdays, "last/this/next year|month", "last/next week", "N years/months/days
ago", "N years earlier", the start and end of the year and today/yesterday/tomorrow. Handlers of dates the text
leaves incomplete (no year, relative to publication) are in `loaders.event_relative`.

Conventions (tests/devset/CONVENTIONS.md; one test each in tests/test_event_conventions.py):
- A day, a range of days, a month or half a month without a year takes its year from the tense of its clause:
  past → the last occurrence on or before publication, future ("will be held", "planned to be held") → the
  next one, else (present, conditional "would", none) the nearest. The tense is the clause's nearest marker before the date (a past verb only within
  four words; a speech verb only where it governs the date: "said Thursday", "announced on its site on Monday",
  not "said the plant opens in June"), else the first after it but a speech verb ("..., the minister said").
- A month alone counts after a date word ("in March", "mid-March", "at the end of May") or as "the January
  events"; "May" only after a date word; not under a conditional ("would open in June", a plan the text does
  not date; tests/gold/q06). "October 6 this year" / "November last year" are that day or month of that year.
- "last/next week" is the Monday–Sunday range ("this week" is not: tests/gold/q05); "N months ago" a month,
  "N days ago" a day; "the people of five years ago", "than two years ago" are comparisons, not events.
- "the first quarter" without a year is that quarter of the publication year (a past one not begun yet is last
  year's, a future one already over next year's); "the first half of the year" stays skipped. "the first N
  months of 2023" runs from January to the end of month N; "since the start of the year" from January 1 to
  publication; "by the end of the year" / "by year-end" is that year (an explicit year earlier in the sentence
  for a past clause, else the publication year).
- A bare weekday ("said Friday", "a Friday briefing") needs a tense: past → on or before publication, future →
  on or after; "on Monday" without one stays on or before, "next Monday" is after; not "Good Friday", "every
  Friday", "Sunday Times". "on Thursday and Friday" is a two-day range.
- "yesterday"/"tomorrow" always date something (not "of tomorrow", nor possessives but "today's meeting"-like);
  "today" only with an event verb near it: a past form right before it ("threshed today"), a perfect or passive,
  "will + verb", "earlier/later today", a past form after it followed by a function word ("Today members worked
  on"), so "today" meaning nowadays ("Europe today holds", "today we are committed to") is skipped.
- A year is also a date as the subject of a clause ("2022 was a hard year"); decades ("the 2000s") are not.
- Not events: durations ("the past year", "over the last year") and the outlet's publication stamp opening a
  paragraph ("CITY (Outlet / Agency - 24th November, 2020) CITY, November 24 (Agency) -"); an agency dateline
  ("TASHKENT, JUNE 14 2017 (Agency) —", "DUSHANBE/Dec. 4") is kept.

Decisions: "early/mid/late 2025" keeps year precision (the boundaries of "early" are not defined). A quarter
or half is a range of exact days; its expression starts at the ordinal, without "the". "N years earlier"
counts back from the last explicit year before it in the same sentence (skipped without one).
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from loaders import schema
from loaders import event_patterns as P
from loaders.event_relative import (
    Hit, day_of_relative_year, day_range_without_year, day_without_year, end_of_year, half_of_month, last_or_next_month,
    leading_int,
    month_alone, month_end, month_number, month_of_relative_year, month_range_without_year, months_of_year,
    quarter_without_year, relative_unit, safe_day, season, start_of_year, today, units_back, weekday, weekday_pair)
from loaders.sentences import evidence_rows
from loaders.windows import windowed_finditer

# Handlers of dates complete in the text (those resolved against the publication date are in
# loaders.event_relative), with the same signature: the match, the span (s, e) of its kind's group, the padded
# paragraph and the publication date; each returns (date, date_end, precision, expr_start, expr_end) or None.


def _month_range(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"between May and July 2024", "May-July 2024": a range over whole months; None unless the second is later."""
    g = m.group
    y = int(g("by") or g("mmy"))
    m1, m2 = month_number(g("bm1") or g("mm1")), month_number(g("bm2") or g("mm2"))
    if m2 <= m1:
        return None
    return dt.date(y, m1, 1), month_end(y, m2), "range", s, e


def _month_year_range(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"from May 2024 to July 2025": a range over whole months; None unless it runs forward."""
    g = m.group
    a, b = dt.date(int(g("fy1")), month_number(g("fm1")), 1), month_end(int(g("fy2")), month_number(g("fm2")))
    return (a, b, "range", s, e) if a < b else None


def _year_range(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"from 2024 to 2026", "2024-26": a range over whole years; None unless the end is 1-50 years later."""
    g = m.group
    ya = int(g("fya") or g("ya"))
    raw = g("fyb") or g("yb")
    yb = int(raw) if len(raw) == 4 else (ya // 100) * 100 + int(raw)
    if not ya < yb <= ya + 50:
        return None
    return dt.date(ya, 1, 1), dt.date(yb, 12, 31), "range", s, e


def _day_range(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"12-14 May 2025", "May 12-14, 2025": a range of days; None if a day does not exist or it runs backwards."""
    g = m.group
    y = int(g("ddy") or g("mddy"))
    mon = month_number(g("ddmon") or g("mddmon"))
    a, b = safe_day(y, mon, leading_int(g("dd1") or g("mdd1"))), safe_day(y, mon, leading_int(g("dd2") or g("mdd2")))
    return (a, b, "range", s, e) if a and b and a < b else None


def _numeric_day(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"2025-04-04" (ISO) or "04.03.2025" (day.month.year): that day; None if it does not exist."""
    g = m.group
    d = safe_day(int(g("iy") or g("dy")), int(g("im") or g("dm")), int(g("id") or g("dd")))
    return (d, d, "day", s, e) if d else None


def _full_date(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"8 November 2022", "November 8, 2022": that day; None if it does not exist."""
    g = m.group
    d = safe_day(int(g("y1") or g("y2")), month_number(g("m1") or g("m2")), leading_int(g("d1") or g("d2")))
    return (d, d, "day", s, e) if d else None


def _month_year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"November 2022", "March of 2024": that whole month, at month precision."""
    y, mon = int(m.group("y5")), month_number(m.group("m5"))
    return dt.date(y, mon, 1), month_end(y, mon), "month", s, e


def _quarter_or_half(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"first quarter of 2025", "Q3 2024", "H1'25", "second half of next year", "the final quarter of this year":
    a range of exact days; None for a relative year without a publication date, or a fifth quarter or third half."""
    g = m.group
    if g("qq2"):
        unit, n, y = g("qq2"), int(g("qn2")), 2000 + int(g("qy2"))
    else:
        unit = g("qq") or ("Q" if g("qu") == "quarter" else "H")
        word = (g("qord") or "").lower()
        n = int(g("qn")) if g("qq") else (4 if unit == "Q" else 2) if word in ("final", "last") else P.ORDINAL[word]
        pre = "k" if g("qq") else "q"
        if g(pre + "y"):
            y = int(g(pre + "y"))
        elif pub is None:
            return None
        else:
            y = pub.year + P.STEP[g(pre + "r").lower()]
    months = 3 if unit == "Q" else 6
    if n * months > 12:
        return None
    return dt.date(y, (n - 1) * months + 1, 1), month_end(y, n * months), "range", s, e


def _year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """A bare year: that whole year, only in a date context ("in 2025", "2030 strategy", "2022 was a hard year"),
    else it may be a number."""
    if not (P.YEAR_CTX.search(text, max(0, s - 24), s) or P.YEAR_AFTER.match(text, e)
            or (P.YEAR_SUBJECT_AFTER.match(text, e) and P.YEAR_SUBJECT_BEFORE.search(text, max(0, s - 8), s))):
        return None
    y = int(m.group("y"))
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", s, e


# Each alternative of PATTERN is one named group (the match's `lastgroup`), in the pattern's order.

_HANDLERS = {
    "btw": _month_range, "fmy": _month_year_range, "bmr": month_range_without_year, "fy": _year_range,
    "ddm": _day_range, "mdd": _day_range, "mdr": day_range_without_year, "mm": _month_range,
    "mmr": month_range_without_year, "iso": _numeric_day, "dot": _numeric_day, "dmy": _full_date,
    "mdy": _full_date, "dry": day_of_relative_year, "myr": month_of_relative_year, "dm_": day_without_year,
    "md_": day_without_year, "my": _month_year, "hm": half_of_month, "lmo": last_or_next_month, "mo": month_alone, "yr": _year_range,
    "rel": relative_unit, "ssn": season, "wd": weekday, "qh": _quarter_or_half, "q0": quarter_without_year,
    "nm": months_of_year, "ago": units_back, "soy": start_of_year, "eoy": end_of_year,
    "tdy": today, "wdr": weekday_pair, "y": _year,
}


def _resolve(m: re.Match, text: str, pub: dt.date | None) -> Hit:
    """(date, date_end, precision, expr_start, expr_end) for match `m`, or None when it is not a usable date."""
    s, e = m.span(m.lastgroup)
    return _HANDLERS[m.lastgroup](m, s, e, text, pub)


def find_events(text: str, pub: dt.date | None) -> list[tuple[dt.date, dt.date, str, int, int]]:
    """(date, date_end, precision, start, end) of each date expression in `text`, given publication date `pub`;
    none inside the publication stamp that opens a paragraph."""
    out = []
    if not text:
        return out
    padded = " " + text
    stamp = P.STAMP.match(padded, 1)
    skip = stamp.end() if stamp else 0
    for m in windowed_finditer(P.PATTERN, P.TRIGGER, padded, P.BEFORE, P.AFTER):
        try:
            hit = _resolve(m, padded, pub)
        except (ValueError, OverflowError, KeyError):
            hit = None
        if hit is not None and hit[3] >= skip:
            d, d_end, precision, s, e = hit
            out.append((d, d_end, precision, s - 1, e - 1))
    return out


def _as_date(value) -> dt.date | None:
    if value is None or value is pd.NaT:
        return None
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(ts) else ts.date()


def events_table(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Schema "events": one row per date expression, anchored on each article's publication date."""
    pub_of = dict(zip(articles["article_id"].tolist(), articles["date"].tolist()))
    rows = []
    anchors: dict[str, dt.date | None] = {}
    for aid, pno, text in zip(
        paragraphs["article_id"].tolist(), paragraphs["para_no"].tolist(), paragraphs["text"].tolist()
    ):
        if not isinstance(text, str):
            continue
        if aid not in anchors:
            anchors[aid] = _as_date(pub_of.get(aid))
        rows.extend(evidence_rows(aid, pno, text, find_events(text, anchors[aid])))
    if not rows:
        return schema.empty("events")
    frame = pd.DataFrame(rows, columns=schema.columns("events"))
    frame["date"] = pd.to_datetime(frame["date"])
    frame["date_end"] = pd.to_datetime(frame["date_end"])
    return schema.conform("events", frame)

