"""Dates the text leaves incomplete, resolved against the publication date: the tense of a date's clause, the
candidate years it picks from, and the handlers of `loaders.events` for dates without a year or relative to
publication (see the conventions in that module's docstring)."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re

from loaders import event_patterns as P

_TENSE_OF = {"fut": 1, "cond": 0, "pres": 0, "say": -1, "past": -1}


def safe_day(y: int, m: int, d: int) -> dt.date | None:
    """That day, or None when it does not exist."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def months_later(y: int, m: int, k: int) -> tuple[int, int]:
    """(year, month) `k` months after month `m` of year `y`."""
    y2, m2 = divmod(y * 12 + m - 1 + k, 12)
    return y2, m2 + 1


def month_number(word: str) -> int:
    return P.MONTHS[word.rstrip(".").lower()]


def leading_int(token: str) -> int:
    return int(P.DIGITS.match(token).group(0))


@functools.lru_cache(maxsize=1)
def _clauses(text: str) -> tuple[list[int], list[int], list[int], list[re.Match]]:
    """Starts and ends of the clause cuts and starts of the tense markers of `text`, with the markers: one scan
    of the paragraph each, shared by all its dates (the paragraph searched last is kept)."""
    cuts = list(P.CLAUSE_CUT.finditer(text))
    marks = list(P.TENSE.finditer(text))
    return [c.start() for c in cuts], [c.end() for c in cuts], [m.start() for m in marks], marks


def tense_kind(text: str, s: int, e: int) -> str | None:
    """The kind (fut, cond, pres, say, past) of the tense marker of the date at text[s:e]: the nearest before it in
    its clause (a past verb only within four words of it, a speech verb only when it governs the date: "said
    Thursday", "announced on its site on Monday", not "said the plant opens in June"), else the first after it in
    the clause but a speech verb ("..., the minister said"); None without one."""
    cut_starts, cut_ends, starts, marks = _clauses(text)
    i = bisect.bisect_right(cut_ends, s) - 1
    lo = max(s - 120, cut_ends[i] if i >= 0 else 0)
    for k in range(bisect.bisect_left(starts, s) - 1, bisect.bisect_left(starts, lo) - 1, -1):
        mark = marks[k]
        if mark.lastgroup == "past" and len(P.NEAR_WORDS.findall(text, mark.end(), s)) > 4:
            return None  # a past verb far before the date need not govern it
        if mark.lastgroup != "say" or P.SAY_GOVERNS.match(text, mark.end(), s):
            return mark.lastgroup
    j = bisect.bisect_left(cut_starts, e)
    hi = min(e + 80, cut_starts[j] if j < len(cut_starts) else len(text))
    for k in range(bisect.bisect_left(starts, e), bisect.bisect_left(starts, hi)):
        if marks[k].lastgroup == "fut" and marks[k].group().startswith("to "):
            continue  # "met … on June 13-14 to discuss": the purpose of the event, not its tense
        if marks[k].lastgroup != "say" and marks[k].end() <= hi:
            return marks[k].lastgroup
    return None


def clause_tense(text: str, s: int, e: int) -> int:
    """-1 (past), 1 (future) or 0 (present, conditional "would", none) for the date at text[s:e]."""
    return _TENSE_OF.get(tense_kind(text, s, e), 0)


def pick(spans, pub: dt.date, tense: int):
    """Of candidate (first, last) day pairs: past → those starting on or before `pub`, future → those ending on or
    after it; then the nearest to `pub` (containing it first), the earlier on a tie."""
    if tense < 0:
        spans = [c for c in spans if c[0] <= pub]
    elif tense > 0:
        spans = [c for c in spans if c[1] >= pub]
    return min(spans, key=lambda c: (max((c[0] - pub).days, (pub - c[1]).days, 0), c[0] > pub), default=None)


def by_tense(make, text: str, s: int, e: int, pub: dt.date | None, rel: str | None = None):
    """The (first, last) pair `make(year)` (None when that year has no such span): of the year `rel`
    ("this/last/next") names, else picked by the clause's tense."""
    if pub is None:
        return None
    if rel:
        return make(pub.year + P.STEP[rel.lower()])
    spans = [c for c in (make(pub.year + k) for k in (-1, 0, 1)) if c is not None]
    return pick(spans, pub, clause_tense(text, s, e))


def anchor_year(text: str, s: int) -> int | None:
    """The last explicit year before `s` in its sentence, or None."""
    lo = max(0, s - 300)
    for cut in P.SENTENCE_END.finditer(text, lo, s + 1):
        lo = cut.end()
    anchors = P.ANCHOR_YEAR.findall(text, lo, s)
    return int(anchors[-1]) if anchors else None


# Handlers, one per kind of expression: each gets the match, the span (s, e) of its kind's group, the padded
# paragraph and the publication date, and returns (date, date_end, precision, expr_start, expr_end) or None.
Hit = tuple[dt.date, dt.date, str, int, int] | None


def month_range_without_year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"from March to May (this year)", "January-August": whole months, the year named or by tense (a range may
    run into the next year)."""
    g = m.group
    m1, m2 = month_number(g("rm1") or g("rm3")), month_number(g("rm2") or g("rm4"))
    if m1 == m2:
        return None
    span = by_tense(lambda y: (dt.date(y, m1, 1), month_end(y + (m2 < m1), m2)), text, s, e, pub,
                     g("bw") or g("mmw"))
    return (*span, "range", s, e) if span else None


def day_range_without_year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"March 11-15", "11-15 March (last year)": a range of days, the year named or by tense."""
    g = m.group
    mon = month_number(g("rmon") or g("rmon2"))
    d1, d2 = leading_int(g("rd1") or g("rd3")), leading_int(g("rd2") or g("rd4"))

    def make(y):
        a, b = safe_day(y, mon, d1), safe_day(y, mon, d2)
        return (a, b) if a and b and a < b else None

    span = by_tense(make, text, s, e, pub, g("dw"))
    return (*span, "range", s, e) if span else None


def day_of_relative_year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"October 6 this year", "6 October last year": that day of that year."""
    if pub is None:
        return None
    g = m.group
    y = pub.year + P.STEP[g("yw").lower()]
    d = safe_day(y, month_number(g("ym1") or g("ym2")), leading_int(g("yd1") or g("yd2")))
    return (d, d, "day", s, e) if d else None


def day_without_year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"8 November", "November 8": by tense, the last occurrence on or before publication ("met on April 9"), the
    next ("will take office on July 1", "is to be held on"), else the nearest; the nearest too for a day that
    starts a measure ("said the curbs from August 1 were …"); None without a pub date."""
    g = m.group
    mon, day = month_number(g("m3") or g("m4")), leading_int(g("d3") or g("d4"))

    def make(y):
        d = safe_day(y, mon, day)
        return (d, d) if d else None

    if pub is not None and P.STARTING_BEFORE.search(text, max(0, s - 24), s):
        span = pick([c for c in (make(pub.year + k) for k in (-1, 0, 1)) if c is not None], pub, 0)
    else:
        span = by_tense(make, text, s, e, pub)
    return (*span, "day", s, e) if span else None


def month_of_relative_year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"November last year", "in March this year": that month of that year ("May" only after a date word)."""
    name = m.group("m6")
    if pub is None or name.isupper() or (name == "May" and not P.MONTH_BEFORE.search(text, max(0, s - 24), s)):
        return None
    y, mon = pub.year + P.STEP[m.group("mw").lower()], month_number(name)
    return dt.date(y, mon, 1), month_end(y, mon), "month", s, e


def month_alone(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"in March", "mid-March", "by the end of May", "the January events": that month, its year by tense."""
    name = m.group("mo")
    event_noun = P.MONTH_NOUN_BEFORE.search(text, max(0, s - 8), s) and P.MONTH_NOUN_AFTER.match(text, e)
    if name.isupper() or not (P.MONTH_BEFORE.search(text, max(0, s - 24), s) or (event_noun and name != "May")):
        return None
    kind = tense_kind(text, s, e)
    if pub is None or kind == "cond":  # "would open in June" (tests/gold q06): a plan the text does not date firmly
        return None
    mon = month_number(name)
    span = pick([(dt.date(y, mon, 1), month_end(y, mon)) for y in (pub.year - 1, pub.year, pub.year + 1)],
                pub, _TENSE_OF.get(kind, 0))
    return (*span, "month", s, e) if span else None


def last_or_next_month(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"last December": the latest December before the publication month; "next March": the first after it."""
    if pub is None or m.group("lmon").isupper():
        return None
    mon = month_number(m.group("lmon"))
    if m.group("lw").lower() == "last":
        y = pub.year if mon < pub.month else pub.year - 1
    else:
        y = pub.year if mon > pub.month else pub.year + 1
    return dt.date(y, mon, 1), month_end(y, mon), "month", s, e


def half_of_month(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"the first half of December" (1-15), "the second half of March 2024" (16-end): a range, the year given,
    named ("of last year") or by tense."""
    g = m.group
    mon, first = month_number(g("hmon")), g("hord").lower() == "first"

    def make(y):
        return (dt.date(y, mon, 1), dt.date(y, mon, 15)) if first else (dt.date(y, mon, 16), month_end(y, mon))

    span = make(int(g("hy"))) if g("hy") else by_tense(make, text, s, e, pub, g("hw"))
    return (*span, "range", s, e) if span else None


def relative_unit(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"last/this/next year|month|week": that year, month or Monday–Sunday week from the pub date; None after
    "the/past/over" (a span)."""
    if pub is None or P.REL_BEFORE.search(text, max(0, s - 8), s):
        return None
    step, unit = P.STEP[m.group("rw").lower()], m.group("ru")
    if unit == "year":
        y = pub.year + step
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", s, e
    if unit == "week":
        if not step:  # tests/gold (q05_german) annotates "visited ... this week" as no date
            return None
        monday = pub - dt.timedelta(days=pub.weekday() - 7 * step)
        return monday, monday + dt.timedelta(days=6), "range", s, e
    y, mon = months_later(pub.year, pub.month, step)
    return dt.date(y, mon, 1), month_end(y, mon), "month", s, e


def season(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"this autumn": September to November of the publication year ("this winter" in January: the winter that
    began in December); "last"/"next" the one a year before or after."""
    if pub is None:
        return None
    first = P.SEASON_START[m.group("season")]
    y = pub.year - 1 if first == 12 and pub.month <= 2 else pub.year
    y += P.STEP[m.group("sw").lower()]
    end_y, end_m = months_later(y, first, 2)
    return dt.date(y, first, 1), month_end(end_y, end_m), "range", s, e


def weekday(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """A weekday: "last Monday" on or before the pub date, "next Monday" after it; otherwise by tense (past → on
    or before, future → on or after), and without a tense on or before ("a meeting Thursday in Malaysia").
    The expression is the day."""
    if pub is None:
        return None
    pre, ws, we = (m.group("wpre") or "").lower(), *m.span("wday")
    if not pre and (P.WEEKDAY_NOT_BEFORE.search(text, max(0, ws - 10), ws) or P.CAPITAL_AFTER.match(text, we)):
        return None
    tense = 0 if pre in ("last", "next") else clause_tense(text, ws, we)
    d = _weekday_date(P.WEEKDAYS[m.group("wday").lower()], pre, tense, pub)
    return (d, d, "day", ws, we) if d else None


def _weekday_date(wday: int, pre: str, tense: int, pub: dt.date) -> dt.date | None:
    """Weekday `wday` (0 = Monday) after the word `pre` ("" for none) in a clause of tense `tense`."""
    back, ahead = (pub.weekday() - wday) % 7, (wday - pub.weekday()) % 7
    if pre == "next":
        return pub + dt.timedelta(days=ahead or 7)
    if tense > 0 or (tense == 0 and pre == "this"):
        return pub + dt.timedelta(days=ahead)
    return pub - dt.timedelta(days=back)  # past, or no tense: news dates what has happened by its weekday


def weekday_pair(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"on Thursday and Friday" (consecutive days): a two-day range, placed like "on Thursday"."""
    if pub is None:
        return None
    d = _weekday_date(P.WEEKDAYS[m.group("wda").split()[0].lower()], "on", clause_tense(text, s, e), pub)
    return d, d + dt.timedelta(days=1), "range", s, e


def quarter_without_year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"the first quarter", "the second half of the year": that quarter or half of the publication year; a past one
    not yet begun is last year's, a future one already over next year's. Only after "the"."""
    if pub is None or not P.THE_BEFORE.search(text, max(0, s - 6), s):
        return None
    word = m.group("q0ord").lower()
    n = 4 if word == "final" else P.ORDINAL[word]
    months = 3 if m.group("q0u") else 6  # "the first half of the year": January to June
    if n * months > 12:
        return None

    def make(y):
        return dt.date(y, months * n - months + 1, 1), month_end(y, months * n)

    tense = clause_tense(text, s, e)
    spans = [c for c in map(make, (pub.year, pub.year - 1, pub.year + 1))
             if not (tense < 0 and c[0] > pub or tense > 0 and c[1] < pub)]
    return (*spans[0], "range", s, e) if spans else None


def months_of_year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"(the first) 8 months of 2023": January 1 to the last day of month 8."""
    g = m.group
    word = g("nmn").lower()
    n = P.COUNT.get(word) or int(word)
    if g("nmy"):
        y = int(g("nmy"))
    elif pub is None:
        return None
    else:
        y = pub.year + P.STEP.get(g("nmw").lower(), 0)
    return dt.date(y, 1, 1), month_end(y, n), "range", s, e


def units_back(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"N years/months/weeks/days ago" (from the publication date; a week is its Monday–Sunday range) or "N years earlier" (from the last explicit year
    earlier in the sentence): that year, month or day. None without the anchor, after "more than/over/the" (a
    duration), or after "of/than" ("the people of five years ago": a comparison, not an event)."""
    if P.AGO_BEFORE.search(text, max(0, s - 12), s):
        return None
    word, unit = m.group("an").lower(), m.group("au")
    back = P.COUNT[word] if word in P.COUNT else int(word)
    if m.group("aw") == "ago":
        if pub is None:
            return None
        if unit == "day":
            d = pub - dt.timedelta(days=back)
            return d, d, "day", s, e
        if unit == "week":  # "two weeks ago": the Monday–Sunday week holding the day 14 days back
            d = pub - dt.timedelta(days=7 * back)
            monday = d - dt.timedelta(days=d.weekday())
            return monday, monday + dt.timedelta(days=6), "range", s, e
        if unit == "month":
            y, mon = months_later(pub.year, pub.month, -back)
            return dt.date(y, mon, 1), month_end(y, mon), "month", s, e
        y = pub.year - back
    else:
        anchor = anchor_year(text, s) if unit == "year" else None
        if anchor is None:
            return None
        y = anchor - back
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", s, e


def start_of_year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"since the start of the year": January 1 of the publication year to the publication date."""
    return (dt.date(pub.year, 1, 1), pub, "range", s, e) if pub else None


def end_of_year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"(by) the end of the year", "by year-end": that year, the explicit year earlier in the sentence unless the
    clause is future, else the publication year; "year-end" only after by/at/before/until."""
    if not m.group("eoy").startswith("end") and not P.YEAREND_BEFORE.search(text, max(0, s - 16), s):
        return None
    anchor = anchor_year(text, s) if clause_tense(text, s, e) <= 0 else None
    y = anchor or (pub.year if pub else None)
    return (dt.date(y, 1, 1), dt.date(y, 12, 31), "year", s, e) if y else None


def today(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> Hit:
    """"today/yesterday/tomorrow": the publication date moved by that step ("the day before yesterday" two days).
    Yesterday and tomorrow always date something (not "of tomorrow"); today only with an event verb near it or as
    "today's meeting" (expression: the word alone)."""
    if pub is None:
        return None
    step = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("tw").lower()]
    if m.group("tposs"):
        e = s + len(m.group("tw"))
    elif step and P.TODAY_NOT_BEFORE.search(text, max(0, s - 4), s):
        return None
    elif not step and not (P.TODAY_BEFORE.search(text, max(0, s - 96), s) or P.TODAY_AFTER.match(text, e)
                           or (P.TODAY_AUX.search(text, max(0, s - 8), s) and P.TODAY_PARTICIPLE.match(text, e))):
        return None
    two = P.DAY_BEFORE_AFTER.search(text, max(0, s - 20), s) if step else None
    if two and two.group(1) == ("before" if step < 0 else "after"):
        s, step = two.start(), 2 * step
    d = pub + dt.timedelta(days=step)
    return d, d, "day", s, e
