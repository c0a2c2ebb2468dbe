"""Mentioned dates: calendar expressions in paragraphs resolved against the publication date.

`events_table` runs one compiled regex over each paragraph and turns every match
into a (date, date_end, precision) triple: exact days, months, years (only in a
date context), ranges, quarters and halves of a year, weekdays, "last/this/next
year|month", "N year(s) ago|earlier" and today/yesterday/tomorrow. Dates
without a year resolve to their nearest occurrence on or before the publication date.

Decisions: "early/mid/late 2025" keeps year precision (the boundaries of "early"
are not defined, so a 4-month range would claim precision the text lacks). A
quarter or half is a range of exact days and needs an explicit year or
"this/next/last year" ("the first half of the year" is skipped); its expression
starts at the ordinal, without "the". "today/yesterday/tomorrow" count only when
they date an event: an event verb (past or perfect for today/yesterday, "will/to
+ verb" for today/tomorrow, present for tomorrow) within two words before or
three words after, or "earlier/later today"; "today's" and "today" in a general
statement ("today we offer", "Europe today holds") are not dates. "N years
earlier" counts back from the last explicit year before it in the same sentence
(skipped without one); "N years ago" counts back from the publication year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pandas as pd

from loaders import schema
from loaders.sentences import evidence_rows
from loaders.windows import windowed_finditer

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

# Month names are matched capitalised only, so the verb "may" and "march" never count.
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![\w])")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d\w])"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_NOT_QTY = (r"(?![.,]?\d)(?!\s*(?:%|percent\b|per\s?cent\b|(?i:tonnes?|tons?|t|kg|km|kt|mt|mw|gw|mwh|gwh|twh|"
            r"hectares?|ha|people|units|jobs|million|billion|thousand|mln|bn|bln)\b))")
_YEAR_CONTEXT = (r"(?:\b(?:in|In|by|By|since|Since|until|Until|till|from|From|of|for|For|during|During|before|Before|"
                 r"after|After|through|throughout|to|year|early|mid|late|end\s+of|beginning\s+of|start\s+of|"
                 r"half\s+of|spring|summer|autumn|fall|winter|as\s+of|fiscal|FY|mid-)\s*)")
_YEAR_NOUN = (r"(?=\s+(?:roadmap|road\s+map|plan|programme|program|strategy|agenda|budget|summit|forum|"
              r"elections?|targets?|goals?|deadline|edition|report|session|Roadmap|Plan|Programme|Strategy|Summit|Forum|Agenda)\b)")
_SEP = r"\s*[-–—]\s*"
_YEAR_SPEC = rf"(?:(?P<{{0}}y>{_YEAR})(?!\d)|(?P<{{0}}r>[Tt]his|[Nn]ext|[Ll]ast)\s+year(?!\w))"
_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

# Every match starts one character early, at a non-word character (the text is searched with a
# leading space), so the regex engine can skip quickly to candidate positions; "mid-2024" is let in.
_PATTERN = re.compile(
    r"[^\w.,/](?:(?<!-)|(?<=mid-))"
    r"(?=[0-9A-Z]|(?:between|from|last|this|next|on|since|until|by|first|second|third|fourth|1st|2nd|3rd|4th|"
    r"an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)[\s-]|(?:today|yesterday|tomorrow)\b)(?:"
    # ranges first, longest forms first
    rf"(?P<btw>(?:[Bb]etween|[Ff]rom)\s+(?P<bm1>{_MON})\s+(?:and|to|until|till|through)\s+(?P<bm2>{_MON}),?\s+(?P<by>{_YEAR})(?!\d))"
    rf"|(?P<fmy>[Ff]rom\s+(?P<fm1>{_MON})\s+(?P<fy1>{_YEAR})\s+(?:to|until|till|through)\s+(?P<fm2>{_MON})\s+(?P<fy2>{_YEAR})(?!\d))"
    rf"|(?P<fy>(?:[Bb]etween|[Ff]rom)\s+(?P<fya>{_YEAR})\s+(?:and|to|until|till|through)\s+(?P<fyb>{_YEAR}){_NOT_QTY})"
    rf"|(?P<ddm>(?P<dd1>{_DAY}){_SEP}(?P<dd2>{_DAY})\s+(?P<ddmon>{_MON}),?\s+(?P<ddy>{_YEAR})(?!\d))"
    rf"|(?P<mdd>(?P<mddmon>{_MON})\s+(?P<mdd1>{_DAY}){_SEP}(?P<mdd2>{_DAY}),\s+(?P<mddy>{_YEAR})(?!\d))"
    rf"|(?P<mm>(?P<mm1>{_MON}){_SEP}(?P<mm2>{_MON}),?\s+(?P<mmy>{_YEAR})(?!\d))"
    # exact days
    r"|(?P<iso>(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d))(?![\d\w])"
    r"|(?P<dot>(?P<dd>\d\d?)\.(?P<dm>\d\d?)\.(?P<dy>\d{4}))(?![\d\w])"
    rf"|(?P<dmy>(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MON}),?\s+(?P<y1>{_YEAR})(?!\d))"
    rf"|(?P<mdy>(?P<m2>{_MON})\s+(?P<d2>{_DAY}),?\s+(?P<y2>{_YEAR})(?![\d\w]))"
    rf"|(?P<dm_>(?P<d3>{_DAY})\s+(?P<m3>{_MON}))"
    rf"|(?P<md_>(?P<m4>{_MON})\s+(?P<d4>{_DAY}){_NOT_QTY})"
    # months, year ranges, years
    rf"|(?P<my>(?P<m5>{_MON}),?\s+(?P<y5>{_YEAR})(?!\d))"
    rf"|(?P<yr>(?P<ya>{_YEAR})(?:{_SEP}|/)(?P<yb>{_YEAR}|\d\d)(?![\d\w]|[-–.,]\d))"
    r"|(?P<rel>(?P<rw>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<ru>year|month)(?!\w))"
    r"|(?P<wd>(?P<wpre>on|last|since|until|by|On|Last|Since|Until|By)\s+"
    r"(?P<wday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\w)(?!,?\s+(?:\d|" + _MON + r")))"
    # quarters and halves of an explicit year
    r"|(?P<qh>(?:(?P<qord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[1-4](?:st|nd|rd|th))[\s-]+(?P<qu>quarter|half)"
    r"(?:\s+of)?(?:\s+(?:fiscal|FY))?\s+" + _YEAR_SPEC.format("q") + r"|(?P<qq>[QH])(?P<qn>[1-4])(?:\s+of|[-\s])\s*"
    + _YEAR_SPEC.format("k") + r"|(?P<qq2>[QH])(?P<qn2>[1-4])['’](?P<qy2>\d\d)(?![\d\w])))"
    # N years ago / earlier
    r"|(?P<ago>(?P<an>a|an|one|two|three|four|five|six|seven|eight|nine|ten|A|An|One|Two|Three|Four|Five|Six|Seven|"
    r"Eight|Nine|Ten|\d\d?)\s+"
    r"years?\s+(?P<aw>ago|earlier)(?!\w)(?!\s+than\b))"
    # today / yesterday / tomorrow dating an event
    r"|(?P<tdy>(?P<tw>[Tt]oday|[Yy]esterday|[Tt]omorrow)(?:(?P<tposs>['’]s\s+(?:[\w-]+\s+)?"
    r"(?:meeting|talks|session|summit|visit|vote|election|victory|decision|signing|ceremony|event|forum|"
    r"conference|sitting|briefing|announcement|milestones?|agreement|statement)\b)|(?![\w'’-])))"
    rf"|(?P<y>{_YEAR}){_NOT_QTY}"
    r")"
)
# Every date expression contains a digit, "day" (weekdays, today, yesterday), "morrow", "year" or "month";
# the few, fairly rare first characters let the engine jump between candidates in C. Only windows
# around them are searched.
_TRIGGER = re.compile("|".join(
    [rf"{d}[0-9]*" for d in "0123456789"]
    + ["day", "year", "month", "morrow"]))
_BEFORE, _AFTER = 48, 64
_YEAR_CTX = re.compile(_YEAR_CONTEXT + r"$")
_YEAR_AFTER = re.compile(_YEAR_NOUN)
_REL_BEFORE = re.compile(r"(?:\bthe|\bpast|\bover)\s+$", re.IGNORECASE)
_AGO_BEFORE = re.compile(r"(?:\bmore\s+than|\bover|\bthe)\s+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ANCHOR_YEAR = re.compile(rf"(?<![\w.,]){_YEAR}{_NOT_QTY}(?![\w])")
_DIGITS = re.compile(r"\d+")
_LEMMAS = ("agree sign announce open launch approve adopt endorse unveil inaugurate conclude present visit discuss "
           "report publish release complete host welcome confirm declare decide ratify introduce start vote arrive "
           "close finalise finalize pledge commission award receive elect appoint attend deliver add reveal").split()


def _inflect(lemma: str) -> tuple[str, str, str]:
    """(past, third person, -ing) forms of a regular English verb."""
    if lemma.endswith("y"):
        return lemma[:-1] + "ied", lemma[:-1] + "ies", lemma + "ing"
    past = lemma + ("d" if lemma.endswith("e") else "ed")
    third = lemma + ("es" if lemma.endswith(("ch", "sh", "ss")) else "s")
    ing = lemma + "ing" if lemma.endswith("ee") else lemma.removesuffix("e") + "ing"
    return past, third, ing


_FORMS = [_inflect(w) for w in _LEMMAS]
_BASE = "|".join(_LEMMAS + ["meet", "hold", "say", "begin", "take\\s+place", "kick\\s+off"])
# Event verbs: past/perfect forms date "today"/"yesterday", "will/to + verb" "today"/"tomorrow", and present
# forms only "tomorrow" (present "holds"/"says today" usually means nowadays).
_PAST = "|".join([f[0] for f in _FORMS] + ["met", "held", "said", "told", "began", "begun", "gave", "given", "won",
                                            "struck", "kicked\\s+off", "took\\s+place"])
_WILL = rf"(?:will|to|shall)\s+(?:(?:formally|officially|also|jointly)\s+)?(?:{_BASE})"
_PRES = "|".join([f[1] for f in _FORMS] + [f[2] for f in _FORMS] + [
    "meets", "meeting", "holds", "holding", "begins", "beginning", "scheduled", "due", "set", "expected"])
_VERBS = {0: rf"(?:(?:has|have|had)\s+(?:(?:also|now|formally|officially|jointly)\s+)?)?(?:{_PAST})|{_WILL}",
          -1: rf"(?:(?:has|have|had)\s+(?:(?:also|now|formally|officially|jointly)\s+)?)?(?:{_PAST})",
          1: rf"{_WILL}|{_PRES}"}
_WORDS = r"(?:\s+[\w’'-]+){0,%d}"
_TODAY_BEFORE = {k: re.compile(rf"(?:\b(?:{v}){_WORDS % 4}|\bearlier|\blater)\s+$") for k, v in _VERBS.items()}
_TODAY_AFTER = {k: re.compile(rf",?{_WORDS % 5}\s+(?:{v})\b") for k, v in _VERBS.items()}


# The verb governing a date written right before it ("met on", "was signed on"), and future markers in its clause.
_PAST_JUST_BEFORE = re.compile(rf"\b(?:was|were)?\s*(?:{_PAST})(?:\s+[\w’'-]+)?\s+(?:on|since)\s+$")
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|scheduled|due|set\s+to|expected|planned|plans?\s+to|to\s+be)\b[^.!?]*$")


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _mon(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def _num(token: str) -> int:
    return int(_DIGITS.match(token).group(0))


# Handlers, one per kind of expression: each gets the match, the span (s, e) of its kind's group, the padded
# paragraph and the publication date, and returns (date, date_end, precision, expr_start, expr_end) or None.
_Hit = tuple[dt.date, dt.date, str, int, int] | None


def _month_range(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """"between May and July 2024", "May-July 2024": a range over whole months; None unless the second is later."""
    g = m.group
    y = int(g("by") or g("mmy"))
    m1, m2 = _mon(g("bm1") or g("mm1")), _mon(g("bm2") or g("mm2"))
    if m2 <= m1:
        return None
    return dt.date(y, m1, 1), _month_end(y, m2), "range", s, e


def _month_year_range(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """"from May 2024 to July 2025": a range over whole months; None unless it runs forward."""
    g = m.group
    a, b = dt.date(int(g("fy1")), _mon(g("fm1")), 1), _month_end(int(g("fy2")), _mon(g("fm2")))
    return (a, b, "range", s, e) if a < b else None


def _year_range(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """"from 2024 to 2026", "2024-26": a range over whole years; None unless the end is 1-50 years later."""
    g = m.group
    ya = int(g("fya") or g("ya"))
    raw = g("fyb") or g("yb")
    yb = int(raw) if len(raw) == 4 else (ya // 100) * 100 + int(raw)
    if not ya < yb <= ya + 50:
        return None
    return dt.date(ya, 1, 1), dt.date(yb, 12, 31), "range", s, e


def _day_range(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """"12-14 May 2025", "May 12-14, 2025": a range of days; None if a day does not exist or it runs backwards."""
    g = m.group
    y = int(g("ddy") or g("mddy"))
    mon = _mon(g("ddmon") or g("mddmon"))
    a, b = _day(y, mon, _num(g("dd1") or g("mdd1"))), _day(y, mon, _num(g("dd2") or g("mdd2")))
    return (a, b, "range", s, e) if a and b and a < b else None


def _numeric_day(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """"2025-04-04" (ISO) or "04.03.2025" (day.month.year): that day; None if it does not exist."""
    g = m.group
    d = _day(int(g("iy") or g("dy")), int(g("im") or g("dm")), int(g("id") or g("dd")))
    return (d, d, "day", s, e) if d else None


def _full_date(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """"8 November 2022", "November 8, 2022": that day; None if it does not exist."""
    g = m.group
    d = _day(int(g("y1") or g("y2")), _mon(g("m1") or g("m2")), _num(g("d1") or g("d2")))
    return (d, d, "day", s, e) if d else None


def _day_without_year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """"8 November", "November 8": the occurrence nearest the publication date, the last one after a past verb
    ("met on April 9"), the next after a future one ("will take office on July 1"); None without a pub date."""
    if pub is None:
        return None
    g = m.group
    mon, day = _mon(g("m3") or g("m4")), _num(g("d3") or g("d4"))
    candidates = [d for d in (_day(pub.year + k, mon, day) for k in (-1, 0, 1)) if d is not None]
    before = text[max(0, s - 48):s]
    if _PAST_JUST_BEFORE.search(before):
        candidates = [c for c in candidates if c <= pub]
    elif _FUTURE_BEFORE.search(before):
        candidates = [c for c in candidates if c >= pub]
    d = min(candidates, key=lambda c: (abs((c - pub).days), c > pub), default=None)
    return (d, d, "day", s, e) if d else None


def _month_year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """"November 2022": that whole month, at month precision."""
    y, mon = int(m.group("y5")), _mon(m.group("m5"))
    return dt.date(y, mon, 1), _month_end(y, mon), "month", s, e


def _relative_year_or_month(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """"last/this/next year|month": that year or month from the pub date; None after "the/past/over" (a span)."""
    if pub is None or _REL_BEFORE.search(text, max(0, s - 8), s):
        return None
    step = {"last": -1, "this": 0, "next": 1}[m.group("rw").lower()]
    if m.group("ru") == "year":
        y = pub.year + step
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", s, e
    y, mon = divmod(pub.year * 12 + pub.month - 1 + step, 12)
    return dt.date(y, mon + 1, 1), _month_end(y, mon + 1), "month", s, e


def _weekday(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """"on/last/since/until/by Monday": that weekday on or before the publication date; the expression is the day."""
    if pub is None:
        return None
    back = (pub.weekday() - _WEEKDAYS[m.group("wday").lower()]) % 7
    d = pub - dt.timedelta(days=back)
    return (d, d, "day", *m.span("wday"))


def _quarter_or_half(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """"first quarter of 2025", "Q3 2024", "H1'25", "second half of next year": a range of exact days; None for
    a relative year without a publication date, or for a fifth quarter or third half."""
    g = m.group
    if g("qq2"):
        unit, n, y = g("qq2"), int(g("qn2")), 2000 + int(g("qy2"))
    else:
        unit = g("qq") or ("Q" if g("qu") == "quarter" else "H")
        n = int(g("qn")) if g("qq") else _ORDINAL[g("qord").lower()]
        pre = "k" if g("qq") else "q"
        if g(pre + "y"):
            y = int(g(pre + "y"))
        elif pub is None:
            return None
        else:
            y = pub.year + {"last": -1, "this": 0, "next": 1}[g(pre + "r").lower()]
    months = 3 if unit == "Q" else 6
    if n * months > 12:
        return None
    return dt.date(y, (n - 1) * months + 1, 1), _month_end(y, n * months), "range", s, e


def _years_back(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """"N years ago" (from the publication year) or "N years earlier" (from the last explicit year earlier in the
    sentence): that year. None without the anchor, or after "more than/over/the" (a duration, not a date)."""
    if _AGO_BEFORE.search(text, max(0, s - 12), s):
        return None
    word = m.group("an").lower()
    back = _COUNT[word] if word in _COUNT else int(word)
    if m.group("aw") == "ago":
        if pub is None:
            return None
        y = pub.year - back
    else:
        lo = max(0, s - 300)
        for cut in _SENTENCE_END.finditer(text, lo, s + 1):
            lo = cut.end()
        anchors = _ANCHOR_YEAR.findall(text, lo, s)
        if not anchors:
            return None
        y = int(anchors[-1]) - back
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", s, e


def _today(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """"today/yesterday/tomorrow": the publication date moved by that step, only when it dates an event (an event
    verb near it, or "today's meeting"-style, whose expression is the word alone); None otherwise."""
    if pub is None:
        return None
    step = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("tw").lower()]
    if m.group("tposs"):
        e = s + len(m.group("tw"))
    elif not (_TODAY_BEFORE[step].search(text, max(0, s - 64), s) or _TODAY_AFTER[step].match(text, e)):
        return None
    d = pub + dt.timedelta(days=step)
    return d, d, "day", s, e


def _year(m: re.Match, s: int, e: int, text: str, pub: dt.date | None) -> _Hit:
    """A bare year: that whole year, only in a date context ("in 2025", "2030 strategy"), else it may be a number."""
    if not (_YEAR_CTX.search(text, max(0, s - 24), s) or _YEAR_AFTER.match(text, e)):
        return None
    y = int(m.group("y"))
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", s, e


# Each alternative of _PATTERN is one named group (the match's `lastgroup`), in the pattern's order.
_HANDLERS = {
    "btw": _month_range, "fmy": _month_year_range, "fy": _year_range, "ddm": _day_range, "mdd": _day_range,
    "mm": _month_range, "iso": _numeric_day, "dot": _numeric_day, "dmy": _full_date, "mdy": _full_date,
    "dm_": _day_without_year, "md_": _day_without_year, "my": _month_year, "yr": _year_range,
    "rel": _relative_year_or_month, "wd": _weekday, "qh": _quarter_or_half, "ago": _years_back,
    "tdy": _today, "y": _year,
}


def _resolve(m: re.Match, text: str, pub: dt.date | None) -> _Hit:
    """(date, date_end, precision, expr_start, expr_end) for match `m`, or None when it is not a usable date."""
    s, e = m.span(m.lastgroup)
    return _HANDLERS[m.lastgroup](m, s, e, text, pub)


def find_events(text: str, pub: dt.date | None) -> list[tuple[dt.date, dt.date, str, int, int]]:
    """(date, date_end, precision, start, end) of each date expression in `text`, given publication date `pub`."""
    out = []
    if not text:
        return out
    padded = " " + text
    for m in windowed_finditer(_PATTERN, _TRIGGER, padded, _BEFORE, _AFTER):
        try:
            hit = _resolve(m, padded, pub)
        except (ValueError, OverflowError, KeyError):
            hit = None
        if hit is not None:
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

